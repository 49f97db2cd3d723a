"""Labels made on a listing whose sentences the segmenter later joins are carried over, never relabelled."""

from __future__ import annotations

import pytest

from rashomon.realcov.relisting import carry, unit_map

OLD = {"alpha:0": "(title) Clash near the Ta Muen", "alpha:1": "Thom temple, two hurt", "alpha:2": "Troops fired near the Ta Muen",
       "alpha:3": "Thom temple at dawn.", "alpha:4": "The army said so.", "beta:0": "Border clash."}
NEW = {"alpha:0": "(title) Clash near the Ta Muen Thom temple, two hurt",
       "alpha:1": "Troops fired near the Ta Muen Thom temple at dawn.", "alpha:2": "The army said so.",
       "beta:0": "Border clash."}


def test_each_old_sentence_goes_to_the_new_sentence_that_holds_it():
    assert unit_map(OLD, NEW) == {"alpha:0": "alpha:0", "alpha:1": "alpha:0", "alpha:2": "alpha:1",
                                  "alpha:3": "alpha:1", "alpha:4": "alpha:2", "beta:0": "beta:0"}


def test_facts_are_united_and_evidence_follows():
    labels = {"sentences": {"alpha:0": ["f1"], "alpha:1": ["f2"], "alpha:2": "unique", "alpha:3": ["f3"],
                            "alpha:4": "boilerplate", "beta:0": ["f1"]},
              "articles": {"alpha": {"own_voice_evidence": ["alpha:3"],
                                     "attributed": [{"evidence": ["alpha:2", "alpha:3"]}], "casualties": []}},
              "disagreements": [{"sides": [{"outlets": ["alpha"], "evidence": ["alpha:1", "alpha:4"]}]}]}
    out = carry(labels, unit_map(OLD, NEW))
    assert out["sentences"] == {"alpha:0": ["f1", "f2"], "alpha:1": ["f3"], "alpha:2": "boilerplate", "beta:0": ["f1"]}
    assert out["articles"]["alpha"]["own_voice_evidence"] == ["alpha:1"]
    assert out["articles"]["alpha"]["attributed"][0]["evidence"] == ["alpha:1"]
    assert out["disagreements"][0]["sides"][0]["evidence"] == ["alpha:0", "alpha:2"]


def test_a_new_sentence_that_is_not_a_run_of_old_ones_is_an_error():
    with pytest.raises(ValueError, match="alpha:1 is not a run"):
        unit_map(OLD, dict(NEW, **{"alpha:1": "Troops fired near the temple at dawn."}))
