"""Place the stream's new articles in stories and store them: resume the clusterer from the database, add the
articles in publication order, write the new members, the merges and the changed stories' summaries."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass

import duckdb
import numpy as np
import pyarrow as pa

from .. import store
from .cluster import ArticleFeatures, StoryClusterer, StoryParams
from .features import as_features, build_features, day_of, title_lead

log = logging.getLogger(__name__)

#: the event id under which the stream's articles are stored (not a valid event folder name, so never an event's)
STREAM_EVENT = "~stories"


@dataclass(frozen=True)
class AssignOutcome:
    articles: int        # articles placed this time
    new_stories: int     # stories started by them
    joined: int          # articles that joined an existing story
    merges: int          # stories merged into another because an article linked them
    stories: int         # live stories after this run


def story_id_for(article_id: str) -> str:
    return "s-" + hashlib.sha256(article_id.encode("utf-8")).hexdigest()[:10]


def _resume(con: duckdb.DuckDBPyConnection, params: StoryParams, model_name: str, dim: int):
    """The clusterer holding the stored live stories still active (see select_story_state); story index -> id;
    article id -> (title, published_at)."""
    retire = params.retire_days if params.retire_days != float("inf") else 1e6
    state = store.arrow(con, "select_story_state", model=model_name, retire_days=retire)
    clusterer = StoryClusterer(params, dim)
    ids: list[str] = []
    info: dict[str, tuple[str | None, dt.datetime | None]] = {}
    n = state.num_rows
    if n:
        vectors = np.asarray(state.column("vector").combine_chunks().flatten().to_numpy(zero_copy_only=False),
                             np.float32).reshape(n, -1)
        cols = {c: state.column(c).to_pylist() for c in ("story_id", "article_id", "outlet_id", "entities", "title",
                                                          "published_at")}
        index: dict[str, int] = {}
        for sid in cols["story_id"]:
            if sid not in index:
                index[sid] = len(ids)
                ids.append(sid)
        feats = as_features(cols["article_id"], cols["outlet_id"], vectors, cols["entities"],
                            [day_of(t) for t in cols["published_at"]])
        clusterer.restore([(index[s], f) for s, f in zip(cols["story_id"], feats)])
        info = {a: (t, p) for a, t, p in zip(cols["article_id"], cols["title"], cols["published_at"])}
    return clusterer, ids, info


@dataclass
class Pending:
    """What a placement needs from the database: the articles to place and the resumed stories."""

    todo: list[dict]
    clusterer: StoryClusterer
    ids: list[str]
    info: dict[str, tuple[str | None, dt.datetime | None]]

    def texts(self) -> list[str]:
        return [title_lead(r["title"], r["text"]) for r in self.todo]


def read_pending(con: duckdb.DuckDBPyConnection, model_name: str, params: StoryParams, dim: int) -> Pending | None:
    """The stream's articles in no story yet and the active stories (None when there is nothing to place)."""
    todo = store.rows(con, "select_articles_to_story", event_id=STREAM_EVENT)
    if not todo:
        return None
    clusterer, ids, info = _resume(con, params, model_name, dim)
    return Pending(todo, clusterer, ids, info)


def live_stories(con: duckdb.DuckDBPyConnection) -> int:
    return len(store.rows(con, "select_stories", min_outlets=0, since=None))


def features_of(pending: Pending, model, nlp, *, batch_size: int = 32, progress=None) -> list[ArticleFeatures]:
    """Embed and tag the pending articles (minutes for thousands: callers hold no database connection meanwhile)."""
    todo = pending.todo
    return build_features(model, nlp, [r["article_id"] for r in todo], [r["outlet_id"] for r in todo],
                          pending.texts(), [r["published_at"] for r in todo], batch_size=batch_size,
                          progress=progress)


def assign_pending(
    con: duckdb.DuckDBPyConnection,
    model,
    nlp,
    model_name: str,
    params: StoryParams,
    *,
    batch_size: int = 32,
    progress: Callable[[int, int], None] | None = None,
) -> AssignOutcome:
    """Put every stream article that is in no story yet into one (joining, starting or merging stories), on one
    connection (`rashomon stories discover` releases the database while it embeds: read_pending, features_of, place)."""
    from ..embed import model_dim

    pending = read_pending(con, model_name, params, model_dim(model))
    if pending is None:
        return AssignOutcome(0, 0, 0, 0, live_stories(con))
    feats = features_of(pending, model, nlp, batch_size=batch_size, progress=progress)
    return place(con, pending, feats, model_name)


def place(con: duckdb.DuckDBPyConnection, pending: Pending, feats: list[ArticleFeatures], model_name: str) -> AssignOutcome:
    """Cluster the articles (milliseconds) and write the members, merges and changed stories in one transaction."""
    todo, clusterer, ids, info = pending.todo, pending.clusterer, pending.ids, pending.info
    stored = len(ids)
    by_key: dict[str, ArticleFeatures] = {f.key: f for f in feats}
    info.update({r["article_id"]: (r["title"], r["published_at"]) for r in todo})
    results = clusterer.add_all(feats)
    for a in results:
        if a.story >= len(ids):   # a new story: named after its first article
            while len(ids) <= a.story:
                ids.append(story_id_for(a.key))
    stored_merges = [(ids[clusterer.root(g)], ids[g]) for a in results for g in a.merged if g < stored]
    touched = {clusterer.root(a.story) for a in results}
    story_rows, member_rows = [], []
    for i in sorted(touched):
        s = clusterer.stories[i]
        members = s.members
        when = [info[m][1] for m in members if info[m][1] is not None]
        centre = clusterer.centroid(i)
        best = max((m for m in members if m in by_key), key=lambda m: float(by_key[m].vector @ centre), default=None)
        if best is None:  # only stored members: keep the earliest title
            best = members[0]
        story_rows.append({
            "story_id": ids[i], "title": info[best][0] or "(untitled)",
            "first_published": min(when) if when else None, "last_published": max(when) if when else None,
            "n_articles": len(members), "n_outlets": len(s.outlets),
        })
    for a in results:
        f = by_key[a.key]
        member_rows.append({"article_id": a.key, "story_id": ids[clusterer.root(a.story)], "outlet_id": f.outlet_id,
                            "score": a.score, "entities": sorted(f.entities), "model": model_name,
                            "vector": f.vector.astype(np.float32).tolist()})
    ts = pa.timestamp("us", tz="UTC")
    new_stories = pa.Table.from_pylist(story_rows, schema=pa.schema([
        ("story_id", pa.string()), ("title", pa.string()), ("first_published", ts), ("last_published", ts),
        ("n_articles", pa.int32()), ("n_outlets", pa.int32())]))
    new_members = pa.Table.from_pylist(member_rows, schema=pa.schema([
        ("article_id", pa.string()), ("story_id", pa.string()), ("outlet_id", pa.string()), ("score", pa.float64()),
        ("entities", pa.list_(pa.string())), ("model", pa.string()), ("vector", pa.list_(pa.float32()))]))
    with store.transaction(con):
        for into, gone in stored_merges:
            store.run(con, "update_story_merged", into=into, gone=gone)
        con.register("new_stories", new_stories)
        con.register("new_story_articles", new_members)
        store.run(con, "upsert_stories")
        store.run(con, "insert_story_articles")
        con.unregister("new_stories")
        con.unregister("new_story_articles")
    joined = sum(a.score is not None for a in results)
    merges = sum(len(a.merged) for a in results)
    return AssignOutcome(len(results), len(results) - joined, joined, merges, len(clusterer.live()))
