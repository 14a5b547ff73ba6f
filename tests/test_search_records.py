"""records.py reads what the html.parser reference reader reads, on real pages and on markup
chosen to trip a reader that only looks at some tags."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pytest

from minutebook.index.documents import search_document
from minutebook.index.records import SearchRecord, search_record
from tests.conftest import REPO_ROOT
from tests.search_reference import reference_record

GOLDEN = REPO_ROOT / "tests" / "golden" / "site"


def same(record: SearchRecord, reference: SearchRecord) -> bool:
    return asdict(record) == asdict(reference)


def item_pages() -> list[Path]:
    return sorted(p for p in GOLDEN.rglob("index.html") if b"data-pagefind-body" in p.read_bytes())


@pytest.mark.parametrize("page", item_pages(), ids=lambda p: p.parent.name)
def test_each_golden_item_page_reads_as_the_reference_reads_it(page: Path) -> None:
    document = search_document(page.read_bytes(), "x/index.html")
    record = search_record(document, "x/index.html")
    assert same(record, reference_record(document, "x/index.html"))
    assert record.title and len(record.sections) > 3 and record.filters["council"]


ARTICLES = {
    "inline ignored inside a word": "<p>foo<span data-pagefind-ignore>bar</span>baz qux</p>",
    "block ignored between words": "<p>foo</p><div data-pagefind-ignore>bar</div><p>baz</p>",
    "ignored inside a weighted section": (
        '<section data-pagefind-weight="5"><h2 id="r">Resolved</h2><p>keep '
        '<a data-pagefind-ignore href="/x/">Noted</a> this</p></section><p>after</p>'
    ),
    "a heading inside an ignored section": (
        '<p>before</p><section data-pagefind-ignore><h2 id="a">Asked</h2><p>x</p></section>'
        '<h2 id="b"><span data-pagefind-ignore>Hidden</span> Shown</h2><p>tail</p>'
    ),
    "filters, meta and entities": (
        '<span data-pagefind-meta="council">A &amp; B</span><div data-pagefind-ignore>'
        '<a data-pagefind-filter="topic">Children&#39;s care</a><span '
        'data-pagefind-filter="year:2021"></span><a data-pagefind-filter="topic">Roads</a>'
        '</div><span data-pagefind-meta="date_iso:2021-03-04"></span>'
    ),
    "nested elements of one name and a comment": (
        "<div data-pagefind-ignore><div>in</div>still in</div><!-- <p>no</p> -->out<br>next"
    ),
    "words joined by inline tags": "<p>multi<abbr title='x'>agency</abbr> <em>safe</em>guard</p>",
}


@pytest.mark.parametrize("body", ARTICLES.values(), ids=list(ARTICLES))
def test_markup_reads_as_the_reference_reads_it(body: str) -> None:
    document = (
        '<!DOCTYPE html>\n<html lang="en-GB"><head><title>T</title></head><body>'
        f'<article class="item" data-pagefind-body><h1 data-pagefind-weight="10">Title</h1>{body}'
        "</article></body></html>"
    ).encode()
    record = search_record(document, "a/b/index.html")
    reference = reference_record(document, "a/b/index.html")
    assert asdict(record) == asdict(reference)
    assert record.url == "/a/b/" and record.title == "Title"
