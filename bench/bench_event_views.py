"""Per-event queries on a database of many events: the views filtered by event vs the per-event table macros.

The report, the benchmark and the CLI ask for one event's cards, pairs and fact sheet. Before, they filtered the views
`disagreement_cards`, `disagreements` and `outlet_facts` by `event_id`; DuckDB does not push that filter through the
views' self-joins, not-exists and windows, so each query computed every event. Now they call `<view>_of($event_id)`
(sql/views.sql), which filters at the base tables. Baseline in the same run: the views and the named queries as they
were at `--baseline-rev` (default 67c6f57), the views created in a schema `old` of a copy of the database. Both sides
are timed on the same copy, alternating, for every event and query; their rows are compared too.

    PYTHONPATH=. .venv/bin/python bench/bench_event_views.py --db /tmp/dev/realcov.duckdb [--repeat 2]

The database: any with several events, e.g. the one `python -m rashomon.realcov --split dev --work DIR` leaves in DIR.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.common import fmt_s, machine, table  # noqa: E402
from rashomon import store  # noqa: E402

# (what, the named query the report / benchmark runs for one event)
QUERIES = (
    ("cards (report)", "select_report_disagreements"),
    ("pairs (realcov)", "select_realcov_cards"),
    ("fact sheet (report)", "select_report_facts"),
)


def _git_show(rev: str, path: str) -> str:
    return subprocess.run(["git", "-C", str(REPO), "show", f"{rev}:{path}"], check=True, capture_output=True,
                          text=True).stdout


def _old_views(con: duckdb.DuckDBPyConnection, rev: str) -> None:
    """The views of `rev` in schema `old`, reading the tables of `main`."""
    text = _git_show(rev, "sql/views.sql")
    con.execute("create schema if not exists old")
    con.execute("set search_path = 'old,main'")
    con.execute("set schema = 'old'")
    con.execute(text)
    con.execute("set schema = 'main'")
    con.execute("set search_path = 'main'")


def _timed(fn) -> tuple[float, list]:
    t0 = time.perf_counter()
    rows = fn()
    return time.perf_counter() - t0, rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, type=Path, help="a database holding several events (it is copied)")
    ap.add_argument("--baseline-rev", default="67c6f57", help="the commit whose views are the baseline")
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    print(f"# bench/bench_event_views.py — {machine()}")
    work = Path(tempfile.mkdtemp(prefix="rashomon-bench-views-"))
    db = work / "copy.duckdb"
    shutil.copy(args.db, db)
    try:
        with store.connect(db) as con:   # migrates: the current views and macros
            _old_views(con, args.baseline_rev)
            events = [r[0] for r in con.execute("select event_id from events order by event_id").fetchall()]
            print(f"database {args.db}: {len(events)} events, "
                  f"{con.execute('select count(*) from sentences').fetchone()[0]} sentences")
            old_sql = {name: store._statements(_git_show(args.baseline_rev, f"sql/queries/{name}.sql"))[0]
                       for _, name in QUERIES}
            times: dict[tuple[str, str], list[float]] = {}
            same = True
            for _ in range(args.repeat):
                for ev in events:
                    for what, name in QUERIES:
                        # the baseline's query on the baseline's views (schema `old` first), then today's
                        con.execute("set search_path = 'old,main'")
                        t_old, old = _timed(lambda: con.execute(old_sql[name], {"event_id": ev}).fetchall())
                        con.execute("set search_path = 'main'")
                        t_new, new = _timed(lambda: store.run(con, name, event_id=ev).fetchall())
                        times.setdefault((what, "old"), []).append(t_old)
                        times.setdefault((what, "new"), []).append(t_new)
                        if sorted(map(repr, old)) != sorted(map(repr, new)):
                            same = False
                            print(f"ROWS DIFFER: {ev} {what}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    rows = []
    for what, _ in QUERIES:
        old, new = times[(what, "old")], times[(what, "new")]
        rows.append([what, fmt_s(statistics.median(old)), fmt_s(statistics.median(new)),
                     fmt_s(sum(old) / args.repeat), fmt_s(sum(new) / args.repeat),
                     f"**{statistics.median(old) / statistics.median(new):.1f}x**"])
    print(table(rows, ["query", "view filtered (median per event)", "macro (median per event)",
                       f"view, all {len(events)} events", f"macro, all {len(events)} events", "speed-up"]))
    print(f"rows identical for every event and query: {same}")


if __name__ == "__main__":
    main()
