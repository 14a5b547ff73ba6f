"""An item's own text on its page: Markdown rendered to HTML, then abbreviations marked.

This is the costliest part of an item page's view, and a pure function of the `ItemText` it
starts from, so a page is planned with the `ItemText` and the HTML is made only when the page
is rendered (render/pages.py). An unchanged page is then recognised from its Markdown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TypeVar

from markdown_it import MarkdownIt

from minutebook.model.archive import Archive
from minutebook.model.entities import AgendaItem
from minutebook.model.glossary import terms_used
from minutebook.render.abbreviations import Abbreviator
from minutebook.render.markdown import render_inline, render_markdown
from minutebook.render.public_views import Abbreviation
from minutebook.render.summaries import kind_tag
from minutebook.render.views import ItemPage, KindTag, ResolutionView, SectionView

SECTION_IDS = {
    "purpose": ("purpose", "Purpose"),
    "recommended": ("recommended", "Officers’ recommendation"),
    "contact": ("contact", "Contact officer"),
    "minutes": ("minutes", "Discussion"),  # not "Minutes": every item would match that word
    "reasons": ("reasons", "Reasons for the decision"),
    "alternatives": ("alternatives", "Alternatives considered"),
    "actions": ("actions", "Actions"),
    "documents": ("documents", "Supporting documents"),
}
BEFORE_RESOLUTIONS = ("purpose", "recommended", "contact", "minutes")
ViewWithHtml = TypeVar("ViewWithHtml", SectionView, ResolutionView)


@dataclass(frozen=True)
class SectionText:
    id: str
    heading: str
    markdown: str
    key: str


@dataclass(frozen=True)
class ResolutionText:
    markdown: str
    kind: KindTag
    anchor: str


@dataclass(frozen=True)
class ItemText:
    """Everything `with_item_text` reads: the item's Markdown and its glossary terms."""

    title: str
    intro: str
    sections: tuple[SectionText, ...]  # in the file's order, without intro and resolved
    resolution_lead_in: str
    resolutions: tuple[ResolutionText, ...]
    resolution_closing: str
    terms: tuple[tuple[str, str], ...]  # the council's glossary: (term, what it stands for)


def item_text(item: AgendaItem, archive: Archive) -> ItemText:
    record = item.record
    intro = record.section("intro")
    return ItemText(
        title=item.title,
        intro=intro.markdown if intro else "",
        sections=_section_texts(item),
        resolution_lead_in=record.resolution_lead_in,
        resolutions=tuple(
            ResolutionText(r.markdown, kind_tag(r.kind, archive), f"resolution-{r.number}")
            for r in item.resolutions
        ),
        resolution_closing=record.resolution_closing,
        terms=tuple(archive.glossary.terms_for(record.council).items()),
    )


def _section_texts(item: AgendaItem) -> tuple[SectionText, ...]:
    texts: list[SectionText] = []
    used_ids: set[str] = set()
    for section in item.record.sections:
        if section.key in ("intro", "resolved"):
            continue
        section_id, heading = SECTION_IDS.get(
            section.key, (f"section-{len(texts) + 1}", section.heading)
        )
        while section_id in used_ids:
            section_id += "-2"
        used_ids.add(section_id)
        texts.append(SectionText(section_id, heading, section.markdown, section.key))
    return tuple(texts)


def with_item_text(page: ItemPage, text: ItemText, renderer: MarkdownIt) -> ItemPage:
    """The page with its text as HTML, first uses of glossary terms marked in reading order
    (intro, sections, resolutions, later sections), and the recommendation to compare."""
    terms = dict(text.terms)
    marker = Abbreviator(terms)
    before = [s for s in text.sections if s.key in BEFORE_RESOLUTIONS]
    after = [s for s in text.sections if s.key not in BEFORE_RESOLUTIONS]
    # Each part is rendered and marked in turn: the marker remembers which terms it has marked.
    intro = marker.mark(render_markdown(renderer, text.intro))
    sections_before = tuple(_marked(_section(s, renderer), marker) for s in before)
    lead_in = marker.mark(render_markdown(renderer, text.resolution_lead_in))
    resolutions = tuple(_marked(_resolution(r, renderer), marker) for r in text.resolutions)
    closing = marker.mark(render_markdown(renderer, text.resolution_closing))
    sections_after = tuple(_marked(_section(s, renderer), marker) for s in after)
    recommended = next((s.html for s in sections_before if s.key == "recommended"), "")
    return replace(
        page,
        intro_html=intro,
        sections_before=sections_before,
        resolution_lead_in_html=lead_in,
        resolutions=resolutions,
        resolution_closing_html=closing,
        sections_after=sections_after,
        recommendation_html=recommended if resolutions else "",
        abbreviations=tuple(
            Abbreviation(t, terms[t])
            for t in sorted({*marker.used, *terms_used(text.title, terms)}, key=str.lower)
        ),
    )


def _section(text: SectionText, renderer: MarkdownIt) -> SectionView:
    return SectionView(text.id, text.heading, render_markdown(renderer, text.markdown), text.key)


def _resolution(text: ResolutionText, renderer: MarkdownIt) -> ResolutionView:
    is_block = _BLOCKS_INSIDE.search(text.markdown) is not None
    render = render_markdown if is_block else render_inline
    return ResolutionView(render(renderer, text.markdown), text.kind, text.anchor, is_block)


# A blank line, or a line opening a list or quote: the resolution holds more than a sentence,
# and rendering it inline would run its paragraphs and sub-points together.
_BLOCKS_INSIDE = re.compile(r"\n[ \t]*\n|\n[ \t]*(?:[-*+>]|\d{1,9}[.)])(?:[ \t]|$)")


def _marked(view: ViewWithHtml, marker: Abbreviator) -> ViewWithHtml:
    """The view with its HTML marked; the same view when nothing was (the usual case, and
    dataclasses.replace is not cheap)."""
    html = marker.mark(view.html)
    return view if html is view.html else replace(view, html=html)
