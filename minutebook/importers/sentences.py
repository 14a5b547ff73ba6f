"""Sentences in a paragraph of minutes, and which of them carry a decision told as narrative.

A decision found in prose ("The Committee resolved that ...", "... were taken as read and
signed as correct.") is the sentence that says it, not the paragraph around it: what comes
before and after it reports or explains, and stays with the minutes.
"""

from __future__ import annotations

import re

# Words that end in "." without ending a sentence: "Cllr. Smith", "No. 5", "e.g. Parks".
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "cllr",
        "cllrs",
        "clr",
        "prof",
        "rev",
        "st",
        "no",
        "nos",
        "para",
        "paras",
        "e.g",
        "i.e",
        "cf",
        "viz",
        "ref",
        "approx",
        "appx",
        "app",
        "cttee",
        "dept",
        "co",
        "nr",
        "tel",
        "sec",
        "sect",
        "ss",
        "vol",
        "pp",
        "p",
        "fig",
        "min",
        "mins",
        "incl",
        "est",
        "ext",
        "art",
    ]
)
# A full stop, "!" or "?" (and any closing quote or bracket), space, then a capital, digit
# or opening quote: the only places a sentence may end.
_BOUNDARY = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9£])")
_LABEL_ONLY = re.compile(r"^\(?(?:\d{1,3}|[a-zA-Z]|[ivxlc]{1,5})[.)]?$")
# A later sentence still deciding something: "... and that the report be noted."
_DECIDES = re.compile(
    r"^That\s|\b(?:resolved|agreed|decided|approved|delegated|deferred|refused)\b"
    r"|\bbe\s+(?:\w+ly\s+)?\w+(?:ed|en|de)\b",
    re.IGNORECASE,
)
# Sentences that report what happened rather than decide it.
_REPORTS = re.compile(
    r"^(?:it was (?:reported|noted|explained|stated|advised|confirmed|pointed out)|details\b"
    r"|members were (?:informed|advised|reminded))",
    re.IGNORECASE,
)


def split_sentences(paragraph: str) -> list[str]:
    """The paragraph's sentences, each with its closing punctuation; joined with spaces they
    give the paragraph back (runs of spaces at the joins become one)."""
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        candidate = paragraph[start : match.start() + 1]
        if _ends_with_abbreviation(candidate) or _LABEL_ONLY.match(candidate.strip()):
            continue
        sentences.append(paragraph[start : match.end()].strip())
        start = match.end()
    if paragraph[start:].strip():
        sentences.append(paragraph[start:].strip())
    return sentences


def _ends_with_abbreviation(text: str) -> bool:
    """ "Cllr." or "e.g." or an initial ("J." in "J. Smith", "S." in "S. 106")."""
    if not text.endswith("."):
        return False
    last = text.rsplit(None, 1)[-1].lstrip('("“‘[').rstrip(".").lower()
    return last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha())


def carve_decision(paragraph: str, decides: re.Pattern[str]) -> tuple[str, str, str]:
    """(before, decision, after): the first sentence matching `decides`, with any following
    sentences that decide something too; the rest of the paragraph around it."""
    sentences = split_sentences(paragraph)
    first = next((i for i, s in enumerate(sentences) if decides.search(s)), None)
    if first is None:
        return "", paragraph, ""
    end = first + 1
    while end < len(sentences) and _still_deciding(sentences[end]):
        end += 1
    return (
        " ".join(sentences[:first]),
        " ".join(sentences[first:end]),
        " ".join(sentences[end:]),
    )


def _still_deciding(sentence: str) -> bool:
    return bool(_DECIDES.search(sentence)) and not _REPORTS.match(sentence)
