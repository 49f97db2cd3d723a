"""Politeness: per-host gates (requests in flight, spacing of starts) and robots.txt (RFC 9309; cached, Crawl-delay
honoured and capped)."""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime

import httpx
from protego import Protego

from .records import CRAWL_DELAY_CAP, ROBOTS_ERROR_TTL, ROBOTS_MAX_BYTES, ROBOTS_TTL, Attempt, _one_line

logger = logging.getLogger(__name__)

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
    def slot(self, sleep: Callable[[float], object]) -> Iterator[datetime]:
        """Wait for this host's turn; yields the request's start time (UTC). The next start is counted from when this
        one really began, not from when it was planned: under load a thread wakes late, and counting from the plan
        let two starts come a few milliseconds closer than the interval."""
        self._slots.acquire()
        try:
            with self._lock:
                now = time.monotonic()
                start = max(now, self._next_start)
                self._last_start = start
                self._next_start = start + self.interval
            if start > now:
                sleep(start - now)
            with self._lock:
                began = time.monotonic()
                self._last_start = max(self._last_start, began)
                self._next_start = max(self._next_start, began + self.interval)
                started_at = datetime.now(UTC)
            yield started_at
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


class RobotsRules:
    """The robots.txt half of Fetcher (a mixin: it uses the fetcher's policy, shared state, gates and _attempt)."""

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
