"""What a page layout hands on: one agenda item's raw lines plus what the page said about it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ENGLISH_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_WELSH_MONTHS = (
    "ionawr",
    "chwefror",
    "mawrth",
    "ebrill",
    "mai",
    "mehefin",
    "gorffennaf",
    "awst",
    "medi",
    "hydref",
    "tachwedd",
    "rhagfyr",
)
_MONTH_NUMBER = {
    name: i + 1 for names in (_ENGLISH_MONTHS, _WELSH_MONTHS) for i, name in enumerate(names)
}
_WORD_DATE = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th|af|ail|ydd|edd|fed|ed|eg|ain)?\s+("
    + "|".join(_MONTH_NUMBER)
    + r")\s*,?\s+(\d{4})\b",
    re.IGNORECASE,
)
_NUMERIC_DATE = re.compile(r"\b(\d{2})/(\d{2})/(\d{4})\b")


@dataclass
class RawItem:
    """One item of business as cut out of a page, before its body is divided into sections.

    `decision_text` says the body (when unlabelled) is decision text, as on decision pages.
    `unlabelled_minutes` says that, if no "Minutes:" label is found, the body is taken as the
    minutes (single-item captures often lose the label), not as agenda text.
    """

    title: str | None
    lines: list[str]
    item: str | None = None
    committee: str | None = None
    date: str | None = None
    extra: dict[str, object] = field(default_factory=dict)
    incomplete: bool = False
    decision_text: bool = False
    unlabelled_minutes: bool = False


def cut_at(lines: list[str], starts: list[int]) -> list[list[str]]:
    """The lines from each start up to the next: one block per item on a many-item page."""
    return [lines[start:end] for start, end in zip(starts, [*starts[1:], len(lines)], strict=True)]


def numeric_date(text: str) -> str | None:
    """ISO date from the first dd/mm/yyyy in the text, as ModernGov prints them."""
    match = _NUMERIC_DATE.search(text)
    return f"{match[3]}-{match[2]}-{match[1]}" if match else None


def word_date(text: str) -> str | None:
    """ISO date from "Tuesday, 2nd October, 2018" or Welsh "Dydd Iau, 9fed Hydref, 2014"."""
    match = _WORD_DATE.search(text)
    if not match:
        return None
    month = _MONTH_NUMBER[match[2].lower()]
    return f"{match[3]}-{month:02d}-{int(match[1]):02d}"
