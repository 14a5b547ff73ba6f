"""Normalising the raw text of a ModernGov page: spaces, blank lines and page chrome.

Chrome is what the council's site wraps around every page (navigation, share buttons,
file-size badges); it is not part of the record, so it is removed before any parsing.
"""

from __future__ import annotations

import re

# Whole lines that are site furniture on every ModernGov page, in English and Welsh.
_CHROME_LINES = re.compile(
    r"^(?:local democracy|you are here:?|skip to (?:main )?content|councillors and committees"
    r"|[•·]\s*share this item|media|items|no\.? item|no\.\s*\|\s*item\s*\|?|eitemau"
    r"|rhif\.? eitem|additional documents:?|dogfennau ychwanegol:?|supporting documents:?"
    r"|accompanying documents:?|dogfennau ategol:?|\.\.\.\s*view the full (?:minutes|agenda)"
    r" text for item \S+?\.?|\|)$",
    re.IGNORECASE,
)
# File-size badges next to document links: "pdf icon PDF 402 KB", Welsh "pdf eicon".
_BADGE = re.compile(r"\s*(?:pdf\s+e?icon\s+)?\bPDF\s+[\d.,]+\s*[KMG]B\b", re.IGNORECASE)
_VIEW_DIRECTIONS = re.compile(r"\.?\s*View directions\.?$")
_TRAILING_PIPE = re.compile(r"\s*\|\s*$")
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")


def clean_line(line: str) -> str:
    """One line with chrome badges removed and runs of spaces collapsed to one."""
    line = _BADGE.sub("", line)
    line = _VIEW_DIRECTIONS.sub("", line)
    line = _TRAILING_PIPE.sub("", line)
    return _SPACES.sub(" ", line).strip()


def is_chrome(line: str) -> bool:
    return bool(_CHROME_LINES.match(line.strip()))


def normalise_lines(raw: str) -> list[str]:
    """The page as cleaned lines; blank and chrome lines become "" so paragraph breaks stay."""
    lines: list[str] = []
    for raw_line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = clean_line(raw_line)
        lines.append("" if is_chrome(line) else line)
    return lines


def paragraphs(lines: list[str]) -> list[str]:
    """Non-empty lines only: ModernGov pages put each paragraph on one line."""
    return [line for line in lines if line]


def words(text: str) -> list[str]:
    """Lower-case word tokens, for comparing texts regardless of layout and escaping."""
    return re.findall(r"[^\W_]+", text.lower())
