"""Prefect tasks: thin wrappers around the core's stage functions (no logic here beyond logging counts)."""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path
from typing import Any

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE
from tqdm.auto import tqdm

from rashomon import embed as embed_mod
from rashomon import runs, stages, stopping, store
from rashomon.batchwriter import BatchWriter
from rashomon.discover import Discovery, discover_event
from rashomon.errors import RunInterrupted
from rashomon.fetch import Fetcher, FetchResult, decode_html, fetch_policy
from rashomon.hostlimits import host_limits
from rashomon.report import render_event, render_index
from rashomon.settings import Settings
from rashomon.sources import Event, Outlet

BATCH = 25  # articles per write transaction in the extract and segment stages
WRITE_BATCH = 200  # discovered items / fetch_log rows per write in discovery
FETCH_BATCH = 10  # fetched pages per write (a kill -9 loses at most these)


def _bar(total: int, desc: str):
    return tqdm(total=total, desc=desc, unit="item", disable=None, leave=False)


@task(name="register", cache_policy=NO_CACHE)
def register_task(settings: Settings, event: Event, outlets: dict[str, Outlet], run: runs.RunProcess) -> None:
    with store.connect(settings.db) as con:
        used = [outlets[o] for o in (event.outlets or outlets) if o in outlets]
        stages.register(con, event, used)
        runs.start(con, run, event.id, settings.model)


def _store_fetches(con, results: list[FetchResult], *, run_id: str) -> None:
    for result in results:
        stages.store_fetch(con, run_id, result)


def _unless_interrupted(task, task_run, state) -> bool:
    """Retry a failed task run, except when the run was asked to stop."""
    return not stopping.requested()


@task(name="discover", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[2, 5],
      retry_condition_fn=_unless_interrupted)
def discover_task(settings: Settings, event: Event, outlets: dict[str, Outlet], run_id: str,
                  base_url: str | None) -> Discovery:
    logger = get_run_logger()
    limits = host_limits(outlets)  # each outlet's [politeness] on its own hosts
    with Fetcher(fetch_policy(settings, mirror=base_url), host_limits=limits) as fetcher:
        found = discover_event(event, outlets, fetcher, base_url, max_per_feed=settings.max_items_per_feed,
                               max_per_run=settings.max_items_per_run, max_feed_bytes=settings.max_feed_bytes)
    # Written in batches, each through a short connection: a big discovery never holds the database for long.
    noted = [FetchResult(item.url, item.url, "off_pattern", None, None, None, None, None, None, (), why)
             for item, why in found.skipped]  # in fetch_log: why an event item was not fetched
    noted += [FetchResult(where, where, "over_limit", None, None, None, None, None, None, (), why)
              for where, why in found.left_out]
    with BatchWriter(settings.db, partial(_store_fetches, run_id=run_id), size=WRITE_BATCH) as log:
        log.extend([*found.fetches, *noted])
    new = 0

    def record(con, batch: list) -> None:
        nonlocal new
        new += stages.record_discovery(con, event.id, batch)

    with BatchWriter(settings.db, record, size=WRITE_BATCH) as item_writer:
        item_writer.extend(found.items)
    logger.info("discover: %d feed items listed, %d match the event (%d new), %d off their outlet's "
                "article_url_pattern", found.listed, len(found.items), new, len(found.skipped))
    for where, why in found.left_out:
        logger.warning("discover: %s: %s", where, why)
    for where, why in found.failures:
        logger.warning("discover: %s: %s", where, why)
    return found


@task(name="fetch", cache_policy=NO_CACHE)
def fetch_task(settings: Settings, event: Event, outlets: dict[str, Outlet], run_id: str, mirror: str | None,
               urls: list[str]) -> dict[str, Any]:
    """Fetch the run's pages; each result is saved as it arrives (FETCH_BATCH at a time), so a kill loses at most one
    batch and a SIGINT/SIGTERM stops the stage within seconds with everything fetched saved."""
    logger = get_run_logger()
    with store.connect(settings.db) as con:
        todo = stages.pages_to_fetch(con, event.id, urls)
    counts = {"ok": 0, "not_modified": 0}
    failures: list[tuple[str, str]] = []
    bar = _bar(len(todo), "fetch")

    def note(url: str, result: FetchResult) -> None:
        writer.add(result)
        if result.ok or result.outcome == "not_modified":
            counts["ok" if result.ok else "not_modified"] += 1
        else:
            failures.append((url, f"{result.outcome}: {result.error or result.status}"))

    limits = host_limits(outlets, [(page.outlet_id, page.url) for page in todo])
    try:
        with BatchWriter(settings.db, partial(_store_fetches, run_id=run_id), size=FETCH_BATCH) as writer, \
                Fetcher(fetch_policy(settings, mirror=mirror), host_limits=limits) as fetcher:
            stages.fetch_pages(fetcher, todo, event, progress=lambda done, total: bar.update(1), on_result=note,
                               should_stop=stopping.requested)
    except RunInterrupted as exc:
        raise RunInterrupted(f"{stopping.cause()}; {exc} ({writer.written} saved)") from None
    finally:
        bar.close()
        logger.info("fetch: %d pages, %d fetched, %d unchanged (304), %d failed, %d saved", len(todo), counts["ok"],
                    counts["not_modified"], len(failures), writer.written)
    for url, why in failures:
        logger.warning("fetch failed: %s: %s", url, why)
    return {"pages": len(todo), "fetched": counts["ok"], "not_modified": counts["not_modified"], "failures": failures}


@task(name="extract", cache_policy=NO_CACHE)
def extract_task(settings: Settings, event: Event, outlets: dict[str, Outlet], run_id: str) -> dict[str, Any]:
    logger = get_run_logger()
    extracted = unchanged = 0
    failures: list[tuple[str, str]] = []
    while True:  # small batches, each with its own short connection, so analysts' queries get turns
        stopping.check("while extracting")
        with store.connect(settings.db) as con:
            batch = stages.extract_pending(con, event, outlets, run_id, decode=decode_html, limit=BATCH)
        extracted, unchanged = extracted + batch.extracted, unchanged + batch.unchanged
        failures += batch.failures
        if batch.extracted + batch.unchanged + len(batch.failures) < BATCH:
            break
    out = stages.ExtractOutcome(extracted, unchanged, failures)
    logger.info("extract: %d articles new or changed, %d unchanged, %d failed", out.extracted, out.unchanged, len(out.failures))
    for url, why in out.failures:
        logger.warning("extract failed: %s", why)
    return {"extracted": out.extracted, "unchanged": out.unchanged, "failures": out.failures}


@task(name="segment", cache_policy=NO_CACHE)
def segment_task(settings: Settings, event: Event) -> int:
    n = 0
    while True:
        stopping.check("while segmenting")
        with store.connect(settings.db) as con:
            articles, written = stages.segment_pending(con, event.id, limit=BATCH)
        n += written
        if articles < BATCH:
            break
    get_run_logger().info("segment: %d sentences written", n)
    return n


@task(name="embed", cache_policy=NO_CACHE)
def embed_task(settings: Settings, event: Event) -> int:
    logger = get_run_logger()
    with store.connect(settings.db) as con:
        todo = stages.sentences_to_embed(con, event.id, settings.model)
    if not todo:
        logger.info("embed: 0 sentences to embed (all cached for %s)", settings.model)
        return 0
    model = embed_mod.load_model(settings.model)
    bar = _bar(len(todo), "embed")
    done = [0]

    def progress(n: int, total: int) -> None:
        stopping.check(f"while embedding ({n} of {total} sentences done, not saved)")
        bar.update(n - done[0])
        done[0] = n

    vectors = embed_mod.encode(model, [t for _, t in todo], batch_size=settings.embed_batch_size, progress=progress)
    bar.close()
    with store.connect(settings.db) as con:
        stages.store_embeddings(con, settings.model, [h for h, _ in todo], vectors)
    logger.info("embed: %d new sentences embedded with %s (dim %d)", len(todo), settings.model, vectors.shape[1])
    return len(todo)


@task(name="align", cache_policy=NO_CACHE)
def align_task(settings: Settings, event: Event) -> stages.AlignOutcome:
    with store.connect(settings.db) as con:
        out = stages.align_event(con, event.id, settings.model, **settings.align_params())
    get_run_logger().info(
        "align: %d sentences, %d candidate pairs, %d mutual pairs, %d claims",
        out.sentences, out.candidates, out.mutual_pairs, out.claims,
    )
    return out


@task(name="detect", cache_policy=NO_CACHE)
def detect_task(settings: Settings, event: Event) -> int:
    from rashomon.analysis import compute_detections, load_detect_inputs, write_detections

    with store.connect(settings.db) as con:
        inputs = load_detect_inputs(con, event)
    rows = compute_detections(inputs, event)  # minutes on a big event: the database stays free meanwhile
    with store.connect(settings.db) as con:
        out = write_detections(con, event, rows)
        # what the report shows: the view `disagreement_cards` (one card per disagreement, however many pairs of
        # outlets show it)
        kinds = store.rows(con, "select_event_disagreement_kinds", event_id=event.id)
    total = sum(k["disagreements"] for k in kinds)
    get_run_logger().info(
        "detect: %d sentences analysed, %d initiator statements, %d disagreements (%s)",
        out.sentences, out.initiator_rows, total,
        ", ".join(f"{k['kind']} {k['disagreements']}" for k in kinds) or "none",
    )
    return total


@task(name="report", cache_policy=NO_CACHE)
def report_task(settings: Settings, event_id: str) -> str:
    run_info = run_info_for(settings)
    with store.connect(settings.db) as con:
        path = render_event(con, event_id, Path(settings.reports_dir), run_info=run_info)
        render_index(con, Path(settings.reports_dir))
    get_run_logger().info("report: %s", path)
    return str(path)


def run_info_for(settings: Settings) -> dict[str, Any]:
    return {
        "model": settings.model,
        **settings.align_params(),
        "run_at": dt.datetime.now(dt.timezone.utc),
    }
