"""Shared test helpers: small inline projects built in-process, and paths to the real repo."""

from __future__ import annotations

import io
import os
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from minutebook.cli import main

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = REPO_ROOT.parent / "shared"


@dataclass
class RunResult:
    exit_code: int
    out: str
    err: str


@dataclass
class Project:
    """A scratch project: content files written from strings, built with the real CLI."""

    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def site(self) -> Path:
        return self.root / "site"

    def write(self, relative: str, text: str) -> Path:
        path = self.content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def run(self, *args: str) -> RunResult:
        out, err = io.StringIO(), io.StringIO()
        command = list(args) or ["build"]
        base = ["--content", str(self.content), "--output", str(self.site)]
        if command[0] in ("build", "check", "serve"):
            command = [command[0], *base, *command[1:]]
        else:
            command = ["build", *base, *command]
        code = main(command, out, err)
        return RunResult(code, out.getvalue(), err.getvalue())

    def build(self, *args: str) -> RunResult:
        """Build without the search index (fast); tests of search pass no flag to `run`."""
        return self.run("build", "--no-search", *args)

    def page(self, url: str) -> str:
        return (self.site / url.strip("/") / "index.html").read_text(encoding="utf-8")

    def age_content(self) -> None:
        """Date every content file well before any build, so that none is "racy" (stamp.py)
        and only its size can say it changed."""
        for path in self.content.rglob("*.md"):
            os.utime(path, (OLD_TIMESTAMP, OLD_TIMESTAMP))


OLD_TIMESTAMP = 1_600_000_000


def file_tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` by relative path, with its bytes."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.fixture
def project(tmp_path: Path) -> Project:
    project = Project(tmp_path)
    project.content.mkdir()
    return project


def item_file(
    title: str = "Budget Monitoring Report",
    council: str = "Testshire County Council",
    committee: str = "Cabinet",
    date: str | None = "2021-03-04",
    item: str | None = "5",
    body: str = "## Resolved\n\nThat the report be noted.\n",
    extra_front_matter: str = "",
) -> str:
    """A valid content file; tests change one thing at a time."""
    lines = ["---", f"council: {council}", f"committee: {committee}", f"title: {title}"]
    if date is not None:
        lines.append(f"date: {date}")
    if item is not None:
        lines.append(f'item: "{item}"')
    if extra_front_matter:
        lines.append(extra_front_matter.strip("\n"))
    return "\n".join([*lines, "---", "", body])
