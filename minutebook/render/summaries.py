"""Small views shared by many pages: item summaries, kind tags, breadcrumbs."""

from __future__ import annotations

from functools import cache

from minutebook.model.archive import Archive
from minutebook.model.entities import AgendaItem, Council, Meeting
from minutebook.render.views import ItemSummary, KindTag, Link, MeetingLink, date_text

HOME = Link("Home", "/")


def kind_tag(kind_id: str, archive: Archive) -> KindTag:
    return _kind_tag(kind_id, archive.kind_rules.by_id(kind_id).label)


@cache  # a few kinds, tagged on every listed item (100k+ times a build): one tag per kind
def _kind_tag(kind_id: str, label: str) -> KindTag:
    return KindTag(kind_id, label, f"/resolutions/{kind_id}/")


class ItemSummaries:
    """Each item's summary, made once in a process: an item is listed on some 25 pages (its
    meeting, topics, resolutions, month, thread, and the related items of others)."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self._made: dict[str, ItemSummary] = {}

    def of(self, item: AgendaItem) -> ItemSummary:
        summary = self._made.get(item.url)
        if summary is None:
            summary = self._made[item.url] = item_summary(item, self.archive)
        return summary


def item_summary(item: AgendaItem, archive: Archive) -> ItemSummary:
    return ItemSummary(
        title=item.title,
        url=item.url,
        council=archive.council(item.council_slug).short,
        committee=item.committee_name,
        date_text=date_text(item.date),
        date_iso=item.date.isoformat() if item.date else None,
        item_number=item.record.item,
        kinds=tuple(kind_tag(k, archive) for k in item.kinds),
        meeting_url=item.meeting_url,
    )


def meeting_title(item: AgendaItem) -> str:
    return f"Meeting of {date_text(item.date)}" if item.date else "Undated items"


def crumbs_to_meeting(item: AgendaItem, council: Council) -> tuple[Link, ...]:
    return (
        HOME,
        Link(council.short, council.url),
        Link(item.committee_name, f"/{item.council_slug}/{item.committee_slug}/"),
        Link(meeting_title(item), item.meeting_url),
    )


def meeting_link(meeting: Meeting, archive: Archive) -> MeetingLink:
    council = archive.council(meeting.council_slug)
    first = meeting.items[0]
    return MeetingLink(
        url=meeting.url,
        date_text=date_text(meeting.date),
        committee=first.committee_name,
        council=council.short,
        item_count=len(meeting.items),
    )
