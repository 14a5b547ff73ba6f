"""No broken links, no duplicate ids and no orphan pages in the built site."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.site.links import Site, broken_links, duplicate_ids, load_site, orphan_pages


@pytest.fixture(scope="module")
def site(built_site: Path) -> Site:
    return load_site(built_site)


def test_the_site_has_the_page_kinds_the_checks_rely_on(site: Site) -> None:
    """Guards the other checks against passing vacuously over an empty or partial build."""
    for url in ("/", "/about/", "/404.html", "/search/", "/councils/", "/topics/", "/resolutions/"):
        assert url in site.pages, f"{url} was not built"
    assert sum(len(scan.links) for scan in site.pages.values()) > 10 * len(site.pages)


def test_every_internal_link_resolves_to_a_file_and_fragment(site: Site) -> None:
    assert broken_links(site) == []


def test_no_page_repeats_an_id(site: Site) -> None:
    assert duplicate_ids(site) == []


def test_every_page_is_reachable_from_the_home_page(site: Site) -> None:
    assert orphan_pages(site) == []


def test_every_page_has_the_search_form_skip_link_and_main_landmark(site: Site) -> None:
    problems = []
    for url, scan in site.pages.items():
        if not any(
            f.action == "/search/" and f.method == "get" and "q" in f.input_names
            for f in scan.forms
        ):
            problems.append(f"{url}: no search form (GET /search/ with an input named q)")
        if not any(link.url == "#main" for link in scan.anchor_links) or "main" not in scan.ids:
            problems.append(f"{url}: no skip link to #main, or no id=main")
    assert problems == []
