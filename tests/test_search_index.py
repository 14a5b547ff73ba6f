"""The search index (docs/search-index.md): every item page once, findable by its words and
filters, in date order, byte-identical for the same content, and rebuilt only where it changed."""

from __future__ import annotations

import datetime
import gzip
import itertools
import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest

from minutebook.diagnostics import Diagnostics
from minutebook.index.documents import NotAnItemPage, search_document
from minutebook.index.order import plan_documents
from minutebook.index.search import IndexResult, PageDigests, index_site
from minutebook.index.terms import terms
from minutebook.pipeline import BuildOptions, check_content
from tests.conftest import Project, item_file
from tests.searchindex import IndexReader

BLOCK = 2  # small blocks, so a handful of items spans several


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def built_without_index(project: Project) -> tuple[Path, list[str]]:
    """The project's pages and its document order, ready to be indexed by hand."""
    assert project.build().exit_code == 0
    archive = check_content(BuildOptions(project.content, project.site), Diagnostics())
    return project.site, plan_documents(archive)


def indexed_copy(
    site: Path,
    documents: list[str],
    target: Path,
    previous: Path | None = None,
    heard: list[int] | None = None,
) -> IndexResult:
    shutil.copytree(site, target)
    progress = (heard if heard is not None else []).append
    return index_site(target, documents, BLOCK, previous, on_progress=progress)


def write_items(project: Project) -> None:
    """Five items over three dates and two councils, one undated."""
    dates = ["2021-03-04", "2020-01-02", None, "2021-03-04", "2022-07-08"]
    for number, date in enumerate(dates, start=1):
        council = "Otherton Borough Council" if number % 2 == 0 else "Testshire County Council"
        body = f"## Resolved\n\nThat the report on harbour{number} works be noted.\n"
        title = f"Item {number} libraries"
        project.write(
            f"i{number}.md", item_file(title, council, date=date, item=str(number), body=body)
        )


def reader_of(site: Path) -> IndexReader:
    return IndexReader(site / "search" / "index")


def test_every_item_page_is_one_document_in_date_order_with_its_record(project: Project) -> None:
    write_items(project)
    assert project.run("build", "--config", str(small_blocks(project))).exit_code == 0
    index = reader_of(project.site)
    manifest = index.manifest
    item_pages = sorted(
        "/" + p.parent.relative_to(project.site).as_posix() + "/"
        for p in project.site.rglob("index.html")
        if "data-pagefind-body" in p.read_text(encoding="utf-8")
    )
    records = [index.record(n) for n in range(manifest["docs"])]
    assert sorted(r["url"] for r in records) == item_pages
    assert len(item_pages) == 5
    assert [b["docs"] for b in manifest["blocks"]] == [2, 2, 1]
    dates = [r["meta"]["date_iso"] for r in records]
    assert dates == [None, "2020-01-02", "2021-03-04", "2021-03-04", "2022-07-08"]
    assert manifest["undated"] == 1
    terms_dir = project.site / "search" / "index" / "terms"
    assert sorted(p.name for p in terms_dir.iterdir()) == sorted(
        f"{bucket}.bin" for bucket in range(manifest["term_buckets"])
    )  # every bucket, so the page never asks for a file that is not there
    assert [(b["first_date"], b["last_date"]) for b in manifest["blocks"]] == [
        ("2020-01-02", "2020-01-02"),
        ("2021-03-04", "2021-03-04"),
        ("2022-07-08", "2022-07-08"),
    ]
    assert records[4]["title"] == "Item 5 libraries"
    resolved = next(s for s in records[4]["sections"] if s["id"] == "resolved")
    assert "harbour5 works be noted" in resolved["text"]


def small_blocks(project: Project) -> Path:
    from tests.site.sitebuild import config_with_block_size

    return config_with_block_size(project.root / "config", BLOCK)


def test_each_document_is_found_by_its_words_and_its_filters(project: Project) -> None:
    write_items(project)
    assert project.run("build", "--config", str(small_blocks(project))).exit_code == 0
    index = reader_of(project.site)
    records = [index.record(n) for n in range(index.manifest["docs"])]
    for document, record in enumerate(records):
        for word in terms(record["title"]) + terms(" ".join(s["text"] for s in record["sections"])):
            assert document in index.documents_with(word), (word, record["url"])
    harbour = {n for n, r in enumerate(records) if "harbour3" in r["sections"][-1]["text"]}
    assert index.documents_with("harbour3") == harbour and len(harbour) == 1
    assert index.documents_with("library") == set(range(5))  # "libraries" in every title
    assert index.documents_with("nowhere") == set()
    otherton = {n for n, r in enumerate(records) if r["meta"]["council"] == "Otherton"}
    assert len(otherton) == 2
    assert index.documents_with("council=Otherton") == otherton
    councils = index.manifest["filters"]["council"]
    assert dict(zip(councils["values"], councils["counts"], strict=True)) == {
        "Otherton": 2,
        "Testshire": 3,
    }


def test_each_document_is_listed_under_every_pair_of_consecutive_words_it_holds(
    project: Project,
) -> None:
    """A quoted phrase's candidates are the documents listed under all its word pairs: a
    document missing from a pair it holds would never be found by that phrase."""
    write_items(project)
    assert project.run("build", "--config", str(small_blocks(project))).exit_code == 0
    index = reader_of(project.site)
    records = [index.record(n) for n in range(index.manifest["docs"])]
    for document, record in enumerate(records):
        for text in [record["title"], *(section["text"] for section in record["sections"])]:
            sequence = terms(text)
            for first, second in itertools.pairwise(sequence):
                assert document in index.documents_with_pair(first, second), (first, second)
    # Both words are in every document, never one after the other; nor across two texts.
    assert index.documents_with("report") == set(range(5)) == index.documents_with("library")
    assert index.documents_with_pair("report", "library") == set()
    assert index.documents_with_pair("library", "resolved") == set()  # title, then a heading
    harbour = {n for n, r in enumerate(records) if "harbour3 works" in r["sections"][-1]["text"]}
    assert index.documents_with_pair("harbour3", "work") == harbour and len(harbour) == 1


def test_facets_give_each_documents_day_and_filter_values(project: Project) -> None:
    write_items(project)
    assert project.run("build", "--config", str(small_blocks(project))).exit_code == 0
    index = reader_of(project.site)
    facets = [entry for block in range(3) for entry in index.facets(block)]
    for document, (day, values) in enumerate(facets):
        record = index.record(document)
        date = record["meta"]["date_iso"]
        expected_day = (
            0 if date is None else (datetime.date.fromisoformat(date).toordinal() - 693595)
        )
        assert day == expected_day, record["url"]
        assert values["council"] == [record["meta"]["council"]]
        assert values["year"] == [date[:4] if date else "Date not recorded"]
        assert values["kind"] == ["Noted"]


def test_the_manifest_names_the_newest_block_of_each_filter_value(project: Project) -> None:
    write_items(project)
    assert project.run("build", "--config", str(small_blocks(project))).exit_code == 0
    index = reader_of(project.site)
    last_block: dict[tuple[str, str], int] = {}
    for block in range(len(index.manifest["blocks"])):
        for _, values in index.facets(block):
            last_block.update({(name, v): block for name, vs in values.items() for v in vs})
    for name, listed in index.manifest["filters"].items():
        expected = [last_block[(name, value)] for value in listed["values"]]
        assert listed["newest"] == expected, name
    councils = index.manifest["filters"]["council"]
    assert sorted(councils["newest"]) != [2, 2], "the councils' newest blocks differ"


def test_the_title_weighs_more_than_the_body(project: Project) -> None:
    project.write("a.md", item_file("Harbour dredging", body="## Purpose\n\nHarbour and ferry.\n"))
    assert project.run("build").exit_code == 0
    index = reader_of(project.site)
    assert index.postings(0, "harbour")[0] > index.postings(0, "ferry")[0] > 0
    assert index.postings(0, "council=Testshire")[0] == 0


def test_an_unchanged_site_reuses_every_block_and_matches_a_cold_index(
    project: Project, tmp_path: Path
) -> None:
    write_items(project)
    site, documents = built_without_index(project)
    heard: list[int] = []  # the progress display hears each block's pages, built or reused
    cold = indexed_copy(site, documents, tmp_path / "cold", heard=heard)
    assert (cold.documents, cold.blocks_built, cold.blocks_reused) == (5, 3, 0)
    assert sorted(heard) == [1, 2, 2]
    heard.clear()
    warm = indexed_copy(site, documents, tmp_path / "warm", tmp_path / "cold", heard)
    assert (warm.documents, warm.blocks_built, warm.blocks_reused) == (5, 0, 3)
    assert sorted(heard) == [1, 2, 2]
    assert files_of(tmp_path / "warm" / "search") == files_of(tmp_path / "cold" / "search")


def test_blocks_whose_page_digests_match_are_reused_without_reading_a_page(
    project: Project, tmp_path: Path
) -> None:
    write_items(project)
    site, documents = built_without_index(project)
    digests = PageDigests("generation 1", {path: path.encode() for path in documents})
    shutil.copytree(site, tmp_path / "cold")
    index_site(tmp_path / "cold", documents, BLOCK, page_digests=digests)
    shutil.copytree(site, tmp_path / "warm")
    for path in documents:  # reading any page would now fail
        (tmp_path / "warm" / path).write_text("<p>no indexed article</p>")
    warm = index_site(tmp_path / "warm", documents, BLOCK, tmp_path / "cold", page_digests=digests)
    assert (warm.blocks_built, warm.blocks_reused) == (0, 3)
    assert files_of(tmp_path / "warm" / "search") == files_of(tmp_path / "cold" / "search")
    other = PageDigests("generation 2", digests.digests)  # other templates: read them again
    with pytest.raises(NotAnItemPage):
        index_site(tmp_path / "warm", documents, BLOCK, tmp_path / "cold", page_digests=other)


def test_editing_one_item_rebuilds_only_its_block_and_matches_a_cold_index(
    project: Project, tmp_path: Path
) -> None:
    """The edit also brings a new committee, which renumbers the committee filter's values:
    the reused blocks' facets must follow."""
    write_items(project)
    site, documents = built_without_index(project)
    indexed_copy(site, documents, tmp_path / "before")
    edited = item_file("Edited", "Otherton Borough Council", "Aardvark Panel", "2020-01-02", "2")
    project.write("i2.md", edited)
    site, documents = built_without_index(project)
    again = indexed_copy(site, documents, tmp_path / "again", tmp_path / "before")
    assert (again.blocks_built, again.blocks_reused) == (1, 2)
    cold = indexed_copy(site, documents, tmp_path / "cold")
    assert cold.blocks_built == 3
    assert files_of(tmp_path / "again" / "search") == files_of(tmp_path / "cold" / "search")
    before, after = files_of(tmp_path / "before" / "search"), files_of(tmp_path / "cold" / "search")
    changed = {path for path in set(before) | set(after) if before.get(path) != after.get(path)}
    rebuilt = {p.split("/")[2] for p in changed if "/blocks/" in p and "facets" not in p}
    assert rebuilt == {"0"}  # item 2 (2020-01-02) is the second document, in block 0
    assert {p for p in changed if p.endswith("facets.bin")} == {
        f"index/blocks/{block}/facets.bin" for block in range(3)
    }


class DictRecords:
    """A record store in memory, standing in for the build cache."""

    def __init__(self) -> None:
        self.rows: dict[bytes, bytes] = {}

    def get(self, page_digest: bytes) -> bytes | None:
        return self.rows.get(page_digest)

    def put(self, records: Sequence[tuple[bytes, bytes]]) -> None:
        self.rows.update(records)


def test_a_rebuilt_block_reads_only_its_changed_pages(project: Project, tmp_path: Path) -> None:
    write_items(project)
    site, documents = built_without_index(project)
    store = DictRecords()
    digests = {path: f"digest of {path}".encode() for path in documents}
    shutil.copytree(site, tmp_path / "before")
    index_site(
        tmp_path / "before",
        documents,
        BLOCK,
        None,
        1,
        lambda n: None,
        PageDigests("g", digests),
        lambda: store,
    )
    project.write("i2.md", item_file("Edited", "Otherton Borough Council", date="2020-01-02"))
    site, documents = built_without_index(project)
    shutil.copytree(site, tmp_path / "again")
    edited = documents[1]
    for path in documents:  # only the edited page may be read
        if path != edited:
            (tmp_path / "again" / path).write_text("<p>no indexed article</p>")
    digests[edited] = b"new digest"
    again = index_site(
        tmp_path / "again",
        documents,
        BLOCK,
        tmp_path / "before",
        1,
        lambda n: None,
        PageDigests("g", digests),
        lambda: store,
    )
    assert (again.blocks_built, again.blocks_reused) == (1, 2)
    shutil.copytree(site, tmp_path / "cold")
    index_site(tmp_path / "cold", documents, BLOCK, page_digests=PageDigests("g", digests))
    assert files_of(tmp_path / "again" / "search") == files_of(tmp_path / "cold" / "search")


def test_a_change_outside_the_indexed_article_reindexes_nothing(
    project: Project, tmp_path: Path
) -> None:
    """Related items, timelines and the stylesheet's version are not indexed, so a change there
    (an edit to another item, a new stylesheet) must not rebuild a block."""
    write_items(project)
    site, documents = built_without_index(project)
    indexed_copy(site, documents, tmp_path / "before")
    page = site / documents[0]
    html = page.read_text(encoding="utf-8")
    assert html.count("</article>") == 1
    page.write_text(html.replace("</article>", "</article>\n<p>Not indexed</p>"), "utf-8")
    outside = indexed_copy(site, documents, tmp_path / "outside", tmp_path / "before")
    assert (outside.blocks_built, outside.blocks_reused) == (0, 3)
    page.write_text(html.replace("</h1>", " (amended)</h1>"), encoding="utf-8")
    inside = indexed_copy(site, documents, tmp_path / "inside", tmp_path / "before")
    assert (inside.blocks_built, inside.blocks_reused) == (1, 2)
    assert 0 in reader_of(tmp_path / "inside").documents_with("amended")


def test_a_page_without_an_indexed_article_is_refused_by_name() -> None:
    with pytest.raises(NotAnItemPage, match=r"^about/index\.html: no <title>"):
        search_document(
            b"<html><head><title>About</title></head><body></body></html>", "about/index.html"
        )


def test_every_block_has_every_posting_and_pair_bucket_file_even_an_empty_one(
    project: Project,
) -> None:
    """The search page fetches the newest block's postings before the dictionary says which
    buckets hold its words: a missing bucket file would be a 404."""
    project.write("one.md", item_file("Harbour", "Testshire County Council", body="Noted.\n"))
    assert project.run("build").exit_code == 0  # blocks of 4096 documents: 256 buckets each
    index = reader_of(project.site)
    buckets = index.manifest["block_buckets"]
    folder = project.site / "search" / "index" / "blocks" / "0"
    for kind in ("p", "w"):  # postings and word pairs
        names = {p.name for p in folder.glob(f"{kind}*.bin")}
        assert names == {f"{kind}{bucket}.bin" for bucket in range(buckets)}
        sizes = [len(gzip.decompress((folder / name).read_bytes())) for name in sorted(names)]
        assert 0 in sizes, "one item's few words should leave some of the 256 buckets empty"
        assert any(sizes), "and fill others"
