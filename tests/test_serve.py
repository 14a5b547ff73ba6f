"""`build.py serve` serves the built site on 127.0.0.1 with the real headers and its 404 page."""

from __future__ import annotations

import http.client
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


def test_local_server_keeps_the_connection_open_across_requests(project: Project) -> None:
    """HTTP/1.1: a search's dozen small files over one connection, as on a real host."""
    project.write("a.md", item_file())
    project.build()
    server = make_server(project.site, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    connection = http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=10)
    try:
        replies = []
        for method, path in [("GET", "/councils/"), ("HEAD", "/missing/"), ("GET", "/")]:
            connection.request(method, path)
            response = connection.getresponse()
            replies.append((response.version, response.status, len(response.read())))
            # The same socket each time: it was kept open, not closed after the reply.
            assert connection.sock is not None
        assert [(version, status) for version, status, _ in replies] == [
            (11, 200),
            (11, 404),
            (11, 200),
        ]
        assert replies[1][2] == 0 and replies[2][2] > 0  # no body after HEAD
    finally:
        connection.close()
        server.shutdown()
        server.server_close()
