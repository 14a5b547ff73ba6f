"""The public features of an item page: its thread, citation, actions and departures."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from minutebook.model.archive import Archive
from minutebook.model.entities import AgendaItem
from minutebook.model.threads import Thread
from minutebook.render.public_views import (
    ActionView,
    DecisionLine,
    ThreadView,
    TimelineEntry,
)
from minutebook.render.structured_data import meeting_entity
from minutebook.render.summaries import kind_tag
from minutebook.render.views import ItemPage, Link, date_text

NOT_RECORDED = "not recorded"


def thread_view(thread: Thread, current: AgendaItem | None, archive: Archive) -> ThreadView:
    return ThreadView(
        title=thread.title,
        url=thread.url,
        entries=tuple(_entry(i, i is current, archive) for i in thread.items),
        undated=any(i.date is None for i in thread.items),
    )


def _entry(item: AgendaItem, current: bool, archive: Archive) -> TimelineEntry:
    return TimelineEntry(
        title=item.title,
        url=item.url,
        date_text=date_text(item.date),
        date_iso=item.date.isoformat() if item.date else None,
        committee=item.committee_name,
        current=current,
        decisions=tuple(DecisionLine(kind_tag(r.kind, archive), r.text) for r in item.resolutions),
    )


def archived_date(item: AgendaItem) -> dt.date | None:
    """`extra.archived` in front matter (YYYY-MM-DD); never the build date."""
    value = item.record.extra.get("archived")
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def citation(item: AgendaItem, archive: Archive) -> str:
    council = archive.council(item.council_slug)
    archived = archived_date(item)
    lines = [
        f"Council: {council.name}",
        f"Committee: {item.committee_name}",
        f"Meeting date: {date_text(item.date) if item.date else NOT_RECORDED}",
        f"Item number: {item.record.item or NOT_RECORDED}",
        f"Title: {item.title}",
        f"Permanent URL: {archive.config.site.base_url}{item.url.lstrip('/')}",
        f"Source: {item.record.source or NOT_RECORDED}",
        f"Date archived: {archived.isoformat() if archived else NOT_RECORDED}",
    ]
    return "\n".join(lines)


def action_views(item: AgendaItem, archive: Archive) -> tuple[ActionView, ...]:
    came_back = _later_in_thread(item, archive)
    return tuple(
        ActionView(
            text=action.text,
            owner=action.owner or "Not recorded",
            due=action.due or "Not given",
            came_back=Link(came_back.title, came_back.url)
            if came_back and action.report_requested
            else None,
        )
        for action in archive.actions.get(item.url, ())
    )


def _later_in_thread(item: AgendaItem, archive: Archive) -> AgendaItem | None:
    """The next item of the thread held at a later, recorded date; never a guess about undated
    items, whose order is unknown."""
    thread = archive.thread_of.get(item.url)
    if thread is None or item.date is None:
        return None
    return next((o for o in thread.items if o.date is not None and o.date > item.date), None)


def with_public_features(page: ItemPage, item: AgendaItem, archive: Archive) -> ItemPage:
    """The item page with its thread, citation, actions and departure added."""
    thread = archive.thread_of.get(item.url)
    departure = archive.departures.get(item.url)
    council = archive.council(item.council_slug)
    return replace(
        page,
        meta=replace(page.meta, entity=meeting_entity(item, item.committee_name, council)),
        thread=thread_view(thread, item, archive) if thread else None,
        citation=citation(item, archive),
        json_url=f"{item.url}item.json",
        departure=departure.reasons if departure else (),
        actions=action_views(item, archive),
    )
