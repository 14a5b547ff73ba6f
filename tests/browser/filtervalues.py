"""For each filter on the search page, a value that exists in the built site and the items that
items.json says it should match; the browser must show exactly those."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.browser.pagekinds import Item, load_items, page_heading

NO_COMMITTEE = "Committee not recorded"


@dataclass(frozen=True)
class FilterChoice:
    name: str  # the checkbox name and URL parameter
    value: str  # the checkbox value, as the reader sees it
    urls: frozenset[str]  # the items it should match


def _values(name: str, item: Item) -> tuple[str, ...]:
    """An item's values for one filter, as ids (topic, kind) or as shown (the others)."""
    by_name: dict[str, Callable[[Item], tuple[str, ...]]] = {
        "council": lambda i: (i.council,),
        "committee": lambda i: (i.committee or NO_COMMITTEE,),
        "topic": lambda i: i.topics,
        "kind": lambda i: i.kinds,
        "year": lambda i: (i.year_value,),
    }
    return by_name[name](item)


def _label(site: Path, name: str, value: str) -> str:
    """Topics and kinds are filtered by the label their own page shows, not by their id."""
    if name == "topic":
        return page_heading(site, f"/topics/{value}/")
    if name == "kind":
        return page_heading(site, f"/resolutions/{value}/")
    return value


def choose_filter(site: Path, name: str) -> FilterChoice:
    """The value matching the fewest items, so that applying it visibly narrows the results."""
    items = load_items(site)
    matches: dict[str, set[str]] = {}
    for item in items:
        for value in _values(name, item):
            matches.setdefault(value, set()).add(item.url)
    value = min(sorted(matches), key=lambda v: len(matches[v]))
    return FilterChoice(name, _label(site, name, value), frozenset(matches[value]))
