"""Moments as a report prints them: any timestamp to UTC, then a readable or an ISO string."""

from __future__ import annotations

import datetime as dt
from typing import Any


def utc(t: Any) -> dt.datetime | None:
    if not isinstance(t, dt.datetime):
        return None
    return (t if t.tzinfo else t.replace(tzinfo=dt.timezone.utc)).astimezone(dt.timezone.utc)


def when(t: Any) -> str:
    u = utc(t)
    return u.strftime("%Y-%m-%d %H:%M UTC") if u else (str(t) if t else "unknown")


def iso(t: Any) -> str:
    u = utc(t)
    return u.strftime("%Y-%m-%dT%H:%MZ") if u else ""
