"""The order of the search index's documents: ascending meeting date, undated items first.

New minutes are newer than the old ones, so they append to the last block and leave every
earlier block as it was; the search page visits blocks from the end to show the newest first.
"""

from __future__ import annotations

from minutebook.model.archive import Archive
from minutebook.model.entities import AgendaItem
from minutebook.model.urls import output_path


def plan_documents(archive: Archive) -> list[str]:
    """The output path of every item page, in document id order."""
    return [output_path(item.url) for item in sorted(archive.items, key=_date_order)]


def _date_order(item: AgendaItem) -> tuple[str, str]:
    return (item.date.isoformat() if item.date else "", item.url)
