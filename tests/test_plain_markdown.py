"""The fast path for plain prose gives exactly markdown-it's HTML, or steps aside."""

from __future__ import annotations

from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

from minutebook.load import body
from minutebook.load.plain_markdown import plain_block_html, plain_inline_html
from minutebook.load.records import Section
from minutebook.render.markdown import make_renderer

RENDERER = make_renderer()

# Pieces that make plain prose, and pieces near the edge of what is plain: block starts,
# inline markup, entities, odd whitespace.
PIECES = st.sampled_from(
    [
        "The",
        "committee",
        "noted",
        "the",
        "report",
        "2019",
        "91",
        "£58.90",
        "(1)",
        "That",
        "'quoted'",
        '"said"',
        "‘Ofsted’",
        "Élan",
        "a",
        ".",
        ",",
        ";",
        ":",
        "-",
        "!",
        "?",
        "%",
        " ",
        " ",
        " ",
        "  ",
        "\n",
        "\n",
        "\n\n",
        "\n\n\n",
        "- ",
        "-",
        "* ",
        "+ ",
        "1. ",
        "2) ",
        "1.",
        "# ",
        "#",
        "> ",
        "    ",
        "\t",
        "\xa0",
        "\u2028",
        "\r",
        "\x00",
        "\x1c",
        "=",
        "===",
        "---",
        "***",
        "___",
        "```",
        "~~~",
        "~",
        "&",
        "& ",
        "&amp;",
        "&#65;",
        "&copy",
        "<",
        ">",
        "<b>",
        "<http://x.example>",
        "http://x.example",
        "[",
        "]",
        "[a]: /b",
        "[a]",
        "(",
        ")",
        "*",
        "_",
        "`",
        "\\",
        "  \n",
        "|",
        "![x](y)",
        "javascript:alert(1)",
    ]
)
TEXTS = st.lists(PIECES, max_size=40).map("".join)


@settings(max_examples=5000)
@given(TEXTS)
def test_plain_text_renders_as_markdown_it_renders_it(text: str) -> None:
    block = plain_block_html(text)
    if block is not None:
        assert block == RENDERER.render(text)
    inline = plain_inline_html(text)
    if inline is not None:
        assert inline == RENDERER.renderInline(text)


def test_ordinary_minutes_take_the_fast_path() -> None:
    text = (
        '\nMembers noted the report & asked "why" it was late.\nIt was 91 per cent.\n\n'
        "- Partners had been consulted\n- The figures would be published\n\n"
        "- A later point\n\n(1) The report was noted."
    )
    assert plain_block_html(text) == RENDERER.render(text)
    assert plain_inline_html("That the update be noted.") == "That the update be noted."


def test_anything_else_is_left_to_markdown_it() -> None:
    for text in ("A *b*", "1. First", "Title\n===", "    code", "A  \nB", "- a\nlazy", "<b>"):
        assert plain_block_html(text) is None
    for text in ("`code`", " lead", "A  \nB", "&copy;"):
        assert plain_inline_html(text) is None


def test_every_whitespace_but_space_and_newline_is_not_plain() -> None:
    """markdown-it strips paragraphs with str.strip, so all of str.isspace must be listed."""
    spaces = [c for c in map(chr, range(0x110000)) if c.isspace() and c not in " \n"]
    assert all(plain_block_html(f"A{c}b") is None for c in spaces)


RESOLVED = st.lists(st.sampled_from(["- ", "(1) That", " the report", " be noted.", "\n", "\n\n"]))


@settings(max_examples=1000)
@given(st.one_of(TEXTS, RESOLVED.map("".join)))
def test_plain_resolved_sections_split_as_the_parse_splits_them(text: str) -> None:
    section = Section.of("resolved", "Resolved", text, 10)
    fast = (body._read_resolutions(section), body.plain_text(text))
    with (
        patch.object(body, "plain_blocks", lambda _: None),
        patch.object(body, "plain_text_of", lambda _: None),
    ):
        assert fast == (body._read_resolutions(section), body.plain_text(text))
