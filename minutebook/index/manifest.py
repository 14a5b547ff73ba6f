"""search/index/manifest.json: what the search page reads first (the size of the index, the
date span of each block, every filter's values and counts), and what a later build needs to
reuse a block (its fingerprint)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MANIFEST = "search/index/manifest.json"
VERSION = 1
INDEX_CODE = Path(__file__).parent  # its modules shape every file, so they count as inputs


@dataclass(frozen=True)
class EarlierBlock:
    folder: Path
    documents: int
    fingerprint: str


@dataclass(frozen=True)
class PreviousIndex:
    blocks: dict[str, EarlierBlock]  # by fingerprint of its search documents
    # By fingerprint of its pages' render digests, which a later build can match without
    # reading a page (a block made before such fingerprints existed has none).
    blocks_by_pages: dict[str, EarlierBlock]
    filter_values: dict[str, list[str]]  # its filters, in its order, with their values


def fingerprint_salt(block_buckets: int) -> bytes:
    """What every block is made with besides its pages: the format and this package's code."""
    digest = hashlib.sha256(f"minutebook index {VERSION} {block_buckets}\n".encode())
    for module in sorted(INDEX_CODE.glob("*.py")):
        digest.update(module.read_bytes())
    return digest.digest()


def fingerprint(documents: Iterable[tuple[str, bytes]], salt: bytes) -> str:
    """Of a block's search documents (output path, SHA-256 of the document), in order, and
    `salt`."""
    digest = hashlib.sha256(salt)
    for output_path, document_hash in documents:
        digest.update(f"\n{output_path}\n".encode())
        digest.update(document_hash)
    return digest.hexdigest()


def pages_fingerprint(
    page_digests: Iterable[bytes | None], salt: bytes, generation: str
) -> str | None:
    """Of a block's pages by their render digests (render/pages.py: page_digest), which stand
    for the pages' bytes only within one generation of the templates and code; None if any
    page has no digest."""
    digest = hashlib.sha256(salt)
    digest.update(f"pages {generation}\n".encode())
    for page_digest in page_digests:
        if page_digest is None:
            return None
        digest.update(page_digest)
    return digest.hexdigest()


def previous_index(previous_site: Path | None) -> PreviousIndex | None:
    """The blocks of an earlier build's index that are still there, or None."""
    if previous_site is None:
        return None
    try:
        manifest = json.loads((previous_site / MANIFEST).read_text(encoding="utf-8"))
        if manifest["version"] != VERSION:
            return None
        folder = (previous_site / MANIFEST).parent / "blocks"
        earlier = [
            (
                block.get("pages"),
                EarlierBlock(folder / str(n), int(block["docs"]), block["fingerprint"]),
            )
            for n, block in enumerate(manifest["blocks"])
        ]
        values = {name: list(f["values"]) for name, f in manifest["filters"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # no earlier index, or another format: build every block
    return PreviousIndex(
        {block.fingerprint: block for _, block in earlier},
        {pages: block for pages, block in earlier if isinstance(pages, str)},
        values,
    )


def manifest_bytes(
    blocks: Sequence[dict[str, Any]],
    filters: dict[str, dict[str, list[Any]]],
    sizes: dict[str, int],
) -> bytes:
    """`sizes`: docs, undated, block_docs, term_buckets, block_buckets."""
    manifest = {"version": VERSION, **sizes, "blocks": list(blocks), "filters": filters}
    return json.dumps(manifest, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
