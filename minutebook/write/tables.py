"""CSV downloads: items.csv (one row per item) and resolutions.csv (one row per resolution),
for the whole archive under data/ and for each council under data/<council-slug>/.
The headers are the documented field names (render/data_fields.py)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import Any

from minutebook.model.archive import Archive
from minutebook.model.entities import AgendaItem
from minutebook.render.data_fields import ITEM_FIELDS, RESOLUTION_FIELDS
from minutebook.render.item_extras import archived_date

ITEM_HEADER = tuple(name for name, _ in ITEM_FIELDS)
RESOLUTION_HEADER = tuple(name for name, _ in RESOLUTION_FIELDS)


def item_row(item: AgendaItem, archive: Archive) -> dict[str, Any]:
    """The item's fields as items.csv and item.json share them (lists kept as lists)."""
    council = archive.council(item.council_slug)
    thread = archive.thread_of.get(item.url)
    departure = archive.departures.get(item.url)
    archived = archived_date(item)
    base = archive.config.site.base_url
    return {
        "id": item.url,
        "url": base + item.url.lstrip("/"),
        "council": council.name,
        "council_short": council.short,
        "committee": item.record.committee,
        "start_date": item.date.isoformat() if item.date else None,
        "order": item.record.item,
        "description": item.title,
        "classification": [k for k in item.kinds],
        "subjects": [t.id for t in item.topics],
        "resolution_count": len(item.resolutions),
        "departure": list(departure.reasons) if departure else [],
        "thread": base + thread.url.lstrip("/") if thread else None,
        "sources": item.record.source,
        "archived": archived.isoformat() if archived else None,
        "incomplete": item.record.incomplete,
    }


def resolution_rows(item: AgendaItem, archive: Archive) -> list[dict[str, Any]]:
    base = archive.config.site.base_url
    return [
        {
            "item_id": item.url,
            "item_url": f"{base}{item.url.lstrip('/')}#resolution-{r.number}",
            "council": archive.council(item.council_slug).name,
            "committee": item.record.committee,
            "start_date": item.date.isoformat() if item.date else None,
            "order": item.record.item,
            "item_description": item.title,
            "resolution_order": r.number,
            "classification": r.kind,
            "description": r.text,
        }
        for r in item.resolutions
    ]


def csv_files(archive: Archive) -> Iterator[tuple[str, bytes]]:
    """The whole archive's tables, then each council's, one file at a time. Each item's rows
    are made once, as CSV text, and shared by the archive's files and its council's."""
    item_lines = _csv_lines(ITEM_HEADER, (item_row(i, archive) for i in archive.items))
    resolution_lines = [
        "".join(_csv_lines(RESOLUTION_HEADER, resolution_rows(i, archive))) for i in archive.items
    ]
    yield from _pair("data/", item_lines, resolution_lines)
    by_council: dict[str, list[int]] = {c.slug: [] for c in archive.councils}
    for position, item in enumerate(archive.items):
        by_council[item.council_slug].append(position)
    for slug, positions in by_council.items():
        yield from _pair(
            f"data/{slug}/",
            [item_lines[p] for p in positions],
            [resolution_lines[p] for p in positions],
        )


def _pair(
    folder: str, item_lines: list[str], resolution_lines: list[str]
) -> list[tuple[str, bytes]]:
    return [
        (f"{folder}items.csv", _csv(ITEM_HEADER, item_lines)),
        (f"{folder}resolutions.csv", _csv(RESOLUTION_HEADER, resolution_lines)),
    ]


def _csv(header: tuple[str, ...], lines: list[str]) -> bytes:
    written = _Written()
    csv.writer(written, lineterminator="\r\n").writerow(header)
    return (written.take() + "".join(lines)).encode("utf-8")


class _Written:
    """What csv.writer writes to, taken out after each row as that row's text."""

    def __init__(self) -> None:
        self.pieces: list[str] = []

    def write(self, text: str) -> None:
        self.pieces.append(text)

    def take(self) -> str:
        text = "".join(self.pieces)
        self.pieces.clear()
        return text


def _csv_lines(header: tuple[str, ...], rows: Iterable[dict[str, Any]]) -> list[str]:
    """Each row as its CSV text (a line, or more where a cell holds a line break)."""
    written = _Written()
    writer = csv.writer(written, lineterminator="\r\n")
    lines = []
    for row in rows:
        writer.writerow([_cell(row[name]) for name in header])
        lines.append(written.take())
    return lines


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return str(value)
