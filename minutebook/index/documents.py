"""What the index reads of an item page: its language, its <title> and the indexed <article>.

Only the element marked `data-pagefind-body` is indexed, and every filter and field of an item
page is inside it; the rest of the page (navigation, related items, the thread timeline, the
stylesheet's version) never reaches the index. Fingerprinting this smaller document instead of
the page means an edit rebuilds only the blocks whose indexed text changed: not every block
whose pages list the edited item as related, and not every block when the stylesheet changes.
"""

from __future__ import annotations

BODY_ATTRIBUTE = b" data-pagefind-body"


class NotAnItemPage(ValueError):
    """A page planned for the index has no indexed article (a bug, not a content error)."""


def search_document(page: bytes, output_path: str) -> bytes:
    marker = page.find(BODY_ATTRIBUTE)
    start = page.rfind(b"<article", 0, marker)
    end = page.find(b"</article>", marker)
    html_start = page.find(b"<html")
    title_start = page.find(b"<title>")
    title_end = page.find(b"</title>", title_start)
    if min(marker, start, end, html_start, title_start, title_end) < 0:
        raise NotAnItemPage(f"{output_path}: no <title> or data-pagefind-body <article>")
    html_tag = page[html_start : page.index(b">", html_start) + 1]
    return b"".join(
        (
            b"<!DOCTYPE html>\n",
            html_tag,
            b'\n<head>\n<meta charset="utf-8">\n',
            page[title_start : title_end + len(b"</title>")],
            b"\n</head>\n<body>\n",
            page[start : end + len(b"</article>")],
            b"\n</body>\n</html>\n",
        )
    )
