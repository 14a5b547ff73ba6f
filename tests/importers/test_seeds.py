"""The shipped content/ seed items are exactly what the importer makes of the seed pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds" / "sources.yaml"


@pytest.mark.skipif(not SEEDS.exists(), reason=f"shared seeds not present at {SEEDS}")
def test_seed_content_matches_a_fresh_import(tmp_path: Path) -> None:
    code, out, err = run(["--manifest", str(SEEDS), "--to", str(tmp_path)])
    assert (code, err) == (0, "")
    written = sorted(path.relative_to(tmp_path) for path in tmp_path.rglob("*.md"))
    assert len(written) == len(out.splitlines()) == 5
    for relative in written:
        shipped = ROOT / "content" / relative
        assert shipped.read_bytes() == (tmp_path / relative).read_bytes(), relative
