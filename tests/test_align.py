"""The alignment maths on hand-made vectors: no model needed."""

from __future__ import annotations

import numpy as np

from rashomon.align import candidate_pairs, cluster_pairs


def _unit(rows):
    v = np.asarray(rows, dtype=np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_mutual_best_pairs_are_ranked_first_and_same_outlet_never_pairs():
    rng = np.random.default_rng(0)
    base = rng.normal(size=(5, 32))
    # outlet A has claims 0..4, outlet B paraphrases claims 0..2 (noisy copies), plus an unrelated sentence
    a = base
    b = np.vstack([base[:3] + 0.1 * rng.normal(size=(3, 32)), rng.normal(size=(1, 32))])
    vecs = _unit(np.vstack([a, b]))
    outlets = ["A"] * 5 + ["B"] * 4
    cands = candidate_pairs(vecs, outlets, k=2)
    assert all(outlets[c.a] != outlets[c.b] for c in cands)
    best = {(c.a, c.b) for c in cands if c.rank_a == 1 and c.rank_b == 1}
    assert {(0, 5), (1, 6), (2, 7)} <= best
    # a true paraphrase stands out from its neighbourhood: margin well above 1
    margins = {(c.a, c.b): c.margin for c in cands}
    assert margins[(0, 5)] > 1.5


def test_candidate_pairs_blocked_equals_unblocked():
    rng = np.random.default_rng(1)
    vecs = _unit(rng.normal(size=(60, 16)))
    outlets = [f"o{i % 4}" for i in range(60)]
    one = {(c.a, c.b): (c.cosine, c.margin) for c in candidate_pairs(vecs, outlets, block=7)}
    two = {(c.a, c.b): (c.cosine, c.margin) for c in candidate_pairs(vecs, outlets, block=4096)}
    assert one.keys() == two.keys()
    # the same pairs with the same scores (BLAS may sum a block in another order: equal to float32 precision)
    assert np.allclose([one[k] for k in sorted(one)], [two[k] for k in sorted(one)], atol=1e-5)


def test_average_linkage_keeps_chains_apart_and_each_sentence_once():
    # 0 ~ 1 ~ 2 form a chain whose ends are unrelated: linkage must stop 2 joining {0, 1}
    v = _unit([[1, 0, 0], [0.8, 0.6, 0], [0.1, 1, 0], [0, 0, 1], [0, 0.05, 1]])
    pairs = [(0, 1, 2.0), (1, 2, 1.9), (3, 4, 1.5)]
    clusters = cluster_pairs(pairs, v, min_link=0.6)
    assert sorted(clusters) == [[0, 1], [3, 4]]
    members = [s for c in clusters for s in c]
    assert len(members) == len(set(members))


def test_sentences_per_outlet_are_capped():
    v = _unit([[1, 0], [1, 0.01], [1, 0.02]])
    pairs = [(0, 1, 2.0), (1, 2, 1.9)]
    assert cluster_pairs(pairs, v, min_link=0.5, outlets=["A", "B", "A"], max_per_outlet=1) == [[0, 1]]
    assert cluster_pairs(pairs, v, min_link=0.5, outlets=["A", "B", "A"], max_per_outlet=2) == [[0, 1, 2]]


def test_empty_input():
    assert candidate_pairs(np.zeros((0, 4), np.float32), []) == []
    assert cluster_pairs([], np.zeros((0, 4), np.float32), min_link=0.5) == []
