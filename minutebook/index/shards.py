"""Split the search index into shards of whole councils, or runs of years of one big council.

Pagefind holds every page of a run in memory and has no incremental mode, and the browser loads
the metadata of every index it searches. Shards bound both: each is indexed by its own Pagefind
run, rebuilt only when its pages change, and the search page loads only the shards that the
active filters can match (the council filter and the year filter name shard boundaries).

Councils are packed together up to `max_pages`: every shard the browser loads costs it a copy of
Pagefind's WebAssembly (72 KB) and a slice of index per query word, so an unfiltered search
should load few shards, while a one-council search still loads exactly one (a council is never
spread over shards unless it alone is bigger than `max_pages`).

Every item page is indexed, as before sharding: item pages carry `data-pagefind-body` whether
or not their council is marked `noindex` (that asks search engines, not our search, to skip it).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from minutebook.model.archive import Archive
from minutebook.model.entities import AgendaItem, Council
from minutebook.model.urls import UNDATED, output_path
from minutebook.render.views import DATE_NOT_RECORDED

# At ~300 KiB of Pagefind memory per page, two runs of 5,000 pages at once need ~3 GiB.
MAX_PAGES = 5000  # config/site.yaml's search_shard_pages overrides it


@dataclass(frozen=True)
class SearchShard:
    name: str  # a slug: the bundle's folder under pagefind/
    councils: tuple[str, ...]  # values of the `council` filter on its pages (short names)
    years: tuple[str, ...]  # values of the `year` filter on its pages, in order
    pages: tuple[str, ...]  # output paths of its item pages, sorted


def plan_shards(archive: Archive, max_pages: int = MAX_PAGES) -> list[SearchShard]:
    """Councils in slug order, packed into shards of at most `max_pages` pages; a council of more
    than `max_pages` items is cut into runs of consecutive years instead, each within
    `max_pages` unless one year alone is bigger."""
    shards: list[SearchShard] = []
    pack: list[Council] = []
    for council in sorted(archive.councils, key=lambda c: c.slug):
        size = len(council.items)
        if size > max_pages:
            shards.extend(_council_shards(council, max_pages))
            continue
        if pack and sum(len(c.items) for c in pack) + size > max_pages:
            shards.append(_packed_shard(pack))
            pack = []
        pack.append(council)
    if pack:
        shards.append(_packed_shard(pack))
    shards.sort(key=lambda shard: shard.name)
    names = [shard.name for shard in shards]
    if len(set(names)) != len(names):
        raise ValueError(f"search shard names collide: {sorted(names)}")
    return shards


def _packed_shard(councils: list[Council]) -> SearchShard:
    """Whole councils; named after the first and last of them ("ashbury--dunwick")."""
    by_year: dict[str, list[str]] = {}
    for council in councils:
        for year, year_pages in _pages_by_year(council.items).items():
            by_year.setdefault(year, []).extend(year_pages)
    ends = dict.fromkeys((councils[0].slug, councils[-1].slug))
    return SearchShard(
        "--".join(ends),
        tuple(c.short for c in councils),
        tuple(sorted(by_year, key=_year_order)),
        tuple(sorted(page for year_pages in by_year.values() for page in year_pages)),
    )


def _council_shards(council: Council, max_pages: int) -> Iterator[SearchShard]:
    by_year = _pages_by_year(council.items)
    for years in _year_runs(by_year, max_pages):
        pages = tuple(sorted(page for year in years for page in by_year[year]))
        yield SearchShard(_run_name(council.slug, years), (council.short,), years, pages)


def _pages_by_year(items: Iterable[AgendaItem]) -> dict[str, list[str]]:
    """Year filter value → output paths, years in order and the undated bucket last."""
    by_year: dict[str, list[str]] = {}
    for item in items:
        year = str(item.date.year) if item.date else DATE_NOT_RECORDED
        by_year.setdefault(year, []).append(output_path(item.url))
    return dict(sorted(by_year.items(), key=lambda entry: _year_order(entry[0])))


def _year_order(year: str) -> tuple[bool, str]:
    return (year == DATE_NOT_RECORDED, year)


def _year_runs(by_year: dict[str, list[str]], max_pages: int) -> Iterator[tuple[str, ...]]:
    """Consecutive years packed greedily into runs of at most `max_pages` pages."""
    run: list[str] = []
    size = 0
    for year, pages in by_year.items():
        if run and size + len(pages) > max_pages:
            yield tuple(run)
            run, size = [], 0
        run.append(year)
        size += len(pages)
    if run:
        yield tuple(run)


def _run_name(slug: str, years: tuple[str, ...]) -> str:
    ends = [UNDATED if year == DATE_NOT_RECORDED else year for year in (years[0], years[-1])]
    return "-".join([slug, *dict.fromkeys(ends)])
