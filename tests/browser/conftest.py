"""Fixtures for the browser tests: the site built once, served with its real headers, and one
headless Chromium for the whole session. Every page a test opens is watched for console errors,
uncaught exceptions and CSP violations; any of them fails the test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, ViewportSize, sync_playwright

from tests.browser.server import serve_site
from tests.site.headers import netlify_rules
from tests.site.sitebuild import DATED_CONTENT, REPO_ROOT, shared_site
from tests.site.tools import require_chromium

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Injected before any page script, and exempt from the page's CSP, so it reports every violation.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
});
"""
DESKTOP: ViewportSize = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def built_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shared_site(request.config, tmp_path_factory)


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    with serve_site(built_site, netlify_rules(REPO_ROOT / "netlify.toml")) as url:
        yield url


@pytest.fixture(scope="session")
def dated_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shared_site(request.config, tmp_path_factory, DATED_CONTENT)


@pytest.fixture(scope="session")
def dated_site_url(dated_site: Path) -> Iterator[str]:
    with serve_site(dated_site, netlify_rules(REPO_ROOT / "netlify.toml")) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    chromium = require_chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    # A UK reader's browser: dates and number formats follow the locale, not the page's lang.
    context = browser.new_context(viewport=DESKTOP, locale="en-GB", timezone_id="Europe/London")
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.add_init_script(REPORT_CSP_VIOLATIONS)
    problems: list[str] = []
    page.on("console", lambda message: _note_console(problems, message))
    page.on("pageerror", lambda error: problems.append(f"uncaught exception: {error}"))
    yield page
    context.close()
    if problems:
        pytest.fail("the page logged problems:\n" + "\n".join(problems), pytrace=False)


def _note_console(problems: list[str], message: ConsoleMessage) -> None:
    if message.type in ("error", "warning"):
        problems.append(f"console {message.type}: {message.text} ({message.location.get('url')})")
