"""Atom feeds of new items: the whole archive, each council, committee, topic and decision kind.

Built with ElementTree (which escapes every value), newest meeting first. Nothing comes from the
clock: a feed's <updated> is its newest entry's meeting date. Items without a recorded meeting
date carry the fixed placeholder UNDATED (1 January 1970), documented on the Open data page, so
they sort last and the feed stays the same from build to build.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator

from minutebook.model.archive import Archive
from minutebook.model.entities import AgendaItem

ATOM = "http://www.w3.org/2005/Atom"
UNDATED = "1970-01-01T00:00:00Z"
MAX_ENTRIES = 50


def feed_files(archive: Archive) -> list[tuple[str, bytes]]:
    """(output_path, Atom XML) for every feed; URLs end in atom.xml beside the listing page."""
    return [
        (f"{url.lstrip('/')}atom.xml", atom_feed(archive, url, title, items))
        for url, title, items in _feeds(archive)
    ]


def _feeds(archive: Archive) -> Iterator[tuple[str, str, list[AgendaItem]]]:
    site = archive.config.site.title
    yield "/", f"{site}: new items", archive.items
    for council in archive.councils:
        yield council.url, f"{council.short}: new items", _newest(council.items)
        for committee in council.committees:
            items = _newest([i for m in committee.meetings for i in m.items])
            yield committee.url, f"{committee.name} ({council.short}): new items", items
    vocabulary = archive.config.vocabulary.topics
    for topic_id, items in archive.items_by_topic.items():
        yield f"/topics/{topic_id}/", f"Topic: {vocabulary[topic_id].name}", items
    for kind in archive.kind_rules.kinds:
        if items := archive.items_by_kind.get(kind.id, []):
            yield f"/resolutions/{kind.id}/", f"Decisions: {kind.label}", items


def _newest(items: list[AgendaItem]) -> list[AgendaItem]:
    return sorted(items, key=lambda i: (-(i.date.toordinal() if i.date else 0), i.url))


def entry_updated(item: AgendaItem) -> str:
    return f"{item.date.isoformat()}T00:00:00Z" if item.date else UNDATED


def atom_feed(archive: Archive, url: str, title: str, items: list[AgendaItem]) -> bytes:
    base = archive.config.site.base_url
    entries = _newest(items)[:MAX_ENTRIES]
    feed = ET.Element("feed", xmlns=ATOM)
    ET.SubElement(feed, "id").text = f"{base}{url.lstrip('/')}atom.xml"
    ET.SubElement(feed, "title").text = title
    ET.SubElement(feed, "updated").text = max((entry_updated(i) for i in entries), default=UNDATED)
    ET.SubElement(feed, "link", rel="self", href=f"{base}{url.lstrip('/')}atom.xml")
    ET.SubElement(feed, "link", rel="alternate", type="text/html", href=f"{base}{url.lstrip('/')}")
    ET.SubElement(ET.SubElement(feed, "author"), "name").text = archive.config.site.title
    for item in entries:
        feed.append(_entry(item, archive))
    ET.indent(feed)
    return (
        b'<?xml version="1.0" encoding="utf-8"?>\n'
        + bytes(ET.tostring(feed, encoding="utf-8", xml_declaration=False))
        + b"\n"
    )


def _entry(item: AgendaItem, archive: Archive) -> ET.Element:
    base = archive.config.site.base_url
    council = archive.council(item.council_slug)
    entry = ET.Element("entry")
    ET.SubElement(entry, "id").text = f"{base}{item.url.lstrip('/')}"
    ET.SubElement(entry, "title").text = f"{item.title} ({council.short}, {item.committee_name})"
    ET.SubElement(entry, "updated").text = entry_updated(item)
    ET.SubElement(
        entry, "link", rel="alternate", type="text/html", href=f"{base}{item.url.lstrip('/')}"
    )
    decided = "; ".join(r.text for r in item.resolutions) or "No resolution is recorded."
    when = item.date.isoformat() if item.date else "meeting date not recorded"
    summary = f"{council.name}, {item.committee_name}, {when}. Resolved: {decided}"
    ET.SubElement(entry, "summary").text = summary
    return entry
