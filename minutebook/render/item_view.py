"""Build the view of one agenda item's page."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from minutebook.model.archive import Archive
from minutebook.model.entities import AgendaItem
from minutebook.render.item_extras import with_public_features
from minutebook.render.markdown import render_inline, render_markdown
from minutebook.render.summaries import crumbs_to_meeting, item_summary, kind_tag, meeting_title
from minutebook.render.views import (
    ItemPage,
    Link,
    PageMeta,
    ResolutionView,
    SectionView,
    TopicTag,
    date_text,
)

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


def item_page(item: AgendaItem, archive: Archive, renderer: MarkdownIt) -> ItemPage:
    record = item.record
    council = archive.council(item.council_slug)
    sections = _sections(item, renderer)
    previous_item, next_item = archive.neighbours.get(item.url, (None, None))
    related = archive.related.get(item.url)
    vocabulary = archive.config.vocabulary.topics
    page = ItemPage(
        meta=PageMeta(
            title=f"{item.title} – {item.committee_name}, {council.short}, {date_text(item.date)}",
            description=_description(item, council.short),
            url=item.url,
            breadcrumbs=(*crumbs_to_meeting(item, council), Link(item.title, item.url)),
            noindex=council.noindex,
            page_kind="item",
        ),
        title=item.title,
        council=Link(council.short, council.url, note=council.name),
        committee=Link(item.committee_name, f"/{item.council_slug}/{item.committee_slug}/"),
        meeting=Link(meeting_title(item), item.meeting_url),
        date_text=date_text(item.date),
        date_iso=item.date.isoformat() if item.date else None,
        year=str(item.date.year) if item.date else "Date not recorded",
        item_number=record.item,
        source_url=record.source,
        incomplete=record.incomplete,
        topics=tuple(
            TopicTag(vocabulary[t.id].name, f"/topics/{t.id}/", t.automatic) for t in item.topics
        ),
        kinds=tuple(kind_tag(k, archive) for k in item.kinds),
        intro_html=_section_html(item, "intro", renderer),
        sections_before=tuple(s for s in sections if s.key in BEFORE_RESOLUTIONS),
        resolution_lead_in_html=render_markdown(renderer, record.resolution_lead_in),
        resolutions=tuple(
            _resolution(item, n, archive, renderer) for n in range(len(item.resolutions))
        ),
        resolution_closing_html=render_markdown(renderer, record.resolution_closing),
        sections_after=tuple(s for s in sections if s.key not in BEFORE_RESOLUTIONS),
        documents=tuple(Link(d.title, d.url) for d in record.documents),
        previous_item=Link(previous_item.title, previous_item.url) if previous_item else None,
        next_item=Link(next_item.title, next_item.url) if next_item else None,
        related_elsewhere=tuple(item_summary(o, archive) for o in related.other_councils)
        if related
        else (),
        related_here=tuple(item_summary(o, archive) for o in related.same_committee)
        if related
        else (),
    )
    return with_public_features(page, item, archive)


def _description(item: AgendaItem, council_short: str) -> str:
    decided = "; ".join(r.text for r in item.resolutions)
    summary = f"{council_short} {item.committee_name}, {date_text(item.date)}: {item.title}."
    if decided:
        summary += f" Resolved: {decided}"
    return summary if len(summary) <= 300 else summary[:297].rsplit(" ", 1)[0] + "…"


def _resolution(
    item: AgendaItem, index: int, archive: Archive, renderer: MarkdownIt
) -> ResolutionView:
    resolution = item.resolutions[index]
    is_block = _BLOCKS_INSIDE.search(resolution.markdown) is not None
    render = render_markdown if is_block else render_inline
    return ResolutionView(
        html=render(renderer, resolution.markdown),
        kind=kind_tag(resolution.kind, archive),
        anchor=f"resolution-{resolution.number}",
        is_block=is_block,
    )


# A blank line, or a line opening a list or quote: the resolution holds more than a sentence,
# and rendering it inline would run its paragraphs and sub-points together.
_BLOCKS_INSIDE = re.compile(r"\n[ \t]*\n|\n[ \t]*(?:[-*+>]|\d{1,9}[.)])(?:[ \t]|$)")


def _section_html(item: AgendaItem, key: str, renderer: MarkdownIt) -> str:
    section = item.record.section(key)
    return render_markdown(renderer, section.markdown) if section else ""


def _sections(item: AgendaItem, renderer: MarkdownIt) -> list[SectionView]:
    views: list[SectionView] = []
    used_ids: set[str] = set()
    for section in item.record.sections:
        if section.key in ("intro", "resolved"):
            continue
        section_id, heading = SECTION_IDS.get(
            section.key, (f"section-{len(views) + 1}", section.heading)
        )
        while section_id in used_ids:
            section_id += "-2"
        used_ids.add(section_id)
        views.append(
            SectionView(
                section_id, heading, render_markdown(renderer, section.markdown), section.key
            )
        )
    return views
