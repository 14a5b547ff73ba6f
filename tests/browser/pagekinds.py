"""One URL for every kind of page, chosen from the built site's own items.json so that the
browser tests follow the content as it grows rather than a hard-coded list."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

KINDS = (
    "home",
    "councils",
    "council",
    "committee",
    "meeting",
    "item",
    "topics",
    "topic",
    "resolutions",
    "resolution-kind",
    "search",
    "404",
    "about",
)


@dataclass(frozen=True)
class Item:
    """The fields of one items.json entry that the search tests compare against."""

    url: str  # path only, e.g. /bradford/…/item-slug/
    title: str
    council: str
    committee: str | None
    date: str | None
    topics: tuple[str, ...]
    kinds: tuple[str, ...]

    @property
    def year_value(self) -> str:
        """The search page's year filter value (undated items share one value)."""
        return self.date[:4] if self.date else "Date not recorded"


def load_items(site: Path) -> list[Item]:
    return [_item(entry) for entry in json.loads((site / "items.json").read_text(encoding="utf-8"))]


def _item(entry: dict[str, Any]) -> Item:
    return Item(
        url=urlsplit(entry["url"]).path,
        title=entry["title"],
        council=entry["council_short"],
        committee=entry["committee"],
        date=entry["date"],
        topics=tuple(entry["topics"]),
        kinds=tuple(sorted({resolution["kind"] for resolution in entry["resolutions"]})),
    )


def parent(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[0] + "/"


def page_kinds(site: Path) -> dict[str, str]:
    """kind name → URL path; the item is the first one in items.json."""
    item = load_items(site)[0]
    meeting = parent(item.url)
    committee = parent(meeting)
    return {
        "home": "/",
        "councils": "/councils/",
        "council": parent(committee),
        "committee": committee,
        "meeting": meeting,
        "item": item.url,
        "topics": "/topics/",
        "topic": f"/topics/{item.topics[0]}/",
        "resolutions": "/resolutions/",
        "resolution-kind": f"/resolutions/{item.kinds[0]}/",
        "search": "/search/?q=agency+social+workers",
        "404": "/404.html",
        "about": "/about/",
    }


def page_heading(site: Path, url: str) -> str:
    """The <h1> text of a built page: the human label behind a topic or decision-kind id."""
    text = (site / url.strip("/") / "index.html").read_text(encoding="utf-8")
    match = re.search(r"<h1\b[^>]*>(.*?)</h1>", text, re.S)
    assert match, f"{url} has no <h1>"
    return html.unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip()
