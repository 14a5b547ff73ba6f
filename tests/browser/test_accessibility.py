"""Accessibility in a real browser: axe-core finds no WCAG 2.2 AA violation on any kind of page
at desktop and phone widths, every control is reachable by keyboard with a visible focus
indicator, and search results are announced. Each page checked is also screenshotted for review."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.axe import axe_violations
from tests.browser.conftest import REPORT_CSP_VIOLATIONS
from tests.browser.keyboard import tab_through
from tests.browser.pagekinds import KINDS, page_kinds
from tests.browser.server import serve_site
from tests.site.headers import netlify_rules
from tests.site.sitebuild import FIXTURES_DIR, REPO_ROOT
from tests.site.tools import require_axe

pytestmark = pytest.mark.browser

SCREENSHOTS = REPO_ROOT / "test-artifacts" / "screenshots"
WIDTHS = (1280, 320)


def open_kind(page: Page, site_url: str, built_site: Path, kind: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + page_kinds(built_site)[kind])
    if kind == "search":
        expect(page.locator("#search-results a.search-result__link").first).to_be_visible()


def test_every_page_kind_is_covered(built_site: Path) -> None:
    assert tuple(page_kinds(built_site)) == KINDS


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", KINDS)
def test_page_kind_has_no_axe_violations_and_no_sideways_scroll(
    page: Page, site_url: str, built_site: Path, kind: str, width: int
) -> None:
    """Screenshots are taken here, where each page is already open, and are not compared."""
    axe = require_axe()
    open_kind(page, site_url, built_site, kind, width)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{kind}-{width}.png", full_page=True)
    assert axe_violations(page, axe) == []
    # WCAG 1.4.10 Reflow: at 320 CSS px nothing may need horizontal scrolling.
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("kind", ["home", "item", "search"])
def test_every_control_is_reachable_by_tab_with_a_visible_focus_indicator(
    page: Page, site_url: str, built_site: Path, kind: str
) -> None:
    open_kind(page, site_url, built_site, kind, 1280)
    expected, visited = tab_through(page)
    assert visited and visited[0].html.startswith('<a class="skip-link" href="#main"'), (
        "the skip link is not the first Tab stop"
    )
    missed = [
        html for index, html in enumerate(expected) if str(index) not in {s.stop for s in visited}
    ]
    assert missed == [], "never reached by Tab"
    assert [s.html for s in visited if not s.indicated] == [], "no visible focus indicator"
    assert [s.html for s in visited if not s.visible] == [], "off screen while focused"


def test_the_result_count_is_announced_in_a_live_region(page: Page, site_url: str) -> None:
    """role=status is an implicit polite live region: screen readers read each new count."""
    page.goto(f"{site_url}/search/?q=agency+social+workers")
    live = page.locator("#search-status")
    expect(live).to_have_attribute("role", "status")
    expect(live).to_have_text(re.compile(r"^\d+ results? for “agency social workers”"))


def test_axe_catches_an_image_without_alt_text(browser: Browser) -> None:
    axe = require_axe()
    rules = netlify_rules(REPO_ROOT / "netlify.toml")
    page = browser.new_page()
    page.add_init_script(REPORT_CSP_VIOLATIONS)
    try:
        for fixture, expected in (("good", []), ("alt-less-image", ["image-alt"])):
            with serve_site(FIXTURES_DIR / fixture, rules) as url:
                page.goto(f"{url}/")
                assert [v.split(" ")[0] for v in axe_violations(page, axe)] == expected, fixture
    finally:
        page.close()
