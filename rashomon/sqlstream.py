"""`rashomon sql` streamed: rows are written as DuckDB produces them, under a timeout, and Ctrl-C stops it cleanly.

The query runs on a worker thread; the main thread only waits on a small queue of row batches and writes them. So:
- Ctrl-C always reaches Python at once (a SIGINT that arrives while the main thread is inside DuckDB's C code can be
  lost or surface as a raw `RuntimeError: Query interrupted`); the main thread then interrupts the query;
- `con.interrupt()` is repeated until the worker has stopped: an interrupt that lands before DuckDB has started the
  statement is otherwise forgotten and the query runs on;
- the timeout is a deadline checked by the main thread while it waits (from the moment the file is open to the last
  row written; waiting for the file's lock is bounded by `--wait` instead);
- at most `_QUEUE_BATCHES` batches are held in memory: a slow consumer (a terminal, a pipe) slows the query down.

`--limit N` stops reading after N rows (DuckDB streams the result, so the rest is never computed). The table format
shows at most TABLE_ROW_CAP rows unless --limit says otherwise, and counts the rows it left out (fetching them in
batches, never holding them).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import queue
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import duckdb

from . import atomic
from .sqlshell import (
    QueryError,
    Result,
    _explain,
    _plain,
    _politeness,
    check_out_path,
    check_read_only,
    format_table,
    open_reader,
)

DEFAULT_TIMEOUT_S = 300.0
TABLE_ROW_CAP = 1000
TIMEOUT_EXIT = 124      # as coreutils' timeout(1)
_ROWS_PER_BATCH = 2048
_ARROW_ROWS_PER_BATCH = 131072
_COUNT_ROWS_PER_BATCH = 65536
_QUEUE_BATCHES = 4
_POLL_S = 0.05
_STOP_WAIT_S = 5.0


class QueryTimeout(QueryError):
    """The query ran longer than its timeout and was stopped."""


class _Stopped(Exception):
    """Raised in the worker when the main thread asked it to stop."""


@dataclass
class Stream:
    """A running query: `columns` once it has started, then its batches by iteration; after the last batch, `rows`
    (how many were delivered) and what the limit left out: `left_out` (counted, when asked) or `more` (at least one)."""

    columns: list[str] = field(default_factory=list)
    schema: Any = None          # the pyarrow schema (arrow streams only)
    has_result: bool = True     # False for a statement that returns nothing
    rows: int = 0
    left_out: int | None = None
    more: bool = False
    _items: Iterator[tuple] | None = None

    def __iter__(self) -> Iterator[Any]:
        assert self._items is not None
        for kind, value in self._items:
            if kind == "rows":
                self.rows += len(value)
                yield value
            elif kind == "more":
                self.more, self.left_out = value


class _Worker:
    def __init__(self, con, statements: list, query: str, params, *, arrow: bool, limit: int | None, count_rest: bool):
        self.con, self.statements, self.query, self.params = con, statements, query, params
        self.arrow, self.limit, self.count_rest = arrow, limit, count_rest
        self.q: queue.Queue = queue.Queue(maxsize=_QUEUE_BATCHES)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="rashomon-sql", daemon=True)

    def _put(self, item: tuple) -> None:
        while True:
            if self.stop.is_set():
                raise _Stopped
            try:
                self.q.put(item, timeout=_POLL_S)
                return
            except queue.Full:
                continue

    def _check(self) -> None:
        if self.stop.is_set():
            raise _Stopped

    def _run(self) -> None:
        try:
            for st in self.statements[:-1]:
                self._check()
                self.con.execute(st.query).fetchall()   # earlier statements: run, result discarded
            self._check()
            last = self.statements[-1].query if len(self.statements) > 1 else self.query
            (self._run_arrow if self.arrow else self._run_rows)(last)
            self._put(("end", None))
        except _Stopped:
            pass
        except BaseException as exc:  # noqa: BLE001 -- handed to the main thread, which raises it
            with contextlib.suppress(_Stopped):
                self._put(("error", exc))

    def _run_rows(self, last: str) -> None:
        cur = self.con.execute(last, self.params) if self.params else self.con.execute(last)
        if cur.description is None:
            self._put(("head", ([], None, False)))
            return
        self._put(("head", ([d[0] for d in cur.description], None, True)))
        left = self.limit
        while left is None or left > 0:
            self._check()
            rows = cur.fetchmany(_ROWS_PER_BATCH if left is None else min(_ROWS_PER_BATCH, left))
            if not rows:
                return
            if left is not None:
                left -= len(rows)
            self._put(("rows", rows))
        if self.count_rest:   # the rows past the limit, counted a batch at a time and dropped
            n = 0
            while rows := cur.fetchmany(_COUNT_ROWS_PER_BATCH):
                self._check()
                n += len(rows)
            self._put(("more", (n > 0, n)))
        else:
            self._put(("more", (bool(cur.fetchmany(1)), None)))

    def _run_arrow(self, last: str) -> None:
        rel = self.con.sql(last, params=self.params or None)
        if rel is None:   # a statement without a result
            self._put(("head", ([], None, False)))
            return
        reader = rel.to_arrow_reader(_ARROW_ROWS_PER_BATCH)
        self._put(("head", (list(reader.schema.names), reader.schema, True)))
        left = self.limit
        for batch in reader:
            self._check()
            if left is not None and batch.num_rows >= left:
                if left:
                    self._put(("rows", batch.slice(0, left)))
                more = batch.num_rows > left or any(b.num_rows for b in reader)
                self._put(("more", (more, None)))
                return
            if left is not None:
                left -= batch.num_rows
            self._put(("rows", batch))


@contextlib.contextmanager
def stream_query(
    db: Path | str,
    query: str,
    *,
    params: Mapping[str, Any] | Sequence[Any] | None = None,
    wait_s: float = 60.0,
    timeout_s: float | None = DEFAULT_TIMEOUT_S,
    limit: int | None = None,
    count_rest: bool = False,
    arrow: bool = False,
) -> Iterator[Stream]:
    """Run a user's query (read-only, no file access, as sqlshell.run_query) and stream its last statement's rows:
    lists of tuples, or pyarrow RecordBatches with `arrow=True`.

    `timeout_s` (None or 0: none) raises QueryTimeout; KeyboardInterrupt stops the query and propagates. Either way,
    and on any error, the query is interrupted and the file released before this returns."""
    statements = check_read_only(query)
    if params and len(statements) > 1:
        raise QueryError("parameters can only be bound to a single statement")
    if limit is not None and limit < 0:
        raise QueryError("--limit must be 0 or more")
    con, acquired = open_reader(db, wait_s=wait_s)
    deadline = time.monotonic() + timeout_s if timeout_s else None
    worker = _Worker(con, statements, query, params, arrow=arrow, limit=limit, count_rest=count_rest)

    def items() -> Iterator[tuple]:
        while True:
            if deadline is not None and time.monotonic() >= deadline:   # checked between batches too
                raise QueryTimeout(
                    f"the query ran longer than --timeout {timeout_s:g} s and was stopped "
                    "(give a larger --timeout, or --timeout 0 for none)"
                )
            try:
                wait = _POLL_S if deadline is None else max(0.0, min(_POLL_S, deadline - time.monotonic()))
                kind, value = worker.q.get(timeout=wait)
            except queue.Empty:
                continue
            if kind == "error":
                if isinstance(value, duckdb.Error):
                    raise _explain(value) from value
                raise value
            if kind == "end":
                return
            yield kind, value

    try:
        worker.thread.start()
        gen = items()
        _, (columns, schema, has_result) = next(gen, ("head", ([], None, False)))
        yield Stream(columns=columns, schema=schema, has_result=has_result, _items=gen)
    finally:
        worker.stop.set()
        give_up = time.monotonic() + _STOP_WAIT_S
        while worker.thread.is_alive() and time.monotonic() < give_up:
            con.interrupt()   # repeated: one that lands before DuckDB starts the statement is forgotten
            worker.thread.join(_POLL_S)
        if not worker.thread.is_alive():   # else it is still inside DuckDB: leave the connection to it
            con.close()
            _politeness.released(acquired)


# --- writing ----------------------------------------------------------------------------------------------------------


@contextlib.contextmanager
def open_output(target: Path | None, stdout: IO[str]) -> Iterator[IO[str]]:
    """Standard output, or `target` written atomically: a temporary file beside it, renamed over it at the end and
    removed on any error, timeout or Ctrl-C (the target is then left as it was)."""
    if target is None:
        yield stdout
        return
    target = check_out_path(Path(target))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with atomic.replacing(target) as tmp, open(tmp, "x", encoding="utf-8", newline="") as fh:
            yield fh
    except OSError as exc:   # creating, writing or renaming the file (the body writes only to it)
        raise QueryError(f"--out {target}: cannot write: {exc.strerror or exc}") from exc


def write_table(stream: Stream, out: IO[str], *, max_width: int = 60, limit: int | None = None) -> None:
    """The rows shown (at most `limit`, or TABLE_ROW_CAP) aligned on their own widths, then what was left out."""
    rows = [r for batch in stream for r in batch]
    text = format_table(Result(stream.columns, rows), max_width=max_width) if stream.has_result else "(no result)"
    if stream.more:
        shown = f"{len(rows):,} row{'s' if len(rows) != 1 else ''} shown"
        if stream.left_out is not None:
            tail = f"(… {stream.left_out:,} more rows not shown; use --limit N or --format csv)"
        else:
            tail = f"(more rows not fetched: --limit {limit})"
        text = text.rsplit("\n", 1)[0] + f"\n({shown})\n{tail}"
    out.write(text + "\n")


def _csv_value(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, (list, tuple, dict)):
        return json.dumps(_plain(v), ensure_ascii=False)
    return _plain(v)


def write_csv(stream: Stream, out: IO[str]) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(stream.columns)
    for batch in stream:   # one write per batch
        w.writerows([_csv_value(v) for v in r] for r in batch)
        out.write(buf.getvalue())
        buf.seek(0)
        buf.truncate()
    out.write(buf.getvalue())


def write_json(stream: Stream, out: IO[str]) -> None:
    """One array, written a batch at a time; the same text as json.dumps(rows, ensure_ascii=False, indent=1)."""
    encoder = json.JSONEncoder(ensure_ascii=False, indent=1)
    first = True
    for batch in stream:
        if batch:   # "[\n {…},\n {…}\n]": the rows without the brackets
            out.write(("[\n" if first else ",\n") + encoder.encode([dict(zip(stream.columns, map(_plain, r))) for r in batch])[2:-2])
            first = False
    out.write("[]\n" if first else "\n]\n")


def write_parquet(stream: Stream, target: Path) -> Path:
    """Record batches into a Parquet file written atomically (as open_output)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    target = check_out_path(Path(target))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with atomic.replacing(target) as tmp:
            if not stream.has_result:
                pq.write_table(pa.table({}), tmp)
            else:
                with pq.ParquetWriter(tmp, stream.schema) as writer:
                    for batch in stream:
                        writer.write_batch(batch)
    except OSError as exc:
        raise QueryError(f"--out {target}: cannot write: {exc.strerror or exc}") from exc
    return target
