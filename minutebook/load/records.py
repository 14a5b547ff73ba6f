"""Typed records: what the load stage hands to the model stage, one per content file."""

from __future__ import annotations

import datetime as dt
import zlib
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class DocumentLink:
    title: str
    url: str


@dataclass(frozen=True)
class Section:
    """One `## Heading` part of an item's body.

    The Markdown is kept compressed: it is most of an item's memory (about 9 of 16 KB), the
    build holds every item at once, and it is read only a few times (classifying, rendering).
    """

    key: str  # a known section key ("purpose", "resolved", …) or "other"
    heading: str  # the heading as written
    packed: bytes  # the section's Markdown, heading excluded, zlib-compressed
    line: int  # file-absolute line of the heading (or of the first line, for the intro)

    @classmethod
    def of(cls, key: str, heading: str, markdown: str, line: int) -> Section:
        return cls(key, heading, zlib.compress(markdown.encode("utf-8"), 1), line)

    @property
    def markdown(self) -> str:
        return zlib.decompress(self.packed).decode("utf-8")


@dataclass(frozen=True)
class ResolutionText:
    """One resolution as written in the Resolved section."""

    markdown: str
    text: str  # plain text, for classification and data export
    line: int


@dataclass(frozen=True)
class ItemRecord:
    source_path: str  # relative to the project, for messages
    council: str
    committee: str | None
    title: str
    date: dt.date | None
    item: str | None
    topics: tuple[str, ...]
    source: str | None
    documents: tuple[DocumentLink, ...]
    incomplete: bool
    matter: str | None
    extra: dict[str, Any] = field(default_factory=dict)
    sections: tuple[Section, ...] = ()
    resolution_lead_in: str = ""
    resolutions: tuple[ResolutionText, ...] = ()
    resolution_closing: str = ""  # the Resolved section's text after its list, not in a list
    line: int = 1

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)
