"""`build.py serve`: serve the built site on 127.0.0.1 with its real headers; rebuild on change."""

from __future__ import annotations

import functools
import http.server
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar, TextIO

from minutebook import config as configuration
from minutebook.pipeline import BuildOptions

POLL_SECONDS = 1.0


def site_headers(netlify_toml: Path) -> dict[str, str]:
    """The headers netlify.toml sets for every path ("/*"), so local pages behave as deployed."""
    import tomllib

    rules = tomllib.loads(netlify_toml.read_text(encoding="utf-8")).get("headers", [])
    return {
        k: str(v) for rule in rules if rule.get("for") == "/*" for k, v in rule["values"].items()
    }


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    # Keep connections open and send each response at once, as real hosts do: a search fetches
    # a dozen or more small files, and over HTTP/1.0 each opened a connection of its own.
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    extra_headers: ClassVar[dict[str, str]] = {}
    extensions_map: ClassVar[dict[str, str]] = {  # type: ignore[misc]
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".json": "application/json",
    }

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.exists():
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":  # a body after HEAD would be read as the next response
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # a quiet terminal; errors still show through the build's own output


def make_server(site_dir: Path, port: int) -> http.server.ThreadingHTTPServer:
    handler = type(
        "Handler", (SiteHandler,), {"extra_headers": site_headers(configuration.NETLIFY_TOML)}
    )
    bound = functools.partial(handler, directory=str(site_dir.resolve()))
    return http.server.ThreadingHTTPServer(("127.0.0.1", port), bound)


def serve_site(
    options: BuildOptions, port: int, watch: bool, rebuild: Callable[[], int], out: TextIO
) -> int:
    server = make_server(options.output_dir, port)
    print(
        f"Serving {options.output_dir} at http://127.0.0.1:{server.server_port}/ (Ctrl+C stops)",
        file=out,
        flush=True,
    )
    if watch:
        watched = [
            options.content_dir,
            options.config_dir,
            configuration.TEMPLATES_DIR,
            configuration.STATIC_DIR,
        ]
        threading.Thread(target=_watch, args=(watched, rebuild), daemon=True).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def _snapshot(folders: list[Path]) -> dict[str, float]:
    return {
        str(path): path.stat().st_mtime
        for folder in folders
        for path in folder.rglob("*")
        if path.is_file()
    }


def _watch(folders: list[Path], rebuild: Callable[[], int]) -> None:
    last = _snapshot(folders)
    while True:
        time.sleep(POLL_SECONDS)
        current = _snapshot(folders)
        if current != last:
            last = current
            rebuild()
