"""Everything published beside the HTML pages: data downloads, feeds, sitemap, robots.txt and
redirects, as (output_path, bytes) pairs for the writer."""

from __future__ import annotations

from collections.abc import Sequence

from minutebook.model.archive import Archive
from minutebook.render.pages import PageEntry
from minutebook.write.data import data_files
from minutebook.write.feeds import feed_files
from minutebook.write.redirects import load_redirects, redirect_files
from minutebook.write.sitemap import robots_txt, sitemap_files
from minutebook.write.sqlite_data import sqlite_file
from minutebook.write.tables import csv_files


def publication_files(archive: Archive, pages: Sequence[PageEntry]) -> list[tuple[str, bytes]]:
    site = archive.config.site
    indexable = sorted(p.url for p in pages if not p.noindex and p.url.endswith("/"))
    hidden = [
        folder
        for c in archive.councils
        if c.noindex
        for folder in (c.url, f"/threads/{c.slug}/", f"/actions/{c.slug}/", f"/data/{c.slug}/")
    ]
    redirects = load_redirects(archive.config.config_dir / "redirects.yaml", {p.url for p in pages})
    return [
        *data_files(archive),
        *csv_files(archive),
        ("data/minutebook.sqlite", sqlite_file(archive)),
        *feed_files(archive),
        *sitemap_files(site.base_url, indexable),
        ("robots.txt", robots_txt(site.base_url, site.base_path, hidden)),
        *redirect_files(redirects, site.base_url, site.base_path),
    ]
