"""`rashomon serve`: register Prefect deployments with cron schedules and serve them.

Schedules need a Prefect API server (the ephemeral one cannot schedule). When PREFECT_API_URL is not set, a local
server is started on 127.0.0.1 for the lifetime of the command and stopped with it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import httpx

from .errors import RashomonError
from .settings import Settings
from .sources import load_event

log = logging.getLogger(__name__)


def build_deployments(settings: Settings, events: list[Path], events_root: Path | None):
    """One deployment per event (settings.schedule_cron) and one for all events (settings.discovery_cron)."""
    from rashomon.flows.scheduled import scheduled_all, scheduled_event

    common = {
        "db": str(Path(settings.db).resolve()),
        "sources_dir": str(Path(settings.sources_dir).resolve()),
        "reports_dir": str(Path(settings.reports_dir).resolve()),
        "model": settings.model,
    }
    deployments = []
    for folder in events:
        event = load_event(folder)
        deployments.append(scheduled_event.to_deployment(
            name=f"event-{event.id}", cron=settings.schedule_cron,
            parameters={"event_dir": str(Path(folder).resolve()), **common},
            description=f"Incremental run of {event.title}", tags=["rashomon", event.id],
        ))
    if events_root is not None:
        deployments.append(scheduled_all.to_deployment(
            name="all-events", cron=settings.discovery_cron,
            parameters={"events_root": str(Path(events_root).resolve()), **common},
            description="Discovery across all sources for every event", tags=["rashomon"],
        ))
    return deployments


@contextlib.contextmanager
def prefect_server(port: int = 4200, wait_s: float = 120.0) -> Iterator[str]:
    """Use PREFECT_API_URL when set; else start `prefect server start` on 127.0.0.1 and stop it on exit."""
    if os.environ.get("PREFECT_API_URL"):
        yield os.environ["PREFECT_API_URL"]
        return
    exe = shutil.which("prefect", path=str(Path(sys.executable).parent)) or shutil.which("prefect")
    if exe is None:
        raise RashomonError("the `prefect` command is not installed in this environment")
    api = f"http://127.0.0.1:{port}/api"
    proc = subprocess.Popen([exe, "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + wait_s
        while True:
            if proc.poll() is not None:
                raise RashomonError(f"the Prefect server exited at start (code {proc.returncode}); is port {port} free?")
            try:
                if httpx.get(f"{api}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RashomonError(f"the Prefect server did not answer on {api} within {wait_s:.0f} s")
            time.sleep(1)
        os.environ["PREFECT_API_URL"] = api
        log.info("Prefect server at %s", api)
        yield api
    finally:
        os.environ.pop("PREFECT_API_URL", None)
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
