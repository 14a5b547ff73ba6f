"""The glossary: acronyms that fill minutes, with their expansions (config/glossary.yaml).

Archive-wide terms apply everywhere; a council's own terms (under `councils:`, by the council's
full name) are added for its items only, since "DCF" means one post at one council.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from minutebook.config import read_yaml_map
from minutebook.diagnostics import ConfigError


@dataclass(frozen=True)
class Glossary:
    terms: dict[str, str]  # acronym → expansion, archive-wide
    councils: dict[str, dict[str, str]]  # council full name → its own terms

    def terms_for(self, council: str) -> dict[str, str]:
        return {**self.terms, **self.councils.get(council, {})}


def load_glossary(path: Path) -> Glossary:
    data = read_yaml_map(path, optional=True)
    councils = data.get("councils") or {}
    if not isinstance(councils, dict):
        raise ConfigError(f"{path}: 'councils' must map council names to terms")
    return Glossary(
        _terms(data.get("terms") or {}, path),
        {str(name): _terms(terms, path) for name, terms in councils.items()},
    )


def _terms(data: Any, path: Path) -> dict[str, str]:
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise ConfigError(f"{path}: terms must map an acronym to its expansion, got {data!r}")
    return dict(sorted(data.items()))


def term_pattern(terms: dict[str, str]) -> re.Pattern[str] | None:
    """Whole-word, case-sensitive (so "SEND" is not "send"), with an optional plural "s"."""
    if not terms:
        return None
    words = sorted(terms, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")(s?)\b")


def terms_used(text: str, terms: dict[str, str]) -> list[str]:
    if not any(term in text for term in terms):  # exact: a term must occur to match
        return []
    pattern = term_pattern(terms)
    if pattern is None:
        return []
    return list(dict.fromkeys(m.group(1) for m in pattern.finditer(text)))
