"""Rebuilds: nothing changed → nothing rebuilt (and the same report); any change → a full
build whose output is byte-identical to a cold build of the same content."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from minutebook.cache.store import cache_path
from minutebook.stamp import RACY_SECONDS
from tests.conftest import Project, file_tree, item_file


def _built(project: Project) -> Project:
    project.write("a.md", item_file(title="Library opening hours"))
    project.write("b.md", item_file(title="Bus lane review", item="6"))
    project.age_content()
    assert project.build().exit_code == 0
    return project


def test_nothing_changed_is_reported_and_the_site_is_left_alone(project: Project) -> None:
    _built(project)
    before = {p: p.stat().st_mtime_ns for p in project.site.rglob("*")}
    again = project.build()
    assert again.exit_code == 0
    assert "up to date (2 items" in again.out
    assert {p: p.stat().st_mtime_ns for p in project.site.rglob("*")} == before


def test_an_edit_rebuilds_and_matches_a_cold_build(project: Project, tmp_path: Path) -> None:
    _built(project)
    path = project.content / "a.md"
    path.write_text(path.read_text().replace("noted", "noted and welcomed"))
    project.age_content()  # same timestamp as before: only the size says it changed
    result = project.build()
    assert "Built 2 items" in result.out
    assert "noted and welcomed" in project.page(_item_url(project, "library-opening-hours"))
    cold = Project(tmp_path / "cold")
    shutil.copytree(project.content, cold.content)
    assert cold.build().exit_code == 0
    assert file_tree(project.site) == file_tree(cold.site)


def test_a_racy_edit_is_not_trusted(project: Project) -> None:
    """Edited within RACY_SECONDS of the build, same size and timestamp: still rebuilt."""
    _built(project)
    path = project.content / "a.md"
    status = path.stat()
    path.write_text(path.read_text().replace("noted", "NOTED"))  # same size
    recent = time.time_ns() - int(RACY_SECONDS * 1e9) // 4  # just before the next build
    os.utime(path, ns=(recent, recent))
    assert project.build().exit_code == 0
    path.write_text(path.read_text().replace("NOTED", "noted"))
    os.utime(path, ns=(recent, recent))  # same size and timestamp as the build just seen
    assert status.st_size == path.stat().st_size
    assert "Built 2 items" in project.build().out


def test_problems_are_reported_again_when_nothing_changed(project: Project) -> None:
    project.write("a.md", item_file())
    project.write("bad.md", "---\ntitle: [unclosed\n---\n")
    project.age_content()
    first = project.build("--keep-going")
    second = project.build("--keep-going")
    assert "up to date" in second.out
    assert first.exit_code == second.exit_code == 1
    assert "bad.md:" in first.err
    assert second.err == first.err


def test_a_replaced_output_folder_or_force_rebuilds(project: Project) -> None:
    _built(project)
    shutil.rmtree(project.site)
    assert "Built 2 items" in project.build().out
    assert "Built 2 items" in project.build("--force").out


def test_changed_options_or_config_rebuild(project: Project) -> None:
    _built(project)
    assert "Built 2 items" in project.build("--base-url", "https://example.com/minutes/").out
    config = project.root / "config"
    assert "Built 2 items" in project.build("--config", str(_copy_config(config))).out
    (config / "site.yaml").write_text((config / "site.yaml").read_text() + "\n# edited\n")
    assert "Built 2 items" in project.build("--config", str(config)).out


def _copy_config(target: Path) -> Path:
    from minutebook.config import DEFAULT_CONFIG_DIR

    shutil.copytree(DEFAULT_CONFIG_DIR, target)
    return target


def _item_url(project: Project, slug: str) -> str:
    page = next(p for p in project.site.rglob("index.html") if slug in p.parent.name)
    return "/" + page.parent.relative_to(project.site).as_posix() + "/"


def test_an_edit_reuses_every_unchanged_file_and_page(project: Project, tmp_path: Path) -> None:
    _built(project)
    unchanged = project.site / _item_url(project, "bus-lane-review").strip("/") / "index.html"
    edited = project.site / _item_url(project, "library-opening-hours").strip("/") / "index.html"
    before = unchanged.stat().st_ino, edited.stat().st_ino
    path = project.content / "a.md"
    path.write_text(path.read_text().replace("noted", "noted and welcomed"))
    project.age_content()
    result = project.build()
    assert "Reused from the last build: 1 unchanged content files and" in result.out
    # The unchanged page is the very file of the last build (linked); the edited one is new.
    assert unchanged.stat().st_ino == before[0]
    assert edited.stat().st_ino != before[1]
    assert "noted and welcomed" in edited.read_text()
    cold = Project(tmp_path / "cold")
    shutil.copytree(project.content, cold.content)
    assert cold.build().exit_code == 0
    assert file_tree(project.site) == file_tree(cold.site)


FULL_BODY = (
    "Opening words.\n\n## Purpose\n\nTo review the CCTV contract.\n\n"
    "## Recommendations\n\nThat the contract be renewed.\n\n"
    "## Discussion\n\nMembers asked about costs.\n\n"
    "## Resolved\n\nThe committee:\n\n1. That the report be noted.\n\nVote: unanimous.\n\n"
    "## Reasons for the decision\n\nThe contract ends in May.\n"
)


@pytest.mark.parametrize(
    "old, new",
    [
        ("Opening words.", "Opening words, amended."),
        ("To review the CCTV", "To review the new CCTV"),
        ("That the contract be renewed.", "That the contract be ended."),
        ("asked about costs.", "asked about costs and CCTV."),
        ("The committee:", "The committee, after debate:"),
        ("That the report be noted.", "That the report be deferred."),
        ("Vote: unanimous.", "Vote: 5 for, 2 against."),
        ("ends in May.", "ends in June."),
        ("## Reasons for the decision", "## Background"),
    ],
)
def test_an_edit_to_any_part_of_an_items_text_is_published(
    project: Project, tmp_path: Path, old: str, new: str
) -> None:
    """Item pages are recognised as unchanged from their Markdown (render/item_text.py), so
    every part of that Markdown must reach the digest, and the page be rendered again."""
    project.write("a.md", item_file(body=FULL_BODY))
    project.write("b.md", item_file(title="Bus lane review", item="6"))
    project.age_content()
    assert project.build().exit_code == 0
    path = project.content / "a.md"
    path.write_text(path.read_text().replace(old, new))
    project.age_content()
    assert project.build().exit_code == 0
    assert new.removeprefix("## ") in project.page(_item_url(project, "budget-monitoring-report"))
    cold = Project(tmp_path / "cold")
    shutil.copytree(project.content, cold.content)
    assert cold.build().exit_code == 0
    assert file_tree(project.site) == file_tree(cold.site)


def test_problems_in_unchanged_files_are_reported_from_the_cache(project: Project) -> None:
    project.write("a.md", item_file(extra_front_matter="topics: [no-such-topic]"))
    project.write("b.md", item_file(title="Bus lane review", item="6"))
    project.write("bad.md", "---\ntitle: [unclosed\n---\n")
    project.age_content()
    first = project.build("--keep-going")
    (project.content / "b.md").write_text(item_file(title="Bus lane review", item="17"))
    project.age_content()
    second = project.build("--keep-going")
    assert "Reused from the last build: 2 unchanged content files" in second.out
    assert "no-such-topic" in first.err and "bad.md:" in first.err
    assert second.err == first.err


def test_force_changed_config_or_options_reuse_nothing(project: Project) -> None:
    _built(project)
    config = _copy_config(project.root / "config")
    for args in (
        ("--force",),
        ("--base-url", "https://example.com/minutes/"),
        ("--config", str(config)),
    ):
        result = project.build(*args)
        assert "Built 2 items" in result.out
        assert "Reused" not in result.out


def test_a_damaged_cache_is_started_afresh(project: Project, tmp_path: Path) -> None:
    _built(project)
    cache_path(project.site).write_bytes(b"not a database" * 100)
    (project.content / "b.md").write_text(item_file(title="Bus lane review", item="17"))
    project.age_content()
    assert "Built 2 items" in project.build().out
    (project.content / "b.md").write_text(item_file(title="Bus lane review", item="178"))
    project.age_content()
    assert "Reused from the last build: 1 unchanged content files" in project.build().out
    cold = Project(tmp_path / "cold")
    shutil.copytree(project.content, cold.content)
    assert cold.build().exit_code == 0
    assert file_tree(project.site) == file_tree(cold.site)


def test_the_site_does_not_depend_on_where_content_and_config_are(tmp_path: Path) -> None:
    """Search included: each index block's pages fingerprint comes from the build's generation,
    which once hashed absolute paths."""
    first, second = Project(tmp_path / "one"), Project(tmp_path / "elsewhere" / "two")
    config = _copy_config(tmp_path / "config-copy")
    for project, args in ((first, ()), (second, ("--config", str(config)))):
        project.write("a.md", item_file(title="Library opening hours"))
        assert project.run("build", *args).exit_code == 0
    assert file_tree(first.site) == file_tree(second.site)
