"""The benchmark's synthetic corpus: deterministic, the size asked for, and valid content."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import gen_corpus  # noqa: E402 (bench/ is not a package; it is put on the path just above)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.md")}


def test_same_seed_gives_identical_bytes(tmp_path: Path) -> None:
    gen_corpus.generate(tmp_path / "a", items=60, councils=5, years=2, seed=7)
    gen_corpus.generate(tmp_path / "b", items=60, councils=5, years=2, seed=7)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")


def test_different_seed_gives_different_corpus(tmp_path: Path) -> None:
    gen_corpus.generate(tmp_path / "a", items=60, councils=5, years=2, seed=7)
    gen_corpus.generate(tmp_path / "b", items=60, councils=5, years=2, seed=8)
    assert _files(tmp_path / "a") != _files(tmp_path / "b")


def test_item_and_council_counts_match_the_arguments(tmp_path: Path) -> None:
    written = gen_corpus.generate(tmp_path, items=75, councils=9, years=3, seed=1)
    files = list(tmp_path.rglob("*.md"))
    assert written == len(files) == 75
    assert len([p for p in tmp_path.iterdir() if p.is_dir()]) == 9
    councils = {yaml.safe_load(p.read_text().split("---")[1])["council"] for p in files}
    assert len(councils) == 9


def test_every_topic_id_is_a_topic_in_the_shipped_config() -> None:
    config = yaml.safe_load((ROOT / "config" / "topics.yaml").read_text(encoding="utf-8"))
    known = {topic["id"] for category in config["categories"] for topic in category["topics"]}
    used = set(gen_corpus.TOPIC_TEXT) | {t for ts in gen_corpus.COMMITTEES.values() for t in ts}
    assert used <= known


def test_generated_items_are_valid_minutebook_content(tmp_path: Path) -> None:
    gen_corpus.generate(tmp_path / "content", items=30, councils=3, years=2, seed=3)
    content = str(tmp_path / "content")
    completed = subprocess.run(
        [sys.executable, "build.py", "check", "--strict", "--content", content],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
