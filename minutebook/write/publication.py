"""Everything published beside the HTML pages: data downloads, feeds, sitemap, robots.txt and
redirects, as (output_path, bytes) pairs for the writer."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from minutebook.model.archive import Archive
from minutebook.render.pages import PageEntry
from minutebook.write.data import data_files
from minutebook.write.feeds import feed_files
from minutebook.write.redirects import load_redirects, redirect_files
from minutebook.write.sitemap import robots_txt, sitemap_files
from minutebook.write.sqlite_data import sqlite_file
from minutebook.write.tables import csv_files


def publication_files(archive: Archive, pages: Sequence[PageEntry]) -> Iterator[tuple[str, bytes]]:
    """Made one file at a time as the writer takes them (the data files of a large archive are
    hundreds of MB); the redirects are read first, so a bad redirects.yaml stops the build
    before anything is written."""
    site = archive.config.site
    indexable = sorted(p.url for p in pages if not p.noindex and p.url.endswith("/"))
    hidden = [
        folder
        for c in archive.councils
        if c.noindex
        for folder in (c.url, f"/threads/{c.slug}/", f"/actions/{c.slug}/", f"/data/{c.slug}/")
    ]
    redirects = load_redirects(archive.config.config_dir / "redirects.yaml", {p.url for p in pages})

    def files() -> Iterator[tuple[str, bytes]]:
        yield from data_files(archive)
        yield from csv_files(archive)
        yield "data/minutebook.sqlite", sqlite_file(archive)
        yield from feed_files(archive)
        yield from sitemap_files(site.base_url, indexable)
        yield "robots.txt", robots_txt(site.base_url, site.base_path, hidden)
        yield from redirect_files(redirects, site.base_url, site.base_path)

    return files()
