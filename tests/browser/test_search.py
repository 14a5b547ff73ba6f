"""Search in a real browser, against the shipped content, served with its real CSP."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.browser.filtervalues import choose_filter
from tests.browser.pagekinds import Item, load_items
from tests.browser.searchpage import (
    RESULT_LINKS,
    checkbox,
    expect_count,
    open_search,
    result_paths,
    shards_of,
    status,
    url_state,
    watch_shard_requests,
)
from tests.browser.server import serve_site
from tests.site.headers import netlify_rules
from tests.site.sitebuild import DATED_CONTENT, REPO_ROOT, build_site, config_with_shard_size

pytestmark = pytest.mark.browser

QUERY = "agency social workers"
IMPROVEMENT = "/bradford/childrens-services-overview-and-scrutiny-committee/undated/childrens-services-improvement-programme/"
QUALITY = "/bradford/childrens-services-overview-and-scrutiny-committee/undated/quality-assurance-and-audit-in-childrens-social-care/"
ANY_COUNT = re.compile(r"^\d+ results?\b")
HEREFORDSHIRE = "/herefordshire/children-and-young-people-scrutiny-committee/undated/review-of-performance-and-progress-against-the-safeguarding-and/"


def wait_for_any_results(page: Page) -> list[str]:
    expect(status(page)).to_have_text(ANY_COUNT)
    count = int(status(page).inner_text().split()[0])
    expect(page.locator(RESULT_LINKS)).to_have_count(count)
    return result_paths(page)


def test_typing_a_query_shows_the_matching_items_and_puts_it_in_the_url(
    page: Page, site_url: str
) -> None:
    open_search(page, site_url)
    page.locator("#search-input").press_sequentially(QUERY)
    found = wait_for_any_results(page)
    assert {IMPROVEMENT, QUALITY, HEREFORDSHIRE} <= set(found)
    expect(status(page)).to_contain_text(f"for “{QUERY}”")
    assert url_state(page) == {"q": [QUERY]}
    expect(page.locator("#search-results mark").first).to_be_visible()


def test_the_council_filter_narrows_a_query_to_that_council(page: Page, site_url: str) -> None:
    open_search(page, site_url, f"?q={QUERY}")
    wait_for_any_results(page)
    checkbox(page, "council", "Bradford").check()
    expect_count(page, 2, "(council: Bradford)")
    assert set(result_paths(page)) == {IMPROVEMENT, QUALITY}
    assert url_state(page) == {"q": [QUERY], "council": ["Bradford"]}


@pytest.mark.parametrize("name", ["council", "committee", "topic", "kind", "year"])
def test_each_filter_shows_exactly_the_items_items_json_says_match(
    page: Page, site_url: str, built_site: Path, name: str
) -> None:
    choice = choose_filter(built_site, name)
    open_search(page, site_url)
    checkbox(page, name, choice.value).check()
    expect_count(page, len(choice.urls), choice.value)
    assert set(result_paths(page)) == choice.urls
    assert url_state(page) == {name: [choice.value]}
    checkbox(page, name, choice.value).uncheck()
    expect(page.locator(RESULT_LINKS)).to_have_count(0)
    assert url_state(page) == {}


def test_a_shared_url_shows_the_same_results_and_form_state(page: Page, site_url: str) -> None:
    open_search(page, site_url, f"?q={QUERY}&council=Bradford")
    expect_count(page, 2, "(council: Bradford)")
    assert set(result_paths(page)) == {IMPROVEMENT, QUALITY}
    expect(page.locator("#search-input")).to_have_value(QUERY)
    expect(checkbox(page, "council", "Bradford")).to_be_checked()


def test_a_phrase_in_quotes_matches_only_the_words_together(page: Page, site_url: str) -> None:
    open_search(page, site_url, f"?q={QUERY}")
    loose = set(wait_for_any_results(page))
    open_search(page, site_url, f'?q="{QUERY}"')
    phrase = set(wait_for_any_results(page))
    assert IMPROVEMENT in phrase  # "…the number of agency social workers in the district…"
    assert QUALITY not in phrase  # has "agency staff" and "social workers", never together
    assert phrase < loose


def test_a_query_with_no_results_says_so_and_suggests_what_to_try(
    page: Page, site_url: str
) -> None:
    open_search(page, site_url)
    page.locator("#search-input").fill("zzxqvj")
    page.locator("#search-input").press("Enter")
    expect(status(page)).to_contain_text("No results for “zzxqvj”")
    expect(status(page)).to_contain_text("try fewer or different words")
    expect(page.locator(RESULT_LINKS)).to_have_count(0)


def test_opening_a_result_lands_on_the_item(page: Page, site_url: str, built_site: Path) -> None:
    titles = {item.url: item.title for item in load_items(built_site)}
    open_search(page, site_url, f"?q={QUERY}&council=Bradford")
    expect_count(page, 2)
    link = page.locator(RESULT_LINKS).first
    target = urlsplit(link.get_attribute("href") or "").path
    link.click()
    page.wait_for_url(f"{site_url}{target}")
    expect(page.locator("h1")).to_have_text(titles[target], ignore_case=True)


def test_a_sub_result_jumps_to_the_matching_section(page: Page, site_url: str) -> None:
    open_search(page, site_url, f"?q={QUERY}&council=Bradford")
    expect_count(page, 2)
    sub = page.locator("#search-results a.search-result__sub").first
    href = sub.get_attribute("href") or ""
    path, _, fragment = href.partition("#")
    assert fragment, f"sub-result link {href!r} has no #section"
    sub.click()
    page.wait_for_url(f"{site_url}{href}")
    section = page.locator(f"[id={fragment!r}]")
    expect(section).to_have_count(1)
    expect(section).to_be_in_viewport()
    assert urlsplit(page.url).path == path


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_sorting_by_date_orders_dated_items_and_keeps_undated_ones(
    page: Page, dated_site_url: str, dated_site: Path, sort: str
) -> None:
    """Runs on tests/site_fixtures/dated-content: the shipped items have no meeting dates yet."""
    items = load_items(dated_site)
    dated = sorted((i for i in items if i.date), key=_date, reverse=sort == "newest")
    open_search(page, dated_site_url, "?q=reservoir")
    expect_count(page, len(items))
    page.locator("#search-sort").select_option(sort)
    expect(page).to_have_url(f"{dated_site_url}/search/?q=reservoir&sort={sort}")
    expect(page.locator(RESULT_LINKS)).to_have_count(len(items))
    shown = result_paths(page)
    assert [p for p in shown if p in {i.url for i in dated}] == [i.url for i in dated]
    assert set(shown) == {i.url for i in items}, "sorting dropped the undated items"


def _date(item: Item) -> str:
    return item.date or ""


@pytest.mark.parametrize(
    ("range_query", "expected_dates"),
    [
        ("from=2020-01-01&to=2020-12-31", ["2020-11-25"]),
        ("from=2020-11-26", ["2021-03-04"]),  # the boundary day is trimmed, not the whole month
        ("to=2020-11-25", ["2019-06-12", "2020-11-25"]),
    ],
)
def test_a_date_range_returns_only_items_dated_inside_it(
    page: Page, dated_site_url: str, dated_site: Path, range_query: str, expected_dates: list[str]
) -> None:
    """Runs on tests/site_fixtures/dated-content (three dated items and one undated)."""
    expected = {i.url for i in load_items(dated_site) if i.date in expected_dates}
    open_search(page, dated_site_url, f"?q=reservoir&{range_query}")
    expect_count(page, len(expected))
    assert set(result_paths(page)) == expected
    expect(status(page)).to_contain_text("without a recorded meeting date are left out")


# The shipped councils are small enough to share one shard; these tests build them with shards
# of one item at most, which gives each council (Bradford's two undated items stay together)
# a shard of its own.
@pytest.fixture(scope="module")
def sharded_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sharded")
    return build_site(folder / "site", config_dir=config_with_shard_size(folder / "config", 1))


@pytest.fixture(scope="module")
def sharded_url(sharded_site: Path) -> Iterator[str]:
    with serve_site(sharded_site, netlify_rules(REPO_ROOT / "netlify.toml")) as url:
        yield url


def test_a_council_filtered_search_loads_only_that_councils_shard(
    page: Page, sharded_url: str, sharded_site: Path
) -> None:
    """Issue 6: the index is split by council, and a council filter needs only its shard."""
    shards = shards_of(sharded_site)
    assert len(shards) >= 3
    bradford = {shard.name for shard in shards if "Bradford" in shard.councils}
    fetched = watch_shard_requests(page)
    open_search(page, sharded_url, f"?q={QUERY}&council=Bradford")
    expect_count(page, 2, "(council: Bradford)")
    assert set(result_paths(page)) == {IMPROVEMENT, QUALITY}
    assert len(bradford) == 1 and fetched == bradford


def test_an_unfiltered_search_merges_every_shard_and_a_filter_change_reloads_them(
    page: Page, sharded_url: str, sharded_site: Path, site_url: str
) -> None:
    shards = {shard.name for shard in shards_of(sharded_site)}
    fetched = watch_shard_requests(page)
    open_search(page, sharded_url, f"?q={QUERY}")
    everywhere = set(wait_for_any_results(page))
    assert len(shards) >= 3 and fetched == shards
    assert {IMPROVEMENT, QUALITY, HEREFORDSHIRE} <= everywhere  # from two shards
    one_shard = page.context.new_page()  # the same search on the one-shard default build
    open_search(one_shard, site_url, f"?q={QUERY}")
    # Pagefind widens a word to the words it begins when an index has no exact match for it. A
    # shard without the exact word so finds a little more than one index over everything would.
    assert set(wait_for_any_results(one_shard)) <= everywhere
    one_shard.close()
    checkbox(page, "council", "Bradford").check()  # one shard: the merged instance is replaced
    expect_count(page, 2, "(council: Bradford)")
    assert set(result_paths(page)) == {IMPROVEMENT, QUALITY}
    checkbox(page, "council", "Bradford").uncheck()  # every shard again
    expect_count(page, len(everywhere))
    assert set(result_paths(page)) == everywhere


def test_the_filter_lists_show_every_council_and_year_with_one_shard_loaded(
    page: Page, sharded_url: str, sharded_site: Path
) -> None:
    items = load_items(sharded_site)
    open_search(page, sharded_url, f"?q={QUERY}&council=Bradford")
    expect_count(page, 2, "(council: Bradford)")
    for name, values in (
        ("council", {item.council for item in items}),
        ("year", {item.year_value for item in items}),
    ):
        shown = page.locator(f"#search-filter-groups input[name={name}]")
        assert {box.get_attribute("value") for box in shown.all()} == values


# Two councils with interleaving meeting dates, one shard each, so sorting has to merge them.
OTHER_COUNCIL = {"2020-02-01": "Autumn reservoir works", "2021-07-01": "Summer reservoir works"}


@pytest.fixture(scope="module")
def two_council_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("two-councils")
    content = folder / "content"
    shutil.copytree(DATED_CONTENT, content)
    for date, title in OTHER_COUNCIL.items():
        (content / "otherton" / f"{date}.md").parent.mkdir(exist_ok=True)
        (content / "otherton" / f"{date}.md").write_text(
            f"---\ncouncil: Otherton Borough Council\ncommittee: Cabinet\ndate: {date}\n"
            f'item: "3"\ntitle: {title}\n---\n\n## Purpose\n\nThe reservoir programme.\n',
            encoding="utf-8",
        )
    # Shards of 2: Otherton's two items fit one; the dated fixture's four go by runs of years.
    config = config_with_shard_size(folder / "config", 2)
    return build_site(folder / "site", content, config)


@pytest.fixture(scope="module")
def two_council_url(two_council_site: Path) -> Iterator[str]:
    with serve_site(two_council_site, netlify_rules(REPO_ROOT / "netlify.toml")) as url:
        yield url


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_sorting_by_date_orders_results_across_shards(
    page: Page, two_council_url: str, two_council_site: Path, sort: str
) -> None:
    items = load_items(two_council_site)
    assert len(shards_of(two_council_site)) >= 2
    dated = sorted((i for i in items if i.date), key=_date, reverse=sort == "newest")
    open_search(page, two_council_url, f"?q=reservoir&sort={sort}")
    expect_count(page, len(items))
    shown = result_paths(page)
    assert [p for p in shown if p in {i.url for i in dated}] == [i.url for i in dated]
    assert shown[len(dated) :] == [i.url for i in items if not i.date], "undated items go last"
