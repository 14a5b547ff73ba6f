"""Read an item page's indexed article into a search record: its text by section, the weight of
each term, its filter values and the fields a result shows.

The article is marked up for indexing with the attributes Pagefind introduced, which templates
already carry: `data-pagefind-body` (what is indexed), `data-pagefind-ignore` (text left out;
filters and fields inside it still count), `data-pagefind-weight` (how much its words count),
`data-pagefind-filter` and `data-pagefind-meta` ("name" takes the element's text, "name:value"
the value given). Headings with an id start a new section, so results can link into the page.

The pages are our own templates' output (escaped by Jinja, checked by the Nu Html Checker). So
rather than visit every tag in Python, the reader finds only the few marked elements and
headings, and takes the text between them with regular expressions: an html.parser reader (kept
in tests/ as the reference this one must agree with) took 2.7 ms a page against 1.56 ms here
(CPU, 1,000 pages of a 10k bench site).
"""

from __future__ import annotations

import html
import itertools
import re
from collections import Counter
from dataclasses import dataclass

from minutebook.index.terms import pair_hashes, term_counts

MAX_WEIGHT = 255
# Inline elements join the words around them; every other tag separates words.
INLINE = {"a", "abbr", "b", "cite", "code", "em", "i", "mark", "q", "small", "span", "strong"}
INLINE |= {"sub", "sup", "time", "u", "var", "dfn", "kbd", "s", "bdi", "bdo", "data"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
_QUOTED = r"(?:[^>\"']|\"[^\"]*\"|'[^']*')*"
# A start tag that marks something: a data-pagefind- attribute, or a heading with an id.
MARKED = re.compile(rf"<([a-zA-Z][a-zA-Z0-9]*)(\s(?:{_QUOTED}\s)?(?:data-pagefind-|id=){_QUOTED})>")
ATTRIBUTE = re.compile(
    r"([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+)))?"
)
COMMENT = re.compile(r"<!--.*?-->", re.S)
INLINE_TAG = re.compile(rf"</?(?:{'|'.join(sorted(INLINE))})\b{_QUOTED}>", re.I)
ANY_TAG = re.compile(rf"</?[a-zA-Z][a-zA-Z0-9]*{_QUOTED}>")
HEADING = re.compile(r"h[1-6]", re.I)


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
    # Of every two consecutive terms in the title or one section (terms.py: pair_hashes).
    pairs: tuple[int, ...] = ()


@dataclass(frozen=True)
class _Element:
    tag: str
    attributes: dict[str, str]
    start: int  # of its start tag
    inner: int  # just after its start tag
    end: int  # of its end tag (its inner text is text[inner:end])
    after: int  # just after its end tag


def search_record(document: bytes, output_path: str) -> SearchRecord:
    """The record of one item page's search document (documents.py); `output_path` is where
    the page is written in the site."""
    text = COMMENT.sub("", document.decode("utf-8"))
    opening = re.compile(r"<article\b[^>]*>").search(text)
    if opening is None:
        raise ValueError(f"{output_path}: no <article>")
    article = _element(text, "article", {}, opening.start(), opening.end())
    elements = [
        _element(text, match[1].lower(), _attributes(match[2]), match.start(), match.end())
        for match in MARKED.finditer(text, article.inner, article.end)
    ]
    meta, filters = _captures(text, elements)
    h1 = re.compile(r"<h1\b[^>]*>").search(text, article.inner, article.end)
    title = _plain(text[h1.end() : _closing(text, "h1", h1.end())[0]]) if h1 else ""
    sections, weights = _texts(text, article, elements)
    record_sections = [Section(id_, heading or title, body) for id_, heading, body in sections]
    url = "/" + output_path.removesuffix("index.html")
    pairs = pair_hashes([title, *(section.text for section in record_sections)])
    return SearchRecord(url, title, meta, filters, record_sections, weights, pairs)


def _attributes(source: str) -> dict[str, str]:
    found = {}
    for name, double, single, bare in ATTRIBUTE.findall(source):
        value = double or single or bare
        found[name.lower()] = html.unescape(value) if "&" in value else value
    return found


def _element(text: str, tag: str, attributes: dict[str, str], start: int, inner: int) -> _Element:
    end, after = (inner, inner) if tag in VOID else _closing(text, tag, inner)
    return _Element(tag, attributes, start, inner, end, after)


def _closing(text: str, tag: str, inner: int) -> tuple[int, int]:
    """Where the element whose start tag ends at `inner` ends: (its end tag, just after it)."""
    depth = 1
    for match in _tag_pattern(tag).finditer(text, inner):
        depth += -1 if match[1] else 1
        if depth == 0:
            return match.start(), text.index(">", match.start()) + 1
    return len(text), len(text)


_TAG_PATTERNS: dict[str, re.Pattern[str]] = {}


def _tag_pattern(tag: str) -> re.Pattern[str]:
    if tag not in _TAG_PATTERNS:  # a handful of tag names; compiled once each
        _TAG_PATTERNS[tag] = re.compile(rf"<(/?){tag}(?=[\s>/])", re.I)
    return _TAG_PATTERNS[tag]


def _captures(text: str, elements: list[_Element]) -> tuple[dict[str, str], dict[str, list[str]]]:
    meta: dict[str, str] = {}
    filters: dict[str, list[str]] = {}
    for element in elements:
        for kind in ("filter", "meta"):
            spec = element.attributes.get(f"data-pagefind-{kind}")
            if spec is None:
                continue
            name, colon, value = spec.partition(":")
            value = value.strip() if colon else _plain(text[element.inner : element.end])
            if not value:
                continue
            if kind == "meta":
                meta.setdefault(name.strip(), value)
            elif value not in (values := filters.setdefault(name.strip(), [])):
                values.append(value)
    return meta, filters


def _texts(
    text: str, article: _Element, elements: list[_Element]
) -> tuple[list[tuple[str, str, str]], Counter[str]]:
    """Each section's (id, heading, indexed text), and each term's weight."""
    ignored = [e for e in elements if "data-pagefind-ignore" in e.attributes]
    weighted = [e for e in elements if e.attributes.get("data-pagefind-weight", "").isdigit()]
    headings = [e for e in elements if HEADING.fullmatch(e.tag) and e.attributes.get("id")]
    # Where the text is cut, and whether only inline tags meet there (then no space is added).
    inline_at = {article.inner: False, article.end: False, **{e.start: False for e in headings}}
    for element in ignored + weighted:
        for cut in (element.start, element.after):
            inline_at[cut] = inline_at.get(cut, True) and element.tag in INLINE
    cuts = inline_at
    sections: list[tuple[str, list[str], list[str]]] = [("", [], [])]
    by_weight: dict[int, list[str]] = {}
    last_weight = 0
    positions = sorted(p for p in cuts if article.inner <= p <= article.end)
    for start, end in itertools.pairwise(positions):
        heading = next((h for h in headings if h.start == start), None)
        if heading is not None:
            sections.append(
                (heading.attributes["id"], [_plain(text[heading.inner : heading.end])], [])
            )
        if any(e.start <= start < e.after for e in ignored):
            continue
        inner = [e for e in weighted if e.start <= start < e.after]
        weight = (
            int(max(inner, key=lambda e: e.start).attributes["data-pagefind-weight"])
            if inner
            else 1
        )
        before, after = ("" if inline_at[cut] else " " for cut in (start, end))
        segment = before + _text_of(text[start:end]) + after
        sections[-1][2].append(segment)
        texts = by_weight.setdefault(weight, [])
        if weight != last_weight:
            texts.append(" ")
            last_weight = weight
        texts.append(segment)
    weights: Counter[str] = Counter()
    for weight, texts in by_weight.items():
        for term, count in term_counts("".join(texts)).items():
            weights[term] += weight * count
    capped = Counter({term: min(MAX_WEIGHT, weight) for term, weight in weights.items()})
    return [(s, _collapse("".join(h)), _collapse("".join(b))) for s, h, b in sections], capped


def _text_of(markup: str) -> str:
    """Markup as text: inline tags join the words either side, any other tag separates them."""
    plain = ANY_TAG.sub(" ", INLINE_TAG.sub("", markup))
    return html.unescape(plain) if "&" in plain else plain


def _plain(markup: str) -> str:
    return _collapse(_text_of(markup))


def _collapse(text: str) -> str:
    return " ".join(text.split())
