"""View models: the documented contract between the code and the templates.

Templates see only these dataclasses (never domain objects), so what a template can use is
written down here, and a template change cannot reach into the model.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the public features' views build on these; only the type checker needs them
    from minutebook.render.public_views import Abbreviation, ActionView, ThreadView

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
DATE_NOT_RECORDED = "Date not recorded"


def date_text(date: dt.date | None) -> str:
    """ "4 November 2020", independent of the machine's locale (output must be identical)."""
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}" if date else DATE_NOT_RECORDED


@dataclass(frozen=True)
class Link:
    text: str
    url: str
    count: int | None = None
    note: str = ""


@dataclass(frozen=True)
class PageMeta:
    """What every page has: its <title>, description, place in the site and indexing hints."""

    title: str
    description: str
    url: str
    breadcrumbs: tuple[Link, ...] = ()
    noindex: bool = False
    page_kind: str = ""
    feed_url: str = ""  # the Atom feed of this page's items, advertised in <head>
    entity: dict[str, Any] | None = None  # schema.org JSON-LD (site URLs made absolute)


@dataclass(frozen=True)
class KindTag:
    id: str
    label: str
    url: str


@dataclass(frozen=True)
class ItemSummary:
    """One line of a listing: enough to recognise an item and go to it."""

    title: str
    url: str
    council: str
    committee: str
    date_text: str
    date_iso: str | None
    item_number: str | None
    kinds: tuple[KindTag, ...]
    meeting_url: str


@dataclass(frozen=True)
class Pagination:
    current: int
    total: int
    previous_url: str | None
    next_url: str | None
    pages: tuple[Link | None, ...]  # None: a gap of pages not linked


@dataclass(frozen=True)
class ItemGroup:
    heading: str
    url: str | None
    items: tuple[ItemSummary, ...]


@dataclass(frozen=True)
class ListingPage:
    """Topic, resolution-kind and other item listings (possibly one page of several)."""

    meta: PageMeta
    heading: str
    description: str
    groups: tuple[ItemGroup, ...]
    pagination: Pagination | None
    total: int
    facts: tuple[Link, ...] = ()


@dataclass(frozen=True)
class MeetingLink:
    url: str
    date_text: str
    committee: str
    council: str
    item_count: int


@dataclass(frozen=True)
class HomePage:
    meta: PageMeta
    counts: tuple[Link, ...]
    councils: tuple[Link, ...]
    topics: tuple[Link, ...]
    kinds: tuple[Link, ...]
    recent_meetings: tuple[MeetingLink, ...]


@dataclass(frozen=True)
class CouncilIndexPage:
    meta: PageMeta
    councils: tuple[Link, ...]


@dataclass(frozen=True)
class YearOfMeetings:
    year: str
    meetings: tuple[MeetingLink, ...]


@dataclass(frozen=True)
class CouncilPage:
    meta: PageMeta
    name: str
    short: str
    committees: tuple[Link, ...]
    years: tuple[YearOfMeetings, ...]
    topics: tuple[Link, ...]
    kinds: tuple[Link, ...]
    item_count: int


@dataclass(frozen=True)
class CommitteePage:
    meta: PageMeta
    name: str
    council: Link
    years: tuple[YearOfMeetings, ...]
    item_count: int
    months: tuple[Link, ...] = ()  # month-by-month pages of its items


@dataclass(frozen=True)
class MeetingPage:
    meta: PageMeta
    council: Link
    committee: Link
    date_text: str
    dated: bool
    items: tuple[ItemSummary, ...]


@dataclass(frozen=True)
class ResolutionView:
    html: str
    kind: KindTag
    anchor: str
    is_block: bool = False  # several paragraphs or a nested list: block HTML, not a sentence


@dataclass(frozen=True)
class SectionView:
    id: str
    heading: str
    html: str
    key: str


@dataclass(frozen=True)
class TopicTag:
    name: str
    url: str
    automatic: bool


@dataclass(frozen=True)
class ItemPage:
    meta: PageMeta
    title: str
    council: Link
    committee: Link
    meeting: Link
    date_text: str
    date_iso: str | None
    year: str
    item_number: str | None
    source_url: str | None
    incomplete: bool
    topics: tuple[TopicTag, ...]
    kinds: tuple[KindTag, ...]
    intro_html: str
    sections_before: tuple[SectionView, ...]  # purpose, recommendation, contact, minutes
    resolution_lead_in_html: str
    resolutions: tuple[ResolutionView, ...]
    resolution_closing_html: str  # the Resolved section's text after its list (a vote, say)
    sections_after: tuple[SectionView, ...]  # reasons, alternatives, actions, others
    documents: tuple[Link, ...]
    previous_item: Link | None
    next_item: Link | None
    related_elsewhere: tuple[ItemSummary, ...]
    related_here: tuple[ItemSummary, ...]
    # The public features (their view types are in public_views.py).
    thread: ThreadView | None = None
    citation: str = ""  # the plain-text "Cite this record" block
    json_url: str = ""
    departure: tuple[str, ...] = ()  # why the resolution differs from the recommendation
    recommendation_html: str = ""  # for the side-by-side comparison
    actions: tuple[ActionView, ...] = ()
    abbreviations: tuple[Abbreviation, ...] = ()


@dataclass(frozen=True)
class DeferredView:
    """A view planned with the inputs of its costly part, which `finish` builds from those
    inputs alone when the page is rendered. Equal inputs give equal views, so the page digest
    hashes the inputs, and an unchanged page is never finished."""

    meta: PageMeta
    inputs: Any
    finish: Callable[[Any], Any]


@dataclass(frozen=True)
class TopicCategoryView:
    id: str
    name: str
    description: str
    topics: tuple[Link, ...]


@dataclass(frozen=True)
class TopicIndexPage:
    meta: PageMeta
    categories: tuple[TopicCategoryView, ...]


@dataclass(frozen=True)
class KindIndexPage:
    meta: PageMeta
    kinds: tuple[Link, ...]


@dataclass(frozen=True)
class PlainPage:
    """Search, about and 404: pages whose content lives in their template."""

    meta: PageMeta
    facts: dict[str, str] = field(default_factory=dict)
    councils: tuple[Link, ...] = ()
