"""Planning the search shards: whole councils packed up to a size, a big council cut into runs of
years (issue 6). Each shard's councils and years must be the filter values its item pages carry,
since the search page chooses shards by them."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from minutebook.diagnostics import Diagnostics
from minutebook.index.shards import SearchShard, plan_shards
from minutebook.model.archive import Archive
from minutebook.pipeline import BuildOptions, check_content
from tests.conftest import REPO_ROOT, Project, item_file

COUNCIL_FILTER = re.compile(r'data-pagefind-filter="council">([^<]*)<')
YEAR_FILTER = re.compile(r'data-pagefind-filter="year:([^"]*)"')


def archive_of(project: Project, config_dir: Path | None = None) -> Archive:
    options = BuildOptions(project.content, project.site)
    if config_dir is not None:
        options = BuildOptions(project.content, project.site, config_dir=config_dir)
    diagnostics = Diagnostics()
    archive = check_content(options, diagnostics)
    assert not diagnostics.items, diagnostics.items
    return archive


def write_items(project: Project, council: str, dates: list[str | None]) -> None:
    folder = council.split()[0].lower()
    for number, date in enumerate(dates, start=1):
        title = f"Item {number} of {date or 'undated'}"
        project.write(
            f"{folder}/{number}.md",
            item_file(title=title, council=council, date=date, item=str(number)),
        )


def assert_filters_match_pages(project: Project, shards: list[SearchShard]) -> None:
    """Every page of a shard carries its council filter value and one of its year values."""
    for shard in shards:
        for output_path in shard.pages:
            html = (project.site / output_path).read_text(encoding="utf-8")
            assert "data-pagefind-body" in html
            [council] = COUNCIL_FILTER.findall(html)
            assert council in shard.councils
            assert YEAR_FILTER.findall(html)[0] in shard.years


def test_small_councils_are_packed_whole_into_shards_with_their_pages_filter_values(
    project: Project,
) -> None:
    write_items(project, "Testshire County Council", ["2019-06-12", None, "2021-03-04"])
    write_items(project, "Otherton Borough Council", ["2020-02-01"])
    assert project.build().exit_code == 0
    archive = archive_of(project)
    together = plan_shards(archive)
    assert [(s.name, s.councils, s.years) for s in together] == [
        (
            "otherton--testshire",
            ("Otherton", "Testshire"),
            ("2019", "2020", "2021", "Date not recorded"),
        ),
    ]
    apart = plan_shards(archive, max_pages=3)  # 1 + 3 pages do not fit in one shard of 3
    assert [(s.name, s.councils, s.years) for s in apart] == [
        ("otherton", ("Otherton",), ("2020",)),
        ("testshire", ("Testshire",), ("2019", "2021", "Date not recorded")),
    ]
    item_pages = {p.relative_to(project.site).as_posix() for p in project.site.rglob("*.html")}
    item_pages = {p for p in item_pages if "data-pagefind-body" in (project.site / p).read_text()}
    for shards in (together, apart):
        assert sorted(page for shard in shards for page in shard.pages) == sorted(item_pages)
        assert_filters_match_pages(project, shards)


def test_a_big_council_is_cut_into_runs_of_consecutive_years_within_the_limit(
    project: Project,
) -> None:
    dates = ["2019-01-10", "2019-05-10", "2020-03-03", "2021-01-01", "2021-02-02", None]
    write_items(project, "Testshire County Council", dates)
    assert project.build().exit_code == 0
    shards = plan_shards(archive_of(project), max_pages=3)
    assert [(s.name, s.years, len(s.pages)) for s in shards] == [
        ("testshire-2019-2020", ("2019", "2020"), 3),
        ("testshire-2021-undated", ("2021", "Date not recorded"), 3),
    ]
    assert len({page for shard in shards for page in shard.pages}) == len(dates)
    assert_filters_match_pages(project, shards)


def test_one_year_bigger_than_the_limit_stays_whole(project: Project) -> None:
    dates = ["2020-01-01", "2020-02-02", "2020-03-03", "2021-01-01"]
    write_items(project, "Testshire County Council", dates)
    assert project.build().exit_code == 0
    shards = plan_shards(archive_of(project), max_pages=2)
    assert [(s.name, len(s.pages)) for s in shards] == [
        ("testshire-2020", 3),
        ("testshire-2021", 1),
    ]


def test_councils_marked_noindex_are_searched_as_before(project: Project) -> None:
    """`noindex` asks search engines to skip a council; its item pages still carry
    data-pagefind-body, so our own search has always indexed them, and still does."""
    config = project.root / "config"
    shutil.copytree(REPO_ROOT / "config", config)
    councils = config / "councils.yaml"
    councils.write_text(
        councils.read_text("utf-8") + "  - name: Hiddenshire Council\n"
        "    short: Hiddenshire\n    noindex: true\n",
        encoding="utf-8",
    )
    write_items(project, "Testshire County Council", ["2020-01-01"])
    write_items(project, "Hiddenshire Council", ["2020-01-01"])
    assert project.build("--config", str(config)).exit_code == 0
    shards = plan_shards(archive_of(project, config))
    assert [(s.name, s.councils) for s in shards] == [
        ("hiddenshire--testshire", ("Hiddenshire", "Testshire"))
    ]
    assert_filters_match_pages(project, shards)


def test_the_plan_is_the_same_every_time(project: Project) -> None:
    write_items(project, "Testshire County Council", ["2019-01-01", "2020-01-01", None])
    write_items(project, "Otherton Borough Council", ["2020-02-01", "2018-02-01"])
    first = plan_shards(archive_of(project), max_pages=1)
    assert first == plan_shards(archive_of(project), max_pages=1)
    assert [s.name for s in first] == sorted(s.name for s in first)
    assert all(list(s.pages) == sorted(s.pages) for s in first)
