"""What one build may reuse from the last and keeps for the next: the build cache as the
pipeline uses it. Each table is used only for its generation (store.py); `--force` reuses
nothing, yet still fills the cache for the next build."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from minutebook import config as configuration
from minutebook import stamp
from minutebook.cache.items import SavedResults
from minutebook.cache.pages import published_pages, save_pages
from minutebook.cache.records import SearchRecordsOpener, keep_records
from minutebook.cache.store import cache_path, claim, forget, open_store
from minutebook.index.sources import OpenRecordStore


def item_generation(config_dir: Path, base_url: str | None) -> str:
    """What reading a file depends on besides the file: the code, configuration and base URL."""
    inputs = [configuration.PACKAGE_ROOT / "minutebook", config_dir]
    return stamp.code_digest(inputs, [f"base_url {base_url}"])


def site_generation(config_dir: Path, settings: Iterable[str]) -> str:
    """What a page depends on besides its view: the code, templates, static files, config and
    the build's settings."""
    return stamp.code_digest(stamp.site_inputs(config_dir), settings)


@dataclass
class Reuse:
    store: sqlite3.Connection | None  # None: no cache could be opened, so nothing is reused
    output_dir: Path
    force: bool

    @classmethod
    def open(cls, output_dir: Path, force: bool) -> Reuse:
        return cls(open_store(output_dir), output_dir, force)

    def close(self) -> None:
        if self.store is not None:
            self.store.close()

    def item_results(self, generation: str) -> tuple[SavedResults, Path | None]:
        """Where this build's read results go, and the cache file earlier ones may be read
        from (None when they may not)."""
        reusable = self.store is not None and self._claim("items", generation)
        return SavedResults(self.store), cache_path(self.output_dir) if reusable else None

    def published_pages(self, generation: str) -> dict[str, bytes]:
        """The digests of the published site's pages, if this generation built it."""
        if self.store is None or not self.output_dir.is_dir():
            return {}
        if self.force:
            forget(self.store, "pages")
            return {}
        identity = stamp.output_identity(self.output_dir)
        return published_pages(self.store, generation, identity)

    def record_store(self, generation: str) -> OpenRecordStore:
        """Search records by page digest, for the index stage's workers to open."""
        if self.store is None:
            return lambda: None
        self._claim("records", generation)  # another generation, or --force: emptied
        return SearchRecordsOpener(cache_path(self.output_dir))

    def keep_records(self, keys: Iterable[bytes]) -> None:
        if self.store is not None:
            keep_records(self.store, keys)

    def forget_pages(self) -> None:
        """Before the published site changes: its recorded digests no longer describe it."""
        if self.store is not None:
            forget(self.store, "pages")

    def save_pages(self, generation: str, digests: Iterable[tuple[str, bytes]]) -> None:
        """After the site is published: the digests of its pages, for the next build."""
        if self.store is not None:
            identity = stamp.output_identity(self.output_dir)
            save_pages(self.store, generation, identity, digests)

    def _claim(self, table: str, generation: str) -> bool:
        """Make the table this generation's; True if its rows may be reused."""
        assert self.store is not None
        if self.force:
            forget(self.store, table)
        return claim(self.store, table, generation) and not self.force
