"""`rashomon stories discover`: read every registered outlet's feeds and sitemaps, fetch and extract the articles
not read before, and place them in stories. The discovery, fetching, storage and extraction are the pipeline's own
(rashomon.discover, rashomon.fetch, rashomon.stages), run on a stream "event" that keeps every listed item."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .. import stages, store
from ..discover import discover_event
from ..errors import ConfigError
from ..fetch import Fetcher, FetchResult, decode_html, fetch_policy
from ..hostlimits import host_limits
from ..settings import Settings
from ..sources import Event, Outlet
from .assign import STREAM_EVENT, AssignOutcome, features_of, live_stories, place, read_pending
from .params import load_params

log = logging.getLogger(__name__)

FAR_FUTURE = dt.datetime(9999, 1, 1, tzinfo=dt.UTC)
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
EXTRACT_BATCH = 25
Say = Callable[[str], None]
BarFactory = Callable[[int, str], Callable[[int, int], None]]


def stream_event(since: dt.datetime | None, outlets: tuple[str, ...] | None = None) -> Event:
    """The stream as an event: every outlet (or `outlets`), every item dated since `since` (undated items too). The
    one empty keyword matches every item (discover.matches_event looks for any keyword in the item's text)."""
    return Event(id=STREAM_EVENT, title="All registered outlets' feeds and sitemaps", summary="",
                 window_start=since or EPOCH, window_end=FAR_FUTURE, keywords=("",), parties=(), outlets=outlets)


@dataclass
class IngestOutcome:
    listed: int = 0
    new_items: int = 0
    fetched: int = 0
    extracted: int = 0
    assigned: AssignOutcome | None = None
    failures: list[tuple[str, str]] = field(default_factory=list)


def _no_bar(total: int, desc: str) -> Callable[[int, int], None]:
    return lambda done, total_: None


def discover_stories(
    settings: Settings,
    outlets: dict[str, Outlet],
    *,
    since: dt.datetime | None = None,
    allow_private: bool = False,
    model=None,
    nlp=None,
    say: Say = log.info,
    bar: BarFactory = _no_bar,
) -> IngestOutcome:
    """Discover → fetch → extract → assign for the stream of `outlets`. The model and spaCy pipeline are loaded
    here when not given (and only when there is something to place)."""
    if not outlets:
        raise ConfigError("no outlets registered: add outlet files to the sources folder (see sources/README.md)")
    event = stream_event(since)
    run_id = f"stories-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}"
    out = IngestOutcome()
    policy = fetch_policy(settings, allow_private=allow_private)
    with Fetcher(policy, host_limits=host_limits(outlets)) as fetcher:
        say(f"reading the feeds and sitemaps of {len(outlets)} outlets…")
        found = discover_event(event, outlets, fetcher)
        out.listed = len(found.items)
        out.failures += found.failures
        with store.connect(settings.db) as con:
            for result in found.fetches:
                stages.store_fetch(con, run_id, result)
            for item, why in found.skipped:
                stages.store_fetch(con, run_id, FetchResult(item.url, item.url, "off_pattern", None, None, None,
                                                            None, None, None, (), why))
            out.new_items = stages.record_discovery(con, STREAM_EVENT, found.items)
            known = {r["url"] for r in store.rows(con, "select_event_article_urls", event_id=STREAM_EVENT)}
            todo = [p for p in stages.pages_to_fetch(con, STREAM_EVENT, [i.url for i in found.items])
                    if p.url not in known]
        say(f"{out.listed} items listed ({out.new_items} new); fetching {len(todo)} pages not read before…")
        results = stages.fetch_pages(fetcher, todo, event, progress=bar(len(todo), "fetch"))
    with store.connect(settings.db) as con:
        for page, result in zip(todo, results):
            stages.store_fetch(con, run_id, result)
            if result.ok:
                out.fetched += 1
            elif result.outcome != "not_modified":
                out.failures.append((page.url, f"{result.outcome}: {result.error or result.status}"))
    while True:  # small batches, each with its own connection (analysts' queries get turns)
        with store.connect(settings.db) as con:
            batch = stages.extract_pending(con, event, outlets, run_id, decode=decode_html, limit=EXTRACT_BATCH)
        out.extracted += batch.extracted
        out.failures += batch.failures
        if batch.extracted + batch.unchanged + len(batch.failures) < EXTRACT_BATCH:
            break
    say(f"{out.fetched} pages fetched, {out.extracted} articles extracted; placing them in stories…")
    out.assigned = assign_stories(settings, model=model, nlp=nlp, bar=bar)
    return out


def assign_stories(settings: Settings, *, model=None, nlp=None, bar: BarFactory = _no_bar,
                   params_file: Path | None = None) -> AssignOutcome:
    """Place the stream's articles that are in no story yet. The database is held only to read what to place and to
    write the result, not while embedding (minutes for thousands of articles); the model and spaCy load only when
    there is something to place."""
    from ..embed import load_model, model_dim
    from ..nlp import load_nlp

    params = load_params(params_file) if params_file else load_params()
    with store.connect(settings.db) as con:
        if not store.rows(con, "select_articles_to_story", event_id=STREAM_EVENT):
            return AssignOutcome(0, 0, 0, 0, live_stories(con))
    model = model or load_model(settings.model)
    nlp = nlp if nlp is not None else load_nlp()
    with store.connect(settings.db) as con:
        pending = read_pending(con, settings.model, params, model_dim(model))
    if pending is None:
        with store.connect(settings.db) as con:
            return AssignOutcome(0, 0, 0, 0, live_stories(con))
    feats = features_of(pending, model, nlp, batch_size=settings.embed_batch_size,
                        progress=bar(len(pending.todo), "embed"))
    with store.connect(settings.db) as con:
        return place(con, pending, feats, settings.model)
