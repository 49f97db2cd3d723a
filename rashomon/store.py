"""DuckDB access: connect, migrate, and run the named queries in sql/ (the only reader of that folder)."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import random
import re
import time
from pathlib import Path
from typing import Any, Iterator, Sequence

import duckdb

from .errors import StoreError
from .paths import data_dir

log = logging.getLogger(__name__)

SQL_DIR = data_dir("sql")  # the checkout's sql/ or the wheel's copy (rashomon/paths.py)
_LOCK_MARKERS = ("Could not set lock", "Conflicting lock")
#: on every connection: DuckDB must never fetch or load an extension by itself (a file with an SQLite header made it
#: download sqlite_scanner over the network)
SAFE_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
_SQLITE_HEADER = b"SQLite format 3\x00"
#: while waiting for the file's lock, a progress line this often
WAIT_PROGRESS_S = 15.0


@functools.lru_cache(maxsize=None)
def sql_text(name: str) -> str:
    """The text of `sql/queries/<name>.sql` (names are identifiers, never user input)."""
    if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
        raise StoreError(f"invalid query name {name!r}")
    path = SQL_DIR / "queries" / f"{name}.sql"
    if not path.is_file():
        raise StoreError(f"query file {path} not found")
    return path.read_text(encoding="utf-8")


def _is_sqlite(path: Path) -> bool:
    """Only asked when DuckDB could not open the file: whether the user gave an SQLite file as --db."""
    try:
        with path.open("rb") as fh:
            return fh.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER
    except OSError:
        return False


def _is_lock_error(exc: BaseException) -> bool:
    return any(marker in str(exc) for marker in _LOCK_MARKERS)


def open_db(
    path: Path | str,
    *,
    read_only: bool = False,
    wait_s: float | None = 30.0,
    config: dict | None = None,
    first_delay: float = 0.05,
    growth: float = 2.0,
    max_delay: float = 0.25,
):
    """Open the DuckDB file, polling with jittered backoff (first_delay, ×growth, ≤ max_delay) while another
    process holds its lock; StoreError when it stays locked for `wait_s` (None: wait as long as it takes, logging
    progress every WAIT_PROGRESS_S seconds)."""
    path = Path(path)
    if read_only and not path.exists():
        raise StoreError(f"{path}: database not found (run `rashomon demo` or `rashomon run` first)")
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    config = {**(config or {}), **SAFE_CONFIG}
    started = time.monotonic()
    deadline = None if wait_s is None else started + wait_s
    next_note = started + WAIT_PROGRESS_S
    delay = first_delay
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only, config=config)
        except duckdb.ConnectionException as exc:
            # this process already holds the file with another configuration (e.g. a writer connection)
            first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise StoreError(f"{path}: {first} (close the other connection in this process first)") from exc
        except duckdb.Error as exc:
            if _is_sqlite(path):  # DuckDB then fails to load sqlite_scanner, which it may not fetch (SAFE_CONFIG)
                raise StoreError(
                    f"{path}: this is an SQLite database, not a DuckDB file made by rashomon (check --db)"
                ) from exc
            if not isinstance(exc, duckdb.IOException):
                raise
            if not _is_lock_error(exc):
                raise StoreError(f"{path}: cannot open database: {exc}") from exc
            now = time.monotonic()
            if now >= next_note:
                holder = "the process writing to it" if read_only else "a reader (e.g. `rashomon sql`) or another writer"
                log.warning("%s: waiting for %s to release the database (%.0f s)", path, holder, now - started)
                next_note = now + WAIT_PROGRESS_S
            if deadline is not None and now >= deadline:
                raise StoreError(
                    f"{path}: the database is locked by another process (a run or an open session) "
                    f"and stayed locked for {wait_s:.0f} s; try again when it finishes"
                ) from exc
            time.sleep(delay * (0.5 + random.random()))
            delay = min(delay * growth, max_delay)


def migration_files() -> list[Path]:
    """sql/schema/NNN_*.sql in the order they are applied."""
    return sorted((SQL_DIR / "schema").glob("[0-9][0-9][0-9]_*.sql"))


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def migrate(con: duckdb.DuckDBPyConnection, *, verdict_model: bool = True) -> list[str]:
    """Apply sql/schema/NNN_*.sql not yet applied (in order), then recreate the views. Returns applied names.

    Each applied file is recorded with its sha256. A recorded file whose text has changed since is reported in the
    log (shipped files are never edited: a change is a new file, and 004 repairs the databases that applied the
    texts 002 and 003 had before they were edited). `verdict_model=False` leaves the verdict gate's weights as they
    are (`make train`, which is making them)."""
    gates = None
    if verdict_model:     # read first: a missing or changed model file stops here, before any migration is applied
        from .verdictgate import load_blame_gate, load_gate

        gates = load_gate(), load_blame_gate()
    run(con, "create_schema_migrations")
    done = dict(run(con, "select_schema_migrations").fetchall())
    applied = []
    for path in migration_files():
        if path.name in done:
            if done[path.name] and done[path.name] != file_sha256(path):
                log.warning("migration %s changed after this database applied it", path.name)
            continue
        con.execute("begin")
        try:
            con.execute(path.read_text(encoding="utf-8"))
            run(con, "insert_schema_migration", name=path.name, sha256=file_sha256(path))
            con.execute("commit")
        except Exception as exc:
            con.execute("rollback")
            raise StoreError(f"cannot upgrade the database: migration {path.name} failed: {exc}") from exc
        applied.append(path.name)
        log.info("applied migration %s", path.name)
    _refresh_kinds(con)
    if gates is not None:
        _refresh_verdict_model(con, *gates)
    con.execute((SQL_DIR / "views.sql").read_text(encoding="utf-8"))
    return applied


def _refresh_kinds(con: duckdb.DuckDBPyConnection) -> None:
    """The table `disagreement_kinds` as rashomon/kinds.toml says (one registry for detectors, views and report)."""
    from .kinds import registry_rows

    with transaction(con):
        run(con, "delete_disagreement_kinds")
        run_many(con, "insert_disagreement_kind", registry_rows())


def _refresh_verdict_model(con: duckdb.DuckDBPyConnection, verdict_gate, blame_gate) -> None:
    """The tables `verdict_model` and `blame_model` as the pinned rashomon/models/verdict_gate.json and blame_gate.json
    say (each checked by its sha256 when loaded)."""
    with transaction(con):
        run(con, "delete_verdict_model")
        run_many(con, "insert_verdict_model", verdict_gate.rows())
        run(con, "delete_blame_model")
        run_many(con, "insert_blame_model", blame_gate.rows())


@contextlib.contextmanager
def connect(
    path: Path | str, *, read_only: bool = False, wait_s: float | None = None
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open (and for writers, migrate) the database; always closed on exit so other processes can get the lock.

    A writer waits for the file as long as it takes by default (an analyst's long query must never fail a run;
    progress is logged); a reader gives up after 30 s. `wait_s` bounds either."""
    if wait_s is None and read_only:
        wait_s = 30.0
    con = open_db(path, read_only=read_only, wait_s=wait_s)
    try:
        if not read_only:
            migrate(con)
        else:
            _check_upgraded(con, Path(path))
        yield con
    finally:
        con.close()


def _check_upgraded(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """A reader cannot upgrade the file: an older database's views would miss today's tables and columns."""
    try:
        done = {r[0] for r in run(con, "select_schema_migrations").fetchall()}
    except duckdb.CatalogException:
        return                 # no schema at all (an empty file): each reader says what is missing
    pending = [p.name for p in migration_files() if p.name not in done]
    if pending:
        raise StoreError(f"{path} was written by an older version of rashomon ({', '.join(pending)} not applied); "
                         "open it once for writing to upgrade it, e.g. `rashomon report EVENT_ID --db "
                         f"{path}`, then try again")


@contextlib.contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    con.execute("begin")
    try:
        yield con
    except BaseException:
        con.execute("rollback")
        raise
    else:
        con.execute("commit")


def _statements(text: str) -> list[str]:
    """Split one of our own query files into statements (they hold no ';' or '--' inside strings)."""
    code = "\n".join(line.split("--", 1)[0] for line in text.splitlines())
    return [p.strip() for p in code.split(";") if p.strip()]


def statement(name: str) -> str:
    """The one statement of `sql/queries/<name>.sql`, without its comments (to run in bulk, or to nest in another)."""
    statements = _statements(sql_text(name))
    if len(statements) != 1:
        raise StoreError(f"query {name} holds {len(statements)} statements, not one")
    return statements[0]


def run(con: duckdb.DuckDBPyConnection, name: str, /, **params: Any) -> duckdb.DuckDBPyConnection:
    """Execute `sql/queries/<name>.sql` with named $params (each statement gets the params it uses)."""
    statements = _statements(sql_text(name))
    cur = con
    for stmt in statements:
        used = {k: v for k, v in params.items() if re.search(rf"\${k}\b", stmt)}
        cur = con.execute(stmt, used)
    return cur


def run_many(con: duckdb.DuckDBPyConnection, name: str, rows: Sequence[Sequence[Any]], /) -> None:
    """Execute the one statement of `sql/queries/<name>.sql` once a row (positional `?` parameters, in its order)."""
    con.executemany(statement(name), rows)


def arrow(con: duckdb.DuckDBPyConnection, name: str, /, **params: Any):
    """Run a named query and return a pyarrow Table (no row-by-row copy)."""
    return con.sql(sql_text(name), params=params).to_arrow_table()


def rows(con: duckdb.DuckDBPyConnection, name: str, /, **params: Any) -> list[dict[str, Any]]:
    """Run a named query and return its rows as dicts."""
    cur = run(con, name, **params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]
