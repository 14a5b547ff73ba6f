"""mgAi agenda-item pages: "Agenda item", the title, then agenda text and minutes."""

from __future__ import annotations

import re

from minutebook.importers.items import RawItem

AGENDA_ITEM_HEADING = re.compile(r"^(?:agenda item|eitem agenda)$", re.IGNORECASE)
# "9. THE TITLE" when an excerpt starts at the item's own heading.
_NUMBERED_TITLE = re.compile(r"^(\d{1,4}[a-z]?)\.?\s+(\S.*)$")
# "5. Budget Monitoring" under "Agenda item": the item number printed with the title.
_DOTTED_TITLE = re.compile(r"^(\d{1,3}[a-z]?)\.\s+([A-Z].*)$")


def _first_content(lines: list[str], start: int = 0) -> int:
    index = start
    while index < len(lines) and not lines[index]:
        index += 1
    return index


def parse_agenda_item(lines: list[str]) -> RawItem:
    """The line after "Agenda item" is the title; a blank title (lost in capture) stays None."""
    heading = _first_content(lines)
    after = heading + 1
    if after < len(lines) and lines[after] == "" and _blank_run(lines, after) >= 2:
        # Two or more blank lines straight after the heading: the title line was empty.
        return RawItem(title=None, lines=lines[after:], incomplete=True, unlabelled_minutes=True)
    title_at = _first_content(lines, after)
    title = lines[title_at] if title_at < len(lines) else None
    item = RawItem(title=title, lines=lines[title_at + 1 :], incomplete=title is None)
    numbered = _DOTTED_TITLE.match(title or "")
    if numbered:
        item.item, item.title = numbered[1], numbered[2]
    item.unlabelled_minutes = True
    return item


def _blank_run(lines: list[str], start: int) -> int:
    return _first_content(lines, start) - start


def parse_unlabelled_item(lines: list[str]) -> RawItem:
    """A page without its "Agenda item" heading: the first line is taken as the title."""
    first = _first_content(lines)
    if first >= len(lines):
        return RawItem(title=None, lines=[], incomplete=True)
    match = _NUMBERED_TITLE.match(lines[first])
    if match and not match[2][:1].islower():
        item = RawItem(title=match[2], lines=lines[first + 1 :], item=match[1], incomplete=True)
    else:
        item = RawItem(title=lines[first], lines=lines[first + 1 :], incomplete=True)
    item.unlabelled_minutes = True
    return item
