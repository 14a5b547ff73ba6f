"""Related items: the same topic at other councils, and the same subject at the same committee."""

from __future__ import annotations

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
    position = {item.url: index for index, item in enumerate(items)}  # items are newest first
    return {item.url: _related(item, items_by_topic, position) for item in items}


def _related(
    item: AgendaItem, items_by_topic: dict[str, list[AgendaItem]], position: dict[str, int]
) -> RelatedItems:
    shared: Counter[str] = Counter()
    by_url: dict[str, AgendaItem] = {}
    for topic in item.topics:
        for other in _nearby(items_by_topic[topic.id], item, position):
            shared[other.url] += 1
            by_url[other.url] = other
    ranked = sorted(by_url.values(), key=lambda o: (-shared[o.url], position[o.url]))
    other_councils = [o for o in ranked if o.council_slug != item.council_slug][:MAX_RELATED]
    here = (item.council_slug, item.committee_slug)
    same_committee = sorted(
        [o for o in ranked if (o.council_slug, o.committee_slug) == here][: MAX_RELATED * 2],
        key=lambda o: position[o.url],
    )
    return RelatedItems(tuple(other_councils), tuple(same_committee))


def _nearby(
    topic_items: list[AgendaItem], item: AgendaItem, position: dict[str, int]
) -> list[AgendaItem]:
    """Items of one topic closest to `item` in the archive's date order (itself excluded)."""
    if len(topic_items) <= CANDIDATES_PER_TOPIC:
        return [o for o in topic_items if o is not item]
    index = _bisect(topic_items, position[item.url], position)
    low = max(0, index - CANDIDATES_PER_TOPIC // 2)
    return [o for o in topic_items[low : low + CANDIDATES_PER_TOPIC + 1] if o is not item]


def _bisect(topic_items: list[AgendaItem], target: int, position: dict[str, int]) -> int:
    low, high = 0, len(topic_items)
    while low < high:
        middle = (low + high) // 2
        if position[topic_items[middle].url] < target:
            low = middle + 1
        else:
            low, high = low, middle
    return low
