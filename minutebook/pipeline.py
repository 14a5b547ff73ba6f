"""The pipeline: run the stages in order (load → model → render → write → index → publish).

It holds no logic of its own beyond deciding whether to go on after a stage reported errors.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from minutebook import config as configuration
from minutebook import stamp
from minutebook.cache.items import ReadResult, SavedResults, read_item
from minutebook.cache.pages import published_pages, save_pages
from minutebook.cache.records import SearchRecordsOpener, keep_records
from minutebook.cache.store import cache_path, claim, forget, open_reader, open_store
from minutebook.diagnostics import Diagnostics, Severity
from minutebook.index.order import plan_documents
from minutebook.index.search import IndexResult, PageDigests, index_site
from minutebook.index.sources import OpenRecordStore, summary_key
from minutebook.load.discover import ContentFile, discover_content
from minutebook.memory import release_memory
from minutebook.model.archive import Archive, ItemMaker, assemble_items
from minutebook.model.resolution_kinds import load_kind_rules
from minutebook.parallel import default_jobs, run_shared, run_shared_parts
from minutebook.progress import Progress
from minutebook.render.pages import PageEntry, PlannedPage, plan_pages, render_pages
from minutebook.render.templates import make_environment
from minutebook.write import output
from minutebook.write.headers import headers_file
from minutebook.write.publication import Producer, publication_producers

SILENT = Progress(None)
# Read workers send items back in parts of this many, so no worker holds its whole share.
READ_PART = 200


@dataclass(frozen=True)
class BuildOptions:
    content_dir: Path
    output_dir: Path
    config_dir: Path = configuration.DEFAULT_CONFIG_DIR
    base_url: str | None = None
    search: bool = True
    strict: bool = False
    keep_going: bool = False
    jobs: int = field(default_factory=default_jobs)
    force: bool = False  # rebuild everything, reusing nothing from the last build


@dataclass(frozen=True)
class BuildReport:
    items: int
    pages: int
    pages_indexed: int
    published: bool
    up_to_date: bool = False  # nothing changed, so nothing was rebuilt
    items_reused: int = 0  # read from the cache, not parsed again
    pages_reused: int = 0  # linked unchanged from the last build, not rendered again


def check_content(
    options: BuildOptions, diagnostics: Diagnostics, progress: Progress = SILENT
) -> Archive:
    """Load and model the content without writing anything (`build.py check`)."""
    return _read_content(options, diagnostics, progress, store=None)[0]


def _read_content(
    options: BuildOptions,
    diagnostics: Diagnostics,
    progress: Progress,
    store: sqlite3.Connection | None,
) -> tuple[Archive, int]:
    """(the archive, how many files came from the cache). With a cache `store`, files whose
    bytes are unchanged since the last build are taken from it instead of parsed again."""
    config = configuration.load_config(options.config_dir, options.base_url)
    kind_rules = load_kind_rules(config.kind_rules_path)
    content_files = discover_content(options.content_dir, diagnostics)
    make_item = ItemMaker(config, kind_rules)
    reusable = store is not None and _may_reuse(store, "items", _item_generation(options), options)
    cache_file = cache_path(options.output_dir) if reusable else None
    saved = SavedResults(store)
    stage = progress.stage("Reading content", len(content_files), "files")

    def read_share(
        share: Sequence[ContentFile], report: Callable[[int], None]
    ) -> Iterator[list[ReadResult]]:
        reader = open_reader(cache_file) if cache_file is not None else None
        for start in range(0, len(share), READ_PART):
            part = share[start : start + READ_PART]
            yield [read_item(content_file, make_item, reader) for content_file in part]
            report(len(part))

    shares = run_shared_parts(
        read_share, content_files, options.jobs, stage.advance, on_part=saved.unpack
    )
    saved.finish()
    stage.finish()
    items = []
    for parts in shares:
        for results in parts:
            for item, problems in results:
                diagnostics.items.extend(problems)
                if item is not None:
                    items.append(item)
    with progress.step("Linking items"):
        return assemble_items(items, config, kind_rules, diagnostics), saved.reused


def _item_generation(options: BuildOptions) -> str:
    """What reading depends on besides the file itself: the code, configuration and base URL."""
    inputs = [configuration.PACKAGE_ROOT / "minutebook", options.config_dir]
    return stamp.code_digest(inputs, [f"base_url {options.base_url}"])


def _may_reuse(
    store: sqlite3.Connection, table: str, generation: str, options: BuildOptions
) -> bool:
    """Claim the table for this generation; reuse its rows unless --force asks for none."""
    if options.force:
        forget(store, table)
    return claim(store, table, generation) and not options.force


def build_site(
    options: BuildOptions, diagnostics: Diagnostics, progress: Progress = SILENT
) -> BuildReport:
    """Build the site, or do nothing if no input changed since the last build (see stamp.py)."""
    started_ns = stamp.now_ns()
    with progress.step("Checking for changes"):
        current, newest_ns = stamp.fingerprint(
            options.content_dir, options.config_dir, _settings(options)
        )
        previous = None if options.force else stamp.read_stamp(options.output_dir)
    if previous is not None and stamp.is_up_to_date(
        previous, current, newest_ns, options.output_dir
    ):
        for severity, code, message, path, line in previous.diagnostics:
            diagnostics.add(Severity(severity), code, message, path, line)
        return BuildReport(
            previous.items, previous.pages, previous.pages_indexed, True, up_to_date=True
        )
    stamp.forget_stamp(options.output_dir)
    report = _build(options, diagnostics, progress)
    if report.published:
        stamp.write_stamp(
            options.output_dir,
            stamp.Stamp(
                current,
                newest_ns,
                started_ns,
                stamp.output_identity(options.output_dir),
                report.items,
                report.pages,
                report.pages_indexed,
                tuple(
                    (d.severity.value, d.code, d.message, d.location.source_path, d.location.line)
                    for d in diagnostics.items
                ),
            ),
        )
    return report


def _settings(options: BuildOptions) -> list[str]:
    """The options that change what a build writes (not --jobs: output is the same)."""
    return [
        f"content {options.content_dir.resolve()}",
        f"config {options.config_dir.resolve()}",
        f"base_url {options.base_url}",
        f"search {options.search} strict {options.strict} keep_going {options.keep_going}",
    ]


def _build(options: BuildOptions, diagnostics: Diagnostics, progress: Progress) -> BuildReport:
    store = open_store(options.output_dir)
    try:
        return _build_with(options, diagnostics, progress, store)
    finally:
        if store is not None:
            store.close()


def _build_with(
    options: BuildOptions,
    diagnostics: Diagnostics,
    progress: Progress,
    store: sqlite3.Connection | None,
) -> BuildReport:
    archive, items_reused = _read_content(options, diagnostics, progress, store)
    item_count = len(archive.items)
    if must_stop(diagnostics, options):
        return BuildReport(item_count, 0, 0, published=False, items_reused=items_reused)
    environment = make_environment(
        configuration.TEMPLATES_DIR, archive.config.site, asset_version(configuration.STATIC_DIR)
    )
    with progress.step("Planning pages"):
        planned = plan_pages(archive)
        documents = plan_documents(archive) if options.search else []
        block_docs = archive.config.site.search_block_docs
    page_generation = stamp.code_digest(stamp.site_inputs(options.config_dir), _settings(options))
    published = _published_pages(store, page_generation, options)
    staging = output.staging_folder(options.output_dir)
    try:
        pages, written = _write_pages(planned, environment, staging, published, options, progress)
        with progress.step("Writing data, feeds and sitemap"):
            headers = ("_headers", headers_file(configuration.NETLIFY_TOML))
            output.write_files(staging, [headers])
            _write_publication(publication_producers(archive, pages), staging, options.jobs)
        output.copy_static(configuration.STATIC_DIR, staging)
        # The index stage needs only the document order; its workers are forked from here.
        del archive, planned, published
        release_memory()
        digests = PageDigests(page_generation, dict(written.digests))
        records = _record_store(store, page_generation, options)
        indexed = _index(documents, block_docs, staging, digests, records, options, progress)
        if store is not None and indexed is not None:
            _keep_current_records(store, documents, digests, indexed)
        output.publish(staging, options.output_dir)
    except BaseException:
        output.discard(staging)
        raise
    if store is not None:
        identity = stamp.output_identity(options.output_dir)
        save_pages(store, page_generation, identity, written.digests)
    pages_indexed = indexed.documents if indexed is not None else 0
    return BuildReport(
        item_count, len(pages), pages_indexed, True, False, items_reused, written.reused
    )


def _published_pages(
    store: sqlite3.Connection | None, generation: str, options: BuildOptions
) -> dict[str, bytes]:
    """The digests of the published site's pages, if this code and these settings built it."""
    if store is None or not options.output_dir.is_dir():
        return {}
    if options.force:
        forget(store, "pages")
        return {}
    return published_pages(store, generation, stamp.output_identity(options.output_dir))


def _write_pages(
    planned: list[PlannedPage],
    environment: jinja2.Environment,
    staging: Path,
    published: dict[str, bytes],
    options: BuildOptions,
    progress: Progress,
) -> tuple[list[PageEntry], output.WrittenPages]:
    """Render and write every page (or link it, if unchanged), over worker processes."""
    stage = progress.stage("Writing pages", len(planned), "pages")

    def write_share(
        share: Sequence[PlannedPage], report: Callable[[int], None]
    ) -> tuple[list[PageEntry], output.WrittenPages]:
        entries: list[PageEntry] = []
        rendered = render_pages(share, environment, report, entries)
        return entries, output.write_pages(staging, rendered, options.output_dir, published)

    shares = run_shared(write_share, planned, options.jobs, stage.advance)
    stage.finish()
    written = output.WrittenPages()
    for _, share_written in shares:
        written.digests.extend(share_written.digests)
        written.reused += share_written.reused
        written.rendered += share_written.rendered
    return [entry for entries, _ in shares for entry in entries], written


def _write_publication(producers: list[Producer], staging: Path, jobs: int) -> None:
    """Make and write the data files, feeds and sitemap, the producers shared over workers."""

    def write_share(share: Sequence[Producer], report: Callable[[int], None]) -> None:
        for producer in share:
            output.write_files(staging, producer())
            report(1)

    run_shared(write_share, producers, jobs, lambda done: None, min_per_worker=1)


def _record_store(
    store: sqlite3.Connection | None, generation: str, options: BuildOptions
) -> OpenRecordStore:
    """Search records kept by page digest, valid only for pages of the same generation."""
    if store is None:
        return lambda: None
    _may_reuse(store, "records", generation, options)  # another generation, or --force: emptied
    return SearchRecordsOpener(cache_path(options.output_dir))


def _keep_current_records(
    store: sqlite3.Connection, documents: list[str], digests: PageDigests, indexed: IndexResult
) -> None:
    """Keep the search records of this build's pages and the summaries of its blocks."""
    pages = [digest for path in documents if (digest := digests.digests.get(path))]
    keep_records(store, pages + [summary_key(f) for f in indexed.fingerprints])


def _index(
    documents: list[str],
    block_docs: int,
    staging: Path,
    page_digests: PageDigests,
    open_records: OpenRecordStore,
    options: BuildOptions,
    progress: Progress,
) -> IndexResult | None:
    if not options.search:
        return None
    stage = progress.stage("Indexing for search", len(documents), "pages")
    previous_site = None if options.force else options.output_dir
    result = index_site(
        staging,
        documents,
        block_docs,
        previous_site,
        options.jobs,
        stage.advance,
        page_digests,
        open_records,
    )
    stage.finish()
    return result


def must_stop(diagnostics: Diagnostics, options: BuildOptions) -> bool:
    """Errors stop the build unless --keep-going; with --strict, warnings count as errors."""
    failing = diagnostics.errors + (diagnostics.warnings if options.strict else [])
    return bool(failing) and not options.keep_going


def asset_version(static_dir: Path) -> str:
    """A short hash of the static files, so browsers fetch them again only when they change."""
    digest = hashlib.sha256()
    for path in sorted(p for p in static_dir.rglob("*") if p.is_file()):
        digest.update(path.relative_to(static_dir).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]
