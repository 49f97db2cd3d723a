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
    "Russia confirmed the attack on the Ukrainian base.",   # a confirmation of an act not told as its own
    "Russia claimed that Ukraine attacked the base.",    # a claim about another party's act
    "Russia denied the attack on the base.",             # a denial, not an admission
    "Russia has not claimed responsibility for the attack on the base.",   # negated
    "Russia never admitted to the attack on the base.",
    "Russia declined to confirm the attack on the base.",                  # withheld
    "The Kremlin claimed a drone attack on Moscow.",     # an act on the source: it alleges, it does not admit
    # the cue's word twice: the passive's agent is Hamas, not the sentence's source
    "Russia claimed that Ukraine fired the missiles, while the attack on the base was claimed by Hamas.",
])
def test_confirming_a_blow_or_claiming_another_s_act_is_no_admission(nlp: Language, ukraine: Event,
                                                                     text: str) -> None:
    an = analyse(text, ukraine, nlp=nlp)
    assert not any(a.admitted and not a.negated for a in an.acts)   # ("has not claimed": a negated admission)
    assert an.reported_initiator != "russia"


@pytest.mark.parametrize("text", [
    "Russia has not claimed responsibility for the attack on the base.",
    "Russia declined to claim responsibility for the attack on the base.",
    "Russia has yet to claim responsibility for the attack on the base.",
    "Russia has declined to comment or claim responsibility for the attack on the base.",
    "Russia has not admitted responsibility for the attack on the base.",
])
def test_not_claiming_responsibility_is_neither_a_claim_nor_a_denial(nlp: Language, ukraine: Event,
                                                                     text: str) -> None:
    """Found on the benchmark's dev split: "Israel has not claimed responsibility for the killing" was stored as
    Israel's denial, and the killing as Israel's act."""
    an = analyse(text, ukraine, nlp=nlp)
    assert not [a for a in an.acts if a.actor == "russia"], an.acts
    # a denial is still a denial, a claim still a claim
    denied = analyse("Russia denied responsibility for the attack on the base.", ukraine, nlp=nlp)
    assert any(a.actor == "russia" and a.negated for a in denied.acts)
    claimed = analyse("Russia claimed responsibility for the attack on the base.", ukraine, nlp=nlp)
    assert any(a.actor == "russia" and a.admitted and not a.negated for a in claimed.acts)
