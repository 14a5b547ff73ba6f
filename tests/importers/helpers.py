"""Fixtures in the style of each ModernGov layout, written for these tests (no council text)."""

from __future__ import annotations

import argparse
import io
import textwrap
from pathlib import Path

from minutebook.importers.command import add_import_arguments, run_import
from minutebook.importers.convert import ContentFile, PageFacts, convert_page

NBSP = "\u00a0"


def page(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def convert(text: str, **facts: str | None) -> list[ContentFile]:
    return convert_page(page(text), PageFacts(council="Exampleshire Council", **facts))


def resolved_section(content: ContentFile) -> str:
    body = content.text.split("## Resolved\n\n", 1)
    return body[1].split("\n## ", 1)[0].strip() if len(body) == 2 else ""


def run(argv: list[str]) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser()
    add_import_arguments(parser)
    out, err = io.StringIO(), io.StringIO()
    code = run_import(parser.parse_args(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(page(text), encoding="utf-8")
    return path
