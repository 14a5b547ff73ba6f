"""The printed labels of resolutions ("(1)", "1.1", "a)", "(ii)") and how they nest.

Councils number a decision "(1)" and its parts "(a)", "(b)", or letter it "(a)" with parts
"(i)", "(ii)": the parts belong to the resolution above them, so they are one resolution.
"""

from __future__ import annotations

import re

LABEL = re.compile(
    r"^(\(\s*\d{1,3}[a-z]?\s*\)|\([a-zA-Z]{1,2}\)|\([ivxlcIVXLC]+\)|\d{1,3}(?:\.\d{1,3}){1,2}\.?"
    r"|\d{1,3}[.)]|[a-zA-Z][.)]|[ivxlc]{1,5}[.)])(?=\s|$)"
)
_ROMAN = re.compile(r"^[ivxlc]+$", re.IGNORECASE)
# Which styles may sit inside which: numbers hold letters or numerals, letters hold numerals.
_INSIDE = {"number": ("letter", "roman"), "decimal": ("letter", "roman"), "letter": ("roman",)}


def label_text(line: str) -> str | None:
    """The label without its brackets and dot: "(1)" → "1", "a)" → "a", "2.3" → "2.3"."""
    match = LABEL.match(line)
    return match[1].strip("() ").rstrip(".)").strip() if match else None


def label_style(label: str) -> str:
    if "." in label:
        return "decimal"
    if label[:1].isdigit():
        return "number"
    if len(label) > 1 and _ROMAN.match(label):
        return "roman"
    return "letter"


def nests_under(parent: str, label: str) -> bool:
    """Whether `label` is a part of the resolution labelled `parent`, not the next one."""
    # A list that starts at "(i)" is numerals; one that reaches "(i)" after "(h)" is letters.
    outer = "roman" if parent.lower() in ("i", "v", "x") else label_style(parent)
    inner = label_style(label)
    if inner == "letter" and _ROMAN.match(label) and not _follows(parent, label):
        inner = "roman"
    return inner in _INSIDE.get(outer, ())


def _follows(parent: str, label: str) -> bool:
    return len(parent) == 1 and ord(label.lower()) == ord(parent.lower()) + 1
