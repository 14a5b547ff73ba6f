"""ieListDocuments whole-meeting pages ("Agenda and minutes"): a meeting heading, venue and
contact, then every item, each starting with its number ("39.", "77/21", "57a") on its own line.
Some captures flatten the items table into one line per item with no numbers ("rows")."""

from __future__ import annotations

import re

from minutebook.importers.items import RawItem, cut_at, word_date
from minutebook.importers.text import is_chrome

ITEM_NUMBER = re.compile(r"^(\d{1,4}[a-z]?\.?|\d{1,4}/\d{2,4}|[A-Z]{1,2}\d{1,4}[a-z]?\.?)$")
_PAGE_KIND = re.compile(
    r"^(?:agenda|minutes|decisions|agenda and minutes|agenda, decisions and minutes"
    r"|agenda and decisions|rhaglen|rhaglen a chofnodion|rhaglen, penderfyniadau a chofnodion)$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^[•·▪]\s")
_HEADING_SPLIT = re.compile(r"\s+-\s+(?=\S)")
# Prefixes ModernGov puts before the committee name: "Moved from 9th October 2018, ...".
_HEADING_PREFIX = re.compile(
    r"^((?:(?:moved|rescheduled|postponed|changed) from [^,]+|[\w ]{0,40}\bmeeting"
    r"|cyfarfod [\w ]+),\s*)+",
    re.IGNORECASE,
)
_INLINE_LABEL = re.compile(r"\s+(Additional documents:|Decision:|Minutes:|Cofnodion:)\s*")
_ROW_TITLE = re.compile(r"^((?:[A-Z0-9][A-Z0-9'’&/(),.:]*(?:-[A-Z0-9]+)*|[-–])(?:\s+|$))+")


def item_starts(lines: list[str]) -> list[int]:
    """Indexes of item-number lines that are followed by a title line."""
    starts = []
    for index, line in enumerate(lines):
        if ITEM_NUMBER.match(line):
            following = next((x for x in lines[index + 1 :] if x), "")
            if following and not ITEM_NUMBER.match(following):
                starts.append(index)
    return starts


def is_flattened(lines: list[str]) -> bool:
    return any(_INLINE_LABEL.search(line) for line in lines)


def parse_meeting(lines: list[str], starts: list[int]) -> tuple[list[str], list[RawItem]]:
    header_lines = [x for x in lines[: starts[0]] if x] if starts else []
    header, committee, date = read_heading(header_lines)
    items = []
    for block in cut_at(lines, starts):
        body = block[1:]
        title_at = next(i for i, x in enumerate(body) if x)
        number = block[0].rstrip(".")
        items.append(RawItem(body[title_at], body[title_at + 1 :], number, committee, date))
    return header, items


def read_heading(header_lines: list[str]) -> tuple[list[str], str | None, str | None]:
    """Page details kept as text, and the committee and date from the meeting heading."""
    kept: list[str] = []
    committee = date = None
    for line in header_lines:
        if _PAGE_KIND.match(line) or _BULLET.match(line):
            continue  # page-type heading and site navigation
        prefix = _HEADING_PREFIX.match(line)
        heading = line[prefix.end() :] if prefix else line
        found = word_date(heading)
        if found and date is None:
            date = found
            committee = _heading_committee(heading, kept)
            kept.append(line)
            continue
        kept.append(line)
    return kept, committee, date


def _heading_committee(line: str, kept: list[str]) -> str | None:
    parts = _HEADING_SPLIT.split(line, maxsplit=1)
    if len(parts) == 2 and not word_date(parts[0]):
        return parts[0].strip() or None
    if kept and not kept[-1].endswith(":") and ":" not in kept[-1]:
        return kept.pop()  # "Council" on the line above "Thursday, 7th November, 2024"
    return None


def parse_rows(lines: list[str]) -> tuple[list[str], list[RawItem]]:
    """Flattened tables: a row starts with an inline label or a capitalised title."""
    content = [x for x in lines if x]
    first = next((i for i, x in enumerate(content) if _is_row_start(x)), len(content))
    header, _, _ = read_heading(content[:first])
    rows: list[list[str]] = []
    for line in content[first:]:
        if _is_row_start(line) or not rows:
            rows.append([line])
        else:
            rows[-1].append(line)
    return header, [_row_item(row) for row in rows]


def _is_row_start(line: str) -> bool:
    match = _ROW_TITLE.match(line)
    capitalised = bool(match) and len(re.findall(r"[A-Z]{2,}", match[0] if match else "")) >= 2
    return capitalised or bool(_INLINE_LABEL.search(line))


def _row_item(row: list[str]) -> RawItem:
    pieces = _INLINE_LABEL.split(row[0])
    head = pieces[0].strip()
    match = _ROW_TITLE.match(head)
    title, agenda = head, ""
    if match and match[0].strip() != head and len(re.findall(r"[A-Z]{2,}", match[0])) >= 2:
        title, agenda = match[0].strip().rstrip("-–").strip(), head[len(match[0]) :].strip()
    body = [agenda] if agenda else []
    for piece in pieces[1:]:
        if piece.strip() and not is_chrome(piece):
            body.extend(["", piece.strip()])
    body.extend(row[1:])
    return RawItem(title=title, lines=body, incomplete=False)
