"""Mark the first use of each glossary acronym in an item's rendered HTML with <abbr title>.

Only text between tags is touched, never a tag or an attribute, and never text inside a link,
code, a heading or an existing <abbr> (an <abbr> inside a link's text would be a link's name
change; inside code it would be wrong). The HTML comes from markdown-it with raw HTML off, so
every "<" in text is already "&lt;": splitting on tags is exact.
"""

from __future__ import annotations

import html
import re
from functools import cached_property

from minutebook.model.glossary import term_pattern

_TAG = re.compile(r"(<[^>]*>)")
_SKIP = frozenset({"a", "code", "pre", "abbr", "h1", "h2", "h3", "h4", "h5", "h6"})
_TAG_NAME = re.compile(r"^</?([a-zA-Z0-9]+)")


class Abbreviator:
    """One per item page: remembers which terms it has marked, so each is marked once."""

    def __init__(self, terms: dict[str, str]) -> None:
        self.terms = terms
        self.used: list[str] = []

    @cached_property
    def pattern(self) -> re.Pattern[str] | None:
        """Built only for an item that uses a term (most do not; see `mark`)."""
        return term_pattern(self.terms)

    def mark(self, rendered: str) -> str:
        # Most sections use no term, and a plain substring test for each term is many times
        # faster than the word-bounded pattern (which Python tries at every position) and than
        # splitting on tags; a term that is not a substring cannot match, so this is exact.
        if not any(term in rendered for term in self.terms) or self.pattern is None:
            return rendered
        parts = _TAG.split(rendered)
        skipping = 0
        for index, part in enumerate(parts):
            if index % 2:  # a tag
                skipping += _depth_change(part)
            elif part and skipping == 0:
                parts[index] = self.pattern.sub(self._replace, part)
        return "".join(parts)

    def _replace(self, match: re.Match[str]) -> str:
        term = match.group(1)
        if term in self.used:
            return match.group(0)
        self.used.append(term)
        title = html.escape(self.terms[term], quote=True)
        return f'<abbr title="{title}">{match.group(0)}</abbr>'


def _depth_change(tag: str) -> int:
    name = _TAG_NAME.match(tag)
    if not name or name.group(1).lower() not in _SKIP or tag.endswith("/>"):
        return 0
    return -1 if tag.startswith("</") else 1
