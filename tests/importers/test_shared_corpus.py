"""The importer scored against the shared, hand-annotated corpus (when it is present)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
MANIFEST = SHARED / "corpus" / "manifest.yaml"

sys.path.insert(0, str(ROOT / "bench"))
from eval_importer import evaluate, summary  # noqa: E402

from minutebook.model.resolution_kinds import DEFAULT_RULES_PATH, load_kind_rules  # noqa: E402


@pytest.mark.skipif(not MANIFEST.exists(), reason=f"shared corpus not present at {MANIFEST}")
def test_importer_meets_the_targets_on_the_shared_corpus() -> None:
    score, report = evaluate(MANIFEST, load_kind_rules(DEFAULT_RULES_PATH))

    def share(values: list[bool]) -> float:
        return sum(values) / len(values)

    detail = summary(score) + "\n" + "\n".join(report)
    assert share(score.titles) >= 0.95, detail
    assert share(score.counts) >= 0.90, detail
    assert share(score.texts) >= 0.90, detail
    assert share(score.kinds) >= 0.85, detail
    assert score.kept[0] / score.kept[1] >= 0.99, detail
    assert score.invented == 0, detail
