"""Readers never fail a run, and a failed run is always marked (issue 15, items 2 and 7).

A writer waits for a long reader as long as it takes (logging progress) instead of failing after 30 s; a `runs` row
left `running` by a process that is gone (kill -9, or a failure marker that could not be written) is finalised by the
next run. The clock of `rashomon.store` runs 10x faster here, so "longer than the old 30 s limit" takes 3-4 s.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import time
import types
from pathlib import Path

import pytest

from rashomon import store

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
def db(tmp_path) -> Path:
    path = tmp_path / "shared.duckdb"
    with store.connect(path):
        pass
    return path


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
