"""Markdown → safe HTML: raw HTML shown as text, only http(s)/mailto/relative links."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from minutebook.load.plain_markdown import plain_block_html, plain_inline_html

_SAFE_SCHEMES = ("http", "https", "mailto")
_BEFORE_PATH = re.compile(r"^[^/?#]*")


class SafeMarkdown(MarkdownIt):
    def validateLink(self, url: str) -> bool:
        """Refuse `javascript:`, `data:` and other schemes: such links are shown as text."""
        head = _BEFORE_PATH.match(url.strip())
        prefix = head.group(0) if head else ""
        if ":" not in prefix:
            return True  # a relative link
        return prefix.split(":", 1)[0].lower() in _SAFE_SCHEMES


def make_renderer() -> MarkdownIt:
    renderer = SafeMarkdown("commonmark", {"html": False, "typographer": False})
    renderer.disable(["image"])  # the archive publishes text; images would be remote requests
    # With raw HTML off these two rules only ever return False, but the block one is tried at
    # the start of every line and the inline one at every "<": disabling them is the same
    # output for less work (and keeps raw HTML out even if the option were ever turned on).
    renderer.disable(["html_block", "html_inline"])
    return renderer


def render_markdown(renderer: MarkdownIt, markdown: str) -> str:
    """Plain prose by the fast path (the same HTML); anything else by markdown-it."""
    plain = plain_block_html(markdown)
    if plain is not None:
        return plain
    html: str = renderer.render(markdown)
    return html


def render_inline(renderer: MarkdownIt, markdown: str) -> str:
    plain = plain_inline_html(markdown)
    if plain is not None:
        return plain
    html: str = renderer.renderInline(markdown)
    return html
