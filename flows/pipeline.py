"""The whole pipeline for one event: discover → fetch → extract → segment → embed → align → detect → report."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger

from rashomon import runs, stopping, store
from rashomon.settings import ALIGN_PARAMS, Settings
from rashomon.sources import load_event, load_outlets

from .tasks import (
    align_task,
    detect_task,
    discover_task,
    embed_task,
    extract_task,
    fetch_task,
    register_task,
    report_task,
    segment_task,
)


@dataclass
class PipelineResult:
    event_id: str
    run_id: str
    report: str | None
    counts: dict[str, int]
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def status(self) -> str:
        return "completed_with_failures" if self.failures else "completed"


@flow(name="rashomon-pipeline", log_prints=False)
def pipeline(event_dir: str, settings: Settings, base_url: str | None = None) -> PipelineResult:
    """Run an event end to end. `base_url` serves the event's offline mirror (demo and tests); None = the real web.

    One run per database at a time (the run lock); runs left marked running by a process that is gone are marked
    failed first, and this run is marked failed if it stops on an error (rashomon.runs). SIGINT/SIGTERM stop it
    after saving what is done, a second one at once (rashomon.stopping)."""
    logger = get_run_logger()
    with stopping.handle_signals(), runs.tracked_run(Path(settings.db), settings.run_lock_wait, logger) as run:
        return _pipeline(event_dir, settings, base_url, logger, run)


def _pipeline(
    event_dir: str, settings: Settings, base_url: str | None, logger, run: runs.RunProcess
) -> PipelineResult:
    event = load_event(Path(event_dir))
    outlets = load_outlets(Path(settings.sources_dir))
    run_id = run.run_id
    logger.info("run %s: event %s (%s), db %s", run_id, event.id, event.title, settings.db)
    # Each stage is submitted to the flow's task runner (threads by default; Dask workers with --task-runner dask)
    # and awaited before the next: stages depend on each other through the database.
    register_task.submit(settings, event, outlets, run).result()
    stopping.check("before discovery")
    found = discover_task.submit(settings, event, outlets, run_id, base_url).result()
    urls = [item.url for item in found.items]
    stopping.check("after discovery")
    fetched = fetch_task.submit(settings, event, outlets, run_id, base_url, urls).result()
    extracted = extract_task.submit(settings, event, outlets, run_id).result()
    segment_task.submit(settings, event).result()
    embedded = embed_task.submit(settings, event).result()
    stopping.check("after embedding")
    aligned = align_task.submit(settings, event).result()
    stopping.check("after alignment")
    detect_task.submit(settings, event).result()
    failures = list(found.failures) + list(fetched["failures"]) + list(extracted["failures"])
    with store.connect(settings.db) as con:
        counts = event_counts(con, event.id)
        counts.update(embedded_now=embedded, mutual_pairs=aligned.mutual_pairs)
        runs.finish(con, run_id, "completed_with_failures" if failures else "completed", counts,
                    run_settings(settings))
    report = report_task.submit(settings, event.id).result()
    result = PipelineResult(event.id, run_id, report, counts, failures)
    logger.info(
        "done: %(outlets)d outlets, %(articles)d articles, %(sentences)d sentences, %(claims)d claims, "
        "%(disagreements)d disagreements", counts
    )
    if failures:
        logger.warning("%d failure(s) recorded in fetch_log; the other outlets were processed", len(failures))
    return result


def run_settings(settings: Settings) -> dict[str, Any]:
    """The settings that shaped a run's results, stored with the run (the report header shows them)."""
    keys = ("model", "embed_batch_size", *ALIGN_PARAMS.values(), "user_agent")
    return {k: getattr(settings, k) for k in keys}


def event_counts(con, event_id: str) -> dict[str, Any]:
    row = store.rows(con, "select_event_counts", event_id=event_id)[0]
    return {k: int(v or 0) for k, v in row.items()}
