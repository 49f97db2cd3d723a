"""Stopping a run on SIGINT / SIGTERM: the first signal asks the run to stop, the second ends the process at once.

The first signal only sets a flag. The stages look at it where they can stop cleanly (the fetcher between and during
requests, the batched stages between batches, the pipeline between stages): they save what is done and raise
RunInterrupted, which fails the run and marks it failed in `runs`. The second signal exits with status 130 at once
(`os._exit`: no thread, no clean-up is waited for; DuckDB's WAL keeps every committed batch, and the next run marks
this run failed since its process is gone).

Handlers can only be installed from the main thread; elsewhere :func:`handle_signals` does nothing (the caller's own
handling applies).
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
import threading
from collections.abc import Iterator

from .errors import RunInterrupted

log = logging.getLogger(__name__)

SIGNALS = (signal.SIGINT, signal.SIGTERM)
EXIT_AT_ONCE = 130

_requested = threading.Event()
_why: list[str] = []


def requested() -> bool:
    """Whether a stop was asked for (by a signal or :func:`request`)."""
    return _requested.is_set()


def request(why: str) -> None:
    """Ask the running stages to stop (what a first signal does)."""
    _why.append(why)
    _requested.set()


def reset() -> None:
    """Forget a past request (a new run in the same process, e.g. `rashomon serve`, starts afresh)."""
    _why.clear()
    _requested.clear()


def cause() -> str:
    """What asked for the stop ("SIGTERM received")."""
    return _why[0] if _why else "a stop was requested"


def check(where: str) -> None:
    """Raise RunInterrupted when a stop was asked for; `where` names what was stopped (for the run's error)."""
    if _requested.is_set():
        raise RunInterrupted(f"{cause()}; stopped {where}")


def _handler(signum: int, frame: object) -> None:
    name = signal.Signals(signum).name
    if _requested.is_set():
        # os.write, not print: a signal handler may run while sys.stderr is mid-write
        os.write(sys.stderr.fileno(), f"\nrashomon: {name} again: exiting now\n".encode())
        os._exit(EXIT_AT_ONCE)
    request(f"{name} received")
    os.write(sys.stderr.fileno(),
             f"\nrashomon: {name} received: stopping after saving what is done "
             f"(send it again to exit at once)\n".encode())


@contextlib.contextmanager
def handle_signals() -> Iterator[None]:
    """Within the block, SIGINT and SIGTERM ask the run to stop (and a second one exits); the previous handlers are
    restored after. A no-op outside the main thread."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    reset()
    previous = {s: signal.signal(s, _handler) for s in SIGNALS}
    try:
        yield
    finally:
        for s, old in previous.items():
            signal.signal(s, old)
