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


def items_json(archive: Archive, items: list[AgendaItem] | None = None) -> bytes:
    chosen = archive.items if items is None else items
    return _json([item_record(item, archive) for item in chosen])


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
    files = [
        (f"{item.url.lstrip('/')}item.json", item_json(item, archive)) for item in archive.items
    ]
    for council in archive.councils:
        items = [i for i in archive.items if i.council_slug == council.slug]
        files.append((f"data/{council.slug}/items.json", items_json(archive, items)))
    return files


def _json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
