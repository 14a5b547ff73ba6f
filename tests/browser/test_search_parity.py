"""The search page turns a query into terms and hashes them exactly as the build does, or a word
the build indexed would never be found: static/search-index.js against minutebook/index/terms.py,
in the browser that runs it."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from playwright.sync_api import Page

from minutebook.index.terms import pair_hash, term_hash, terms
from tests.browser.searchpage import open_search

pytestmark = pytest.mark.browser

TRICKY = [
    "The Council’s agency social workers (2024-25): a 5% cut",
    "agencies houses workers bus glass shoes trees cities series status its has",
    "AGENCIES Houses WORKERS Buses Glasses Addresses Policies Monies",
    "ﬁnance ﬂow ﬃ office",  # NFKC ligatures
    "café cafe\u0301 naïve Ärzte STRASSE Straße ǅemal",  # composed and combining accents
    "ΟΔΟΣ ΟΔΟΣΣ İstanbul",  # final sigma; a dotted capital I lower-cases to two code points
    "½ ² ① Ⅻ 〇 ٣ 1 x 7",  # numbers NFKC rewrites or keeps; single digits kept, letters dropped
    "日本語のテキスト 東京都 한국어",
    "snake_case hyphen-ated e-mail o'clock don't U.K. £1,000.50",
    "emoji 👍🏽 and 𝐛𝐨𝐥𝐝 maths and 𝔉𝔯𝔞𝔨𝔱𝔲𝔯",  # astral characters, NFKC to plain letters
    "",
    "   \t\n ",
]
FILTER_TERMS = ["council=Bradford", "topic=Children's social care", "year=Date not recorded", "é"]


def in_page(page: Page, site_url: str, function: str, arguments: list[str]) -> list[Any]:
    """search-index.js's `function` of each argument, run in the page as the site serves it."""
    open_search(page, site_url)
    results: list[Any] = page.evaluate(
        "async ([name, values]) => { const index = await import('/static/search-index.js');"
        " return values.map((value) => index[name](value)); }",
        [function, arguments],
    )
    return results


def test_the_page_finds_the_same_terms_as_the_build(page: Page, site_url: str) -> None:
    found = in_page(page, site_url, "terms", TRICKY)
    assert dict(zip(TRICKY, found, strict=True)) == {text: terms(text) for text in TRICKY}


def test_the_page_hashes_terms_as_the_build_does(page: Page, site_url: str) -> None:
    words = sorted({term for text in TRICKY for term in terms(text)} | set(FILTER_TERMS) | {""})
    hashes = in_page(page, site_url, "hash", words)
    assert dict(zip(words, hashes, strict=True)) == {word: term_hash(word) for word in words}


def test_a_single_digit_that_is_not_decimal_is_dropped_by_both(page: Page, site_url: str) -> None:
    texts = ["፩ ፪ ⓵ ❶ ➀ 7"]
    assert in_page(page, site_url, "terms", texts) == [terms(text) for text in texts]


def test_the_page_hashes_word_pairs_as_the_build_does(page: Page, site_url: str) -> None:
    """A phrase's candidates are looked up by the hash of each two consecutive terms."""
    sequence = [term for text in TRICKY for term in terms(text)]
    pairs = sorted(set(itertools.pairwise(sequence)))
    open_search(page, site_url)
    hashes = page.evaluate(
        "async (pairs) => { const index = await import('/static/search-index.js');"
        " return pairs.map(([first, second]) => index.pairHash(first, second)); }",
        pairs,
    )
    assert hashes == [pair_hash(first, second) for first, second in pairs]
    assert len(set(hashes)) == len(pairs)  # the combination tells these pairs apart
