"""Machine-readable copies of the archive published with the site (items.json)."""

from __future__ import annotations

import json
from typing import Any

from minutebook.model.archive import Archive
from minutebook.model.entities import AgendaItem


def item_record(item: AgendaItem, archive: Archive) -> dict[str, Any]:
    council = archive.council(item.council_slug)
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
    }


def items_json(archive: Archive) -> bytes:
    records = [item_record(item, archive) for item in archive.items]
    return (json.dumps(records, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
