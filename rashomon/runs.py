"""A run's row in `runs`: started with the process that runs it (pid, host), finished or marked failed, and finalised
by the next run when its process is gone (kill -9, a crash, or a failure marker it could not write)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import socket
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import duckdb

from . import store
from .errors import RunInterrupted
from .runlock import run_lock

log = logging.getLogger(__name__)

#: how long a failed run waits for the database to record its failure (a reader may hold it); if that is not enough,
#: the next run records it (its process is gone by then)
MARK_FAILED_WAIT_S = 60.0
#: the same after Ctrl-C or SIGTERM: the user wants the process to end now
MARK_INTERRUPTED_WAIT_S = 5.0

_active: set[str] = set()      # the runs this process is running now (several flows may share one process)
_unmarked: dict[str, str] = {}  # runs of this process that ended on an error it could not write yet -> the error
_active_lock = threading.Lock()


@dataclass(frozen=True)
class RunProcess:
    """A run and the process that runs it (the flow's process, which holds the run lock; not a Dask worker)."""

    run_id: str
    pid: int
    host: str

    @classmethod
    def new(cls) -> RunProcess:
        run_id = f"{dt.datetime.now(dt.timezone.utc):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}"
        return cls(run_id, os.getpid(), socket.gethostname())


@dataclass(frozen=True)
class EndedRun:
    run_id: str
    event_id: str
    error: str


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def process_alive(pid: int) -> bool:
    """Whether a process with this pid exists on this machine (a zombie, dead but not yet reaped, counts as gone)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, under another user
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[-1].split()[:1] != ["Z"]


def start(con: duckdb.DuckDBPyConnection, run: RunProcess, event_id: str, model: str) -> None:
    """The run's row: status running, with its process."""
    store.run(con, "insert_run", run_id=run.run_id, event_id=event_id, started_at=_now(), model=model,
              pid=run.pid, host=run.host)


def finish(con: duckdb.DuckDBPyConnection, run_id: str, status: str, counts: dict[str, Any],
           settings: dict[str, Any]) -> None:
    store.run(con, "update_run_finished", run_id=run_id, finished_at=_now(), status=status,
              counts=json.dumps(counts), settings=json.dumps(settings))


def _gone(row: dict[str, Any], me: RunProcess) -> str | None:
    """Why a run marked running is not running any more, or None when its process may still be running it.

    Only asked while holding the run lock: no other run on this database is live, so a run of another host (which we
    cannot ask) is over too; the pid check keeps a live process's run safe even if the lock file was removed."""
    pid, host = row["pid"], row["host"]
    if pid is None:
        return "its process ended without finishing (killed?; the run did not record its process)"
    if host == me.host:
        if pid == me.pid:  # this process (`rashomon serve` runs many): over unless it is running it now
            with _active_lock:
                if row["run_id"] in _active:
                    return None
                if row["run_id"] in _unmarked:
                    return f"{_unmarked.pop(row['run_id'])} (recorded by the next run: the database was busy)"
            return f"process {pid} on {host} stopped running it without recording how it ended"
        if process_alive(pid):
            return None
    return f"process {pid} on {host} ended without finishing (killed?)"


def finalise_abandoned(con: duckdb.DuckDBPyConnection, me: RunProcess | None = None) -> list[EndedRun]:
    """Mark failed every run still marked running whose process is gone; returns them. Call it holding the run lock."""
    me = me or RunProcess.new()
    ended = []
    for row in store.rows(con, "select_running_runs"):
        why = _gone(row, me)
        if why is not None:
            store.run(con, "update_run_failed", run_id=row["run_id"], finished_at=_now(), error=why)
            ended.append(EndedRun(row["run_id"], row["event_id"], why))
    return ended


def mark_failed(db: Path | str, run_id: str, exc: BaseException) -> bool:
    """Record that the run failed, with its error; False when the database cannot be written now (the next run will
    mark it, since this process will be gone)."""
    stopped = isinstance(exc, RunInterrupted) or not isinstance(exc, Exception)
    wait_s = MARK_INTERRUPTED_WAIT_S if stopped else MARK_FAILED_WAIT_S
    error = f"{type(exc).__name__}: {exc}"[:500]
    try:
        with store.connect(db, wait_s=wait_s) as con:
            store.run(con, "update_run_failed", run_id=run_id, finished_at=_now(), error=error)
    except Exception as why:  # the database itself may be the problem; the original error is what the user needs
        log.warning("%s: run %s could not be marked failed now (%s); the next run will mark it", db, run_id, why)
        with _active_lock:
            _unmarked[run_id] = error
        return False
    return True


@contextlib.contextmanager
def tracked_run(db: Path | str, lock_wait: float = 0.0, logger: Any = None) -> Iterator[RunProcess]:
    """Hold the run lock for a new run; first mark failed the runs left running by processes that are gone; if the
    body raises, mark this run failed (or leave it to the next run when the database cannot be written)."""
    logger = logger or log
    run = RunProcess.new()
    with run_lock(Path(db), lock_wait):
        with _active_lock:
            _active.add(run.run_id)
        try:
            with store.connect(db) as con:
                for ended in finalise_abandoned(con, run):
                    logger.warning("run %s (%s) was still marked running: %s; marked failed",
                                   ended.run_id, ended.event_id, ended.error)
            yield run
        except BaseException as exc:
            mark_failed(db, run.run_id, exc)
            raise
        finally:
            with _active_lock:
                _active.discard(run.run_id)
