"""Redirects: a published URL never stops working. config/redirects.yaml lists old → new URLs;
the build writes them to `_redirects` (Netlify and Cloudflare Pages, as 301s) and, for hosts
without that file, as a small page at the old address with a meta refresh and a link."""

from __future__ import annotations

import html
import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from minutebook.config import read_yaml_map
from minutebook.diagnostics import ConfigError
from minutebook.model.urls import output_path

_SITE_URL = re.compile(r"^/(?:[a-z0-9-]+/)*$")


@dataclass(frozen=True)
class Redirect:
    old_url: str
    new_url: str


def load_redirects(path: Path, page_urls: Collection[str]) -> tuple[Redirect, ...]:
    """Each `from` must be a folder URL no page uses now; each `to` a page that exists."""
    data = read_yaml_map(path, optional=True)
    redirects: list[Redirect] = []
    for entry in data.get("redirects") or []:
        if not isinstance(entry, dict) or not all(
            isinstance(entry.get(k), str) for k in ("from", "to")
        ):
            raise ConfigError(f"{path}: each redirect needs 'from' and 'to' URLs, got {entry!r}")
        old, new = entry["from"], entry["to"]
        if not _SITE_URL.match(old):
            raise ConfigError(f"{path}: 'from' must be a site URL like /a/b/, got {old!r}")
        if old in page_urls:
            raise ConfigError(f"{path}: {old} is a page of the archive; it cannot redirect")
        if new not in page_urls:
            raise ConfigError(f"{path}: redirect target {new} is not a page of the archive")
        redirects.append(Redirect(old, new))
    return tuple(redirects)


def redirect_files(
    redirects: tuple[Redirect, ...], base_url: str, base_path: str
) -> list[tuple[str, bytes]]:
    if not redirects:
        return []
    lines = [
        f"{base_path}{r.old_url.lstrip('/')} {base_path}{r.new_url.lstrip('/')} 301"
        for r in redirects
    ]
    files = [("_redirects", ("\n".join(lines) + "\n").encode("utf-8"))]
    files += [(output_path(r.old_url), redirect_page(r, base_url)) for r in redirects]
    return files


def redirect_page(redirect: Redirect, base_url: str) -> bytes:
    target = html.escape(base_url + redirect.new_url.lstrip("/"), quote=True)
    page = f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>This record has moved</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{target}">
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<main>
<h1>This record has moved</h1>
<p>Its permanent address is now <a href="{target}">{target}</a>.</p>
</main>
</body>
</html>
"""
    return page.encode("utf-8")
