"""Offline tests of rashomon.fetch and rashomon.netpolicy against a hostile local site (real httpx, real sockets)."""

from __future__ import annotations

import gc
import ipaddress
import socket
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import httpx
import psutil
import pytest
import stamina

try:
    import rashomon  # noqa: F401
except ImportError:  # running pytest from outside the repository root
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rashomon import netpolicy
from rashomon.errors import FetchError
from rashomon.fetch.records import _Try
from rashomon.fetch.retries import RetryableFailure, retry_attempts, retry_wait
from rashomon.fetch import (
    Fetcher,
    FetchPolicy,
    FetchResult,
    decode_html,
    parse_retry_after,
    sniff_charset,
)
from rashomon.netpolicy import BadURLError, RefusedAddressError, address_problem, check_url

try:
    from tests.hostile_site import CYRILLIC_TEXT, LATIN1_TEXT, HostileSite, gzip_bomb_parts
except ImportError:
    from hostile_site import CYRILLIC_TEXT, LATIN1_TEXT, HostileSite, gzip_bomb_parts


# --------------------------------------------------------------------------------------------------- fixtures


class SleepRecorder:
    """Injected instead of time.sleep: records the waits without waiting."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


def local_policy(**overrides: object) -> FetchPolicy:
    """A policy for the local site: private addresses allowed, no politeness delay, tiny backoff."""
    values: dict[str, object] = {"allow_private": True, "min_interval": 0.0, "backoff_initial": 0.01,
                                 "backoff_max": 0.05, "total_timeout": 10.0}
    values.update(overrides)
    return FetchPolicy(**values)  # type: ignore[arg-type]


def fetch(url: str, policy: FetchPolicy | None = None, **kwargs: object) -> FetchResult:
    with Fetcher(policy or local_policy(), sleep=SleepRecorder()) as fetcher:
        return fetcher.fetch(url, **kwargs)  # type: ignore[arg-type]


def statuses(result: FetchResult) -> list[int | None]:
    return [a.status for a in result.attempts]


def min_gap(times: list[float]) -> float:
    times = sorted(times)
    return min(b - a for a, b in zip(times, times[1:]))


# The client guarantees the spacing of request starts; the server sees them through thread scheduling, so its
# timestamps get a tolerance (a loaded 2-core machine showed 30 ms of skew).
SERVER_SKEW = 0.1


# --------------------------------------------------------------------------------------------------- ok path


def test_ok_page(site: HostileSite) -> None:
    result = fetch(site.url("/ok.html"))
    assert result.ok and result.outcome == "ok" and result.error is None
    assert result.status == 200 and result.final_url == site.url("/ok.html")
    assert b"Talks to resume" in (result.content or b"")
    assert result.content_type == "text/html; charset=utf-8" and result.media_type == "text/html"
    assert result.charset == "utf-8"
    [attempt] = result.attempts
    assert attempt.attempt == 1 and attempt.status == 200 and attempt.error is None
    assert attempt.bytes == len(result.content or b"") and attempt.elapsed_s < 5
    assert attempt.started_at.tzinfo is not None and attempt.started_at.utcoffset() == timedelta(0)
    request = site.requests("/ok.html")[0]
    assert request.headers["user-agent"].startswith("Rashomon/")
    assert "gzip" in request.headers["accept-encoding"]
    assert site.hits("/robots.txt") == 1


@pytest.mark.parametrize("path", ["/gzip.html", "/zstd.html"])
def test_compressed_pages_are_decoded(site: HostileSite, path: str) -> None:
    result = fetch(site.url(path))
    assert result.ok and (result.content or b"").startswith(b"<!DOCTYPE html>")


def test_unsupported_content_encoding(site: HostileSite) -> None:
    result = fetch(site.url("/brotli"))
    assert result.outcome == "network_error" and "unsupported Content-Encoding 'br'" in (result.error or "")
    assert len(result.attempts) == 1  # not retried


def test_redirect_followed_and_counted(site: HostileSite) -> None:
    result = fetch(site.url("/redirect-ok"))
    assert result.ok and result.final_url == site.url("/ok.html")  # fragment dropped
    assert statuses(result) == [301, 200]
    assert [a.url for a in result.attempts] == [site.url("/redirect-ok"), site.url("/ok.html")]


# --------------------------------------------------------------------------------------------------- retries


def test_429_retried_with_retry_after_honoured(site: HostileSite) -> None:
    sleeps = SleepRecorder()
    with Fetcher(local_policy(), sleep=sleeps) as fetcher:
        result = fetcher.fetch(site.url("/429?key=a"))
    assert result.ok and result.status == 200
    assert statuses(result) == [429, 200] and [a.attempt for a in result.attempts] == [1, 2]
    assert result.attempts[0].error == "HTTP 429 Too Many Requests"
    assert max(sleeps.calls) >= 1.0  # Retry-After: 1, although backoff_initial is 0.01


def test_retry_after_http_date_honoured(site: HostileSite) -> None:
    sleeps = SleepRecorder()
    with Fetcher(local_policy(), sleep=sleeps) as fetcher:
        result = fetcher.fetch(site.url("/503-date?key=d"))
    assert result.ok and statuses(result) == [503, 200]
    assert 0.5 <= max(sleeps.calls) <= 2.5  # "now + 2 s" as an HTTP-date, one-second resolution


def test_retry_after_beyond_cap_is_not_waited_for(site: HostileSite) -> None:
    sleeps = SleepRecorder()
    with Fetcher(local_policy(retry_after_cap=60), sleep=sleeps) as fetcher:
        result = fetcher.fetch(site.url("/429-long"))
    assert result.outcome == "http_error" and result.status == 429
    assert len(result.attempts) == 1 and "exceeds the 60 s cap" in (result.error or "")
    assert not [s for s in sleeps.calls if s > 60]


def test_500_then_200_fetched_on_attempt_2(site: HostileSite) -> None:
    result = fetch(site.url("/500-then-200?key=b"))
    assert result.ok and statuses(result) == [500, 200]
    assert result.attempts[-1].attempt == 2


def test_always_500_gives_up_after_3_attempts(site: HostileSite) -> None:
    sleeps = SleepRecorder()
    with Fetcher(local_policy(backoff_initial=1.0, backoff_max=30.0), sleep=sleeps) as fetcher:
        result = fetcher.fetch(site.url("/always-500"))
    assert result.outcome == "http_error" and result.status == 500 and result.content is None
    assert statuses(result) == [500, 500, 500] and [a.attempt for a in result.attempts] == [1, 2, 3]
    assert site.hits("/always-500") == 3
    assert "gave up after 3 attempts" in (result.error or "")
    # exponential backoff with jitter: [1, 2) then [2, 3)
    assert len(sleeps.calls) == 2 and 1.0 <= sleeps.calls[0] < 2.0 and 2.0 <= sleeps.calls[1] < 3.0


def test_404_not_retried(site: HostileSite) -> None:
    result = fetch(site.url("/404"))
    assert result.outcome == "http_error" and result.status == 404
    assert statuses(result) == [404] and site.hits("/404") == 1


def test_stamina_switches(site: HostileSite) -> None:
    sleeps = SleepRecorder()
    with stamina.set_testing(True, attempts=2), Fetcher(local_policy(backoff_initial=5), sleep=sleeps) as fetcher:
        result = fetcher.fetch(site.url("/500-then-200?key=st"))
    assert result.ok and sleeps.calls == []  # testing mode: retries without waiting
    with stamina.set_testing(True), Fetcher(local_policy(), sleep=sleeps) as fetcher:  # stamina's default: 1 attempt
        result = fetcher.fetch(site.url("/always-500?key=st1"))
    assert result.outcome == "http_error" and len(result.attempts) == 1 and sleeps.calls == []
    with stamina.set_testing(True, attempts=3), Fetcher(local_policy(), sleep=sleeps) as fetcher:
        result = fetcher.fetch(site.url("/429?key=st2"))  # Retry-After: 1, not waited for in testing mode
    assert result.ok and statuses(result) == [429, 200] and sleeps.calls == []
    stamina.set_active(False)
    try:
        result = fetch(site.url("/always-500?key=off"))
    finally:
        stamina.set_active(True)
    assert result.outcome == "http_error" and len(result.attempts) == 1


def test_retries_run_in_stamina_retry_context(site: HostileSite) -> None:
    """stamina schedules every retry: its instrumentation hooks see them (retry 1 and 2 of 3 attempts)."""
    seen: list[stamina.instrumentation.RetryDetails] = []
    stamina.instrumentation.set_on_retry_hooks([seen.append])
    try:
        result = fetch(site.url("/always-500?key=hooks"))
    finally:
        stamina.instrumentation.set_on_retry_hooks(None)
    assert len(result.attempts) == 3
    assert [d.retry_num for d in seen] == [1, 2]
    assert all(isinstance(d.caused_by, RetryableFailure) for d in seen)


def _mock_fetcher(responses: list[tuple[int, dict[str, str]]], sleeps: SleepRecorder, **policy: object) -> Fetcher:
    """A Fetcher whose client answers (status, headers) from *responses* in turn (no sockets, no DNS)."""
    answers = iter(responses)

    def answer(request: httpx.Request) -> httpx.Response:
        status, headers = next(answers)
        return httpx.Response(status, headers=headers, stream=httpx.ByteStream(b"<p>ok</p>"))

    client = httpx.Client(transport=httpx.MockTransport(answer))
    values: dict[str, object] = {"obey_robots": False, "min_interval": 0.0, "backoff_initial": 0.01,
                                 "backoff_max": 0.05}
    values.update(policy)
    return Fetcher(FetchPolicy(**values), client, sleep=sleeps,  # type: ignore[arg-type]
                   resolver=lambda host, port: ["93.184.216.34"])


@pytest.mark.parametrize("retry_after", ["45", "http-date"])
def test_long_retry_after_is_waited_for_instead_of_the_backoff(retry_after: str) -> None:
    """A 429/503 saying Retry-After: 45 (seconds or an HTTP-date) waits 45 s, not the 0.01 s backoff; the wait goes
    through the injected sleep, so the test does not sleep."""
    if retry_after == "http-date":
        retry_after = format_datetime(datetime.now(UTC) + timedelta(seconds=46), usegmt=True)
    sleeps = SleepRecorder()
    started = time.monotonic()
    responses = [(503, {"Retry-After": retry_after}), (200, {})]
    with _mock_fetcher(responses, sleeps) as fetcher:
        result = fetcher.fetch("https://news.test/a")
    assert result.ok and statuses(result) == [503, 200]
    assert 44.0 <= sleeps.calls[0] <= 46.0  # the retry's wait: the Retry-After (an HTTP-date has 1 s resolution)
    assert all(s <= 46.0 for s in sleeps.calls)  # the host's hold-off for the same Retry-After, nothing longer
    assert time.monotonic() - started < 5


def test_retry_after_over_the_cap_gives_up_and_without_it_the_backoff_applies() -> None:
    sleeps = SleepRecorder()
    responses = [(429, {"Retry-After": "61"})]
    with _mock_fetcher(responses, sleeps, retry_after_cap=60.0) as fetcher:
        result = fetcher.fetch("https://news.test/a")
    assert statuses(result) == [429] and "Retry-After 61 s exceeds the 60 s cap, not retried" in (result.error or "")
    responses = [(429, {}), (503, {"Retry-After": "soon"}), (200, {})]
    sleeps = SleepRecorder()
    with _mock_fetcher(responses, sleeps, backoff_initial=1.0, backoff_max=1.5) as fetcher:
        result = fetcher.fetch("https://news.test/b")
    assert result.ok and statuses(result) == [429, 503, 200]
    # no usable Retry-After: stamina's backoff, 1 s + jitter then 2 s + jitter, both capped at backoff_max
    assert len(sleeps.calls) == 2 and 1.0 <= sleeps.calls[0] <= 1.5 and sleeps.calls[1] == 1.5


def test_retry_wait_is_stamina_backoff_with_jitter_capped_or_the_retry_after() -> None:
    policy = FetchPolicy(backoff_initial=1.0, backoff_max=30.0, max_attempts=7)
    backoffs: list[float] = []
    retry_afters: list[float] = []
    with pytest.raises(RetryableFailure):
        for attempt in retry_attempts(policy):  # stamina's loop; it never sleeps itself
            with attempt:
                backoffs.append(retry_wait(attempt, None, policy))
                retry_afters.append(retry_wait(attempt, 7.5, policy))
                raise RetryableFailure(_Try("http_error", "https://news.test/", retryable=True))
    assert len(backoffs) == 7
    for wait, low in zip(backoffs, (1.0, 2.0, 4.0, 8.0, 16.0), strict=False):
        assert low <= wait < low + 1.0
    assert backoffs[5:] == [30.0, 30.0]
    assert retry_afters == [7.5] * 7
    with stamina.set_testing(True, attempts=2):
        assert retry_wait(next(iter(retry_attempts(policy))), 7.5, policy) == 0.0


def test_connection_refused_is_network_error_after_retries() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = fetch(f"http://127.0.0.1:{port}/x", local_policy(obey_robots=False))
    assert result.outcome == "network_error" and len(result.attempts) == 3
    assert all(a.status is None and a.error for a in result.attempts)


# --------------------------------------------------------------------------------------------------- deadlines


def test_slow_drip_hits_total_deadline(site: HostileSite) -> None:
    started = time.monotonic()
    result = fetch(site.url("/slow"), local_policy(total_timeout=3, max_attempts=1))
    elapsed = time.monotonic() - started
    assert result.outcome == "timeout" and result.status == 200
    assert "deadline" in (result.error or "")
    assert 2.5 <= elapsed < 4.5, elapsed
    assert result.attempts[0].bytes <= 4


def test_slow_headers_hit_total_deadline(site: HostileSite) -> None:
    started = time.monotonic()
    result = fetch(site.url("/slow-headers"), local_policy(total_timeout=2, max_attempts=1))
    assert result.outcome == "timeout" and result.status is None
    assert time.monotonic() - started < 3.5


@pytest.mark.parametrize("path", ["/slow", "/slow-headers"])
def test_deadline_with_injected_client(site: HostileSite, path: str) -> None:
    """A client we did not build has no deadline-aware sockets: the watchdog shuts the socket down instead.

    (Known limit: on a *reused* keep-alive connection of an injected client the socket is only known once the
    headers are in, so dripping headers there are bounded by the per-read timeout only. Hence no robots.txt here.)
    """
    started = time.monotonic()
    policy = local_policy(total_timeout=2, max_attempts=1, obey_robots=False)
    with httpx.Client() as client, Fetcher(policy, client) as fetcher:
        result = fetcher.fetch(site.url(path))
    assert result.outcome == "timeout" and "deadline" in (result.error or "")
    assert time.monotonic() - started < 3.5


# --------------------------------------------------------------------------------------------------- size caps


@pytest.mark.parametrize("path", ["/huge", "/huge-nolength"])
def test_huge_body_rejected_quickly(site: HostileSite, path: str) -> None:
    started = time.monotonic()
    result = fetch(site.url(path), local_policy(max_bytes=1_000_000))
    assert result.outcome == "too_large" and result.content is None
    assert len(result.attempts) == 1  # not retried
    assert result.attempts[0].bytes <= 1_000_000 + 64 * 1024
    assert time.monotonic() - started < 3


@pytest.mark.parametrize("path", ["/gzip-bomb", "/gzip-bomb-nested"])
def test_gzip_bomb_rejected_fast_with_low_memory(site: HostileSite, path: str) -> None:
    gzip_bomb_parts()  # build the server's bomb before measuring
    gc.collect()
    process = psutil.Process()
    baseline = process.memory_info().rss
    peak = [baseline]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], process.memory_info().rss)
            time.sleep(0.005)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    started = time.monotonic()
    try:
        result = fetch(site.url(path))  # default max_bytes: 10 MB
    finally:
        done.set()
        sampler.join()
    assert result.outcome == "too_large", result.error
    assert "after decoding gzip" in (result.error or "")
    assert time.monotonic() - started < 5
    assert peak[0] - baseline < 100 * 1024 * 1024, (peak[0] - baseline) / 2**20


# --------------------------------------------------------------------------------------------------- redirects


def test_redirect_loop_stops_after_max_redirects(site: HostileSite) -> None:
    result = fetch(site.url("/redirect-loop?key=loop"))
    assert result.outcome == "redirect_error" and "more than 5 redirects" in (result.error or "")
    assert statuses(result) == [302] * 6 and site.hits("/redirect-loop", "loop") == 6
    assert len(result.attempts) == 6  # not retried


def test_redirect_to_ftp_refused(site: HostileSite) -> None:
    result = fetch(site.url("/redirect-ftp"))
    assert result.outcome == "redirect_error" and "ftp" in (result.error or "")
    assert result.final_url == "ftp://example.com/file.txt"


@pytest.fixture
def loopback_is_public(monkeypatch: pytest.MonkeyPatch) -> None:
    """Treat 127.0.0.1 (only) as public, so the default policy can be tested against the local site."""
    real = netpolicy.address_problem
    monkeypatch.setattr(netpolicy, "address_problem",
                        lambda ip: None if ip == ipaddress.ip_address("127.0.0.1") else real(ip))


def test_redirect_to_private_address_refused(site: HostileSite, loopback_is_public: None) -> None:
    result = fetch(site.url("/redirect-private"), FetchPolicy(min_interval=0))  # default address policy
    assert result.outcome == "refused_address"
    assert "169.254.169.254" in (result.error or "") and "link-local" in (result.error or "")
    assert result.final_url == "http://169.254.169.254/latest/meta-data/"
    assert statuses(result) == [302]  # the refused hop was never requested


def test_dns_rebinding_refused_at_connect_time(site: HostileSite) -> None:
    """The pre-flight lookup says public, the connect-time lookup says loopback: the connection is refused."""
    answers = iter([["93.184.216.34"], ["127.0.0.1"]])
    port = site.base_url.rsplit(":", 1)[1]
    policy = FetchPolicy(min_interval=0, obey_robots=False, max_attempts=1)
    with Fetcher(policy, resolver=lambda host, port: next(answers)) as fetcher:
        result = fetcher.fetch(f"http://rebind.test:{port}/ok.html")
    assert result.outcome == "refused_address" and "127.0.0.1" in (result.error or "")
    assert site.requests() == []


def test_connection_goes_to_the_checked_address(site: HostileSite, loopback_is_public: None) -> None:
    """The guarded backend connects to the address it resolved and checked, keeping the Host header."""
    port = site.base_url.rsplit(":", 1)[1]
    with Fetcher(FetchPolicy(min_interval=0), resolver=lambda host, port: ["127.0.0.1"]) as fetcher:
        result = fetcher.fetch(f"http://pinned.test:{port}/ok.html")
    assert result.ok
    assert site.requests("/ok.html")[0].host == f"pinned.test:{port}"


# --------------------------------------------------------------------------------------------------- robots.txt


def test_robots_disallow_without_requesting_the_page(site: HostileSite) -> None:
    result = fetch(site.url("/private/page.html"))
    assert result.outcome == "robots_disallowed" and result.attempts == ()
    assert "robots.txt" in (result.error or "")
    assert site.hits("/private/page.html") == 0 and site.hits("/robots.txt") == 1


def test_robots_ignored_when_not_obeyed(site: HostileSite) -> None:
    assert fetch(site.url("/private/page.html"), local_policy(obey_robots=False)).ok
    assert site.hits("/robots.txt") == 0


def test_robots_cached_per_host(site: HostileSite) -> None:
    with Fetcher(local_policy(), sleep=SleepRecorder()) as fetcher:
        results = [fetcher.fetch(site.url(p)) for p in ("/ok.html", "/gzip.html", "/private/page.html")]
    assert [r.outcome for r in results] == ["ok", "ok", "robots_disallowed"]
    assert site.hits("/robots.txt") == 1


@pytest.mark.parametrize(
    ("status", "body", "expected"),
    [
        (404, "", "ok"),  # unavailable: allow all
        (200, b"\x00\xff\xfe garbage <html><body>not robots</body></html>", "ok"),  # garbage: allow all
        (503, "", "robots_disallowed"),  # unreachable: disallow the host
        (429, "", "robots_disallowed"),
    ],
)
def test_robots_status_rules(site: HostileSite, status: int, body: str | bytes, expected: str) -> None:
    site.robots_status, site.robots_txt = status, body
    result = fetch(site.url("/ok.html"))
    assert result.outcome == expected
    if expected == "robots_disallowed":
        assert site.hits("/ok.html") == 0 and "unavailable" in (result.error or "")


def test_robots_crawl_delay_honoured(site: HostileSite) -> None:
    site.robots_txt = "User-agent: *\nCrawl-delay: 0.4\nDisallow: /private/\n"
    with Fetcher(local_policy(min_interval=0.0)) as fetcher:
        results = fetcher.fetch_many([site.url(f"/ok.html?key={i}") for i in range(3)])
    times = [r.at for r in site.requests()]
    assert len(times) == 4  # robots.txt + 3 pages
    assert min_gap(times) >= 0.4 - SERVER_SKEW
    assert min_gap([r.attempts[0].started_at.timestamp() for r in results]) >= 0.4 - 0.005


# --------------------------------------------------------------------------------------------------- charsets


def test_cp1251_page_that_claims_utf8(site: HostileSite) -> None:
    result = fetch(site.url("/cp1251.html"))
    assert result.ok and result.content_type == "text/html; charset=utf-8"
    assert result.charset == "cp1251"
    text = decode_html(result.content or b"", result.content_type)
    assert CYRILLIC_TEXT in text and "Новости" in text


def test_latin1_page_without_declaration(site: HostileSite) -> None:
    result = fetch(site.url("/latin1-nodecl.html"))
    assert result.ok and result.charset in ("cp1252", "iso8859-1", "iso8859-15")
    text = decode_html(result.content or b"", result.content_type)
    assert LATIN1_TEXT in text and "Actualités" in text


def test_empty_and_garbage_do_not_raise(site: HostileSite) -> None:
    empty = fetch(site.url("/empty.html"))
    assert empty.ok and empty.content == b"" and decode_html(b"", empty.content_type) == ""
    garbage = fetch(site.url("/garbage"))
    assert garbage.ok and len(garbage.content or b"") == 20_000
    assert isinstance(decode_html(garbage.content or b"", garbage.content_type), str)
    assert isinstance(decode_html(garbage.content or b"", "text/html; charset=utf-8"), str)
    assert isinstance(decode_html(garbage.content or b"", "text/html; charset=nonsense-42"), str)


@pytest.mark.parametrize(
    ("content", "content_type", "text", "charset"),
    [
        ("<p>Привет, мир. Это проверка.</p>".encode("utf-8-sig"), "text/html; charset=cp1251", "Привет", "utf-8"),
        ("<meta charset='windows-1251'><p>Новости дня: правительство заявило о переговорах.</p>".encode("cp1251"),
         "text/html", "правительство", "cp1251"),
        ("<p>Déjà vu — naïve café</p>".encode(), "text/html; charset=iso-8859-1", "Déjà vu — naïve café", "utf-8"),
        (b"<p>plain ascii</p>", "text/html; charset=windows-1252", "plain ascii", "cp1252"),
        ("<p>Café</p>".encode("utf-16"), "text/html", "Café", "utf-16-le"),
        ("<p>x</p>".encode(), "text/html; charset=utf-7", "x", "utf-8"),
        (f"<p>{CYRILLIC_TEXT}</p>".encode("cp1251"), "text/html; charset=iso-8859-1", CYRILLIC_TEXT, "cp1251"),
        ("<p>Déjà vu, naïve café. ".encode() * 40 + b"\xe9</p>", "text/html; charset=utf-8", "naïve café", "utf-8"),
    ],
)
def test_sniff_charset_cases(content: bytes, content_type: str, text: str, charset: str) -> None:
    decoded, detected = sniff_charset(content, content_type)
    assert text in decoded and detected == charset


# --------------------------------------------------------------------------------------------------- conditional GET


def test_conditional_get_not_modified(site: HostileSite) -> None:
    with Fetcher(local_policy()) as fetcher:
        first = fetcher.fetch(site.url("/etag.html"))
        assert first.ok and first.etag and first.last_modified
        again = fetcher.fetch(site.url("/etag.html"), etag=first.etag)
        by_date = fetcher.fetch(site.url("/etag.html"), last_modified=first.last_modified)
    for result in (again, by_date):
        assert result.outcome == "not_modified" and result.status == 304 and result.content is None
        assert result.etag == first.etag and result.last_modified == first.last_modified
        assert len(result.attempts) == 1
    requests = site.requests("/etag.html")
    assert requests[1].headers["if-none-match"] == first.etag
    assert requests[2].headers["if-modified-since"] == first.last_modified


# --------------------------------------------------------------------------------------------------- fetch_many


def test_fetch_many_spaces_requests_per_host(site: HostileSite) -> None:
    urls = [site.url(f"/ok.html?key={i}") for i in range(4)] + [site.url("/404"), "ftp://example.com/x"]
    progress: list[tuple[int, int]] = []
    with Fetcher(local_policy(min_interval=0.3)) as fetcher:
        results = fetcher.fetch_many(urls, progress=lambda done, total: progress.append((done, total)))
    assert [r.url for r in results] == urls
    assert [r.outcome for r in results] == ["ok"] * 4 + ["http_error", "bad_url"]
    assert progress[-1] == (6, 6) and [d for d, _ in progress] == list(range(1, 7))
    times = [r.at for r in site.requests()]
    assert len(times) == 6  # robots.txt + 4 pages + /404
    assert min_gap(times) >= 0.3 - SERVER_SKEW
    assert min_gap([r.attempts[0].started_at.timestamp() for r in results[:5]]) >= 0.3 - 0.005
    assert site.max_in_flight == 1


def test_fetch_many_hosts_in_parallel_and_one_in_flight_per_host(site: HostileSite) -> None:
    port = site.base_url.rsplit(":", 1)[1]
    hosts = ["127.0.0.1", "localhost"]
    urls = [f"http://{host}:{port}/delay?ms=300&key={i}" for i in range(3) for host in hosts]
    started = time.monotonic()
    with Fetcher(local_policy(min_interval=0.0)) as fetcher:
        results = fetcher.fetch_many(urls + urls[:1])  # a duplicate is fetched once
    elapsed = time.monotonic() - started
    assert all(r.ok for r in results) and results[-1] is results[0]
    assert len(site.requests("/delay")) == 6
    by_host = {h: [r for r in site.requests("/delay") if r.host.startswith(h)] for h in hosts}
    for records in by_host.values():  # never two requests to one host at once (each takes 300 ms)
        assert min_gap([r.at for r in records]) >= 0.3 - SERVER_SKEW
    assert site.max_in_flight == 2  # the two hosts overlapped
    assert elapsed < 6 * 0.3 + 0.5


def test_fetch_many_validators(site: HostileSite) -> None:
    url = site.url("/etag.html")
    with Fetcher(local_policy()) as fetcher:
        [result] = fetcher.fetch_many([url], validators={url: ('"v1-article"', None)})
    assert result.outcome == "not_modified"


# --------------------------------------------------------------------------------------------------- address policy


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1/", "http://0x7f000001/", "http://[::ffff:127.0.0.1]/", "http://2130706433/",
     "http://127.1/", "http://[::1]/", "http://169.254.169.254/latest/meta-data/",
     "http://10.0.0.1/", "http://100.64.1.1/", "http://[fe80::1]/", "http://0.0.0.0/", "http://localhost/"],
)
def test_default_policy_refuses_private_addresses(url: str) -> None:
    result = fetch(url, FetchPolicy())
    assert result.outcome == "refused_address", result.error
    assert result.attempts == () and result.error


@pytest.mark.parametrize("url", ["ftp://example.com/file", "file:///etc/passwd", "javascript:alert(1)",
                                 "not a url", "", "http://", "gopher://127.0.0.1:6379/_INFO",
                                 "http://0177.0.0.1/"])  # httpx itself rejects octal dotted quads
def test_bad_urls(url: str) -> None:
    result = fetch(url, FetchPolicy())
    assert result.outcome == "bad_url" and result.attempts == () and result.error


@pytest.mark.parametrize(
    ("address", "refused"),
    [
        ("127.0.0.1", True), ("10.1.2.3", True), ("172.16.0.1", True), ("192.168.1.1", True),
        ("169.254.169.254", True), ("100.64.0.1", True), ("100.127.255.254", True), ("0.0.0.0", True),
        ("224.0.0.1", True), ("239.1.1.1", True), ("255.255.255.255", True), ("240.0.0.1", True),
        ("198.18.0.1", True), ("192.0.2.1", True), ("::1", True), ("::", True), ("fe80::1", True),
        ("fc00::1", True), ("fec0::1", True), ("ff02::1", True), ("::ffff:127.0.0.1", True),
        ("::ffff:10.0.0.1", True), ("64:ff9b::7f00:1", True), ("2002:7f00:1::", True), ("2001:db8::1", True),
        ("8.8.8.8", False), ("93.184.216.34", False), ("100.128.0.1", False), ("2606:4700:4700::1111", False),
        ("::ffff:8.8.8.8", False), ("64:ff9b::808:808", False),
    ],
)
def test_address_problem(address: str, refused: bool) -> None:
    assert (address_problem(ipaddress.ip_address(address)) is not None) is refused


def test_check_url_uses_resolver_and_refuses_any_private_answer() -> None:
    check_url("https://news.test/a", False, resolver=lambda host, port: ["93.184.216.34"])
    with pytest.raises(RefusedAddressError):
        check_url("https://news.test/a", False, resolver=lambda host, port: ["93.184.216.34", "10.0.0.7"])
    with pytest.raises(BadURLError):
        check_url("file:///etc/passwd", True)
    check_url("http://127.0.0.1/", True)  # allowed, and no DNS lookup made
    with pytest.raises(FetchError):
        check_url("http://0x7f000001/", False, resolver=lambda host, port: ["93.184.216.34"])  # literal wins


# --------------------------------------------------------------------------------------------------- helpers


def test_parse_retry_after() -> None:
    now = datetime(2026, 9, 1, 10, 0, 0, tzinfo=UTC)
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after(format_datetime(now + timedelta(seconds=30), usegmt=True), now=now) == 30.0
    assert parse_retry_after(format_datetime(now - timedelta(seconds=30), usegmt=True), now=now) == 0.0
    assert parse_retry_after("-5") == 0.0
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


def test_policy_validation() -> None:
    with pytest.raises(Exception, match="max_attempts"):
        FetchPolicy(max_attempts=0)
