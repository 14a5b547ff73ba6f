"""Search in a real browser, against the shipped content, served with its real CSP."""

from __future__ import annotations

import datetime
import gzip
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Route, expect

from minutebook.index.terms import term_hash, terms
from tests.browser.filtervalues import choose_filter
from tests.browser.pagekinds import Item, load_items
from tests.browser.searchpage import (
    RESULT_LINKS,
    blocks_fetched,
    checkbox,
    expect_count,
    filter_count,
    index_manifest,
    open_search,
    result_paths,
    show_every_result,
    status,
    url_state,
    watch_index_requests,
)
from tests.browser.server import serve_site
from tests.site.headers import netlify_rules
from tests.site.sitebuild import DATED_CONTENT, REPO_ROOT, build_site, config_with_block_size

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


def test_each_result_is_shown_as_soon_as_its_record_arrives(page: Page, site_url: str) -> None:
    """Records are fetched in the order shown; while all but the first are held back, the
    first result is already on the page (and the count waits for the rest)."""
    passed: list[Route] = []
    held: list[Route] = []

    def hold_all_but_the_first(route: Route) -> None:
        if passed:
            held.append(route)
        else:
            passed.append(route)
            route.continue_()

    page.route(re.compile(r"/search/index/blocks/\d+/d\d+\.json\.gz$"), hold_all_but_the_first)
    open_search(page, site_url, f"?q={QUERY}")
    expect(page.locator(RESULT_LINKS)).to_have_count(1)
    expect(status(page)).to_have_text("")
    expect(page.locator("#search-results")).to_have_attribute("aria-busy", "true")
    assert held, "the other results' records were asked for at the same time"
    passed.extend(held)
    for route in held:
        route.continue_()
    found = wait_for_any_results(page)
    assert {IMPROVEMENT, QUALITY, HEREFORDSHIRE} <= set(found)
    expect(page.locator("#search-results")).not_to_have_attribute("aria-busy", "true")


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


# The shipped items fit one block; these tests build them in blocks of two, which gives
# [Bradford, Bradford], [Herefordshire, Powys], [Thurrock] (undated items are numbered by URL).
@pytest.fixture(scope="module")
def blocks_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("blocks")
    return build_site(folder / "site", config_dir=config_with_block_size(folder / "config", 2))


@pytest.fixture(scope="module")
def blocks_url(blocks_site: Path) -> Iterator[str]:
    with serve_site(blocks_site, netlify_rules(REPO_ROOT / "netlify.toml")) as url:
        yield url


def test_a_council_filtered_search_fetches_only_the_files_its_words_and_council_need(
    page: Page, blocks_url: str, blocks_site: Path
) -> None:
    manifest = index_manifest(blocks_site)
    assert len(manifest["blocks"]) == 3
    words = [*terms(QUERY), "council=Bradford"]
    fetched = watch_index_requests(page)
    open_search(page, blocks_url, f"?q={QUERY}&council=Bradford")
    expect_count(page, 2, "(council: Bradford)")
    assert set(result_paths(page)) == {IMPROVEMENT, QUALITY}
    assert blocks_fetched(fetched) == {0}, "Bradford's items are all in block 0"
    assert set(fetched) == {
        "manifest.json",
        *(f"terms/{term_hash(word) % manifest['term_buckets']}.bin" for word in words),
        *(f"blocks/0/p{term_hash(word) % manifest['block_buckets']}.bin" for word in words),
        "blocks/0/facets.bin",
        "blocks/0/d0.json.gz",
        "blocks/0/d1.json.gz",
    }
    assert len(fetched) == len(set(fetched)), "a file was fetched twice"


def test_a_search_visits_exactly_the_blocks_that_hold_all_its_words(
    page: Page, blocks_url: str, blocks_site: Path
) -> None:
    """Which block holds which words is read from the records (the text as indexed). Oldest
    first, so that no block is fetched on a guess (see the next test)."""
    manifest = index_manifest(blocks_site)
    holding = _blocks_holding(blocks_site, manifest, QUERY)
    assert 0 < len(holding) < len(manifest["blocks"]), "the query should rule out a block"
    fetched = watch_index_requests(page)
    open_search(page, blocks_url, f"?q={QUERY}&sort=oldest")
    found = wait_for_any_results(page)
    assert {IMPROVEMENT, QUALITY, HEREFORDSHIRE} <= set(found)
    assert blocks_fetched(fetched) == holding


def test_an_unfiltered_search_fetches_the_newest_blocks_postings_on_a_guess(
    page: Page, blocks_url: str, blocks_site: Path
) -> None:
    """With the dictionary, not after it: a wrong guess costs that block's postings and facets
    and nothing more (no record, and no 404, which the console watch would report)."""
    manifest = index_manifest(blocks_site)
    newest = len(manifest["blocks"]) - 1
    holding = _blocks_holding(blocks_site, manifest, QUERY)
    assert newest not in holding, "the newest block (Thurrock) lacks the query's words"
    fetched = watch_index_requests(page)
    open_search(page, blocks_url, f"?q={QUERY}")
    found = wait_for_any_results(page)
    assert {IMPROVEMENT, QUALITY, HEREFORDSHIRE} <= set(found)
    assert blocks_fetched(fetched) == holding | {newest}
    buckets = manifest["block_buckets"]
    assert {path for path in fetched if path.startswith(f"blocks/{newest}/")} == {
        f"blocks/{newest}/facets.bin",
        *(f"blocks/{newest}/p{term_hash(word) % buckets}.bin" for word in terms(QUERY)),
    }


def test_a_filtered_search_guesses_the_newest_block_its_filter_value_is_in(
    page: Page, blocks_url: str, blocks_site: Path
) -> None:
    """Thurrock's only block lacks the query's words: the dictionary rules it out, so all that
    is fetched of it is what the guess asked for, with the dictionary."""
    manifest = index_manifest(blocks_site)
    councils = manifest["filters"]["council"]
    thurrock = councils["newest"][councils["values"].index("Thurrock")]
    assert thurrock not in _blocks_holding(blocks_site, manifest, QUERY)
    fetched = watch_index_requests(page)
    open_search(page, blocks_url, f"?q={QUERY}&council=Thurrock")
    expect_count(page, 0, "(council: Thurrock)")
    buckets = manifest["block_buckets"]
    assert {path for path in fetched if path.startswith("blocks/")} == {
        f"blocks/{thurrock}/facets.bin",
        *(
            f"blocks/{thurrock}/p{term_hash(word) % buckets}.bin"
            for word in [*terms(QUERY), "council=Thurrock"]
        ),
    }


def _blocks_holding(site: Path, manifest: dict[str, Any], query: str) -> set[int]:
    words_by_block = _words_by_block(site, manifest)
    return {block for block, words in enumerate(words_by_block) if set(terms(query)) <= words}


def _words_by_block(site: Path, manifest: dict[str, Any]) -> list[set[str]]:
    folder = site / "search" / "index" / "blocks"
    found = []
    for block, summary in enumerate(manifest["blocks"]):
        words: set[str] = set()
        for local in range(summary["docs"]):
            record = json.loads(
                gzip.decompress((folder / str(block) / f"d{local}.json.gz").read_bytes())
            )
            for section in record["sections"]:
                words.update(terms(section["text"]))
        found.append(words)
    return found


def test_the_filter_lists_show_every_council_and_year_before_any_block_is_fetched(
    page: Page, blocks_url: str, blocks_site: Path
) -> None:
    items = load_items(blocks_site)
    fetched = watch_index_requests(page)
    open_search(page, blocks_url)
    for name, values in (
        ("council", [item.council for item in items]),
        ("year", [item.year_value for item in items]),
    ):
        shown = page.locator(f"#search-filter-groups input[name={name}]")
        assert {box.get_attribute("value") for box in shown.all()} == set(values)
        for value in set(values):
            expect(filter_count(page, name, value)).to_have_text(f"({values.count(value)})")
    assert fetched == ["manifest.json"]


# Two councils with interleaving meeting dates, in blocks of two, so sorting has to go across them.
OTHER_COUNCIL = {"2020-02-01": "Autumn reservoir works", "2021-07-01": "Summer reservoir works"}


@pytest.fixture(scope="module")
def two_council_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("two-councils")
    content = folder / "content"
    shutil.copytree(DATED_CONTENT, content)
    for date, title in OTHER_COUNCIL.items():
        _write_item(content, "Otherton Borough Council", date, title)
    config = config_with_block_size(folder / "config", 2)
    return build_site(folder / "site", content, config)


def _write_item(content: Path, council: str, date: str, title: str) -> None:
    path = content / council.split()[0].lower() / f"{date}-{title.split()[0].lower()}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"---\ncouncil: {council}\ncommittee: Cabinet\ndate: {date}\n"
        f'item: "3"\ntitle: {title}\n---\n\n## Purpose\n\nThe reservoir programme.\n',
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def two_council_url(two_council_site: Path) -> Iterator[str]:
    with serve_site(two_council_site, netlify_rules(REPO_ROOT / "netlify.toml")) as url:
        yield url


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_sorting_by_date_orders_results_across_blocks(
    page: Page, two_council_url: str, two_council_site: Path, sort: str
) -> None:
    items = load_items(two_council_site)
    assert len(index_manifest(two_council_site)["blocks"]) == 3
    dated = sorted((i for i in items if i.date), key=_date, reverse=sort == "newest")
    open_search(page, two_council_url, f"?q=reservoir&sort={sort}")
    expect_count(page, len(items))
    shown = result_paths(page)
    assert [p for p in shown if p in {i.url for i in dated}] == [i.url for i in dated]
    assert shown[len(dated) :] == [i.url for i in items if not i.date], "undated items go last"


# More items than the relevance pool (50), two councils taking turns month by month, in blocks
# of two: a search for a word they all have must say that its count is a lower bound.
MANY = 61


@pytest.fixture(scope="module")
def many_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("many")
    content = folder / "content"
    for n in range(MANY):
        council = ("Otherton Borough Council", "Elsewhere District Council")[n % 2]
        date = f"{2019 + n // 12}-{n % 12 + 1:02d}-{n % 28 + 1:02d}"
        _write_item(content, council, date, f"Reservoir works {n}")
    config = config_with_block_size(folder / "config", 2)
    return build_site(folder / "site", content, config)


@pytest.fixture(scope="module")
def many_url(many_site: Path) -> Iterator[str]:
    with serve_site(many_site, netlify_rules(REPO_ROOT / "netlify.toml")) as url:
        yield url


AT_LEAST = re.compile(
    r"^At least (\d+) results for “reservoir” \(searched newest first; more load as you page\)$"
)


def test_a_search_matching_more_than_the_pool_says_so_and_more_results_makes_it_exact(
    page: Page, many_url: str, many_site: Path
) -> None:
    blocks = len(index_manifest(many_site)["blocks"])
    fetched = watch_index_requests(page)
    open_search(page, many_url, "?q=reservoir")
    expect(status(page)).to_have_text(AT_LEAST)
    found = int(AT_LEAST.match(status(page).inner_text())[1])  # type: ignore[index]
    assert 50 <= found < MANY
    expect(page.locator(RESULT_LINKS)).to_have_count(10)
    assert len(blocks_fetched(fetched)) < blocks, "the first page visited every block"
    expect(filter_count(page, "council", "Elsewhere")).to_have_text(re.compile(r"^\(\d+\+\)$"))
    show_every_result(page)
    expect_count(page, MANY, "for “reservoir”")
    assert set(result_paths(page)) == {item.url for item in load_items(many_site)}
    assert len(blocks_fetched(fetched)) == blocks
    expect(filter_count(page, "council", "Elsewhere")).to_have_text(f"({MANY // 2})")


@pytest.mark.parametrize("sort", ["relevance", "oldest"])
@pytest.mark.parametrize(
    ("council", "since", "until"),
    [
        ("Otherton", "2019-03-15", "2020-02-10"),  # both ends inside blocks
        ("Elsewhere", "2021-06-01", None),
        ("Otherton", None, "2019-01-01"),  # exactly the first item's day
    ],
)
def test_a_date_range_and_a_council_give_exactly_the_items_items_json_says(
    page: Page,
    many_url: str,
    many_site: Path,
    council: str,
    since: str | None,
    until: str | None,
    sort: str,
) -> None:
    expected = [
        item
        for item in load_items(many_site)
        if item.council == council
        and item.date
        and (not since or item.date >= since)
        and (not until or item.date <= until)
    ]
    assert 0 < len(expected) < 50
    query = "".join(f"&{name}={value}" for name, value in (("from", since), ("to", until)) if value)
    sort_query = "&sort=oldest" if sort == "oldest" else ""
    open_search(page, many_url, f"?council={council}{query}{sort_query}")
    expect(status(page)).to_contain_text("(council: ")
    show_every_result(page)
    expect_count(page, len(expected), f"(council: {council})")
    shown = result_paths(page)
    assert set(shown) == {item.url for item in expected}
    if sort == "oldest":
        assert shown == [item.url for item in sorted(expected, key=_date)]


# More items than the page checks records for a quoted phrase on one page of results (100):
# Every item has both words of "works reservoir", none has them in that order; and every item
# has both word pairs of "the reservoir works" ("The reservoir programme", "Reservoir works 7"),
# none has the three words in that order.
PHRASE_ITEMS = 300
RECORD_FILE = re.compile(r"^blocks/\d+/d\d+\.json\.gz$")


def records_of(fetched: list[str]) -> set[str]:
    return {path for path in fetched if RECORD_FILE.match(path)}


@pytest.fixture(scope="module")
def phrase_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("phrase")
    content = folder / "content"
    first = datetime.date(2015, 1, 1)
    for n in range(PHRASE_ITEMS):
        date = (first + datetime.timedelta(days=n)).isoformat()
        _write_item(content, "Otherton Borough Council", date, f"Reservoir works {n}")
    return build_site(folder / "site", content, config_with_block_size(folder / "config", 16))


def test_a_phrases_first_match_is_shown_before_the_rest_of_its_batch_is_checked(
    page: Page, phrase_site: Path
) -> None:
    """A quoted phrase's candidates are checked against their records, fetched together; the
    top-ranked one is shown as soon as its record confirms it, while the others are held."""
    state: dict[str, Any] = {"passed": 0, "held": [], "releasing": False}

    def hold_all_but_the_first(route: Route) -> None:
        if state["passed"] and not state["releasing"]:
            state["held"].append(route)
        else:
            state["passed"] += 1
            route.continue_()

    with serve_site(phrase_site, netlify_rules(REPO_ROOT / "netlify.toml")) as url:
        page.route(re.compile(r"/search/index/blocks/\d+/d\d+\.json\.gz$"), hold_all_but_the_first)
        open_search(page, url, '?q="reservoir works"')  # in every title
        expect(page.locator(RESULT_LINKS)).to_have_count(1)
        expect(page.locator("#search-results")).to_have_attribute("aria-busy", "true")
        expect(status(page)).to_have_text("")
        assert len(state["held"]) >= 9, "the rest of the batch was asked for at the same time"
        state["releasing"] = True
        for route in state["held"]:
            route.continue_()
        expect(page.locator(RESULT_LINKS)).to_have_count(10)
        expect(page.locator("#search-results")).not_to_have_attribute("aria-busy", "true")
        expect(status(page)).to_have_text(re.compile(r"results"))


def test_a_phrase_whose_words_are_common_but_never_meet_fetches_no_record(
    page: Page, phrase_site: Path
) -> None:
    """Its words are in every item, so every item would be a candidate to check; no item has
    the two words one after the other, so the word pairs rule out every one, in every block."""
    with serve_site(phrase_site, netlify_rules(REPO_ROOT / "netlify.toml")) as url:
        fetched = watch_index_requests(page)
        open_search(page, url, '?q="works reservoir"')
        expect(status(page)).to_have_text(re.compile(r"^No results for “\"works reservoir\"”"))
        assert records_of(fetched) == set()
        assert any(re.match(r"^blocks/\d+/w\d+\.bin$", path) for path in fetched)
        expect(page.locator(RESULT_LINKS)).to_have_count(0)


def test_a_phrase_whose_word_pairs_are_common_checks_a_bounded_number_of_records_per_page(
    page: Page, phrase_site: Path
) -> None:
    with serve_site(phrase_site, netlify_rules(REPO_ROOT / "netlify.toml")) as url:
        fetched = watch_index_requests(page)
        open_search(page, url, '?q="the reservoir works"')
        expect(status(page)).to_have_text(
            re.compile(r"^No results yet for “\"the reservoir works\"”")
        )
        assert 0 < len(records_of(fetched)) <= 100 + 10  # a batch may start just under 100
        expect(page.locator("#search-more")).to_be_visible()  # older items are still to check
        expect(page.locator(RESULT_LINKS)).to_have_count(0)
