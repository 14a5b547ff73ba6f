"""Assemble the whole-archive model: councils → committees → meetings → items, cross-referenced."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from minutebook.config import Config, CouncilSettings, default_short_name
from minutebook.diagnostics import Diagnostics
from minutebook.load.records import ItemRecord
from minutebook.model import urls
from minutebook.model.actions import Action, find_actions
from minutebook.model.departures import Departure, find_departure
from minutebook.model.entities import AgendaItem, Committee, Council, Meeting, Resolution
from minutebook.model.glossary import Glossary, load_glossary
from minutebook.model.related import RelatedItems, find_related
from minutebook.model.resolution_kinds import KindRules, classify_with_lead_in
from minutebook.model.threads import Thread, find_threads, load_matter_rules
from minutebook.model.topics import TopicMatcher, assign_topics, build_topic_matcher


@dataclass
class Archive:
    config: Config
    kind_rules: KindRules
    councils: list[Council]
    items: list[AgendaItem]  # newest meeting first, then council, committee, agenda order
    items_by_topic: dict[str, list[AgendaItem]] = field(default_factory=dict)
    items_by_kind: dict[str, list[AgendaItem]] = field(default_factory=dict)
    related: dict[str, RelatedItems] = field(default_factory=dict)
    neighbours: dict[str, tuple[AgendaItem | None, AgendaItem | None]] = field(default_factory=dict)
    threads: list[Thread] = field(default_factory=list)
    thread_of: dict[str, Thread] = field(default_factory=dict)  # item URL → its thread
    departures: dict[str, Departure] = field(default_factory=dict)  # item URL → how it differs
    actions: dict[str, tuple[Action, ...]] = field(default_factory=dict)  # item URL → actions
    glossary: Glossary = field(default_factory=lambda: Glossary({}, {}))

    def council(self, slug: str) -> Council:
        return self._councils_by_slug[slug]

    @cached_property
    def _councils_by_slug(self) -> dict[str, Council]:
        # Looked up once per item on every page that lists it; a scan was a hot spot at scale.
        return {c.slug: c for c in self.councils}

    @property
    def meetings(self) -> list[Meeting]:
        return [m for c in self.councils for cm in c.committees for m in cm.meetings]


def assemble_archive(
    records: list[ItemRecord], config: Config, kind_rules: KindRules, diagnostics: Diagnostics
) -> Archive:
    make_item = ItemMaker(config, kind_rules)
    return assemble_items(
        [make_item(r, diagnostics) for r in records], config, kind_rules, diagnostics
    )


@dataclass(frozen=True)
class ItemMaker:
    """Turns one record into an AgendaItem: the per-item part of the model (topics, kinds,
    URLs), which needs no other item and so can run in worker processes."""

    config: Config
    kind_rules: KindRules
    matcher: TopicMatcher = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "matcher", build_topic_matcher(self.config.vocabulary))

    def __call__(self, record: ItemRecord, diagnostics: Diagnostics) -> AgendaItem:
        council = _council_setting(record.council, self.config)
        return _make_item(record, council, self.config, self.kind_rules, self.matcher, diagnostics)


def assemble_items(
    items: list[AgendaItem], config: Config, kind_rules: KindRules, diagnostics: Diagnostics
) -> Archive:
    """The whole-archive part of the model: grouping, order, and links between items."""
    councils = {
        name: _council_setting(name, config) for name in sorted({i.record.council for i in items})
    }
    items = _drop_duplicates(items, diagnostics)
    items.sort(key=newest_first)
    archive = Archive(config, kind_rules, _group(items, councils), items)
    _index(archive)
    return archive


def newest_first(item: AgendaItem) -> tuple[int, str, str, tuple[tuple[int, str], ...], str]:
    ordinal = item.date.toordinal() if item.date else 0
    return (-ordinal, item.council_slug, item.committee_slug, agenda_order(item), item.url)


_NUMBER_PARTS = re.compile(r"(\d+)")


def agenda_order(item: AgendaItem) -> tuple[tuple[int, str], ...]:
    """Natural order of printed item numbers ("2" < "10" < "10a"); unnumbered items go last."""
    if not item.record.item:
        return ((1_000_000, item.title.lower()),)
    parts = _NUMBER_PARTS.split(item.record.item)
    return tuple((int(p), "") if p.isdigit() else (-1, p.lower()) for p in parts if p)


def _council_setting(name: str, config: Config) -> CouncilSettings:
    return config.councils.get(name) or CouncilSettings(name, default_short_name(name))


def _make_item(
    record: ItemRecord,
    council: CouncilSettings,
    config: Config,
    kind_rules: KindRules,
    matcher: TopicMatcher,
    diagnostics: Diagnostics,
) -> AgendaItem:
    council_slug = urls.council_slug(council.short)
    committee_slug = urls.committee_slug(record.committee)
    meeting_url = urls.join_url(council_slug, committee_slug, urls.meeting_segment(record.date))
    resolutions = tuple(
        Resolution(
            r.markdown,
            r.text,
            classify_with_lead_in(r.text, record.resolution_lead_in, kind_rules),
            n,
        )
        for n, r in enumerate(record.resolutions, start=1)
    )
    kinds = tuple(dict.fromkeys(r.kind for r in resolutions)) or ("none",)
    item = AgendaItem(
        record=record,
        url=f"{meeting_url}{urls.item_slug(record.item, record.title)}/",
        council_slug=council_slug,
        committee_slug=committee_slug,
        meeting_url=meeting_url,
        resolutions=resolutions,
        topics=assign_topics(record, config.vocabulary, matcher, diagnostics),
        kinds=kinds,
    )
    item.departure = find_departure(item)
    item.actions = find_actions(item)
    return item


def _drop_duplicates(items: list[AgendaItem], diagnostics: Diagnostics) -> list[AgendaItem]:
    """Two files for one item (one URL) is an error on both, and neither is published."""
    by_url: dict[str, list[AgendaItem]] = defaultdict(list)
    for item in items:
        by_url[item.url].append(item)
    for url, claimants in by_url.items():
        if len(claimants) < 2:
            continue
        paths = sorted(i.record.source_path for i in claimants)
        for path in paths:
            others = ", ".join(p for p in paths if p != path)
            diagnostics.error(
                "model.duplicate-item",
                f"this file and {others} describe the same item ({url}); give them different "
                "'item', 'date' or 'title', or remove one",
                path,
            )
    return [i for i in items if len(by_url[i.url]) == 1]


def _group(items: list[AgendaItem], settings: dict[str, CouncilSettings]) -> list[Council]:
    councils: dict[str, Council] = {}
    committees: dict[tuple[str, str], Committee] = {}
    meetings: dict[str, Meeting] = {}
    for item in items:
        s = settings[item.record.council]
        council = councils.setdefault(
            item.council_slug,
            Council(
                s.name, s.short, item.council_slug, urls.join_url(item.council_slug), s.noindex
            ),
        )
        key = (item.council_slug, item.committee_slug)
        if key not in committees:
            committees[key] = Committee(
                item.committee_name,
                item.committee_slug,
                urls.join_url(*key),
                item.council_slug,
            )
            council.committees.append(committees[key])
        if item.meeting_url not in meetings:
            meetings[item.meeting_url] = Meeting(
                item.meeting_url, item.date, item.council_slug, item.committee_slug
            )
            committees[key].meetings.append(meetings[item.meeting_url])
        meetings[item.meeting_url].items.append(item)
    return _sorted_councils(list(councils.values()))


def _sorted_councils(councils: list[Council]) -> list[Council]:
    for council in councils:
        council.committees.sort(key=lambda c: (c.slug == "committee-not-recorded", c.name.lower()))
        for committee in council.committees:
            committee.meetings.sort(key=lambda m: -(m.date or dt.date.min).toordinal())
            for meeting in committee.meetings:
                meeting.items.sort(key=lambda i: (agenda_order(i), i.url))
    return sorted(councils, key=lambda c: c.short.lower())


def _index(archive: Archive) -> None:
    for item in archive.items:
        for topic in item.topics:
            archive.items_by_topic.setdefault(topic.id, []).append(item)
        for kind in item.kinds:
            archive.items_by_kind.setdefault(kind, []).append(item)
    for meeting in archive.meetings:
        for index, item in enumerate(meeting.items):
            before = meeting.items[index - 1] if index > 0 else None
            after = meeting.items[index + 1] if index + 1 < len(meeting.items) else None
            archive.neighbours[item.url] = (before, after)
    archive.related = find_related(archive.items, archive.items_by_topic)
    _follow_matters(archive)


def _follow_matters(archive: Archive) -> None:
    """Threads, departures, actions and the glossary (config files optional)."""
    config_dir = archive.config.config_dir
    archive.threads = find_threads(archive.items, load_matter_rules(config_dir / "matters.yaml"))
    archive.thread_of = {i.url: t for t in archive.threads for i in t.items}
    for item in archive.items:
        if item.departure:
            archive.departures[item.url] = item.departure
        if item.actions:
            archive.actions[item.url] = item.actions
    archive.glossary = load_glossary(config_dir / "glossary.yaml")
