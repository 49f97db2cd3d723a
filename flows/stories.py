"""Scheduled story discovery (`rashomon serve`): read every outlet's stream into stories and, with `auto_outlets`,
draft an event for every story that many outlets cover and run each new one. Plain parameters only, so that a
deployment can store them."""

from __future__ import annotations

from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from rashomon.settings import load_settings


@task(name="stories-discover", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[2, 5])
def stories_task(settings) -> dict:
    from rashomon.sources import load_outlets
    from rashomon.stories.ingest import discover_stories

    logger = get_run_logger()
    out = discover_stories(settings, load_outlets(Path(settings.sources_dir)), say=logger.info)
    a = out.assigned
    logger.info("stories: %d articles placed (%d joined, %d new stories, %d merges); %d stories",
                a.articles, a.joined, a.new_stories, a.merges, a.stories)
    for where, why in out.failures:
        logger.warning("stories: %s: %s", where, why)
    return {"extracted": out.extracted, "placed": a.articles, "stories": a.stories, "failures": len(out.failures)}


@flow(name="rashomon-scheduled-stories")
def scheduled_stories(db: str, sources_dir: str, reports_dir: str, model: str, events_root: str,
                      auto_outlets: int | None = None) -> dict:
    """Stories from every outlet's stream; with `auto_outlets`, new drafts under `events_root` are run."""
    from rashomon import store
    from rashomon.nlp import load_nlp
    from rashomon.stories.propose import draft_event, write_draft

    from .scheduled import scheduled_event

    logger = get_run_logger()
    settings = load_settings(db=Path(db), sources_dir=Path(sources_dir), reports_dir=Path(reports_dir), model=model)
    summary = stories_task(settings)
    summary["events"] = []
    if not auto_outlets:
        return summary
    with store.connect(settings.db) as con:
        drafts = [draft_event(con, s["story_id"], load_nlp())
                  for s in store.rows(con, "select_stories", min_outlets=auto_outlets, since=None)]
    for d in drafts:
        if (Path(events_root) / d.event_id / "event.toml").exists():
            continue   # drafted before (and maybe edited): the event's own deployment or the next run handles it
        folder = write_draft(d, Path(events_root))
        try:
            summary["events"].append(scheduled_event(str(folder), db, sources_dir, reports_dir, model))
        except Exception as exc:  # noqa: BLE001 - recorded and reported, the next event still runs
            logger.error("event %s failed: %s", d.event_id, exc)
            summary["events"].append({"event_id": d.event_id, "error": str(exc)})
    return summary
