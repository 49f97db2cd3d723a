"""A source owning up to the act its cue verb governs ("the attacks were claimed by X", "X admitted to the strike")
claims that act: an attributed claim of its own, never the outlet's verdict (GUIDE §10 rules 1 and 4); what a source
confirms it suffered is no claim. Found on the benchmark's dev split (the Abqaiq, Kerman and Iran-Pakistan events),
tested on sentences written for the test."""

from __future__ import annotations

import pytest
from spacy.language import Language

from rashomon.detect.sentence import analyse
from rashomon.sources import Event


@pytest.mark.parametrize("text", [
    "The attacks on the base were claimed by Hamas.",
    "Responsibility for the attack on the base has been claimed by Hamas.",
    "Hamas claimed the attack on the base.",
    "Hamas admitted to the attack on the base.",
])
def test_a_source_owning_up_to_the_act_claims_it(nlp: Language, ukraine: Event, text: str) -> None:
    an = analyse(text, ukraine, nlp=nlp)
    assert an.voice.attributed_party == "hamas"
    assert an.reported_initiator == "hamas" and an.own_initiator is None
    assert any(a.admitted and a.actor == "hamas" for a in an.acts)


@pytest.mark.parametrize("text", [
    "Russia confirmed the attack on its base.",          # what it suffered
    "Russia claimed that Ukraine attacked the base.",    # a claim about another party's act
    "Russia denied the attack on the base.",             # a denial, not an admission
])
def test_confirming_a_blow_or_claiming_another_s_act_is_no_admission(nlp: Language, ukraine: Event,
                                                                     text: str) -> None:
    an = analyse(text, ukraine, nlp=nlp)
    assert not any(a.admitted for a in an.acts)
    assert an.reported_initiator != "russia"
