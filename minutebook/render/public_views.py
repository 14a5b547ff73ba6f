"""View models of the journalists' and public features (threads, citations, open data, actions,
departures, glossary, month pages): the contract with their templates, as in `views.py`."""

from __future__ import annotations

from dataclasses import dataclass

from minutebook.render.views import ItemSummary, KindTag, Link, PageMeta


@dataclass(frozen=True)
class DecisionLine:
    kind: KindTag
    text: str


@dataclass(frozen=True)
class TimelineEntry:
    """One item of a thread, with what was resolved there."""

    title: str
    url: str
    date_text: str
    date_iso: str | None
    committee: str
    current: bool  # the item whose page shows the timeline
    decisions: tuple[DecisionLine, ...]


@dataclass(frozen=True)
class ThreadView:
    title: str
    url: str
    entries: tuple[TimelineEntry, ...]
    undated: bool  # some items have no recorded date, so their place in time is unknown


@dataclass(frozen=True)
class ActionView:
    text: str
    owner: str  # "Not recorded" when the text names nobody
    due: str  # as written, or "Not given"
    came_back: Link | None  # a later item in the thread where the requested report came back
    item: ItemSummary | None = None  # on the actions pages: the item that asked


@dataclass(frozen=True)
class Abbreviation:
    term: str
    expansion: str


@dataclass(frozen=True)
class ThreadPage:
    meta: PageMeta
    thread: ThreadView
    council: Link
    curated: bool


@dataclass(frozen=True)
class ThreadGroup:
    council: Link
    threads: tuple[Link, ...]


@dataclass(frozen=True)
class ThreadIndexPage:
    meta: PageMeta
    groups: tuple[ThreadGroup, ...]


@dataclass(frozen=True)
class DepartureEntry:
    item: ItemSummary
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class DeparturesPage:
    meta: PageMeta
    entries: tuple[DepartureEntry, ...]
    assessed: int  # items with both a recommendation and a resolution


@dataclass(frozen=True)
class ActionsPage:
    meta: PageMeta
    heading: str
    actions: tuple[ActionView, ...]
    councils: tuple[Link, ...]  # on the index: each council's actions page


@dataclass(frozen=True)
class DataField:
    name: str
    meaning: str


@dataclass(frozen=True)
class DataFile:
    title: str
    url: str
    fields: tuple[DataField, ...]


@dataclass(frozen=True)
class DataPage:
    meta: PageMeta
    archive_files: tuple[Link, ...]
    council_files: tuple[tuple[Link, tuple[Link, ...]], ...]
    formats: tuple[DataFile, ...]


@dataclass(frozen=True)
class GlossaryGroup:
    heading: str
    terms: tuple[Abbreviation, ...]


@dataclass(frozen=True)
class GlossaryPage:
    meta: PageMeta
    groups: tuple[GlossaryGroup, ...]
