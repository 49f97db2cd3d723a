"""The Fetcher: one URL fetched politely and defensively (redirects followed and re-checked here, retries, deadline,
body cap), never raising for network, HTTP or policy failures."""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from contextlib import nullcontext
from types import TracebackType

import httpcore
import httpx
import stamina

from rashomon.hostlimits import HostLimit
from rashomon.netpolicy import (
    BadURLError,
    GuardedBackend,
    RefusedAddressError,
    ResolutionError,
    Resolver,
    check_url,
)

from .deadlines import _deadline_scope, _DeadlineBackend, _Watchdog
from .decompression import ACCEPT_ENCODING, read_body
from .encoding import _is_textual, sniff_charset
from .parallel import fetch_many
from .politeness import RobotsRules, _host_key, _HostGate, _Shared
from .records import (
    ACCEPT,
    REDIRECT_STATUSES,
    RETRY_STATUSES,
    Attempt,
    FetchPolicy,
    FetchResult,
    _DeadlineExceeded,
    _DecodingFailed,
    _one_line,
    _TooLarge,
    _Try,
)
from .retries import RetryableFailure, parse_retry_after, retry_attempts, retry_wait

logger = logging.getLogger(__name__)

class Fetcher(RobotsRules):
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

    @property
    def aborted(self) -> bool:
        return self._aborted.is_set()

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
        max_bytes = min(max_bytes or self.policy.max_bytes, self.policy.max_bytes)
        result: _Try | None = None
        number, wait = 0, 0.0
        try:
            for attempt in retry_attempts(self.policy):  # stamina decides whether another attempt is made
                with attempt:
                    if result is not None:  # a retry: wait first; an abort ends the wait and the fetch
                        logger.info("retrying %s in %.1f s (attempt %d of %d): %s", url, wait, attempt.num,
                                    self.policy.max_attempts, result.error)
                        if wait > 0:
                            self._pause(wait)
                        if self._aborted.is_set():
                            break
                    number = attempt.num
                    result = self._attempt(start_url, number, attempts, etag=etag, last_modified=last_modified,
                                           check_robots=self.policy.obey_robots, max_bytes=max_bytes)
                    if self._worth_retrying(result, number):
                        wait = retry_wait(attempt, result.retry_after, self.policy, self._rng)
                        raise RetryableFailure(result)
        except RetryableFailure:
            pass  # stamina gave up (its attempts are spent): the last attempt's result stands
        if result is None:  # pragma: no cover - stamina always makes a first attempt
            raise AssertionError("stamina made no attempt")
        return self._result(url, result, attempts, number, etag, last_modified)

    def _worth_retrying(self, result: _Try, number: int) -> bool:
        """Whether a failed attempt deserves another (stamina still has the last word: attempts, its switches).
        A Retry-After over retry_after_cap is not waited for: the URL is given up, and its error says why."""
        if not result.retryable or self._aborted.is_set():
            return False
        if result.retry_after is not None and result.retry_after > self.policy.retry_after_cap:
            if number < self.policy.max_attempts:
                result.error = (f"{result.error}; Retry-After {result.retry_after:.0f} s exceeds the "
                                f"{self.policy.retry_after_cap:.0f} s cap, not retried")
            return False
        return True

    def fetch_many(self, urls: Sequence[str], **kwargs: object) -> list[FetchResult]:
        """Fetch many URLs politely and in parallel; see rashomon.fetch.parallel.fetch_many."""
        return fetch_many(self, urls, **kwargs)  # type: ignore[arg-type]

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
        with gate.slot(self._pause) as started_at:
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
            content = read_body(response, deadline, max_bytes, truncate, received)
            return _Try("ok", url, status=status, content=content, headers=response.headers), None
        retryable = status in RETRY_STATUSES or status >= 500
        retry_after = parse_retry_after(response.headers.get("retry-after")) if retryable else None
        reason = response.reason_phrase or ""
        return _Try("http_error", url, status=status, error=_one_line(f"HTTP {status} {reason}".strip()),
                    retryable=retryable, retry_after=retry_after, headers=response.headers), None

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
