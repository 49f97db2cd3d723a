"""Polite, robust HTTP fetching: robots.txt, per-host rate limits, retries, size cap, deadline, conditional GET.

httpx does the HTTP; this package fills its gaps (see GUIDE §6-7):

* redirects are followed here, not by httpx, so every hop is re-checked against the scheme rule, the address policy
  (:mod:`rashomon.netpolicy`) and robots.txt, and counted (``max_redirects``);
* the body is read raw (``iter_raw``) and decompressed here with *bounded* decoders (gzip, deflate, zstd), so a
  gzip bomb costs at most ``max_bytes`` of memory and is rejected as soon as the cap is passed;
* the total deadline is enforced at the socket level: the client's network streams bound every connect, TLS
  handshake, read and write by the time left (httpx's read timeout alone is per chunk), the time is also checked
  between chunks, and injected clients get a watchdog that shuts the socket down at the deadline;
* retries (connect errors, timeouts, 408, 429, 5xx) run in stamina's retry context: stamina counts the attempts and
  gives the backoff (exponential, with jitter), a Retry-After (seconds or HTTP-date, up to ``retry_after_cap``)
  replaces it; ``stamina.set_active(False)`` turns retries off, ``stamina.set_testing(True, attempts=N)`` makes N
  attempts without waiting (see retries.py);
* per host, at most ``per_host_concurrency`` requests are in flight and request starts are ``min_interval`` apart
  (or further apart, and fewer, when the host's outlet file asks for it: ``host_limits``, see hostlimits.py; or
  robots.txt's Crawl-delay, capped at 30 s); a 429/503 with Retry-After holds the whole host off.

One module per concern: client (the Fetcher), encoding, decompression, deadlines, politeness (host gates, robots.txt),
parallel (fetch_many), retries, records (FetchPolicy, Attempt, FetchResult). Import the public names from here.

Nothing here raises for network, HTTP or policy failures: :meth:`Fetcher.fetch` returns a :class:`FetchResult`
whose ``outcome`` says what happened and whose ``attempts`` are the rows of the ``fetch_log`` table.
"""

from __future__ import annotations

from .client import Fetcher
from .decompression import ACCEPT_ENCODING
from .encoding import decode_html, sniff_charset
from .records import ACCEPT, OUTCOMES, Attempt, FetchPolicy, FetchResult, fetch_policy
from .retries import parse_retry_after

__all__ = [
           "ACCEPT",
           "ACCEPT_ENCODING",
           "OUTCOMES",
           "Attempt",
           "FetchPolicy",
           "FetchResult",
           "Fetcher",
           "decode_html",
           "fetch_policy",
           "parse_retry_after",
           "sniff_charset",
]
