"""Serve a folder on 127.0.0.1 (a free port) for the offline demo and the tests: real HTTP, no mocks."""

from __future__ import annotations

import contextlib
import functools
import http.server
import logging
import threading
from pathlib import Path
from typing import Iterator

log = logging.getLogger(__name__)

DEMO_PORT = 47_311  # the offline mirror's preferred port: stable URLs across demo runs


def demo_port(db: Path, event_id: str) -> int:
    """The port to serve the demo's mirror on: the one the event's pages were last discovered on in `db` (same URLs,
    so a re-run finds its pages known and gets 304s, also after DEMO_PORT was busy once), else DEMO_PORT."""
    from . import store
    from .errors import RashomonError

    if not Path(db).is_file():
        return DEMO_PORT
    try:
        with store.connect(db, read_only=True, wait_s=5) as con:
            rows = store.rows(con, "select_mirror_port", event_id=event_id)
    except RashomonError as exc:   # unreadable or locked: the default port, the run itself will say why
        log.debug("no earlier mirror port from %s: %s", db, exc)
        return DEMO_PORT
    return int(rows[0]["port"]) if rows else DEMO_PORT


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        log.debug("localsite: " + format, *args)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()


@contextlib.contextmanager
def serve_folder(folder: Path, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve `folder` over HTTP for the duration of the block; yields the base URL (ending with '/').

    `port` is tried first (so that re-runs of the demo see the same URLs) and a free port is taken when it is busy.
    """
    handler = functools.partial(_QuietHandler, directory=str(Path(folder).resolve()))
    try:
        server = http.server.ThreadingHTTPServer((host, port), handler)
    except OSError:
        if not port:
            raise
        server = http.server.ThreadingHTTPServer((host, 0), handler)
        log.warning("port %d is busy; serving the mirror on port %d instead (new URLs: its pages count as new, "
                    "and the next run comes back to this port)", port, server.server_address[1])
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="rashomon-localsite", daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
