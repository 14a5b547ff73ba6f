"""`build.py import`: turn saved ModernGov page text into content files.

Each page that cannot be understood is reported as `path: reason` and the rest still import;
exit code 0 when all imported, 1 when any page failed, 2 for a usage error.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from minutebook.importers.convert import ContentFile, PageFacts, convert_page
from minutebook.importers.layouts import PageError
from minutebook.importers.manifest import ManifestEntry, ManifestError, check_date, read_manifest


def add_import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="FILE_OR_DIR", help="page text files (.txt)")
    parser.add_argument("--council", metavar="NAME", help="the council's full name")
    parser.add_argument("--committee", metavar="NAME", help="the committee, if the page lacks it")
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="the meeting date, if known")
    parser.add_argument("--source", metavar="URL", help="the page's address")
    parser.add_argument("--to", metavar="DIR", default="content", help="content folder")
    parser.add_argument("--manifest", metavar="FILE", help="YAML list of {file, council, ...}")
    parser.add_argument("--force", action="store_true", help="overwrite existing files")


def run_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        entries = _entries(args)
    except ManifestError as error:
        print(f"error: {error}", file=err)
        return 2
    written: set[Path] = set()
    failed = False
    for entry in entries:
        failed |= not _import_entry(entry, Path(args.to), args.force, written, out, err)
    return 1 if failed else 0


def _entries(args: argparse.Namespace) -> list[ManifestEntry]:
    entries = read_manifest(Path(args.manifest)) if args.manifest else []
    if args.paths:
        if not args.council:
            raise ManifestError("--council is required when importing files without --manifest")
        facts = PageFacts(
            council=args.council,
            committee=args.committee,
            date=check_date(args.date, "--date"),
            source=args.source,
        )
        entries += [ManifestEntry(path, facts) for path in _page_files(args.paths)]
    if not entries:
        raise ManifestError("nothing to import: give FILE_OR_DIR arguments or --manifest")
    return entries


def _page_files(paths: list[str]) -> list[Path]:
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        files.extend(sorted(path.rglob("*.txt")) if path.is_dir() else [path])
    return files


def _import_entry(
    entry: ManifestEntry, to: Path, force: bool, written: set[Path], out: TextIO, err: TextIO
) -> bool:
    try:
        raw = entry.source_path.read_text(encoding="utf-8")
        files = convert_page(raw, entry.facts)
    except (OSError, UnicodeDecodeError) as error:
        print(f"{entry.source_path}: cannot read: {error}", file=err)
        return False
    except PageError as error:
        print(f"{entry.source_path}: {error}", file=err)
        return False
    ok = True
    for content in files:
        ok &= _write(content, to, force, written, out, err, entry.source_path)
    return ok


def _write(
    content: ContentFile,
    to: Path,
    force: bool,
    written: set[Path],
    out: TextIO,
    err: TextIO,
    source_path: Path,
) -> bool:
    target = _unique(to / content.relative_path, written)
    if target.exists() and target.read_bytes() == content.text.encode("utf-8"):
        written.add(target)
        print(f"{target} (unchanged)", file=out)  # re-importing the same page is not a clash
        return True
    if target.exists() and not force:
        print(f"{source_path}: {target} already exists (use --force to overwrite)", file=err)
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(content.text, encoding="utf-8")
    written.add(target)
    print(target, file=out)
    return True


def _unique(target: Path, written: set[Path]) -> Path:
    """Two items in one run with the same path get -2, -3 ... rather than overwrite each other."""
    candidate, number = target, 2
    while candidate in written:
        candidate = target.with_name(f"{target.stem}-{number}{target.suffix}")
        number += 1
    return candidate
