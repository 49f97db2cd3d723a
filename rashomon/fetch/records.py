"""What a fetch is asked to do and what it returns: FetchPolicy, Attempt, FetchResult; the outcomes."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

import httpx

from rashomon.errors import ConfigError
from rashomon.netpolicy import (
    AddressPolicy,
    BadURLError,
)
from rashomon.settings import Settings

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


# The policy's fields that are settings (rashomon/settings.py): same name, and FetchPolicy's default is the setting's.
FROM_SETTINGS = ("user_agent", "total_timeout", "max_bytes", "max_attempts", "min_interval")
_DEFAULT = Settings.model_fields

# --------------------------------------------------------------------------------------------------- records


@dataclass(frozen=True)
class FetchPolicy:
    """How politely and defensively to fetch. All times in seconds."""

    user_agent: str = _DEFAULT["user_agent"].default
    connect_timeout: float = 10.0
    total_timeout: float = _DEFAULT["total_timeout"].default  # whole request deadline (per attempt), enforced
    max_bytes: int = _DEFAULT["max_bytes"].default  # after decompression
    max_redirects: int = 5
    max_attempts: int = _DEFAULT["max_attempts"].default  # retries on connect errors/timeouts, 408, 429, 5xx only
    backoff_initial: float = 1.0  # stamina's exponential backoff with jitter (fetch/retries.py)
    backoff_max: float = 30.0
    retry_after_cap: float = 60.0  # a longer Retry-After is not waited for: the URL is given up
    min_interval: float = _DEFAULT["min_interval"].default  # per host, between starts (Crawl-delay honoured, ≤ 30 s)
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


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def fetch_policy(settings: Settings, *, allow_private: bool = False, mirror: str | None = None) -> FetchPolicy:
    """The fetch policy of the settings (the pipeline, `sources check` and `stories discover` all use this one).
    Loopback addresses are allowed only for the offline mirror's host (`mirror`, a base URL), or for any host with
    `allow_private` (the setting or the argument); other ranges only when listed in `allow_networks`; link-local
    never (rashomon.netpolicy). The settings were validated when loaded, so this does not fail."""
    return FetchPolicy(
        **{name: getattr(settings, name) for name in FROM_SETTINGS},
        allow_private=allow_private or settings.allow_private,
        loopback_hosts=frozenset({urlsplit(mirror).netloc.lower()} if mirror else ()),
        allow_networks=settings.networks,
    )
