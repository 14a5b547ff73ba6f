"""schema.org JSON-LD: meetings as Event, councils and committees as GovernmentOrganization,
breadcrumbs as BreadcrumbList. Entities hold site URLs ("/bradford/"); `json_ld` makes them
absolute and serialises safely for a <script type="application/ld+json"> data block."""

from __future__ import annotations

import json
from typing import Any

from minutebook.model.entities import AgendaItem, Council, Meeting
from minutebook.render.views import PageMeta

_URL_KEYS = frozenset({"url", "@id", "item"})


def council_entity(council: Council) -> dict[str, Any]:
    return {
        "@type": "GovernmentOrganization",
        "name": council.name,
        "alternateName": council.short,
        "url": council.url,
    }


def committee_entity(name: str, url: str, council: Council) -> dict[str, Any]:
    return {
        "@type": "GovernmentOrganization",
        "name": name,
        "url": url,
        "parentOrganization": council_entity(council),
    }


def meeting_entity(
    meeting: Meeting | AgendaItem, committee: str, council: Council
) -> dict[str, Any]:
    """A meeting as an Event; an undated meeting has no startDate (we never guess one)."""
    url = meeting.url if isinstance(meeting, Meeting) else meeting.meeting_url
    committee_url = f"/{meeting.council_slug}/{meeting.committee_slug}/"
    event: dict[str, Any] = {
        "@type": "Event",
        "name": f"{committee}, {council.short}",
        "url": url,
        "organizer": committee_entity(committee, committee_url, council),
    }
    if meeting.date:
        event["startDate"] = meeting.date.isoformat()
    return event


def json_ld(meta: PageMeta, base_url: str) -> str:
    """The page's JSON-LD. Every "<", ">" and "&" is written as a JSON \\u escape (which covers
    "</" and "<!--"), so no text can close or confuse the script element it sits in."""
    graph: list[dict[str, Any]] = []
    if meta.entity:
        graph.append(meta.entity)
    if len(meta.breadcrumbs) > 1:
        graph.append(
            {
                "@type": "BreadcrumbList",
                "itemListElement": [
                    {"@type": "ListItem", "position": n, "name": crumb.text, "item": crumb.url}
                    for n, crumb in enumerate(meta.breadcrumbs, start=1)
                ],
            }
        )
    if not graph:
        return ""
    document = {"@context": "https://schema.org", "@graph": _absolute(graph, base_url)}
    text = json.dumps(document, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _absolute(value: Any, base_url: str) -> Any:
    if isinstance(value, dict):
        return {
            k: base_url + v.lstrip("/")
            if k in _URL_KEYS and isinstance(v, str) and v.startswith("/")
            else _absolute(v, base_url)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_absolute(v, base_url) for v in value]
    return value
