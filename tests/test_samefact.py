"""The same-fact pair scorer and claims as cliques (issue 10)."""

import hashlib

import numpy as np
import pytest

from rashomon import align, samefact
from rashomon.errors import ConfigError, ModelError


def test_cliques_keep_one_sentence_per_outlet_and_let_a_lead_join_two_claims():
    outlets = ["A", "B", "C", "A", "B"]
    # 0 (A's lead) states two facts: with 1 (B) and 2 (C) one fact, with 4 (B's second sentence) another
    pairs = [(0, 1, 0.9), (0, 2, 0.8), (1, 2, 0.85), (0, 4, 0.7), (3, 4, 0.6), (1, 3, 0.2)]
    claims = align.fact_cliques(pairs, outlets)
    assert [0, 1, 2] in claims and [0, 4] in claims and [3, 4] in claims
    for c in claims:
        assert len({outlets[i] for i in c}) == len(c)          # one sentence per outlet
    # every two members of a claim were judged the same fact: 1 and 4 (both B) never share one, 2 and 4 were not judged
    assert not any({2, 4} <= set(c) for c in claims)


def test_cliques_drop_a_claim_inside_a_larger_one_and_ignore_same_outlet_pairs():
    outlets = ["A", "B", "C", "A"]
    claims = align.fact_cliques([(0, 1, 0.9), (1, 2, 0.8), (0, 2, 0.7), (0, 3, 0.99)], outlets)
    assert claims == [[0, 1, 2]]
    assert align.fact_cliques([], outlets) == []


def test_scorer_ranks_a_paraphrase_above_a_denial_and_a_merely_related_sentence():
    scorer = samefact.load_scorer()
    say = samefact.sentence_info("Russia blew up the dam of the Kakhovka power plant overnight.", 1)
    para = samefact.sentence_info("Russian forces blew up the Kakhovka dam during the night.", 2)
    denial = samefact.sentence_info("The Kremlin denied that Russian forces blew up the Kakhovka dam, Peskov said.", 2)
    related = samefact.sentence_info("Water from the Kakhovka reservoir flooded dozens of villages downstream, officials said.", 9)
    # same embedding scores for the first two: the text features must tell them apart
    p = scorer.probability(np.asarray([samefact.pair_features(say, para, 0.8, 1.2, 1, 1),
                                       samefact.pair_features(say, denial, 0.8, 1.2, 1, 1),
                                       samefact.pair_features(say, related, 0.6, 1.0, 2, 3)]))
    assert p[0] > 0.9 and p[0] > p[1] + 0.05
    assert p[2] < 0.2
    # (known limit, issue 10 note: the denial still scores above the threshold; a hard negation rule cost recall on
    # the dev split without raising purity, so polarity is left to the detectors' assertion status)


def test_a_changed_model_file_is_refused_with_the_fix(tmp_path):
    changed = tmp_path / "same_fact.json"
    changed.write_bytes(samefact.MODEL_PATH.read_bytes().replace(b'"intercept"', b'"intercept" ', 1))
    with pytest.raises(ModelError, match="sha256 .* expected .*make train"):
        samefact.load_scorer.__wrapped__(changed)
    wrong = tmp_path / "wrong.json"
    wrong.write_text('{"features": ["cosine"], "mean": [0], "scale": [1], "coef": [1], "intercept": 0}')
    digest = hashlib.sha256(wrong.read_bytes()).hexdigest()
    with pytest.raises(ModelError, match="run `make train`"):
        samefact.load_scorer.__wrapped__(wrong, digest)
    with pytest.raises(ModelError, match="cannot be read"):
        samefact.load_scorer.__wrapped__(tmp_path / "missing.json")


def test_an_unknown_alignment_method_is_a_config_error():
    with pytest.raises(ConfigError, match="align_method 'cosine' is not one of same_fact, margin"):
        align.check_method("cosine")
