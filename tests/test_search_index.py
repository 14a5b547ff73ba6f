"""The search index: Pagefind over item pages only, made byte-identical for the same content."""

from __future__ import annotations

import gzip
import json

from minutebook.index import cbor
from tests.conftest import Project, item_file


def files_of(project: Project) -> dict[str, bytes]:
    return {
        p.relative_to(project.site).as_posix(): p.read_bytes()
        for p in sorted(project.site.rglob("*"))
        if p.is_file()
    }


def test_search_index_covers_item_pages_only_and_is_byte_identical(project: Project) -> None:
    topics = "topics: [budget, performance, audit-and-risk, scrutiny]"
    for number in range(1, 6):
        project.write(
            f"{number}.md",
            item_file(item=str(number), title=f"Item {number}", extra_front_matter=topics),
        )
    first = project.run("build")
    assert first.exit_code == 0, first.err
    assert "5 indexed for search" in first.out
    before = files_of(project)
    for _ in range(4):  # Pagefind's own order changes from run to run; one rebuild can miss it
        project.run("build")
        assert files_of(project) == before
    entry = json.loads((project.site / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == 5


def test_cbor_round_trips_the_shapes_pagefind_uses() -> None:
    value = ["1.5.2", [["en_abc", 35], ["en_def", 132]], [[1, 2, "x"]], True, None, -3, b"\x00"]
    assert cbor.decode(cbor.encode(value)) == value
    assert cbor.encode(cbor.decode(cbor.encode(value))) == cbor.encode(value)


def test_filter_files_list_values_in_order(project: Project) -> None:
    project.write("a.md", item_file(extra_front_matter="topics: [scrutiny, budget, performance]"))
    project.run("build")
    for path in (project.site / "pagefind" / "filter").glob("*.pf_filter"):
        name, values = cbor.decode(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd") :])
        assert [v[0] for v in values] == sorted(v[0] for v in values), name
