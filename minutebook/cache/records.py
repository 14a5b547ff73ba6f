"""Search records kept between builds, by the render digest of the page they were read from
(the index stage's RecordStore, index/sources.py). The table's generation is the pages'
generation, since a digest stands for a page's bytes only within it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from minutebook.cache.store import BUSY_SECONDS, keep_only, lookup


class SearchRecords:
    """One worker's connection to the records table."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def get(self, page_digest: bytes) -> bytes | None:
        return lookup(self.connection, "records", page_digest)

    def put(self, records: Sequence[tuple[bytes, bytes]]) -> None:
        with self.connection:
            self.connection.executemany("INSERT OR REPLACE INTO records VALUES (?, ?)", records)


@dataclass(frozen=True)
class SearchRecordsOpener:
    """Called in each index worker: a connection must not cross a fork."""

    cache_file: Path

    def __call__(self) -> SearchRecords | None:
        try:
            return SearchRecords(sqlite3.connect(self.cache_file, timeout=BUSY_SECONDS))
        except sqlite3.Error:
            return None


def keep_records(store: sqlite3.Connection, page_digests: Iterable[bytes]) -> None:
    """Drop the records of pages this build no longer has."""
    keep_only(store, "records", page_digests)
