"""Flows for scheduled runs (`rashomon serve`): one event, or every event under a folder. Plain parameters only,
so that a deployment can store them."""

from __future__ import annotations

from pathlib import Path

from prefect import flow, get_run_logger

from rashomon.settings import load_settings

from .pipeline import pipeline


def event_dirs(root: Path) -> list[Path]:
    return sorted(p.parent for p in Path(root).glob("*/event.toml"))


@flow(name="rashomon-scheduled-event")
def scheduled_event(event_dir: str, db: str, sources_dir: str, reports_dir: str, model: str) -> dict:
    """An incremental run of one event: only new or changed pages are fetched, only new sentences embedded."""
    settings = load_settings(db=Path(db), sources_dir=Path(sources_dir), reports_dir=Path(reports_dir), model=model)
    result = pipeline(event_dir, settings, base_url=None)
    return {"event_id": result.event_id, "counts": result.counts, "failures": len(result.failures)}


@flow(name="rashomon-scheduled-all-events")
def scheduled_all(events_root: str, db: str, sources_dir: str, reports_dir: str, model: str) -> list[dict]:
    """Discovery across all sources for every event under `events_root`; one failing event never hides the others."""
    logger = get_run_logger()
    out = []
    for folder in event_dirs(Path(events_root)):
        try:
            out.append(scheduled_event(str(folder), db, sources_dir, reports_dir, model))
        except Exception as exc:  # recorded and reported, the next event still runs
            logger.error("event %s failed: %s", folder.name, exc)
            out.append({"event_id": folder.name, "error": str(exc)})
    return out
