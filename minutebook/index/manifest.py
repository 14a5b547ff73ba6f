"""pagefind/shards.json: the list of search shards the browser reads, and what a later build
needs to reuse a shard's bundle.

For each shard: its folder name, the councils and years it covers (so the search page can load
only the shards the active filters can match), its page count, and a fingerprint of everything
its bundle is made from (its search documents' paths and bytes, the Pagefind version and this
package's code). Beside them, every filter's values with their page counts over the whole
archive, so the page can list and count every choice before, or without, loading any shard.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from minutebook.index import cbor
from minutebook.index.canonical import MAGIC
from minutebook.index.shards import SearchShard

MANIFEST = "shards.json"
INDEX_CODE = Path(__file__).parent  # its modules shape every bundle, so they count as inputs


def fingerprint_salt(pagefind_version: str) -> bytes:
    """What every bundle is made with: the Pagefind version and this package's code."""
    digest = hashlib.sha256(f"pagefind {pagefind_version}\n".encode())
    for module in sorted(INDEX_CODE.glob("*.py")):
        digest.update(module.read_bytes())
    return digest.digest()


def fingerprint(documents: Iterable[tuple[str, bytes]], salt: bytes) -> str:
    """Of a shard's search documents (output path, bytes), in order, and `salt`."""
    digest = hashlib.sha256(salt)
    for output_path, document in documents:
        digest.update(f"\n{output_path}\n{len(document)}\n".encode())
        digest.update(document)
    return digest.hexdigest()


def previous_bundles(previous_site: Path | None) -> dict[str, Path]:
    """Fingerprint → bundle folder, for each intact bundle listed in an earlier build."""
    if previous_site is None:
        return {}
    bundles_dir = previous_site / "pagefind"
    try:
        manifest = json.loads((bundles_dir / MANIFEST).read_text(encoding="utf-8"))
        entries = [(entry["fingerprint"], entry["name"]) for entry in manifest["shards"]]
    except (OSError, ValueError, KeyError, TypeError):
        return {}  # no earlier index, or one from before sharding: build every shard
    return {
        fingerprint: bundles_dir / name
        for fingerprint, name in entries
        if (bundles_dir / name / "pagefind-entry.json").is_file()
    }


def manifest_bytes(
    bundles_dir: Path, shards: Sequence[SearchShard], fingerprints: dict[str, str], version: str
) -> bytes:
    totals: dict[str, Counter[str]] = {}
    entries = []
    for shard in sorted(shards, key=lambda s: s.name):
        for name, counts in bundle_filters(bundles_dir / shard.name).items():
            totals.setdefault(name, Counter()).update(counts)
        entries.append(
            {
                "name": shard.name,
                "councils": list(shard.councils),
                "years": list(shard.years),
                "pages": page_count(bundles_dir / shard.name),
                "fingerprint": fingerprints[shard.name],
            }
        )
    filters = {name: dict(sorted(counts.items())) for name, counts in sorted(totals.items())}
    manifest = {"pagefind": version, "filters": filters, "shards": entries}
    text = json.dumps(manifest, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.encode("utf-8")


def page_count(bundle_dir: Path) -> int:
    entry = json.loads((bundle_dir / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(int(language["page_count"]) for language in entry["languages"].values())


def bundle_filters(bundle_dir: Path) -> dict[str, Counter[str]]:
    """Each filter of a bundle → its values' page counts, read from Pagefind's filter files."""
    found: dict[str, Counter[str]] = {}
    for path in sorted((bundle_dir / "filter").glob("*.pf_filter")):
        name, values = _decode(path)
        found.setdefault(name, Counter()).update({value: len(pages) for value, pages in values})
    return found


def _decode(path: Path) -> Any:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(MAGIC):
        raise cbor.CborError(f"{path}: not a Pagefind data file")
    return cbor.decode(raw[len(MAGIC) :])
