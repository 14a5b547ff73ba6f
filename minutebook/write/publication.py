"""Everything published beside the HTML pages: data downloads, feeds, sitemap, robots.txt and
redirects, as (output_path, bytes) pairs for the writer, from producers that worker processes
can share out."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial

from minutebook.model.archive import Archive
from minutebook.render.pages import PageEntry
from minutebook.write.data import data_files
from minutebook.write.feeds import feed_files
from minutebook.write.redirects import load_redirects, redirect_files
from minutebook.write.sitemap import robots_txt, sitemap_files
from minutebook.write.sqlite_data import sqlite_file
from minutebook.write.tables import csv_files

Producer = Callable[[], Iterable[tuple[str, bytes]]]


def publication_producers(archive: Archive, pages: Sequence[PageEntry]) -> list[Producer]:
    """The makers of everything published beside the pages, independent of each other so that
    worker processes can share them out (costliest first, so that interleaved shares balance).

    Each makes one file at a time as the writer takes them (the data files of a large archive
    are hundreds of MB). The redirects are read first, so a bad redirects.yaml stops the build
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

    def site_files() -> Iterator[tuple[str, bytes]]:
        yield from sitemap_files(site.base_url, indexable)
        yield "robots.txt", robots_txt(site.base_url, site.base_path, hidden)
        yield from redirect_files(redirects, site.base_url, site.base_path)

    return [
        partial(csv_files, archive),
        partial(feed_files, archive),
        partial(data_files, archive),
        partial(_sqlite_files, archive),
        site_files,
    ]


def _sqlite_files(archive: Archive) -> Iterator[tuple[str, bytes]]:
    yield "data/minutebook.sqlite", sqlite_file(archive)
