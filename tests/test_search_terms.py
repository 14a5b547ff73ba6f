"""The rules that turn text into search terms (docs/search-index.md). The search page applies
the same rules to queries; tests/browser checks that its JavaScript agrees with these."""

from __future__ import annotations

import pytest

from minutebook.index.terms import filter_term, stem, term_hash, terms


@pytest.mark.parametrize(
    ("word", "term"),
    [
        ("agencies", "agency"),
        ("houses", "house"),
        ("workers", "worker"),
        ("bus", "bus"),
        ("glass", "glass"),
        ("shoes", "shoe"),
        ("trees", "tree"),
        ("cities", "city"),
        ("series", "sery"),  # the rule is blind to such words, but a query meets the same rule
        ("its", "its"),  # under four letters: left alone
        ("has", "has"),
        ("status", "status"),
    ],
)
def test_the_plural_rule(word: str, term: str) -> None:
    assert stem(word) == term


def test_text_splits_on_anything_but_letters_and_digits_after_nfkc_and_lower_case() -> None:
    text = "The Council’s ﬁnance plan 2024-25: a 5% cut; ÄRZTE snake_case"
    assert terms(text) == [
        "the",
        "council",
        "finance",
        "plan",
        "2024",
        "25",
        "5",
        "cut",
        "ärzte",
        "snake",
        "case",
    ]


def test_fnv1a_matches_its_published_test_vectors() -> None:
    assert term_hash("") == 0x811C9DC5
    assert term_hash("a") == 0xE40C292C
    assert term_hash("foobar") == 0xBF9CF968


def test_filter_terms_cannot_be_words() -> None:
    assert filter_term("council", "Bradford") == "council=Bradford"
    assert all("=" not in term for term in terms("council=Bradford"))
