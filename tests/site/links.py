"""Every internal link in a built site resolves, and every page can be reached from the home page.

URLs are resolved the way a static host serves folder URLs: `/x/` is `x/index.html`. Absolute
links to the site's own address (canonical links, feeds) count as internal too.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from tests.site.htmlscan import Link, PageScan, scan_file

LOCAL_ORIGIN = "http://site.invalid"
NOT_LINKED_PAGES = {"/404.html"}  # served by the host for missing addresses, never linked to


@dataclass
class Site:
    root: Path
    pages: dict[str, PageScan]  # page URL → what it contains
    base_url: str  # the site's public address, from the home page's canonical link

    def file_for(self, url_path: str) -> Path | None:
        """The file a static host would serve for a URL path, or None."""
        relative = unquote(url_path).lstrip("/")
        if url_path.endswith("/"):
            relative += "index.html"
        candidate = self.root / relative
        return candidate if candidate.is_file() else None

    def internal_target(self, page_url: str, link: str) -> tuple[str, str] | None:
        """(path, fragment) for a link inside the site; None for other sites and schemes."""
        if link.startswith(self.base_url):
            link = "/" + link.removeprefix(self.base_url)
        absolute = urljoin(LOCAL_ORIGIN + page_url, link)
        if not absolute.startswith(LOCAL_ORIGIN + "/"):
            return None
        parts = urlsplit(absolute)
        return parts.path, parts.fragment


def page_url(root: Path, page: Path) -> str:
    relative = page.relative_to(root).as_posix()
    if relative == "index.html":
        return "/"
    if relative.endswith("/index.html"):
        return "/" + relative.removesuffix("index.html")
    return "/" + relative


def html_pages(root: Path) -> list[Path]:
    return sorted(page for page in root.rglob("*.html"))


def load_site(root: Path) -> Site:
    pages = {page_url(root, page): scan_file(page) for page in html_pages(root)}
    home = pages.get("/")
    canonical = home.canonical if home and home.canonical else LOCAL_ORIGIN + "/"
    return Site(root, pages, canonical)


def link_problem(site: Site, page: str, link: Link) -> str | None:
    target = site.internal_target(page, link.url)
    if target is None:
        return None
    path, fragment = target
    where = f"{page} line {link.line}: <{link.tag} {link.attribute}={link.url!r}>"
    if site.file_for(path) is None:
        hint = (
            " (folder URL without its trailing slash)"
            if (site.root / path.strip("/")).is_dir()
            else ""
        )
        return f"{where} → {path} does not exist{hint}"
    target_page = site.pages.get(path)
    if fragment and target_page is not None and unquote(fragment) not in target_page.ids:
        return f"{where} → no id={fragment!r} on {path}"
    if link.url == "#":
        return f"{where} → empty fragment"
    return None


def broken_links(site: Site) -> list[str]:
    problems = (
        link_problem(site, page, link) for page, scan in site.pages.items() for link in scan.links
    )
    return [problem for problem in problems if problem]


def duplicate_ids(site: Site) -> list[str]:
    return [
        f"{page}: id={name!r} appears more than once"
        for page, scan in site.pages.items()
        for name in scan.duplicate_ids
    ]


def reachable_pages(site: Site, start: str = "/") -> set[str]:
    seen, queue = {start}, deque([start])
    while queue:
        page = queue.popleft()
        for link in site.pages[page].anchor_links:
            target = site.internal_target(page, link.url)
            if target and target[0] in site.pages and target[0] not in seen:
                seen.add(target[0])
                queue.append(target[0])
    return seen


def orphan_pages(site: Site) -> list[str]:
    if "/" not in site.pages:
        return ["/ (there is no home page, so every page is an orphan)"]
    reachable = reachable_pages(site)
    return sorted(set(site.pages) - reachable - NOT_LINKED_PAGES)
