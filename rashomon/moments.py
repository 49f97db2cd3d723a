"""Moments, the one place for dates and times: ISO text to a datetime, naive times taken as UTC, any timestamp to
UTC, and the readable or ISO strings a report prints."""

from __future__ import annotations

import datetime as dt
from typing import Any


def aware(t: dt.datetime) -> dt.datetime:
    """`t` with a time zone: a naive time is taken as UTC; an aware one is kept as it is."""
    return t if t.tzinfo else t.replace(tzinfo=dt.timezone.utc)


def parse_iso(text: str | None) -> dt.datetime | None:
    """An ISO 8601 date or time ("2022-09-13", "2022-09-13T00:05:00Z", "…+03:00"), aware (naive: UTC) and in its own
    time zone; None for empty or unreadable text."""
    if not text:
        return None
    try:
        return aware(dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00")))
    except ValueError:
        return None


def utc(t: Any) -> dt.datetime | None:
    """A datetime in UTC (naive: taken as UTC); None for anything that is not a datetime."""
    if not isinstance(t, dt.datetime):
        return None
    return aware(t).astimezone(dt.timezone.utc)


def when(t: Any) -> str:
    u = utc(t)
    return u.strftime("%Y-%m-%d %H:%M UTC") if u else (str(t) if t else "unknown")


def iso(t: Any) -> str:
    u = utc(t)
    return u.strftime("%Y-%m-%dT%H:%MZ") if u else ""
