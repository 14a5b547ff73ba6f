"""Decision pages: ieDecisionDetails/mgDecisionDetails ("Decision details", "Issue - decisions")
and mgDelegatedDecisions lists, where several decisions share one page."""

from __future__ import annotations

import re

from minutebook.importers.items import RawItem, cut_at, numeric_date
from minutebook.model.slugs import slugify

DECISION_PAGE_HEADING = re.compile(r"^(?:decision details|issue - decisions)$", re.IGNORECASE)
_METADATA = re.compile(
    r"^(Decision Maker|Decision status|Is Key decision\?|Is subject to call in\?|Report author"
    r"|Publication date|Date of decision|Decided at meeting|Made at meeting|Effective from"
    r"|Decision published|Lead officer|Wards affected|Key decision|Call-in deadline"
    r"|Subject to call-in|Decision type|Reason Key|Interests and Dispensations|Consultees"
    r"|Implementation date|Deadline for call-in|Urgent item\?|Divisions affected|Portfolio"
    r"|Record of the decision|Exempt information):\s*(.*)$",
    re.IGNORECASE,
)
# "22/07/2021 - TITLE ref: 4323    Recommendations Approved" on decision lists, and
# "03/02/2009 - Decision title" on issue-decisions pages.
_DATED_HEADING = re.compile(r"^(\d{2}/\d{2}/\d{4}) - (.+?)(?:\s+ref:\s*(\S+)\s*(.*))?$")
_LIST_HEADING = re.compile(r"^decisions published$", re.IGNORECASE)


def is_decision_page(lines: list[str]) -> bool:
    content = [line for line in lines if line]
    return bool(content) and (
        bool(DECISION_PAGE_HEADING.match(content[0]))
        or any(_METADATA.match(line) for line in content[:12])
    )


def is_decision_list(lines: list[str]) -> bool:
    headings = [line for line in lines if (m := _DATED_HEADING.match(line)) and m[3]]
    return bool(headings) and (len(headings) > 1 or any(_LIST_HEADING.match(x) for x in lines))


def parse_decision_page(lines: list[str]) -> list[RawItem]:
    """One item per dated decision ("03/02/2009 - ...") under the issue's title."""
    content = [i for i, line in enumerate(lines) if line]
    start = content[0] + 1 if content and DECISION_PAGE_HEADING.match(lines[content[0]]) else 0
    title, body = _take_title(lines[start:])
    starts = [i for i, line in enumerate(body) if _DATED_HEADING.match(line)]
    if len(starts) > 1:
        starts[0] = 0  # anything above the first decision belongs with it
    blocks = cut_at(body, starts) if len(starts) > 1 else [body]
    items = [_decision_item(title, block) for block in blocks]
    for item in items:
        item.incomplete = item.incomplete or start == 0
    return items


def parse_decision_list(lines: list[str]) -> tuple[list[str], list[RawItem]]:
    """The page's own text before the first decision, and one item per listed decision."""
    starts = [i for i, line in enumerate(lines) if (m := _DATED_HEADING.match(line)) and m[3]]
    header = [line for line in lines[: starts[0]] if line and not _LIST_HEADING.match(line)]
    return header, [_decision_item(None, block) for block in cut_at(lines, starts)]


def _take_title(lines: list[str]) -> tuple[str | None, list[str]]:
    for index, line in enumerate(lines):
        if not line:
            continue
        if _METADATA.match(line) or _DATED_HEADING.match(line):
            return None, lines
        return line, lines[index + 1 :]
    return None, lines


def _decision_item(title: str | None, lines: list[str]) -> RawItem:
    extra: dict[str, object] = {}
    body: list[str] = []
    date = None
    for line in lines:
        dated = _DATED_HEADING.match(line)
        metadata = _METADATA.match(line)
        if dated and date is None:
            date = numeric_date(dated[1])
            title, extra = _dated_heading(title, dated, extra)
        elif metadata:
            extra[slugify(metadata[1]).replace("-", "_")] = metadata[2]
        else:
            body.append(line)
    committee, meeting_date = _meeting(extra)
    return RawItem(
        title=title,
        lines=body,
        committee=committee,
        date=numeric_date(str(extra.get("date_of_decision", ""))) or meeting_date or date,
        extra=extra,
        incomplete=title is None,
        decision_text=True,
    )


def _dated_heading(
    title: str | None, dated: re.Match[str], extra: dict[str, object]
) -> tuple[str, dict[str, object]]:
    if dated[3]:
        extra["ref"] = dated[3]
        if dated[4]:
            extra["decision_status"] = dated[4]
    if title is None:
        return dated[2], extra
    extra["decision_title"] = dated[2]
    return title, extra


def _meeting(extra: dict[str, object]) -> tuple[str | None, str | None]:
    """Committee and date from "Decided at meeting: 24/01/2013 - Cabinet", else the maker."""
    meeting = extra.get("decided_at_meeting") or extra.get("made_at_meeting")
    maker = extra.get("decision_maker")
    if isinstance(meeting, str) and " - " in meeting:
        return meeting.split(" - ", 1)[1].strip(), numeric_date(meeting)
    return (maker if isinstance(maker, str) and maker else None), None
