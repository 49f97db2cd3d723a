"""Saving results as they arrive, a few at a time, each batch through its own short connection.

A stage that works for minutes (fetching at one request per second per host) must not keep its results in memory
until it ends (kill -9 would lose them) nor hold the database for the whole stage (DuckDB locks the file per process:
analysts' queries would wait). A BatchWriter collects items and writes them `size` at a time, or sooner when
`max_age_s` has passed since the first unsaved one; kill -9 loses at most the batch not yet written.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Generic, TypeVar

import duckdb

from . import store

T = TypeVar("T")
Write = Callable[[duckdb.DuckDBPyConnection, Sequence[T]], object]


class BatchWriter(Generic[T]):
    """`writer.add(item)` as items arrive; `writer.flush()` (or leaving the `with` block, also on an error) saves the
    rest. `write(con, items)` does the saving; `written` counts the items saved."""

    def __init__(self, db: Path | str, write: Write, *, size: int = 10, max_age_s: float = 5.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        if size < 1:
            raise ValueError("batch size must be >= 1")
        self.db, self._write, self.size, self.max_age_s, self._clock = db, write, size, max_age_s, clock
        self._pending: list[T] = []
        self._since: float | None = None
        self.written = 0
        self.batches = 0

    def add(self, item: T) -> None:
        if not self._pending:
            self._since = self._clock()
        self._pending.append(item)
        if len(self._pending) >= self.size or self._clock() - (self._since or 0.0) >= self.max_age_s:
            self.flush()

    def extend(self, items: Iterable[T]) -> None:
        for item in items:
            self.add(item)

    def flush(self) -> None:
        if not self._pending:
            return
        batch, self._pending = self._pending, []
        with store.connect(self.db) as con:
            self._write(con, batch)
        self.written += len(batch)
        self.batches += 1

    def __enter__(self) -> BatchWriter[T]:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.flush()
