"""The index stage: write Minutebook's search index (docs/search-index.md) for the item pages
in the staging folder.

Blocks are built in worker processes, each from its own pages alone; a block whose search
documents have the same fingerprint as a block of the previous build is linked from there
instead of built (or, when the site is updated in place, left where it is if it keeps its
number). The parent then writes what spans blocks: each block's facets file (filter
values are numbered across the archive), the term dictionary and the manifest.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from minutebook.index.blocks import (
    FACETS,
    FILTERS,
    BlockSummary,
    block_folder,
    build_block,
    facets_file,
    read_summary,
)
from minutebook.index.dictionary import dictionary_files
from minutebook.index.manifest import (
    MANIFEST,
    EarlierBlock,
    PreviousIndex,
    fingerprint,
    fingerprint_salt,
    manifest_bytes,
    pages_fingerprint,
    previous_index,
)
from minutebook.index.sources import (
    OpenRecordStore,
    RecordStore,
    block_pages,
    store_summary,
    stored_summary,
)
from minutebook.parallel import run_shared
from minutebook.write import output

MIN_DOCUMENTS_PER_WORKER = 400


@dataclass(frozen=True)
class IndexResult:
    documents: int
    blocks_built: int
    blocks_reused: int
    fingerprints: tuple[str, ...] = ()  # of every block, in order
    kept_folders: frozenset[str] = frozenset()  # blocks left in place in the published site


@dataclass(frozen=True)
class _Block:
    fingerprint: str
    pages_fingerprint: str | None
    summary: BlockSummary
    reused: bool
    kept: bool = False  # left in place in the published site, under the same number


@dataclass(frozen=True)
class PageDigests:
    """The render stage's digest of each page (output_path → digest) and their generation."""

    generation: str = ""
    digests: Mapping[str, bytes] = field(default_factory=dict)


def index_site(
    site_dir: Path,
    documents: Sequence[str],
    block_docs: int,
    previous_site: Path | None = None,
    jobs: int = 2,
    on_progress: Callable[[int], None] = lambda documents: None,
    page_digests: PageDigests = PageDigests(),
    open_records: OpenRecordStore = lambda: None,
    in_place: bool = False,
) -> IndexResult:
    """Index the item pages at `documents` (output paths, in document id order). With
    `in_place`, `site_dir` holds only what changed, and the rest stays in `previous_site`."""
    buckets = block_bucket_count(block_docs)
    context = _Context(
        site_dir,
        buckets,
        fingerprint_salt(buckets),
        previous_index(previous_site),
        page_digests,
        previous_site if in_place else None,
    )
    blocks = [
        (index, documents[start : start + block_docs])
        for index, start in enumerate(range(0, len(documents), block_docs))
    ]

    def index_share(
        share: Sequence[tuple[int, Sequence[str]]], report: Callable[[int], None]
    ) -> list[tuple[int, _Block]]:
        done = []
        records = open_records()
        for index, pages in share:
            done.append((index, _index_block(context, index, pages, records)))
            report(len(pages))
        return done

    min_blocks = -(-MIN_DOCUMENTS_PER_WORKER // block_docs)
    shares = run_shared(index_share, blocks, jobs, on_progress, min_per_worker=min_blocks)
    built = [block for _, block in sorted(entry for share in shares for entry in share)]
    _write_shared_files(site_dir, built, len(documents), block_docs, buckets)
    reused = sum(block.reused for block in built)
    fingerprints = tuple(block.fingerprint for block in built)
    kept = frozenset(block_folder(n) for n, block in enumerate(built) if block.kept)
    return IndexResult(len(documents), len(built) - reused, reused, fingerprints, kept)


def block_bucket_count(block_docs: int) -> int:
    """Posting files per block: about 16 documents' worth of terms in each."""
    count = 1
    while count * 16 < block_docs:
        count *= 2
    return count


@dataclass(frozen=True)
class _Context:
    """What every block is indexed with."""

    site_dir: Path
    buckets: int
    salt: bytes
    previous: PreviousIndex | None
    page_digests: PageDigests
    published_dir: Path | None  # updated in place: what is unchanged stays there


def _index_block(
    context: _Context, index: int, pages: Sequence[str], records: RecordStore | None
) -> _Block:
    digests, previous = context.page_digests, context.previous
    by_pages = pages_fingerprint(
        (digests.digests.get(path) for path in pages), context.salt, digests.generation
    )
    earlier = previous.blocks_by_pages.get(by_pages) if previous and by_pages else None
    if previous and earlier and _reusable(earlier, pages):
        # Its pages rendered from the same views: reuse it without reading a page.
        return _linked_block(context, index, earlier, by_pages, records)
    indexed = block_pages(context.site_dir, pages, digests.digests, records, context.published_dir)
    hashes = [(path, page.document_hash) for path, page in zip(pages, indexed, strict=True)]
    block_fingerprint = fingerprint(hashes, context.salt)
    earlier = previous.blocks.get(block_fingerprint) if previous else None
    if previous and earlier and _reusable(earlier, pages):
        return _linked_block(context, index, earlier, by_pages, records)
    records_of_block = [page.record for page in indexed]
    files, summary = build_block(block_folder(index), records_of_block, context.buckets)
    output.write_files(context.site_dir, files)
    store_summary(records, block_fingerprint, summary)
    return _Block(block_fingerprint, by_pages, summary, reused=False)


def _reusable(earlier: EarlierBlock, pages: Sequence[str]) -> bool:
    return earlier.documents == len(pages) and (earlier.folder / FACETS).is_file()


def _linked_block(
    context: _Context,
    index: int,
    earlier: EarlierBlock,
    by_pages: str | None,
    records: RecordStore | None,
) -> _Block:
    """An earlier build's block, reused: left in place if it keeps its number and the site is
    updated in place, else linked into the staging folder."""
    assert context.previous is not None
    folder = block_folder(index)
    kept = context.published_dir is not None and earlier.folder == context.published_dir / folder
    if not kept:
        names = sorted(p.name for p in earlier.folder.iterdir() if p.name != FACETS)
        output.link_files(context.site_dir, earlier.folder, folder, names)
    summary = stored_summary(records, earlier.fingerprint)
    if summary is None:
        summary = read_summary(earlier.folder, earlier.documents, context.previous.filter_values)
        store_summary(records, earlier.fingerprint, summary)
    return _Block(earlier.fingerprint, by_pages, summary, reused=True, kept=kept)


def _write_shared_files(
    site_dir: Path, blocks: Sequence[_Block], documents: int, block_docs: int, buckets: int
) -> None:
    counts = [Counter[str]() for _ in FILTERS]
    newest: list[dict[str, int]] = [{} for _ in FILTERS]  # value → the last block holding it
    for index, block in enumerate(blocks):
        for document in block.summary.documents:
            for counter, last, values in zip(counts, newest, document.filters, strict=True):
                counter.update(values)
                last.update(dict.fromkeys(values, index))
    present = [
        (name, sorted(counter)) for name, counter in zip(FILTERS, counts, strict=True) if counter
    ]
    value_ids = {name: {value: n for n, value in enumerate(values)} for name, values in present}
    files = [
        (f"{block_folder(index)}/{FACETS}", facets_file(block.summary.documents, value_ids))
        for index, block in enumerate(blocks)
    ]
    term_buckets, dictionary = dictionary_files([block.summary.vocabulary for block in blocks])
    filters: dict[str, dict[str, list[Any]]] = {
        name: {
            "values": values,
            "counts": [counts[FILTERS.index(name)][v] for v in values],
            "newest": [newest[FILTERS.index(name)][v] for v in values],
        }
        for name, values in present
    }
    sizes = {
        "docs": documents,
        "undated": sum(d.date is None for block in blocks for d in block.summary.documents),
        "block_docs": block_docs,
        "term_buckets": term_buckets,
        "block_buckets": buckets,
    }
    manifest = manifest_bytes([_block_entry(block) for block in blocks], filters, sizes)
    output.write_files(site_dir, [*files, *dictionary, (MANIFEST, manifest)])


def _block_entry(block: _Block) -> dict[str, Any]:
    dates = [d.date for d in block.summary.documents if d.date is not None]
    return {
        "docs": len(block.summary.documents),
        "first_date": dates[0] if dates else None,
        "last_date": dates[-1] if dates else None,
        "fingerprint": block.fingerprint,
        **({"pages": block.pages_fingerprint} if block.pages_fingerprint else {}),
    }
