"""The pipeline's stages as plain functions over a DuckDB connection (flows wrap them in Prefect tasks)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Iterable, Sequence

import duckdb
import numpy as np
import pyarrow as pa
import zstandard

from . import align as align_mod
from .notcontent import why_not_content
from . import store
from .discover import Item
from .errors import ExtractError
from .extract import Article, extract_article
from .segment import split_sentences
from .sources import Event, Outlet

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None] | None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def short_hash(*parts: str, n: int = 16) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:n]


# --- register -------------------------------------------------------------------------------------------------


def register(con: duckdb.DuckDBPyConnection, event: Event, outlets: Iterable[Outlet]) -> None:
    """Upsert the event and the outlets it draws on."""
    parties = json.dumps([asdict(p) for p in event.parties])
    with store.transaction(con):
        store.run(
            con,
            "upsert_event",
            event_id=event.id,
            title=event.title,
            summary=event.summary,
            window_start=event.window_start,
            window_end=event.window_end,
            keywords=list(event.keywords),
            parties=parties,
        )
        for o in outlets:
            store.run(
                con,
                "upsert_outlet",
                outlet_id=o.id,
                name=o.name,
                homepage=o.homepage,
                language=o.language,
                country=o.country,
                perspective=o.perspective,
                description=o.description,
            )


# --- discover -------------------------------------------------------------------------------------------------


def record_discovery(con: duckdb.DuckDBPyConnection, event_id: str, items: Sequence[Item]) -> int:
    """Store discovered items (a URL already known for the event is kept as first seen). Returns new rows."""
    before = con.execute("select count(*) from discovered_items where event_id = ?", [event_id]).fetchone()[0]
    with store.transaction(con):
        for it in items:
            store.run(
                con,
                "insert_discovered_item",
                event_id=event_id,
                outlet_id=it.outlet_id,
                url=it.url,
                source=it.source,
                listed_in=it.listed_in,
                title=it.title,
                summary=it.summary,
                published_at=it.published_at,
            )
    after = con.execute("select count(*) from discovered_items where event_id = ?", [event_id]).fetchone()[0]
    return after - before


# --- fetch ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageToFetch:
    url: str
    outlet_id: str
    etag: str | None
    last_modified: str | None


def pages_to_fetch(con: duckdb.DuckDBPyConnection, event_id: str, urls: Sequence[str]) -> list[PageToFetch]:
    """The pages of `urls` (what this run discovered) with their validators. URLs that dropped out of the feeds
    since an earlier run are not fetched again."""
    return [PageToFetch(**r) for r in store.rows(con, "select_pages_to_fetch", event_id=event_id, urls=list(urls))]


def store_fetch(con: duckdb.DuckDBPyConnection, run_id: str, result) -> None:
    """Log every attempt; keep the body content-addressed (zstd); remember validators for conditional GET."""
    with store.transaction(con):
        for a in result.attempts:
            store.run(
                con,
                "insert_fetch_log",
                run_id=run_id,
                url=result.url,
                hop_url=a.url,
                attempt=a.attempt,
                status=a.status,
                outcome=result.outcome if a is result.attempts[-1] else ("retry" if a.error or (a.status or 0) >= 400 else "redirect"),
                error=a.error,
                bytes=a.bytes,
                elapsed_s=a.elapsed_s,
                started_at=a.started_at,
            )
        if not result.attempts:
            store.run(
                con,
                "insert_fetch_log",
                run_id=run_id,
                url=result.url,
                hop_url=result.url,
                attempt=0,
                status=result.status,
                outcome=result.outcome,
                error=result.error,
                bytes=0,
                elapsed_s=0.0,
                started_at=_now(),
            )
        sha = None
        if result.ok and result.content is not None:
            sha = hashlib.sha256(result.content).hexdigest()
            store.run(
                con,
                "insert_raw_page",
                content_sha256=sha,
                compression="zstd",
                body=zstandard.ZstdCompressor(level=9).compress(result.content),
                n_bytes=len(result.content),
                content_type=result.content_type,
                charset=result.charset,
            )
        if result.ok or result.outcome == "not_modified":
            store.run(
                con,
                "upsert_page_fetch",
                url=result.url,
                final_url=result.final_url,
                content_sha256=sha,
                etag=result.etag,
                last_modified=result.last_modified,
                status=result.status,
                outcome=result.outcome,
                fetched_at=_now(),
            )


def raw_body(con: duckdb.DuckDBPyConnection, content_sha256: str) -> bytes:
    row = con.execute("select body from raw_pages where content_sha256 = ?", [content_sha256]).fetchone()
    return zstandard.ZstdDecompressor().decompress(row[0])


# --- extract --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExtractOutcome:
    extracted: int
    unchanged: int
    failures: list[tuple[str, str]]   # (url, reason)


def extract_pending(
    con: duckdb.DuckDBPyConnection,
    event: Event,
    outlets: dict[str, Outlet],
    run_id: str,
    decode: Callable[[bytes, str | None], str] | None = None,
    progress: Progress = None,
    limit: int | None = None,
) -> ExtractOutcome:
    """Extract the fetched pages of the event whose bytes no article was extracted from yet (at most `limit`:
    callers that must not hold the database long call it again with a fresh connection until it does nothing)."""
    todo = store.rows(con, "select_pages_to_extract", event_id=event.id)[:limit]
    extracted = unchanged = 0
    failures: list[tuple[str, str]] = []
    for i, page in enumerate(todo, 1):
        body = raw_body(con, page["content_sha256"])
        hints = outlets[page["outlet_id"]].extraction if page["outlet_id"] in outlets else {}
        try:
            html = decode(body, page["content_type"]) if decode else body
            art = extract_article(html, page["final_url"] or page["url"], hints)
        except ExtractError as exc:
            failures.append((page["url"], str(exc)))
            store.run(
                con, "insert_fetch_log", run_id=run_id, url=page["url"], hop_url=None, attempt=0, status=None,
                outcome="extract_failed", error=str(exc), bytes=len(body), elapsed_s=0.0, started_at=_now(),
            )
            log.warning("%s", exc)
            continue
        if save_article(con, event.id, page["outlet_id"], page["url"], art, page["content_sha256"], page["fetched_at"]):
            extracted += 1
        else:
            unchanged += 1
        if progress:
            progress(i, len(todo))
    return ExtractOutcome(extracted, unchanged, failures)


def save_article(
    con: duckdb.DuckDBPyConnection,
    event_id: str,
    outlet_id: str,
    url: str,
    art: Article,
    content_sha256: str | None,
    fetched_at: dt.datetime | None,
) -> bool:
    """Upsert an article; a changed text becomes a new revision (the old one is kept). True if the text is new."""
    article_id = short_hash(event_id, outlet_id, art.canonical_url or url)
    with store.transaction(con):
        row = con.execute(
            "select revision, text_sha256 from articles where article_id = ?", [article_id]
        ).fetchone()
        if row and row[1] == art.text_sha256:
            con.execute(
                "update articles set content_sha256 = ?, fetched_at = ? where article_id = ?",
                [content_sha256, fetched_at, article_id],
            )
            return False
        revision = (row[0] + 1) if row else 1
        params = dict(
            article_id=article_id, event_id=event_id, outlet_id=outlet_id, url=url,
            canonical_url=art.canonical_url, title=art.title, author=art.author, site_name=art.site_name,
            published_at=art.published_at, text=art.text, text_sha256=art.text_sha256,
            content_sha256=content_sha256, revision=revision, fetched_at=fetched_at, extracted_at=_now(),
        )
        store.run(con, "upsert_article", **params)
        store.run(
            con, "insert_article_revision", article_id=article_id, revision=revision, text=art.text,
            text_sha256=art.text_sha256, title=art.title, content_sha256=content_sha256, seen_at=_now(),
        )
        if row:
            from .revisions import diff_texts

            old_text = con.execute(
                "select text from article_revisions where article_id = ? and revision = ?", [article_id, row[0]]
            ).fetchone()[0]
            seen = _now()
            for i, ch in enumerate(diff_texts(old_text, art.text)):
                con.execute(
                    "insert into article_changes values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                    [article_id, revision, i, ch.kind, ch.old_sentence, ch.new_sentence, ch.summary, seen],
                )
        # The same text already published by another outlet for this event: a wire copy, kept but marked.
        twin = con.execute(
            "select article_id from articles where event_id = ? and text_sha256 = ? and article_id <> ? "
            "order by published_at nulls last, article_id limit 1",
            [event_id, art.text_sha256, article_id],
        ).fetchone()
        con.execute("update articles set same_text_as = ? where article_id = ?", [twin[0] if twin else None, article_id])
    return True


# --- segment --------------------------------------------------------------------------------------------------


def segment_pending(
    con: duckdb.DuckDBPyConnection, event_id: str, progress: Progress = None, limit: int | None = None
) -> tuple[int, int]:
    """Split articles whose current revision has no sentences yet (at most `limit`). Returns (articles, sentences)."""
    todo = store.rows(con, "select_articles_to_segment", event_id=event_id)[:limit]
    written = 0
    for i, art in enumerate(todo, 1):
        sents = split_sentences(art["title"], art["text"])
        table = pa.table(
            {
                "sentence_id": [f"{art['article_id']}-r{art['revision']}-{s.position:04d}" for s in sents],
                "article_id": [art["article_id"]] * len(sents),
                "position": pa.array([s.position for s in sents], pa.int32()),
                "part": [s.part for s in sents],
                "text": [s.text for s in sents],
                "char_start": pa.array([s.char_start for s in sents], pa.int32()),
                "char_end": pa.array([s.char_end for s in sents], pa.int32()),
                "n_words": pa.array([s.n_words for s in sents], pa.int32()),
                "sentence_sha256": [s.sha256 for s in sents],
                "not_content": pa.array([why_not_content(s.text) for s in sents], pa.string()),
            }
        )
        with store.transaction(con):
            con.execute("delete from sentences where article_id = ?", [art["article_id"]])
            con.register("new_sentences", table)
            con.execute("insert into sentences by name select * from new_sentences")
            con.unregister("new_sentences")
        written += len(sents)
        if progress:
            progress(i, len(todo))
    return len(todo), written


# --- embed ----------------------------------------------------------------------------------------------------


def sentences_to_embed(con: duckdb.DuckDBPyConnection, event_id: str, model_name: str) -> list[tuple[str, str]]:
    return [(r["sentence_sha256"], r["text"]) for r in store.rows(con, "select_sentences_to_embed", event_id=event_id, model=model_name)]


def store_embeddings(con: duckdb.DuckDBPyConnection, model_name: str, hashes: Sequence[str], vectors: np.ndarray) -> None:
    if not len(hashes):
        return
    dim = vectors.shape[1]
    table = pa.table(
        {
            "sentence_sha256": list(hashes),
            "model": [model_name] * len(hashes),
            "dim": pa.array([dim] * len(hashes), pa.int32()),
            "vector": pa.array(list(vectors.astype(np.float32)), pa.list_(pa.float32())),
        }
    )
    with store.transaction(con):
        con.register("new_embeddings", table)
        con.execute(
            "insert into embeddings (sentence_sha256, model, dim, vector) "
            "select sentence_sha256, model, dim, vector from new_embeddings on conflict do nothing"
        )
        con.unregister("new_embeddings")


# --- align ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AlignOutcome:
    sentences: int
    candidates: int
    mutual_pairs: int
    claims: int


def align_event(
    con: duckdb.DuckDBPyConnection,
    event_id: str,
    model_name: str,
    *,
    k: int,
    min_cosine: float,
    min_margin: float,
    max_rank: int = 3,
    min_link: float = 0.45,
    max_per_outlet: int = 2,
    method: str = "same_fact",
    min_same_fact: float = 0.2,
    min_words: int = 4,
) -> AlignOutcome:
    """Recompute the event's claims from its current sentences' embeddings (replaces the previous claims).

    method "same_fact": the pair scorer's probability decides which pairs state one fact, claims are cliques of them
    (a sentence may join several); "margin": mutual nearest neighbours above the cosine and margin floors, merged by
    average linkage (a sentence joins at most one claim)."""
    align_mod.check_method(method)
    tbl = store.arrow(con, "select_alignment_inputs", event_id=event_id, model=model_name, min_words=min_words)
    ids = tbl.column("sentence_id").to_pylist()
    outlets = tbl.column("outlet_id").to_pylist()
    n = len(ids)
    vectors = (
        np.asarray(tbl.column("vector").combine_chunks().flatten().to_numpy(zero_copy_only=False), dtype=np.float32).reshape(n, -1)
        if n
        else np.zeros((0, 1), np.float32)
    )
    cands = align_mod.candidate_arrays(vectors, outlets, k=k)
    same_fact = (align_mod.same_fact_scores(cands, tbl.column("text").to_pylist(), tbl.column("position").to_pylist())
                 if method == "same_fact" else np.full(len(cands), np.nan))
    ids_arr = np.asarray(ids, dtype=object)
    outlets_arr = np.asarray(outlets, dtype=object)
    cand_table = pa.table(
        {
            "event_id": pa.array([event_id] * len(cands), pa.string()),
            "model": pa.array([model_name] * len(cands), pa.string()),
            "sentence_a": pa.array(ids_arr[cands.a].tolist(), pa.string()),
            "sentence_b": pa.array(ids_arr[cands.b].tolist(), pa.string()),
            "outlet_a": pa.array(outlets_arr[cands.a].tolist(), pa.string()),
            "outlet_b": pa.array(outlets_arr[cands.b].tolist(), pa.string()),
            "cosine": pa.array(cands.cosine, pa.float64()),
            "margin": pa.array(cands.margin, pa.float64()),
            "rank_a": pa.array(cands.rank_a, pa.int32()),
            "rank_b": pa.array(cands.rank_b, pa.int32()),
            "same_fact": pa.array(same_fact, pa.float64(), from_pandas=True),
        }
    )
    with store.transaction(con):
        con.execute("delete from alignment_candidates where event_id = ? and model = ?", [event_id, model_name])
        con.register("new_candidates", cand_table)
        con.execute("insert into alignment_candidates by name select * from new_candidates")
        con.unregister("new_candidates")
        outlet_of = dict(zip(ids, outlets))
        index = {sid: i for i, sid in enumerate(ids)}
        if method == "same_fact":
            pairs = store.rows(con, "select_same_fact_pairs", event_id=event_id, model=model_name,
                               min_same_fact=min_same_fact)
            groups = align_mod.fact_cliques(
                [(index[p["sentence_a"]], index[p["sentence_b"]], p["same_fact"]) for p in pairs], outlets)
        else:
            pairs = store.rows(con, "select_mutual_pairs", event_id=event_id, model=model_name,
                               min_cosine=min_cosine, min_margin=min_margin, max_rank=max_rank)
            groups = align_mod.cluster_pairs(
                [(index[p["sentence_a"]], index[p["sentence_b"]], p["margin"]) for p in pairs], vectors,
                min_link=min_link, outlets=outlets, max_per_outlet=max_per_outlet,
            )
        clusters = [[ids[i] for i in members] for members in groups]
        con.execute("delete from claim_sentences where claim_id in (select claim_id from claims where event_id = ?)", [event_id])
        con.execute("delete from claims where event_id = ?", [event_id])
        claim_rows, member_rows = [], []
        for members in clusters:
            rows_ = [index[m] for m in members]
            sims = vectors[rows_] @ vectors[rows_].T
            mean_sim = (sims.sum(axis=1) - 1.0) / max(len(rows_) - 1, 1)
            label = members[int(np.argmax(mean_sim))]
            claim_id = f"{event_id}:{short_hash(*members, n=10)}"
            claim_rows.append((claim_id, event_id, model_name, len({outlet_of[m] for m in members}), label))
            member_rows.extend((claim_id, m, outlet_of[m], float(s)) for m, s in zip(members, mean_sim))
        if claim_rows:   # in bulk (Arrow): an event may have tens of thousands of claims
            con.register("new_claims", pa.table(list(zip(*claim_rows)),
                                                names=["claim_id", "event_id", "model", "n_outlets", "label_id"]))
            con.register("new_members", pa.table(list(zip(*member_rows)),
                                                 names=["claim_id", "sentence_id", "outlet_id", "similarity"]))
            store.run(con, "insert_claims")
            con.unregister("new_claims")
            con.unregister("new_members")
        store.run(con, "update_claim_positions", event_id=event_id)
    return AlignOutcome(n, len(cands), len(pairs), len(clusters))


def read_local_page(url: str, event: Event):
    """A page the user saved by hand (file:// URL listed in event.toml), as a FetchResult; only inside the event folder."""
    from urllib.parse import unquote, urlsplit

    from .fetch import Attempt, FetchResult

    started = _now()
    path = Path(unquote(urlsplit(url).path)).resolve()
    folder = Path(event.folder or ".").resolve()
    error = None
    content = None
    if folder not in path.parents:
        error = f"{path} is outside the event folder {folder}"
    elif not path.is_file():
        error = f"{path}: file not found"
    else:
        content = path.read_bytes()
    outcome = "ok" if content is not None else "bad_url"
    attempt = Attempt(url, 1, 200 if content is not None else None, error, len(content or b""), 0.0, started)
    return FetchResult(
        url=url, final_url=url, outcome=outcome, status=attempt.status, content=content,
        content_type="text/html", charset=None, etag=None, last_modified=None, attempts=(attempt,), error=error,
    )


def fetch_pages(fetcher, todo: Sequence[PageToFetch], event: Event, progress: Progress = None,
                on_result: Callable[[str, object], object] | None = None,
                should_stop: Callable[[], bool] | None = None) -> list:
    """Fetch the event's pages (conditional GET where validators are known); local files are read, not fetched.
    on_result(url, result) is called as each page is done (to save it at once); should_stop: see Fetcher.fetch_many."""
    results: dict[int, object] = {}
    remote = [(i, p) for i, p in enumerate(todo) if not p.url.startswith("file://")]
    for i, p in enumerate(todo):
        if p.url.startswith("file://"):
            results[i] = read_local_page(p.url, event)
            if on_result:
                on_result(p.url, results[i])
            if progress:
                progress(len(results), len(todo))
    if remote:
        validators = {p.url: (p.etag, p.last_modified) for _, p in remote}
        fetched = fetcher.fetch_many([p.url for _, p in remote], validators=validators, progress=progress,
                                     on_result=on_result, should_stop=should_stop)
        results.update({i: r for (i, _), r in zip(remote, fetched)})
    return [results[i] for i in range(len(todo))]
