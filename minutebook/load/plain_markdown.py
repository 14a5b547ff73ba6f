"""A fast path for the plainest Markdown: paragraphs and tight "- " lists of ordinary text.

Most of an item is prose like that, and markdown-it spends most of a build trying each of its
rules at every line and every punctuation mark of it. For text that can only be paragraphs and
simple lists, the HTML markdown-it would give is known in advance, so these functions build it
directly, or return None for anything else (markdown-it then renders it as before).

The subset is kept narrow on purpose, so that "the same output" is easy to see and to test
(`tests/test_plain_markdown.py` compares it with markdown-it on generated text):
- no character that any inline rule acts on (escapes, code, emphasis, links, autolinks and raw
  HTML, entities), and no whitespace other than spaces and newlines;
- no line with leading or trailing spaces (indented code, continuation, hard breaks);
- every line starts with a letter, a digit (but not "1." or "1)", a list) or an opening
  bracket or quote, so it cannot start a block of any other kind; or it is "- " followed by
  such a start (a list item);
- a block (lines between blank lines) is all paragraph lines or all list items; list blocks
  with only blank lines between them are one loose list, as in markdown-it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it.common.utils import escapeHtml

# Characters inline rules act on, and whitespace other than " " and "\n" (str.strip in
# markdown-it strips all of it; "\r" and "\0" are normalised). The whitespace is listed, not
# written [^\S \n]: one plain class is several times faster to search (a test checks the list).
_NOT_PLAIN = re.compile(
    r"[\\`*_\[\]<>\x00\t\x0b\x0c\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
)
_ENTITY_START = re.compile(r"&[#A-Za-z0-9]")
_LINE_START = re.compile(r"[^\W_]|[(\"'‘“£]")
_ORDERED_MARKER = re.compile(r"\d+[.)]")


@dataclass(frozen=True)
class PlainBlock:
    """A paragraph (its lines) or a list (its items' texts), with the line index of each."""

    is_list: bool
    texts: tuple[str, ...]
    line_indexes: tuple[int, ...]
    loose: bool = False  # a list whose items are separated by blank lines


def plain_blocks(markdown: str) -> list[PlainBlock] | None:
    """The blocks of `markdown`, or None if it is not plain (see above)."""
    if not _plain_characters(markdown):
        return None
    blocks: list[PlainBlock] = []
    for numbered in _line_groups(markdown.split("\n")):
        indexes = tuple(index for index, _ in numbered)
        lines = [line for _, line in numbered]
        items = tuple(line[2:] for line in lines if line.startswith("- "))
        if not all(_plain_start(line) for line in items or lines):
            return None
        if not items:
            blocks.append(PlainBlock(False, tuple(lines), indexes))
        elif len(items) != len(lines):
            return None  # a list that interrupts a paragraph, or a lazy continuation line
        elif blocks and blocks[-1].is_list:  # only blank lines between: the same list
            last = blocks[-1]
            blocks[-1] = PlainBlock(True, last.texts + items, last.line_indexes + indexes, True)
        else:
            blocks.append(PlainBlock(True, items, indexes))
    return blocks


def plain_block_html(markdown: str) -> str | None:
    """The HTML of `markdown` rendered as blocks, or None if it is not plain."""
    blocks = plain_blocks(markdown)
    return None if blocks is None else "".join(_block_html(block) for block in blocks)


def _block_html(block: PlainBlock) -> str:
    if not block.is_list:
        return "<p>" + escapeHtml("\n".join(block.texts)) + "</p>\n"
    item = "<li>\n<p>{}</p>\n</li>\n" if block.loose else "<li>{}</li>\n"
    return "<ul>\n" + "".join(item.format(escapeHtml(t)) for t in block.texts) + "</ul>\n"


def plain_text_of(markdown: str) -> str | None:
    """The words of plain inline `markdown` on one line (as load.body.plain_text gives)."""
    return " ".join(markdown.split()) if _plain_characters(markdown) else None


def plain_inline_html(markdown: str) -> str | None:
    """The HTML of `markdown` rendered inline, or None if it is not plain."""
    if not _plain_characters(markdown) or markdown != markdown.strip(" "):
        return None
    if " \n" in markdown or "\n " in markdown:  # hard breaks; spaces markdown-it drops
        return None
    return escapeHtml(markdown)


def _plain_characters(markdown: str) -> bool:
    return not _NOT_PLAIN.search(markdown) and not (
        "&" in markdown and _ENTITY_START.search(markdown)
    )


def _line_groups(lines: list[str]) -> list[list[tuple[int, str]]]:
    """Runs of non-blank lines, with their indexes."""
    groups: list[list[tuple[int, str]]] = [[]]
    for index, line in enumerate(lines):
        if line:
            groups[-1].append((index, line))
        elif groups[-1]:
            groups.append([])
    return [group for group in groups if group]


def _plain_start(line: str) -> bool:
    """Starts like a paragraph and ends without a space (no other block, no hard break)."""
    return (
        _LINE_START.match(line) is not None
        and not line.endswith(" ")
        and _ORDERED_MARKER.match(line) is None
    )
