"""The term dictionary (docs/search-index.md): for every term, how many documents hold it and
in which blocks, split by hash into files of a few hundred terms each."""

from __future__ import annotations

from collections.abc import Sequence

from minutebook.index.encoding import packed, put_deltas, put_string, put_varint
from minutebook.index.terms import term_hash

TERMS_PER_FILE = 256  # about 3 KB a file: a query fetches one per word


def bucket_count(terms: int) -> int:
    """The smallest power of two that keeps files near TERMS_PER_FILE terms."""
    count = 1
    while count * TERMS_PER_FILE < terms:
        count *= 2
    return count


def dictionary_files(vocabularies: Sequence[dict[str, int]]) -> tuple[int, list[tuple[str, bytes]]]:
    """(bucket count, files) for the vocabularies of blocks 0, 1, … (term → documents)."""
    blocks_of: dict[str, list[tuple[int, int]]] = {}
    for block, vocabulary in enumerate(vocabularies):
        for term, count in vocabulary.items():
            blocks_of.setdefault(term, []).append((block, count))
    buckets = bucket_count(len(blocks_of))
    by_bucket: dict[int, list[str]] = {}
    for term in blocks_of:
        by_bucket.setdefault(term_hash(term) % buckets, []).append(term)
    files = []  # every bucket, empty ones too: the page would log a 404 as an error
    for bucket in range(buckets):
        out = bytearray()
        for term in sorted(by_bucket.get(bucket, []), key=lambda t: t.encode("utf-8")):
            entries = blocks_of[term]
            put_string(out, term)
            put_varint(out, sum(count for _, count in entries))
            put_varint(out, len(entries))
            put_deltas(out, entries)
        files.append((f"search/index/terms/{bucket}.bin", packed(out)))
    return buckets, files
