"""Drive the search page the way a reader does, and read back what it shows."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Locator, Page, Request, expect

RESULT_LINKS = "#search-results a.search-result__link"
SHARD_FILE = re.compile(r"/pagefind/([a-z0-9-]+)/[^/]")


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


@dataclass(frozen=True)
class Shard:
    name: str
    councils: tuple[str, ...]
    years: tuple[str, ...]


def shards_of(site: Path) -> list[Shard]:
    """The search shards the build listed in pagefind/shards.json."""
    manifest = json.loads((site / "pagefind" / "shards.json").read_text(encoding="utf-8"))
    return [Shard(s["name"], tuple(s["councils"]), tuple(s["years"])) for s in manifest["shards"]]


def watch_shard_requests(page: Page) -> set[str]:
    """The shard folders (pagefind/<name>/) the page fetches anything from, filled in as it goes."""
    fetched: set[str] = set()

    def note(request: Request) -> None:
        if match := SHARD_FILE.search(urlsplit(request.url).path):
            fetched.add(match[1])

    page.on("request", note)
    return fetched
