"""The pipeline: run the stages in order (load → model → render → write → index → publish).

It holds no logic of its own beyond deciding whether to go on after a stage reported errors.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from minutebook import config as configuration
from minutebook.diagnostics import Diagnostics
from minutebook.index.search import index_site
from minutebook.load import load_items
from minutebook.model.archive import Archive, assemble_archive
from minutebook.model.resolution_kinds import load_kind_rules
from minutebook.render.pages import plan_pages, render_pages
from minutebook.render.templates import make_environment
from minutebook.write import output
from minutebook.write.data import items_json
from minutebook.write.headers import headers_file
from minutebook.write.publication import publication_files


@dataclass(frozen=True)
class BuildOptions:
    content_dir: Path
    output_dir: Path
    config_dir: Path = configuration.DEFAULT_CONFIG_DIR
    base_url: str | None = None
    search: bool = True
    strict: bool = False
    keep_going: bool = False


@dataclass(frozen=True)
class BuildReport:
    items: int
    pages: int
    pages_indexed: int
    published: bool


def check_content(options: BuildOptions, diagnostics: Diagnostics) -> Archive:
    """Load and model the content without writing anything (`build.py check`)."""
    config = configuration.load_config(options.config_dir, options.base_url)
    kind_rules = load_kind_rules(config.kind_rules_path)
    records = load_items(options.content_dir, diagnostics)
    return assemble_archive(records, config, kind_rules, diagnostics)


def build_site(options: BuildOptions, diagnostics: Diagnostics) -> BuildReport:
    archive = check_content(options, diagnostics)
    if must_stop(diagnostics, options):
        return BuildReport(len(archive.items), 0, 0, published=False)
    environment = make_environment(
        configuration.TEMPLATES_DIR, archive.config.site, asset_version(configuration.STATIC_DIR)
    )
    planned = plan_pages(archive)
    pages = render_pages(planned, environment)
    extra_files = [
        ("items.json", items_json(archive)),
        ("_headers", headers_file(configuration.NETLIFY_TOML)),
        *publication_files(archive, planned),
    ]
    staging = output.staging_folder(options.output_dir)
    try:
        output.write_files(staging, [(p.output_path, p.content) for p in pages] + extra_files)
        output.copy_static(configuration.STATIC_DIR, staging)
        indexed = index_site(staging).pages_indexed if options.search else 0
        output.publish(staging, options.output_dir)
    except BaseException:
        output.discard(staging)
        raise
    return BuildReport(len(archive.items), len(pages), indexed, published=True)


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
