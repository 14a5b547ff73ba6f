"""Command line: `python build.py [build|serve|check|import] [options]`.

Exit codes: 0 ok · 1 content errors · 2 usage or configuration errors.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TextIO

from minutebook import config as configuration
from minutebook.diagnostics import ConfigError, Diagnostics
from minutebook.importers.command import add_import_arguments, run_import
from minutebook.parallel import default_jobs
from minutebook.pipeline import BuildOptions, BuildReport, build_site, check_content, must_stop
from minutebook.progress import Progress

COMMANDS = ("build", "serve", "check", "import")
EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


def main(argv: list[str] | None = None, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or args_list[0] not in (*COMMANDS, "-h", "--help"):
        args_list.insert(0, "build")
    parser = _parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exit_request:
        return EXIT_USAGE if exit_request.code else EXIT_OK
    try:
        return int(args.run(args, out, err))
    except ConfigError as problem:
        print(f"error: {problem}", file=err)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python build.py",
        description="Build a searchable static archive of council minutes from content/.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build content/ into site/ (the default command)")
    _add_build_arguments(build)
    build.set_defaults(run=_run_build)
    serve = commands.add_parser("serve", help="build, serve on 127.0.0.1 and rebuild on changes")
    _add_build_arguments(serve)
    serve.add_argument("--port", type=int, default=8000, help="port to serve on (default 8000)")
    serve.add_argument("--no-watch", action="store_true", help="do not rebuild on changes")
    serve.set_defaults(run=_run_serve)
    check = commands.add_parser("check", help="validate content only; write nothing")
    _add_build_arguments(check)
    check.set_defaults(run=_run_check)
    importer = commands.add_parser("import", help="turn ModernGov page text into content files")
    add_import_arguments(importer)
    importer.set_defaults(run=lambda a, o, e: run_import(a, o, e))
    return parser


def _add_build_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", type=Path, default=Path("content"), help="content folder")
    parser.add_argument("--output", type=Path, default=Path("site"), help="output folder")
    parser.add_argument(
        "--config",
        type=Path,
        default=None,
        help="configuration folder (default: ./config if present, else the built-in one)",
    )
    parser.add_argument("--base-url", default=None, help="the address the site is published at")
    parser.add_argument("--no-search", action="store_true", help="skip the search index")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.add_argument(
        "--jobs",
        type=_positive_int,
        default=default_jobs(),
        help=f"worker processes for rendering (default: one per core, here {default_jobs()})",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="rebuild everything, reusing nothing from the last build",
    )
    parser.add_argument(
        "--quiet", action="store_true", help="no progress lines (errors and the summary only)"
    )
    parser.add_argument(
        "--keep-going",
        action="store_true",
        help="build every valid item, report the bad ones, and still exit 1",
    )


def _positive_int(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return int(text)


def build_options(args: argparse.Namespace) -> BuildOptions:
    config_dir = args.config or (
        Path("config") if Path("config").is_dir() else configuration.DEFAULT_CONFIG_DIR
    )
    if not args.content.is_dir():
        raise ConfigError(f"{args.content}: content folder not found")
    return BuildOptions(
        content_dir=args.content,
        output_dir=args.output,
        config_dir=config_dir,
        base_url=args.base_url,
        search=not args.no_search,
        strict=args.strict,
        keep_going=args.keep_going,
        jobs=args.jobs,
        force=args.force,
    )


def report_diagnostics(diagnostics: Diagnostics, err: TextIO) -> None:
    for diagnostic in diagnostics.sorted():
        print(diagnostic, file=err)
    errors, warnings = len(diagnostics.errors), len(diagnostics.warnings)
    if errors or warnings:
        print(f"{errors} error(s), {warnings} warning(s)", file=err)


def exit_code(diagnostics: Diagnostics, options: BuildOptions) -> int:
    failing = diagnostics.errors + (diagnostics.warnings if options.strict else [])
    return EXIT_CONTENT if failing else EXIT_OK


def _run_build(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    options = build_options(args)
    diagnostics = Diagnostics()
    started = time.perf_counter()
    report = build_site(options, diagnostics, Progress.for_stream(err, quiet=args.quiet))
    report_diagnostics(diagnostics, err)
    _print_summary(report, options, time.perf_counter() - started, out, err)
    return exit_code(diagnostics, options)


def _print_summary(
    report: BuildReport, options: BuildOptions, seconds: float, out: TextIO, err: TextIO
) -> None:
    if not report.published:
        print(f"Build stopped: {options.output_dir} was left as it was.", file=err)
        return
    if report.up_to_date:
        print(
            f"Nothing changed since the last build: {options.output_dir} is up to date "
            f"({report.items} items, {report.pages} pages; --force rebuilds anyway).",
            file=out,
        )
        return
    searched = f", {report.pages_indexed} indexed for search" if options.search else ""
    print(
        f"Built {report.items} items into {report.pages} pages{searched} "
        f"in {options.output_dir} ({seconds:.1f} s).",
        file=out,
    )
    if report.items_reused or report.pages_reused:
        print(
            f"Reused from the last build: {report.items_reused} unchanged content files "
            f"and {report.pages_reused} unchanged pages (--force reuses nothing).",
            file=out,
        )


def _run_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    options = build_options(args)
    diagnostics = Diagnostics()
    archive = check_content(options, diagnostics)
    report_diagnostics(diagnostics, err)
    if not must_stop(diagnostics, options):
        print(f"{len(archive.items)} items are valid.", file=out)
    return exit_code(diagnostics, options)


def _run_serve(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from minutebook.serve import serve_site  # only `serve` needs the HTTP server

    options = build_options(args)
    first = _run_build(args, out, err)
    if first == EXIT_USAGE or not options.output_dir.is_dir():
        return first
    return serve_site(
        options,
        args.port,
        watch=not args.no_watch,
        rebuild=lambda: _run_build(args, out, err),
        out=out,
    )
