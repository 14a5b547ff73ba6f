"""Finding where the decision starts: "RESOLVED –", "AGREED that:", "The Committee resolved:-",
"..., RESOLVED that ...", "Recommended to Full Council (...):", and, when a capture lost the
label, a decision told as narrative ("the minutes ... were agreed as a correct record")."""

from __future__ import annotations

import re

from minutebook.importers.resolutions import LABEL

_BARE = re.compile(r"^(?:resolved|penderfynwyd|decision|decisions)\s*[:\-–—,]*\s*$", re.I)
_OPENING = re.compile(
    r"^(?:(?:it was|members|councillors|(?:the|this) \w+(?: \w+){0,4}?)\s+"
    r"(?:unanimously\s+)?resolved\b"
    r"|resolved\b|agreed\b|decided\b|recommended\b|penderfynwyd\b|cytunwyd\b)"
    r"[\s,]*(?:that\b)?[\s,]*[:\-–—]*\s*",
    re.I,
)
_INLINE = re.compile(r"\bRESOLVED\b")
_NARRATIVE = re.compile(
    r"^That\s|\b(?:were|was|be|are)\s+(?:unanimously\s+)?(?:agreed|approved|confirmed|adopted"
    r"|taken as read|carried)\b(?!\s+that)|\bagreed to\b"
    # Welsh verbs appear mutated ("a chadarnhawyd"), so match without the first letter.
    r"|(?:adarnhawyd|ymeradwywyd|enderfynwyd|ytunwyd)\b"
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


def find_narrative_decision(lines: list[str]) -> int | None:
    for index, line in enumerate(lines):
        if _NARRATIVE.search(line):
            return index
    return None


def is_nil(line: str) -> bool:
    return bool(_NIL.match(line))
