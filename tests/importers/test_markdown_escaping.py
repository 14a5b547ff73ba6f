"""Escaped source text renders back to exactly the source text."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt

from minutebook.importers.markdown_out import escape

TRICKY = [
    "1. Not a list",
    "2) Nor this",
    "- dash then text",
    "# not a heading",
    "> not a quote",
    "+ plus",
    "a *star* and _under_score_ and `tick`",
    "<b>tags</b> & &amp; entities",
    "[link](http://example.org) and ![img](x)",
    "pipes | and ~~tildes~~",
    "back\\slash",
    "===",
    "12.59 - a time",
]


def rendered_text(markdown: str) -> str:
    html = MarkdownIt("commonmark").render(markdown)
    text = re.sub(r"<[^>]+>", "", html).strip()
    return (
        text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
    )


@pytest.mark.parametrize("text", TRICKY)
def test_escaped_text_renders_as_the_source(text: str) -> None:
    assert rendered_text(escape(text)) == text
