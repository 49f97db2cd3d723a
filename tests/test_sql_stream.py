"""`rashomon sql` under a timeout and Ctrl-C, with its rows streamed: real processes, a small DuckDB file, ~15 s."""

from __future__ import annotations

import csv
import io
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from rashomon import cli, sqlstream

REPO = Path(__file__).resolve().parent.parent
# Minutes of work that returns nothing until it ends (one row), and an endless stream of rows.
SLOW = "select count(*) from range(1000000) a, range(1000000) b where (a.range * b.range) % 7 = 3"
ENDLESS = "select a.range as a, b.range as b from range(1000000) a, range(1000000) b"


@pytest.fixture()
def db(tmp_path) -> Path:
    path = tmp_path / "small.duckdb"
    con = duckdb.connect(str(path))
    con.execute("create table t as select range as i, 'x' || range as s from range(5000)")
    con.close()
    return path


def _restore_ctrl_c() -> None:
    # a shell without job control starts background jobs with SIGINT ignored, and the child inherits that: a user's
    # Ctrl-C at a terminal is what these tests stand for, so the child starts with the default disposition
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start(db: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "rashomon.cli", "sql", "--db", str(db), *args], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=_restore_ctrl_c)


def _finish(proc: subprocess.Popen, timeout: float = 30) -> tuple[str, str]:
    try:
        return proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
        pytest.fail(f"still running after {timeout} s; stderr: {err[-2000:]}")


def _cli(capsys, *argv: str) -> tuple[int, str, str]:
    rc = cli.main(["sql", *argv])
    captured = capsys.readouterr()
    return rc, captured.out, captured.err


def _duckdb_loaded(pid: int) -> bool:
    try:
        return "duckdb" in Path(f"/proc/{pid}/maps").read_text()
    except OSError:
        return False


# --- timeout -----------------------------------------------------------------------------------------------------


def test_timeout_stops_a_long_query_with_one_line_and_exit_124(db):
    started = time.monotonic()
    proc = _start(db, "--timeout", "1", SLOW)
    out, err = _finish(proc)
    assert time.monotonic() - started < 15   # generous: the query alone runs for minutes
    assert proc.returncode == 124, err
    assert out == ""
    assert err.strip().splitlines() == [err.strip()] and "--timeout 1 s" in err and "Traceback" not in err


def test_help_documents_timeout_limit_and_exit_statuses(capsys):
    with pytest.raises(SystemExit):
        cli.main(["sql", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "--timeout SECONDS" in text and f"default: {sqlstream.DEFAULT_TIMEOUT_S:g}" in text
    assert f"{sqlstream.TIMEOUT_EXIT}" in text and "130" in text
    assert "--limit N" in text and f"{sqlstream.TABLE_ROW_CAP} rows" in text


# --- Ctrl-C --------------------------------------------------------------------------------------------------------


def _assert_interrupted(proc: subprocess.Popen) -> tuple[str, str]:
    out, err = _finish(proc)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "RuntimeError" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "interrupted" in lines[0] and "query" in lines[0], err
    return out, err


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="needs /proc to see when the process is under way")
@pytest.mark.parametrize("after_s", [0.0, 0.15, 0.4])
def test_ctrl_c_early_stops_the_query(db, after_s):
    """SIGINT as soon as the command is loading DuckDB, and a little later (opening the file, starting the query):
    before, a SIGINT in this window was lost and the query ran on."""
    proc = _start(db, SLOW)
    deadline = time.monotonic() + 20
    while not _duckdb_loaded(proc.pid) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    time.sleep(after_s)
    proc.send_signal(signal.SIGINT)
    _assert_interrupted(proc)


def test_ctrl_c_while_streaming_to_a_file_leaves_it_as_it_was(db, tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old\n")
    proc = _start(db, "--format", "csv", "--out", str(target), ENDLESS)
    time.sleep(1.5)
    proc.send_signal(signal.SIGINT)
    _assert_interrupted(proc)
    assert target.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv", "small.duckdb"]   # no temporary file left


def test_ctrl_c_during_a_long_query(db):
    proc = _start(db, SLOW)
    time.sleep(1.5)
    proc.send_signal(signal.SIGINT)
    _assert_interrupted(proc)


# --- streaming, the table's cap and --limit --------------------------------------------------------------------------


def test_table_shows_1000_rows_and_says_how_many_it_left_out(db, capsys):
    rc, out, _ = _cli(capsys, "--db", str(db), "select i, s from t order by i")
    lines = out.splitlines()
    assert rc == 0 and lines[0].split() == ["i", "|", "s"]
    assert len(lines) == 2 + 1000 + 2 and lines[-3].startswith("999 ")
    assert lines[-2:] == ["(1,000 rows shown)", "(… 4,000 more rows not shown; use --limit N or --format csv)"]
    rc, out, _ = _cli(capsys, "--db", str(db), "select i from t where i < 1000")
    assert out.splitlines()[-1] == "(1000 rows)"   # nothing left out: the usual count


def test_limit_caps_every_format_and_stops_an_endless_query(db, capsys, tmp_path):
    import pyarrow.parquet as pq

    endless = "select range as i from range(10000000000000)"
    args = ("--db", str(db), "--limit", "3", "--timeout", "30")
    rc, out, _ = _cli(capsys, *args, endless)
    assert rc == 0 and out.splitlines()[2:] == ["0", "1", "2", "(3 rows shown)", "(more rows not fetched: --limit 3)"]
    rc, out, err = _cli(capsys, *args, "--format", "csv", endless)
    assert rc == 0 and list(csv.reader(io.StringIO(out))) == [["i"], ["0"], ["1"], ["2"]] and "--limit 3" in err
    rc, out, _ = _cli(capsys, *args, "--format", "json", endless)
    assert rc == 0 and json.loads(out) == [{"i": 0}, {"i": 1}, {"i": 2}]
    target = tmp_path / "three.parquet"
    rc, _, err = _cli(capsys, *args, "--format", "parquet", "--out", str(target), endless)
    assert rc == 0 and pq.read_table(target).column("i").to_pylist() == [0, 1, 2] and "3 row(s)" in err
    rc, out, err = _cli(capsys, "--db", str(db), "--limit", "5000", "select i from t")
    assert out.splitlines()[-1] == "(5000 rows)" and "limit" not in err   # exactly all: nothing left out
    rc, out, err = _cli(capsys, "--db", str(db), "--limit", "2000", "select i from t")
    assert len(out.splitlines()) == 2 + 2000 + 2   # --limit lifts the table's cap
    for flag in ("--limit", "--timeout"):
        rc, _, err = _cli(capsys, "--db", str(db), flag, "-1", "select 1")
        assert rc == 2 and f"{flag} must be 0" in err


def test_json_of_many_rows_is_valid_and_the_same_text_as_before(db, capsys):
    q = "select i, s, [i, 2] as l, {'k': s} as m, i::decimal(9, 2) as d from t order by i"
    rc, out, _ = _cli(capsys, "--db", str(db), "--format", "json", q)
    data = json.loads(out)
    assert rc == 0 and len(data) == 5000 and data[4999] == {"i": 4999, "s": "x4999", "l": [4999, 2],
                                                            "m": {"k": "x4999"}, "d": 4999.0}
    assert out == json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    rc, out, _ = _cli(capsys, "--db", str(db), "--format", "json", "select * from t where false")
    assert rc == 0 and out == "[]\n"


def test_rows_are_written_before_the_query_ends(db):
    """Nothing is held until the end: an endless query's first rows arrive, then the timeout stops it."""
    proc = _start(db, "--format", "json", "--timeout", "2", ENDLESS)
    out, err = _finish(proc)
    assert proc.returncode == 124, err
    assert out.startswith('[\n {\n  "a": 0,\n  "b": 0\n }') and out.count('"a"') >= 2048
