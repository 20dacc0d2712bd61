"""Serving a built site on 127.0.0.1, for the browser tests and the benchmarks."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """The site's files, and the test scripts `extra` names (by path), which
    the browser may keep: its cache and the compiled code it keeps with it
    spare it reading a large script again on every page."""

    extra: Mapping[str, bytes] = {}

    def do_GET(self) -> None:
        if (script := self.extra.get(self.path)) is None:
            return super().do_GET()
        self.send_response(200)
        self.send_header("Content-Type", "text/javascript; charset=utf-8")
        self.send_header("Content-Length", str(len(script)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        self.wfile.write(script)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path, extra: Mapping[str, bytes] | None = None) -> Iterator[str]:
    """Serve a built site on 127.0.0.1, with the scripts `extra` names at
    their paths beside it; yields its address."""
    handler = functools.partial(type("Handler", (_QuietHandler,), {"extra": dict(extra or {})}), directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
