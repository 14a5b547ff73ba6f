"""The security headers are strict and identical on every host, and no page needs an exception."""

from __future__ import annotations

from pathlib import Path

from tests.site.headers import (
    headers_file_rules,
    headers_for,
    netlify_rules,
    page_policy_problems,
    security_header_problems,
)
from tests.site.links import load_site
from tests.site.sitebuild import REPO_ROOT

NETLIFY_TOML = REPO_ROOT / "netlify.toml"


def test_netlify_sends_strict_security_headers_on_every_path() -> None:
    rules = netlify_rules(NETLIFY_TOML)
    assert "/*" in rules, "netlify.toml has no [[headers]] rule for /*"
    assert security_header_problems(headers_for(rules, "/any/page/")) == []


def test_the_csp_sits_on_one_line_of_netlify_toml() -> None:
    lines = [
        line
        for line in NETLIFY_TOML.read_text(encoding="utf-8").splitlines()
        if "Content-Security-Policy" in line
    ]
    assert len(lines) == 1
    assert "frame-ancestors" in lines[0] and "script-src" in lines[0]


def test_the_built_headers_file_matches_netlify_toml(built_site: Path) -> None:
    written = headers_file_rules((built_site / "_headers").read_text(encoding="utf-8"))
    assert written == netlify_rules(NETLIFY_TOML)


def test_no_page_has_inline_code_styles_or_handlers(built_site: Path) -> None:
    site = load_site(built_site)
    problems = [p for url, scan in site.pages.items() for p in page_policy_problems(url, scan)]
    assert problems == []
