"""Analysts' SQL against the database: read-only, no file access (the `rashomon sql` command streams results: sqlstream).

Safety: a user's query runs on a connection opened `read_only` with `enable_external_access=false` and
`lock_configuration=true` (GUIDE §6: read-only alone still lets `read_csv`/`COPY ... TO` touch any file). Before it
runs, the text is parsed and only reading statements (select, explain, pragma, call, pivot) are let through, so a write
is refused with a message that says why rather than an engine error.

Sharing the file with a run: DuckDB's file lock is per process, non-blocking and has no queue; while a writer holds the
file a reader cannot open it at all, and while a reader holds it the writer cannot. So:
- the reader polls for the lock with a short, jittered backoff (2 ms growing to 10 ms): a writer that releases the
  file between batches leaves windows of a few tens of milliseconds, which a 2 s backoff (store.open_db) would miss;
- the reader holds the file only while its query runs (open, run, fetch everything, close);
- the reader is polite: after releasing the file, the same process waits at least as long as it held it (10 ms to
  250 ms) before taking it again, so a tight loop of queries (a dashboard) cannot starve a run's writer.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Mapping, Sequence

import duckdb

from . import atomic
from .errors import RashomonError
from .errors import StoreError
from .store import open_db

FORMATS = ("table", "csv", "json", "parquet")
READER_CONFIG = {"enable_external_access": False, "lock_configuration": True}
READING_STATEMENTS = {
    duckdb.StatementType.SELECT,
    duckdb.StatementType.EXPLAIN,
    duckdb.StatementType.PRAGMA,
    duckdb.StatementType.CALL,
    duckdb.StatementType.MULTI,  # pivot
}


class QueryError(RashomonError):
    """A user's query could not run (refused, invalid, or failed)."""


@dataclass(frozen=True)
class Result:
    columns: list[str]
    rows: list[tuple[Any, ...]]


# --- opening the file as a polite reader ---------------------------------------------------------------------------

_POLL_FIRST_S = 0.002
_POLL_MAX_S = 0.01
_GAP_MIN_S = 0.01
_GAP_MAX_S = 0.25


class _Politeness:
    """When this process last released the file and how long it had held it (shared by its threads)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.released_at = 0.0
        self.held_s = 0.0

    def wait_turn(self) -> None:
        with self.lock:
            gap = min(max(self.held_s, _GAP_MIN_S), _GAP_MAX_S) - (time.monotonic() - self.released_at)
        if gap > 0:
            time.sleep(gap)

    def released(self, acquired_at: float) -> None:
        now = time.monotonic()
        with self.lock:
            self.released_at, self.held_s = now, now - acquired_at


_politeness = _Politeness()


def open_reader(db: Path | str, *, wait_s: float = 60.0) -> tuple[duckdb.DuckDBPyConnection, float]:
    """Open `db` read-only with file access off, polling while another process holds its lock.

    Returns the connection and the monotonic time the lock was taken (the start of the successful attempt).
    """
    path = Path(db)
    if not path.is_file():
        raise QueryError(f"{path}: database not found (run `rashomon demo` or `rashomon run` first, or pass --db)")
    _politeness.wait_turn()
    try:
        con = open_db(path, read_only=True, wait_s=wait_s, config=dict(READER_CONFIG),
                      first_delay=_POLL_FIRST_S, growth=1.5, max_delay=_POLL_MAX_S)
    except StoreError as exc:
        message = str(exc)
        if "locked by another process" in message:
            message = (f"{path}: the database stayed locked by another process (a run writing, or an open session) "
                       f"for {wait_s:.0f} s; try again when it finishes")
        raise QueryError(message) from exc
    # The lock was taken during the last attempt: the time it is held is counted from now.
    return con, time.monotonic()


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


# --- checking and running ------------------------------------------------------------------------------------------


def check_read_only(query: str) -> list:
    """Parse `query`; refuse anything but reading statements, with a message that says what was refused."""
    if not query or not query.strip():
        raise QueryError("the query is empty")
    try:
        statements = duckdb.extract_statements(query)
    except duckdb.Error as exc:
        raise QueryError(f"the query does not parse: {_first_line(exc)}") from exc
    if not statements:
        raise QueryError("the query is empty (only comments?)")
    for st in statements:
        if st.type not in READING_STATEMENTS:
            kind = st.type.name.lower()
            raise QueryError(
                f"refused: `rashomon sql` only reads the database; this query has a statement of type {kind.upper()}. "
                "The database is opened read-only with file access off: no inserts, updates, deletes, DDL, "
                "COPY/EXPORT, ATTACH, INSTALL/LOAD or SET."
            )
    return statements


def _explain(exc: duckdb.Error) -> QueryError:
    msg = _first_line(exc)
    if isinstance(exc, duckdb.PermissionException) or "disabled by configuration" in msg or "disabled through configuration" in msg:
        return QueryError(f"refused: queries cannot read or write files outside the database ({msg})")
    if "read-only" in msg or "read only" in msg:
        return QueryError(f"refused: the database is opened read-only for queries; writes are refused ({msg})")
    if "configuration has been locked" in msg:
        return QueryError(f"refused: settings cannot be changed in queries ({msg})")
    return QueryError(str(exc).strip())


def _execute(db: Path | str, query: str, params: Mapping[str, Any] | Sequence[Any] | None, wait_s: float, fetch,
             *, relation: bool = False):
    statements = check_read_only(query)
    if params and len(statements) > 1:
        raise QueryError("parameters can only be bound to a single statement")
    con, acquired = open_reader(db, wait_s=wait_s)
    try:
        try:
            for st in statements[:-1]:
                con.execute(st.query).fetchall()  # earlier statements: run, result discarded
            last = statements[-1].query if len(statements) > 1 else query
            if relation:
                return fetch(con.sql(last, params=params or None))
            return fetch(con.execute(last, params) if params else con.execute(last))
        except duckdb.Error as exc:
            raise _explain(exc) from exc
    finally:
        con.close()
        _politeness.released(acquired)


def run_query(
    db: Path | str,
    query: str,
    *,
    params: Mapping[str, Any] | Sequence[Any] | None = None,
    wait_s: float = 60.0,
) -> Result:
    """Run a user's query (read-only, no file access) and return its columns and rows.

    Several statements separated by `;` run in order; the last one's result is returned.
    """

    def fetch(cur) -> Result:
        if cur.description is None:
            return Result([], [])
        return Result([d[0] for d in cur.description], cur.fetchall())

    return _execute(db, query, params, wait_s, fetch)


def run_query_arrow(
    db: Path | str,
    query: str,
    *,
    params: Mapping[str, Any] | Sequence[Any] | None = None,
    wait_s: float = 60.0,
):
    """Like run_query, but the result as a pyarrow Table (types kept: timestamps, lists, blobs)."""

    def fetch(rel):
        import pyarrow as pa

        if rel is None:  # a statement without a result
            return pa.table({})
        return rel.to_arrow_table()

    return _execute(db, query, params, wait_s, fetch, relation=True)


# --- formatting ----------------------------------------------------------------------------------------------------


def _plain(v: Any) -> Any:
    if isinstance(v, (dt.datetime, dt.date, dt.time)):
        return v.isoformat()
    if isinstance(v, dt.timedelta):
        return str(v)
    if isinstance(v, Decimal):
        return float(v)
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in v.items()}
    if isinstance(v, (bytes, bytearray, memoryview)):
        return f"<{len(v)} bytes>"
    if hasattr(v, "hex") and type(v).__name__ == "UUID":
        return str(v)
    return v


def format_table(result: Result, max_width: int = 60) -> str:
    def cell(v: Any) -> str:
        s = "NULL" if v is None else str(_plain(v))
        s = " ".join(s.split())
        return s if len(s) <= max_width else s[: max_width - 1] + "…"

    if not result.columns:
        return "(no result)"
    cells = [[cell(v) for v in row] for row in result.rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(result.columns)]
    line = "-+-".join("-" * w for w in widths)
    out = [" | ".join(c.ljust(w) for c, w in zip(result.columns, widths)), line]
    out += [" | ".join(v.ljust(w) for v, w in zip(r, widths)) for r in cells]
    out.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    return "\n".join(out)


def check_out_path(target: Path) -> Path:
    """`--out` may name a new file or a regular file to replace, nothing else: a symlink, a directory, a FIFO or a
    device would be replaced by the rename (or written through), and a path under a file cannot be created. Checked
    before the query runs, so a bad path costs nothing and touches nothing."""
    target = Path(target)
    if os.path.lexists(target):
        kind = ("a symbolic link" if target.is_symlink() else "a directory" if target.is_dir()
                else None if target.is_file() else "not a regular file (a FIFO, socket or device)")
        if kind:
            raise QueryError(f"--out {target}: is {kind}; give the name of a new or regular file")
    parent = target.parent
    for p in (parent, *parent.parents):
        if p.exists():
            if not p.is_dir():
                raise QueryError(f"--out {target}: {p} is not a directory")
            if not os.access(p, os.W_OK | os.X_OK):
                raise QueryError(f"--out {target}: cannot write in {p}")
            break
    return target


def atomic_write_text(text: str, target: Path) -> Path:
    target = check_out_path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        return atomic.write_text(target, text)
    except OSError as exc:
        raise QueryError(f"--out {target}: cannot write: {exc.strerror or exc}") from exc


def read_query_arg(query: str | None, stdin_text: str | None) -> str:
    """The query from the argument, a .sql file named by it, or standard input (`-` or no argument)."""
    if query and query != "-":
        path = Path(query)
        if path.suffix == ".sql" and path.is_file():
            return path.read_text(encoding="utf-8")
        if path.suffix == ".sql" and not any(ch.isspace() for ch in query):
            raise QueryError(f"{query}: file not found")
        return query
    if stdin_text is None or not stdin_text.strip():
        raise QueryError("no query given: pass it as an argument, a .sql file, or on standard input")
    return stdin_text
