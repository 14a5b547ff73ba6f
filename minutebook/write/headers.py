"""HTTP headers: netlify.toml is the one place they are written down; `_headers` is derived
from it for hosts (Netlify, Cloudflare Pages) that read that file from the site itself."""

from __future__ import annotations

import tomllib
from pathlib import Path

from minutebook.diagnostics import ConfigError


def headers_file(netlify_toml: Path) -> bytes:
    try:
        config = tomllib.loads(netlify_toml.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{netlify_toml}: cannot read headers: {error}") from None
    lines: list[str] = []
    for rule in config.get("headers", []):
        lines.append(rule["for"])
        lines.extend(f"  {name}: {value}" for name, value in rule.get("values", {}).items())
    return ("\n".join(lines) + "\n").encode("utf-8")
