"""Machine-readable copies of the archive published with the site: items.json (the whole
archive, and data/<council>/items.json), and item.json beside every item page."""

from __future__ import annotations

import json
from typing import Any

from minutebook.model.archive import Archive
from minutebook.model.entities import AgendaItem
from minutebook.write.tables import item_row


def item_record(item: AgendaItem, archive: Archive) -> dict[str, Any]:
    council = archive.council(item.council_slug)
    row = item_row(item, archive)
    return {
        "council": council.name,
        "council_short": council.short,
        "committee": item.record.committee,
        "date": item.date.isoformat() if item.date else None,
        "item": item.record.item,
        "title": item.title,
        "url": archive.config.site.base_url + item.url.lstrip("/"),
        "topics": [t.id for t in item.topics],
        "resolutions": [{"text": r.text, "kind": r.kind} for r in item.resolutions],
        "source": item.record.source,
        "incomplete": item.record.incomplete,
        # Added with the open-data page; the fields above are kept as they were.
        "id": item.url,
        "thread": row["thread"],
        "departure": row["departure"],
        "archived": row["archived"],
        "json": archive.config.site.base_url + item.url.lstrip("/") + "item.json",
    }


def item_json(item: AgendaItem, archive: Archive) -> bytes:
    """One item as data: the items.csv fields plus its recommendation, resolutions and actions."""
    notes = item.record.section("recommended")
    record = item_row(item, archive) | {
        "notes": notes.markdown.strip() if notes else None,
        "resolutions": [
            {"order": r.number, "description": r.text, "classification": r.kind}
            for r in item.resolutions
        ],
        "actions": [
            {"description": a.text, "responsible": a.owner, "due": a.due}
            for a in archive.actions.get(item.url, ())
        ],
    }
    return _json(record)


def data_files(archive: Archive) -> list[tuple[str, bytes]]:
    """items.json for the archive and for each council, and item.json beside each item page."""
    records = [item_record(item, archive) for item in archive.items]
    by_council: dict[str, list[dict[str, Any]]] = {c.slug: [] for c in archive.councils}
    for item, record in zip(archive.items, records, strict=True):
        by_council[item.council_slug].append(record)
    return [
        ("items.json", _json_lines(records)),
        *((f"data/{slug}/items.json", _json_lines(rows)) for slug, rows in by_council.items()),
        *((f"{item.url.lstrip('/')}item.json", item_json(item, archive)) for item in archive.items),
    ]


def _json_lines(records: list[dict[str, Any]]) -> bytes:
    """A JSON array with one record per line: diffable and readable, and written by the
    C encoder (an indented dump goes through the pure-Python one, ten times slower)."""
    lines = ",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records)
    return f"[\n{lines}\n]\n".encode() if records else b"[]\n"


def _json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
