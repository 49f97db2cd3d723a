"""The segment stage: articles to sentences (with offsets, parts and the not-content mark)."""

from __future__ import annotations

import duckdb
import pyarrow as pa

from .. import store
from ..notcontent import why_not_content
from ..segment import split_sentences
from .common import Progress


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
            con.register("new_sentences", table)
            store.run(con, "replace_article_sentences", article_id=art["article_id"])
            con.unregister("new_sentences")
        written += len(sents)
        if progress:
            progress(i, len(todo))
    return len(todo), written
