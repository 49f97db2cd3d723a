"""The align stage: candidate pairs from the embeddings, then the event's claims (replacing the previous ones)."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import numpy as np
import pyarrow as pa

from .. import align as align_mod
from .. import store
from .common import short_hash


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
    method: str = "same_fact_tokens",
    min_same_fact: float = 0.25,
    min_words: int = 4,
) -> AlignOutcome:
    """Recompute the event's claims from its current sentences' embeddings (replaces the previous claims).

    method "same_fact_tokens" (the default) or "same_fact": the pair scorer's probability (with or without the token
    alignment features) decides which pairs state one fact, claims are cliques of them
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
    same_fact = (align_mod.same_fact_scores(cands, tbl.column("text").to_pylist(), tbl.column("position").to_pylist(),
                                            method=method)
                 if method in align_mod.SCORED_METHODS else np.full(len(cands), np.nan))
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
        con.register("new_candidates", cand_table)
        store.run(con, "replace_alignment_candidates", event_id=event_id, model=model_name)
        con.unregister("new_candidates")
        outlet_of = dict(zip(ids, outlets))
        index = {sid: i for i, sid in enumerate(ids)}
        if method in align_mod.SCORED_METHODS:
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
        store.run(con, "delete_event_claims", event_id=event_id)
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
