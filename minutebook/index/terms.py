"""Text → search terms, by the rules of docs/search-index.md (static/search-index.js applies
the same rules to queries, and tests/browser checks that the two agree).

Tokens are runs of letters and digits, lower-cased after NFKC; a light plural rule stands in
for stemming, so "agencies" finds "agency" and "workers" finds "worker", while the rule stays
short enough to be written identically in two languages.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import cache, lru_cache

# Python's \w is letters, digits and "_"; without "_" it is JavaScript's [\p{L}\p{N}].
TOKEN = re.compile(r"[^\W_]+")
FILTER_SEPARATOR = "="  # never in a text term, so filter terms cannot collide with words

FNV_OFFSET = 0x811C9DC5
FNV_PRIME = 0x01000193


def terms(text: str) -> list[str]:
    """The terms of `text`, in order, repeats kept."""
    words = TOKEN.findall(unicodedata.normalize("NFKC", text).lower())
    return [stem(word) for word in words if len(word) > 1 or word.isdecimal()]


def term_counts(text: str) -> Counter[str]:
    """How often each term occurs in `text` (as `Counter(terms(text))`, counting words first:
    a page has a few hundred distinct words among a few thousand)."""
    counts: Counter[str] = Counter()
    for word, count in Counter(TOKEN.findall(unicodedata.normalize("NFKC", text).lower())).items():
        if len(word) > 1 or word.isdecimal():
            counts[stem(word)] += count
    return counts


@cache
def stem(word: str) -> str:
    """The plural rule: agencies → agency, houses → house, workers → worker; bus, glass stay."""
    if len(word) < 4:
        return word
    if word.endswith("ies") and not word.endswith(("eies", "aies")):
        return word[:-3] + "y"
    if word.endswith("es") and not word.endswith(("aes", "ees", "oes")):
        return word[:-1]
    if word.endswith("s") and not word.endswith(("us", "ss")):
        return word[:-1]
    return word


def filter_term(name: str, value: str) -> str:
    return f"{name}{FILTER_SEPARATOR}{value}"


@lru_cache(maxsize=1 << 17)  # every page's word pairs hash the same common words again
def term_hash(term: str) -> int:
    """32-bit FNV-1a of the term's UTF-8 bytes: which dictionary and posting file holds it."""
    value = FNV_OFFSET
    for byte in term.encode("utf-8"):
        value = ((value ^ byte) * FNV_PRIME) & 0xFFFFFFFF
    return value


def pair_hash(first: str, second: str) -> int:
    """The hash of two consecutive terms, from their own hashes: a phrase's word pairs are
    looked up by it (docs/search-index.md). Combining term hashes, rather than hashing the
    pair's bytes, costs one multiplication a pair: a page has hundreds of distinct pairs."""
    return ((term_hash(first) * FNV_PRIME) & 0xFFFFFFFF) ^ term_hash(second)


def pair_hashes(texts: Iterable[str]) -> tuple[int, ...]:
    """The distinct hashes, ascending, of every two consecutive terms within one of `texts`
    (a pair never spans two texts, as a quoted phrase never spans two sections)."""
    pairs: set[tuple[str, str]] = set()
    for text in texts:
        sequence = terms(text)
        pairs.update(itertools.pairwise(sequence))
    return tuple(sorted({pair_hash(first, second) for first, second in pairs}))
