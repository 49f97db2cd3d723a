"""Shared helpers for the benchmarks: the machine, settings for local runs, the pipeline with and without Prefect."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from rashomon import prefect_env  # noqa: E402

prefect_env.configure()

SEED_EVENT = REPO / "seeds" / "karabakh-2022-08-03"
MODEL = "all-MiniLM-L6-v2"


def machine() -> str:
    """Date, cores, memory and CPU model: the header of every benchmark's output."""
    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = "unknown"
    with contextlib.suppress(Exception):
        mem = subprocess.run(["free", "-h"], capture_output=True, text=True).stdout.splitlines()[1].split()[1]
    versions = []
    for mod in ("torch", "duckdb", "prefect", "numpy"):
        with contextlib.suppress(Exception):
            versions.append(f"{mod} {__import__(mod).__version__}")
    load = ""
    with contextlib.suppress(OSError):
        load = f" | load average {Path('/proc/loadavg').read_text().split()[0]} at start (other work on the machine skews timings)"
    return (
        f"{dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z} | {os.cpu_count()} cores | {mem} RAM | {cpu} | "
        f"Python {platform.python_version()} | {', '.join(versions)}{load}"
    )


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mb() -> float:
    try:
        import psutil

        return psutil.Process().memory_info().rss / 2**20
    except ImportError:
        return float("nan")


def settings_for(work: Path, sources_dir: Path | None = None, **overrides: Any):
    """Settings for a local benchmark run: a fresh DB under `work`, no politeness delay (one local host)."""
    from rashomon.settings import load_settings

    values: dict[str, Any] = dict(
        env={}, db=work / "bench.duckdb", reports_dir=work / "reports", sources_dir=sources_dir or (REPO / "sources"),
        min_interval=0.0,
    )
    values.update(overrides)
    return load_settings(**values)


class _Done:
    def __init__(self, value: Any):
        self._value = value

    def result(self) -> Any:
        return self._value


class _Direct:
    """Stands in for a Prefect task inside flows.pipeline: `.submit(...)` calls the task's function right away."""

    def __init__(self, name: str, task: Any, timings: dict[str, float], peaks: dict[str, float]):
        self.name, self.fn, self.timings, self.peaks = name, task.fn, timings, peaks

    def submit(self, *args: Any, **kwargs: Any) -> _Done:
        started = time.perf_counter()
        value = self.fn(*args, **kwargs)
        self.timings[self.name] = self.timings.get(self.name, 0.0) + time.perf_counter() - started
        self.peaks[self.name] = peak_rss_mb()
        return _Done(value)


def run_without_prefect(
    event_dir: Path, settings, base_url: str | None, peaks: dict[str, float] | None = None
) -> tuple[Any, dict[str, float]]:
    """The pipeline's own code (flows/pipeline.py) with every task called directly: no flow run, no task runs, no
    API. Returns its result and the wall time of each stage (and fills `peaks`: peak RSS in MiB after each stage)."""
    from prefect import Task
    from prefect.logging import disable_run_logger

    import rashomon.flows.pipeline as fp

    timings: dict[str, float] = {}
    originals = {k: v for k, v in vars(fp).items() if isinstance(v, Task)}
    try:
        for attr, task in originals.items():
            setattr(fp, attr, _Direct(task.name, task, timings, peaks if peaks is not None else {}))
        with disable_run_logger():
            result = fp.pipeline.fn(str(event_dir), settings, base_url=base_url)
    finally:
        for attr, task in originals.items():
            setattr(fp, attr, task)
    return result, timings


def run_with_prefect(event_dir: Path, settings, base_url: str | None, task_runner=None):
    from rashomon.flows.pipeline import pipeline

    flow = pipeline.with_options(task_runner=task_runner) if task_runner is not None else pipeline
    return flow(str(event_dir), settings, base_url=base_url)


def fmt_s(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds < 100 else f"{seconds:.0f} s"


def table(rows: list[list[Any]], header: list[str]) -> str:
    """A Markdown table (what RESULTS.md holds)."""
    cells = [[str(c) for c in r] for r in rows]
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in cells]
    return "\n".join(out)
