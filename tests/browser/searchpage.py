"""Drive the search page the way a reader does, and read back what it shows."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Locator, Page, expect

RESULT_LINKS = "#search-results a.search-result__link"


def open_search(page: Page, site_url: str, query_string: str = "") -> None:
    """Open /search/ and wait until Pagefind has loaded (its filters appear)."""
    page.goto(f"{site_url}/search/{query_string}")
    expect(page.locator("#search-filters")).to_be_visible()


def status(page: Page) -> Locator:
    return page.locator("#search-status")


def expect_count(page: Page, count: int, also: str = "") -> None:
    """Wait for the status line to announce `count` results, then for them all to render."""
    words = "No results" if count == 0 else f"{count} results?"
    expect(status(page)).to_have_text(re.compile(rf"^{words}\b.*{re.escape(also)}", re.S))
    expect(page.locator(RESULT_LINKS)).to_have_count(count)


def result_paths(page: Page) -> list[str]:
    return [urlsplit(href).path for href in _hrefs(page.locator(RESULT_LINKS))]


def _hrefs(links: Locator) -> list[str]:
    return [link.get_attribute("href") or "" for link in links.all()]


def checkbox(page: Page, name: str, value: str) -> Locator:
    # json.dumps quotes and escapes the value the way a CSS string needs (apostrophes included).
    return page.locator(
        f"#search-filter-groups input[type=checkbox][name={name}][value={json.dumps(value)}]"
    )


def url_state(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)
