"""Recognising which kind of ModernGov page a text is, and cutting it into agenda items."""

from __future__ import annotations

import re

from minutebook.importers import agenda_item, decisions, issues, meetings
from minutebook.importers.items import RawItem
from minutebook.importers.text import normalise_lines

PAGE_HEADER_KEY = "page_header"
_HEADER_LINES = 5
_PAGE_HEADING = re.compile(
    r"^(?:agenda item|eitem agenda|decision details|issue - decisions|issue - meetings)$",
    re.IGNORECASE,
)


class PageError(Exception):
    """The text is not a page the importer understands; the message says why."""


def split_page(raw: str) -> list[RawItem]:
    """Every agenda item on the page, in page order."""
    lines = normalise_lines(raw)
    if not any(lines):
        raise PageError("the page has no text")
    items, header = _dispatch(lines)
    if not items:
        raise PageError("no agenda item, decision or meeting found on the page")
    if header:
        for item in items:
            item.extra[PAGE_HEADER_KEY] = list(header)
    return items


def _dispatch(lines: list[str]) -> tuple[list[RawItem], list[str]]:
    above, lines = _site_header(lines)
    items, header = _dispatch_page(lines)
    return items, above + header


def _site_header(lines: list[str]) -> tuple[list[str], list[str]]:
    """Site text above the page's own heading ("Agenda item", "Decision details" ...),
    such as a breadcrumb, is set aside so the heading is found."""
    content = [i for i, line in enumerate(lines) if line][:_HEADER_LINES]
    for index in content[1:]:
        if _PAGE_HEADING.match(lines[index]):
            return [line for line in lines[:index] if line], lines[index:]
    return [], lines


def _dispatch_page(lines: list[str]) -> tuple[list[RawItem], list[str]]:
    first = next(line for line in lines if line)
    if agenda_item.AGENDA_ITEM_HEADING.match(first):
        return [agenda_item.parse_agenda_item(lines)], []
    if issues.is_issue_page(lines):
        return issues.parse_issue_page(lines), []
    if decisions.is_decision_list(lines):
        header, items = decisions.parse_decision_list(lines)
        return items, header
    if decisions.is_decision_page(lines):
        return decisions.parse_decision_page(lines), []
    starts = meetings.item_starts(lines)
    if starts:
        header, items = meetings.parse_meeting(lines, starts)
        return items, header
    if meetings.is_flattened(lines):
        header, items = meetings.parse_rows(lines)
        return items, header
    return [agenda_item.parse_unlabelled_item(lines)], []
