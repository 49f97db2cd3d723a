"""One run per database at a time: a lock file beside the DuckDB file, held for the whole run (filelock)."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Iterator

from filelock import FileLock, Timeout

from .errors import RashomonError


class RunLockedError(RashomonError):
    """Another run holds the database."""


def lock_path(db: Path) -> Path:
    db = Path(db)
    return db.with_name(db.name + ".run.lock")


@contextlib.contextmanager
def run_lock(db: Path, wait_s: float = 0.0) -> Iterator[Path]:
    """Hold the run lock of `db`; wait up to `wait_s` seconds for another run to finish, else fail clearly."""
    path = lock_path(db)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(path))
    try:
        lock.acquire(timeout=wait_s)
    except Timeout as exc:
        raise RunLockedError(
            f"another run is writing to {db} (lock {path}); wait for it to finish, or pass --wait SECONDS"
        ) from exc
    try:
        yield path
    finally:
        lock.release()
