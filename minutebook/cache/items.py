"""Read results kept between builds: each content file's AgendaItem (or None) with the problems
found in it, keyed by a hash of the file's display path and bytes. An unchanged file is then
neither parsed nor modelled again, and a changed one always misses, whatever its timestamp.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from minutebook.cache.store import keep_only, lookup, open_reader
from minutebook.diagnostics import Diagnostic, Diagnostics
from minutebook.load import parse_item, read_content
from minutebook.load.discover import ContentFile
from minutebook.load.records import ItemRecord
from minutebook.model.entities import AgendaItem
from minutebook.parallel import run_shared_parts

ItemMaker = Callable[[ItemRecord, Diagnostics], AgendaItem]
# Read workers send results back in parts of this many, so no worker holds its whole share.
READ_PART = 200


@dataclass(frozen=True)
class ReadResult:
    """One content file read: `result` is the pickled (AgendaItem | None, [Diagnostic])."""

    key: bytes | None  # None for a file that was never read (too large), so never cached
    result: bytes
    new: bool  # made by this build, not found in the cache

    def unpacked(self) -> tuple[AgendaItem | None, list[Diagnostic]]:
        item, problems = pickle.loads(self.result)
        return item, problems


def item_key(source_path: str, raw: bytes) -> bytes:
    digest = hashlib.blake2b(source_path.encode(), digest_size=16)
    digest.update(b"\0")
    digest.update(raw)
    return digest.digest()


def read_item(
    content_file: ContentFile, make_item: ItemMaker, reader: sqlite3.Connection | None
) -> ReadResult:
    """Read one content file, from the cache when its bytes are unchanged."""
    found = Diagnostics()
    raw = read_content(content_file, found)
    if raw is None:
        return ReadResult(None, _packed(None, found), new=False)
    key = item_key(content_file.source_path, raw)
    cached = lookup(reader, "items", key) if reader is not None else None
    if cached is not None:
        return ReadResult(key, cached, new=False)
    record = parse_item(content_file, raw, found)
    item = make_item(record, found) if record is not None else None
    return ReadResult(key, _packed(item, found), new=True)


class SavedResults:
    """The parent's side of reading: unpacks results as they arrive, adds the new ones to the
    cache, and at the end drops those no file produced this time, so the cache holds exactly
    the current content."""

    def __init__(self, store: sqlite3.Connection | None) -> None:
        self.store = store
        self.seen: list[bytes] = []
        self.reused = 0

    def unpack(self, results: list[ReadResult]) -> list[tuple[AgendaItem | None, list[Diagnostic]]]:
        new = [(r.key, r.result) for r in results if r.new and r.key is not None]
        self.seen.extend(r.key for r in results if r.key is not None)
        self.reused += sum(1 for r in results if r.key is not None and not r.new)
        if self.store is not None and new:
            self.store.executemany("INSERT OR REPLACE INTO items VALUES (?, ?)", new)
        return [r.unpacked() for r in results]

    def finish(self) -> None:
        if self.store is not None:
            keep_only(self.store, "items", self.seen)


def read_items(
    content_files: Sequence[ContentFile],
    make_item: ItemMaker,
    jobs: int,
    on_progress: Callable[[int], None],
    saved: SavedResults,
    cache_file: Path | None,
) -> list[tuple[AgendaItem | None, list[Diagnostic]]]:
    """Read every content file over `jobs` worker processes, in file order: from the cache at
    `cache_file` where a file's bytes are unchanged (None: read every file)."""

    def read_share(
        share: Sequence[ContentFile], report: Callable[[int], None]
    ) -> Iterator[list[ReadResult]]:
        reader = open_reader(cache_file) if cache_file is not None else None
        for start in range(0, len(share), READ_PART):
            part = share[start : start + READ_PART]
            yield [read_item(content_file, make_item, reader) for content_file in part]
            report(len(part))

    shares = run_shared_parts(read_share, content_files, jobs, on_progress, saved.unpack)
    saved.finish()
    return [result for parts in shares for results in parts for result in results]


def _packed(item: AgendaItem | None, found: Diagnostics) -> bytes:
    return pickle.dumps((item, found.items), protocol=pickle.HIGHEST_PROTOCOL)
