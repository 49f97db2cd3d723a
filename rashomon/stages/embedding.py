"""The embed stage's database side: which sentences still need a vector for the model, and storing the vectors
(the encoding itself is rashomon.embed)."""

from __future__ import annotations

from typing import Sequence

import duckdb
import numpy as np
import pyarrow as pa

from .. import store


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
        store.run(con, "insert_embeddings")
        con.unregister("new_embeddings")
