"""Splitting the text after a "Resolved" marker into separate resolutions.

A resolution starts at a printed label ("(1)", "1.1", "a)", "(ii)") or a bullet, or, when
there are none, at a paragraph beginning "That"/"To". Hard-wrapped lines join the resolution
before them, and parts labelled one level down ("(1)" then "(a)", "(b)") nest inside it.
Lines after a resolution that ends in ":" are rows it introduces: they join it when they
finish its sentence (figures ending "...;"), and otherwise (a table of reports, a list of
dates) are set aside for the minutes, since they are not the decision's own words.
"REASON:" paragraphs are set aside, and the first ordinary paragraph after the list ends it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from minutebook.importers.labels import LABEL, label_text, nests_under

BULLET = re.compile(r"^[·•▪∙‣●\-–*]\s+")
SUB_BULLET = re.compile(r"^[o◦▫]\s+")
_REASON = re.compile(
    r"^(?:reasons?(?: for (?:the )?decisions?)?|rheswm(?: dros y penderfyniad)?)\s*[:\-–—]+\s*",
    re.IGNORECASE,
)
_NEW_UNLABELLED = re.compile(r"^(?:That|To)\s")
_SENTENCE_END = (".", "!", "?", ";", '"', "”", "’", ")")
_INTRODUCES = re.compile(r":\s*[-–—]?\s*$")
# Where a sentence carried over rows finishes: "2012/13 £187,000;" or "...; and".
_FINISHES = re.compile(r"(?:[.;!?]|[;,]\s+(?:and|or))$")


@dataclass
class Resolution:
    lines: list[str]
    subitems: list[str] = field(default_factory=list)
    rows_set_aside: bool = False  # its ":" introduced rows that were set aside

    @property
    def text(self) -> str:
        return " ".join([*self.lines, *self.subitems])


@dataclass
class ResolvedList:
    lead_in: list[str] = field(default_factory=list)
    items: list[Resolution] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    after: list[str] = field(default_factory=list)
    set_aside: list[str] = field(default_factory=list)


def is_listed(line: str) -> bool:
    return bool(LABEL.match(line) or BULLET.match(line))


def strip_bullet(line: str) -> str:
    return BULLET.sub("", SUB_BULLET.sub("", line, count=1), count=1)


def split_resolutions(
    paragraphs: list[str], stop_on_prose: bool, lead_in: list[str] | None = None
) -> ResolvedList:
    """The resolutions in `paragraphs` (the first may be a lead-in such as "That the Committee:").

    `stop_on_prose` ends the list at the first paragraph that neither carries on a resolution
    nor starts one, as after a "Resolved" marker; without it every paragraph is a resolution.
    """
    result = ResolvedList(lead_in=list(lead_in or []))
    in_reason = False
    index = 0
    while index < len(paragraphs):
        line = paragraphs[index]
        reason = _REASON.match(line)
        if reason:
            result.reasons.append(line[reason.end() :] or line)
            in_reason = True
        elif not in_reason and _introduced_rows(result, line):
            index = _take_rows(result, paragraphs, index)
            continue
        elif is_listed(line) or not (in_reason or result.items):
            in_reason = False
            _start(result, line, paragraphs[index + 1 : index + 2])
        elif SUB_BULLET.match(line) and result.items:
            result.items[-1].subitems.append(strip_bullet(line))
        elif in_reason:
            result.reasons.append(line)
        elif _continues(_last_line(result.items[-1]), line):
            _carry_on(result.items[-1], line)
        elif not stop_on_prose or (_NEW_UNLABELLED.match(line) and not _labelled(result)):
            result.items.append(Resolution([line]))
        else:
            result.after = paragraphs[index:]
            break
        index += 1
    return result


def _start(result: ResolvedList, line: str, following: list[str]) -> None:
    """A new resolution, a part of the one above ("(a)" under "(1)"), or the lead-in above a
    list ("RESOLVED: That the Committee:")."""
    heads_list = bool(following) and is_listed(following[0])
    if not result.items and not is_listed(line) and line.rstrip("-– ").endswith(":") and heads_list:
        result.lead_in.append(line)
        return
    parent = label_text(result.items[-1].lines[0]) if result.items else None
    label = label_text(line)
    if parent and label and nests_under(parent, label):
        result.items[-1].subitems.append(line)
        return
    result.items.append(Resolution([strip_bullet(line)]))


def _introduced_rows(result: ResolvedList, line: str) -> bool:
    """`line` follows a resolution ending in ":" and is not a resolution of its own."""
    if not result.items or result.items[-1].rows_set_aside:
        return False
    if not _INTRODUCES.search(_last_line(result.items[-1])):
        return False
    return not (is_listed(line) or SUB_BULLET.match(line) or _NEW_UNLABELLED.match(line))


def _take_rows(result: ResolvedList, paragraphs: list[str], start: int) -> int:
    """Join the rows to the resolution if they finish its sentence, else set them aside;
    the index of the first paragraph after them."""
    end = start
    while end < len(paragraphs) and _is_row(paragraphs[end]):
        if _FINISHES.search(paragraphs[end]):
            if end == start or not paragraphs[end].endswith((".", "!", "?")):
                for row in paragraphs[start : end + 1]:
                    _carry_on(result.items[-1], row)
                return end + 1
            break  # prose after the rows: it is not part of them
        end += 1
    result.set_aside.extend(paragraphs[start:end])
    result.items[-1].rows_set_aside = True
    return end


def _is_row(line: str) -> bool:
    return not (
        is_listed(line)
        or SUB_BULLET.match(line)
        or _NEW_UNLABELLED.match(line)
        or _REASON.match(line)
    )


def _last_line(item: Resolution) -> str:
    return item.subitems[-1] if item.subitems else item.lines[-1]


def _carry_on(item: Resolution, line: str) -> None:
    if item.subitems:
        item.subitems[-1] += f" {line}"
    else:
        item.lines.append(line)


def _labelled(result: ResolvedList) -> bool:
    return any(LABEL.match(item.lines[0]) for item in result.items)


def _continues(previous: str, line: str) -> bool:
    """A hard-wrapped line: the line before did not finish its sentence."""
    if _NEW_UNLABELLED.match(line):
        return False
    return line[:1].islower() or not previous.rstrip().endswith(_SENTENCE_END)
