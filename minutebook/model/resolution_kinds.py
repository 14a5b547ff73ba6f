"""Resolution kinds: phrase rules, kept as data in config/resolution_kinds.yaml, that say
what sort of decision a resolution is (noted, agreed, referred, ...).

The rules are ordered: the first kind with a matching pattern wins, so the more specific
phrasings ("recommends to Council", "be deferred") sit above the general ones ("approved").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

from minutebook.diagnostics import ConfigError

DEFAULT_RULES_PATH = Path(__file__).resolve().parents[2] / "config" / "resolution_kinds.yaml"
FALLBACK_KIND = "other"
NO_RESOLUTION_KIND = "none"
_FIELDS = ("id", "label", "description")


@dataclass(frozen=True)
class ResolutionKind:
    id: str
    label: str
    description: str
    patterns: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class KindRules:
    kinds: tuple[ResolutionKind, ...]

    def by_id(self, kind_id: str) -> ResolutionKind:
        return self._by_id[kind_id]

    @cached_property
    def _by_id(self) -> dict[str, ResolutionKind]:
        return {kind.id: kind for kind in self.kinds}


def _compile(pattern: object, where: str) -> re.Pattern[str]:
    if not isinstance(pattern, str):
        raise ConfigError(f"{where}: a pattern must be a string, got {pattern!r}")
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as error:
        raise ConfigError(f"{where}: invalid regular expression {pattern!r}: {error}") from None


def _parse_kind(entry: object, where: str) -> ResolutionKind:
    if not isinstance(entry, dict):
        raise ConfigError(f"{where}: each kind must be a mapping with id, label, description")
    for field in _FIELDS:
        if not isinstance(entry.get(field), str) or not entry[field].strip():
            raise ConfigError(f"{where}: '{field}' must be a non-empty string")
    unknown = sorted(set(entry) - {*_FIELDS, "patterns"})
    if unknown:
        raise ConfigError(
            f"{where}: unknown keys {unknown}; valid keys: id, label, description, patterns"
        )
    patterns = entry.get("patterns") or []
    if not isinstance(patterns, list):
        raise ConfigError(f"{where}: 'patterns' must be a list of regular expressions")
    compiled = tuple(_compile(p, f"{where}.patterns[{i}]") for i, p in enumerate(patterns))
    return ResolutionKind(entry["id"], entry["label"], entry["description"], compiled)


def parse_kind_rules(data: object, source_path: str) -> KindRules:
    """Check and compile the rules; every problem names the file and the entry."""
    if not isinstance(data, dict) or not isinstance(data.get("kinds"), list):
        raise ConfigError(f"{source_path}: expected a top-level 'kinds:' list")
    kinds = [_parse_kind(e, f"{source_path}: kinds[{i}]") for i, e in enumerate(data["kinds"])]
    ids = [kind.id for kind in kinds]
    duplicates = sorted({kind_id for kind_id in ids if ids.count(kind_id) > 1})
    if duplicates:
        raise ConfigError(f"{source_path}: duplicate kind ids {duplicates}")
    for required in (FALLBACK_KIND, NO_RESOLUTION_KIND):
        if required not in ids:
            raise ConfigError(f"{source_path}: the kind '{required}' must be listed")
    return KindRules(tuple(kinds))


def load_kind_rules(path: Path) -> KindRules:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror}") from None
    except yaml.YAMLError as error:
        raise ConfigError(f"{path}: not valid YAML: {error}") from None
    return parse_kind_rules(data, str(path))


def classify_resolution(text: str, rules: KindRules) -> str:
    """The id of the first kind whose pattern matches; `other` when none does."""
    for kind in rules.kinds:
        if any(pattern.search(text) for pattern in kind.patterns):
            return kind.id
    return FALLBACK_KIND


def classify_with_lead_in(text: str, lead_in: str, rules: KindRules) -> str:
    """As `classify_resolution`, but a list headed "RECOMMENDED that" or "Recommended to
    Council:" makes each otherwise plain item ("the estimates be approved") a recommendation."""
    kind = classify_resolution(text, rules)
    weak = kind in (FALLBACK_KIND, "agreed")
    if weak and lead_in and classify_resolution(lead_in, rules) == "recommended":
        return "recommended"
    return kind
