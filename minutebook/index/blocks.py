"""One block of the search index: the posting files and document records of up to
`block_docs` consecutive documents (docs/search-index.md), and the summary of it the parent
needs for the dictionary, the filter counts and the block's facets file.

A block's files depend only on its own documents, so a block whose documents are unchanged is
reused from the previous build as it stands; only `facets.bin`, which numbers filter values
across the whole archive, is written again every build (by the parent, from the summaries).
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from minutebook.index.encoding import (
    Reader,
    packed,
    put_ascending,
    put_deltas,
    put_string,
    put_varint,
    unpacked,
)
from minutebook.index.records import SearchRecord
from minutebook.index.terms import filter_term, term_hash

FILTERS = ("council", "committee", "topic", "kind", "year", "departure")  # manifest order
DAY_ONE = datetime.date(1900, 1, 1)
FACETS = "facets.bin"


@dataclass(frozen=True)
class DocumentFacets:
    date: str | None  # ISO meeting date, None when not recorded
    filters: tuple[tuple[str, ...], ...]  # values of each of FILTERS, in order


@dataclass(frozen=True)
class BlockSummary:
    vocabulary: dict[str, int]  # term → documents of the block that hold it
    documents: tuple[DocumentFacets, ...]


def block_folder(index: int) -> str:
    return f"search/index/blocks/{index}"


def build_block(
    folder: str, records: Sequence[SearchRecord], buckets: int
) -> tuple[list[tuple[str, bytes]], BlockSummary]:
    """The files of a block of item pages' search records, in id order, and its summary."""
    postings: dict[str, list[tuple[int, int]]] = {}
    pairs: dict[int, list[int]] = {}
    files: list[tuple[str, bytes]] = []
    documents = []
    for local_id, record in enumerate(records):
        files.append((f"{folder}/d{local_id}.json.gz", record_file(record)))
        facets = document_facets(record)
        documents.append(facets)
        for term, weight in record.weights.items():
            postings.setdefault(term, []).append((local_id, weight))
        for name, values in zip(FILTERS, facets.filters, strict=True):
            for value in values:
                postings.setdefault(filter_term(name, value), []).append((local_id, 0))
        for pair in record.pairs:
            pairs.setdefault(pair, []).append(local_id)
    files.extend(posting_files(folder, postings, buckets))
    files.extend(pair_files(folder, pairs, buckets))
    vocabulary = {term: len(entries) for term, entries in postings.items()}
    return files, BlockSummary(vocabulary, tuple(documents))


def document_facets(record: SearchRecord) -> DocumentFacets:
    return DocumentFacets(
        record.meta.get("date_iso"),
        tuple(tuple(sorted(set(record.filters.get(name, [])))) for name in FILTERS),
    )


def record_file(record: SearchRecord) -> bytes:
    meta = {"date_iso": None, **record.meta}
    sections = [{"id": s.id, "title": s.title, "text": s.text} for s in record.sections]
    data = {"url": record.url, "title": record.title, "meta": meta, "sections": sections}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return packed(text.encode("utf-8"))


def posting_files(
    folder: str, postings: dict[str, list[tuple[int, int]]], buckets: int
) -> list[tuple[str, bytes]]:
    by_bucket: dict[int, list[str]] = {}
    for term in postings:
        by_bucket.setdefault(term_hash(term) % buckets, []).append(term)
    # Every bucket, empty ones too: the search page may fetch the newest block's postings
    # before the dictionary says which buckets hold its words, and must never meet a 404.
    files = []
    for bucket in range(buckets):
        out = bytearray()
        for term in sorted(by_bucket.get(bucket, []), key=lambda t: t.encode("utf-8")):
            put_string(out, term)
            put_varint(out, len(postings[term]))
            put_deltas(out, postings[term])
        files.append((f"{folder}/p{bucket}.bin", packed(out)))
    return files


def pair_files(folder: str, pairs: dict[int, list[int]], buckets: int) -> list[tuple[str, bytes]]:
    """The documents holding each word pair, by pair hash: a quoted phrase's candidates are
    the documents holding all its pairs, so one that occurs nowhere costs no record fetched."""
    by_bucket: dict[int, list[int]] = {}
    for pair in pairs:
        by_bucket.setdefault(pair % buckets, []).append(pair)
    files = []
    for bucket in range(buckets):  # every bucket, as for postings
        out = bytearray()
        previous = 0
        for pair in sorted(by_bucket.get(bucket, [])):
            put_varint(out, pair - previous)
            put_varint(out, len(pairs[pair]))
            put_ascending(out, pairs[pair])
            previous = pair
        files.append((f"{folder}/w{bucket}.bin", packed(out)))
    return files


def facets_file(documents: Sequence[DocumentFacets], value_ids: dict[str, dict[str, int]]) -> bytes:
    """`value_ids` numbers the values of each filter the manifest lists (in its order, which is
    FILTERS order) across the whole archive."""
    columns = [(FILTERS.index(name), ids) for name, ids in value_ids.items()]
    out = bytearray()
    for document in documents:
        put_varint(out, day_number(document.date))
        for position, ids in columns:
            values = document.filters[position]
            put_varint(out, len(values))
            for value_id in sorted(ids[value] for value in values):
                put_varint(out, value_id)
    return packed(out)


def day_number(date: str | None) -> int:
    """Days since 1900-01-01 plus one; 0 for no date."""
    return 0 if date is None else (datetime.date.fromisoformat(date) - DAY_ONE).days + 1


def read_summary(folder: Path, documents: int, filter_values: dict[str, list[str]]) -> BlockSummary:
    """The summary of a block an earlier build wrote, from its posting and facets files
    (`filter_values`: that build's manifest filters, in its order, with their values)."""
    vocabulary: dict[str, int] = {}
    for path in folder.glob("p*.bin"):
        reader = Reader(unpacked(path.read_bytes()))
        while not reader.at_end():
            term = reader.string()
            count = reader.varint()
            vocabulary[term] = count
            for _ in range(2 * count):
                reader.varint()
    reader = Reader(unpacked((folder / FACETS).read_bytes()))
    found = []
    for _ in range(documents):
        day = reader.varint()
        date = None if day == 0 else (DAY_ONE + datetime.timedelta(days=day - 1)).isoformat()
        values = {
            name: tuple(sorted(names[reader.varint()] for _ in range(reader.varint())))
            for name, names in filter_values.items()
        }
        found.append(DocumentFacets(date, tuple(values.get(name, ()) for name in FILTERS)))
    return BlockSummary(vocabulary, tuple(found))
