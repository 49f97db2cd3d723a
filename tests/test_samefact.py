"""The same-fact pair scorer and claims as cliques (issue 10)."""

import hashlib

import numpy as np
import pytest

from rashomon import align, samefact, tokenalign
from rashomon.errors import ConfigError, ModelError
from rashomon.settings import Settings


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


def _rows(texts, positions, pairs):
    """Full feature rows (text features with the given embedding scores, then the token alignment) for pairs of
    (i, j, cosine, margin, rank_a, rank_b) over `texts`."""
    infos = [samefact.sentence_info(t, p) for t, p in zip(texts, positions)]
    tok = tokenalign.pair_matrix(texts, np.asarray([p[0] for p in pairs]), np.asarray([p[1] for p in pairs]))
    return np.asarray([samefact.pair_features(infos[i], infos[j], c, m, ra, rb) + list(t)
                       for (i, j, c, m, ra, rb), t in zip(pairs, tok)])


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
    assert p[0] > 0.85 and p[0] > p[1] + 0.05   # (0.90 with the scorer of seven dev events, 0.895 with the 41)
    assert p[2] < 0.2
    # (known limit, issue 10 note: the denial still scores above the threshold; a hard negation rule cost recall on
    # the dev split without raising purity, so polarity is left to the detectors' assertion status)


def test_token_scorer_ranks_a_paraphrase_above_a_denial_and_a_merely_related_sentence():
    scorer = samefact.load_token_scorer()
    texts = ["Russia blew up the dam of the Kakhovka power plant overnight.",
             "Russian forces blew up the Kakhovka dam during the night.",
             "The Kremlin denied that Russian forces blew up the Kakhovka dam, Peskov said.",
             "Water from the Kakhovka reservoir flooded dozens of villages downstream, officials said."]
    # same embedding scores for the first two: the text features must tell them apart
    p = scorer.probability(_rows(texts, [1, 2, 2, 9], [(0, 1, 0.8, 1.2, 1, 1), (0, 2, 0.8, 1.2, 1, 1),
                                                       (0, 3, 0.6, 1.0, 2, 3)]))
    threshold = Settings.model_fields["align_min_same_fact"].default   # pairs at or above it join a claim
    assert p[0] >= threshold and p[0] > p[1] + 0.2   # (0.33 / 0.10 with the scorer of the 65 dev events of 2026-12-07)
    assert p[2] < 0.1
    # (the denial falls below the threshold here, but only by degree: a hard negation rule cost recall on the dev split
    # without raising purity, so polarity is left to the detectors' assertion status)
    assert p[1] < threshold


def test_token_alignment_ranks_a_paraphrase_above_a_related_sentence_of_the_same_story():
    texts = ["Floodwater swept away the wooden footbridge near the old mill on Tuesday.",
             "On Tuesday the footbridge by the old mill was swept away by floodwater.",
             "The old mill near the river had been closed to visitors since the spring floods.",
             "Engineers said the wooden footbridge had been inspected last year."]
    x = tokenalign.pair_matrix(texts, np.asarray([0, 0, 0]), np.asarray([1, 2, 3]))
    assert x.shape == (3, len(tokenalign.FEATURES))
    for col in range(x.shape[1]):             # every variant (all / idf-weighted / content words) agrees
        assert x[0, col] > x[1, col] and x[0, col] > x[2, col], tokenalign.FEATURES[col]
    # the scores do not depend on which sentence is first
    assert np.allclose(tokenalign.pair_matrix(texts, np.asarray([1, 2]), np.asarray([0, 0])), x[:2])


def test_token_alignment_of_a_sentence_with_no_content_word_is_zero_on_the_content_features():
    x = tokenalign.pair_matrix(["It was.", "Floodwater swept away the footbridge."], np.asarray([0]), np.asarray([1]))
    content = [i for i, f in enumerate(tokenalign.FEATURES) if "content" in f]
    assert (x[0, content] == 0).all() and x[0, 0] > 0
    assert tokenalign.pair_matrix(["a b c d"], np.zeros(0, int), np.zeros(0, int)).shape == (0, len(tokenalign.FEATURES))


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
    with pytest.raises(ConfigError, match="align_method 'cosine' is not one of same_fact, same_fact_tokens, margin"):
        align.check_method("cosine")


def test_a_changed_token_model_file_is_refused_and_each_method_reads_its_own_model(tmp_path, monkeypatch):
    assert samefact.load_scorer().features == samefact.TEXT_FEATURES
    assert samefact.load_token_scorer().features == samefact.FEATURES
    changed = tmp_path / "same_fact_tokens.json"
    changed.write_bytes(samefact.TOKENS_MODEL_PATH.read_bytes().replace(b'"intercept"', b'"intercept" ', 1))
    monkeypatch.setattr(samefact, "TOKENS_MODEL_PATH", changed)
    samefact.load_scorer.cache_clear()
    try:
        with pytest.raises(ModelError, match="same_fact_tokens.json has sha256 .* expected"):
            samefact.load_token_scorer()
    finally:
        samefact.load_scorer.cache_clear()
