"""The extract stage: fetched bytes to articles; a changed text becomes a new revision."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Callable

import duckdb

from .. import store
from ..errors import ExtractError
from ..extract import Article, extract_article
from ..sources import Event, Outlet
from .common import Progress, utc_now, short_hash
from .fetching import raw_body

log = logging.getLogger(__name__)


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
                outcome="extract_failed", error=str(exc), bytes=len(body), elapsed_s=0.0, started_at=utc_now(),
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
        row = store.run(con, "select_article_state", article_id=article_id).fetchone()
        if row and row[1] == art.text_sha256:
            store.run(con, "update_article_fetch", content_sha256=content_sha256, fetched_at=fetched_at,
                      article_id=article_id)
            return False
        revision = (row[0] + 1) if row else 1
        params = dict(
            article_id=article_id, event_id=event_id, outlet_id=outlet_id, url=url,
            canonical_url=art.canonical_url, title=art.title, author=art.author, site_name=art.site_name,
            published_at=art.published_at, text=art.text, text_sha256=art.text_sha256,
            content_sha256=content_sha256, revision=revision, fetched_at=fetched_at, extracted_at=utc_now(),
        )
        store.run(con, "upsert_article", **params)
        store.run(
            con, "insert_article_revision", article_id=article_id, revision=revision, text=art.text,
            text_sha256=art.text_sha256, title=art.title, content_sha256=content_sha256, seen_at=utc_now(),
        )
        if row:
            from ..revisions import diff_texts

            old_text = store.run(con, "select_revision_text", article_id=article_id, revision=row[0]).fetchone()[0]
            seen = utc_now()
            for i, ch in enumerate(diff_texts(old_text, art.text)):
                store.run(
                    con, "insert_article_change", article_id=article_id, revision=revision, change_no=i,
                    kind=ch.kind, old_sentence=ch.old_sentence, new_sentence=ch.new_sentence, summary=ch.summary,
                    seen_at=seen,
                )
        # The same text already published by another outlet for this event: a wire copy, kept but marked.
        twin = store.run(
            con, "select_same_text_article", event_id=event_id, text_sha256=art.text_sha256, article_id=article_id
        ).fetchone()
        store.run(con, "update_article_same_text", same_text_as=twin[0] if twin else None, article_id=article_id)
    return True
