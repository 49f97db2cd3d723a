"""Model files pinned by their sha256: read one, refusing a missing or changed file with the fix named."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .errors import ModelError


def read_pinned(path: Path, sha256: str, what: str, pinned_in: str) -> bytes:
    """The bytes of `path` when their sha256 is `sha256`; else a ModelError saying how to restore or retrain it."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ModelError(f"{what} {path} cannot be read ({exc}); run `make train`") from exc
    digest = hashlib.sha256(raw).hexdigest()
    if digest != sha256:
        raise ModelError(f"{what} {path} has sha256 {digest}, expected {sha256} (pinned in {pinned_in}): the file "
                         "was changed; restore it or run `make train` and pin the new hash")
    return raw
