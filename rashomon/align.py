"""Claim alignment across outlets.

Candidate pairs are computed here with BLAS (blocked, bounded memory): for every sentence, its best matches in each
other outlet, scored by cosine and by the ratio margin of Artetxe & Schwenk (2019): cos(x, y) divided by the mean
cosine of x's and y's k nearest cross-outlet neighbours. One event's coverage shares its topic, so every sentence has
fairly close neighbours; the margin rewards a pair that stands out from that background. The claim logic (mutual
best matches, thresholds) is SQL (`sql/queries/select_mutual_pairs.sql`); `cluster_pairs` then merges mutual pairs
into claims so that a claim holds at most one sentence per outlet and a sentence joins at most one claim.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np


@dataclass(frozen=True)
class Candidate:
    a: int            # row index of sentence a
    b: int            # row index of sentence b (other outlet)
    cosine: float
    margin: float
    rank_a: int       # rank of b among a's matches in b's outlet (1 = best)
    rank_b: int       # rank of a among b's matches in a's outlet


def candidate_pairs(
    vectors: np.ndarray,
    outlets: Sequence[str],
    *,
    k: int = 4,
    per_outlet: int = 2,
    block: int = 2048,
) -> list[Candidate]:
    """Top `per_outlet` matches of every sentence in every other outlet, with cosine and ratio margin.

    `vectors` must be L2-normalised (n × d float32). Memory is O(block × n); pairs come back once (a < b).
    """
    n = len(vectors)
    if n == 0:
        return []
    labels = np.unique(np.asarray(outlets), return_inverse=True)[1]
    n_outlets = int(labels.max()) + 1
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    # First pass: each sentence's mean cosine to its k nearest cross-outlet neighbours.
    knn_mean = np.zeros(n, dtype=np.float32)
    # Per sentence and outlet: the top `per_outlet` neighbours (indices, cosines).
    top_idx = np.full((n, n_outlets, per_outlet), -1, dtype=np.int64)
    top_cos = np.full((n, n_outlets, per_outlet), -np.inf, dtype=np.float32)
    for start in range(0, n, block):
        stop = min(start + block, n)
        sims = vectors[start:stop] @ vectors.T
        own = labels[start:stop, None] == labels[None, :]
        sims[own] = -np.inf
        kk = min(k, n - 1)
        if kk > 0:
            part = np.partition(sims, -kk, axis=1)[:, -kk:]
            part[~np.isfinite(part)] = 0.0
            knn_mean[start:stop] = part.mean(axis=1)
        for o in range(n_outlets):
            cols = np.flatnonzero(labels == o)
            if len(cols) == 0:
                continue
            sub = sims[:, cols]
            m = min(per_outlet, len(cols))
            idx = np.argpartition(-sub, m - 1, axis=1)[:, :m]
            vals = np.take_along_axis(sub, idx, axis=1)
            order = np.argsort(-vals, axis=1)
            top_idx[start:stop, o, :m] = cols[np.take_along_axis(idx, order, axis=1)]
            top_cos[start:stop, o, :m] = np.take_along_axis(vals, order, axis=1)
    # Rank of b among a's matches in b's outlet, from a's per-outlet lists.
    ranks: dict[tuple[int, int], int] = {}
    for a in range(n):
        for o in range(n_outlets):
            for r in range(per_outlet):
                b = int(top_idx[a, o, r])
                if b >= 0 and np.isfinite(top_cos[a, o, r]):
                    ranks[(a, b)] = r + 1
    out = []
    seen = set()
    for (a, b), rank_ab in ranks.items():
        key = (min(a, b), max(a, b))
        if key in seen:
            continue
        seen.add(key)
        x, y = key
        cos = float(vectors[x] @ vectors[y])
        denom = (knn_mean[x] + knn_mean[y]) / 2
        margin = cos / denom if denom > 1e-6 else 0.0
        big = per_outlet + 1
        out.append(Candidate(x, y, cos, float(margin), ranks.get((x, y), big), ranks.get((y, x), big)))
    return out


def cluster_pairs(pairs: Sequence[tuple[str, str, float]], outlet_of: dict[str, str]) -> list[list[str]]:
    """Merge scored pairs (best first) into clusters holding at most one sentence per outlet.

    Greedy single-link with the outlet constraint: a pair only merges two clusters whose outlets do not overlap,
    so two sentences of one outlet never land in one claim and every sentence joins at most one claim.
    """
    parent: dict[str, str] = {}
    members: dict[str, list[str]] = {}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b, _score in sorted(pairs, key=lambda p: -p[2]):
        for s in (a, b):
            if s not in parent:
                parent[s] = s
                members[s] = [s]
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        outlets_a = {outlet_of[s] for s in members[ra]}
        outlets_b = {outlet_of[s] for s in members[rb]}
        if outlets_a & outlets_b:
            continue
        if len(members[ra]) < len(members[rb]):
            ra, rb = rb, ra
        parent[rb] = ra
        members[ra].extend(members.pop(rb))
    return [sorted(m) for m in members.values() if len(m) >= 2]
