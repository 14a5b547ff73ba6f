"""Search in a real browser, against the shipped content, served with its real CSP."""

from __future__ import annotations

import re
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
    status,
    url_state,
)

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
