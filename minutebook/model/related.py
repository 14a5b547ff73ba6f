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
    position in `items`, which keeps the work per item to a few integer operations."""
    position = {item.url: index for index, item in enumerate(items)}
    positions_by_topic = {
        topic: [position[other.url] for other in members]
        for topic, members in items_by_topic.items()
    }
    return {
        item.url: _related(index, items, positions_by_topic) for index, item in enumerate(items)
    }


def _related(
    index: int, items: list[AgendaItem], positions_by_topic: dict[str, list[int]]
) -> RelatedItems:
    item = items[index]
    shared: Counter[int] = Counter()
    for topic in item.topics:
        shared.update(_nearby(positions_by_topic[topic.id], index))
    ranked = sorted(shared, key=lambda i: (-shared[i], i))
    other_councils = [i for i in ranked if items[i].council_slug != item.council_slug]
    here = (item.council_slug, item.committee_slug)
    same_committee = [i for i in ranked if (items[i].council_slug, items[i].committee_slug) == here]
    return RelatedItems(
        tuple(items[i] for i in other_councils[:MAX_RELATED]),
        tuple(items[i] for i in sorted(same_committee[: MAX_RELATED * 2])),
    )


def _nearby(positions: list[int], index: int) -> list[int]:
    """Positions of one topic's items closest to `index` in the archive's order (itself
    excluded)."""
    if len(positions) <= CANDIDATES_PER_TOPIC:
        return [p for p in positions if p != index]
    low = max(0, bisect.bisect_left(positions, index) - CANDIDATES_PER_TOPIC // 2)
    return [p for p in positions[low : low + CANDIDATES_PER_TOPIC + 1] if p != index]
