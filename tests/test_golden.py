"""The shipped archive builds exactly as the checked-in golden copy (`make golden` refreshes it)."""

from __future__ import annotations

import difflib
from pathlib import Path

from tests.golden import GOLDEN_DIR, build_shipped_site, site_files


def test_shipped_content_builds_exactly_as_the_golden_copy(tmp_path: Path) -> None:
    build_shipped_site(tmp_path / "site")
    built, golden = site_files(tmp_path / "site"), site_files(GOLDEN_DIR)
    assert sorted(built) == sorted(golden), "pages added or removed: run `make golden` and review"
    for name in built:
        if built[name] != golden[name]:
            diff = difflib.unified_diff(
                golden[name].decode(errors="replace").splitlines(),
                built[name].decode(errors="replace").splitlines(),
                f"golden/{name}",
                f"built/{name}",
                lineterm="",
                n=1,
            )
            raise AssertionError("\n".join(list(diff)[:60]))
