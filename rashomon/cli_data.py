"""The data commands of `rashomon`: `sql` (read-only queries) and `export` (an event to Parquet).

`register(sub, common)` adds them to the CLI's subparsers; `add_runner_options` / `task_runner_from_args` add and read
`--task-runner` / `--dask-address` for `demo` and `run`.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
from pathlib import Path

from .errors import RashomonError


def _db(args: argparse.Namespace) -> Path:
    from .settings import load_settings

    return Path(load_settings(config_file=getattr(args, "config", None), db=getattr(args, "db", None)).db)


@contextlib.contextmanager
def _sigint_deferred():
    """Hold SIGINT back for the block (the main thread's loading of a C extension); a Ctrl-C pressed meanwhile arrives
    as KeyboardInterrupt right after it, where the command's interrupt handling takes it."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def cmd_sql(args: argparse.Namespace) -> int:
    with _sigint_deferred():   # a Ctrl-C while DuckDB's extension initialises aborts the process (nanobind)
        from . import sqlshell, sqlstream

    stdin_text = None
    if args.query in (None, "-"):
        if args.query is None and sys.stdin.isatty():
            raise sqlshell.QueryError(
                'no query given: rashomon sql "select ..." | rashomon sql FILE.sql | rashomon sql < FILE.sql'
            )
        stdin_text = sys.stdin.read()
    query = sqlshell.read_query_arg(args.query, stdin_text)
    if args.out:
        sqlshell.check_out_path(Path(args.out))   # before the query runs: a bad path costs nothing
    if args.format == "parquet" and not args.out:
        raise sqlshell.QueryError("--format parquet needs --out FILE")
    if args.limit is not None and args.limit < 0:
        raise sqlshell.QueryError("--limit must be 0 or more")
    if args.timeout < 0:
        raise sqlshell.QueryError("--timeout must be 0 (no limit) or more")
    table = args.format == "table"
    try:
        with sqlstream.stream_query(
            _db(args), query, wait_s=args.wait, timeout_s=args.timeout,
            limit=args.limit if args.limit is not None or not table else sqlstream.TABLE_ROW_CAP,
            count_rest=table and args.limit is None, arrow=args.format == "parquet",
        ) as stream:
            if args.format == "parquet":
                sqlstream.write_parquet(stream, Path(args.out))
            else:
                with sqlstream.open_output(args.out, sys.stdout) as out:
                    if table:
                        sqlstream.write_table(stream, out, max_width=args.max_width, limit=args.limit)
                    elif args.format == "csv":
                        sqlstream.write_csv(stream, out)
                    else:
                        sqlstream.write_json(stream, out)
    except sqlstream.QueryTimeout as exc:
        print(f"rashomon: error: {exc}", file=sys.stderr)
        return sqlstream.TIMEOUT_EXIT
    except BrokenPipeError:   # the reader of standard output went away (`| head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141   # 128 + SIGPIPE, as a shell reports it
    if args.out:
        print(f"{stream.rows} row(s) written to {args.out}", file=sys.stderr)
    if stream.more and not table:
        print(f"rashomon: --limit {args.limit} reached; the rest of the rows were not read", file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .export import export_event

    out = export_event(_db(args), args.event_id, Path(args.to), wait_s=args.wait)
    width = max(len(t.name) for t in out.tables)
    for t in out.tables:
        print(f"{t.name:<{width}}  {t.kind:<5} {t.rows:>8} rows  {t.file}")
    print(f"{len(out.tables)} files in {out.folder.resolve()} (manifest: {out.manifest.name})")
    return 0


def register(sub, common: argparse.ArgumentParser) -> None:
    """Add `sql` and `export` to the `rashomon` subparsers."""
    p = sub.add_parser(
        "sql",
        parents=[common],
        help="run a read-only SQL query on the database (tables and views: docs/schema.md)",
        description="Run SQL on the database, read-only and without file access: writes, COPY, ATTACH, INSTALL/LOAD, "
        "SET and functions reading files are refused. Rows are written as the query produces them. Exit status: 0, "
        "2 (refused or failed), 124 (--timeout reached), 130 (Ctrl-C; the query is stopped at once). "
        "Examples: docs/examples/*.sql.",
    )
    p.add_argument("query", nargs="?", help="the SQL, a .sql file, or - (default: standard input)")
    p.add_argument("--format", choices=("table", "csv", "json", "parquet"), default="table", help="output format (default: table)")
    p.add_argument("--out", type=Path, help="write to FILE (atomically) instead of standard output; required for parquet")
    p.add_argument("--max-width", type=int, default=60, help="widest table cell before it is cut (default: 60)")
    p.add_argument("--wait", type=float, default=60.0, help="seconds to wait while a run holds the database (default: 60)")
    p.add_argument("--timeout", type=float, default=300.0, metavar="SECONDS",
                   help="stop the query after this many seconds, from opening the database to the last row written; "
                   "exit status 124 (default: 300; 0: no limit)")
    p.add_argument("--limit", type=int, metavar="N",
                   help="read at most N rows, in every format (the rest of the query is not computed); the table "
                   "format shows at most 1000 rows without it and says how many it left out")
    p.set_defaults(func=cmd_sql, on_interrupt="rashomon: interrupted; the query was stopped (an --out file is left as it was)")

    p = sub.add_parser(
        "export",
        parents=[common],
        help="write an event's tables and views as Parquet files (one per table/view, plus manifest.json)",
    )
    p.add_argument("event_id", help="event id, e.g. karabakh-2022-08-03")
    p.add_argument("--to", required=True, type=Path, metavar="DIR", help="folder to write into (created if missing)")
    p.add_argument("--wait", type=float, default=60.0, help="seconds to wait while a run holds the database (default: 60)")
    p.set_defaults(func=cmd_export)


def add_runner_options(parser: argparse.ArgumentParser) -> None:
    """`--task-runner` and `--dask-address` for the commands that run the pipeline (demo, run)."""
    g = parser.add_argument_group("task runner")
    g.add_argument(
        "--task-runner", choices=("threads", "dask"), default=None,
        help="where the stages run: threads in this process (default) or a local Dask cluster of 2 worker processes",
    )
    g.add_argument("--dask-address", metavar="tcp://HOST:PORT", help="run the stages on an existing Dask cluster")


def task_runner_from_args(args: argparse.Namespace):
    """The Prefect task runner the options ask for (None/threads: a thread pool)."""
    from rashomon.flows.runners import make_task_runner

    kind, address = getattr(args, "task_runner", None), getattr(args, "dask_address", None)
    if kind == "threads" and address:
        raise RashomonError("--dask-address runs the stages on Dask: drop --task-runner threads")
    return make_task_runner(kind, address)
