"""The index stage: write Minutebook's search index (docs/search-index.md) for the item pages
in the staging folder.

Blocks are built in worker processes, each from its own pages alone; a block whose search
documents have the same fingerprint as a block of the previous build is linked from there
instead of built. The parent then writes what spans blocks: each block's facets file (filter
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
from minutebook.index.documents import search_document
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
from minutebook.parallel import run_shared
from minutebook.write import output

MIN_DOCUMENTS_PER_WORKER = 400


@dataclass(frozen=True)
class IndexResult:
    documents: int
    blocks_built: int
    blocks_reused: int


@dataclass(frozen=True)
class _Block:
    fingerprint: str
    pages_fingerprint: str | None
    summary: BlockSummary
    reused: bool


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
) -> IndexResult:
    """Index the item pages at `documents` (output paths, in document id order)."""
    buckets = block_bucket_count(block_docs)
    salt = fingerprint_salt(buckets)
    previous = previous_index(previous_site)
    blocks = [
        (index, documents[start : start + block_docs])
        for index, start in enumerate(range(0, len(documents), block_docs))
    ]

    def index_share(
        share: Sequence[tuple[int, Sequence[str]]], report: Callable[[int], None]
    ) -> list[tuple[int, _Block]]:
        done = []
        for index, pages in share:
            block = _index_block(site_dir, index, pages, buckets, salt, previous, page_digests)
            done.append((index, block))
            report(len(pages))
        return done

    min_blocks = -(-MIN_DOCUMENTS_PER_WORKER // block_docs)
    shares = run_shared(index_share, blocks, jobs, on_progress, min_per_worker=min_blocks)
    built = [block for _, block in sorted(entry for share in shares for entry in share)]
    _write_shared_files(site_dir, built, len(documents), block_docs, buckets)
    reused = sum(block.reused for block in built)
    return IndexResult(len(documents), len(built) - reused, reused)


def block_bucket_count(block_docs: int) -> int:
    """Posting files per block: about 16 documents' worth of terms in each."""
    count = 1
    while count * 16 < block_docs:
        count *= 2
    return count


def _index_block(
    site_dir: Path,
    index: int,
    pages: Sequence[str],
    buckets: int,
    salt: bytes,
    previous: PreviousIndex | None,
    page_digests: PageDigests,
) -> _Block:
    by_pages = pages_fingerprint(
        (page_digests.digests.get(path) for path in pages), salt, page_digests.generation
    )
    earlier = previous.blocks_by_pages.get(by_pages) if previous and by_pages else None
    if previous and earlier and _reusable(earlier, pages):
        # Its pages rendered from the same views: reuse it without reading a page.
        return _linked_block(site_dir, index, earlier, by_pages, previous)
    documents = [(path, search_document((site_dir / path).read_bytes(), path)) for path in pages]
    block_fingerprint = fingerprint(documents, salt)
    earlier = previous.blocks.get(block_fingerprint) if previous else None
    if previous and earlier and _reusable(earlier, pages):
        return _linked_block(site_dir, index, earlier, by_pages, previous)
    files, summary = build_block(block_folder(index), documents, buckets)
    output.write_files(site_dir, files)
    return _Block(block_fingerprint, by_pages, summary, reused=False)


def _reusable(earlier: EarlierBlock, pages: Sequence[str]) -> bool:
    return earlier.documents == len(pages) and (earlier.folder / FACETS).is_file()


def _linked_block(
    site_dir: Path,
    index: int,
    earlier: EarlierBlock,
    by_pages: str | None,
    previous: PreviousIndex,
) -> _Block:
    names = sorted(p.name for p in earlier.folder.iterdir() if p.name != FACETS)
    output.link_files(site_dir, earlier.folder, block_folder(index), names)
    summary = read_summary(earlier.folder, earlier.documents, previous.filter_values)
    return _Block(earlier.fingerprint, by_pages, summary, reused=True)


def _write_shared_files(
    site_dir: Path, blocks: Sequence[_Block], documents: int, block_docs: int, buckets: int
) -> None:
    counts = [Counter[str]() for _ in FILTERS]
    for block in blocks:
        for document in block.summary.documents:
            for counter, values in zip(counts, document.filters, strict=True):
                counter.update(values)
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
        name: {"values": values, "counts": [counts[FILTERS.index(name)][v] for v in values]}
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
