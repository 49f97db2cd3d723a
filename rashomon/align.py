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


@dataclass(frozen=True)
class CandidateArrays:
    """Candidate pairs as columns (row indices a < b): what the alignment stage writes to DuckDB."""

    a: np.ndarray
    b: np.ndarray
    cosine: np.ndarray
    margin: np.ndarray
    rank_a: np.ndarray
    rank_b: np.ndarray

    def __len__(self) -> int:
        return len(self.a)

    def as_candidates(self) -> list[Candidate]:
        return [
            Candidate(int(a), int(b), float(c), float(m), int(ra), int(rb))
            for a, b, c, m, ra, rb in zip(self.a, self.b, self.cosine, self.margin, self.rank_a, self.rank_b)
        ]


def candidate_pairs(vectors: np.ndarray, outlets: Sequence[str], **kwargs) -> list[Candidate]:
    """`candidate_arrays` as a list of Candidate records (for tests and the evaluation)."""
    return candidate_arrays(vectors, outlets, **kwargs).as_candidates()


def candidate_arrays(
    vectors: np.ndarray,
    outlets: Sequence[str],
    *,
    k: int = 4,
    per_outlet: int = 3,
    block: int = 2048,
) -> CandidateArrays:
    """Top `per_outlet` matches of every sentence in every other outlet, with cosine and ratio margin.

    `vectors` must be L2-normalised (n × d float32). Memory is O(block × n); pairs come back once (a < b).
    """
    n = len(vectors)
    if n == 0:
        empty = np.zeros(0, dtype=np.int64)
        return CandidateArrays(empty, empty, np.zeros(0), np.zeros(0), empty.astype(np.int32), empty.astype(np.int32))
    labels = np.unique(np.asarray(outlets), return_inverse=True)[1]
    n_outlets = int(labels.max()) + 1
    # Work on rows sorted by outlet, so that each outlet's columns are one contiguous slice (views, no copies).
    perm = np.argsort(labels, kind="stable")
    sorted_vecs = np.ascontiguousarray(np.asarray(vectors, dtype=np.float32)[perm])
    sorted_labels = labels[perm]
    bounds = np.searchsorted(sorted_labels, np.arange(n_outlets + 1))
    # Per sentence and outlet: the top `depth` neighbours. depth >= k makes the k nearest cross-outlet neighbours
    # (the margin's denominator) exactly the best k of these lists: no full-row partition is needed.
    depth = max(per_outlet, k)
    top_idx = np.full((n, n_outlets, depth), -1, dtype=np.int64)
    top_cos = np.full((n, n_outlets, depth), -np.inf, dtype=np.float32)
    for start in range(0, n, block):
        stop = min(start + block, n)
        sims = sorted_vecs[start:stop] @ sorted_vecs.T
        rows = sorted_labels[start:stop]
        for o in range(n_outlets):
            lo, hi = bounds[o], bounds[o + 1]
            if hi == lo:
                continue
            sub = sims[:, lo:hi]
            sub[rows == o] = -np.inf  # never pair a sentence with its own outlet
            m = min(depth, hi - lo)
            idx = np.argpartition(sub, hi - lo - m, axis=1)[:, hi - lo - m:] if m < hi - lo else np.broadcast_to(
                np.arange(hi - lo), (stop - start, hi - lo))
            vals = np.take_along_axis(sub, idx, axis=1)
            order = np.argsort(-vals, axis=1)
            top_idx[start:stop, o, :m] = lo + np.take_along_axis(idx, order, axis=1)
            top_cos[start:stop, o, :m] = np.take_along_axis(vals, order, axis=1)
    # Back to the caller's row order.
    inverse = np.empty(n, dtype=np.int64)
    inverse[perm] = np.arange(n)
    top_idx = np.where(top_idx >= 0, perm[np.maximum(top_idx, 0)], -1)[inverse]
    top_cos = top_cos[inverse]
    flat = top_cos.reshape(n, -1)
    kk = min(k, flat.shape[1])
    best = -np.sort(-np.where(np.isfinite(flat), flat, -np.inf), axis=1)[:, :kk]
    knn_mean = np.where(np.isfinite(best), best, 0.0).mean(axis=1).astype(np.float32) if kk else np.zeros(n, np.float32)
    return _pairs_from_tops(knn_mean, top_idx[:, :, :per_outlet], top_cos[:, :, :per_outlet], per_outlet)


def _pairs_from_tops(knn_mean, top_idx, top_cos, per_outlet) -> "CandidateArrays":
    """Unordered pairs (a < b) from every sentence's per-outlet top lists, with both ranks, vectorised."""
    n = len(knn_mean)
    n_outlets = top_idx.shape[1]
    big = per_outlet + 1
    a_idx = np.repeat(np.arange(n, dtype=np.int64), n_outlets * per_outlet)
    b_idx = top_idx.reshape(-1)
    rank = np.tile(np.arange(1, per_outlet + 1, dtype=np.int32), n * n_outlets)
    valid = (b_idx >= 0) & np.isfinite(top_cos.reshape(-1))
    cos_dir = top_cos.reshape(-1)[valid].astype(np.float64)
    a_idx, b_idx, rank = a_idx[valid], b_idx[valid], rank[valid]
    directed = a_idx * n + b_idx
    order = np.argsort(directed, kind="stable")
    directed, rank = directed[order], rank[order]
    undirected = (np.minimum(a_idx, b_idx) * n + np.maximum(a_idx, b_idx))[order]
    pairs, first = np.unique(undirected, return_index=True)
    x, y = pairs // n, pairs % n
    cos = cos_dir[order][first]

    def lookup(codes: np.ndarray) -> np.ndarray:
        if len(directed) == 0:
            return np.full(len(codes), big, dtype=np.int32)
        pos = np.minimum(np.searchsorted(directed, codes), len(directed) - 1)
        return np.where(directed[pos] == codes, rank[pos], big).astype(np.int32)

    denom = (knn_mean[x] + knn_mean[y]).astype(np.float64) / 2
    margin = np.divide(cos, denom, out=np.zeros_like(cos), where=denom > 1e-6)
    return CandidateArrays(x, y, cos, margin, lookup(x * n + y), lookup(y * n + x))


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


def fact_cliques(pairs: Sequence[tuple[int, int, float]], outlets: Sequence[str]) -> list[list[int]]:
    """Claims as cliques of same-fact pairs: every two sentences of a claim, from different outlets, were judged to
    state the same fact, and a claim holds at most one sentence per outlet.

    Pairs are taken best first; a pair not yet inside a claim seeds one, which then grows by the sentence (of an outlet
    not yet in it) linked to every member, with the highest total score. A sentence may join several claims: a lead
    that states two facts sits in both (the labels show leads do). Claims inside a larger claim are dropped.
    """
    adj: dict[int, dict[int, float]] = {}
    for a, b, s in pairs:
        if outlets[a] == outlets[b]:
            continue
        adj.setdefault(a, {})[b] = s
        adj.setdefault(b, {})[a] = s
    covered: set[tuple[int, int]] = set()
    claims: set[frozenset[int]] = set()
    for a, b, _s in sorted(pairs, key=lambda p: (-p[2], p[0], p[1])):
        a, b = min(a, b), max(a, b)
        if outlets[a] == outlets[b] or (a, b) in covered:
            continue
        members = [a, b]
        taken = {outlets[a], outlets[b]}
        pool = {x for x in adj[a].keys() & adj[b].keys() if outlets[x] not in taken}
        if not pool:   # the common case: a claim of two
            covered.add((a, b))
            claims.add(frozenset(members))
            continue
        while pool:
            best = max(pool, key=lambda x: (sum(adj[x][m] for m in members), -x))
            members.append(best)
            taken.add(outlets[best])
            pool = {x for x in pool & adj[best].keys() if outlets[x] not in taken}
        covered.update((min(x, y), max(x, y)) for x in members for y in members if x != y)
        claims.add(frozenset(members))
    holding: dict[int, list[frozenset[int]]] = {}
    for c in claims:
        for x in c:
            holding.setdefault(x, []).append(c)
    # a larger claim holding this one holds its every member: look only among the claims of one member
    kept = [c for c in claims if not any(c < other for other in holding[min(c, key=lambda x: len(holding[x]))])]
    return sorted(sorted(c) for c in kept)


METHODS = ("same_fact", "same_fact_tokens", "margin")
SCORED_METHODS = ("same_fact", "same_fact_tokens")   # the pair scorer decides; claims are cliques


def same_fact_scores(cands: CandidateArrays, texts: Sequence[str], positions: Sequence[int], *,
                     method: str = "same_fact") -> np.ndarray:
    """P(same fact) of every candidate pair, by the pinned pair scorer (rashomon/samefact.py); `same_fact_tokens`
    adds the token alignment of the two sentences (rashomon/tokenalign.py) to the scorer's features."""
    from . import samefact

    infos = [samefact.sentence_info(t, p) for t, p in zip(texts, positions)]
    if method == "same_fact_tokens":
        return samefact.load_token_scorer().probability(samefact.feature_matrix(infos, cands, texts))
    return samefact.load_scorer().probability(samefact.feature_matrix(infos, cands))


def check_method(method: str) -> str:
    if method not in METHODS:
        from .errors import ConfigError

        raise ConfigError(f"align_method {method!r} is not one of {', '.join(METHODS)}")
    return method
