"""sitemap.xml (a sitemap index once there are more URLs than one sitemap may hold) and
robots.txt. Pages marked noindex (councils with `noindex: true`, the 404 page) are left out of
the sitemap, and robots.txt asks crawlers to keep out of those councils' folders."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
MAX_URLS = 50_000  # the sitemap protocol's limit per file


def sitemap_files(
    base_url: str, page_urls: Sequence[str], max_urls: int = MAX_URLS
) -> list[tuple[str, bytes]]:
    """One sitemap.xml, or sitemap.xml as an index of sitemap-1.xml, sitemap-2.xml, …"""
    urls = sorted(dict.fromkeys(page_urls))
    if len(urls) <= max_urls:
        return [("sitemap.xml", _urlset(base_url, urls))]
    parts = [urls[start : start + max_urls] for start in range(0, len(urls), max_urls)]
    files = [(f"sitemap-{n}.xml", _urlset(base_url, part)) for n, part in enumerate(parts, 1)]
    index = ET.Element("sitemapindex", xmlns=SITEMAP_NS)
    for name, _ in files:
        ET.SubElement(ET.SubElement(index, "sitemap"), "loc").text = base_url + name
    return [("sitemap.xml", _xml(index)), *files]


def _urlset(base_url: str, urls: list[str]) -> bytes:
    urlset = ET.Element("urlset", xmlns=SITEMAP_NS)
    for url in urls:
        ET.SubElement(ET.SubElement(urlset, "url"), "loc").text = base_url + url.lstrip("/")
    return _xml(urlset)


def _xml(root: ET.Element) -> bytes:
    ET.indent(root)
    body = bytes(ET.tostring(root, encoding="utf-8", xml_declaration=False))
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + body + b"\n"


def robots_txt(base_url: str, base_path: str, hidden_folders: Sequence[str]) -> bytes:
    """`hidden_folders` are site URLs ("/bradford/") of councils marked noindex."""
    lines = ["User-agent: *"]
    lines += [f"Disallow: {base_path}{folder.lstrip('/')}" for folder in sorted(hidden_folders)]
    if not hidden_folders:
        lines.append("Disallow:")
    lines += ["", f"Sitemap: {base_url}sitemap.xml"]
    return ("\n".join(lines) + "\n").encode("utf-8")
