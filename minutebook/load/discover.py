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
    on the machine, so it is an error rather than followed.
    """
    root = content_dir.resolve()
    found: list[ContentFile] = []
    for dirpath, dirnames, filenames in os.walk(content_dir, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        _report_linked_folders(content_dir, Path(dirpath), dirnames, root, diagnostics)
        for name in sorted(filenames):
            if not name.endswith(".md") or name.startswith("."):
                continue
            file_path = Path(dirpath) / name
            source_path = _display_path(content_dir, file_path)
            problem = _unreadable(file_path, root)
            if problem:
                diagnostics.error("load.not-a-file", problem, source_path)
                continue
            if not _inside(file_path.resolve(), root):
                diagnostics.error(
                    "load.outside", "links to a file outside the content folder", source_path
                )
                continue
            found.append(ContentFile(source_path, file_path))
    return found


def _report_linked_folders(
    content_dir: Path, folder: Path, names: list[str], root: Path, diagnostics: Diagnostics
) -> None:
    """os.walk does not descend into symlinked folders; say so when one points outside."""
    for name in names:
        linked = folder / name
        if linked.is_symlink() and not _inside(linked.resolve(), root):
            diagnostics.error(
                "load.outside",
                "folder links outside the content folder; not read",
                _display_path(content_dir, linked),
            )


def _unreadable(file_path: Path, root: Path) -> str | None:
    """Why a path cannot be read as a content file (a broken or looping link, a device…)."""
    try:
        target = file_path.resolve(strict=True)
    except (OSError, RuntimeError):
        return "is a broken or looping link; not read"
    if not target.is_file():
        return "is not a regular file; not read"
    return None


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _display_path(content_dir: Path, file_path: Path) -> str:
    relative = file_path.relative_to(content_dir).as_posix()
    return f"{content_dir.as_posix().rstrip('/')}/{relative}"
