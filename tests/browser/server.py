"""Serve a built site on 127.0.0.1 the way the real host does: the headers from netlify.toml
(CSP included) on every response, folder URLs, and the site's own 404 page."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from tests.site.headers import Headers, headers_for

# With X-Content-Type-Options: nosniff a wrong type breaks the page, so name the ones that matter
# rather than trusting the machine's mimetypes database.
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".wasm": "application/wasm",
    ".xml": "application/xml",
}


class SiteHandler(SimpleHTTPRequestHandler):
    def __init__(self, *args: Any, rules: dict[str, Headers], **kwargs: Any) -> None:
        # Set before super().__init__, which handles the whole request.
        self.rules = rules
        self.extensions_map = {**self.extensions_map, **CONTENT_TYPES}
        super().__init__(*args, **kwargs)

    def end_headers(self) -> None:
        for name, value in headers_for(self.rules, self.path.split("?")[0]).items():
            self.send_header(name, value)
        super().end_headers()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", CONTENT_TYPES[".html"])
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: pytest shows failures, not every request."""


@contextmanager
def serve_site(root: Path, rules: dict[str, Headers]) -> Iterator[str]:
    """Serve root on a free port for the duration of the block; yields the base URL."""
    handler = partial(SiteHandler, directory=str(root), rules=rules)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
