"""A committee's items month by month: /<council>/<committee>/YYYY-MM/.

Meeting pages live at /<council>/<committee>/YYYY-MM-DD/ (or /undated/), so a seven-character
YYYY-MM segment can never collide with one. Undated items belong to no month.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from minutebook.model.archive import Archive
from minutebook.model.entities import Committee
from minutebook.render.summaries import HOME, ItemSummaries
from minutebook.render.views import MONTHS, ItemGroup, Link, ListingPage, PageMeta, date_text


def month_text(month: str) -> str:
    """ "2020-11" → "November 2020"."""
    year, number = month.split("-")
    return f"{MONTHS[int(number) - 1]} {year}"


def committee_months(committee: Committee) -> dict[str, int]:
    """Months with dated meetings, newest first, with how many items each holds."""
    months: dict[str, int] = {}
    for meeting in sorted(committee.meetings, key=lambda m: m.url, reverse=True):
        if meeting.date:
            key = meeting.date.isoformat()[:7]
            months[key] = months.get(key, 0) + len(meeting.items)
    return months


def month_pages(archive: Archive, summaries: ItemSummaries) -> Iterator[tuple[str, str, Any]]:
    for council in archive.councils:
        for committee in council.committees:
            for month in committee_months(committee):
                yield _month_page(committee, month, archive, summaries)


def _month_page(
    committee: Committee, month: str, archive: Archive, summaries: ItemSummaries
) -> tuple[str, str, Any]:
    council = archive.council(committee.council_slug)
    url = f"{committee.url}{month}/"
    meetings = [m for m in committee.meetings if m.date and m.date.isoformat()[:7] == month]
    meetings.sort(key=lambda m: m.url)
    heading = f"{committee.name}, {month_text(month)}"
    groups = tuple(
        ItemGroup(date_text(m.date), m.url, tuple(summaries.of(i) for i in m.items))
        for m in meetings
    )
    meta = PageMeta(
        f"{heading} – {council.short}",
        f"The agenda items of {council.name}'s {committee.name} in {month_text(month)}.",
        url,
        (
            HOME,
            Link(council.short, council.url),
            Link(committee.name, committee.url),
            Link(month_text(month), url),
        ),
        council.noindex,
        "month",
    )
    total = sum(len(g.items) for g in groups)
    return url, "listing.html", ListingPage(meta, heading, meta.description, groups, None, total)
