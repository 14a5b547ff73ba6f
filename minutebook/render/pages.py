"""Plan every page of the site (URL, template, view) and render them to HTML in memory."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import jinja2

from minutebook.model import urls
from minutebook.model.archive import Archive
from minutebook.model.entities import AgendaItem
from minutebook.render import listing_views as lv
from minutebook.render.item_view import item_page
from minutebook.render.markdown import make_renderer
from minutebook.render.public_pages import public_pages
from minutebook.render.summaries import HOME, item_summary
from minutebook.render.views import ItemGroup, Link, ListingPage, PageMeta, Pagination, PlainPage


@dataclass(frozen=True)
class PlannedPage:
    url: str
    output_path: str
    template: str
    view: Any


@dataclass(frozen=True)
class RenderedPage:
    output_path: str
    content: bytes


def plan_pages(archive: Archive) -> list[PlannedPage]:
    return list(_plan(archive))


def _plan(archive: Archive) -> Iterator[PlannedPage]:
    renderer = make_renderer()
    yield _page("/", "home.html", lv.home_page(archive))
    yield _page("/councils/", "councils.html", lv.council_index_page(archive))
    for council in archive.councils:
        yield _page(council.url, "council.html", lv.council_page(council, archive))
        for committee in council.committees:
            yield _page(committee.url, "committee.html", lv.committee_page(committee, archive))
            for meeting in committee.meetings:
                yield _page(meeting.url, "meeting.html", lv.meeting_page(meeting, archive))
                for item in meeting.items:
                    yield _page(item.url, "item.html", item_page(item, archive, renderer))
    yield _page("/topics/", "topics.html", lv.topic_index_page(archive))
    yield from _topic_pages(archive)
    yield _page("/resolutions/", "kinds.html", lv.kind_index_page(archive))
    yield from _kind_pages(archive)
    yield from _plain_pages(archive)
    for url, template, view in public_pages(archive):
        yield _page(url, template, view)


def _page(url: str, template: str, view: Any) -> PlannedPage:
    return PlannedPage(url, urls.output_path(url), template, view)


def _topic_pages(archive: Archive) -> Iterator[PlannedPage]:
    vocabulary = archive.config.vocabulary
    for topic_id, items in archive.items_by_topic.items():
        topic = vocabulary.topics[topic_id]
        category = next(c for c in vocabulary.categories if c.id == topic.category_id)
        by_council = sorted(items, key=lambda i: (archive.council(i.council_slug).short.lower(),))
        yield from _listing(
            archive,
            by_council,
            f"/topics/{topic_id}/",
            lv.TOPICS,
            topic.name,
            topic.description,
            "topic",
            facts=(Link(category.name, f"/topics/#{category.id}", note="Category"),),
            group_by_council=True,
        )


def _kind_pages(archive: Archive) -> Iterator[PlannedPage]:
    for kind in archive.kind_rules.kinds:
        items = archive.items_by_kind.get(kind.id)
        if items:
            yield from _listing(
                archive,
                items,
                f"/resolutions/{kind.id}/",
                lv.KINDS,
                kind.label,
                kind.description,
                "kind",
            )


def _listing(
    archive: Archive,
    items: list[AgendaItem],
    url: str,
    parent: Link,
    heading: str,
    description: str,
    page_kind: str,
    facts: tuple[Link, ...] = (),
    group_by_council: bool = False,
) -> Iterator[PlannedPage]:
    """Items in the given order (the archive's newest-first order within equal keys), paginated."""
    page_size = archive.config.site.page_size
    pages = list(lv.chunks(items, page_size))
    for number, chunk in enumerate(pages, start=1):
        page_url = urls.page_url(url, number)
        title = heading if number == 1 else f"{heading} (page {number} of {len(pages)})"
        yield _page(
            page_url,
            "listing.html",
            ListingPage(
                meta=PageMeta(
                    f"{title} – {parent.text}",
                    description,
                    page_url,
                    (HOME, parent, Link(heading, url)),
                    page_kind=page_kind,
                    feed_url=f"{url}atom.xml",
                ),
                heading=heading,
                description=description,
                groups=_groups(chunk, archive, group_by_council),
                pagination=_pagination(url, number, len(pages)),
                total=len(items),
                facts=facts,
            ),
        )


def _groups(items: list[AgendaItem], archive: Archive, by_council: bool) -> tuple[ItemGroup, ...]:
    if not by_council:
        return (ItemGroup("", None, tuple(item_summary(i, archive) for i in items)),)
    groups: dict[str, list[AgendaItem]] = {}
    for item in items:
        groups.setdefault(item.council_slug, []).append(item)
    return tuple(
        ItemGroup(
            archive.council(slug).short,
            archive.council(slug).url,
            tuple(item_summary(i, archive) for i in group),
        )
        for slug, group in groups.items()
    )


def _pagination(url: str, current: int, total: int) -> Pagination | None:
    if total <= 1:
        return None
    return Pagination(
        current=current,
        total=total,
        previous_url=urls.page_url(url, current - 1) if current > 1 else None,
        next_url=urls.page_url(url, current + 1) if current < total else None,
        pages=tuple(Link(str(n), urls.page_url(url, n)) for n in range(1, total + 1)),
    )


def _plain_pages(archive: Archive) -> Iterator[PlannedPage]:
    search = Link("Search", "/search/")
    about = Link("About this archive", "/about/")
    councils = lv.council_links(archive.councils)
    yield _page(
        "/search/",
        "search.html",
        PlainPage(
            PageMeta(
                "Search the minutes",
                "Search every agenda item in the archive.",
                search.url,
                (HOME, search),
                page_kind="search",
            ),
            councils=councils,
        ),
    )
    yield _page(
        "/about/",
        "about.html",
        PlainPage(
            PageMeta(
                about.text,
                "Where these records come from and how to search them.",
                about.url,
                (HOME, about),
                page_kind="about",
            ),
            facts={"items": str(len(archive.items)), "councils": str(len(archive.councils))},
            councils=councils,
        ),
    )
    yield PlannedPage(
        "/404.html",
        "404.html",
        "404.html",
        PlainPage(
            PageMeta(
                "Page not found",
                "This page is not in the archive.",
                "/404.html",
                noindex=True,
                page_kind="404",
            ),
        ),
    )


def render_pages(planned: list[PlannedPage], environment: jinja2.Environment) -> list[RenderedPage]:
    templates = {name: environment.get_template(name) for name in {p.template for p in planned}}
    return [
        RenderedPage(p.output_path, templates[p.template].render(page=p.view).encode("utf-8"))
        for p in planned
    ]
