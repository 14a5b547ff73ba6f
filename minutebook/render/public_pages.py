"""Plan the public features' pages: threads, departures, actions, open data, glossary, months.

Each function yields (url, template, view); `pages.py` turns them into planned pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from minutebook.model.archive import Archive, newest_first
from minutebook.model.entities import Council
from minutebook.model.threads import Thread
from minutebook.render import data_fields
from minutebook.render.item_extras import action_views, thread_view
from minutebook.render.month_pages import month_pages
from minutebook.render.public_views import (
    Abbreviation,
    ActionsPage,
    ActionView,
    DataField,
    DataFile,
    DataPage,
    DepartureEntry,
    DeparturesPage,
    GlossaryGroup,
    GlossaryPage,
    ThreadGroup,
    ThreadIndexPage,
    ThreadPage,
)
from minutebook.render.summaries import HOME, ItemSummaries
from minutebook.render.views import ItemSummary, Link, PageMeta

Planned = tuple[str, str, Any]
THREADS = Link("Threads", "/threads/")
DEPARTURES = Link("Departures from recommendations", "/departures/")
ACTIONS = Link("Actions", "/actions/")
DATA = Link("Open data", "/data/")
GLOSSARY = Link("Glossary", "/glossary/")


def public_pages(archive: Archive, summaries: ItemSummaries) -> Iterator[Planned]:
    yield from thread_pages(archive)
    yield departures_page(archive, summaries)
    yield from action_pages(archive, summaries)
    yield data_page(archive)
    yield glossary_page(archive)
    yield from month_pages(archive, summaries)


def thread_pages(archive: Archive) -> Iterator[Planned]:
    groups = tuple(
        ThreadGroup(
            Link(c.short, c.url),
            tuple(
                Link(t.title, t.url, len(t.items))
                for t in archive.threads
                if t.council_slug == c.slug
            ),
        )
        for c in archive.councils
    )
    meta = PageMeta(
        "Threads: matters followed across meetings",
        "Items on the same matter at the same council, as timelines across meetings.",
        THREADS.url,
        (HOME, THREADS),
        page_kind="threads",
    )
    yield THREADS.url, "threads.html", ThreadIndexPage(meta, tuple(g for g in groups if g.threads))
    for thread in archive.threads:
        yield thread.url, "thread.html", _thread_page(thread, archive)


def _thread_page(thread: Thread, archive: Archive) -> ThreadPage:
    council = archive.council(thread.council_slug)
    meta = PageMeta(
        f"{thread.title} – {council.short}",
        f"{len(thread.items)} items of {council.name} on one matter: {thread.title}.",
        thread.url,
        (HOME, THREADS, Link(thread.title, thread.url)),
        council.noindex,
        "thread",
    )
    return ThreadPage(
        meta, thread_view(thread, None, archive), Link(council.short, council.url), thread.curated
    )


def departures_page(archive: Archive, summaries: ItemSummaries) -> Planned:
    entries = tuple(
        DepartureEntry(summaries.of(i), archive.departures[i.url].reasons)
        for i in archive.items
        if i.url in archive.departures
    )
    assessed = sum(
        1 for i in archive.items if i.resolutions and i.record.section("recommended") is not None
    )
    meta = PageMeta(
        "Where committees departed from their officers' recommendations",
        "Items whose resolution differs from the officers' recommendation: deferred, refused, "
        "amended, or more resolved than was recommended.",
        DEPARTURES.url,
        (HOME, DEPARTURES),
        page_kind="departures",
    )
    return DEPARTURES.url, "departures.html", DeparturesPage(meta, entries, assessed)


def action_pages(archive: Archive, summaries: ItemSummaries) -> Iterator[Planned]:
    councils = tuple(
        Link(
            c.short,
            f"/actions/{c.slug}/",
            sum(len(archive.actions.get(i.url, ())) for i in c.items),
        )
        for c in archive.councils
    )
    meta = PageMeta(
        "Actions: who was asked to do what",
        "Reports, briefings and updates that committees asked for, by council.",
        ACTIONS.url,
        (HOME, ACTIONS),
        page_kind="actions",
    )
    yield ACTIONS.url, "actions.html", ActionsPage(meta, "Actions", (), councils)
    for council in archive.councils:
        yield _council_actions(council, archive, summaries)


def _council_actions(council: Council, archive: Archive, summaries: ItemSummaries) -> Planned:
    url = f"/actions/{council.slug}/"
    views = tuple(
        _with_item(view, summaries.of(item))
        for item in sorted(council.items, key=newest_first)
        for view in action_views(item, archive)
    )
    heading = f"Actions: {council.short}"
    meta = PageMeta(
        heading,
        f"Who {council.name}'s committees asked to do what, newest meeting first.",
        url,
        (HOME, ACTIONS, Link(council.short, url)),
        council.noindex,
        "actions",
    )
    return url, "actions.html", ActionsPage(meta, heading, views, ())


def _with_item(view: ActionView, summary: ItemSummary) -> ActionView:
    return replace(view, item=summary)


def data_page(archive: Archive) -> Planned:
    whole = (
        Link("items.json", "/items.json", note="every item, JSON"),
        Link("items.csv", "/data/items.csv", note="one row per item"),
        Link("resolutions.csv", "/data/resolutions.csv", note="one row per resolution"),
        Link(
            "minutebook.sqlite",
            "/data/minutebook.sqlite",
            note="both tables (items, resolutions) in one SQLite database",
        ),
    )
    per_council = tuple(_council_files(c) for c in archive.councils)
    formats = (
        DataFile("items.csv", "/data/items.csv", _fields(data_fields.ITEM_FIELDS)),
        DataFile("items.json", "/items.json", _fields(data_fields.ITEMS_JSON_FIELDS)),
        DataFile(
            "resolutions.csv", "/data/resolutions.csv", _fields(data_fields.RESOLUTION_FIELDS)
        ),
        DataFile("item.json (beside each item page)", "", _fields(data_fields.ITEM_JSON_FIELDS)),
    )
    meta = PageMeta(
        "Open data",
        "Download the whole archive, or one council's records, as CSV and JSON.",
        DATA.url,
        (HOME, DATA),
        page_kind="data",
    )
    return DATA.url, "data.html", DataPage(meta, whole, per_council, formats)


def _council_files(council: Council) -> tuple[Link, tuple[Link, ...]]:
    names = ("items.json", "items.csv", "resolutions.csv")
    files = tuple(Link(name, f"/data/{council.slug}/{name}") for name in names)
    return Link(council.short, council.url, note=council.name), files


def _fields(fields: tuple[tuple[str, str], ...]) -> tuple[DataField, ...]:
    return tuple(DataField(name, meaning) for name, meaning in fields)


def glossary_page(archive: Archive) -> Planned:
    glossary = archive.glossary
    groups = [GlossaryGroup("Used across the archive", _terms(glossary.terms))]
    for council in archive.councils:
        if own := glossary.councils.get(council.name):
            groups.append(GlossaryGroup(f"Used by {council.short}", _terms(own)))
    meta = PageMeta(
        "Glossary of abbreviations",
        "The acronyms and abbreviations used in council minutes, spelled out.",
        GLOSSARY.url,
        (HOME, GLOSSARY),
        page_kind="glossary",
    )
    return GLOSSARY.url, "glossary.html", GlossaryPage(meta, tuple(groups))


def _terms(terms: dict[str, str]) -> tuple[Abbreviation, ...]:
    return tuple(Abbreviation(t, terms[t]) for t in sorted(terms, key=str.lower))
