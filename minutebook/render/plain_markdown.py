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


def plain_block_html(markdown: str) -> str | None:
    """The HTML of `markdown` rendered as blocks, or None if it is not plain."""
    if not _plain_characters(markdown):
        return None
    html: list[str] = []
    list_run: list[list[str]] = []  # list blocks with only blank lines between: one list
    for block in _blocks(markdown.split("\n")):
        items = [line[2:] for line in block if line.startswith("- ")]
        if not all(_plain_start(line) for line in items or block):
            return None
        if not items:
            html.append(_list_html(list_run))
            list_run = []
            html.append("<p>" + escapeHtml("\n".join(block)) + "</p>\n")
        elif len(items) == len(block):
            list_run.append(items)
        else:
            return None  # a list that interrupts a paragraph, or a lazy continuation line
    html.append(_list_html(list_run))
    return "".join(html)


def _list_html(blocks: list[list[str]]) -> str:
    """One list; loose (each item a paragraph) when blank lines separate its items."""
    if not blocks:
        return ""
    items = [item for block in blocks for item in block]
    if len(blocks) == 1:
        return "<ul>\n" + "".join(f"<li>{escapeHtml(i)}</li>\n" for i in items) + "</ul>\n"
    return "<ul>\n" + "".join(f"<li>\n<p>{escapeHtml(i)}</p>\n</li>\n" for i in items) + "</ul>\n"


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


def _blocks(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _plain_start(line: str) -> bool:
    """Starts like a paragraph and ends without a space (no other block, no hard break)."""
    return (
        _LINE_START.match(line) is not None
        and not line.endswith(" ")
        and _ORDERED_MARKER.match(line) is None
    )
