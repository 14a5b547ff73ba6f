"""Read an item's Markdown body: its `##` sections and the resolutions in "Resolved"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

from minutebook.diagnostics import Diagnostics
from minutebook.load.plain_markdown import PlainBlock, plain_blocks, plain_text_of
from minutebook.load.records import ResolutionText, Section

# Section key → the headings (lower case) that mean it. Order is the order pages show them in.
SECTION_HEADINGS: dict[str, tuple[str, ...]] = {
    "purpose": ("purpose", "summary", "agenda text"),
    "recommended": ("recommended", "recommendation", "recommendations"),
    "contact": ("contact officer", "contact"),
    "minutes": ("minutes", "discussion"),
    "resolved": ("resolved", "decision", "decisions", "resolution", "resolutions"),
    "reasons": ("reasons", "reasons for the decision", "reason"),
    "alternatives": ("alternatives considered", "alternative options considered"),
    "actions": ("actions", "action"),
    "documents": ("supporting documents", "documents"),
}
_KEY_BY_HEADING = {h: key for key, headings in SECTION_HEADINGS.items() for h in headings}
_PARSER = MarkdownIt("commonmark", {"html": False})
# Splitting "Resolved" into resolutions needs only the block structure (types, levels, line
# maps), so this parser skips the inline pass, which was a fifth of each parse.
_BLOCKS = MarkdownIt("commonmark", {"html": False}).disable(["inline", "text_join"])


@dataclass(frozen=True)
class Body:
    sections: tuple[Section, ...]
    resolution_lead_in: str
    resolutions: tuple[ResolutionText, ...]
    resolution_closing: str = ""  # what follows the first list of resolutions, not in a list


def read_body(markdown: str, first_line: int, source_path: str, sink: Diagnostics) -> Body:
    lines = markdown.split("\n")
    sections = _split_sections(_heading_starts(lines), lines, first_line, source_path, sink)
    resolved = next((s for s in sections if s.key == "resolved"), None)
    if resolved is None:
        return Body(sections, "", ())
    return Body(sections, *_read_resolutions(resolved))


_H2 = re.compile(r"^ {0,3}##(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def _heading_starts(lines: list[str]) -> list[tuple[int, str]]:
    """(line index, heading text) of each `## ` heading outside fenced code.

    A line scan rather than a full Markdown parse: bodies are large and only the headings
    matter here (the parse happens once, when the sections are rendered).
    """
    starts: list[tuple[int, str]] = []
    fence = ""
    for index, line in enumerate(lines):
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
        elif opening:
            fence = opening.group(1)
        elif line.lstrip(" ").startswith("##") and (heading := _H2.match(line)):
            starts.append((index, (heading.group(1) or "").strip()))
    return starts


def _split_sections(
    starts: list[tuple[int, str]],
    lines: list[str],
    first_line: int,
    source_path: str,
    sink: Diagnostics,
) -> tuple[Section, ...]:
    sections: list[Section] = []
    intro = "\n".join(lines[: starts[0][0] if starts else len(lines)]).rstrip("\n")
    if intro.strip():
        sections.append(Section.of("intro", "", intro, first_line))
    seen: set[str] = set()
    for index, (start, heading) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(lines)
        line = first_line + start
        key = _KEY_BY_HEADING.get(heading.rstrip(":").strip().lower(), "other")
        if key == "other":
            sink.warning(
                "body.unknown-section",
                f"section '{heading}' is not one the archive understands; shown as written",
                source_path,
                line,
            )
        elif key in seen:
            sink.error("body.duplicate-section", f"second '{heading}' section", source_path, line)
            continue
        seen.add(key)
        content = "\n".join(lines[start + 1 : end]).rstrip("\n")  # keep leading lines: line numbers
        sections.append(Section.of(key, heading, content, line))
    return tuple(sections)


def _read_resolutions(section: Section) -> tuple[str, tuple[ResolutionText, ...], str]:
    """(lead-in, resolutions, closing). Top-level list items are resolutions, with the text
    before the first list as their lead-in and any other text after it as their closing (a
    vote, an abstention). With no list, each paragraph is a resolution, and any other block (a
    sub-heading, a quotation) is lead-in or closing by where it stands. Nothing is lost."""
    markdown = section.markdown
    lines = markdown.split("\n")
    blocks = plain_blocks(markdown)
    first_list, spans, others = _parsed_spans(markdown) if blocks is None else _plain_spans(blocks)
    is_list = first_list is not None
    start = first_list if first_list is not None else (spans[0][0] if spans else len(lines))
    resolutions = tuple(_resolution(lines, span, section.line, is_list) for span in spans)
    lead_in = "\n".join(lines[:start]).strip()
    closing = "\n\n".join("\n".join(lines[a:b]).strip() for a, b in others if a >= start)
    return lead_in, resolutions, closing


# (first line of the first list, resolution line spans, line spans of the other top-level
# blocks: with a list, every block not in one; without, every block but the paragraphs)
Spans = tuple[int | None, list[tuple[int, int]], list[tuple[int, int]]]
_LIST_OPEN = ("bullet_list_open", "ordered_list_open")


def _parsed_spans(markdown: str) -> Spans:
    tokens = _BLOCKS.parse(markdown)
    items = _top_level_spans(tokens, "list_item_open")
    skipped = _LIST_OPEN if items else ("paragraph_open",)
    others = [
        (t.map[0], t.map[1])
        for t in tokens
        if t.level == 0 and t.map and t.nesting != -1 and t.type not in skipped
    ]
    if not items:
        return None, _top_level_spans(tokens, "paragraph_open"), others
    first_list = next(t.map[0] for t in tokens if t.type in _LIST_OPEN and t.map)
    return first_list, items, others


def _plain_spans(blocks: list[PlainBlock]) -> Spans:
    """The same spans read off plain Markdown's blocks, without a parse: in plain Markdown
    each list item is one line, and a paragraph's lines follow each other."""
    lists = [block for block in blocks if block.is_list]
    paragraphs = [(b.line_indexes[0], b.line_indexes[-1] + 1) for b in blocks if not b.is_list]
    if not lists:
        return None, paragraphs, []
    return lists[0].line_indexes[0], [(i, i + 1) for b in lists for i in b.line_indexes], paragraphs


def _top_level_spans(tokens: list[Token], kind: str) -> list[tuple[int, int]]:
    wanted_level = 1 if kind == "list_item_open" else 0
    return [
        (t.map[0], t.map[1]) for t in tokens if t.type == kind and t.level == wanted_level and t.map
    ]


_LIST_MARKER = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s?")


def _resolution(
    lines: list[str], span: tuple[int, int], heading_line: int, is_list_item: bool
) -> ResolutionText:
    chunk = lines[span[0] : span[1]]
    if is_list_item and chunk:
        chunk = [_LIST_MARKER.sub("", chunk[0], count=1), *(line.strip() for line in chunk[1:])]
    markdown = "\n".join(chunk).strip()
    return ResolutionText(markdown, plain_text(markdown), heading_line + 1 + span[0])


def plain_text(markdown: str) -> str:
    """Markdown → one line of plain text (for classification, search data and exports)."""
    if not markdown:
        return ""
    plain = plain_text_of(markdown)
    if plain is not None:
        return plain
    parts = [
        " " if child.type in ("softbreak", "hardbreak") else child.content
        for token in _PARSER.parseInline(markdown)
        for child in (token.children or [])
        if child.type in ("text", "code_inline", "softbreak", "hardbreak", "html_inline")
    ]
    return " ".join("".join(parts).split())
