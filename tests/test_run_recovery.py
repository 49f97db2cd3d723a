"""Readers never fail a run, and a failed run is always marked (issue 15, items 2 and 7).

A writer waits for a long reader as long as it takes (logging progress) instead of failing after 30 s; a `runs` row
left `running` by a process that is gone (kill -9, or a failure marker that could not be written) is finalised by the
next run. The clock of `rashomon.store` runs 10x faster here, so "longer than the old 30 s limit" takes 3-4 s.
"""

from __future__ import annotations

import logging
import socket
import subprocess
import sys
import time
import types
from pathlib import Path

import pytest

from rashomon import runs, store

REPO = Path(__file__).resolve().parent.parent

READER = """
import sys, time
from rashomon.sqlshell import open_reader
con, _ = open_reader(sys.argv[1])
con.execute("select count(*) from runs").fetchall()
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
con.close()
"""


@pytest.fixture()
def fast_clock(monkeypatch):
    """`time` for rashomon.store whose monotonic clock runs 10x faster (sleeps stay real)."""
    speed, t0 = 10.0, time.monotonic()
    fake = types.SimpleNamespace(monotonic=lambda: t0 + (time.monotonic() - t0) * speed, sleep=time.sleep)
    monkeypatch.setattr(store, "time", fake)
    return speed


def test_a_writer_waits_for_a_reader_longer_than_the_old_limit_and_then_writes(db, fast_clock, caplog):
    hold_s = 4.5  # 45 s on the store's clock: past the old 30 s limit
    reader = subprocess.Popen([sys.executable, "-c", READER, str(db), str(hold_s)], cwd=REPO,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "holding"
        started = time.monotonic()
        # a writer, as every stage of a run opens it
        with caplog.at_level(logging.WARNING, logger="rashomon.store"), store.connect(db) as con:
            con.execute("insert into fetch_log (run_id, url, attempt, outcome, started_at) "
                        "values ('w', 'u', 1, 'ok', now())")
        waited = (time.monotonic() - started) * fast_clock
    finally:
        _, err = reader.communicate(timeout=30)
    assert reader.returncode == 0, err
    assert waited > 30, f"the reader was gone after {waited:.0f} s (store clock): the test proves nothing"
    progress = [r.getMessage() for r in caplog.records if "waiting for" in r.getMessage()]
    assert progress and "to release the database" in progress[0], caplog.text
    with store.connect(db, read_only=True) as con:
        assert con.execute("select count(*) from fetch_log").fetchone() == (1,)


# --- a run left marked running is finalised by the next run --------------------------------------------------------

STARTED_THEN_KILLED = """
import sys, time
from rashomon import runs, store
run = runs.RunProcess.new()
with store.connect(sys.argv[1]) as con:
    runs.start(con, run, "karabakh-2022-08-03", "all-MiniLM-L6-v2")
print(run.run_id, run.pid, flush=True)
time.sleep(120)
"""


def _runs(db: Path) -> dict[str, tuple[str, str | None]]:
    with store.connect(db, read_only=True) as con:
        return {r[0]: (r[1], r[2]) for r in con.execute("select run_id, status, error from runs").fetchall()}


def _insert_running(db: Path, run_id: str, pid: int | None, host: str | None) -> None:
    with store.connect(db) as con:
        con.execute("insert into runs (run_id, event_id, started_at, status, pid, host) "
                    "values (?, 'e', now(), 'running', ?, ?)", [run_id, pid, host])


def test_a_run_whose_process_was_killed_is_marked_failed_by_the_next_run(db):
    killed = subprocess.Popen([sys.executable, "-c", STARTED_THEN_KILLED, str(db)], cwd=REPO,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:
        line = killed.stdout.readline().split()
        assert len(line) == 2, killed.stderr.read()
        killed_run, killed_pid = line[0], int(line[1])
        killed.kill()                       # kill -9: no failure marker
        killed.wait(timeout=10)
        assert _runs(db)[killed_run] == ("running", None)
        host = socket.gethostname()
        _insert_running(db, "alive-elsewhere-in-this-host", alive.pid, host)
        _insert_running(db, "before-pids-were-recorded", None, None)
        _insert_running(db, "on-another-host", 4242, "another-host.example")

        # the next run: finalises before it starts
        with runs.tracked_run(db) as run, store.connect(db) as con:
            runs.start(con, run, "e", "m")
            assert runs.finalise_abandoned(con) == []   # its own row, and the live process's, are left alone
        after = _runs(db)
    finally:
        alive.kill()
        alive.wait(timeout=10)
        killed.communicate(timeout=10)
    assert after[killed_run] == ("failed", f"process {killed_pid} on {host} ended without finishing (killed?)")
    assert after["alive-elsewhere-in-this-host"] == ("running", None)
    assert after["before-pids-were-recorded"][0] == "failed"
    assert "ended without finishing" in after["before-pids-were-recorded"][1]
    # the run lock was free, so no run on this database was live anywhere
    assert after["on-another-host"] == ("failed", "process 4242 on another-host.example ended without finishing (killed?)")
    assert after[run.run_id] == ("running", None)   # this test's run never called runs.finish
    with store.connect(db, read_only=True) as con:
        row = con.execute("select pid, host, finished_at is not null from runs where run_id = ?", [killed_run]).fetchone()
    assert row == (killed_pid, host, True)


def test_a_run_that_fails_is_marked_with_its_error(db):
    with pytest.raises(RuntimeError, match="boom"), runs.tracked_run(db) as run:
        with store.connect(db) as con:
            runs.start(con, run, "e", "m")
        raise RuntimeError("boom")
    assert _runs(db)[run.run_id] == ("failed", "RuntimeError: boom")


def test_a_failure_marker_that_cannot_be_written_now_is_written_by_the_next_run(db, monkeypatch):
    monkeypatch.setattr(runs, "MARK_FAILED_WAIT_S", 0.5)   # 60 s by default
    with pytest.raises(RuntimeError, match="boom"), runs.tracked_run(db) as run:
        with store.connect(db) as con:
            runs.start(con, run, "e", "m")
        reader = subprocess.Popen([sys.executable, "-c", READER, str(db), "3"], cwd=REPO,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert reader.stdout.readline().strip() == "holding"
        raise RuntimeError("boom")         # while a reader holds the database: the marker cannot be written
    try:
        assert reader.poll() is None, "the reader was gone before the marker gave up: the test proves nothing"
    finally:
        reader.communicate(timeout=30)
    assert _runs(db)[run.run_id] == ("running", None)
    with runs.tracked_run(db):             # the next run (here in the same process, as `rashomon serve` does)
        pass
    status, error = _runs(db)[run.run_id]
    assert status == "failed" and error.startswith("RuntimeError: boom"), error

