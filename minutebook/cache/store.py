"""The build cache's store: one SQLite file beside the output folder (hosts publish everything
inside it), holding what a build made so that the next can reuse it.

Each table belongs to a generation, a digest of the code and settings that filled it; a build
of another generation empties the table first, so nothing made by other code or settings is
ever reused. Values are pickled: the file is written only by Minutebook, beside the output
folder, and is trusted as the code that builds the site is, like Python's own __pycache__.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS generations (name TEXT PRIMARY KEY, generation TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS items (key BLOB PRIMARY KEY, result BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS pages (output_path TEXT PRIMARY KEY, digest BLOB NOT NULL)
    WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS records (digest BLOB PRIMARY KEY, record BLOB NOT NULL) WITHOUT ROWID;
"""
TABLES = ("items", "pages", "records")
KEYS = {"items": "key", "pages": "output_path", "records": "digest"}
# A second build writing the same cache waits this long for the first to finish a write.
BUSY_SECONDS = 60.0


def cache_path(output_dir: Path) -> Path:
    output_dir = output_dir.resolve()
    return output_dir.with_name(f".{output_dir.name}.minutebook-cache.sqlite")


def open_store(output_dir: Path) -> sqlite3.Connection | None:
    """The cache for this output folder, created if need be. A damaged cache is deleted and
    started afresh; one that cannot be written at all gives None, and the build reuses nothing."""
    path = cache_path(output_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    for _ in range(2):
        try:
            return _opened(path)
        except sqlite3.DatabaseError:
            for damaged in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                damaged.unlink(missing_ok=True)
        except sqlite3.Error:
            break
    return None


def _opened(path: Path) -> sqlite3.Connection:
    store = sqlite3.connect(path, timeout=BUSY_SECONDS)
    try:
        # Write-ahead logging lets worker processes read while this connection writes.
        store.execute("PRAGMA journal_mode=WAL")
        store.executescript(SCHEMA)
    except sqlite3.Error:
        store.close()
        raise
    return store


def open_reader(path: Path) -> sqlite3.Connection | None:
    """A read-only connection, for a worker process (connections must not cross a fork)."""
    try:
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_SECONDS)
    except sqlite3.Error:
        return None


def claim(store: sqlite3.Connection, table: str, generation: str) -> bool:
    """Make `table` hold only rows of `generation`; True if its rows (if any) were kept."""
    assert table in TABLES  # table names cannot be query parameters
    row = store.execute("SELECT generation FROM generations WHERE name = ?", (table,)).fetchone()
    if row is not None and row[0] == generation:
        return True
    with store:
        store.execute(f"DELETE FROM {table}")
        store.execute("INSERT OR REPLACE INTO generations VALUES (?, ?)", (table, generation))
    return False


def forget(store: sqlite3.Connection, table: str) -> None:
    """Drop a table's rows and generation, e.g. before the output they describe is replaced."""
    assert table in TABLES
    with store:
        store.execute(f"DELETE FROM {table}")
        store.execute("DELETE FROM generations WHERE name = ?", (table,))


def lookup(connection: sqlite3.Connection, table: str, key: bytes) -> bytes | None:
    """The value stored under `key` (a table's first column), or None if there is none or the
    table cannot be read: the caller then makes the value afresh."""
    assert table in TABLES
    try:
        row = connection.execute(
            f"SELECT * FROM {table} WHERE {KEYS[table]} = ?", (key,)
        ).fetchone()
    except sqlite3.Error:
        return None
    return None if row is None else bytes(row[1])


def keep_only(store: sqlite3.Connection, table: str, keys: Iterable[bytes]) -> None:
    """Delete the rows of `table` whose key is not among `keys`."""
    assert table in TABLES
    with store:
        store.execute("CREATE TEMP TABLE kept (key BLOB PRIMARY KEY) WITHOUT ROWID")
        store.executemany("INSERT OR IGNORE INTO kept VALUES (?)", ((key,) for key in keys))
        store.execute(f"DELETE FROM {table} WHERE {KEYS[table]} NOT IN (SELECT key FROM kept)")
        store.execute("DROP TABLE kept")
