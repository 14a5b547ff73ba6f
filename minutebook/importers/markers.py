"""Finding where the decision starts: "RESOLVED –", "AGREED that:", "The Committee resolved:-",
"..., RESOLVED that ...", "Recommended to Full Council (...):", and, when a capture lost the
label, a decision told as narrative ("the minutes ... were agreed as a correct record")."""

from __future__ import annotations

import re

from minutebook.importers.labels import LABEL
from minutebook.importers.sentences import carve_decision

_BARE = re.compile(r"^(?:resolved|penderfynwyd|decision|decisions)\s*[:\-–—,]*\s*$", re.I)
_OPENING = re.compile(
    r"^(?:(?:it was|members|councillors|(?:the|this) \w+(?: \w+){0,4}?)\s+"
    r"(?:unanimously\s+)?resolved\b"
    r"|resolved\b|penderfynwyd\b|cytunwyd\b|(?-i:AGREED|DECIDED|RECOMMENDED)\b"
    # In ordinary case these start sentences too ("Agreed actions were ..."): only as a label.
    r"|(?:agreed|decided|recommended)(?=\s*(?:[:\-–—,(]|that\b|to\b|$)))"
    r"[\s,]*(?:that\b)?[\s,]*[:\-–—]*\s*",
    re.I,
)
_INLINE = re.compile(r"\bRESOLVED\b")
# "The Committee resolved that ...": a decision told in a sentence, not under a label.
_PROSE_OPENING = re.compile(
    r"^(?:it was|members|councillors|(?:the|this) \w+(?: \w+){0,4}?)\s+(?:unanimously\s+)?"
    r"resolved\b",
    re.I,
)
_NARRATIVE = re.compile(
    r"^That\s|\b(?:were|was|be|are)\s+(?:unanimously\s+)?(?:agreed|approved|confirmed|adopted"
    r"|taken as read|carried)\b(?!\s+that)|\bagreed to\b"
    # Welsh verbs appear mutated ("a chadarnhawyd"), so match without the first letter.
    r"|(?:adarnhawyd|ymeradwywyd|enderfynwyd|ytunwyd)\b"
)
_MOTION_INTRO = re.compile(
    r"\b(?:mov(?:e|ed|ing)|second(?:ed|ing)?|motions?|amendments?|propos(?:e|ed|ing))\b"
    r"[^.]*[:\-–—]\s*$",
    re.I,
)
_NIL = re.compile(
    r"^(?:there (?:were|was) (?:none|no\b.*)|none|nil|none\s+received|apologies\b.*"
    r"|no (?:apologies|declarations|disclosures|interests|items)\b.*)\.?$",
    re.I,
)


def find_marker(lines: list[str]) -> int | None:
    for index, line in enumerate(lines):
        if _OPENING.match(line) or _INLINE.search(line):
            return index
    return None


def opening(line: str) -> tuple[list[str], list[str]]:
    """The marker paragraph as (lead-in, resolution text): a bare "Resolved –" becomes the
    section heading; "RECOMMENDED that" or "The Committee resolved:-" alone is a lead-in;
    "RESOLVED: (i) That ..." is a lead-in followed by the first labelled resolution."""
    if _BARE.match(line):
        return [], []
    match = _OPENING.match(line)
    rest = line[match.end() :] if match else ""
    if match and not rest:
        return [line], []
    if match and LABEL.match(rest):
        return [line[: match.end()].strip()], [rest]
    return [], [line]


def decision_sentences(line: str, narrative: bool) -> tuple[str, str, str]:
    """(before, decision, after) of the paragraph where a decision was found.

    A decision told in prose is its own sentences: what is before and after them reports or
    explains. Under a label ("..., RESOLVED that ...") only the sentences before the label are
    taken off, since everything after it is what was resolved.
    """
    if narrative:
        return carve_decision(line, _NARRATIVE)
    if _PROSE_OPENING.match(line):
        return carve_decision(line, _PROSE_OPENING)
    if not _OPENING.match(line) and _INLINE.search(line):
        before, decision, after = carve_decision(line, _INLINE)
        return before, " ".join(part for part in (decision, after) if part), ""
    return "", line, ""


def find_narrative_decision(lines: list[str]) -> int | None:
    """The first paragraph telling a decision; "That ..." paragraphs under a line that
    introduces a motion ("Councillor A moved:") are the motion's words, not a decision."""
    in_motion = False
    for index, line in enumerate(lines):
        if _MOTION_INTRO.search(line):
            in_motion = True
            continue
        if in_motion and (line.startswith("That ") or LABEL.match(line)):
            continue
        in_motion = False
        if _NARRATIVE.search(line):
            return index
    return None


def is_nil(line: str) -> bool:
    return bool(_NIL.match(line))
