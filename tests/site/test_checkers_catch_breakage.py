"""Each static checker fails on a handmade page that breaks its rule, and passes `good/`.

Without these, a checker that silently checks nothing would look exactly like a clean site.
"""

from __future__ import annotations

from tests.site.headers import csp_problems, page_policy_problems
from tests.site.htmlscan import scan_html
from tests.site.links import broken_links, duplicate_ids, load_site, orphan_pages
from tests.site.sitebuild import FIXTURES_DIR
from tests.site.tools import require_vnu
from tests.site.vnu import vnu_errors

STRICT_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; base-uri 'none'; frame-ancestors 'none'"


def test_the_good_site_passes_every_static_check() -> None:
    site = load_site(FIXTURES_DIR / "good")
    assert (broken_links(site), duplicate_ids(site), orphan_pages(site)) == ([], [], [])
    assert [p for url, scan in site.pages.items() for p in page_policy_problems(url, scan)] == []


def test_a_dead_link_fails_the_link_check() -> None:
    problems = broken_links(load_site(FIXTURES_DIR / "dead-link"))
    assert len(problems) == 1 and "/no-such-page/ does not exist" in problems[0]


def test_a_link_to_a_missing_fragment_fails_the_link_check() -> None:
    problems = broken_links(load_site(FIXTURES_DIR / "dead-fragment"))
    assert len(problems) == 1 and "no id='nowhere'" in problems[0]


def test_a_duplicate_id_fails() -> None:
    assert duplicate_ids(load_site(FIXTURES_DIR / "duplicate-id")) == [
        "/: id='twice' appears more than once"
    ]


def test_an_unlinked_page_is_reported_as_an_orphan() -> None:
    assert orphan_pages(load_site(FIXTURES_DIR / "orphan")) == ["/lonely/"]


def test_an_inline_script_fails_the_csp_check() -> None:
    site = load_site(FIXTURES_DIR / "inline-script")
    problems = page_policy_problems("/", site.pages["/"])
    assert len(problems) == 1 and problems[0].startswith("/: inline <script> at line")


def test_styles_handlers_and_javascript_urls_fail_the_csp_check() -> None:
    scan = scan_html(
        '<style>p{}</style><p style="x" onclick="y"><a href="javascript:void(0)">a</a></p>'
    )
    problems = page_policy_problems("/", scan)
    assert [p.split(" at ")[0] for p in problems] == [
        "/: inline <style>",
        "/: style attribute",
        "/: event handler attribute",
        "/: javascript: URL",
    ]


def test_json_ld_is_data_not_an_inline_script() -> None:
    """Browsers never execute a JSON-LD block, and CSP does not apply to it."""
    assert scan_html('<script type="application/ld+json">{}</script>').inline_scripts == []


def test_a_weak_csp_fails_the_header_check() -> None:
    assert csp_problems(STRICT_CSP) == []
    weak = STRICT_CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    assert csp_problems(weak) == ["script-src allows 'unsafe-inline'"]
    wasm = STRICT_CSP.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'")
    assert csp_problems(wasm) == ["script-src allows 'wasm-unsafe-eval'"]
    assert csp_problems(STRICT_CSP.replace("; ", ";\n")) == [
        "Content-Security-Policy spans more than one line"
    ]


def test_invalid_html_fails_vnu_and_good_html_passes() -> None:
    java, jar = require_vnu()
    errors = vnu_errors(java, jar, FIXTURES_DIR)  # every fixture in one JVM start
    assert not [error for error in errors if error.startswith("/good/")]
    invalid = [error for error in errors if error.startswith("/invalid-html/")]
    assert len(invalid) == 1 and "not allowed as child of element “ul”" in invalid[0]
