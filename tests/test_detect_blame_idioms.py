"""Blame said in idioms the benchmark's dev split showed the detectors misreading, each on sentences written for the
test: "blamed the attack on X" (X is blamed, not attacked), "X and Y have each blamed the other" and "X and Y traded
accusations" (mutual blame), "blamed X for the alleged attack" (the outlet's hedge does not take back the source's
blame), "X is to blame" (X is the one blamed, never a speaker), "X was behind the Kremlin drone attack" (X, not the
Kremlin), "charged X with the attack" (X blamed) and "…, a claim X denied" (X's denial)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from rashomon.detect import extract_acts
from rashomon.detect.parties import PartyMatcher
from rashomon.detect.voice import analyse_voice_detail
from rashomon.sources import Event


@pytest.fixture(scope="module")
def um(ukraine: Event) -> PartyMatcher:
    return PartyMatcher(ukraine.parties)


def _blames(nlp: Language, text: str, matcher: PartyMatcher):
    """The sentence's voice party, and (actor, target, reported, negated, claimed_by) of each act that can carry a
    verdict (initiating or negated)."""
    s = nlp(text)[:]
    voice, scope = analyse_voice_detail(s, matcher, None)
    acts = extract_acts(s, matcher, event_year=2023, voice=voice, reported_tokens=scope)
    return voice.attributed_party, [(a.actor, a.target, a.reported, a.negated, a.claimed_by)
                                    for a in acts if a.initiating or a.negated]


@pytest.mark.parametrize("text", [
    "Russia blamed the attack on Ukraine.",                       # "on Ukraine" hung on the noun by the parser
    "Russia blamed the shelling of the plant on Ukraine.",        # hung on the noun of its "of" phrase
    "Moscow blamed the attack on civilians on Kyiv.",             # the last "on" is the one blamed
])
def test_blamed_the_attack_on_x_blames_x(nlp: Language, um: PartyMatcher, text: str) -> None:
    party, acts = _blames(nlp, text, um)
    assert party == "russia"
    assert [(actor, target, reported) for actor, target, reported, _, _ in acts] == [("ukraine", None, True)]


def test_an_attack_on_x_still_targets_x(nlp: Language, um: PartyMatcher) -> None:
    # without "blame" the "on" phrase is the target, as before
    _, acts = _blames(nlp, "Russia launched an attack on Ukraine on Monday.", um)
    assert [(actor, target) for actor, target, *_ in acts] == [("russia", "ukraine")]


@pytest.mark.parametrize("text", [
    "Ukraine and Russia have each blamed the other for the attacks.",
    "Russia and Ukraine each blamed the other for the shelling.",
    # "traded" is a two-sided verb: the parties joined before it were read as no one party
    "Ukraine and Russia traded accusations on Friday after the strike.",
])
def test_each_blamed_the_other_is_mutual_blame(nlp: Language, um: PartyMatcher, text: str) -> None:
    _, acts = _blames(nlp, text, um)
    mutual = {(actor, claimed_by) for actor, _, _, _, claimed_by in acts if claimed_by is not None}
    assert mutual == {("russia", "ukraine"), ("ukraine", "russia")}


def test_blamed_for_the_alleged_attack_is_still_a_blame(nlp: Language, um: PartyMatcher) -> None:
    party, acts = _blames(nlp, "The Kremlin on Thursday blamed Ukraine for the alleged drone attack.", um)
    assert party == "russia"
    assert [(actor, reported) for actor, _, reported, *_ in acts] == [("ukraine", True)]


def test_a_possible_attack_is_not_made_done_by_an_accusation(nlp: Language, um: PartyMatcher) -> None:
    # only the outlet's hedges ("alleged", "suspected") are lifted, not what has not happened
    _, acts = _blames(nlp, "Russia accused Ukraine of a possible attack.", um)
    assert acts == []


@pytest.mark.parametrize("text", [
    "Russia is to blame for the strike, Kyiv said.",
    "Russia is to blame, Kyiv said.",
    "Kyiv said Russia is to blame for the strike.",
])
def test_x_is_to_blame_blames_x_in_the_speakers_words(nlp: Language, um: PartyMatcher, text: str) -> None:
    party, acts = _blames(nlp, text, um)
    assert party == "ukraine"
    assert [(actor, reported, claimed_by) for actor, _, reported, _, claimed_by in acts] == [("russia", True, None)]


def test_a_headline_source_after_a_dash_is_not_the_one_blamed(nlp: Language, um: PartyMatcher) -> None:
    # the parser makes "Kremlin" the object of "blame": it was read as Russia blamed, in the outlet's own voice
    _, acts = _blames(nlp, "Ukraine is to blame for apartment building rocket crash - Kremlin", um)
    assert all(actor != "russia" for actor, *_ in acts)


def test_who_is_behind_it_wins_over_a_party_named_on_the_act(nlp: Language, um: PartyMatcher) -> None:
    # "the Kremlin drone attack": the Kremlin is where it hit, and the sentence says who was behind it
    party, acts = _blames(nlp, "Moscow's spokesman: Ukraine was behind Kremlin drone attack", um)
    assert party == "russia"
    assert [(actor, reported) for actor, _, reported, *_ in acts] == [("ukraine", True)]


@pytest.mark.parametrize("text", [
    "Kyiv said Russian troops opened fire first, a claim Moscow denied.",
    "Kyiv said Russian troops opened fire first, an accusation which Moscow has rejected.",
])
def test_a_claim_x_denied_is_xs_denial(nlp: Language, um: PartyMatcher, text: str) -> None:
    party, acts = _blames(nlp, text, um)
    assert party == "ukraine"
    assert ("russia", None, True, False, None) in acts          # Kyiv's claim stays
    assert ("russia", None, True, True, "russia") in acts       # and Moscow denies it


def test_a_claim_x_repeated_is_no_denial(nlp: Language, um: PartyMatcher) -> None:
    _, acts = _blames(nlp, "Kyiv said Russian troops opened fire first, a claim Moscow repeated.", um)
    assert all(not negated for *_, negated, _ in acts)


@pytest.mark.parametrize("text, accuser, accused", [
    ("Kyiv has charged Russian forces with carrying out the attack on the camp.", "ukraine", "russia"),
    ("The Kremlin charged Kyiv with a drone attack on the Kremlin.", "russia", "ukraine"),
])
def test_charged_x_with_an_act_blames_x(nlp: Language, um: PartyMatcher, text: str, accuser: str,
                                        accused: str) -> None:
    # "with" after "charge" says what the accused did, as "of" after "accuse" (it was an act by no one, in the
    # outlet's own voice)
    party, acts = _blames(nlp, text, um)
    assert party == accuser
    assert [(actor, reported) for actor, _, reported, *_ in acts if actor != "unknown"] == [(accused, True)]
