"""Prefect task runners for the pipeline: threads in this process, a local Dask cluster, or an existing one.

The pipeline's tasks open DuckDB themselves and close it before they return, and their arguments (Settings, Event,
outlets) are plain picklable dataclasses, so a stage can run in another process or on another machine, provided that
the machine sees the same database path and has this package installed. Stages still run one after another (each one
reads what the previous wrote); Dask adds process isolation and lets the heavy stages (embedding) run where the
cores are.
"""

from __future__ import annotations

import contextlib
import os
from typing import Any, Iterator

from rashomon.errors import ConfigError

KINDS = ("threads", "dask")

#: the local cluster `--task-runner dask` starts: 2 worker processes, one thread each
LOCAL_CLUSTER_KWARGS: dict[str, Any] = {"n_workers": 2, "threads_per_worker": 1, "processes": True}


def _math_threads_env() -> dict[str, str]:
    """Dask starts workers with OMP/MKL/OPENBLAS_NUM_THREADS=1, so torch would embed on one core. The stages run one
    at a time, so the worker that embeds may use every core."""
    n = str(max(1, os.cpu_count() or 1))
    return {"OMP_NUM_THREADS": n, "MKL_NUM_THREADS": n, "OPENBLAS_NUM_THREADS": n}


def make_task_runner(kind: str | None = None, address: str | None = None):
    """The task runner for `kind` ("threads" or "dask"; None = threads) or, given `address`, an existing Dask cluster.

    - None / "threads": ThreadPoolTaskRunner(max_workers=2);
    - "dask": DaskTaskRunner on a new distributed.LocalCluster of 2 worker processes (1 thread each), started when the
      flow starts and closed when it ends (its workers may use every core for torch/BLAS, and its dashboard takes a
      free port rather than 8787);
    - address ("tcp://host:8786"): DaskTaskRunner(address=...) on a running scheduler (not closed at the end).
    """
    if address:
        if kind not in (None, "dask"):
            raise ConfigError(f"--dask-address needs the dask task runner, not {kind!r}")
        if not address.startswith(("tcp://", "tls://", "ws://", "wss://", "inproc://", "ucx://")) and "://" in address:
            raise ConfigError(f"not a Dask scheduler address: {address!r} (expected e.g. tcp://host:8786)")
        return _dask_task_runner_class()(address=address)
    if kind in (None, "threads"):
        from prefect.task_runners import ThreadPoolTaskRunner

        return ThreadPoolTaskRunner(max_workers=2)
    if kind == "dask":
        kwargs = dict(LOCAL_CLUSTER_KWARGS, env=_math_threads_env(), dashboard_address=":0")
        return _dask_task_runner_class()(cluster_class="distributed.LocalCluster", cluster_kwargs=kwargs)
    raise ConfigError(f"unknown task runner {kind!r} (choose from: {', '.join(KINDS)})")


def _dask_task_runner_class():
    """prefect-dask's DaskTaskRunner, imported only when asked for: Dask is the optional extra `rashomon[dask]`."""
    try:
        from prefect_dask import DaskTaskRunner
    except ImportError as exc:   # prefect-dask or distributed missing
        raise ConfigError(
            f"the Dask task runner needs the optional Dask packages ({exc.name or exc} is not installed): "
            "pip install 'rashomon[dask]' (in a checkout: pip install -e '.[dask]'), or use --task-runner threads"
        ) from exc
    return DaskTaskRunner


@contextlib.contextmanager
def shared_api(task_runner) -> Iterator[str | None]:
    """Make the flow and its Dask workers report to one Prefect API for the duration of the block.

    Without PREFECT_API_URL, Prefect runs an ephemeral API server inside the flow's process, and each Dask worker
    process would start its own (≈6–12 s each, and the task runs would land in the workers' databases instead of the
    flow's). For a Dask runner with no PREFECT_API_URL set, this starts one temporary server here (on 127.0.0.1,
    with the usual local database in PREFECT_HOME) and sets PREFECT_API_URL, which Prefect passes on to the workers
    with each task. Yields the API URL (None when nothing needed doing). A cluster on other machines cannot reach
    127.0.0.1: run `prefect server start` and set PREFECT_API_URL to an address the workers can reach.
    """
    from prefect.settings import PREFECT_API_URL, temporary_settings

    if not _is_dask(task_runner) or PREFECT_API_URL.value():
        yield PREFECT_API_URL.value()
        return
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.settings import PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS

    server = SubprocessASGIServer()  # the process's default ephemeral server: the flow's client reuses it
    server.start(timeout=PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value())
    try:
        with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
            try:
                yield server.api_url
            finally:
                _drain_to_api()
    finally:
        server.stop()


def _drain_to_api() -> None:
    """Send this process's pending logs and events before the API server stops (as prefect_test_harness does)."""
    import inspect

    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker
    from prefect.utilities.asyncutils import run_coro_as_sync

    async def drain() -> None:
        for call in (lambda: APILogWorker.instance().drain(), EventsWorker.drain_all):
            try:
                result = call()
                if inspect.isawaitable(result):
                    await result
            except RuntimeError:  # the worker was never started
                pass

    run_coro_as_sync(drain())


def _is_dask(task_runner) -> bool:
    return type(task_runner).__name__ == "DaskTaskRunner"
