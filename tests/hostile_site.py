"""A local hostile web site for offline fetch tests (real sockets, real httpx stack).

    with serve_hostile() as base_url:            # "http://127.0.0.1:<port>"
        ...
    with serve_hostile_site() as site:           # the same, with the site's state: site.base_url, site.hits(path),
        ...                                      # site.requests(path), site.reset(), site.robots_txt = ...

Paths (a ``?key=...`` query keeps per-test counters apart; ``site.reset()`` clears them):

  /ok.html, /private/page.html    a normal article; one that /robots.txt disallows (``Disallow: /private/``)
  /robots.txt                     ``site.robots_txt`` with ``site.robots_status`` (default 200)
  /429                            429 + Retry-After: 1 the first time per key, then 200
  /429-long                       429 + Retry-After: 3600
  /503-date                       503 + Retry-After as an HTTP-date (now + 2 s) the first time per key, then 200
  /500-then-200, /always-500      500 once per key then 200; always 500
  /404                            404
  /slow                           headers, then one body byte per second for 120 s
  /slow-headers                   the status line, then header bytes one per second
  /huge, /huge-nolength           50 MB with Content-Length; the same close-delimited
  /gzip-bomb                      Content-Encoding: gzip, ~1 MB on the wire, 1 GiB decoded (a single gzip layer
                                  cannot do better than ~1000:1)
  /gzip-bomb-nested               Content-Encoding: gzip, gzip, ~2.5 KB on the wire, 1 GiB decoded
  /gzip.html, /zstd.html          the article, compressed
  /brotli                         Content-Encoding: br (not accepted by the fetcher)
  /redirect-loop, /redirect-ok    302 to itself; 301 to /ok.html
  /redirect-private               302 to http://169.254.169.254/latest/meta-data/
  /redirect-ftp                   302 to ftp://example.com/file.txt
  /cp1251.html                    windows-1251 Cyrillic, header says charset=utf-8
  /latin1-nodecl.html             ISO-8859-1 French/German, no charset anywhere
  /empty.html, /garbage           200 with an empty body; 20 KB of random bytes as text/html
  /etag.html                      ETag + Last-Modified; 304 when If-None-Match or If-Modified-Since matches
  /delay?ms=N                     the article after N ms (``site.max_in_flight``: most requests served at once)
  /feed?n=N&from=K&word=W         an RSS feed of N undated items (i = K .. K+N-1, default K: 0) titled "W report i"
                                  (default W: Karabakh), each linking to /delay?ms=0&n=i on this site (100,000
                                  items: about 10 MB)
"""

from __future__ import annotations

import gzip
import logging
import random
import struct
import threading
import time
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.utils import format_datetime
from datetime import UTC, datetime, timedelta
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

logger = logging.getLogger(__name__)

DEFAULT_ROBOTS = "User-agent: *\nDisallow: /private/\n"

ARTICLE_TEXT = (
    "The ministry said on Tuesday that talks would resume next week. "
    "Officials from both sides confirmed a preliminary agreement on a ceasefire."
)
CYRILLIC_TEXT = (
    "Правительство заявило, что переговоры продолжатся на следующей неделе. "
    "Министр иностранных дел сообщил журналистам, что стороны достигли предварительного соглашения "
    "о прекращении огня. Об этом сообщает агентство «Новости»."
)
LATIN1_TEXT = (
    "Le gouvernement a déclaré que les négociations reprendront la semaine prochaine. Le ministre des "
    "Affaires étrangères a précisé aux journalistes que les deux parties étaient parvenues à un accord "
    "préliminaire sur le cessez-le-feu à Genève. Über die Größe der Delegation wurde nichts gesagt; "
    "señor Núñez était présent. « Ça suffit », a-t-il ajouté."
)
HUGE_SIZE = 50 * 1024 * 1024
BOMB_DECODED_SIZE = 1 << 30  # 1 GiB
ETAG = '"v1-article"'
LAST_MODIFIED = "Tue, 01 Sep 2026 10:00:00 GMT"
SLOW_SECONDS = 120


def page(title: str, body: str, *, meta: str = "") -> str:
    return (f"<!DOCTYPE html>\n<html><head>{meta}<title>{title}</title></head>\n"
            f"<body><article><h1>{title}</h1><p>{body}</p></article></body></html>\n")


OK_HTML = page("Talks to resume", ARTICLE_TEXT, meta='<meta charset="utf-8">').encode("utf-8")


@cache
def gzip_bomb_parts() -> tuple[bytes, bytes, int, bytes]:
    """(head, block, repeats, tail): head + block * repeats + tail is a gzip stream of 1 GiB of zeros.

    Built from one deflate block of 1 MiB of zeros ended by a full flush (which resets the compressor's history,
    so the same bytes can be repeated); computed once, ~1 s.
    """
    zeros = bytes(1 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    again = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    assert block == again, "deflate blocks after a full flush should repeat"
    final = compressor.flush(zlib.Z_FINISH)
    repeats = BOMB_DECODED_SIZE // len(zeros)
    crc = 0
    for _ in range(repeats):
        crc = zlib.crc32(zeros, crc)
    head = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    tail = final + struct.pack("<II", crc & 0xFFFFFFFF, BOMB_DECODED_SIZE & 0xFFFFFFFF)
    return head, block, repeats, tail


@cache
def nested_gzip_bomb() -> bytes:
    """The gzip bomb gzipped again (Content-Encoding: gzip, gzip): a few KB that decode to 1 GiB."""
    head, block, repeats, tail = gzip_bomb_parts()
    return gzip.compress(head + block * repeats + tail, compresslevel=9, mtime=0)


@dataclass(frozen=True)
class RequestRecord:
    path: str
    key: str
    at: float  # time.monotonic() when the request line was read
    host: str
    headers: dict[str, str]


class HostileSite:
    """State of one running hostile server; safe to read from the test thread."""

    def __init__(self) -> None:
        self.base_url = ""
        self.robots_txt: str | bytes = DEFAULT_ROBOTS
        self.robots_status = 200
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._counters: Counter[tuple[str, str]] = Counter()
        self._log: list[RequestRecord] = []
        self._in_flight = 0
        self.max_in_flight = 0

    def url(self, path: str) -> str:
        return self.base_url + path

    def reset(self) -> None:
        with self._lock:
            self._counters.clear()
            self._log.clear()
            self.max_in_flight = 0
        self.robots_txt = DEFAULT_ROBOTS
        self.robots_status = 200

    def hits(self, path: str, key: str | None = None) -> int:
        with self._lock:
            return sum(n for (p, k), n in self._counters.items() if p == path and (key is None or k == key))

    def requests(self, path: str | None = None) -> list[RequestRecord]:
        with self._lock:
            return [r for r in self._log if path is None or r.path == path]

    def _record(self, record: RequestRecord) -> int:
        with self._lock:
            self._log.append(record)
            self._counters[(record.path, record.key)] += 1
            self._in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self._in_flight)
            return self._counters[(record.path, record.key)]

    def _done(self) -> None:
        with self._lock:
            self._in_flight -= 1


def _make_handler(site: HostileSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "Hostile/1.0"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            logger.debug("hostile site: " + format, *args)

        # ---- helpers

        def send(self, status: int, body: bytes = b"", content_type: str | None = "text/html; charset=utf-8",
                 headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            if content_type:
                self.send_header("Content-Type", content_type)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body:
                self.wfile.write(body)

        def redirect(self, location: str, status: int = 302) -> None:
            self.send(status, b"", None, {"Location": location})

        def stream(self, chunks: Iterator[bytes], headers: dict[str, str], length: int | None) -> None:
            self.send_response(200)
            for name, value in headers.items():
                self.send_header(name, value)
            if length is None:
                self.send_header("Connection", "close")
                self.close_connection = True
            else:
                self.send_header("Content-Length", str(length))
            self.end_headers()
            for chunk in chunks:
                if site.stopping.is_set():
                    break
                self.wfile.write(chunk)

        # ---- routing

        def do_GET(self) -> None:  # noqa: N802, C901
            parts = urlsplit(self.path)
            path, query = parts.path, parse_qs(parts.query)
            key = query.get("key", [""])[0]
            suffix = f"?key={key}" if key else ""
            headers = {k.lower(): v for k, v in self.headers.items()}
            count = site._record(RequestRecord(path, key, time.monotonic(), headers.get("host", ""), headers))
            try:
                self.route(path, query, key, suffix, count)
            except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError):
                self.close_connection = True  # the client hung up, as fetch tests make it do
            finally:
                site._done()

        def route(self, path: str, query: dict[str, list[str]], key: str, suffix: str, count: int) -> None:  # noqa: C901
            if path == "/robots.txt":
                body = site.robots_txt.encode("utf-8") if isinstance(site.robots_txt, str) else site.robots_txt
                self.send(site.robots_status, body, "text/plain")
            elif path == "/ok.html":
                self.send(200, OK_HTML)
            elif path == "/private/page.html":
                self.send(200, page("Private", "This page is disallowed by robots.txt.").encode())
            elif path == "/429":
                if count == 1:
                    self.send(429, b"slow down", "text/plain", {"Retry-After": "1"})
                else:
                    self.send(200, OK_HTML)
            elif path == "/429-long":
                self.send(429, b"slow down", "text/plain", {"Retry-After": "3600"})
            elif path == "/503-date":
                if count == 1:
                    when = format_datetime(datetime.now(UTC) + timedelta(seconds=2), usegmt=True)
                    self.send(503, b"maintenance", "text/plain", {"Retry-After": when})
                else:
                    self.send(200, OK_HTML)
            elif path == "/500-then-200":
                if count == 1:
                    self.send(500, b"oops", "text/plain")
                else:
                    self.send(200, OK_HTML)
            elif path == "/always-500":
                self.send(500, b"oops", "text/plain")
            elif path == "/404":
                self.send(404, b"not found", "text/plain")
            elif path == "/slow":
                self.stream(self.drip(), {"Content-Type": "text/html"}, SLOW_SECONDS)
            elif path == "/slow-headers":
                self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                self.wfile.flush()
                for byte in b"X-Drip: " + b"d" * SLOW_SECONDS:
                    if site.stopping.wait(1.0):
                        return
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                self.close_connection = True
            elif path in ("/huge", "/huge-nolength"):
                length = HUGE_SIZE if path == "/huge" else None
                self.stream(self.filler(HUGE_SIZE), {"Content-Type": "text/html"}, length)
            elif path == "/gzip-bomb":
                head, block, repeats, tail = gzip_bomb_parts()
                chunks = iter([head, *(block for _ in range(repeats)), tail])
                length = len(head) + len(block) * repeats + len(tail)
                self.stream(chunks, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, length)
            elif path == "/gzip-bomb-nested":
                body = nested_gzip_bomb()
                self.send(200, body, "text/html", {"Content-Encoding": "gzip, gzip"})
            elif path == "/gzip.html":
                self.send(200, gzip.compress(OK_HTML, mtime=0), headers={"Content-Encoding": "gzip"})
            elif path == "/zstd.html":
                import zstandard

                self.send(200, zstandard.ZstdCompressor().compress(OK_HTML), headers={"Content-Encoding": "zstd"})
            elif path == "/brotli":
                self.send(200, b"\x0b\x02\x80hello\x03", headers={"Content-Encoding": "br"})
            elif path == "/redirect-loop":
                self.redirect("/redirect-loop" + suffix)
            elif path == "/redirect-ok":
                self.redirect("/ok.html#top", 301)
            elif path == "/redirect-private":
                self.redirect("http://169.254.169.254/latest/meta-data/")
            elif path == "/redirect-ftp":
                self.redirect("ftp://example.com/file.txt")
            elif path == "/cp1251.html":
                body = page("Новости", CYRILLIC_TEXT).encode("cp1251")
                self.send(200, body, "text/html; charset=utf-8")
            elif path == "/latin1-nodecl.html":
                self.send(200, page("Actualités", LATIN1_TEXT).encode("iso-8859-1"), "text/html")
            elif path == "/empty.html":
                self.send(200, b"", "text/html")
            elif path == "/garbage":
                self.send(200, random.Random(key or 1).randbytes(20_000), "text/html")
            elif path == "/etag.html":
                validators = {"ETag": ETAG, "Last-Modified": LAST_MODIFIED}
                if (self.headers.get("If-None-Match") == ETAG
                        or self.headers.get("If-Modified-Since") == LAST_MODIFIED):
                    self.send(304, b"", None, validators)
                else:
                    self.send(200, OK_HTML, headers=validators)
            elif path == "/delay":
                time.sleep(int(query.get("ms", ["100"])[0]) / 1000)
                self.send(200, OK_HTML)
            elif path == "/feed":
                origin = f"http://{self.headers.get('Host', '127.0.0.1')}"
                first = int(query.get("from", ["0"])[0])
                body = big_feed(origin, range(first, first + int(query.get("n", ["100"])[0])),
                                query.get("word", ["Karabakh"])[0])
                self.send(200, body, "application/rss+xml")
            else:
                self.send(404, b"no such page", "text/plain")

        def drip(self) -> Iterator[bytes]:
            for _ in range(SLOW_SECONDS):
                if site.stopping.wait(1.0):
                    return
                yield b"x"
                self.wfile.flush()

        @staticmethod
        def filler(total: int) -> Iterator[bytes]:
            chunk = (b"<p>" + b"filler " * 9360 + b"</p>\n")[: 64 * 1024]
            sent = 0
            while sent < total:
                piece = chunk[: total - sent]
                sent += len(piece)
                yield piece

    return Handler


@cache
def big_feed(origin: str, numbers: range, word: str) -> bytes:
    items = "".join(f"<item><title>{word} report {i}</title><link>{origin}/delay?ms=0&amp;n={i}</link></item>"
                    for i in numbers)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title>{items}</channel></rss>'.encode()


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # Clients hanging up mid-response is what the fetch tests are about: no tracebacks on stderr for that.
        logger.debug("hostile site: client %s went away", client_address, exc_info=True)


@contextmanager
def serve_hostile_site() -> Iterator[HostileSite]:
    """Run a hostile site on 127.0.0.1 (free port) in a daemon thread; yields its state."""
    site = HostileSite()
    server = _QuietServer(("127.0.0.1", 0), _make_handler(site))
    server.daemon_threads = True
    host, port = server.server_address[:2]
    site.base_url = f"http://{host}:{port}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True,
                              name="hostile-site")
    thread.start()
    try:
        yield site
    finally:
        site.stopping.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextmanager
def serve_hostile() -> Iterator[str]:
    """Run a hostile site; yields its base URL ("http://127.0.0.1:<port>")."""
    with serve_hostile_site() as site:
        yield site.base_url
