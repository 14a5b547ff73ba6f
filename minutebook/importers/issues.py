"""ieIssueDetails "Issue - meetings" pages: one issue considered at one or more meetings.

Each "Meeting: dd/mm/yyyy - Committee (Item N)" block is a separate agenda item.
"""

from __future__ import annotations

import re

from minutebook.importers.items import RawItem, cut_at, numeric_date

MEETING_LINE = re.compile(
    r"^(?:Meeting|Cyfarfod):\s*(\d{2}/\d{2}/\d{4})\s*-\s*(.+?)\s*(?:\((?:Item|Eitem)\s+([^)]+)\))?$"
)


def is_issue_page(lines: list[str]) -> bool:
    return any(MEETING_LINE.match(line) for line in lines)


def parse_issue_page(lines: list[str]) -> list[RawItem]:
    starts = [i for i, line in enumerate(lines) if MEETING_LINE.match(line)]
    before = [line for line in lines[: starts[0]] if line]
    title = before[-1] if before else None
    return [_meeting_block(title, block) for block in cut_at(lines, starts)]


def _meeting_block(title: str | None, block: list[str]) -> RawItem:
    match = MEETING_LINE.match(block[0])
    assert match is not None  # blocks start at a meeting line by construction
    item_number = match[3]
    body = block[1:]
    extra: dict[str, object] = {}
    heading_at = next((i for i, line in enumerate(body) if line), None)
    if heading_at is not None and item_number and body[heading_at].startswith(item_number):
        # "73 Minutes": the item's own heading at that meeting; kept if it differs.
        heading = body[heading_at][len(item_number) :].strip()
        if heading:
            extra["meeting_item_title"] = body[heading_at]
        body = body[heading_at + 1 :]
    return RawItem(
        title=title,
        lines=body,
        item=item_number,
        committee=match[2],
        date=numeric_date(match[1]),
        extra=extra,
        incomplete=title is None,
        unlabelled_minutes=True,
    )
