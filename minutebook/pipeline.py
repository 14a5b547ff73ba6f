"""The pipeline: run the stages in order (load → model → render → write → index → publish).

It holds no logic of its own beyond deciding whether to go on after a stage reported errors.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from minutebook import config as configuration
from minutebook import stamp
from minutebook.diagnostics import Diagnostics, Severity
from minutebook.index.order import plan_documents
from minutebook.index.search import index_site
from minutebook.load import load_item
from minutebook.load.discover import ContentFile, discover_content
from minutebook.memory import release_memory
from minutebook.model.archive import Archive, ItemMaker, assemble_items
from minutebook.model.entities import AgendaItem
from minutebook.model.resolution_kinds import load_kind_rules
from minutebook.parallel import default_jobs, run_shared, run_shared_parts
from minutebook.progress import Progress
from minutebook.render.pages import PageEntry, PlannedPage, plan_pages, render_pages
from minutebook.render.templates import make_environment
from minutebook.write import output
from minutebook.write.headers import headers_file
from minutebook.write.publication import publication_files

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
    force: bool = False  # rebuild even when nothing changed since the last build


@dataclass(frozen=True)
class BuildReport:
    items: int
    pages: int
    pages_indexed: int
    published: bool
    up_to_date: bool = False  # nothing changed, so nothing was rebuilt


def check_content(
    options: BuildOptions, diagnostics: Diagnostics, progress: Progress = SILENT
) -> Archive:
    """Load and model the content without writing anything (`build.py check`)."""
    config = configuration.load_config(options.config_dir, options.base_url)
    kind_rules = load_kind_rules(config.kind_rules_path)
    content_files = discover_content(options.content_dir, diagnostics)
    make_item = ItemMaker(config, kind_rules)
    stage = progress.stage("Reading content", len(content_files), "files")

    def read_share(
        share: Sequence[ContentFile], report: Callable[[int], None]
    ) -> Iterator[tuple[list[AgendaItem], Diagnostics]]:
        for start in range(0, len(share), READ_PART):
            found = Diagnostics()
            items = []
            for content_file in share[start : start + READ_PART]:
                if (record := load_item(content_file, found)) is not None:
                    items.append(make_item(record, found))
            report(len(share[start : start + READ_PART]))
            yield items, found

    shares = run_shared_parts(read_share, content_files, options.jobs, stage.advance)
    stage.finish()
    items = []
    for parts in shares:
        for part_items, found in parts:
            diagnostics.extend(found)
            items.extend(part_items)
    with progress.step("Linking items"):
        return assemble_items(items, config, kind_rules, diagnostics)


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
    archive = check_content(options, diagnostics, progress)
    item_count = len(archive.items)
    if must_stop(diagnostics, options):
        return BuildReport(item_count, 0, 0, published=False)
    environment = make_environment(
        configuration.TEMPLATES_DIR, archive.config.site, asset_version(configuration.STATIC_DIR)
    )
    with progress.step("Planning pages"):
        planned = plan_pages(archive)
        documents = plan_documents(archive) if options.search else []
        block_docs = archive.config.site.search_block_docs
    staging = output.staging_folder(options.output_dir)
    try:
        pages = _write_pages(planned, environment, staging, options.jobs, progress)
        with progress.step("Writing data, feeds and sitemap"):
            headers = ("_headers", headers_file(configuration.NETLIFY_TOML))
            output.write_files(staging, [headers])
            output.write_files(staging, publication_files(archive, pages))
        output.copy_static(configuration.STATIC_DIR, staging)
        # The index stage needs only the document order; its workers are forked from here.
        del archive, planned
        release_memory()
        indexed = _index(documents, block_docs, staging, options, progress) if options.search else 0
        output.publish(staging, options.output_dir)
    except BaseException:
        output.discard(staging)
        raise
    return BuildReport(item_count, len(pages), indexed, published=True)


def _write_pages(
    planned: list[PlannedPage],
    environment: jinja2.Environment,
    staging: Path,
    jobs: int,
    progress: Progress,
) -> list[PageEntry]:
    """Render and write every page, spread over `jobs` worker processes."""
    stage = progress.stage("Writing pages", len(planned), "pages")

    def write_share(share: Sequence[PlannedPage], report: Callable[[int], None]) -> list[PageEntry]:
        entries: list[PageEntry] = []
        output.write_files(staging, render_pages(share, environment, report, entries))
        return entries

    shares = run_shared(write_share, planned, jobs, stage.advance)
    stage.finish()
    return [entry for share in shares for entry in share]


def _index(
    documents: list[str], block_docs: int, staging: Path, options: BuildOptions, progress: Progress
) -> int:
    stage = progress.stage("Indexing for search", len(documents), "pages")
    result = index_site(
        staging, documents, block_docs, options.output_dir, options.jobs, stage.advance
    )
    stage.finish()
    return result.documents


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
