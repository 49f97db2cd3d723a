"""Atomic file writes: a temporary file beside the target, moved over it with os.replace once complete.

A reader never sees a half-written file, and on any error (or Ctrl-C) the temporary file is removed and the target
is left as it was. The one helper for reports, exports, `rashomon sql --out` and drafted event files."""

from __future__ import annotations

import contextlib
import os
import uuid
from pathlib import Path
from typing import Iterator


def temp_path(target: Path) -> Path:
    """A fresh hidden name beside `target` (same folder, so os.replace is atomic)."""
    return target.parent / f".{target.name}.{uuid.uuid4().hex[:12]}.tmp"


@contextlib.contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside `target` to write; on a normal exit it replaces `target`, on any error it is
    removed and `target` is untouched. The caller creates the file (and closes it before the block ends)."""
    tmp = temp_path(Path(target))
    try:
        yield tmp
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def write_text(target: Path, text: str, *, mode: int | None = None) -> Path:
    """Write `text` (UTF-8, newlines as given) to `target` atomically; `mode`: the file's permissions, else those a
    new file gets (the umask's)."""
    target = Path(target)
    with replacing(target) as tmp:
        with open(tmp, "x", encoding="utf-8", newline="") as fh:
            if mode is not None:
                os.fchmod(fh.fileno(), mode)
            fh.write(text)
    return target
