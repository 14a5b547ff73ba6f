"""The reference reader of an item page's indexed article, for tests: html.parser visiting
every tag, slow and obvious. minutebook/index/records.py must give the same records."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

from minutebook.index.records import SearchRecord, Section
from minutebook.index.terms import term_hash, terms

MAX_WEIGHT = 255
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
# Inline elements join the words around them; every other tag separates words.
INLINE = {"a", "abbr", "b", "cite", "code", "em", "i", "mark", "q", "small", "span", "strong"}
INLINE |= {"sub", "sup", "time", "u", "var", "dfn", "kbd", "s", "bdi", "bdo", "data"}
SPACE = re.compile(r"\s+")


def reference_record(document: bytes, output_path: str) -> SearchRecord:
    """The record of one item page's search document (documents.py); `output_path` is where
    the page is written in the site."""
    reader = _ArticleReader()
    reader.feed(document.decode("utf-8"))
    reader.close()
    return reader.record(page_url(output_path))


def page_url(output_path: str) -> str:
    return "/" + output_path.removesuffix("index.html")


@dataclass
class _Open:
    tag: str
    ignored: bool
    weight: int
    captures: list[tuple[str, str, list[str]]] = field(default_factory=list)  # kind, name, text
    heading_id: str | None = None


class _ArticleReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._open: list[_Open] = []
        self._inside = False
        self.title = ""
        self.meta: dict[str, str] = {}
        self.filters: dict[str, list[str]] = {}
        self.sections: list[tuple[str, list[str], list[str]]] = [("", [], [])]  # id, title, text
        self._by_weight: dict[int, list[str]] = {}  # indexed text, by the weight of its words
        self._last_weight = 0
        self._heading_text: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if not self._inside:
            self._inside = tag == "article" and "data-pagefind-body" in attributes
            if not self._inside:
                return
        if tag not in INLINE:
            self._text(" ")
        if tag in VOID:
            return
        parent = self._open[-1] if self._open else None
        weight = attributes.get("data-pagefind-weight")
        entry = _Open(
            tag,
            (parent.ignored if parent else False) or "data-pagefind-ignore" in attributes,
            int(weight) if weight and weight.isdigit() else (parent.weight if parent else 1),
        )
        for kind in ("filter", "meta"):
            if (spec := attributes.get(f"data-pagefind-{kind}")) is not None:
                self._capture(entry, kind, spec)
        if tag == "h1" and not self.title:
            entry.captures.append(("title", "", []))
        if tag in HEADINGS and attributes.get("id"):
            entry.heading_id = attributes["id"]
            self._heading_text = []
            self.sections.append((attributes["id"] or "", [], []))
        self._open.append(entry)

    def _capture(self, entry: _Open, kind: str, spec: str) -> None:
        name, colon, value = spec.partition(":")
        if colon:
            self._found(kind, name.strip(), value.strip())
        else:
            entry.captures.append((kind, name.strip(), []))

    def _found(self, kind: str, name: str, value: str) -> None:
        if not value:
            return
        if kind == "title":
            self.title = value
        elif kind == "filter":
            values = self.filters.setdefault(name, [])
            if value not in values:
                values.append(value)
        else:
            self.meta.setdefault(name, value)

    def handle_endtag(self, tag: str) -> None:
        if not self._inside or tag in VOID:
            return
        if not self._open:
            self._inside = False  # the article's own end tag
            return
        entry = self._open.pop()
        for kind, name, text in entry.captures:
            self._found(kind, name, _collapse("".join(text)))
        if entry.heading_id is not None and self._heading_text is not None:
            self.sections[-1][1].append("".join(self._heading_text))
            self._heading_text = None
        if tag not in INLINE:
            self._text(" ")

    def handle_data(self, data: str) -> None:
        if self._inside:
            self._text(data)

    def _text(self, data: str) -> None:
        for entry in self._open:
            for _, _, text in entry.captures:
                text.append(data)
        if self._heading_text is not None:
            self._heading_text.append(data)
        current = self._open[-1] if self._open else None
        if current is None or current.ignored:
            return
        self.sections[-1][2].append(data)
        texts = self._by_weight.setdefault(current.weight, [])
        if current.weight != self._last_weight:
            texts.append(" ")  # this text does not run on from the last text of its weight
            self._last_weight = current.weight
        texts.append(data)

    def record(self, url: str) -> SearchRecord:
        sections = [
            Section(section_id, _collapse("".join(title)) or self.title, _collapse("".join(text)))
            for section_id, title, text in self.sections
        ]
        weights: Counter[str] = Counter()
        for weight, texts in self._by_weight.items():
            for term, count in Counter(terms("".join(texts))).items():
                weights[term] += weight * count
        capped = Counter({term: min(MAX_WEIGHT, weight) for term, weight in weights.items()})
        pairs = word_pairs([self.title, *(section.text for section in sections)])
        return SearchRecord(url, self.title, self.meta, self.filters, sections, capped, pairs)


def word_pairs(texts: list[str]) -> tuple[int, ...]:
    """The spec's word pairs: each two consecutive terms of one text, hashed, distinct and
    ascending."""
    found = set()
    for text in texts:
        for first, second in itertools.pairwise(terms(text)):
            found.add(spec_pair_hash(first, second))
    return tuple(sorted(found))


def spec_pair_hash(first: str, second: str) -> int:
    """(hash(first) × 0x01000193 mod 2³²) XOR hash(second), as docs/search-index.md gives it."""
    return (term_hash(first) * 0x01000193 % 2**32) ^ term_hash(second)


def _collapse(text: str) -> str:
    return SPACE.sub(" ", text).strip()
