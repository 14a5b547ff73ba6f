"""Discover content files: every `*.md` under the content folder, safely."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from minutebook.diagnostics import Diagnostics


@dataclass(frozen=True)
class ContentFile:
    source_path: (
        str  # as shown in messages: the content folder's name joined with the relative path
    )
    file_path: Path


def discover_content(content_dir: Path, diagnostics: Diagnostics) -> list[ContentFile]:
    """All Markdown files under `content_dir`, sorted, skipping any that resolve outside it.

    A symlink that points outside the content folder could make the build publish any file
    on the machine, so it is an error rather than followed. Linked folders are never entered.
    Only links are resolved: a plain file in a folder reached without links is inside by
    construction, and resolving every path cost more than the walk (at 100,000 files, 12.6 s
    against 3.9 s).
    """
    found: list[ContentFile] = []
    if content_dir.is_dir():
        shown = content_dir.as_posix().rstrip("/")
        _walk(content_dir, shown, content_dir.resolve(), found, diagnostics)
    return found


def _walk(
    folder: Path, shown: str, root: Path, found: list[ContentFile], diagnostics: Diagnostics
) -> None:
    with os.scandir(folder) as scanned:
        entries = sorted((e for e in scanned if not e.name.startswith(".")), key=lambda e: e.name)
    folders = []
    for entry in entries:
        source_path = f"{shown}/{entry.name}"
        if entry.is_dir(follow_symlinks=False):
            folders.append(entry)
        elif entry.is_symlink() and Path(entry.path).is_dir():
            if not _inside(Path(entry.path).resolve(), root):
                diagnostics.error(
                    "load.outside", "folder links outside the content folder; not read", source_path
                )
        elif entry.name.endswith(".md"):
            if (problem := _unreadable(entry, root)) is not None:
                code = "load.outside" if problem.startswith("links") else "load.not-a-file"
                diagnostics.error(code, problem, source_path)
            else:
                found.append(ContentFile(source_path, Path(entry.path)))
    for entry in folders:
        _walk(Path(entry.path), f"{shown}/{entry.name}", root, found, diagnostics)


def _unreadable(entry: os.DirEntry[str], root: Path) -> str | None:
    """Why an entry cannot be read as a content file (a broken or looping link, a device, a
    link out of the content folder), or None."""
    if entry.is_file(follow_symlinks=False):
        return None
    if not entry.is_symlink():
        return "is not a regular file; not read"
    try:
        target = Path(entry.path).resolve(strict=True)
    except (OSError, RuntimeError):
        return "is a broken or looping link; not read"
    if not target.is_file():
        return "is not a regular file; not read"
    if not _inside(target, root):
        return "links to a file outside the content folder"
    return None


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents
