"""Splitting the text after a "Resolved" marker into separate resolutions.

A resolution starts at a printed label ("(1)", "1.1", "a)", "(ii)") or a bullet, or, when
there are none, at a paragraph beginning "That"/"To". Hard-wrapped lines and lines that
carry on a sentence ("... as follows:" then figures) join the resolution before them.
"REASON:" paragraphs are set aside, and the first ordinary paragraph after the list ends it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

LABEL = re.compile(
    r"^(\(\s*\d{1,3}[a-z]?\s*\)|\([a-zA-Z]{1,2}\)|\([ivxlcIVXLC]+\)|\d{1,3}(?:\.\d{1,3}){1,2}\.?"
    r"|\d{1,3}[.)]|[a-zA-Z][.)]|[ivxlc]{1,5}[.)])(?=\s|$)"
)
BULLET = re.compile(r"^[·•▪∙‣●\-–*]\s+")
SUB_BULLET = re.compile(r"^[o◦▫]\s+")
_REASON = re.compile(
    r"^(?:reasons?(?: for (?:the )?decisions?)?|rheswm(?: dros y penderfyniad)?)\s*[:\-–—]+\s*",
    re.IGNORECASE,
)
_NEW_UNLABELLED = re.compile(r"^(?:That|To)\s")
_SENTENCE_END = (".", "!", "?", ";", '"', "”", "’", ")")


@dataclass
class Resolution:
    lines: list[str]
    subitems: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(self.lines)


@dataclass
class ResolvedList:
    lead_in: list[str] = field(default_factory=list)
    items: list[Resolution] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    after: list[str] = field(default_factory=list)


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
    for index, line in enumerate(paragraphs):
        reason = _REASON.match(line)
        if reason:
            result.reasons.append(line[reason.end() :] or line)
            in_reason = True
        elif is_listed(line) or not (in_reason or result.items):
            in_reason = False
            _start(result, line, paragraphs[index + 1 : index + 2])
        elif SUB_BULLET.match(line) and result.items:
            result.items[-1].subitems.append(strip_bullet(line))
        elif in_reason:
            result.reasons.append(line)
        elif _continues(result.items[-1].lines[-1], line):
            result.items[-1].lines.append(line)
        elif not stop_on_prose or (_NEW_UNLABELLED.match(line) and not _labelled(result)):
            result.items.append(Resolution([line]))
        else:
            result.after = paragraphs[index:]
            break
    return result


def _start(result: ResolvedList, line: str, following: list[str]) -> None:
    """A new resolution, or the lead-in above a list ("RESOLVED: That the Committee:")."""
    heads_list = bool(following) and is_listed(following[0])
    if not result.items and not is_listed(line) and line.rstrip("-– ").endswith(":") and heads_list:
        result.lead_in.append(line)
        return
    result.items.append(Resolution([strip_bullet(line)]))


def _labelled(result: ResolvedList) -> bool:
    return any(LABEL.match(item.lines[0]) for item in result.items)


def _continues(previous: str, line: str) -> bool:
    """A hard-wrapped line, or one carrying on a sentence that ended in ":"."""
    if _NEW_UNLABELLED.match(line):
        return False
    ended = previous.rstrip().endswith(_SENTENCE_END) and not previous.rstrip().endswith(":")
    return line[:1].islower() or not ended
