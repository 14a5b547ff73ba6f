"""Property tests for slugs and URLs: always URL-safe, idempotent, never a path escape."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from minutebook.model import urls
from minutebook.model.slugs import slugify
from minutebook.render.markdown import make_renderer

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@given(st.text())
def test_slugs_are_url_safe_and_idempotent(text: str) -> None:
    slug = slugify(text)
    assert SLUG.match(slug)
    assert slugify(slug) == slug
    assert len(slug) <= 80


@given(st.text(max_size=30), st.text(max_size=200))
def test_item_urls_stay_inside_the_site(number: str, title: str) -> None:
    url = urls.join_url("c", "k", "undated", urls.item_slug(number or None, title))
    assert ".." not in url and url.count("/") == 5
    assert urls.output_path(url) == url.strip("/") + "/index.html"


def test_reserved_names_do_not_become_council_slugs() -> None:
    assert urls.council_slug("Search") == "search-council"
    assert urls.council_slug("Bradford") == "bradford"


def test_item_slug_combines_number_and_title() -> None:
    assert urls.item_slug("35/20", "Children's Services") == "35-20-childrens-services"
    assert urls.item_slug(None, "Minutes") == "minutes"


@given(st.text())
def test_rendering_never_raises_and_never_emits_live_html(text: str) -> None:
    html = make_renderer().render(text)
    assert "<script" not in html.lower() and "javascript:" not in html.lower().replace("[", "")
