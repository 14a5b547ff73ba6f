"""The load stage: content files → typed `ItemRecord`s, with every problem reported."""

from __future__ import annotations

from pathlib import Path

from minutebook.diagnostics import Diagnostics
from minutebook.load.body import read_body
from minutebook.load.discover import ContentFile, discover_content
from minutebook.load.frontmatter import split_front_matter
from minutebook.load.records import ItemRecord
from minutebook.load.schema import check_front_matter

MAX_FILE_BYTES = 2 * 1024 * 1024


def load_items(content_dir: Path, diagnostics: Diagnostics) -> list[ItemRecord]:
    """Every valid item under `content_dir`; each invalid file adds diagnostics instead."""
    return [
        record
        for content_file in discover_content(content_dir, diagnostics)
        if (record := load_item(content_file, diagnostics)) is not None
    ]


def load_item(content_file: ContentFile, diagnostics: Diagnostics) -> ItemRecord | None:
    raw = read_content(content_file, diagnostics)
    return None if raw is None else parse_item(content_file, raw, diagnostics)


def read_content(content_file: ContentFile, diagnostics: Diagnostics) -> bytes | None:
    """The file's bytes, or None (with an error) if it is too large to be an agenda item."""
    size = content_file.file_path.stat().st_size
    if size > MAX_FILE_BYTES:
        diagnostics.error(
            "load.too-large",
            f"file is {size / 1048576:.1f} MB; an agenda item may be at most 2 MB",
            content_file.source_path,
        )
        return None
    return content_file.file_path.read_bytes()


def parse_item(
    content_file: ContentFile, raw: bytes, diagnostics: Diagnostics
) -> ItemRecord | None:
    """The record in a content file's bytes, or None with every problem in `diagnostics`."""
    source_path = content_file.source_path
    text = _decoded(raw, source_path, diagnostics)
    if text is None:
        return None
    split = split_front_matter(text, source_path, diagnostics)
    if split is None:
        return None
    fields = check_front_matter(split.front_matter, split.key_lines, source_path, diagnostics)
    if fields is None:
        return None
    body = read_body(split.body, split.body_line, source_path, diagnostics)
    return ItemRecord(
        source_path=source_path,
        council=fields.council,
        committee=fields.committee,
        title=fields.title,
        date=fields.date,
        item=fields.item,
        topics=fields.topics,
        source=fields.source,
        documents=fields.documents,
        incomplete=fields.incomplete,
        matter=fields.matter,
        extra=fields.extra,
        sections=body.sections,
        resolution_lead_in=body.resolution_lead_in,
        resolutions=body.resolutions,
        resolution_closing=body.resolution_closing,
    )


def _decoded(raw: bytes, source_path: str, diagnostics: Diagnostics) -> str | None:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        diagnostics.error(
            "load.encoding",
            f"file is not UTF-8 (byte 0x{raw[error.start]:02x}); save it as UTF-8",
            source_path,
            line,
        )
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")
