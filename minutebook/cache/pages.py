"""Page digests kept between builds: for each page of the published site, the digest of the
template and view it was rendered from (render/pages.py: page_digest). A page whose view has
the same digest again is not rendered again: it is left in place in the published site (or linked
from there into a new one).

The table's generation covers the templates, code and settings, and includes the published
folder's identity, so a site replaced by anything but the build that saved the digests is
never trusted.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from minutebook.cache.store import claim, forget


def published_pages(
    store: sqlite3.Connection, generation: str, site_identity: tuple[int, int]
) -> dict[str, bytes]:
    """output_path → digest for the published site, or {} if it was not built by this code."""
    if not claim(store, "pages", _tagged(generation, site_identity)):
        return {}
    return {path: bytes(digest) for path, digest in store.execute("SELECT * FROM pages")}


def save_pages(
    store: sqlite3.Connection,
    generation: str,
    site_identity: tuple[int, int],
    digests: Iterable[tuple[str, bytes]],
) -> None:
    """Record the digests of the site just published (whose folder has `site_identity`)."""
    forget(store, "pages")
    claim(store, "pages", _tagged(generation, site_identity))
    with store:
        store.executemany("INSERT OR REPLACE INTO pages VALUES (?, ?)", digests)


def _tagged(generation: str, site_identity: tuple[int, int]) -> str:
    inode, mtime_ns = site_identity
    return f"{generation} site {inode} {mtime_ns}"
