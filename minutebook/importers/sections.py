"""Dividing an item's lines into the content format's sections by the labels ModernGov prints
("Minutes:", "Decision:", "Recommended –", "ACTION:", Welsh "Cofnodion:" ...)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from minutebook.importers.items import RawItem
from minutebook.importers.markers import (
    decision_sentences,
    find_marker,
    find_narrative_decision,
    is_nil,
    opening,
)
from minutebook.importers.resolutions import ResolvedList, split_resolutions
from minutebook.importers.text import is_chrome

_LABELS = (
    ("minutes", r"minutes|cofnodion|discussion|trafodaeth"),
    ("decision", r"decisions?|penderfyniad(?:au)?|outcome|canlyniad"),
    ("documents", r"documents|dogfennau"),
    ("actions", r"actions?|further action required|camau? gweithredu"),
    ("alternatives", r"alternative options (?:considered|rejected)(?: and rejected)?"),
)
_LABEL_PATTERNS = [
    (kind, re.compile(rf"^(?:{words})\s*:\s*(.*)$", re.I)) for kind, words in _LABELS
]
_RECOMMENDED = re.compile(
    r"^(?:recommended|recommendations?|argymhelliad|argymhellion)\s*[:\-–—]\s*$", re.I
)
# Only above the minutes: "Purpose:" on a decision page says what the report was for.
_PURPOSE = re.compile(r"^(?:purpose|diben)\s*:\s*(.*)$", re.I)
PARAGRAPH_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3}){1,2}$")
CONTACT = re.compile(r"^\(([^()]{3,}?\s[-–—]\s*\+?\d[\d ]{5,}\d)\)$")


@dataclass
class Sections:
    purpose: list[str] = field(default_factory=list)
    recommended: list[str] = field(default_factory=list)
    contact: list[str] = field(default_factory=list)
    minutes: list[str] = field(default_factory=list)
    resolved: ResolvedList = field(default_factory=ResolvedList)
    actions: list[str] = field(default_factory=list)
    alternatives: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    labelled: bool = False
    empty_label: bool = False  # the item ends at a "Minutes:" or "Decision:" label


def divide_sections(item: RawItem) -> Sections:
    sections = Sections()
    blocks = _blocks(item, sections)
    sections.labelled = any(kind in ("minutes", "decision") for kind, _ in blocks)
    # Only the last label counts: "Minutes:" straight above "Documents:" heads sub-labels.
    sections.empty_label = bool(blocks) and not blocks[-1][1]
    for kind, lines in blocks:
        if kind == "agenda":
            _agenda(lines, sections, as_minutes=not sections.labelled and item.unlabelled_minutes)
        elif kind == "decision":
            _decision(lines, sections)
        elif kind == "minutes":
            sections.minutes.extend(lines)
        else:
            getattr(sections, kind).extend(lines)
    if not sections.resolved.items:
        _minutes_resolutions(sections)
    return sections


def _blocks(item: RawItem, sections: Sections) -> list[tuple[str, list[str]]]:
    kind = "decision" if item.decision_text else "agenda"
    blocks: list[tuple[str, list[str]]] = [(kind, [])]
    for line in item.lines:
        if not line or is_chrome(line):
            continue
        contact = CONTACT.match(line)
        if contact:
            sections.contact.append(contact[1])
            continue
        label = _label(line, blocks[-1][0])
        if label is None:
            blocks[-1][1].append(line)
            continue
        blocks.append((label[0], [label[1]] if label[1] else []))
    return [block for block in blocks if block[1] or block[0] in ("minutes", "decision")]


def _label(line: str, current: str) -> tuple[str, str] | None:
    for kind, pattern in _LABEL_PATTERNS:
        match = pattern.match(line)
        if match:
            return kind, match[1].strip()
    if current == "agenda" and _RECOMMENDED.match(line):
        return "recommended", ""
    purpose = _PURPOSE.match(line)
    if current in ("agenda", "decision") and purpose:
        return "purpose", purpose[1].strip()
    return None


def _agenda(lines: list[str], sections: Sections, as_minutes: bool) -> None:
    if as_minutes:
        sections.minutes.extend(lines)
    else:
        sections.purpose.extend(lines)


def _decision(lines: list[str], sections: Sections) -> None:
    """A "Decision:" block: resolutions, after any narrative that leads up to a marker."""
    marker = find_marker(lines)
    if marker is None:
        kept = [line for line in lines if not is_nil(line)]
        sections.minutes.extend(line for line in lines if is_nil(line))
        found = split_resolutions(kept, stop_on_prose=False)
    else:
        lead_in, first = opening(lines[marker])
        before, first = _sentences(first, narrative=False)
        sections.minutes.extend(lines[:marker] + before)
        found = split_resolutions(first + lines[marker + 1 :], stop_on_prose=True, lead_in=lead_in)
    _merge(sections, found)


def _minutes_resolutions(sections: Sections) -> None:
    """Resolutions inside the minutes: after a marker, or a decision told as narrative."""
    minutes = sections.minutes
    marker = find_marker(minutes)
    before: list[str] = []
    if marker is not None:
        lead_in, first = opening(minutes[marker])
        before, first = _sentences(first, narrative=False)
        found_at = marker
        if marker and PARAGRAPH_NUMBER.match(minutes[marker - 1]):
            found_at = marker - 1  # "8.4" on its own line numbers the resolution below it
            lead_in = [minutes[found_at], *lead_in]
        found = split_resolutions(first + minutes[marker + 1 :], True, lead_in=lead_in)
    else:
        narrative = find_narrative_decision(minutes)
        if narrative is None:
            return
        found_at = narrative
        before, first = _sentences(minutes[found_at : found_at + 1], narrative=True)
        found = split_resolutions(first + minutes[found_at + 1 :], stop_on_prose=True)
    sections.minutes = minutes[:found_at] + before
    _merge(sections, found)


def _sentences(first: list[str], narrative: bool) -> tuple[list[str], list[str]]:
    """The found paragraph cut to the sentences that decide: (minutes before, paragraphs
    from the decision on, with any reporting sentences after it as a paragraph of their own)."""
    if not first:
        return [], first
    before, decision, after = decision_sentences(first[0], narrative)
    return [x for x in (before,) if x], [decision, *[x for x in (after,) if x], *first[1:]]


def _merge(sections: Sections, found: ResolvedList) -> None:
    resolved = sections.resolved
    if not resolved.items:
        resolved.lead_in.extend(found.lead_in)
        resolved.items.extend(found.items)
    else:
        sections.minutes.extend(found.lead_in + [r.text for r in found.items])
    resolved.reasons.extend(found.reasons)
    sections.minutes.extend(found.set_aside + found.after)
