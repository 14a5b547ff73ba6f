"""Actions: who was asked to do what — from the Actions section and from resolutions that ask.

An owner is recorded only when the text names one ("the Strategic Director of Children's
Services"); a date only as written ("in December", "in 12 months' time"), never turned into a
calendar date the source did not give.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.model.entities import AgendaItem

_ROLE = re.compile(
    r"\b(?:(?:Strategic|Executive|Corporate|Assistant|Deputy|Interim|Acting|Service)\s+)*"
    r"(?:Director|Head of Service|Head|Chief Executive|Chief Officer|Cabinet Member"
    r"|Portfolio Holder|Lead Member|Monitoring Officer|Scrutiny Officer|Democratic Services"
    r"|Service Manager|Programme Manager|Clerk)"
    r"(?:\s+(?:of|for)(?:\s+(?:[A-Z][\w’'-]*|and|&|of))*\s+[A-Z][\w’'-]*)?"
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_NUMBER = r"(?:\d+|one|two|three|four|five|six|nine|twelve|eighteen)"
_DUE = re.compile(
    rf"\b(?:(?:in|by|at|before|during|until|for)\s+(?:the\s+)?(?:(?:its|their)\s+)?"
    rf"(?:{_MONTH}(?:\s+\d{{4}})?(?:\s+meeting)?|{_NUMBER}\s+(?:weeks?|months?|years?)"
    rf"(?:['’]?\s*time)?|(?:spring|summer|autumn|winter)(?:\s+\d{{4}})?|\d{{4}}(?:/\d{{2}})?)"
    rf"|within\s+{_NUMBER}\s+(?:weeks?|months?)|(?:to|at)\s+(?:a|the|its)\s+(?:next|future)"
    rf"\s+meeting|next municipal year)",
    re.IGNORECASE,
)
_ASKS = re.compile(
    r"\b(?:request(?:s|ed)?|be (?:presented|submitted|provided|circulated|brought|given|produced"
    r"|reported|sent|shared|updated)|report back|briefing|(?:come|brought) back"
    r"|(?:a|an|another|further|progress) (?:further )?(?:report|update|briefing))\b",
    re.IGNORECASE,
)
NAMED_ONLY = "Named in the item's Actions section (the task is not stated)"
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


@dataclass(frozen=True)
class Action:
    text: str
    owner: str | None  # as named in the text; None = not recorded
    due: str | None  # as written; None = not given
    report_requested: bool  # asks for a report/update to come back
    resolution_number: int | None  # the resolution it comes from, if any


def find_owner(text: str) -> str | None:
    match = _ROLE.search(text)
    return match.group(0).strip() if match else None


def find_due(text: str) -> str | None:
    match = _DUE.search(text)
    return match.group(0).strip() if match else None


def asks_for_something(text: str, kind: str) -> bool:
    return kind == "report-requested" or bool(_ASKS.search(text))


def find_actions(item: AgendaItem) -> tuple[Action, ...]:
    actions = [
        _action(r.text, r.number, r.kind == "report-requested" or _is_report(r.text))
        for r in item.resolutions
        if asks_for_something(r.text, r.kind)
    ]
    section = item.record.section("actions")
    for line in _lines(section.markdown if section else ""):
        action = _action(line, None, _is_report(line))
        if action.owner == line:  # the line only names who was asked (common in minutes)
            action = Action(NAMED_ONLY, line, None, False, None)
        actions.append(action)
    return tuple(actions)


def _action(text: str, number: int | None, report: bool) -> Action:
    return Action(text, find_owner(text), find_due(text), report, number)


def _is_report(text: str) -> bool:
    return bool(re.search(r"\b(?:report|update|briefing|come back)\b", text, re.IGNORECASE))


def _lines(markdown: str) -> list[str]:
    lines = [_LIST_MARK.sub("", ln).strip() for ln in markdown.splitlines()]
    return [" ".join(ln.split()) for ln in lines if ln]
