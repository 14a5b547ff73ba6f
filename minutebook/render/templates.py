"""The Jinja environment: autoescaped, strict about undefined names, site-wide globals."""

from __future__ import annotations

from pathlib import Path

import jinja2
import markupsafe

from minutebook.config import SiteSettings
from minutebook.render.structured_data import json_ld


def make_environment(
    templates_dir: Path, site: SiteSettings, asset_version: str
) -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir),
        autoescape=True,  # every value is escaped unless a view marks it as rendered HTML
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    base_path = site.base_path

    def url(path: str) -> str:
        """A site URL ("/bradford/") as served under the base path ("/minutes/bradford/")."""
        return base_path + path.lstrip("/") if path.startswith("/") else path

    def absolute(path: str) -> str:
        return site.base_url + path.lstrip("/")

    environment.filters["url"] = url
    environment.filters["absolute"] = absolute
    environment.filters["plural"] = lambda count, word: (
        f"{count} {word}" + ("" if count == 1 else "s")
    )
    environment.filters["json_ld"] = lambda meta: markupsafe.Markup(json_ld(meta, site.base_url))
    environment.globals["site"] = site
    environment.globals["asset_version"] = asset_version
    return environment
