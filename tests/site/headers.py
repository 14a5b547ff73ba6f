"""The security headers the site ships (netlify.toml, and the build's _headers copy) and the
page rules that let a strict Content-Security-Policy hold without exceptions."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

from tests.site.htmlscan import PageScan

Headers = dict[str, str]
# A policy that blocks injected code: none of these may appear in script-src or style-src.
UNSAFE_SOURCES = (
    "'unsafe-inline'",
    "'unsafe-eval'",
    "'unsafe-hashes'",
    "'wasm-unsafe-eval'",  # the search page runs no WebAssembly
    "*",
    "data:",
    "http:",
    "https:",
)
REQUIRED_DIRECTIVES = {
    "default-src": "'none'",
    "frame-ancestors": "'none'",
    "base-uri": "'none'",
}
ONE_YEAR = 31_536_000


def netlify_rules(netlify_toml: Path) -> dict[str, Headers]:
    """`for` pattern → headers, from the `[[headers]]` tables."""
    config = tomllib.loads(netlify_toml.read_text(encoding="utf-8"))
    return {rule["for"]: dict(rule.get("values", {})) for rule in config.get("headers", [])}


def headers_file_rules(text: str) -> dict[str, Headers]:
    """Parse the Netlify/Cloudflare `_headers` format: a path line, then indented `Name: value`."""
    rules: dict[str, Headers] = {}
    current: Headers | None = None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            current = rules.setdefault(line.strip(), {})
        elif current is not None:
            name, _, value = line.strip().partition(":")
            current[name.strip()] = value.strip()
    return rules


def headers_for(rules: dict[str, Headers], url_path: str) -> Headers:
    """The headers a host would add to one response (`/*` matches every path)."""
    merged: Headers = {}
    for pattern, values in rules.items():
        if fnmatch.fnmatchcase(url_path, pattern):
            merged.update(values)
    return merged


def parse_csp(policy: str) -> dict[str, list[str]]:
    directives: dict[str, list[str]] = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = words[1:]
    return directives


def csp_problems(policy: str) -> list[str]:
    if "\n" in policy or "\r" in policy:
        return ["Content-Security-Policy spans more than one line"]
    directives = parse_csp(policy)
    problems = [
        f"{name} should be {value}, got {directives.get(name)}"
        for name, value in REQUIRED_DIRECTIVES.items()
        if directives.get(name) != [value]
    ]
    for name in ("script-src", "style-src", "default-src"):
        problems += [
            f"{name} allows {source}"
            for source in UNSAFE_SOURCES
            if source in directives.get(name, [])
        ]
    return problems


def security_header_problems(headers: Headers) -> list[str]:
    csp = headers.get("Content-Security-Policy")
    problems = csp_problems(csp) if csp else ["no Content-Security-Policy"]
    hsts = headers.get("Strict-Transport-Security", "")
    max_age = next(
        (int(p.split("=")[1]) for p in hsts.split(";") if p.strip().startswith("max-age=")), 0
    )
    if max_age < ONE_YEAR:
        problems.append(f"Strict-Transport-Security max-age under a year: {hsts!r}")
    if headers.get("X-Content-Type-Options") != "nosniff":
        problems.append("X-Content-Type-Options is not nosniff")
    if headers.get("Referrer-Policy") not in (
        "no-referrer",
        "strict-origin-when-cross-origin",
        "same-origin",
        "strict-origin",
    ):
        problems.append(f"weak or missing Referrer-Policy: {headers.get('Referrer-Policy')!r}")
    if not headers.get("Permissions-Policy"):
        problems.append("no Permissions-Policy")
    return problems


def page_policy_problems(page: str, scan: PageScan) -> list[str]:
    """What a strict CSP would block (inline code and styles) or what it exists to stop."""
    found = (
        [f"inline <script> at line {line}" for line in scan.inline_scripts]
        + [f"inline <style> at line {line}" for line in scan.inline_styles]
        + [f"style attribute at {where}" for where in scan.style_attributes]
        + [f"event handler attribute at {where}" for where in scan.handler_attributes]
        + [f"javascript: URL at {where}" for where in scan.javascript_urls]
    )
    return [f"{page}: {problem}" for problem in found]
