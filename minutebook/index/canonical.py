"""Make Pagefind's output byte-identical for the same content.

Pagefind writes each filter's values, and the list of filters, in hash-map order, which changes
from run to run; the file names are content hashes, so they change too. We re-encode those files
with their entries sorted, rename them by a hash of the new content, and update the references
(the metadata file lists the filter files; pagefind-entry.json names the metadata file).
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

from minutebook.index import cbor

MAGIC = b"pagefind_dcd"


def canonicalise_bundle(bundle_dir: Path) -> None:
    entry_path = bundle_dir / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, details in entry["languages"].items():
        renamed = {
            old: _rewrite(path, _sorted_filter, language)
            for path in sorted((bundle_dir / "filter").glob(f"{language}_*.pf_filter"))
            for old in [path.stem]
        }
        meta_path = bundle_dir / f"pagefind.{details['hash']}.pf_meta"
        sort_meta = functools.partial(_sorted_meta, renamed=renamed)
        details["hash"] = _rewrite(meta_path, sort_meta, language, meta=True)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8")


def _rewrite(path: Path, change: Any, language: str, meta: bool = False) -> str:
    """Re-encode one file with `change` applied; name it by its content; return the new hash."""
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(MAGIC):
        raise cbor.CborError(f"{path}: not a Pagefind data file")
    body = cbor.encode(change(cbor.decode(raw[len(MAGIC) :])))
    digest = hashlib.sha256(body).hexdigest()
    new_hash = f"{language}_{digest[:10] if meta else digest[:7]}"
    target = path.with_name(f"pagefind.{new_hash}.pf_meta" if meta else f"{new_hash}.pf_filter")
    path.unlink()
    target.write_bytes(gzip.compress(MAGIC + body, mtime=0))
    return new_hash


def _sorted_filter(data: list[Any]) -> list[Any]:
    """[name, [[value, [page, ...]], ...]] with values and pages in order."""
    name, values = data
    return [name, sorted(([value, sorted(pages)] for value, pages in values), key=lambda v: v[0])]


def _sorted_meta(meta: list[Any], renamed: dict[str, str]) -> list[Any]:
    """The metadata with its filter list ([[name, file hash], ...]) pointing at the renamed
    files, and its filter and sort lists ([[name, ...], ...]) in name order."""
    return [_sorted_part(part, renamed) for part in meta]


def _sorted_part(part: Any, renamed: dict[str, str]) -> Any:
    if _is_filter_list(part, renamed):
        return sorted([name, renamed[old]] for name, old in part)
    if _is_sort_list(part):
        return sorted(part, key=lambda entry: entry[0])
    return part


def _is_filter_list(part: Any, renamed: dict[str, str]) -> bool:
    return (
        isinstance(part, list)
        and bool(part)
        and all(
            isinstance(f, list) and len(f) == 2 and isinstance(f[1], str) and f[1] in renamed
            for f in part
        )
    )


def _is_sort_list(part: Any) -> bool:
    """[[sort name, [page, page, ...]], ...]: written in hash-map order like the filters."""
    return (
        isinstance(part, list)
        and bool(part)
        and all(
            isinstance(s, list)
            and len(s) == 2
            and isinstance(s[0], str)
            and isinstance(s[1], list)
            and all(isinstance(page, int) for page in s[1])
            for s in part
        )
    )
