"""The archive's nouns (see ARCHITECTURE.md's glossary): plain data, linked by URL."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from minutebook.load.records import ItemRecord

if TYPE_CHECKING:  # found from the item itself (departures.py, actions.py), which import this
    from minutebook.model.actions import Action
    from minutebook.model.departures import Departure

NOT_RECORDED_COMMITTEE = "Committee not recorded"


@dataclass(frozen=True)
class Resolution:
    """One decision in an item's Resolved section."""

    markdown: str
    text: str
    kind: str  # a ResolutionKind id
    number: int  # 1-based position within the item, for anchors and exports


@dataclass(frozen=True)
class AssignedTopic:
    id: str
    automatic: bool  # True when matched from the text rather than named in front matter


@dataclass
class AgendaItem:
    """One item of business at one meeting: the unit the archive is made of."""

    record: ItemRecord
    url: str
    council_slug: str
    committee_slug: str
    meeting_url: str
    resolutions: tuple[Resolution, ...]
    topics: tuple[AssignedTopic, ...]
    kinds: tuple[str, ...]  # distinct kinds of its resolutions, or ("none",)
    # Found from this item alone, so with it in a worker process (and kept in the build cache).
    departure: Departure | None = None
    actions: tuple[Action, ...] = ()

    @property
    def title(self) -> str:
        return self.record.title

    @property
    def date(self) -> dt.date | None:
        return self.record.date

    @property
    def committee_name(self) -> str:
        return self.record.committee or NOT_RECORDED_COMMITTEE


@dataclass
class Meeting:
    """A meeting is (council, committee, date); undated items form one "undated" group."""

    url: str
    date: dt.date | None
    council_slug: str
    committee_slug: str
    items: list[AgendaItem] = field(default_factory=list)


@dataclass
class Committee:
    name: str
    slug: str
    url: str
    council_slug: str
    meetings: list[Meeting] = field(default_factory=list)

    @property
    def item_count(self) -> int:
        return sum(len(m.items) for m in self.meetings)


@dataclass
class Council:
    name: str
    short: str
    slug: str
    url: str
    noindex: bool
    committees: list[Committee] = field(default_factory=list)

    @property
    def items(self) -> list[AgendaItem]:
        return [i for c in self.committees for m in c.meetings for i in m.items]
