"""Departures: where what a committee resolved differs from what its officers recommended.

The rule compares the Recommended section with the resolutions, and flags an item when:

- a resolution is of kind *deferred* or *refused* (the committee did not simply decide as asked);
- a resolution says it amends ("as amended", "subject to the following amendment", "rather
  than") and the recommendation did not already say so;
- a resolution goes further: few of its words appear in any recommendation point (word stems,
  with filler such as "that", "the Committee", "be" removed), e.g. a further report requested
  where officers only recommended noting.

Items without both a recommendation and a resolution are not assessed (nothing to compare).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.model.entities import AgendaItem

DEPARTING_KINDS = {"deferred": "Deferred", "refused": "Refused or rejected"}
AMENDED = "Amended"
WENT_FURTHER = "Resolved more than was recommended"
FILTER_VALUE = "Differs from recommendation"
# A resolution whose words are less than this share of the closest recommendation point's is new.
MIN_SHARED = 0.5
_AMENDMENT = re.compile(
    r"\b(?:as amended|amend(?:ed|ment|ments)?\b|subject to the (?:following|addition)"
    r"|with the (?:following )?addition|rather than|instead of)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-z0-9]+")
_FILLER = frozenset((
    "that", "the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "be", "is", "are",
    "was", "were", "this", "these", "those", "it", "its", "by", "with", "as", "at", "from",
    "committee", "cabinet", "council", "members", "member", "resolved", "recommended",
    "recommendation", "recommendations", "report", "contents", "their", "his", "her", "they",
    "we", "our", "all", "any", "further", "has", "have", "been", "being", "made", "i", "ii",
    "iii", "iv", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d",
))  # fmt: skip


@dataclass(frozen=True)
class Departure:
    reasons: tuple[str, ...]  # labels, e.g. ("Deferred",)


def stems(text: str) -> set[str]:
    """Content words cut to five letters, so "noted"/"notes"/"note" and "approve(d)" meet."""
    return {w[:5] for w in _WORD.findall(text.lower()) if w not in _FILLER}


def recommendation_points(markdown: str) -> list[str]:
    """The recommendation split into its points: list items, or else paragraphs."""
    lines = [line.strip() for line in markdown.splitlines()]
    items = [
        re.sub(r"^(?:[-*+]|\d+[.)])\s+", "", ln)
        for ln in lines
        if re.match(r"^(?:[-*+]|\d+[.)])\s", ln)
    ]
    if items:
        return items
    return [p.strip() for p in markdown.split("\n\n") if p.strip()]


def find_departure(item: AgendaItem) -> Departure | None:
    section = item.record.section("recommended")
    if section is None or not section.markdown.strip() or not item.resolutions:
        return None
    return compare(section.markdown, [(r.text, r.kind) for r in item.resolutions])


def compare(recommended: str, resolutions: list[tuple[str, str]]) -> Departure | None:
    """The rule itself, over plain values so tests can state must/must-not cases directly."""
    reasons: list[str] = []
    for _, kind in resolutions:
        if kind in DEPARTING_KINDS:
            reasons.append(DEPARTING_KINDS[kind])
    if any(_AMENDMENT.search(t) for t, _ in resolutions) and not _AMENDMENT.search(recommended):
        reasons.append(AMENDED)
    points = [stems(p) for p in recommendation_points(recommended)] or [set()]
    if any(
        _is_new(stems(text), points) for text, kind in resolutions if kind not in DEPARTING_KINDS
    ):
        reasons.append(WENT_FURTHER)
    unique = tuple(dict.fromkeys(reasons))
    return Departure(unique) if unique else None


def _is_new(words: set[str], points: list[set[str]]) -> bool:
    if not words:
        return False
    best = max(len(words & p) / len(words) for p in points)
    return best < MIN_SHARED
