"""Build the views of the browsing pages: home, councils, committees, meetings, topics, kinds."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from minutebook.model.archive import Archive
from minutebook.model.entities import AgendaItem, Committee, Council, Meeting
from minutebook.render.month_pages import committee_months, month_text
from minutebook.render.structured_data import committee_entity, council_entity, meeting_entity
from minutebook.render.summaries import HOME, ItemSummaries, meeting_link
from minutebook.render.views import (
    CommitteePage,
    CouncilIndexPage,
    CouncilPage,
    HomePage,
    KindIndexPage,
    Link,
    MeetingPage,
    PageMeta,
    TopicCategoryView,
    TopicIndexPage,
    YearOfMeetings,
    date_text,
)

RECENT_MEETINGS = 10
COUNCILS = Link("Councils", "/councils/")
TOPICS = Link("Topics", "/topics/")
KINDS = Link("Decisions", "/resolutions/")


def home_page(archive: Archive) -> HomePage:
    dated = sorted(
        (m for m in archive.meetings if m.date), key=lambda m: (m.date, m.url), reverse=True
    )
    recent = dated[:RECENT_MEETINGS] or archive.meetings[:RECENT_MEETINGS]
    site = archive.config.site
    return HomePage(
        meta=PageMeta(site.title, site.tagline, "/", page_kind="home", feed_url="/atom.xml"),
        counts=_counts(archive),
        councils=council_links(archive.councils),
        topics=tuple(sorted(topic_links(archive), key=lambda t: (-(t.count or 0), t.text))[:12]),
        kinds=kind_links(archive),
        recent_meetings=tuple(meeting_link(m, archive) for m in recent),
    )


def _counts(archive: Archive) -> tuple[Link, ...]:
    return (
        Link("agenda items", "/search/", len(archive.items)),
        Link("resolutions", KINDS.url, sum(len(i.resolutions) for i in archive.items)),
        Link("meetings", COUNCILS.url, len(archive.meetings)),
        Link("councils", COUNCILS.url, len(archive.councils)),
    )


def council_links(councils: Iterable[Council]) -> tuple[Link, ...]:
    return tuple(Link(c.short, c.url, len(c.items), note=c.name) for c in councils)


def topic_links(archive: Archive, items: list[AgendaItem] | None = None) -> tuple[Link, ...]:
    counts = Counter(
        t.id for i in (items if items is not None else archive.items) for t in i.topics
    )
    vocabulary = archive.config.vocabulary.topics
    return tuple(
        Link(topic.name, f"/topics/{tid}/", counts[tid], note=topic.description)
        for tid, topic in vocabulary.items()
        if counts[tid]
    )


def kind_links(archive: Archive, items: list[AgendaItem] | None = None) -> tuple[Link, ...]:
    counts = Counter(k for i in (items if items is not None else archive.items) for k in i.kinds)
    return tuple(
        Link(kind.label, f"/resolutions/{kind.id}/", counts[kind.id], note=kind.description)
        for kind in archive.kind_rules.kinds
        if counts[kind.id]
    )


def council_index_page(archive: Archive) -> CouncilIndexPage:
    return CouncilIndexPage(
        meta=PageMeta(
            "Councils",
            "Every council in the archive, with its committees and meetings.",
            COUNCILS.url,
            (HOME, COUNCILS),
            page_kind="councils",
        ),
        councils=council_links(archive.councils),
    )


def council_page(council: Council, archive: Archive) -> CouncilPage:
    items = council.items
    meetings = [m for c in council.committees for m in c.meetings]
    return CouncilPage(
        meta=PageMeta(
            f"{council.short}: committees, meetings and decisions",
            f"Decisions of {council.name}'s committees: {len(items)} agenda items "
            f"from {len(meetings)} meetings.",
            council.url,
            (HOME, COUNCILS, Link(council.short, council.url)),
            council.noindex,
            "council",
            feed_url=f"{council.url}atom.xml",
            entity=council_entity(council),
        ),
        name=council.name,
        short=council.short,
        committees=tuple(
            Link(c.name, c.url, c.item_count, note=_meeting_count(c)) for c in council.committees
        ),
        years=meetings_by_year(meetings, archive),
        topics=topic_links(archive, items),
        kinds=kind_links(archive, items),
        item_count=len(items),
    )


def _meeting_count(committee: Committee) -> str:
    count = len(committee.meetings)
    return f"{count} meeting" if count == 1 else f"{count} meetings"


def meetings_by_year(meetings: list[Meeting], archive: Archive) -> tuple[YearOfMeetings, ...]:
    ordered = sorted(meetings, key=lambda m: (m.date is not None, m.date, m.url), reverse=True)
    years: dict[str, list[Meeting]] = {}
    for meeting in ordered:
        years.setdefault(
            str(meeting.date.year) if meeting.date else "Date not recorded", []
        ).append(meeting)
    return tuple(
        YearOfMeetings(year, tuple(meeting_link(m, archive) for m in group))
        for year, group in years.items()
    )


def committee_page(committee: Committee, archive: Archive) -> CommitteePage:
    council = archive.council(committee.council_slug)
    return CommitteePage(
        meta=PageMeta(
            f"{committee.name} – {council.short}",
            f"Meetings and decisions of {council.name}'s {committee.name}.",
            committee.url,
            (HOME, Link(council.short, council.url), Link(committee.name, committee.url)),
            council.noindex,
            "committee",
            feed_url=f"{committee.url}atom.xml",
            entity=committee_entity(committee.name, committee.url, council),
        ),
        name=committee.name,
        council=Link(council.short, council.url, note=council.name),
        years=meetings_by_year(committee.meetings, archive),
        item_count=committee.item_count,
        months=tuple(
            Link(month_text(m), f"{committee.url}{m}/", count)
            for m, count in committee_months(committee).items()
        ),
    )


def meeting_page(meeting: Meeting, archive: Archive, summaries: ItemSummaries) -> MeetingPage:
    council = archive.council(meeting.council_slug)
    committee_name = meeting.items[0].committee_name
    committee_url = f"/{meeting.council_slug}/{meeting.committee_slug}/"
    when = date_text(meeting.date) if meeting.date else "Undated items"
    return MeetingPage(
        meta=PageMeta(
            f"{committee_name}, {when} – {council.short}",
            f"The agenda items of {council.name}'s {committee_name}"
            + (f" on {when}." if meeting.date else " whose meeting date is not recorded."),
            meeting.url,
            (
                HOME,
                Link(council.short, council.url),
                Link(committee_name, committee_url),
                Link(when if meeting.date else "Undated items", meeting.url),
            ),
            council.noindex,
            "meeting",
            entity=meeting_entity(meeting, committee_name, council),
        ),
        council=Link(council.short, council.url, note=council.name),
        committee=Link(committee_name, committee_url),
        date_text=when,
        dated=meeting.date is not None,
        items=tuple(summaries.of(i) for i in meeting.items),
    )


def topic_index_page(archive: Archive) -> TopicIndexPage:
    counts = {link.url: link for link in topic_links(archive)}
    vocabulary = archive.config.vocabulary
    categories = tuple(
        TopicCategoryView(
            category.id,
            category.name,
            category.description,
            tuple(
                counts[f"/topics/{tid}/"]
                for tid in category.topic_ids
                if f"/topics/{tid}/" in counts
            ),
        )
        for category in vocabulary.categories
    )
    return TopicIndexPage(
        meta=PageMeta(
            "Topics",
            "Browse decisions by subject: every topic in the archive, by category.",
            TOPICS.url,
            (HOME, TOPICS),
            page_kind="topics",
        ),
        categories=tuple(c for c in categories if c.topics),
    )


def kind_index_page(archive: Archive) -> KindIndexPage:
    return KindIndexPage(
        meta=PageMeta(
            "Decisions by kind",
            "Browse what committees decided: noted, agreed, deferred, referred and more.",
            KINDS.url,
            (HOME, KINDS),
            page_kind="kinds",
        ),
        kinds=kind_links(archive),
    )


def chunks(items: list[AgendaItem], size: int) -> Iterator[list[AgendaItem]]:
    for start in range(0, max(len(items), 1), size):
        yield items[start : start + size]
