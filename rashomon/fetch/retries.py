"""When to try again: stamina runs the retry loop, the server's Retry-After (parsed here) replaces its backoff.

stamina decides: a retry happens only when its backoff hook says so, at most ``max_attempts`` attempts, none while
``stamina.set_active(False)``, as many as ``stamina.set_testing(True, attempts=N)`` says in tests, and its
instrumentation hooks see every scheduled retry. The wait itself is the Fetcher's: stamina's synchronous API sleeps
with ``time.sleep``, which neither Fetcher.abort (a stop request ends every wait at once) nor an injected sleep (the
tests) can interrupt, so the hook asks stamina for no wait of its own and the Fetcher waits ``retry_wait`` seconds
before the next attempt: the Retry-After when the server sent one, else stamina's backoff for the attempt.
"""

from __future__ import annotations

import email.utils
import math
import random
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import stamina

from ..moments import aware

if TYPE_CHECKING:
    from .records import FetchPolicy, _Try


class RetryableFailure(Exception):
    """Raised inside a stamina attempt whose result is worth another try; stamina re-raises it when it gives up."""

    def __init__(self, result: _Try) -> None:
        super().__init__(result.error)
        self.result = result


def _retry_without_stamina_wait(exc: Exception) -> bool | float:
    """stamina's backoff hook: retry a RetryableFailure with a custom backoff of 0 s (the Fetcher waits itself,
    abortably); anything else is not retried and propagates."""
    return 0.0 if isinstance(exc, RetryableFailure) else False


def retry_attempts(policy: FetchPolicy) -> Iterator[stamina.Attempt]:
    """stamina's retry context for one fetch: `for attempt in retry_attempts(p): with attempt: ...`."""
    return iter(stamina.retry_context(
        on=_retry_without_stamina_wait,
        attempts=policy.max_attempts,
        timeout=None,  # each attempt has its own deadline (total_timeout); the attempts are counted, not timed
        wait_initial=policy.backoff_initial,
        wait_max=policy.backoff_max,
        wait_jitter=policy.backoff_initial,
        wait_exp_base=2,
    ))


def retry_wait(attempt: stamina.Attempt, retry_after: float | None, policy: FetchPolicy,
               rng: random.Random | None = None) -> float:
    """Seconds to wait after *attempt* failed: the server's Retry-After if it sent one (the caller refuses one over
    ``retry_after_cap``), else stamina's backoff: ``attempt.next_wait`` (backoff_initial * 2 ** (n - 1), at most
    backoff_max) plus stamina's jitter, uniform in [0, backoff_initial), still at most backoff_max. 0 in
    stamina's testing mode, like stamina's own waits."""
    if stamina.is_testing():
        return 0.0
    if retry_after is not None:
        return retry_after
    jitter = (rng or random).uniform(0, policy.backoff_initial) if policy.backoff_initial else 0.0
    return min(policy.backoff_max, attempt.next_wait + jitter)


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
    when = aware(when)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
