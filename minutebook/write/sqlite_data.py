"""data/minutebook.sqlite: the items and resolutions tables of the CSV files in one SQLite file
(for Datasette, or `sqlite3` at a terminal). Built in memory and serialised, rows in the
archive's order, so the same content gives the same bytes with the same SQLite library."""

from __future__ import annotations

import sqlite3
from typing import Any

from minutebook.model.archive import Archive
from minutebook.write.tables import ITEM_HEADER, RESOLUTION_HEADER, item_row, resolution_rows


def sqlite_file(archive: Archive) -> bytes:
    connection = sqlite3.connect(":memory:")
    try:
        _fill(connection, "items", ITEM_HEADER, [item_row(i, archive) for i in archive.items])
        rows = [row for i in archive.items for row in resolution_rows(i, archive)]
        _fill(connection, "resolutions", RESOLUTION_HEADER, rows)
        connection.commit()
        connection.execute("VACUUM")
        return connection.serialize()
    finally:
        connection.close()


def _fill(
    connection: sqlite3.Connection,
    table: str,
    header: tuple[str, ...],
    rows: list[dict[str, Any]],
) -> None:
    columns = ", ".join(f'"{name}"' for name in header)  # names are our own constants
    connection.execute(f'CREATE TABLE "{table}" ({columns})')
    marks = ", ".join("?" for _ in header)
    connection.executemany(
        f'INSERT INTO "{table}" VALUES ({marks})',
        [tuple(_value(row[name]) for name in header) for row in rows],
    )


def _value(value: Any) -> Any:
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    if isinstance(value, bool):
        return int(value)
    return value
