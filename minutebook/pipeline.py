"""The pipeline: run the stages in order (load → model → render → write → index → publish).

It holds no logic of its own beyond deciding whether to go on after a stage reported errors.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from minutebook import config as configuration
from minutebook import stamp
from minutebook.cache.items import SavedResults, read_items
from minutebook.cache.reuse import Reuse, item_generation, site_generation
from minutebook.diagnostics import Diagnostics, Severity
from minutebook.index.order import plan_documents
from minutebook.index.search import PageDigests, index_site
from minutebook.index.sources import summary_key
from minutebook.load.discover import discover_content
from minutebook.memory import release_memory
from minutebook.model.archive import Archive, ItemMaker, assemble_items
from minutebook.model.resolution_kinds import load_kind_rules
from minutebook.parallel import default_jobs, run_shared
from minutebook.progress import Progress
from minutebook.render.pages import PageEntry, PlannedPage, plan_pages, render_pages
from minutebook.render.templates import make_environment
from minutebook.write import output
from minutebook.write.headers import headers_file
from minutebook.write.publication import Producer, publication_producers

SILENT = Progress(None)


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
    return _read_content(options, diagnostics, progress, reuse=None)[0]


def _read_content(
    options: BuildOptions, diagnostics: Diagnostics, progress: Progress, reuse: Reuse | None
) -> tuple[Archive, int]:
    """(the archive, how many files came from the cache). With `reuse`, files whose bytes are
    unchanged since the last build are taken from the cache instead of parsed again."""
    config = configuration.load_config(options.config_dir, options.base_url)
    kind_rules = load_kind_rules(config.kind_rules_path)
    content_files = discover_content(options.content_dir, diagnostics)
    generation = item_generation(options.config_dir, options.base_url)
    saved, cache_file = reuse.item_results(generation) if reuse else (SavedResults(None), None)
    stage = progress.stage("Reading content", len(content_files), "files")
    make_item = ItemMaker(config, kind_rules)
    results = read_items(content_files, make_item, options.jobs, stage.advance, saved, cache_file)
    stage.finish()
    items = []
    for item, problems in results:
        diagnostics.items.extend(problems)
        if item is not None:
            items.append(item)
    with progress.step("Linking items"):
        return assemble_items(items, config, kind_rules, diagnostics), saved.reused


def build_site(
    options: BuildOptions, diagnostics: Diagnostics, progress: Progress = SILENT
) -> BuildReport:
    """Build the site, or do nothing if no input changed since the last build (see stamp.py)."""
    started_ns = stamp.now_ns()
    output.recover(options.output_dir)  # an update in place that was stopped part way
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
        *_output_settings(options),
    ]


def _output_settings(options: BuildOptions) -> list[str]:
    """The options a page depends on: not where the content and config are (the same files
    elsewhere give the same site)."""
    return [
        f"base_url {options.base_url}",
        f"search {options.search} strict {options.strict} keep_going {options.keep_going}",
    ]


@dataclass(frozen=True)
class _Run:
    """One build: its options, what it may reuse and where it writes."""

    options: BuildOptions
    progress: Progress
    reuse: Reuse
    generation: str  # of the site's pages (cache/reuse.py: site_generation)
    staging: Path
    published: output.Published  # with page digests only if it may be updated in place


def _build(options: BuildOptions, diagnostics: Diagnostics, progress: Progress) -> BuildReport:
    reuse = Reuse.open(options.output_dir, options.force)
    try:
        return _build_with(options, diagnostics, progress, reuse)
    finally:
        reuse.close()


def _build_with(
    options: BuildOptions, diagnostics: Diagnostics, progress: Progress, reuse: Reuse
) -> BuildReport:
    archive, items_reused = _read_content(options, diagnostics, progress, reuse)
    item_count = len(archive.items)
    if must_stop(diagnostics, options):
        return BuildReport(item_count, 0, 0, published=False, items_reused=items_reused)
    generation = site_generation(options.config_dir, _output_settings(options))
    published = output.Published(options.output_dir, reuse.published_pages(generation))
    staging = output.staging_folder(options.output_dir)
    run = _Run(options, progress, reuse, generation, staging, published)
    try:
        pages, written, documents = _write_site(archive, run)
        # The index stage needs only the document order; its workers are forked from here.
        block_docs = archive.config.site.search_block_docs
        del archive
        release_memory()
        indexed, kept_blocks = _index(documents, block_docs, written, run)
        # Until the new digests are saved, none of the published site's may be trusted.
        reuse.forget_pages()
        kept = output.KeptFiles(frozenset(written.kept), kept_blocks)
        output.publish(run.staging, options.output_dir, kept if published.in_place else None)
    except BaseException:
        output.discard(run.staging, options.output_dir)
        raise
    reuse.save_pages(generation, written.digests)
    return BuildReport(item_count, pages, indexed, True, False, items_reused, written.reused)


def _write_site(archive: Archive, run: _Run) -> tuple[int, output.WrittenPages, list[str]]:
    """Write pages, data, feeds and static files: (pages, what was written, search documents)."""
    environment = make_environment(
        configuration.TEMPLATES_DIR, archive.config.site, asset_version(configuration.STATIC_DIR)
    )
    with run.progress.step("Planning pages"):
        planned = plan_pages(archive)
        documents = plan_documents(archive) if run.options.search else []
    pages, written = _write_pages(planned, environment, run)
    with run.progress.step("Writing data, feeds and sitemap"):
        headers = ("_headers", headers_file(configuration.NETLIFY_TOML))
        written.kept.extend(output.write_files(run.staging, [headers], run.published))
        written.kept.extend(_write_publication(publication_producers(archive, pages), run))
    output.copy_static(configuration.STATIC_DIR, run.staging)
    return len(pages), written, documents


def _write_pages(
    planned: list[PlannedPage], environment: jinja2.Environment, run: _Run
) -> tuple[list[PageEntry], output.WrittenPages]:
    """Render and write every page (or keep or link it, if unchanged), over worker processes."""
    stage = run.progress.stage("Writing pages", len(planned), "pages")

    def write_share(
        share: Sequence[PlannedPage], report: Callable[[int], None]
    ) -> tuple[list[PageEntry], output.WrittenPages]:
        entries: list[PageEntry] = []
        rendered = render_pages(share, environment, report, entries)
        return entries, output.write_pages(run.staging, rendered, run.published)

    shares = run_shared(write_share, planned, run.options.jobs, stage.advance)
    stage.finish()
    written = output.WrittenPages()
    for _, share_written in shares:
        written.digests.extend(share_written.digests)
        written.reused += share_written.reused
        written.rendered += share_written.rendered
        written.kept.extend(share_written.kept)
    return [entry for entries, _ in shares for entry in entries], written


def _write_publication(producers: list[Producer], run: _Run) -> list[str]:
    """Make and write the data files, feeds and sitemap, the producers shared over workers;
    returns the files kept in place, unchanged."""

    def write_share(share: Sequence[Producer], report: Callable[[int], None]) -> list[str]:
        kept = []
        for producer in share:
            kept.extend(output.write_files(run.staging, producer(), run.published))
            report(1)
        return kept

    shares = run_shared(write_share, producers, run.options.jobs, lambda _: None, min_per_worker=1)
    return [path for kept in shares for path in kept]


def _index(
    documents: list[str], block_docs: int, written: output.WrittenPages, run: _Run
) -> tuple[int, frozenset[str]]:
    """Index the item pages: (pages indexed, block folders kept in place). Blocks whose pages'
    digests match are reused from the last build; records of unchanged pages come from the
    cache."""
    if not run.options.search:
        return 0, frozenset()
    digests = PageDigests(run.generation, dict(written.digests))
    stage = run.progress.stage("Indexing for search", len(documents), "pages")
    options = run.options
    result = index_site(
        run.staging,
        documents,
        block_docs,
        None if options.force else options.output_dir,
        options.jobs,
        stage.advance,
        digests,
        run.reuse.record_store(run.generation),
        run.published.in_place,
    )
    stage.finish()
    pages = [digest for path in documents if (digest := digests.digests.get(path))]
    run.reuse.keep_records(pages + [summary_key(f) for f in result.fingerprints])
    return result.documents, result.kept_folders


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
