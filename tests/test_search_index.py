"""The search index: Pagefind over item pages only, made byte-identical for the same content."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from minutebook.diagnostics import Diagnostics, ToolError
from minutebook.index import cbor, search
from minutebook.index.canonical import canonicalise_bundle
from minutebook.index.documents import NotAnItemPage, search_document
from minutebook.index.search import IndexResult, index_site
from minutebook.index.shards import MAX_PAGES, SearchShard, plan_shards
from minutebook.pipeline import BuildOptions, check_content
from tests.conftest import Project, item_file


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def built_without_index(
    project: Project, max_pages: int = MAX_PAGES
) -> tuple[Path, list[SearchShard]]:
    """The project's pages and its shard plan, ready to be indexed by hand."""
    assert project.build().exit_code == 0
    diagnostics = Diagnostics()
    archive = check_content(BuildOptions(project.content, project.site), diagnostics)
    return project.site, plan_shards(archive, max_pages)


def indexed_copy(
    site: Path,
    shards: list[SearchShard],
    target: Path,
    previous: Path | None = None,
    heard: list[int] | None = None,
) -> IndexResult:
    shutil.copytree(site, target)
    return index_site(
        target, shards, previous, on_progress=(heard if heard is not None else []).append
    )


# Testshire's 3 items and Otherton's 2 do not fit in one shard of 3: two shards.
TWO_SHARDS = 3


def write_two_councils(project: Project) -> None:
    for number in range(1, 4):
        project.write(f"t{number}.md", item_file(item=str(number), title=f"Testshire {number}"))
    for number in range(1, 3):
        project.write(
            f"o{number}.md",
            item_file(
                council="Otherton Borough Council", item=str(number), title=f"Other {number}"
            ),
        )


def test_search_index_covers_item_pages_only_and_is_byte_identical(
    project: Project, tmp_path: Path
) -> None:
    topics = "topics: [budget, performance, audit-and-risk, scrutiny]"
    for number in range(1, 6):
        project.write(
            f"{number}.md",
            item_file(item=str(number), title=f"Item {number}", extra_front_matter=topics),
        )
    first = project.run("build")
    assert first.exit_code == 0, first.err
    assert "5 indexed for search" in first.out
    shards = json.loads((project.site / "pagefind" / "shards.json").read_text())["shards"]
    assert [(s["name"], s["pages"]) for s in shards] == [("testshire", 5)]
    entry = json.loads(
        (project.site / "pagefind" / "testshire" / "pagefind-entry.json").read_text()
    )
    assert entry["languages"]["en"]["page_count"] == 5
    site, plan = built_without_index(project)
    before = None
    for run in range(4):  # Pagefind's own order changes from run to run; one index can miss it
        indexed_copy(site, plan, tmp_path / f"cold{run}")
        after = files_of(tmp_path / f"cold{run}" / "pagefind")
        assert before is None or after == before
        before = after


def test_an_unchanged_site_reuses_every_shard_and_matches_a_cold_index(
    project: Project, tmp_path: Path
) -> None:
    """Issue 6: a shard whose pages have not changed is copied from the last build."""
    write_two_councils(project)
    site, shards = built_without_index(project, TWO_SHARDS)
    assert len(shards) == 2
    heard: list[int] = []  # the progress display hears each shard's pages, built or reused
    cold = indexed_copy(site, shards, tmp_path / "cold", heard=heard)
    assert (cold.pages_indexed, cold.shards_built, cold.shards_reused) == (5, 2, 0)
    assert sorted(heard) == [2, 3]
    heard.clear()
    warm = indexed_copy(site, shards, tmp_path / "warm", tmp_path / "cold", heard)
    assert (warm.pages_indexed, warm.shards_built, warm.shards_reused) == (5, 0, 2)
    assert sorted(heard) == [2, 3]
    assert files_of(tmp_path / "warm" / "pagefind") == files_of(tmp_path / "cold" / "pagefind")


def test_editing_one_page_reindexes_only_its_shard(project: Project, tmp_path: Path) -> None:
    write_two_councils(project)
    site, shards = built_without_index(project, TWO_SHARDS)
    indexed_copy(site, shards, tmp_path / "before")
    project.write("o2.md", item_file(council="Otherton Borough Council", item="2", title="Edited"))
    site, shards = built_without_index(project, TWO_SHARDS)
    again = indexed_copy(site, shards, tmp_path / "again", previous=tmp_path / "before")
    assert (again.shards_built, again.shards_reused) == (1, 1)
    cold = files_of(tmp_path / "again" / "pagefind")
    assert indexed_copy(site, shards, tmp_path / "cold").shards_built == 2
    assert files_of(tmp_path / "cold" / "pagefind") == cold
    before = files_of(tmp_path / "before" / "pagefind")
    changed = {path.split("/")[0] for path in set(cold) ^ set(before)}
    changed |= {
        path.split("/")[0] for path in set(cold) & set(before) if cold[path] != before[path]
    }
    assert changed == {"otherton", "shards.json"}


def test_a_failing_pagefind_run_is_a_tool_error_with_its_output(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project.write("a.md", item_file())
    site, shards = built_without_index(project)
    monkeypatch.setattr(search, "LANGUAGE", ["--no-such-option"])
    with pytest.raises(ToolError, match=r"(?s)search shard testshire.*no-such-option"):
        index_site(site, shards)


def test_cbor_round_trips_the_shapes_pagefind_uses() -> None:
    value = ["1.5.2", [["en_abc", 35], ["en_def", 132]], [[1, 2, "x"]], True, None, -3, b"\x00"]
    assert cbor.decode(cbor.encode(value)) == value
    assert cbor.encode(cbor.decode(cbor.encode(value))) == cbor.encode(value)


def test_filter_files_list_values_in_order(project: Project) -> None:
    project.write("a.md", item_file(extra_front_matter="topics: [scrutiny, budget, performance]"))
    project.run("build")
    paths = list((project.site / "pagefind").glob("*/filter/*.pf_filter"))
    assert paths
    for path in paths:
        name, values = cbor.decode(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd") :])
        assert [v[0] for v in values] == sorted(v[0] for v in values), name


def test_pagefind_makes_the_same_bundle_from_search_documents_as_from_whole_pages(
    project: Project, tmp_path: Path
) -> None:
    """documents.py: Pagefind reads only the title and the indexed article of a page."""
    write_two_councils(project)
    site, shards = built_without_index(project)
    [shard] = shards
    from_documents = indexed_copy(site, shards, tmp_path / "documents")
    assert from_documents.shards_built == 1
    whole_pages = tmp_path / "whole-pages"
    search.run_pagefind(site, whole_pages)
    canonicalise_bundle(whole_pages)
    assert files_of(whole_pages) == files_of(tmp_path / "documents" / "pagefind" / shard.name)


def test_a_change_outside_the_indexed_article_reindexes_nothing(
    project: Project, tmp_path: Path
) -> None:
    """Related items, timelines and the stylesheet's version are not indexed, so a change there
    (an edit to another item, a new stylesheet) must not cost a Pagefind run."""
    write_two_councils(project)
    site, shards = built_without_index(project, TWO_SHARDS)
    indexed_copy(site, shards, tmp_path / "before")
    page = site / shards[0].pages[0]
    html = page.read_text(encoding="utf-8")
    assert html.count("</article>") == 1
    page.write_text(html.replace("</article>", "</article>\n<p>Not indexed</p>"), "utf-8")
    outside = indexed_copy(site, shards, tmp_path / "outside", tmp_path / "before")
    assert (outside.shards_built, outside.shards_reused) == (0, 2)
    page.write_text(html.replace("</h1>", " (amended)</h1>"), encoding="utf-8")
    inside = indexed_copy(site, shards, tmp_path / "inside", tmp_path / "before")
    assert (inside.shards_built, inside.shards_reused) == (1, 1)


def test_a_page_without_an_indexed_article_is_refused_by_name() -> None:
    with pytest.raises(NotAnItemPage, match=r"^about/index\.html: no <title>"):
        search_document(
            b"<html><head><title>About</title></head><body></body></html>", "about/index.html"
        )
