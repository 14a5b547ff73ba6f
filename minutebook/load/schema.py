"""The front-matter schema: check each key and turn the raw mapping into typed values."""

from __future__ import annotations

import datetime as dt
import re
import reprlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from minutebook.diagnostics import Diagnostics
from minutebook.load.records import DocumentLink

REQUIRED_KEYS = ("council", "committee", "title")
OPTIONAL_KEYS = ("date", "item", "topics", "source", "documents", "incomplete", "matter", "extra")
VALID_KEYS = REQUIRED_KEYS + OPTIONAL_KEYS
MAX_FIELD_LENGTH = 500
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SAFE_URL = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)
_ITEM = re.compile(r"^[\w./() -]{1,20}$")


@dataclass(frozen=True)
class FrontMatter:
    council: str
    committee: str | None
    title: str
    date: dt.date | None
    item: str | None
    topics: tuple[str, ...]
    source: str | None
    documents: tuple[DocumentLink, ...]
    incomplete: bool
    matter: str | None
    extra: dict[str, Any]


class _Checker:
    """Checks one file's front matter, reporting each problem at its key's line."""

    def __init__(
        self, data: dict[str, Any], key_lines: dict[str, int], source_path: str, sink: Diagnostics
    ) -> None:
        self.data, self.key_lines, self.source_path, self.sink = data, key_lines, source_path, sink
        self.ok = True

    def fail(self, key: str, code: str, message: str) -> None:
        self.ok = False
        self.sink.error(code, message, self.source_path, self.key_lines.get(key, 2))

    def text(self, key: str, *, required: bool = False, nullable: bool = False) -> str | None:
        if key not in self.data:
            if required:
                self.fail(key, f"schema.{key}", f"'{key}' is required")
            return None
        value = self.data[key]
        if value is None and nullable:
            return None
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            self.fail(key, f"schema.{key}", f"'{key}' must be non-empty text, got {_show(value)}")
            return None
        if len(value) > MAX_FIELD_LENGTH or "\n" in value.strip():
            self.fail(key, f"schema.{key}", f"'{key}' must be one line of at most 500 characters")
            return None
        return " ".join(value.split())

    def checked(self, key: str, check: Callable[[Any], Any]) -> Any:
        if key not in self.data or self.data[key] is None:
            return None
        try:
            return check(self.data[key])
        except ValueError as problem:
            self.fail(key, f"schema.{key}", f"'{key}' {problem}")
            return None


def check_front_matter(
    data: dict[str, Any], key_lines: dict[str, int], source_path: str, sink: Diagnostics
) -> FrontMatter | None:
    checker = _Checker(data, key_lines, source_path, sink)
    for key in sorted(set(data) - set(VALID_KEYS), key=str):
        checker.fail(
            str(key),
            "schema.unknown-key",
            f"unknown key '{key}'; valid keys are: {', '.join(VALID_KEYS)}",
        )
    if "committee" not in data:
        checker.fail("committee", "schema.committee", "'committee' is required (null if unknown)")
    council = checker.text("council", required=True)
    committee = checker.text("committee", nullable=True)
    title = checker.text("title", required=True)
    item = checker.checked("item", _item_number)
    fields = FrontMatter(
        council=council or "",
        committee=committee,
        title=title or "",
        date=checker.checked("date", _date),
        item=item,
        topics=checker.checked("topics", _topic_ids) or (),
        source=checker.checked("source", _url),
        documents=checker.checked("documents", _documents) or (),
        incomplete=bool(checker.checked("incomplete", _boolean)),
        matter=checker.text("matter"),
        extra=checker.checked("extra", _mapping) or {},
    )
    return fields if checker.ok else None


_SHORT = reprlib.Repr()
_SHORT.maxlevel, _SHORT.maxstring, _SHORT.maxother = 2, 50, 50


def _show(value: Any) -> str:
    """A short picture of a bad value; reprlib caps depth, so nested YAML cannot recurse."""
    text = _SHORT.repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _date(value: Any) -> dt.date:
    text = str(value).strip()
    if not _DATE.match(text):
        raise ValueError(f"must be a date written YYYY-MM-DD, got {_show(value)}")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"is not a real date: {text}") from None


def _item_number(value: Any) -> str:
    text = str(value).strip() if isinstance(value, str | int) else ""
    if not _ITEM.match(text):
        raise ValueError(
            f'must be an item number as printed, like "7" or "35/20", got {_show(value)}'
        )
    return text


def _topic_ids(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"must be a list of topic ids, got {_show(value)}")
    return tuple(dict.fromkeys(v.strip() for v in value))


def _url(value: Any) -> str:
    if not isinstance(value, str) or not _SAFE_URL.match(value.strip()):
        raise ValueError(f"must be an http:// or https:// URL, got {_show(value)}")
    return value.strip()


def _documents(value: Any) -> tuple[DocumentLink, ...]:
    if not isinstance(value, list):
        raise ValueError("must be a list of {title, url} entries")
    links = []
    for entry in value:
        if not isinstance(entry, dict) or set(entry) - {"title", "url"} or "title" not in entry:
            raise ValueError(f"entries must have 'title' and 'url', got {_show(entry)}")
        links.append(DocumentLink(" ".join(str(entry["title"]).split()), _url(entry.get("url"))))
    return tuple(links)


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"must be true or false, got {_show(value)}")
    return value


def _mapping(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError(f"must be a map of free-form data, got {_show(value)}")
    return value
