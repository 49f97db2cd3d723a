"""Issue 15 item 7, the fast part: what Prefect's server module starts dies with the process that started it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import psutil
import pytest

REPO = Path(__file__).resolve().parent.parent

STARTS_A_CHILD = """
import subprocess, time
from rashomon import prefect_env
assert prefect_env.die_with_parent()
from prefect.server.api import server  # where Prefect starts its temporary API server
child = server.subprocess.Popen(["sleep", "120"])
print(child.pid, flush=True)
time.sleep(120)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux only")
def test_a_process_started_like_the_prefect_server_dies_on_kill_9_of_its_parent() -> None:
    parent = subprocess.Popen([sys.executable, "-c", STARTS_A_CHILD], cwd=REPO, stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        child = psutil.Process(int(parent.stdout.readline()))
        assert child.is_running() and child.ppid() == parent.pid
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(timeout=10)
        gone, alive = psutil.wait_procs([child], timeout=10)
    finally:
        parent.kill()
    assert alive == [], "the child outlived its killed parent"
