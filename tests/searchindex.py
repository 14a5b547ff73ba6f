"""A reference reader of the search index format (docs/search-index.md), written from the spec
for the tests: it answers "which documents hold this term" the slow, obvious way."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from minutebook.index.encoding import Reader
from minutebook.index.terms import term_hash
from tests.search_reference import spec_pair_hash


@dataclass
class IndexReader:
    folder: Path  # site/search/index

    @property
    def manifest(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads((self.folder / "manifest.json").read_text("utf-8"))
        return data

    def dictionary_entry(self, term: str) -> tuple[int, list[tuple[int, int]]] | None:
        """(df, [(block, block df)]) of a term, or None when no document holds it."""
        path = self.folder / "terms" / f"{term_hash(term) % self.manifest['term_buckets']}.bin"
        reader = Reader(
            gzip.decompress(path.read_bytes())
        )  # every bucket is written, empty ones too
        while not reader.at_end():
            found, df, count = reader.string(), reader.varint(), reader.varint()
            blocks, block = [], 0
            for _ in range(count):
                block += reader.varint()
                blocks.append((block, reader.varint()))
            if found == term:
                return df, blocks
        return None

    def postings(self, block: int, term: str) -> dict[int, int]:
        """Document id → weight of `term` in one block."""
        bucket = term_hash(term) % self.manifest["block_buckets"]
        path = self.folder / "blocks" / str(block) / f"p{bucket}.bin"
        reader = Reader(gzip.decompress(path.read_bytes()))
        first = block * self.manifest["block_docs"]
        while not reader.at_end():
            found, count = reader.string(), reader.varint()
            local, entries = 0, {}
            for _ in range(count):
                local += reader.varint()
                entries[first + local] = reader.varint()
            if found == term:
                return entries
        raise AssertionError(
            f"{term!r} is in the dictionary for block {block} but not its postings"
        )

    def documents_with(self, term: str) -> set[int]:
        entry = self.dictionary_entry(term)
        if entry is None:
            return set()
        found: set[int] = set()
        for block, block_df in entry[1]:
            postings = self.postings(block, term)
            assert len(postings) == block_df, term
            found |= set(postings)
        assert len(found) == entry[0], term
        return found

    def documents_with_pair(self, first: str, second: str) -> set[int]:
        """The documents whose pair files list the pair of consecutive terms (first, second)."""
        pair = spec_pair_hash(first, second)
        manifest = self.manifest
        found: set[int] = set()
        for block in range(len(manifest["blocks"])):
            path = self.folder / "blocks" / str(block) / f"w{pair % manifest['block_buckets']}.bin"
            reader = Reader(gzip.decompress(path.read_bytes()))
            hashed = 0
            while not reader.at_end():
                hashed += reader.varint()
                local = 0
                for _ in range(reader.varint()):
                    local += reader.varint()
                    if hashed == pair:
                        found.add(block * manifest["block_docs"] + local)
        return found

    def record(self, document: int) -> dict[str, Any]:
        block, local = divmod(document, self.manifest["block_docs"])
        raw = (self.folder / "blocks" / str(block) / f"d{local}.json.gz").read_bytes()
        data: dict[str, Any] = json.loads(gzip.decompress(raw))
        return data

    def facets(self, block: int) -> list[tuple[int, dict[str, list[str]]]]:
        """(day, filter → values) of each document of a block."""
        manifest = self.manifest
        path = self.folder / "blocks" / str(block) / "facets.bin"
        reader = Reader(gzip.decompress(path.read_bytes()))
        found = []
        for _ in range(manifest["blocks"][block]["docs"]):
            day = reader.varint()
            values = {}
            for name, spec in manifest["filters"].items():
                values[name] = [spec["values"][reader.varint()] for _ in range(reader.varint())]
            found.append((day, values))
        assert reader.at_end()
        return found
