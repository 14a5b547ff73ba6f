"""One page's text to content files: cut into items, divide sections, write Markdown."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from minutebook.importers.items import RawItem
from minutebook.importers.layouts import split_page
from minutebook.importers.markdown_out import FrontMatter, render_content
from minutebook.importers.resolutions import BULLET, SUB_BULLET, strip_bullet
from minutebook.importers.sections import Sections, divide_sections
from minutebook.importers.text import is_chrome
from minutebook.model.slugs import slugify

UNTITLED = "Untitled item"
_LABELLED = re.compile(r"^[\w ]{1,30}:")
# Words a title or a name may hold in lower case; a line ending in one stops mid-sentence.
_SMALL_WORDS = frozenset(
    ["a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"]
)
_SENTENCE_END = (".", "!", "?", ":", ")", '"', "”", "’", ";")


@dataclass(frozen=True)
class PageFacts:
    """What is known about a page from outside it (command line or manifest)."""

    council: str
    council_short: str | None = None
    committee: str | None = None
    date: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class ContentFile:
    relative_path: PurePosixPath
    text: str
    sections: Sections


def convert_page(raw: str, facts: PageFacts) -> list[ContentFile]:
    items = split_page(raw)
    files = []
    for position, item in enumerate(items):
        sections = divide_sections(item)
        # Archived copies are cut off at a length, so only the page's last item can end early.
        cut_off = sections.empty_label or (position == len(items) - 1 and _ends_mid_text(item))
        front = _front_matter(item, sections, facts, cut_off)
        files.append(
            ContentFile(
                _content_path(item, front, facts), render_content(front, sections), sections
            )
        )
    return files


def _front_matter(
    item: RawItem, sections: Sections, facts: PageFacts, cut_off: bool
) -> FrontMatter:
    lost_labels = item.unlabelled_minutes and not sections.labelled
    return FrontMatter(
        council=facts.council,
        committee=facts.committee or item.committee,
        title=item.title or UNTITLED,
        date=facts.date or item.date,
        item=item.item,
        source=facts.source,
        incomplete=item.incomplete or lost_labels or cut_off,
        extra=dict(sorted(item.extra.items())) or None,
    )


def _ends_mid_text(item: RawItem) -> bool:
    """The page's text stops mid-sentence: its last line is prose without a closing stop.

    A last line without a full stop is not enough: a table row ("53 Disposal of Sites"), a
    list of names or a bullet point often ends that way. Prose is told by its lower-case
    words other than the small ones titles and names use ("of", "and").
    """
    last = next((line for line in reversed(item.lines) if line and not is_chrome(line)), None)
    if last is None or _LABELLED.match(last) or last.endswith(_SENTENCE_END):
        return False  # "ACTION: ..." lines need no full stop
    words = strip_bullet(last).split()
    if last.endswith((",", "-", "–")) or words[-1].lower() in _SMALL_WORDS:
        return True
    if BULLET.match(last) or SUB_BULLET.match(last):
        return False
    return words[-1][:1].islower() or any(
        word[:1].islower() and word not in _SMALL_WORDS for word in words[1:]
    )


def _content_path(item: RawItem, front: FrontMatter, facts: PageFacts) -> PurePosixPath:
    council = slugify(facts.council_short or facts.council)
    committee = slugify(front.committee) if front.committee else "committee-not-recorded"
    prefix = f"{slugify(item.item)}-" if item.item else ""
    name = f"{prefix}{slugify(front.title)}.md"
    return PurePosixPath(council, committee, front.date or "undated", name)
