"""URLs: every page's one stable address, built from slugs. POSIX, starting and ending in "/"."""

from __future__ import annotations

import datetime as dt
import re

from minutebook.model.slugs import slugify

# Top-level folders the archive itself uses; a council slug may not take one.
RESERVED_SLUGS = frozenset(
    {"councils", "topics", "resolutions", "search", "about", "static", "pagefind", "page", "data"}
    | {"threads", "departures", "actions", "glossary", "feeds"}
)
UNDATED = "undated"
_ITEM_LABEL = re.compile(r"[^A-Za-z0-9]+")


def council_slug(short_name: str) -> str:
    slug = slugify(short_name)
    return f"{slug}-council" if slug in RESERVED_SLUGS else slug


def committee_slug(committee: str | None) -> str:
    return slugify(committee) if committee else "committee-not-recorded"


def meeting_segment(date: dt.date | None) -> str:
    return date.isoformat() if date else UNDATED


def item_slug(item_number: str | None, title: str) -> str:
    number = _ITEM_LABEL.sub("-", item_number).strip("-").lower() if item_number else ""
    title_slug = slugify(title, max_length=70)
    return f"{number}-{title_slug}" if number else title_slug


def join_url(*segments: str) -> str:
    return "/" + "".join(f"{s}/" for s in segments)


def page_url(list_url: str, page_number: int) -> str:
    """The URL of page N of a paginated listing (page 1 is the listing itself)."""
    return list_url if page_number == 1 else f"{list_url}page/{page_number}/"


def output_path(url: str) -> str:
    """Where a folder URL's page is written, relative to the output folder."""
    return f"{url.strip('/')}/index.html".lstrip("/")
