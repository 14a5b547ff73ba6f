"""Build a site once per test session, for both the static and the browser checks."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
FIXTURES_DIR = REPO_ROOT / "tests" / "site_fixtures"
# The shipped content has no meeting dates yet, so sorting by date is tested on this small tree.
DATED_CONTENT = FIXTURES_DIR / "dated-content"

# tests/site and tests/browser each have a conftest; built sites live in the session's stash so
# that whichever asks first builds one and the other reuses it (one build per content tree).
_SITES_KEY = pytest.StashKey[dict[str, Path]]()


def build_site(
    output_dir: Path, content_dir: Path | None = None, config_dir: Path | None = None
) -> Path:
    """Build with the real command line, as Netlify does, search index included."""
    content = ["--content", str(content_dir)] if content_dir else []
    config = ["--config", str(config_dir)] if config_dir else []
    subprocess.run(
        [sys.executable, "build.py", "--output", str(output_dir), *content, *config],
        cwd=REPO_ROOT,
        check=True,
    )
    return output_dir


def config_with_block_size(folder: Path, block_docs: int) -> Path:
    """A copy of the shipped config/ whose search index blocks hold `block_docs` items."""
    shutil.copytree(REPO_ROOT / "config", folder)
    site = folder / "site.yaml"
    text = site.read_text(encoding="utf-8")
    site.write_text(
        re.sub(r"(?m)^search_block_docs: \d+$", f"search_block_docs: {block_docs}", text),
        encoding="utf-8",
    )
    assert f"search_block_docs: {block_docs}\n" in site.read_text(encoding="utf-8")
    return folder


def shared_site(
    config: pytest.Config,
    tmp_path_factory: pytest.TempPathFactory,
    content_dir: Path | None = None,
) -> Path:
    """The site built from content_dir (default: the shipped content/), built on first use."""
    sites = config.stash.setdefault(_SITES_KEY, {})
    key = str(content_dir or "content")
    if key not in sites:
        sites[key] = build_site(tmp_path_factory.mktemp("built") / "site", content_dir)
    return sites[key]
