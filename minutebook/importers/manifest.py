"""Reading an import manifest: a YAML list of {file, council, committee, date, source},
file paths relative to the manifest (the shape of the seeds' sources.yaml)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

import yaml

from minutebook.importers.convert import PageFacts


class ManifestError(Exception):
    """The manifest itself is unusable (a usage error: nothing is imported)."""


@dataclass(frozen=True)
class ManifestEntry:
    source_path: Path
    facts: PageFacts


def read_manifest(manifest_path: Path) -> list[ManifestEntry]:
    try:
        data = yaml.safe_load(manifest_path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ManifestError(f"{manifest_path}: cannot read manifest: {error}") from None
    if not isinstance(data, list):
        raise ManifestError(f"{manifest_path}: expected a YAML list of entries")
    return [_entry(manifest_path, index, entry) for index, entry in enumerate(data)]


def _entry(manifest_path: Path, index: int, entry: object) -> ManifestEntry:
    where = f"{manifest_path}: entry {index + 1}"
    if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
        raise ManifestError(f"{where}: each entry needs a 'file'")
    council = entry.get("council")
    if not isinstance(council, str) or not council.strip():
        raise ManifestError(f"{where}: 'council' must be given")
    facts = PageFacts(
        council=council,
        council_short=_optional(entry, "council_short", where),
        committee=_optional(entry, "committee", where),
        date=check_date(_optional(entry, "date", where), where),
        source=_optional(entry, "source", where),
    )
    return ManifestEntry(manifest_path.parent / entry["file"], facts)


def _optional(entry: dict[object, object], key: str, where: str) -> str | None:
    value = entry.get(key)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if value is not None and not isinstance(value, str):
        raise ManifestError(f"{where}: '{key}' must be text, got {value!r}")
    return value or None


def check_date(value: str | None, where: str) -> str | None:
    """A YYYY-MM-DD date, checked; the importer never makes one up."""
    if value is None:
        return None
    try:
        return (
            datetime.date.fromisoformat(value).isoformat()
            if len(value) == 10
            else _bad(value, where)
        )
    except ValueError:
        return _bad(value, where)


def _bad(value: str, where: str) -> str:
    raise ManifestError(f"{where}: date must be YYYY-MM-DD, got {value!r}")
