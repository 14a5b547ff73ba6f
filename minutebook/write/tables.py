"""CSV downloads: items.csv (one row per item) and resolutions.csv (one row per resolution),
for the whole archive under data/ and for each council under data/<council-slug>/.
The headers are the documented field names (render/data_fields.py)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
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
    """The whole archive's tables, then each council's, one file at a time."""
    yield from _pair("data/", archive.items, archive)
    by_council: dict[str, list[AgendaItem]] = {c.slug: [] for c in archive.councils}
    for item in archive.items:
        by_council[item.council_slug].append(item)
    for slug, items in by_council.items():
        yield from _pair(f"data/{slug}/", items, archive)


def _pair(folder: str, items: list[AgendaItem], archive: Archive) -> list[tuple[str, bytes]]:
    item_rows = [item_row(i, archive) for i in items]
    resolutions = [row for i in items for row in resolution_rows(i, archive)]
    return [
        (f"{folder}items.csv", _csv(ITEM_HEADER, item_rows)),
        (f"{folder}resolutions.csv", _csv(RESOLUTION_HEADER, resolutions)),
    ]


def _csv(header: tuple[str, ...], rows: list[dict[str, Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(row[name]) for name in header])
    return buffer.getvalue().encode("utf-8")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return str(value)
