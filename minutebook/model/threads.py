"""Threads: items on the same matter at the same council, followed across meetings.

An item joins a thread in three ways, strongest first:

1. an explicit `matter:` id in its front matter, or a curated entry in `config/matters.yaml`
   (council + title → matter id) — data a person wrote down, so it is trusted as is;
2. the same *title key*: the title normalised (case, punctuation, apostrophes, years and
   words such as "update" or "annual report" removed), so "Children's Services Improvement
   Programme" and "Children's Services Improvement Programme Update" meet;
3. a shared *strong reference*: a planning application number (21/01234/FUL) or a "ref: 4323".

Document letters ("Document “AH”") are deliberately ignored: councils reuse them at every
meeting. Procedural items (minutes, apologies, declarations of interest, urgent business…) are
never threaded by similarity, or every meeting's "Minutes" would become one thread.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from minutebook.config import read_yaml_map
from minutebook.diagnostics import ConfigError
from minutebook.model.entities import AgendaItem
from minutebook.model.slugs import slugify

_YEARS = re.compile(r"\b(?:19|20)\d{2}(?:\s*[/-]\s*\d{2,4})?\b")
_NON_WORD = re.compile(r"[^a-z0-9]+")
# Words that mark one instalment of a recurring report rather than a different subject.
_INSTALMENT_WORDS = frozenset((
    "update", "updates", "report", "reports", "progress", "annual", "interim", "final",
    "further", "quarterly", "quarter", "q1", "q2", "q3", "q4", "the", "a", "an", "of", "on",
    "and", "for", "to",
))  # fmt: skip
_PROCEDURAL = re.compile(
    r"^(?:minutes?\b|confirmation of (?:the )?minutes|apolog|declarations?\b|disclosures?\b"
    r"|urgent (?:business|items?)|exclusion of (?:the )?(?:press|public)|public questions"
    r"|questions?\b|date of (?:the )?next meeting|any other business|work ?programme"
    r"|forward plan|chair(?:man|person)?'?s? (?:announcements|report)|announcements"
    r"|membership|appointment of (?:the )?(?:vice[- ])?chair|election of (?:the )?chair"
    r"|substitutes?|petitions?\b|matters arising|welcome and introductions|inspection of reports"
    r"|recording of meeting)",
    re.IGNORECASE,
)
_PLANNING_REF = re.compile(r"\b(\d{2,4}/\d{3,6}/[A-Z]{2,6})\b")
_REF_NUMBER = re.compile(r"\bref(?:erence)?(?:\s*no\.?)?\s*[:.]?\s*(\d{3,})\b", re.IGNORECASE)
MIN_KEY_WORDS = 2  # a one-word key ("Budget") is too general to tie meetings together


@dataclass(frozen=True)
class Thread:
    council_slug: str
    slug: str
    url: str
    title: str
    items: tuple[AgendaItem, ...]  # dated items oldest first, then undated items
    curated: bool  # tied by `matter:` or config/matters.yaml rather than by similarity


@dataclass(frozen=True)
class MatterRule:
    council: str
    normal_title: str  # lower case, punctuation as spaces
    matter: str
    title: str


def is_procedural(title: str) -> bool:
    return bool(_PROCEDURAL.match(title.strip().lstrip("0123456789.() ")))


def title_key(title: str) -> str:
    """ "Children's Services Improvement Programme Update 2021/22" → "childrens services
    improvement programme"; empty for procedural or too-general titles."""
    if is_procedural(title):
        return ""
    text = _YEARS.sub(" ", title.lower().replace("’", "").replace("'", ""))
    words = [w for w in _NON_WORD.sub(" ", text).split() if w not in _INSTALMENT_WORDS]
    return " ".join(words) if len(words) >= MIN_KEY_WORDS else ""


def strong_references(text: str) -> set[str]:
    found = {f"planning:{m}" for m in _PLANNING_REF.findall(text)}
    return found | {f"ref:{m}" for m in _REF_NUMBER.findall(text)}


def same_matter(a: AgendaItem, b: AgendaItem, rules: tuple[MatterRule, ...] = ()) -> bool:
    """The pairwise rule: the keys `find_threads` groups by, so tests of it test the build
    (the grouping applies it transitively)."""
    return a.council_slug == b.council_slug and bool(set(_keys(a, rules)) & set(_keys(b, rules)))


def load_matter_rules(path: Path) -> tuple[MatterRule, ...]:
    """config/matters.yaml (optional): `matters: [{id, title, council, items: [titles]}]`."""
    data = read_yaml_map(path, optional=True)
    rules: list[MatterRule] = []
    for entry in data.get("matters") or []:
        _check_matter(entry, path)
        for item_title in entry["items"]:
            normal = " ".join(_NON_WORD.sub(" ", str(item_title).lower()).split())
            rules.append(MatterRule(entry["council"], normal, entry["id"], entry["title"]))
    return tuple(rules)


def _check_matter(entry: Any, path: Path) -> None:
    keys = ("id", "title", "council")
    if not isinstance(entry, dict) or any(not isinstance(entry.get(k), str) for k in keys):
        raise ConfigError(f"{path}: each matter needs id, title, council and items, got {entry!r}")
    if not isinstance(entry.get("items"), list) or not entry["items"]:
        raise ConfigError(f"{path}: matter '{entry['id']}' needs a list of item titles")


def find_threads(items: list[AgendaItem], rules: tuple[MatterRule, ...]) -> list[Thread]:
    """Every thread of two or more items; a thread of one is not a thread."""
    groups = _group(items, rules)
    threads = [_thread(members, rules) for members in groups if len(members) > 1]
    threads.sort(key=lambda t: (t.council_slug, t.slug))
    return _unique_slugs(threads)


def _matter_of(item: AgendaItem, rules: tuple[MatterRule, ...]) -> str | None:
    if item.record.matter:
        return item.record.matter
    normal = " ".join(_NON_WORD.sub(" ", item.title.lower()).split())
    return next(
        (r.matter for r in rules if r.council == item.record.council and r.normal_title == normal),
        None,
    )


def _group(items: list[AgendaItem], rules: tuple[MatterRule, ...]) -> list[list[AgendaItem]]:
    """Union-find over shared keys, so A–B and B–C put A, B and C in one thread."""
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[tuple[str, str], int] = {}
    for index, item in enumerate(items):
        for key in _keys(item, rules):
            other = first_with.setdefault((item.council_slug, key), index)
            parent[root(index)] = root(other)
    groups: dict[int, list[AgendaItem]] = {}
    for index, item in enumerate(items):
        groups.setdefault(root(index), []).append(item)
    return list(groups.values())


def _keys(item: AgendaItem, rules: tuple[MatterRule, ...]) -> list[str]:
    matter = _matter_of(item, rules)
    if matter:
        return [f"matter:{matter}"]  # an explicit matter overrides similarity
    if is_procedural(item.title):
        return []
    key = title_key(item.title)
    return ([f"title:{key}"] if key else []) + sorted(strong_references(item.title))


def _thread(members: list[AgendaItem], rules: tuple[MatterRule, ...]) -> Thread:
    ordered = tuple(sorted(members, key=chronological))
    matter = next((m for m in (_matter_of(i, rules) for i in ordered) if m), None)
    curated_title = next((r.title for r in rules if r.matter == matter), None)
    title = curated_title or ordered[0].title
    slug = slugify(matter or title_key(ordered[0].title) or ordered[0].title, max_length=70)
    council = ordered[0].council_slug
    return Thread(council, slug, f"/threads/{council}/{slug}/", title, ordered, matter is not None)


def chronological(item: AgendaItem) -> tuple[int, int, str]:
    """Dated items oldest first; undated ones after them, in a stable (not a time) order."""
    undated = item.date is None
    return (int(undated), (item.date or dt.date.min).toordinal(), item.url)


def _unique_slugs(threads: list[Thread]) -> list[Thread]:
    seen: set[str] = set()
    unique: list[Thread] = []
    for thread in threads:
        slug = thread.slug
        while f"{thread.council_slug}/{slug}" in seen:
            slug += "-2"
        seen.add(f"{thread.council_slug}/{slug}")
        url = f"/threads/{thread.council_slug}/{slug}/"
        unique.append(
            Thread(thread.council_slug, slug, url, thread.title, thread.items, thread.curated)
        )
    return unique
