"""The golden site: the shipped content/ built without search, checked in under tests/golden/.

`python -m tests.golden --refresh` (or `make golden`) rebuilds it; review the diff, then commit.
"""

from __future__ import annotations

import argparse
import io
import shutil
import sys
import tempfile
from pathlib import Path

from minutebook.cli import main

REPO_ROOT = Path(__file__).resolve().parent.parent
GOLDEN_DIR = REPO_ROOT / "tests" / "golden" / "site"


def build_shipped_site(output_dir: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    args = [
        "build",
        "--content",
        str(REPO_ROOT / "content"),
        "--output",
        str(output_dir),
        "--config",
        str(REPO_ROOT / "config"),
        "--no-search",
        "--strict",
    ]
    code = main(args, out, err)
    if code != 0:
        raise RuntimeError(f"the shipped content does not build (exit {code}):\n{err.getvalue()}")


def site_files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def refresh() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        built = Path(scratch) / "site"
        build_shipped_site(built)
        shutil.rmtree(GOLDEN_DIR, ignore_errors=True)
        shutil.copytree(built, GOLDEN_DIR)
    print(f"Refreshed {GOLDEN_DIR.relative_to(REPO_ROOT)}: review `git diff` before committing.")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--refresh", action="store_true", required=True)
    parser.parse_args()
    refresh()
    sys.exit(0)
