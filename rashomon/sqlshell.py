"""Analysts' SQL against the database: read-only, no file access, results as a table, CSV, JSON or Parquet."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import tempfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Sequence

import duckdb

from .errors import RashomonError, StoreError
from .store import open_db

FORMATS = ("table", "csv", "json", "parquet")


class QueryError(RashomonError):
    """A user's query could not run."""


@dataclass(frozen=True)
class Result:
    columns: list[str]
    rows: list[tuple[Any, ...]]


def run_query(db: Path, query: str, *, wait_s: float = 60.0) -> Result:
    """Run a user's query on a read-only connection with external access off (no read_csv/COPY of other files)."""
    if not query.strip():
        raise QueryError("the query is empty")
    con = open_db(db, read_only=True, wait_s=wait_s, config={"enable_external_access": False, "lock_configuration": True})
    try:
        try:
            cur = con.execute(query)
        except (duckdb.InvalidInputException, duckdb.PermissionException) as exc:
            msg = str(exc)
            if "read-only" in msg or "read only" in msg:
                raise QueryError(f"the database is opened read-only for queries; writes are refused ({msg.splitlines()[0]})") from exc
            raise QueryError(msg) from exc
        except duckdb.Error as exc:
            raise QueryError(str(exc).strip()) from exc
        if cur.description is None:
            return Result([], [])
        return Result([d[0] for d in cur.description], cur.fetchall())
    finally:
        con.close()


def _plain(v: Any) -> Any:
    if isinstance(v, (dt.datetime, dt.date)):
        return v.isoformat()
    if isinstance(v, Decimal):
        return float(v)
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, (bytes, bytearray)):
        return f"<{len(v)} bytes>"
    return v


def format_table(result: Result, max_width: int = 60) -> str:
    def cell(v: Any) -> str:
        s = "NULL" if v is None else str(_plain(v))
        s = s.replace("\n", " ")
        return s if len(s) <= max_width else s[: max_width - 1] + "…"

    cells = [[cell(v) for v in row] for row in result.rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(result.columns)]
    line = "+".join("-" * (w + 2) for w in widths)
    out = [" | ".join(c.ljust(w) for c, w in zip(result.columns, widths)), line]
    out += [" | ".join(v.ljust(w) for v, w in zip(r, widths)) for r in cells]
    out.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    return "\n".join(out)


def format_csv(result: Result) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(result.columns)
    for r in result.rows:
        w.writerow([json.dumps(_plain(v)) if isinstance(v, (list, dict)) else _plain(v) for v in r])
    return buf.getvalue()


def format_json(result: Result) -> str:
    return json.dumps([dict(zip(result.columns, map(_plain, r))) for r in result.rows], ensure_ascii=False, indent=1)


def write_parquet(result: Result, target: Path) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist([dict(zip(result.columns, r)) for r in result.rows]) if result.rows else pa.table(
        {c: pa.array([], pa.null()) for c in result.columns}
    )
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".parquet.tmp")
    os.close(fd)
    pq.write_table(table, tmp)
    os.replace(tmp, target)
    return target


def read_query_arg(query: str | None, stdin_text: str | None) -> str:
    """The query from the argument, a .sql file named by it, or standard input."""
    if query and query != "-":
        path = Path(query)
        if path.suffix == ".sql" and path.is_file():
            return path.read_text(encoding="utf-8")
        return query
    if stdin_text is None:
        raise QueryError("no query given: pass it as an argument, a .sql file, or on standard input")
    return stdin_text
