"""The fetch stage: which pages to fetch, fetching them (local files read), and storing what came back."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import duckdb
import zstandard

from .. import store
from ..sources import Event
from .common import Progress, utc_now


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
        # every attempt (hop or retry); a result with no attempt (refused before any request) still gets its row
        rows = [
            dict(hop_url=a.url, attempt=a.attempt, status=a.status,
                 outcome=result.outcome if a is result.attempts[-1]
                 else ("retry" if a.error or (a.status or 0) >= 400 else "redirect"),
                 error=a.error, bytes=a.bytes, elapsed_s=a.elapsed_s, started_at=a.started_at)
            for a in result.attempts
        ] or [dict(hop_url=result.url, attempt=0, status=result.status, outcome=result.outcome, error=result.error,
                   bytes=0, elapsed_s=0.0, started_at=utc_now())]
        for row in rows:
            store.run(con, "insert_fetch_log", run_id=run_id, url=result.url, **row)
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
                fetched_at=utc_now(),
            )


def raw_body(con: duckdb.DuckDBPyConnection, content_sha256: str) -> bytes:
    row = store.run(con, "select_raw_body", content_sha256=content_sha256).fetchone()
    return zstandard.ZstdDecompressor().decompress(row[0])


def read_local_page(url: str, event: Event):
    """A page the user saved by hand (file:// URL listed in event.toml), as a FetchResult; only inside the event folder."""
    from urllib.parse import unquote, urlsplit

    from ..fetch import Attempt, FetchResult

    started = utc_now()
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
