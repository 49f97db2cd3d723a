"""Claim alignment across outlets.

Candidate pairs are computed here with BLAS (blocked, bounded memory): for every sentence, its best matches in each
other outlet, scored by cosine and by the ratio margin of Artetxe & Schwenk (2019): cos(x, y) divided by the mean
cosine of x's and y's k nearest cross-outlet neighbours. One event's coverage shares its topic, so every sentence has
fairly close neighbours; the margin rewards a pair that stands out from that background. The claim logic (mutual
nearest neighbours, thresholds) is SQL (`sql/queries/select_mutual_pairs.sql`); `cluster_pairs` then merges those
pairs into claims by average linkage, so that a sentence joins at most one claim. docs/alignment.md says how the
thresholds were calibrated.
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
    per_outlet: int = 3,
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


def cluster_pairs(
    pairs: Sequence[tuple[int, int, float]],
    vectors: np.ndarray,
    *,
    min_link: float,
    outlets: Sequence[str] | None = None,
    max_per_outlet: int | None = None,
) -> list[list[int]]:
    """Merge scored pairs of row indices (best first) into claims by average linkage.

    Two clusters merge on a pair only when the mean cosine between all their sentences is at least `min_link`, so a
    chain of near neighbours cannot glue unrelated sentences together (background paragraphs stay apart from the
    event's claims). Every sentence joins at most one claim. With `outlets` and `max_per_outlet`, a claim holds at
    most that many sentences of one outlet (an outlet may state a claim twice: a headline and its lede, as the
    labelled pairs show outlets do; more than that is a topic, not a claim).
    """
    root: dict[int, int] = {}
    members: dict[int, list[int]] = {}

    def find(x: int) -> int:
        while root[x] != x:
            root[x] = root[root[x]]
            x = root[x]
        return x

    for a, b, _score in sorted(pairs, key=lambda p: -p[2]):
        for s in (a, b):
            if s not in root:
                root[s] = s
                members[s] = [s]
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        ma, mb = members[ra], members[rb]
        if outlets is not None and max_per_outlet is not None:
            counts: dict[str, int] = {}
            for i in (*ma, *mb):
                counts[outlets[i]] = counts.get(outlets[i], 0) + 1
            if max(counts.values()) > max_per_outlet:
                continue
        if float((vectors[ma] @ vectors[mb].T).mean()) < min_link:
            continue
        if len(ma) < len(mb):
            ra, rb, ma, mb = rb, ra, mb, ma
        root[rb] = ra
        ma.extend(members.pop(rb))
    return [sorted(m) for m in members.values() if len(m) >= 2]
