"""Read an item page's indexed article into a search record: its text by section, the weight of
each term, its filter values and the fields a result shows.

The article is marked up for indexing with the attributes Pagefind introduced, which templates
already carry: `data-pagefind-body` (what is indexed), `data-pagefind-ignore` (text left out;
filters and fields inside it still count), `data-pagefind-weight` (how much its words count),
`data-pagefind-filter` and `data-pagefind-meta` ("name" takes the element's text, "name:value"
the value given). Headings with an id start a new section, so results can link into the page.

The pages are our own templates' output (escaped by Jinja, checked by the Nu Html Checker), so
a tag scanner reads them; html.parser took three times as long, most of the index stage.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field

from minutebook.index.terms import term_counts

MAX_WEIGHT = 255
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
# Inline elements join the words around them; every other tag separates words.
INLINE = {"a", "abbr", "b", "cite", "code", "em", "i", "mark", "q", "small", "span", "strong"}
INLINE |= {"sub", "sup", "time", "u", "var", "dfn", "kbd", "s", "bdi", "bdo", "data"}
# Whitespace before a tag is taken with it: most text between tags is only indentation.
TOKEN = re.compile(
    r"(\s*)(?:<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>)|([^<]+)",
    re.S,
)
ATTRIBUTE = re.compile(
    r"([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+)))?"
)


@dataclass
class Section:
    id: str
    title: str
    text: str


@dataclass
class SearchRecord:
    url: str
    title: str
    meta: dict[str, str]
    filters: dict[str, list[str]]
    sections: list[Section]
    weights: Counter[str]  # term → weight in this document, capped at MAX_WEIGHT


def search_record(document: bytes, output_path: str) -> SearchRecord:
    """The record of one item page's search document (documents.py); `output_path` is where
    the page is written in the site."""
    text = document.decode("utf-8")
    reader = _ArticleReader()
    for match in TOKEN.finditer(text, text.find("<article")):
        space, closing, tag, attributes, data = match.groups()
        if data is not None:
            reader.text(html.unescape(data) if "&" in data else data)
            continue
        if space:
            reader.space()
        if tag is None:
            continue  # a comment
        if closing:
            if reader.end(tag.lower()):
                break
        else:
            reader.start(tag.lower(), attributes)
    return reader.record(page_url(output_path))


def page_url(output_path: str) -> str:
    return "/" + output_path.removesuffix("index.html")


def _attributes(source: str) -> dict[str, str]:
    found = {}
    for name, double, single, bare in ATTRIBUTE.findall(source):
        value = double or single or bare
        found[name.lower()] = html.unescape(value) if "&" in value else value
    return found


@dataclass
class _Open:
    tag: str
    ignored: bool
    weight: int
    captures: list[tuple[str, str, list[str]]] = field(default_factory=list)  # kind, name, text
    heading: bool = False


class _ArticleReader:
    def __init__(self) -> None:
        self._open: list[_Open] = []
        self._capturing: list[list[str]] = []  # text buffers of every open capture
        self.title = ""
        self.meta: dict[str, str] = {}
        self.filters: dict[str, list[str]] = {}
        self.sections: list[tuple[str, list[str], list[str]]] = [("", [], [])]  # id, title, text
        self._by_weight: dict[int, list[str]] = {}  # indexed text, by the weight of its words
        self._last_weight = 0
        self._space = False
        self._heading_text: list[str] | None = None

    def start(self, tag: str, source: str) -> None:
        if tag not in INLINE:
            self.space()
        if tag in VOID:
            return
        attributes = _attributes(source) if "data-" in source or "id=" in source else {}
        parent = self._open[-1] if self._open else None
        weight = attributes.get("data-pagefind-weight", "")
        entry = _Open(
            tag,
            (parent.ignored if parent else False) or "data-pagefind-ignore" in attributes,
            int(weight) if weight.isdigit() else (parent.weight if parent else 1),
        )
        for kind in ("filter", "meta"):
            if (spec := attributes.get(f"data-pagefind-{kind}")) is not None:
                self._capture(entry, kind, spec)
        if tag == "h1" and not self.title:
            self._add_capture(entry, "title", "")
        if tag in HEADINGS and attributes.get("id"):
            entry.heading = True
            self._heading_text = []
            self.sections.append((attributes["id"], [], []))
        self._open.append(entry)

    def _capture(self, entry: _Open, kind: str, spec: str) -> None:
        name, colon, value = spec.partition(":")
        if colon:
            self._found(kind, name.strip(), value.strip())
        else:
            self._add_capture(entry, kind, name.strip())

    def _add_capture(self, entry: _Open, kind: str, name: str) -> None:
        buffer: list[str] = []
        entry.captures.append((kind, name, buffer))
        self._capturing.append(buffer)

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

    def end(self, tag: str) -> bool:
        """Close `tag`; True at the article's own end tag."""
        if tag in VOID:
            return False
        if not self._open:
            return True
        entry = self._open.pop()
        for kind, name, text in entry.captures:
            self._capturing.remove(text)
            self._found(kind, name, _collapse("".join(text)))
        if entry.heading and self._heading_text is not None:
            self.sections[-1][1].append("".join(self._heading_text))
            self._heading_text = None
        if tag not in INLINE:
            self.space()
        return False

    def space(self) -> None:
        """Words either side are separate: a space goes before the next text."""
        self._space = True

    def text(self, data: str) -> None:
        if self._space:
            data = " " + data
            self._space = False
        for buffer in self._capturing:
            buffer.append(data)
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
            for term, count in term_counts("".join(texts)).items():
                weights[term] += weight * count
        capped = Counter({term: min(MAX_WEIGHT, weight) for term, weight in weights.items()})
        return SearchRecord(url, self.title, self.meta, self.filters, sections, capped)


def _collapse(text: str) -> str:
    return " ".join(text.split())
