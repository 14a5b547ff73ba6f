"""Machine-readable copies of the archive published with the site: items.json (the whole
archive, and data/<council>/items.json), and item.json beside every item page."""

from __future__ import annotations

import json
from collections.abc import Iterator
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


def data_files(archive: Archive) -> Iterator[tuple[str, bytes]]:
    """items.json for the archive and for each council, and item.json beside each item page,
    made one file at a time as the writer asks (at 100,000 items these are 400 MB together)."""
    # Each record is kept only as its JSON line: a tenth of the memory of the dicts.
    lines = [_line(item_record(item, archive)) for item in archive.items]
    yield "items.json", _joined(lines)
    by_council: dict[str, list[str]] = {c.slug: [] for c in archive.councils}
    for item, line in zip(archive.items, lines, strict=True):
        by_council[item.council_slug].append(line)
    del lines
    for slug, rows in by_council.items():
        yield f"data/{slug}/items.json", _joined(rows)
    for item in archive.items:
        yield f"{item.url.lstrip('/')}item.json", item_json(item, archive)


def _line(record: dict[str, Any]) -> str:
    """One record as one JSON line, by the C encoder (an indented dump goes through the
    pure-Python one, ten times slower)."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def _joined(lines: list[str]) -> bytes:
    return ("[\n" + ",\n".join(lines) + "\n]\n").encode() if lines else b"[]\n"


def _json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
