"""`build.py serve` serves the built site on 127.0.0.1 with the real headers and its 404 page."""

from __future__ import annotations

import threading
import urllib.error
import urllib.request

from minutebook.serve import make_server
from tests.conftest import Project, item_file


def test_local_server_sends_the_site_headers_and_the_404_page(project: Project) -> None:
    project.write("a.md", item_file())
    project.build()
    server = make_server(project.site, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        with urllib.request.urlopen(f"{base}/councils/") as response:
            assert response.status == 200
            assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
            assert response.headers["X-Content-Type-Options"] == "nosniff"
        try:
            urllib.request.urlopen(f"{base}/no/such/page/")
        except urllib.error.HTTPError as missing:
            assert missing.code == 404
            assert "Page not found" in missing.read().decode("utf-8")
        else:
            raise AssertionError("a missing page was served")
    finally:
        server.shutdown()
        server.server_close()
