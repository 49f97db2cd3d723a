"""The pipeline's stages as plain functions over a DuckDB connection (flows wrap them in Prefect tasks).

One module a stage: register (and discover), fetching, extracting, segmenting, embedding, aligning; what they share
is in common. Callers import the stage functions from here (`from rashomon import stages; stages.align_event(...)`).
"""

from __future__ import annotations

from .aligning import AlignOutcome, align_event
from .common import Progress, short_hash
from .embedding import sentences_to_embed, store_embeddings
from .extracting import ExtractOutcome, extract_pending, save_article
from .fetching import PageToFetch, fetch_pages, pages_to_fetch, raw_body, read_local_page, store_fetch
from .register import record_discovery, register
from .segmenting import segment_pending

__all__ = [
    "AlignOutcome", "ExtractOutcome", "PageToFetch", "Progress",
    "align_event", "extract_pending", "fetch_pages", "pages_to_fetch", "raw_body", "read_local_page",
    "record_discovery", "register", "save_article", "segment_pending", "sentences_to_embed", "short_hash",
    "store_embeddings", "store_fetch",
]
