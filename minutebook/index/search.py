"""The index stage: build the client-side search index, one Pagefind bundle per search shard.

Each shard's search documents (documents.py: what Pagefind reads of an item page) are written
into a scratch folder that Pagefind indexes into `pagefind/<shard name>/`; up to `jobs` Pagefind
runs go at once. A shard whose fingerprint is the same as in the previous build's
`pagefind/shards.json` is copied from there instead, so an unchanged shard costs no Pagefind run
and the output is byte-identical to a cold index. Each page is read and cut down once: a shard's
documents are fingerprinted as they are written into its scratch folder, and the folder is
dropped when the shard can be reused.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from minutebook.diagnostics import ToolError
from minutebook.index.canonical import canonicalise_bundle
from minutebook.index.documents import search_document
from minutebook.index.manifest import (
    MANIFEST,
    fingerprint,
    fingerprint_salt,
    manifest_bytes,
    page_count,
    previous_bundles,
)
from minutebook.index.shards import SearchShard

PAGEFIND = [sys.executable, "-m", "pagefind"]
LANGUAGE = ["--force-language", "en"]


@dataclass(frozen=True)
class IndexResult:
    pages_indexed: int
    shards_built: int
    shards_reused: int
    log: str  # Pagefind's output for the shards it built


def index_site(
    site_dir: Path,
    shards: Sequence[SearchShard],
    previous_site: Path | None = None,
    jobs: int = 2,
    on_progress: Callable[[int], None] = lambda pages: None,
) -> IndexResult:
    """Index every shard; `on_progress` hears the page count of each shard as it is done."""
    bundles_dir = _fresh_folder(site_dir / "pagefind", previous_site)
    version = pagefind_version()
    salt = fingerprint_salt(version)
    reusable = previous_bundles(previous_site)
    fingerprints: dict[str, str] = {}
    to_build: list[tuple[SearchShard, Path]] = []
    for shard in shards:
        scratch = Path(tempfile.mkdtemp(prefix=".pagefind-shard-", dir=site_dir))
        fingerprints[shard.name] = fingerprint(_written_documents(site_dir, shard, scratch), salt)
        if fingerprints[shard.name] in reusable:
            shutil.rmtree(scratch)
            _copy_bundle(reusable[fingerprints[shard.name]], bundles_dir / shard.name)
            on_progress(len(shard.pages))
        else:
            to_build.append((shard, scratch))
    logs = _build_bundles(bundles_dir, to_build, jobs, on_progress)
    manifest = manifest_bytes(bundles_dir, shards, fingerprints, version)
    (bundles_dir / MANIFEST).write_bytes(manifest)
    pages = sum(page_count(bundles_dir / shard.name) for shard in shards)
    return IndexResult(pages, len(to_build), len(shards) - len(to_build), "\n".join(logs))


def pagefind_version() -> str:
    """`pagefind --version` prints "pagefind 1.5.2"."""
    completed = _run([*PAGEFIND, "--version"], "Pagefind could not start")
    return completed.stdout.split()[-1]


def _fresh_folder(bundles_dir: Path, previous_site: Path | None) -> Path:
    if previous_site is not None and previous_site.resolve() == bundles_dir.parent.resolve():
        raise ValueError("the previous site must be another folder than the one being indexed")
    shutil.rmtree(bundles_dir, ignore_errors=True)
    bundles_dir.mkdir(parents=True)
    return bundles_dir


def _build_bundles(
    bundles_dir: Path,
    shards: Sequence[tuple[SearchShard, Path]],
    jobs: int,
    on_progress: Callable[[int], None],
) -> list[str]:
    """Run Pagefind on each (shard, scratch folder of its documents)."""
    if not shards:
        return []
    with ThreadPoolExecutor(max_workers=max(1, min(jobs, len(shards)))) as pool:
        futures = {
            pool.submit(_build_bundle, shard, scratch, bundles_dir / shard.name): shard
            for shard, scratch in shards
        }
        try:
            for future in as_completed(futures):
                future.result()  # raises the first failure at once, cancelling the rest
                on_progress(len(futures[future].pages))
            return [future.result() for future in futures]  # in shard order
        except BaseException:
            for future in futures:
                future.cancel()
            raise


def _written_documents(
    site_dir: Path, shard: SearchShard, scratch: Path
) -> Iterator[tuple[str, bytes]]:
    """The shard's search documents, each also written into `scratch` for Pagefind to read
    (inside the site folder, so a failed build discards it with the rest)."""
    for output_path in shard.pages:
        document = search_document((site_dir / output_path).read_bytes(), output_path)
        target = scratch / output_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(document)
        yield output_path, document


def _build_bundle(shard: SearchShard, scratch: Path, bundle_dir: Path) -> str:
    try:
        log = run_pagefind(scratch, bundle_dir, f"Pagefind failed on search shard {shard.name}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    canonicalise_bundle(bundle_dir)
    return log


def run_pagefind(site_dir: Path, bundle_dir: Path, failure: str = "Pagefind failed") -> str:
    """Index the pages in `site_dir` into `bundle_dir`; Pagefind's log."""
    command = [*PAGEFIND, "--site", str(site_dir), "--output-path", str(bundle_dir), *LANGUAGE]
    return _run(command, failure).stdout


def _run(command: list[str], failure: str) -> subprocess.CompletedProcess[str]:
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise ToolError(f"{failure}:\n{completed.stdout}\n{completed.stderr}".strip())
    return completed


def _copy_bundle(source: Path, target: Path) -> None:
    shutil.copytree(source, target, copy_function=_link_or_copy)


def _link_or_copy(source: str | Path, target: str | Path) -> None:
    """A hard link where the file system allows one (nothing edits these files in place)."""
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
