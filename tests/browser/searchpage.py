"""Drive the search page the way a reader does, and read back what it shows."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Locator, Page, Request, expect

RESULT_LINKS = "#search-results a.search-result__link"
INDEX_FILE = re.compile(r"/search/index/(.+)$")
BLOCK_FILE = re.compile(r"blocks/(\d+)/")


def open_search(page: Page, site_url: str, query_string: str = "") -> None:
    """Open /search/ and wait until the index's manifest has loaded (the filters appear)."""
    page.goto(f"{site_url}/search/{query_string}")
    expect(page.locator("#search-filters")).to_be_visible()


def status(page: Page) -> Locator:
    return page.locator("#search-status")


def expect_count(page: Page, count: int, also: str = "") -> None:
    """Wait for the status line to announce `count` results, then for them all to render."""
    words = "No results" if count == 0 else f"{count} results?"  # exact: never "At least"
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


def filter_count(page: Page, name: str, value: str) -> Locator:
    """The count shown beside one filter value, e.g. "(12)", or "(12+)" for a lower bound."""
    return page.locator(
        f"#search-filter-groups input[type=checkbox][name={name}][value={json.dumps(value)}]"
        " + label .count"
    )


def url_state(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def show_every_result(page: Page) -> None:
    """Press "Show more results" until it goes away (each press may visit further blocks)."""
    more = page.locator("#search-more")
    for _ in range(1000):
        expect(page.locator("#search-results")).not_to_have_attribute("aria-busy", "true")
        if more.is_hidden():
            return
        shown = page.locator(RESULT_LINKS).count()
        more.click()
        page.wait_for_function(  # more results, or none left to find
            "([links, shown]) => document.querySelectorAll(links).length !== shown"
            " || document.getElementById('search-more').hidden",
            arg=[RESULT_LINKS, shown],
        )
    raise AssertionError("the results never ran out")


def index_manifest(site: Path) -> dict[str, Any]:
    manifest: dict[str, Any] = json.loads(
        (site / "search" / "index" / "manifest.json").read_text(encoding="utf-8")
    )
    return manifest


def watch_index_requests(page: Page) -> list[str]:
    """The search index files the page fetches (paths under search/index/), filled in as it goes."""
    fetched: list[str] = []

    def note(request: Request) -> None:
        if match := INDEX_FILE.search(urlsplit(request.url).path):
            fetched.append(match[1])

    page.on("request", note)
    return fetched


def blocks_fetched(fetched: list[str]) -> set[int]:
    return {int(match[1]) for path in fetched if (match := BLOCK_FILE.match(path))}
