"""Related items: the same topic at other councils, and the same subject at the same committee."""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass

from minutebook.model.entities import AgendaItem

MAX_RELATED = 5
# Per topic, only this many neighbours (by date) are considered, so the cost per item stays
# bounded however many items share a broad topic.
CANDIDATES_PER_TOPIC = 40


@dataclass(frozen=True)
class RelatedItems:
    other_councils: tuple[AgendaItem, ...]  # share topics, at other councils
    same_committee: tuple[AgendaItem, ...]  # share topics, same council and committee, by date


def find_related(
    items: list[AgendaItem], items_by_topic: dict[str, list[AgendaItem]]
) -> dict[str, RelatedItems]:
    """Items are newest first, and so is each topic's list: items are handled by their
    position in `items`, and councils and committees by number, which keeps the work per item
    to a few integer operations (this runs in the parent, for every item, on every build)."""
    position = {item.url: index for index, item in enumerate(items)}
    positions_by_topic = {
        topic: [position[other.url] for other in members]
        for topic, members in items_by_topic.items()
    }
    councils: dict[str, int] = {}
    committees: dict[tuple[str, str], int] = {}
    council_of = [councils.setdefault(i.council_slug, len(councils)) for i in items]
    committee_of = [
        committees.setdefault((i.council_slug, i.committee_slug), len(committees)) for i in items
    ]
    places = _Places(council_of, committee_of)
    return {
        item.url: _related(index, item, items, positions_by_topic, places)
        for index, item in enumerate(items)
    }


@dataclass(frozen=True)
class _Places:
    council_of: list[int]  # by position in the archive's order
    committee_of: list[int]


def _related(
    index: int,
    item: AgendaItem,
    items: list[AgendaItem],
    positions_by_topic: dict[str, list[int]],
    places: _Places,
) -> RelatedItems:
    shared: Counter[int] = Counter()
    for topic in item.topics:
        shared.update(_nearby(positions_by_topic[topic.id], index))
    # Most shared topics first, then the archive's order: one integer per candidate sorts the
    # same as the pair (-shared, position), since positions are below len(items).
    size = len(items)
    ranked = [key % size for key in sorted(p - count * size for p, count in shared.items())]
    council, committee = places.council_of[index], places.committee_of[index]
    other_councils = [i for i in ranked if places.council_of[i] != council][:MAX_RELATED]
    same_committee = [i for i in ranked if places.committee_of[i] == committee]
    return RelatedItems(
        tuple(items[i] for i in other_councils),
        tuple(items[i] for i in sorted(same_committee[: MAX_RELATED * 2])),
    )


def _nearby(positions: list[int], index: int) -> list[int]:
    """Positions of one topic's items closest to `index` in the archive's order (itself
    excluded)."""
    if len(positions) <= CANDIDATES_PER_TOPIC:
        return [p for p in positions if p != index]
    low = max(0, bisect.bisect_left(positions, index) - CANDIDATES_PER_TOPIC // 2)
    return [p for p in positions[low : low + CANDIDATES_PER_TOPIC + 1] if p != index]
