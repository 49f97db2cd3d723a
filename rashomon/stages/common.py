"""What the stage modules share: the progress callback type, the clock, the short ids."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Callable

Progress = Callable[[int, int], None] | None


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def short_hash(*parts: str, n: int = 16) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:n]
