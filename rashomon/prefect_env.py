"""Prefect settings for offline, local runs; applied before Prefect is imported (user settings win). And the temporary
Prefect API server made to die with the process that started it."""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import subprocess
import sys
import threading
from typing import Any

log = logging.getLogger(__name__)

DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    # The ephemeral API server can take 20+ s on a cold first start; the default 20 s timeout makes runs flaky.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
    "PREFECT_LOGGING_LOG_PRINTS": "false",
    "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "false",
}

_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def configure() -> None:
    for key, value in DEFAULTS.items():
        os.environ.setdefault(key, value)
    die_with_parent()


class _SubprocessDyingWithParent:
    """Stands in for the `subprocess` module inside prefect.server.api.server: the same module, except that the
    processes it starts get PR_SET_PDEATHSIG, so the kernel sends them SIGTERM when the thread that started them
    ends (with a kill -9 of this process, at the latest). Prefect starts its temporary API server from the thread
    that first needs the API and that lives as long as the process (the main thread or Prefect's own loop thread)."""

    def __init__(self, module: Any, libc: Any) -> None:
        self._module = module
        self._libc = libc

    def __getattr__(self, name: str) -> Any:
        return getattr(self._module, name)

    def Popen(self, *args: Any, **kwargs: Any) -> subprocess.Popen:  # the name Prefect calls
        if kwargs.get("preexec_fn") is None:
            libc, parent = self._libc, os.getpid()

            def preexec() -> None:  # in the child, between fork and exec
                libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
                if os.getppid() != parent:  # the parent died before prctl: no signal would come
                    os._exit(1)

            kwargs["preexec_fn"] = preexec
        log.debug("starting %s (dies with thread %s of process %d)", args[:1] or kwargs.get("args", "")[:3],
                  threading.current_thread().name, os.getpid())
        return self._module.Popen(*args, **kwargs)


def die_with_parent() -> bool:
    """Make the temporary Prefect API server (≈224 MB) end when this process ends, also on kill -9 (Linux only;
    elsewhere a killed run leaves it running, as before). Returns whether it is in place."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
        from prefect.server.api import server
    except (OSError, AttributeError, ImportError) as exc:  # pragma: no cover - not Linux/glibc, or Prefect moved it
        log.warning("cannot make the Prefect API server die with this process: %s", exc)
        return False
    if not isinstance(server.subprocess, _SubprocessDyingWithParent):
        server.subprocess = _SubprocessDyingWithParent(server.subprocess, libc)
    return True
