"""The build stamp: a fingerprint of everything a build reads, kept beside the output folder,
so a rebuild with nothing changed can stop after a few `stat` calls instead of rebuilding.

Content files are fingerprinted by path, size and modification time (as make and git do),
not by reading them: at 100,000 items reading every file would cost more than the budget for
a no-op rebuild. Like git's "racy clean" rule, a file modified within RACY_SECONDS of the last
build's start is never trusted, because its timestamp cannot tell two quick edits apart.
Code, templates, static files and configuration are small, so they are hashed by content.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from minutebook import config as configuration

RACY_SECONDS = 2.0
STAMP_VERSION = 1


@dataclass(frozen=True)
class Stamp:
    fingerprint: str
    newest_input_ns: int  # the newest content file modification time seen
    started_ns: int  # when the build that wrote this stamp began
    output_identity: tuple[int, int]  # (inode, mtime) of the published output folder
    items: int
    pages: int
    pages_indexed: int
    # What the last build reported, replayed so a skipped build still reports every problem.
    diagnostics: tuple[tuple[str, str, str, str, int | None], ...]


def stamp_path(output_dir: Path) -> Path:
    """Beside the output folder, not in it: hosts publish everything inside."""
    output_dir = output_dir.resolve()
    return output_dir.with_name(f".{output_dir.name}.minutebook-stamp.json")


def fingerprint(content_dir: Path, config_dir: Path, settings: Iterable[str]) -> tuple[str, int]:
    """(fingerprint of every build input, newest content modification time in ns)."""
    digest = hashlib.sha256(f"stamp {STAMP_VERSION}\n".encode())
    digest.update(code_digest(site_inputs(config_dir), settings).encode())
    newest = 0
    for path, status in _files(content_dir):
        newest = max(newest, status.st_mtime_ns)
        digest.update(f"content {path} {status.st_size} {status.st_mtime_ns}\n".encode())
    return digest.hexdigest(), newest


def site_inputs(config_dir: Path) -> list[Path]:
    """Everything besides content that shapes the site: code, templates, static files, config."""
    return [
        configuration.PACKAGE_ROOT / "minutebook",
        configuration.TEMPLATES_DIR,
        configuration.STATIC_DIR,
        config_dir,
        configuration.NETLIFY_TOML,
    ]


def code_digest(inputs: Iterable[Path], settings: Iterable[str]) -> str:
    """A hash of the given files and folders (by content and path within each input) and
    settings. Not by absolute path: the hash reaches the published search manifest (as part of
    each block's pages fingerprint), which must not depend on where the code is installed."""
    digest = hashlib.sha256()
    for setting in settings:
        digest.update(f"setting {setting}\n".encode())
    for number, folder in enumerate(inputs):
        found = [(str(folder), folder.stat())] if folder.is_file() else _files(folder)
        for path, _ in found:
            digest.update(f"file {number} {os.path.relpath(path, folder)}\n".encode())
            digest.update(hashlib.sha256(Path(path).read_bytes()).digest())
    return digest.hexdigest()


def is_up_to_date(
    stamp: Stamp | None, current: str, newest_input_ns: int, output_dir: Path
) -> bool:
    if stamp is None or stamp.fingerprint != current:
        return False
    if newest_input_ns >= stamp.started_ns - int(RACY_SECONDS * 1e9):
        return False  # edited too close to the last build for its timestamp to be trusted
    return output_dir.is_dir() and _identity(output_dir) == stamp.output_identity


def read_stamp(output_dir: Path) -> Stamp | None:
    try:
        data = json.loads(stamp_path(output_dir).read_text(encoding="utf-8"))
        data["output_identity"] = tuple(data["output_identity"])
        data["diagnostics"] = tuple(tuple(d) for d in data["diagnostics"])
        return Stamp(**data)
    except (OSError, ValueError, TypeError, KeyError):
        return None  # missing or unreadable: simply build


def write_stamp(output_dir: Path, stamp: Stamp) -> None:
    path = stamp_path(output_dir)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(stamp.__dict__, sort_keys=True), encoding="utf-8")
    os.replace(temporary, path)


def forget_stamp(output_dir: Path) -> None:
    stamp_path(output_dir).unlink(missing_ok=True)


def output_identity(output_dir: Path) -> tuple[int, int]:
    return _identity(output_dir)


def now_ns() -> int:
    return time.time_ns()


def _identity(folder: Path) -> tuple[int, int]:
    status = folder.stat()
    return status.st_ino, status.st_mtime_ns


def _files(folder: Path) -> list[tuple[str, os.stat_result]]:
    """Every file under `folder` (sorted; caches and hidden folders skipped).

    Plain strings and os.stat, not pathlib: at 100,000 files pathlib's per-path objects cost
    more than the stat calls themselves."""
    found: list[tuple[str, os.stat_result]] = []
    if not folder.is_dir():
        return found
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != "__pycache__")
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            try:
                found.append((path, os.stat(path)))  # a link's target, whose edits matter
            except OSError:
                found.append((path, os.lstat(path)))  # a broken link: the build reports it
    return found
