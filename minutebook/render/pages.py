"""Plan every page of the site (URL, template, how to build its view) and render pages to HTML.

A plan is cheap: views are built only when a page is rendered, so the renderer can spread
pages over worker processes and the whole site is never held in memory at once.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

import jinja2

from minutebook.model import urls
from minutebook.model.archive import Archive
from minutebook.model.entities import AgendaItem
from minutebook.render import listing_views as lv
from minutebook.render.item_view import item_page
from minutebook.render.markdown import make_renderer
from minutebook.render.public_pages import public_pages
from minutebook.render.summaries import HOME, ItemSummaries
from minutebook.render.views import (
    DeferredView,
    ItemGroup,
    Link,
    ListingPage,
    PageMeta,
    Pagination,
    PlainPage,
)


@dataclass(frozen=True)
class PlannedPage:
    url: str
    output_path: str
    template: str
    build_view: Callable[[], Any]


@dataclass(frozen=True)
class RenderedPage:
    output_path: str
    digest: bytes | None  # of the template and view (page_digest); None: cannot be reused
    html: Callable[[], bytes]  # rendered only when called, so an unchanged page never is


@dataclass(frozen=True)
class PageEntry:
    """What the sitemap and redirects need to know of a rendered page."""

    url: str
    noindex: bool


def plan_pages(archive: Archive) -> list[PlannedPage]:
    return list(_plan(archive))


def _plan(archive: Archive) -> Iterator[PlannedPage]:
    renderer = make_renderer()
    summaries = ItemSummaries(archive)
    yield _page("/", "home.html", partial(lv.home_page, archive))
    yield _page("/councils/", "councils.html", partial(lv.council_index_page, archive))
    for council in archive.councils:
        yield _page(council.url, "council.html", partial(lv.council_page, council, archive))
        for committee in council.committees:
            yield _page(
                committee.url, "committee.html", partial(lv.committee_page, committee, archive)
            )
            for meeting in committee.meetings:
                yield _page(
                    meeting.url,
                    "meeting.html",
                    partial(lv.meeting_page, meeting, archive, summaries),
                )
                for item in meeting.items:
                    yield _page(
                        item.url,
                        "item.html",
                        partial(item_page, item, archive, summaries, renderer),
                    )
    yield _page("/topics/", "topics.html", partial(lv.topic_index_page, archive))
    yield from _topic_pages(archive, summaries)
    yield _page("/resolutions/", "kinds.html", partial(lv.kind_index_page, archive))
    yield from _kind_pages(archive, summaries)
    yield from _plain_pages(archive)
    for url, template, view in public_pages(archive, summaries):
        yield _ready(url, template, view)


def _page(url: str, template: str, build_view: Callable[[], Any]) -> PlannedPage:
    return PlannedPage(url, urls.output_path(url), template, build_view)


def _ready(url: str, template: str, view: Any) -> PlannedPage:
    """A page whose view was built while planning (small pages built in bulk)."""
    return PlannedPage(url, urls.output_path(url), template, partial(_same, view))


def _same(view: Any) -> Any:
    return view


def _topic_pages(archive: Archive, summaries: ItemSummaries) -> Iterator[PlannedPage]:
    vocabulary = archive.config.vocabulary
    for topic_id, items in archive.items_by_topic.items():
        topic = vocabulary.topics[topic_id]
        category = next(c for c in vocabulary.categories if c.id == topic.category_id)
        by_council = sorted(items, key=lambda i: (archive.council(i.council_slug).short.lower(),))
        yield from _listing(
            summaries,
            by_council,
            f"/topics/{topic_id}/",
            lv.TOPICS,
            topic.name,
            topic.description,
            "topic",
            facts=(Link(category.name, f"/topics/#{category.id}", note="Category"),),
            group_by_council=True,
        )


def _kind_pages(archive: Archive, summaries: ItemSummaries) -> Iterator[PlannedPage]:
    for kind in archive.kind_rules.kinds:
        items = archive.items_by_kind.get(kind.id)
        if items:
            yield from _listing(
                summaries,
                items,
                f"/resolutions/{kind.id}/",
                lv.KINDS,
                kind.label,
                kind.description,
                "kind",
            )


def _listing(
    summaries: ItemSummaries,
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
    page_size = summaries.archive.config.site.page_size
    pages = list(lv.chunks(items, page_size))
    for number, chunk in enumerate(pages, start=1):
        page_url = urls.page_url(url, number)
        title = heading if number == 1 else f"{heading} (page {number} of {len(pages)})"
        # Summaries are the costly part, so they are built when the page is rendered.
        without_items = ListingPage(
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
            groups=(),
            pagination=_pagination(url, number, len(pages)),
            total=len(items),
            facts=facts,
        )
        yield _page(
            page_url,
            "listing.html",
            partial(_with_groups, without_items, chunk, summaries, group_by_council),
        )


def _with_groups(
    page: ListingPage, items: list[AgendaItem], summaries: ItemSummaries, by_council: bool
) -> ListingPage:
    return replace(page, groups=_groups(items, summaries, by_council))


def _groups(
    items: list[AgendaItem], summaries: ItemSummaries, by_council: bool
) -> tuple[ItemGroup, ...]:
    if not by_council:
        return (ItemGroup("", None, tuple(summaries.of(i) for i in items)),)
    archive = summaries.archive
    groups: dict[str, list[AgendaItem]] = {}
    for item in items:
        groups.setdefault(item.council_slug, []).append(item)
    return tuple(
        ItemGroup(
            archive.council(slug).short,
            archive.council(slug).url,
            tuple(summaries.of(i) for i in group),
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
        pages=tuple(
            Link(str(n), urls.page_url(url, n)) if n else None for n in page_window(current, total)
        ),
    )


def page_window(current: int, total: int, around: int = 2) -> list[int]:
    """The page numbers a pagination bar links: the first, the last and those within `around`
    of the current one, with 0 for each gap. Linking every page made a listing of P pages cost
    P² links (a topic of 20,000 items: 400 pages of 400 links each)."""
    shown = sorted({1, total, *range(max(1, current - around), min(total, current + around) + 1)})
    numbers: list[int] = []
    for number in shown:
        if numbers and number > numbers[-1] + 1:
            numbers.append(0)
        numbers.append(number)
    return numbers


def _plain_pages(archive: Archive) -> Iterator[PlannedPage]:
    search = Link("Search", "/search/")
    about = Link("About this archive", "/about/")
    councils = lv.council_links(archive.councils)
    yield _ready(
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
    yield _ready(
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
        partial(
            _same,
            PlainPage(
                PageMeta(
                    "Page not found",
                    "This page is not in the archive.",
                    "/404.html",
                    noindex=True,
                    page_kind="404",
                ),
            ),
        ),
    )


def render_pages(
    planned: Sequence[PlannedPage],
    environment: jinja2.Environment,
    report: Callable[[int], None],
    entries: list[PageEntry],
) -> Iterator[RenderedPage]:
    """Build each page's view, for the writer to render or (if unchanged) reuse.

    Appends each page's PageEntry to `entries` and reports progress every few pages.
    """
    templates: dict[str, jinja2.Template] = {}
    for count, page in enumerate(planned, start=1):
        template = templates.get(page.template) or environment.get_template(page.template)
        templates[page.template] = template
        view = page.build_view()
        entries.append(PageEntry(page.url, view.meta.noindex))
        if isinstance(view, DeferredView):
            digest = page_digest(page.template, view.inputs)
            finish = partial(view.finish, view.inputs)
        else:
            digest, finish = page_digest(page.template, view), partial(_same, view)
        yield RenderedPage(page.output_path, digest, partial(_html, template, finish))
        if count % 100 == 0:
            report(100)
    report(len(planned) % 100)


def _html(template: jinja2.Template, finish: Callable[[], Any]) -> bytes:
    return template.render(page=finish()).encode("utf-8")


def page_digest(template: str, view: object) -> bytes | None:
    """A digest of the page's template name and pickled view: equal digests mean equal views,
    since pickling keeps everything a template can read. None for a view that cannot be
    pickled, which is then always rendered."""
    try:
        data = pickle.dumps(view, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return None
    digest = hashlib.blake2b(template.encode(), digest_size=16)
    digest.update(b"\0")
    digest.update(data)
    return digest.digest()
