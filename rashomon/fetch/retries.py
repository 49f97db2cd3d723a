"""When to try again: Retry-After parsed, and stamina's backoff formula (exponential, with jitter)."""

from __future__ import annotations

import email.utils
import math
import random
from datetime import UTC, datetime

from ..moments import aware


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


def backoff_delay(attempt: int, initial: float, maximum: float, *, rng: random.Random | None = None) -> float:
    """stamina's backoff: min(maximum, initial * 2 ** (attempt - 1) + uniform(0, initial)) for retry *attempt*."""
    jitter = (rng or random).uniform(0, initial) if initial else 0.0
    try:
        return min(maximum, initial * 2 ** (attempt - 1) + jitter)
    except OverflowError:
        return maximum
