"""The index stage: run Pagefind over the staged site to build its client-side search index.

Only item pages carry `data-pagefind-body`, so Pagefind indexes those and skips listings.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from minutebook.diagnostics import ToolError
from minutebook.index.canonical import canonicalise_bundle


@dataclass(frozen=True)
class IndexResult:
    pages_indexed: int
    log: str


def index_site(site_dir: Path) -> IndexResult:
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--force-language", "en"]
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise ToolError(f"Pagefind failed:\n{completed.stdout}\n{completed.stderr}".strip())
    canonicalise_bundle(site_dir / "pagefind")
    return IndexResult(_pages_indexed(completed.stdout), completed.stdout)


def _pages_indexed(log: str) -> int:
    for line in log.splitlines():
        words = line.strip().split()
        if line.strip().startswith("Indexed") and len(words) >= 3 and words[2].startswith("page"):
            return int(words[1])
    return 0
