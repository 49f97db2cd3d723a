"""Polite, robust HTTP fetching: robots.txt, per-host rate limits, retries, size cap, deadline, conditional GET.

httpx does the HTTP; this module fills its gaps (see GUIDE §6-7):

* redirects are followed here, not by httpx, so every hop is re-checked against the scheme rule, the address policy
  (:mod:`rashomon.netpolicy`) and robots.txt, and counted (``max_redirects``);
* the body is read raw (``iter_raw``) and decompressed here with *bounded* decoders (gzip, deflate, zstd), so a
  gzip bomb costs at most ``max_bytes`` of memory and is rejected as soon as the cap is passed;
* the total deadline is enforced at the socket level: the client's network streams bound every connect, TLS
  handshake, read and write by the time left (httpx's read timeout alone is per chunk), the time is also checked
  between chunks, and injected clients get a watchdog that shuts the socket down at the deadline;
* retries (connect errors, timeouts, 408, 429, 5xx) use stamina's backoff formula with jitter and honour
  Retry-After; ``stamina.set_active(False)`` turns them off and ``stamina.set_testing(True)`` removes the waits;
* per host, at most ``per_host_concurrency`` requests are in flight and request starts are ``min_interval`` apart
  (or further apart, and fewer, when the host's outlet file asks for it: ``host_limits``, see hostlimits.py; or
  robots.txt's Crawl-delay, capped at 30 s); a 429/503 with Retry-After holds the whole host off.

Nothing here raises for network, HTTP or policy failures: :meth:`Fetcher.fetch` returns a :class:`FetchResult`
whose ``outcome`` says what happened and whose ``attempts`` are the rows of the ``fetch_log`` table.
"""

from __future__ import annotations

import codecs
import email.utils
import io
import logging
import math
import queue
import random
import re
import socket
import threading
import time
import weakref
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, nullcontext, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import TracebackType

import charset_normalizer
import httpcore
import httpx
import stamina
from charset_normalizer.md import mess_ratio
from protego import Protego

from rashomon.errors import ConfigError, RunInterrupted
from rashomon.hostlimits import HostLimit
from rashomon.netpolicy import (
    AddressPolicy,
    BadURLError,
    GuardedBackend,
    RefusedAddressError,
    ResolutionError,
    Resolver,
    check_url,
)

try:
    import zstandard
except ImportError:  # pragma: no cover - zstandard is a declared dependency
    zstandard = None

logger = logging.getLogger(__name__)

OUTCOMES = (
    "ok",
    "not_modified",
    "http_error",
    "robots_disallowed",
    "refused_address",
    "too_large",
    "timeout",
    "network_error",
    "redirect_error",
    "bad_url",
)
ROBOTS_TTL = 24 * 3600.0  # RFC 9309: cache robots.txt no longer than 24 h
ROBOTS_ERROR_TTL = 600.0  # an unreachable robots.txt (5xx, network) blocks its host for 10 min, then is retried
ROBOTS_MAX_BYTES = 500 * 1024  # RFC 9309 §2.5: parse at least 500 KiB; the rest is ignored
CRAWL_DELAY_CAP = 30.0
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})  # plus any other 5xx
ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
ACCEPT_ENCODING = "gzip, deflate, zstd" if zstandard is not None else "gzip, deflate"
_CHUNK = 64 * 1024  # largest piece a decoder hands on at once


# --------------------------------------------------------------------------------------------------- records


@dataclass(frozen=True)
class FetchPolicy:
    """How politely and defensively to fetch. All times in seconds."""

    user_agent: str = "Rashomon/0.1 (+https://github.com/rashomon-news/rashomon)"
    connect_timeout: float = 10.0
    total_timeout: float = 60.0  # whole request deadline (per attempt), enforced
    max_bytes: int = 10 * 1024 * 1024  # after decompression
    max_redirects: int = 5
    max_attempts: int = 3  # retries on connect errors/timeouts, 408, 429, 5xx; never on other 4xx
    backoff_initial: float = 1.0  # exponential backoff with jitter (stamina's formula)
    backoff_max: float = 30.0
    retry_after_cap: float = 60.0  # a longer Retry-After is not waited for: the URL is given up
    min_interval: float = 1.0  # per host, between request starts (Crawl-delay honoured, capped at 30 s)
    allow_private: bool = False  # allow loopback addresses for any host (tests, a local server); nothing else private
    loopback_hosts: frozenset[str] = frozenset()  # hosts ("127.0.0.1:8765") allowed to be loopback: the offline mirror
    allow_networks: tuple[str, ...] = ()  # address ranges allowed explicitly ("10.1.0.0/16"); never link-local
    obey_robots: bool = True
    per_host_concurrency: int = 1  # requests in flight per host
    max_workers: int = 8  # fetch_many: hosts fetched in parallel

    def __post_init__(self) -> None:
        positive = ("connect_timeout", "total_timeout", "max_bytes", "max_attempts", "per_host_concurrency",
                    "max_workers")
        for name in positive:
            if not getattr(self, name) > 0:
                raise ConfigError(f"FetchPolicy.{name} must be > 0, got {getattr(self, name)!r}")
        not_negative = ("max_redirects", "backoff_initial", "backoff_max", "retry_after_cap", "min_interval")
        for name in not_negative:
            value = getattr(self, name)
            if not (value >= 0 and math.isfinite(value)):
                raise ConfigError(f"FetchPolicy.{name} must be >= 0, got {value!r}")
        if not self.user_agent.strip():
            raise ConfigError("FetchPolicy.user_agent must not be empty")
        try:
            self.address_policy()
        except BadURLError as exc:
            raise ConfigError(str(exc)) from None

    def address_policy(self) -> AddressPolicy:
        """The addresses this policy lets the fetcher contact (rashomon.netpolicy)."""
        return AddressPolicy.build(loopback_anywhere=self.allow_private, loopback_hosts=self.loopback_hosts,
                                   networks=self.allow_networks)


@dataclass(frozen=True)
class Attempt:
    """One HTTP request made for a fetch (one row of the fetch_log table); redirect hops are rows of their own."""

    url: str
    attempt: int  # 1-based retry number; the hops of one attempt share it
    status: int | None
    error: str | None
    bytes: int  # body bytes read, after decoding
    elapsed_s: float
    started_at: datetime  # UTC


@dataclass(frozen=True)
class FetchResult:
    """What became of one URL. ``content`` is set only when ``outcome == "ok"``."""

    url: str  # as requested
    final_url: str  # after redirects (for a refusal: the URL that was refused)
    outcome: str  # one of OUTCOMES
    status: int | None
    content: bytes | None  # decoded from Content-Encoding (the raw page bytes), None unless ok
    content_type: str | None  # the Content-Type header as sent, e.g. "text/html; charset=utf-8"
    charset: str | None  # best guess of the real charset (Python codec name), for text-like content
    etag: str | None
    last_modified: str | None
    attempts: tuple[Attempt, ...]
    error: str | None  # one-line reason when not ok

    @property
    def ok(self) -> bool:
        return self.outcome == "ok"

    @property
    def media_type(self) -> str | None:
        """``content_type`` without parameters, lower-cased ("text/html")."""
        if not self.content_type:
            return None
        return self.content_type.split(";", 1)[0].strip().lower() or None


@dataclass
class _Try:
    """The end of one attempt (all its hops)."""

    outcome: str
    final_url: str
    status: int | None = None
    error: str | None = None
    retryable: bool = False
    retry_after: float | None = None
    content: bytes | None = None
    headers: httpx.Headers | None = None


class _TooLarge(Exception):
    pass


class _DeadlineExceeded(Exception):
    pass


class _DecodingFailed(Exception):
    pass


# --------------------------------------------------------------------------------------------------- charsets

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# WHATWG Encoding Standard: labels browsers decode with a superset codec.
_LABEL_ALIASES = {
    **dict.fromkeys(
        ("iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "cp819", "ibm819", "iso-ir-100",
         "ascii", "us-ascii", "ansi_x3.4-1968", "windows-1252", "x-cp1252"), "cp1252"),
    **dict.fromkeys(("iso-8859-9", "iso8859-9", "iso_8859-9", "latin5", "l5", "windows-1254"), "cp1254"),
    **dict.fromkeys(("iso-8859-11", "tis-620", "windows-874"), "cp874"),
    **dict.fromkeys(("gb2312", "gbk", "x-gbk", "gb_2312-80", "chinese", "csgb2312"), "gb18030"),
    **dict.fromkeys(("shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "windows-31j", "csshiftjis"), "cp932"),
    **dict.fromkeys(("euc-kr", "ks_c_5601-1987", "windows-949", "cseuckr"), "cp949"),
    **dict.fromkeys(("big5", "big5-hkscs", "cn-big5", "x-x-big5"), "big5hkscs"),
    **dict.fromkeys(("utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8"), "utf-8"),
    "x-mac-cyrillic": "mac-cyrillic",
}
_REFUSED_CODECS = frozenset({"utf-7", "utf_7"})  # WHATWG refuses UTF-7 (a classic XSS vector)
_HEADER_CHARSET_RE = re.compile(r"""charset\s*=\s*["']?\s*([^"';,\s]+)""", re.I)
_META_CHARSET_RE = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:+-]+)""", re.I)
_XML_DECL_RE = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:+-]+)""", re.I)
_SNIFF_BYTES = 8192
_MESS_SAMPLE = 32_768  # characters per slice given to mess_ratio
_MESS_SUSPICIOUS = 0.05  # a declared charset whose text is messier than this is compared with a detection
_MESS_MARGIN = 0.1  # ... and replaced when the detected charset is at least this much cleaner


def _codec_name(label: str | bytes | None, *, from_meta: bool = False) -> str | None:
    """Python codec name for a charset label, WHATWG aliases applied; None if unknown or refused."""
    if label is None:
        return None
    if isinstance(label, bytes):
        label = label.decode("ascii", "ignore")
    label = label.strip().strip("\"'").lower()
    if not label:
        return None
    label = _LABEL_ALIASES.get(label, label)
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _REFUSED_CODECS:
        return None
    if from_meta and info.name.startswith(("utf-16", "utf-32")):
        return "utf-8"  # a <meta> readable as ASCII cannot be UTF-16: browsers read it as UTF-8
    return info.name


def _declared_charsets(content: bytes, content_type: str | None) -> list[str]:
    """Charsets declared by the Content-Type header, then by <meta> or the XML declaration (deduplicated)."""
    found: list[str] = []
    if content_type:
        match = _HEADER_CHARSET_RE.search(content_type)
        if match:
            found.append(_codec_name(match.group(1)) or "")
    head = content[:_SNIFF_BYTES]
    match = _XML_DECL_RE.search(head) or _META_CHARSET_RE.search(head)
    if match:
        found.append(_codec_name(match.group(1), from_meta=True) or "")
    return [cs for i, cs in enumerate(found) if cs and cs not in found[:i]]


def _mess(text: str) -> float:
    """charset-normalizer's 'mess' of a text (0 = clean), measured on up to three slices."""
    if len(text) > 3 * _MESS_SAMPLE:
        middle = len(text) // 2
        text = text[:_MESS_SAMPLE] + text[middle : middle + _MESS_SAMPLE] + text[-_MESS_SAMPLE:]
    return float(mess_ratio(text, maximum_threshold=1.0))


def _non_ascii_chars(text: str) -> int:
    return len(text) - len(text.encode("ascii", "ignore"))


def _mostly_utf8(content: bytes) -> str | None:
    """The UTF-8 reading of *content* when at least 98 % of its non-ASCII sequences are valid UTF-8, else None."""
    text = content.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    good = _non_ascii_chars(text) - bad
    if good > 0 and bad <= 0.02 * (good + bad):
        return text
    return None


def _detect(content: bytes) -> tuple[str, str] | None:
    """charset-normalizer's best reading: (text, codec name), or None when the bytes look binary."""
    best = charset_normalizer.from_bytes(content).best()
    if best is None:
        return None
    try:
        name = codecs.lookup(best.encoding).name
    except LookupError:
        name = best.encoding
    return str(best), name


def _decode_declared(content: bytes, charset: str) -> str | None:
    """Decode with a declared single- or multi-byte charset; tolerate a few undefined bytes."""
    try:
        return content.decode(charset)
    except UnicodeDecodeError:
        text = content.decode(charset, "replace")
        bad = text.count("\ufffd")
        if bad <= 0.01 * max(1, _non_ascii_chars(text)):
            return text
        return None
    except LookupError:
        return None


def sniff_charset(content: bytes, content_type: str | None) -> tuple[str, str]:
    """Best (text, charset) for HTML/XML/text bytes: BOM, then a declared charset that decodes and looks right,
    then charset-normalizer, then UTF-8 with replacement characters. Never raises."""
    try:
        return _sniff(content, content_type)
    except Exception:  # noqa: BLE001 - decoding hostile bytes must never break a run
        logger.exception("charset sniffing failed; falling back to UTF-8 with replacement characters")
        return content.decode("utf-8", "replace"), "utf-8"


def _sniff(content: bytes, content_type: str | None) -> tuple[str, str]:
    declared = _declared_charsets(content, content_type)
    if not content:
        return "", declared[0] if declared else "utf-8"
    for bom, name in _BOMS:
        if content.startswith(bom):
            return content[len(bom) :].decode(name, "replace"), name
    if content.isascii():
        ascii_compatible = [cs for cs in declared if not cs.startswith(("utf-16", "utf-32"))]
        return content.decode("ascii"), ascii_compatible[0] if ascii_compatible else "utf-8"
    try:
        as_utf8: str | None = content.decode("utf-8")
    except UnicodeDecodeError:
        as_utf8 = None
    for charset in declared:
        if charset == "utf-8":
            if as_utf8 is not None:
                return as_utf8, "utf-8"
            mostly = _mostly_utf8(content)
            if mostly is not None:
                return mostly, "utf-8"
            continue  # declared UTF-8 but it is not: try the next declaration, then detection
        if as_utf8 is not None:
            # Non-ASCII bytes that form valid UTF-8 are almost never another charset: the declaration lies.
            return as_utf8, "utf-8"
        text = _decode_declared(content, charset)
        if text is None:
            continue
        mess = _mess(text)
        if mess <= _MESS_SUSPICIOUS:
            return text, charset
        detected = _detect(content)
        if detected is not None and detected[1] != charset and _mess(detected[0]) + _MESS_MARGIN <= mess:
            return detected
        return text, charset
    if as_utf8 is not None:
        return as_utf8, "utf-8"
    detected = _detect(content)
    if detected is not None:
        return detected
    return content.decode("utf-8", "replace"), "utf-8"


def decode_html(content: bytes, content_type: str | None) -> str:
    """Best text for HTML bytes: honour a BOM, then check the declared charset (header, <meta>) actually decodes
    and looks right, else charset-normalizer; never raises. Pass the Content-Type header value (with its charset
    parameter), e.g. ``FetchResult.content_type``."""
    return sniff_charset(content or b"", content_type)[0]


def _is_textual(content_type: str | None) -> bool:
    if not content_type:
        return True
    media = content_type.split(";", 1)[0].strip().lower()
    return media.startswith("text/") or "xml" in media or "json" in media or "html" in media


# --------------------------------------------------------------------------------------------------- retries


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date); None if absent or unparseable."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        return max(0.0, seconds) if math.isfinite(seconds) else None
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def backoff_delay(attempt: int, initial: float, maximum: float, *, rng: random.Random | None = None) -> float:
    """stamina's backoff: min(maximum, initial * 2 ** (attempt - 1) + uniform(0, initial)) for retry *attempt*."""
    jitter = (rng or random).uniform(0, initial) if initial else 0.0
    try:
        return min(maximum, initial * 2 ** (attempt - 1) + jitter)
    except OverflowError:
        return maximum


# --------------------------------------------------------------------------------------------------- bodies


def _content_encodings(headers: httpx.Headers) -> list[str]:
    codings: list[str] = []
    for value in headers.get_list("content-encoding"):
        for token in value.split(","):
            token = token.strip().lower()
            if token and token != "identity":
                codings.append(token)
    return codings


def _zlib_chunks(source: Iterator[bytes], wbits: int) -> Iterator[bytes]:
    """Inflate *source* handing on at most _CHUNK bytes at a time (a bomb never sits in memory)."""
    decompressor = zlib.decompressobj(wbits)
    for data in source:
        while data:
            out = decompressor.decompress(data, _CHUNK)
            if out:
                yield out
            if decompressor.eof:
                data = decompressor.unused_data
                if data and wbits > 16 + 8:  # another gzip member follows (RFC 1952 allows several)
                    decompressor = zlib.decompressobj(wbits)
                    continue
                return  # trailing bytes after the stream: ignored, as browsers do
            data = decompressor.unconsumed_tail
    tail = decompressor.flush()
    if tail:
        yield tail


def _deflate_chunks(source: Iterator[bytes]) -> Iterator[bytes]:
    """HTTP 'deflate' is meant to be zlib-wrapped but is often raw deflate: look at the first two bytes."""
    head = b""
    for data in source:
        head += data
        if len(head) >= 2:
            break
    if not head:
        return
    zlib_wrapped = len(head) >= 2 and (head[0] & 0x0F) == 8 and ((head[0] << 8) | head[1]) % 31 == 0

    def rest() -> Iterator[bytes]:
        yield head
        yield from source

    yield from _zlib_chunks(rest(), zlib.MAX_WBITS if zlib_wrapped else -zlib.MAX_WBITS)


class _IterReader(io.RawIOBase):
    """A read-only file over an iterator of byte chunks (for zstandard's pull-based, bounded reader)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._pending:
            try:
                self._pending = next(self._chunks)
            except StopIteration:
                return 0
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n


def _zstd_chunks(source: Iterator[bytes]) -> Iterator[bytes]:
    # RFC 9659: HTTP zstd windows are at most 8 MB; a bigger one is refused instead of allocated.
    decompressor = zstandard.ZstdDecompressor(max_window_size=8 * 1024 * 1024)
    with decompressor.stream_reader(_IterReader(source), read_size=_CHUNK, read_across_frames=True,
                                    closefd=False) as reader:
        while chunk := reader.read(_CHUNK):
            yield chunk


def _decoded_chunks(raw: Iterator[bytes], codings: list[str]) -> Iterator[bytes]:
    stream = raw
    for coding in reversed(codings):  # codings are listed in the order they were applied
        if coding in ("gzip", "x-gzip"):
            stream = _zlib_chunks(stream, 16 + zlib.MAX_WBITS)
        elif coding == "deflate":
            stream = _deflate_chunks(stream)
        elif coding == "zstd" and zstandard is not None:
            stream = _zstd_chunks(stream)
        else:
            raise _DecodingFailed(f"unsupported Content-Encoding {coding!r}")
    return stream


# --------------------------------------------------------------------------------------------------- deadline

_deadline_local = threading.local()


@contextmanager
def _deadline_scope(deadline: float) -> Iterator[None]:
    previous = getattr(_deadline_local, "deadline", None)
    _deadline_local.deadline = deadline
    try:
        yield
    finally:
        _deadline_local.deadline = previous


def _bounded(timeout: float | None, exc_type: type[Exception]) -> float | None:
    """*timeout* shortened to the current thread's remaining deadline; raise *exc_type* once it has passed."""
    deadline = getattr(_deadline_local, "deadline", None)
    if deadline is None:
        return timeout
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise exc_type("total deadline exceeded")
    return remaining if timeout is None else min(timeout, remaining)


class _DeadlineStream(httpcore.NetworkStream):
    """Bounds every socket operation by the calling thread's deadline (pooled connections included)."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _bounded(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _bounded(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context, server_hostname: str | None = None, timeout: float | None = None):  # noqa: ANN001
        stream = self._inner.start_tls(ssl_context, server_hostname, _bounded(timeout, httpcore.ConnectTimeout))
        return _DeadlineStream(stream)

    def get_extra_info(self, info: str) -> object:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner
        self.streams: weakref.WeakSet[httpcore.NetworkStream] = weakref.WeakSet()  # open ones, for Fetcher.abort

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):  # noqa: ANN001
        timeout = _bounded(timeout, httpcore.ConnectTimeout)
        stream = self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        self.streams.add(stream)
        return _DeadlineStream(stream)

    def shut_down_all(self) -> None:
        """Shut every open socket down, so that requests blocked reading or writing return at once."""
        for stream in list(self.streams):
            sock = stream.get_extra_info("socket")
            if isinstance(sock, socket.socket):
                with suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def connect_unix_socket(self, path, timeout=None, socket_options=None):  # noqa: ANN001
        timeout = _bounded(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.connect_unix_socket(path, timeout, socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _Watchdog:
    """For clients we did not build: shut the socket down at the deadline, so a blocked read returns.

    The socket is known once a new connection is made (httpcore's trace hook) or once the response headers are in.
    """

    def __init__(self, delay: float) -> None:
        self.fired = False
        self._stream: object = None
        self._timer = threading.Timer(max(0.0, delay), self._fire)
        self._timer.daemon = True

    def __enter__(self) -> _Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._timer.cancel()

    def trace(self, event: str, info: dict[str, object]) -> None:
        if event in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
            self._watch_stream(info.get("return_value"))

    def watch(self, response: httpx.Response) -> None:
        self._watch_stream(response.extensions.get("network_stream"))

    def _watch_stream(self, stream: object) -> None:
        if stream is not None:
            self._stream = stream
            if self.fired:
                self._fire()

    def _fire(self) -> None:
        self.fired = True
        stream = self._stream
        get_extra_info = getattr(stream, "get_extra_info", None)
        sock = get_extra_info("socket") if get_extra_info is not None else None
        if isinstance(sock, socket.socket):
            with suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


# --------------------------------------------------------------------------------------------------- politeness


class _HostGate:
    """Per-host politeness: at most *concurrency* requests in flight, starts at least *interval* apart."""

    def __init__(self, interval: float, concurrency: int) -> None:
        self.interval = interval
        self._slots = threading.BoundedSemaphore(concurrency)
        self._lock = threading.Lock()
        self._next_start = 0.0
        self._last_start = -math.inf

    def raise_interval(self, interval: float) -> None:
        """Space requests further apart from now on (Crawl-delay), counting from the last start."""
        with self._lock:
            self.interval = max(self.interval, interval)
            self._next_start = max(self._next_start, self._last_start + self.interval)

    def hold_off(self, seconds: float) -> None:
        with self._lock:
            self._next_start = max(self._next_start, time.monotonic() + seconds)

    @contextmanager
    def slot(self, sleep: Callable[[float], object]) -> Iterator[None]:
        self._slots.acquire()
        try:
            with self._lock:
                now = time.monotonic()
                start = max(now, self._next_start)
                self._last_start = start
                self._next_start = start + self.interval
            if start > now:
                sleep(start - now)
            yield
        finally:
            self._slots.release()


@dataclass
class _RobotsEntry:
    rules: Protego | None  # None: robots.txt unavailable, the host is disallowed for now
    reason: str
    expires: float


@dataclass
class _Shared:
    """State shared by the threads of one Fetcher."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    gates: dict[str, _HostGate] = field(default_factory=dict)
    robots: dict[str, _RobotsEntry] = field(default_factory=dict)
    robots_locks: dict[str, threading.Lock] = field(default_factory=dict)


# --------------------------------------------------------------------------------------------------- fetcher


def _host_key(url: str) -> str:
    try:
        return httpx.URL(url).host.lower()
    except Exception:  # noqa: BLE001
        return ""


def _origin(url: httpx.URL) -> str:
    host = url.raw_host.decode("ascii")
    if ":" in host:
        host = f"[{host}]"
    return f"{url.scheme}://{host}" + (f":{url.port}" if url.port is not None else "")


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Fetcher:
    """Fetches pages politely and defensively; thread-safe; close it (or use ``with``) when done."""

    def __init__(
        self,
        policy: FetchPolicy = FetchPolicy(),  # noqa: B008 - frozen, so a shared default is safe
        client: httpx.Client | None = None,
        *,
        sleep: Callable[[float], object] = time.sleep,
        resolver: Resolver | None = None,
        host_limits: Mapping[str, HostLimit] | None = None,
    ) -> None:
        self.policy = policy
        self._host_limits = dict(host_limits or {})  # per host, the outlet's own politeness (hostlimits.py)
        self._sleep = sleep
        self._aborted = threading.Event()
        self._backend: _DeadlineBackend | None = None
        self._resolver = resolver
        self._addresses = policy.address_policy()
        self._rng = random.Random()
        self._shared = _Shared()
        self._owns_client = client is None
        self._transport_deadline = False  # True once our network backend enforces deadline + address policy
        self._client = client if client is not None else self._build_client()
        self._headers = {"User-Agent": policy.user_agent, "Accept": ACCEPT, "Accept-Encoding": ACCEPT_ENCODING}

    # ---- lifecycle

    def _build_client(self) -> httpx.Client:
        transport = httpx.HTTPTransport(retries=0)  # TLS is always verified; no fallback exists
        pool = getattr(transport, "_pool", None)
        backend = getattr(pool, "_network_backend", None)
        if isinstance(pool, httpcore.ConnectionPool) and isinstance(backend, httpcore.NetworkBackend):
            backend = GuardedBackend(backend, resolver=self._resolver, policy=self._addresses)  # in every mode
            self._backend = _DeadlineBackend(backend)
            pool._network_backend = self._backend  # noqa: SLF001 - httpx has no public hook for it
            self._transport_deadline = True
        else:  # pragma: no cover - only if httpx/httpcore internals change
            logger.warning("cannot install the guarded network backend; relying on pre-flight checks and watchdog")
        limits = httpx.Limits(max_connections=4 * self.policy.max_workers * self.policy.per_host_concurrency,
                              max_keepalive_connections=2 * self.policy.max_workers)
        return httpx.Client(
            transport=transport,
            follow_redirects=False,
            timeout=httpx.Timeout(self.policy.total_timeout, connect=self.policy.connect_timeout),
            limits=limits,
            trust_env=False,  # no proxies or .netrc credentials picked up from the environment
        )

    def abort(self) -> None:
        """Stop now (SIGINT/SIGTERM): waits end at once, requests in flight fail fast (their sockets are shut down),
        no new request starts. Thread-safe; the Fetcher is unusable afterwards."""
        self._aborted.set()
        if self._backend is not None:
            self._backend.shut_down_all()

    def _pause(self, seconds: float) -> None:
        """Sleep between requests or before a retry; an abort ends the wait."""
        if self._aborted.is_set():
            return
        if self._sleep is time.sleep:
            self._aborted.wait(seconds)
        else:
            self._sleep(seconds)

    def close(self) -> None:
        if self._owns_client:
            self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # ---- public API

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
              max_bytes: int | None = None) -> FetchResult:
        """Fetch one URL. Never raises for network/HTTP/policy failures: returns a FetchResult whose attempts list
        every request. Conditional GET when etag/last_modified given (304 -> outcome not_modified). `max_bytes`
        lowers the body cap for this URL (feeds and sitemaps: a bigger one is too_large)."""
        attempts: list[Attempt] = []
        try:
            start_url = self._normalise(url)
        except BadURLError as exc:
            return self._result(url, _Try("bad_url", str(url), error=_one_line(str(exc))), attempts, 1,
                                etag, last_modified)
        max_attempts = self.policy.max_attempts if stamina.is_active() else 1
        number = 0
        while True:
            number += 1
            result = self._attempt(start_url, number, attempts, etag=etag, last_modified=last_modified,
                                   check_robots=self.policy.obey_robots,
                                   max_bytes=min(max_bytes or self.policy.max_bytes, self.policy.max_bytes))
            if not result.retryable or number >= max_attempts:
                break
            if result.retry_after is not None and result.retry_after > self.policy.retry_after_cap:
                result.error = (f"{result.error}; Retry-After {result.retry_after:.0f} s exceeds the "
                                f"{self.policy.retry_after_cap:.0f} s cap, not retried")
                break
            if result.retry_after is not None:
                delay = result.retry_after
            else:
                delay = backoff_delay(number, self.policy.backoff_initial, self.policy.backoff_max, rng=self._rng)
            if stamina.is_testing():
                delay = 0.0
            logger.info("retrying %s in %.1f s (attempt %d of %d): %s", url, delay, number + 1, max_attempts,
                        result.error)
            if delay > 0:
                self._pause(delay)
            if self._aborted.is_set():
                break
        return self._result(url, result, attempts, number, etag, last_modified)

    def fetch_many(
        self,
        urls: Sequence[str],
        *,
        validators: dict[str, tuple[str | None, str | None]] | None = None,
        progress: Callable[[int, int], object] | None = None,
        on_result: Callable[[str, FetchResult], object] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> list[FetchResult]:
        """Fetch many URLs: per-host politeness (<= per_host_concurrency in flight per host, min_interval apart),
        different hosts in parallel (<= max_workers threads); results in input order (a URL given twice is fetched
        once); progress(done, total) and on_result(url, result) (as each URL's result arrives, so the caller can save
        it at once) are called from the calling thread.

        should_stop() is asked about twice a second: when it says yes, requests in flight are aborted and
        RunInterrupted is raised (the results delivered to on_result so far are the URLs done)."""
        total = len(urls)
        results: list[FetchResult | None] = [None] * total
        positions: dict[str, list[int]] = defaultdict(list)
        for index, url in enumerate(urls):
            positions[url].append(index)
        by_host: dict[str, list[str]] = defaultdict(list)
        for url in positions:
            by_host[_host_key(url)].append(url)
        lanes: list[list[str]] = []
        for host_urls in by_host.values():
            width = min(self.limit_for(_host_key(host_urls[0])).concurrency, len(host_urls))
            lanes.extend(host_urls[i::width] for i in range(width))
        lanes.sort(key=len, reverse=True)  # longest lanes first: the run ends sooner
        validators = validators or {}
        done_queue: queue.Queue[tuple[str, FetchResult]] = queue.Queue()
        stop = threading.Event()

        def run_lane(lane: list[str]) -> None:
            for url in lane:
                if stop.is_set() or self._aborted.is_set():
                    return
                etag, last_modified = validators.get(url, (None, None))
                try:
                    result = self.fetch(url, etag=etag, last_modified=last_modified)
                except Exception as exc:  # noqa: BLE001 - one broken URL must not hide the others
                    logger.exception("unexpected error fetching %s", url)
                    result = FetchResult(url, url, "network_error", None, None, None, None, None, None, (),
                                         _one_line(f"unexpected {type(exc).__name__}: {exc}"))
                done_queue.put((url, result))

        done = 0
        if not lanes:
            return []
        executor = ThreadPoolExecutor(max_workers=min(self.policy.max_workers, len(lanes)),
                                      thread_name_prefix="rashomon-fetch")
        try:
            futures = [executor.submit(run_lane, lane) for lane in lanes]
            remaining = len(positions)
            while remaining:
                if should_stop is not None and should_stop():
                    self.abort()
                    raise RunInterrupted(f"stopped while fetching: {total - done} of {total} pages not fetched")
                try:
                    url, result = done_queue.get(timeout=0.5)
                except queue.Empty:
                    for future in futures:  # a lane that died of a BaseException would leave us waiting
                        if future.done() and future.exception() is not None:
                            raise future.exception()  # type: ignore[misc]
                    continue
                remaining -= 1
                if on_result is not None:
                    on_result(url, result)
                for index in positions[url]:
                    results[index] = result
                    done += 1
                    if progress is not None:
                        progress(done, total)
        except BaseException:
            stop.set()
            executor.shutdown(wait=False, cancel_futures=True)
            raise
        executor.shutdown(wait=True)
        return [r for r in results if r is not None]

    # ---- one fetch

    @staticmethod
    def _normalise(url: str) -> str:
        if not isinstance(url, str) or not url.strip():
            raise BadURLError(f"not a URL: {url!r}")
        try:
            parsed = httpx.URL(url.strip())
        except (httpx.InvalidURL, TypeError, ValueError) as exc:
            raise BadURLError(f"malformed URL {url!r}: {exc}") from exc
        if parsed.scheme not in ("http", "https"):
            raise BadURLError(f"scheme {parsed.scheme or '(none)'!r} not allowed, only http and https: {url!r}")
        if not parsed.host:
            raise BadURLError(f"URL has no host: {url!r}")
        return str(parsed.copy_with(fragment=None))

    def _result(self, url: str, t: _Try, attempts: list[Attempt], number: int, etag: str | None,
                last_modified: str | None) -> FetchResult:
        headers = t.headers or httpx.Headers()
        error = t.error
        if t.outcome not in ("ok", "not_modified") and number > 1 and error:
            error = f"{error} (gave up after {number} attempts)"
        content_type = headers.get("content-type") if t.outcome == "ok" else None
        charset = None
        if t.outcome == "ok" and t.content is not None and _is_textual(content_type):
            charset = sniff_charset(t.content, content_type)[1]
        if t.outcome == "not_modified":  # a 304 need not repeat the validators: keep the caller's
            new_etag = headers.get("etag") or etag
            new_last_modified = headers.get("last-modified") or last_modified
        elif t.outcome == "ok":
            new_etag, new_last_modified = headers.get("etag"), headers.get("last-modified")
        else:
            new_etag = new_last_modified = None
        return FetchResult(
            url=url,
            final_url=t.final_url,
            outcome=t.outcome,
            status=t.status,
            content=t.content if t.outcome == "ok" else None,
            content_type=content_type,
            charset=charset,
            etag=new_etag,
            last_modified=new_last_modified,
            attempts=tuple(attempts),
            error=error,
        )

    def _attempt(self, url: str, number: int, log: list[Attempt], *, etag: str | None, last_modified: str | None,
                 check_robots: bool, max_bytes: int, truncate: bool = False) -> _Try:
        """One attempt: request *url*, following up to max_redirects redirects, each hop re-checked."""
        current = url
        status: int | None = None
        for hop in range(self.policy.max_redirects + 1):
            refusal = self._preflight(current, hop, check_robots)
            if refusal is not None:
                return refusal
            result, next_url = self._request(current, number, log, etag=etag, last_modified=last_modified,
                                             max_bytes=max_bytes, truncate=truncate)
            if next_url is None:
                return result
            status = result.status
            current = next_url
        return _Try("redirect_error", current, status=status,
                    error=f"more than {self.policy.max_redirects} redirects (last to {current})")

    def _preflight(self, url: str, hop: int, check_robots: bool) -> _Try | None:
        """Scheme, address policy and robots.txt for one hop; a _Try when the hop must not be requested."""
        try:
            check_url(url, self._addresses, resolver=self._resolver)
        except BadURLError as exc:
            outcome = "bad_url" if hop == 0 else "redirect_error"
            prefix = "" if hop == 0 else "redirect to a forbidden URL: "
            return _Try(outcome, url, error=_one_line(prefix + str(exc)))
        except RefusedAddressError as exc:
            logger.warning("refused %s: %s", url, exc)
            return _Try("refused_address", url, error=_one_line(str(exc)))
        except ResolutionError as exc:
            return _Try("network_error", url, error=_one_line(str(exc)), retryable=exc.transient)
        if check_robots:
            verdict = self._robots_verdict(url)
            if verdict is not None:
                return _Try("robots_disallowed", url, error=verdict)
        return None

    def limit_for(self, host: str) -> HostLimit:
        """The spacing and concurrency used for a host: the slower of the policy's and the host's outlet's."""
        own = HostLimit(self.policy.min_interval, self.policy.per_host_concurrency)
        return own.stricter(self._host_limits.get(host))

    def _gate(self, host: str) -> _HostGate:
        with self._shared.lock:
            gate = self._shared.gates.get(host)
            if gate is None:
                limit = self.limit_for(host)
                gate = _HostGate(limit.interval, limit.concurrency)
                self._shared.gates[host] = gate
            return gate

    def _timeout(self, deadline: float) -> httpx.Timeout:
        remaining = max(0.001, deadline - time.monotonic())
        return httpx.Timeout(connect=min(self.policy.connect_timeout, remaining), read=remaining, write=remaining,
                             pool=remaining)

    def _request(self, url: str, number: int, log: list[Attempt], *, etag: str | None, last_modified: str | None,
                 max_bytes: int, truncate: bool) -> tuple[_Try, str | None]:
        """One HTTP request. Returns (result, None), or (redirect status, next URL) for a redirect."""
        headers = dict(self._headers)
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        gate = self._gate(_host_key(url))
        with gate.slot(self._pause):
            started_at = datetime.now(UTC)
            t0 = time.monotonic()
            deadline = t0 + self.policy.total_timeout
            status: int | None = None
            received = [0]
            next_url: str | None = None
            watchdog = _Watchdog(self.policy.total_timeout) if not self._transport_deadline else None
            try:
                extensions = {"trace": watchdog.trace} if watchdog is not None else None
                with (_deadline_scope(deadline), watchdog or nullcontext(),
                      self._client.stream("GET", url, headers=headers, timeout=self._timeout(deadline),
                                          follow_redirects=False, extensions=extensions) as response):
                    if watchdog is not None:
                        watchdog.watch(response)
                    status = response.status_code
                    result, next_url = self._handle(url, response, deadline, max_bytes, truncate, received)
                    if result.retry_after is not None and not stamina.is_testing():
                        gate.hold_off(min(result.retry_after, self.policy.retry_after_cap))
            except Exception as exc:  # noqa: BLE001 - classified below; anything unknown is re-raised
                result = self._classify(url, exc, status, deadline, watchdog)
            elapsed = time.monotonic() - t0
        log.append(Attempt(url=url, attempt=number, status=status,
                           error=None if result.outcome in ("ok", "not_modified") or next_url else result.error,
                           bytes=received[0], elapsed_s=round(elapsed, 4), started_at=started_at))
        return result, next_url

    def _handle(self, url: str, response: httpx.Response, deadline: float, max_bytes: int, truncate: bool,
                received: list[int]) -> tuple[_Try, str | None]:
        status = response.status_code
        if status in REDIRECT_STATUSES:
            location = response.headers.get("location", "").strip()
            if not location:
                return _Try("http_error", url, status=status, error=f"HTTP {status} redirect without Location"), None
            try:
                target = httpx.URL(url).join(location).copy_with(fragment=None)
            except (httpx.InvalidURL, ValueError, TypeError) as exc:
                return _Try("redirect_error", url, status=status,
                            error=_one_line(f"HTTP {status} to an invalid Location {location!r}: {exc}")), None
            return _Try("redirect_error", url, status=status, error=f"HTTP {status} to {target}"), str(target)
        if status == 304:
            return _Try("not_modified", url, status=status, headers=response.headers), None
        if 200 <= status < 300:
            content = self._read_body(response, deadline, max_bytes, truncate, received)
            return _Try("ok", url, status=status, content=content, headers=response.headers), None
        retryable = status in RETRY_STATUSES or status >= 500
        retry_after = parse_retry_after(response.headers.get("retry-after")) if retryable else None
        reason = response.reason_phrase or ""
        return _Try("http_error", url, status=status, error=_one_line(f"HTTP {status} {reason}".strip()),
                    retryable=retryable, retry_after=retry_after, headers=response.headers), None

    def _read_body(self, response: httpx.Response, deadline: float, max_bytes: int, truncate: bool,
                   received: list[int]) -> bytes:
        codings = _content_encodings(response.headers)
        declared_length = response.headers.get("content-length", "")
        if (not truncate and not codings and declared_length.strip().isdigit()
                and int(declared_length) > max_bytes):
            raise _TooLarge(f"Content-Length {int(declared_length)} exceeds the {max_bytes}-byte cap")

        def raw() -> Iterator[bytes]:
            for chunk in response.iter_raw():
                if time.monotonic() > deadline:
                    raise _DeadlineExceeded
                yield chunk

        body = bytearray()
        try:
            for chunk in _decoded_chunks(raw(), codings):
                if len(body) + len(chunk) > max_bytes:
                    if truncate:
                        body += chunk[: max_bytes - len(body)]
                        received[0] = len(body)
                        break
                    received[0] = len(body) + len(chunk)
                    raise _TooLarge(f"body exceeds the {max_bytes}-byte cap"
                                    + (f" after decoding {'+'.join(codings)}" if codings else ""))
                body += chunk
                received[0] = len(body)
                if time.monotonic() > deadline:
                    raise _DeadlineExceeded
        except zlib.error as exc:
            raise _DecodingFailed(f"corrupt {'+'.join(codings)} body: {exc}") from exc
        except Exception as exc:
            if zstandard is not None and isinstance(exc, zstandard.ZstdError):
                raise _DecodingFailed(f"corrupt zstd body: {exc}") from exc
            raise
        return bytes(body)

    def _classify(self, url: str, exc: Exception, status: int | None, deadline: float,
                  watchdog: _Watchdog | None) -> _Try:
        limit = f"{self.policy.total_timeout:g} s"
        if isinstance(exc, _TooLarge):
            return _Try("too_large", url, status=status, error=_one_line(str(exc)))
        if isinstance(exc, _DeadlineExceeded) or (watchdog is not None and watchdog.fired):
            return _Try("timeout", url, status=status, error=f"total deadline of {limit} exceeded", retryable=True)
        if isinstance(exc, RefusedAddressError):  # raised at connect time by the guarded backend
            logger.warning("refused %s at connect time: %s", url, exc)
            return _Try("refused_address", url, status=status, error=_one_line(str(exc)))
        if isinstance(exc, BadURLError):
            return _Try("bad_url", url, status=status, error=_one_line(str(exc)))
        if isinstance(exc, _DecodingFailed):
            return _Try("network_error", url, status=status, error=_one_line(str(exc)))
        if isinstance(exc, httpx.TimeoutException):
            phase = {httpx.ConnectTimeout: "connect", httpx.PoolTimeout: "connection pool"}.get(type(exc), "read")
            if time.monotonic() >= deadline - 0.05:
                error = f"total deadline of {limit} exceeded"
            elif phase == "connect":
                error = f"connect timed out ({self.policy.connect_timeout:g} s)"
            else:
                error = f"{phase} timed out"
            return _Try("timeout", url, status=status, error=error, retryable=True)
        if isinstance(exc, (httpx.UnsupportedProtocol, httpx.InvalidURL)):
            return _Try("bad_url", url, status=status, error=_one_line(str(exc)))
        if isinstance(exc, httpx.ConnectError):
            text = str(exc)
            permanent = "CERTIFICATE_VERIFY_FAILED" in text or "certificate" in text.lower()
            return _Try("network_error", url, status=status, error=_one_line(f"connect failed: {text}"),
                        retryable=not permanent)
        if isinstance(exc, httpx.TransportError):  # read/write errors, server hung up, protocol errors
            retryable = not isinstance(exc, httpx.LocalProtocolError)
            return _Try("network_error", url, status=status,
                        error=_one_line(f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__),
                        retryable=retryable)
        if isinstance(exc, httpx.HTTPError):
            return _Try("network_error", url, status=status, error=_one_line(f"{type(exc).__name__}: {exc}"))
        raise exc

    # ---- robots.txt

    def _robots_verdict(self, url: str) -> str | None:
        """None when robots.txt allows *url*; else the reason it may not be fetched."""
        parsed = httpx.URL(url)
        origin = _origin(parsed)
        entry = self._robots_entry(origin, parsed.host.lower())
        if entry.rules is None:
            return f"{origin}/robots.txt unavailable ({entry.reason}): the host is treated as disallowed"
        if not entry.rules.can_fetch(url, self.policy.user_agent):
            return f"disallowed by {origin}/robots.txt"
        return None

    def _robots_entry(self, origin: str, host: str) -> _RobotsEntry:
        shared = self._shared
        with shared.lock:
            entry = shared.robots.get(origin)
            if entry is not None and entry.expires > time.monotonic():
                return entry
            origin_lock = shared.robots_locks.setdefault(origin, threading.Lock())
        with origin_lock:  # one robots.txt request per origin, however many threads want it
            with shared.lock:
                entry = shared.robots.get(origin)
            if entry is None or entry.expires <= time.monotonic():
                entry = self._fetch_robots(origin, host)
                with shared.lock:
                    shared.robots[origin] = entry
            return entry

    def _fetch_robots(self, origin: str, host: str) -> _RobotsEntry:
        robots_url = f"{origin}/robots.txt"
        hops: list[Attempt] = []
        t = self._attempt(robots_url, 1, hops, etag=None, last_modified=None, check_robots=False,
                          max_bytes=ROBOTS_MAX_BYTES, truncate=True)
        now = time.monotonic()
        if t.outcome == "ok":
            text = (t.content or b"").decode("utf-8", "replace")
            try:
                rules = Protego.parse(text)
            except Exception:  # noqa: BLE001 - garbage robots.txt means no rules
                logger.info("unparseable %s: allowing all", robots_url)
                rules = Protego.parse("")
            delay = self._robots_interval(rules)
            if delay is not None:
                self._gate(host).raise_interval(min(CRAWL_DELAY_CAP, delay))
            logger.debug("robots.txt %s: %d bytes, crawl delay %s", robots_url, len(t.content or b""), delay)
            return _RobotsEntry(rules, "ok", now + ROBOTS_TTL)
        if t.outcome == "http_error" and t.status is not None and 400 <= t.status < 500 and t.status != 429:
            # RFC 9309 §2.3.1.3: "unavailable" robots.txt (4xx) means no restrictions.
            logger.debug("robots.txt %s: HTTP %s, allowing all", robots_url, t.status)
            return _RobotsEntry(Protego.parse(""), f"HTTP {t.status}", now + ROBOTS_TTL)
        # RFC 9309 §2.3.1.4: "unreachable" (5xx, 429, network errors) means complete disallow.
        reason = t.error or t.outcome
        logger.warning("robots.txt %s unreachable (%s): not fetching from %s for now", robots_url, reason, origin)
        return _RobotsEntry(None, _one_line(reason, 160), now + ROBOTS_ERROR_TTL)

    def _robots_interval(self, rules: Protego) -> float | None:
        agent = self.policy.user_agent
        intervals = []
        with suppress(Exception):
            delay = rules.crawl_delay(agent)
            if delay is not None and math.isfinite(float(delay)) and float(delay) > 0:
                intervals.append(float(delay))
        with suppress(Exception):
            rate = rules.request_rate(agent)
            if rate is not None and rate.requests > 0:
                intervals.append(rate.seconds / rate.requests)
        return max(intervals) if intervals else None

