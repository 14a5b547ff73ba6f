"""Build the view of one agenda item's page."""

from __future__ import annotations

from functools import partial

from markdown_it import MarkdownIt

from minutebook.model.archive import Archive
from minutebook.model.entities import AgendaItem
from minutebook.render.item_extras import with_public_features
from minutebook.render.item_text import ItemText, item_text, with_item_text
from minutebook.render.summaries import ItemSummaries, crumbs_to_meeting, kind_tag, meeting_title
from minutebook.render.views import DeferredView, ItemPage, Link, PageMeta, TopicTag, date_text


def item_page(
    item: AgendaItem, archive: Archive, summaries: ItemSummaries, renderer: MarkdownIt
) -> DeferredView:
    """The page without its text, and the item text to finish it with (render/item_text.py)."""
    record = item.record
    council = archive.council(item.council_slug)
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
        intro_html="",
        sections_before=(),
        resolution_lead_in_html="",
        resolutions=(),
        resolution_closing_html="",
        sections_after=(),
        documents=tuple(Link(d.title, d.url) for d in record.documents),
        previous_item=Link(previous_item.title, previous_item.url) if previous_item else None,
        next_item=Link(next_item.title, next_item.url) if next_item else None,
        related_elsewhere=tuple(summaries.of(o) for o in related.other_councils) if related else (),
        related_here=tuple(summaries.of(o) for o in related.same_committee) if related else (),
    )
    frame = with_public_features(page, item, archive)
    return DeferredView(frame.meta, (frame, item_text(item, archive)), partial(_finish, renderer))


def _finish(renderer: MarkdownIt, inputs: tuple[ItemPage, ItemText]) -> ItemPage:
    frame, text = inputs
    return with_item_text(frame, text, renderer)


def _description(item: AgendaItem, council_short: str) -> str:
    decided = "; ".join(r.text for r in item.resolutions)
    summary = f"{council_short} {item.committee_name}, {date_text(item.date)}: {item.title}."
    if decided:
        summary += f" Resolved: {decided}"
    return summary if len(summary) <= 300 else summary[:297].rsplit(" ", 1)[0] + "…"
