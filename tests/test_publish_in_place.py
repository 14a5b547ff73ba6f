"""A rebuild updates the published site in place (write/output.py): it moves in only what
changed, removes what is stale, never touches an unchanged file, leaves the site as it was when
the build fails, and is finished by the next build when it is stopped part way."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from minutebook import pipeline
from minutebook.write import output
from tests.conftest import Project, file_tree, item_file


def _identities(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file()
    }


def _built(project: Project, *args: str) -> Project:
    project.write("a.md", item_file(title="Library opening hours"))
    project.write("b.md", item_file(title="Bus lane review", item="6"))
    project.write("c.md", item_file(title="Parking charges", item="7"))
    project.age_content()
    assert project.run("build", *args).exit_code == 0
    return project


def _edit(project: Project) -> None:
    """Edit one item, remove another and add a third."""
    path = project.content / "a.md"
    path.write_text(path.read_text().replace("noted", "noted and welcomed"))
    (project.content / "c.md").unlink()
    project.write("d.md", item_file(title="Allotment rents", item="8"))
    project.age_content()


def _cold(project: Project, tmp_path: Path, *args: str) -> dict[str, bytes]:
    cold = Project(tmp_path / "cold")
    shutil.copytree(project.content, cold.content)
    assert cold.run("build", *args).exit_code == 0
    return file_tree(cold.site)


def _siblings(project: Project) -> list[str]:
    """What sits beside the output folder apart from the build's own stamp and cache."""
    return sorted(
        p.name
        for p in project.site.parent.iterdir()
        if p.name.startswith(f".{project.site.name}")
        and not p.name.endswith(("-stamp.json", ".sqlite", ".sqlite-wal", ".sqlite-shm"))
    )


@pytest.mark.parametrize("search", [True, False], ids=["with search", "no search"])
def test_an_update_in_place_matches_a_cold_build(
    project: Project, tmp_path: Path, search: bool
) -> None:
    args = () if search else ("--no-search",)
    _built(project, *args)
    removed_page = next(p for p in project.site.rglob("index.html") if "parking" in str(p))
    kept_inode = (project.site / "static" / "style.css").stat().st_ino
    # Not at the top: a new entry there would change the site folder's identity (a site the
    # build did not leave as it was is rebuilt whole, not updated).
    stray = project.site / "static" / "old" / "stray.txt"
    stray.parent.mkdir()
    stray.write_text("left by hand")
    _edit(project)
    assert project.run("build", *args).exit_code == 0
    assert (project.site / "static" / "style.css").stat().st_ino == kept_inode  # not swapped
    assert not removed_page.exists() and not removed_page.parent.exists()
    assert not stray.parent.exists()
    assert file_tree(project.site) == _cold(project, tmp_path, *args)
    assert _siblings(project) == []  # no journal or staging folder left behind


def test_an_update_in_place_leaves_every_unchanged_file_untouched(project: Project) -> None:
    _built(project)
    before = _identities(project.site)
    contents = file_tree(project.site)
    _edit(project)
    assert project.run("build").exit_code == 0
    after = _identities(project.site)
    new_contents = file_tree(project.site)
    unchanged = [p for p in before if p in new_contents and contents[p] == new_contents[p]]
    assert "static/style.css" in unchanged
    assert any(p.startswith("search/index/blocks/") for p in unchanged)
    # Same inode and timestamp: the very file, not rewritten, so rsync skips it.
    assert [p for p in unchanged if after[p] != before[p]] == []
    changed = [p for p in before if p in new_contents and contents[p] != new_contents[p]]
    assert changed and all(after[p][0] != before[p][0] for p in changed)


def test_a_build_that_fails_leaves_the_published_site_as_it_was(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    _built(project)
    before, identities = file_tree(project.site), _identities(project.site)
    _edit(project)

    def failing_index(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("minutebook.pipeline.index_site", failing_index)
    with pytest.raises(OSError, match="disk full"):
        project.run("build")
    assert file_tree(project.site) == before
    assert _identities(project.site) == identities
    assert _siblings(project) == []


def test_an_update_stopped_part_way_is_finished_by_the_next_build(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _built(project)
    before = file_tree(project.site)
    _edit(project)
    real_replace = os.replace
    calls = []

    def replace_then_stop(source: object, target: object) -> None:
        calls.append(target)
        if len(calls) == 3:  # the journal, then one file moved in: then the power goes
            raise KeyboardInterrupt
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(output.os, "replace", replace_then_stop)
    assert project.run("build").exit_code == 130  # interrupted
    monkeypatch.setattr(output.os, "replace", real_replace)
    assert output.journal_path(project.site).is_file()
    assert file_tree(project.site) != before  # half updated: one file moved in
    assert project.run("build").exit_code == 0
    assert not output.journal_path(project.site).exists()
    assert file_tree(project.site) == _cold(project, tmp_path)
    assert _siblings(project) == []


def test_recovery_alone_completes_the_journal(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The journal names everything still to do: recovering from it, with no rebuild, gives
    the site the stopped build would have published."""
    _built(project)
    _edit(project)
    monkeypatch.setattr(output, "_apply", lambda *args: None)  # stopped before any move
    assert project.run("build").exit_code == 0
    monkeypatch.undo()
    output.recover(project.site)
    assert file_tree(project.site) == _cold(project, tmp_path)


def test_a_site_removed_during_an_update_is_not_replaced_by_the_changes_alone(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The staging folder of an update holds only what changed: it must never become the site."""
    _built(project)
    _edit(project)
    real_index_site = pipeline.index_site

    def remove_site_then_index(*args: object, **kwargs: object) -> object:
        shutil.rmtree(project.site)
        return real_index_site(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "index_site", remove_site_then_index)
    result = project.run("build")
    assert result.exit_code == 2
    assert "removed during the build" in result.err
    assert not project.site.exists()
    assert _siblings(project) == []


def test_a_journal_of_another_version_is_not_applied(project: Project) -> None:
    _built(project)
    before = file_tree(project.site)
    journal = output.journal_path(project.site)
    journal.write_text(
        '{"version": 99, "staging": "/nowhere", "move": [], "remove": ["index.html"]}'
    )
    result = project.run("build")
    assert result.exit_code == 2
    assert "a build journal from another Minutebook" in result.err
    assert file_tree(project.site) == before
