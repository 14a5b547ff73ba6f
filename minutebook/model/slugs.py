"""Slugs: the readable, URL-safe path segments every URL is made of."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")
_APOSTROPHES = re.compile(r"['’‘`]")
MAX_SLUG_LENGTH = 80


def slugify(text: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """Lower-case ASCII words joined by hyphens: "Children's Services" → "childrens-services".

    Only [a-z0-9-] can come out, so a slug can never hold "/", "..", or markup.
    An empty result becomes "untitled" so every entity still has a path segment.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = _NON_WORD.sub("-", _APOSTROPHES.sub("", ascii_text.lower())).strip("-")
    if len(words) > max_length:
        words = words[:max_length].rsplit("-", 1)[0] or words[:max_length]
    return words.strip("-") or "untitled"
