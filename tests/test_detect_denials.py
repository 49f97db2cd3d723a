"""What a source says did not happen, and what it only asks, urges or dismisses (act_status.py, act_roles.py): a denial
is stored as a denial, a request or a question as nothing done, "X were the first to fire" as X's act and "land occupied
by X" as background; "did not use weapons or hit the drone" denies both, and "X was not involved" is X's denial.
Sentences written for these tests."""

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


def acts_of(nlp: Language, text: str, matcher: PartyMatcher):
    s = nlp(text)[:]
    voice, scope = analyse_voice_detail(s, matcher, None)
    return voice, extract_acts(s, matcher, event_year=2023, voice=voice, reported_tokens=scope)


def test_negative_subject_negates_what_it_points_to(nlp: Language, um: PartyMatcher) -> None:
    # "None of … pointed to a Russian strike": the speaker says Russia did not strike, not that it did
    _, acts = acts_of(nlp, "None of the radar data pointed to a Russian strike, the Kyiv analyst said.", um)
    assert [(a.actor, a.negated, a.initiating) for a in acts] == [("russia", True, False)]
    _, acts = acts_of(nlp, "No evidence points to a Russian attack on the depot, the inspector said.", um)
    assert [(a.actor, a.negated) for a in acts] == [("russia", True)]


def test_urging_not_to_fire_is_no_denial(nlp: Language, um: PartyMatcher) -> None:
    # a negated infinitive under "urged" / "vowed" is a request or pledge, not a denial of a done act
    _, acts = acts_of(nlp, "Kyiv urged the Russian gunners not to shell the ferry crossing.", um)
    assert [(a.actor, a.negated, a.irrealis) for a in acts] == [("russia", False, True)]
    _, acts = acts_of(nlp, "Moscow vowed not to attack the grain port.", um)
    assert [(a.actor, a.negated, a.irrealis) for a in acts] == [("russia", False, True)]
    # a denial is still one
    _, acts = acts_of(nlp, "Moscow said its gunners did not shell the ferry crossing.", um)
    assert [(a.actor, a.negated) for a in acts] == [("russia", True)]


def test_dismissed_claim_of_a_negation_asserts_the_act(nlp: Language, um: PartyMatcher) -> None:
    # Kyiv calls absurd Moscow's claim that Russian units do not shell villages: Kyiv says they do (no Kyiv denial);
    # Moscow's own claim stays Moscow's denial
    voice, acts = acts_of(nlp, "Moscow's claims that Russian units do not shell villages are absurd, Kyiv said.", um)
    assert voice.attributed_party == "ukraine"
    speaker = [a for a in acts if a.claimed_by is None]
    assert [(a.actor, a.negated, a.initiating) for a in speaker] == [("russia", False, True)]
    assert [(a.claimed_by, a.actor, a.negated) for a in acts if a.claimed_by] == [("russia", "russia", True)]


def test_first_to_fire_names_who_fired(nlp: Language, um: PartyMatcher) -> None:
    _, acts = acts_of(nlp, "The Kyiv command said Russian marines were the first to fire, using mortars.", um)
    assert ("russia", "fire", True) in {(a.actor, a.action, a.initiating) for a in acts}
    _, acts = acts_of(nlp, "Russian marines were the first to open fire, the Kyiv command said.", um)
    assert [(a.actor, a.action, a.initiating) for a in acts] == [("russia", "fire", True)]


def test_yes_no_question_asserts_no_act(nlp: Language, um: PartyMatcher) -> None:
    _, acts = acts_of(nlp, "Did Russian gunners shell the ferry crossing?", um)
    assert [(a.actor, a.irrealis, a.initiating) for a in acts] == [("russia", True, False)]
    _, acts = acts_of(nlp, "Was the depot hit by a Russian drone?", um)
    assert [(a.actor, a.initiating) for a in acts] == [("russia", False)]
    # a why-question presupposes the act; a plain statement asserts it
    _, acts = acts_of(nlp, "Why did Russian gunners shell the ferry crossing?", um)
    assert [(a.actor, a.initiating) for a in acts] == [("russia", True)]


def test_refuting_and_rebutting_are_a_source_denying(nlp: Language, um: PartyMatcher) -> None:
    voice, acts = acts_of(nlp, "The Kremlin refuted reports that its troops shelled the ferry crossing.", um)
    assert voice.attributed_party == "russia"
    assert [(a.actor, a.negated) for a in acts if a.claimed_by is None] == [("russia", True)]
    voice, acts = acts_of(nlp, "Moscow rebutted Kyiv's claims that Russian gunners shelled the crossing.", um)
    assert voice.attributed_party == "russia"
    assert ("russia", True) in {(a.actor, a.negated) for a in acts if a.claimed_by is None}


def test_occupied_as_a_standing_condition_is_background(nlp: Language, um: PartyMatcher) -> None:
    # "all land occupied by Russia": framing of a standing condition (GUIDE §10.3), not this event's act; a dated
    # participle or a clause still tells the act
    _, acts = acts_of(nlp, "All land occupied by Russia will be freed, Kyiv said.", um)
    assert [(a.actor, a.background, a.initiating) for a in acts] == [("russia", True, False)]
    _, acts = acts_of(nlp, "The island occupied by Russia on Tuesday lies off the coast, Kyiv said.", um)
    assert ("russia", True) in {(a.actor, a.initiating) for a in acts}
    _, acts = acts_of(nlp, "Moscow occupied the island, Kyiv said.", um)
    assert [(a.actor, a.initiating) for a in acts] == [("russia", True)]


def test_a_place_is_no_actor(nlp: Language, um: PartyMatcher) -> None:
    # "that killed" hangs on the station: the party before "station" says where, the station did not kill
    _, acts = acts_of(nlp, "Russia denies attack on Kyiv railway station that killed over 20", um)
    assert "ukraine" not in {a.actor for a in acts}


def test_act_labelled_a_party_provocation_is_blame(nlp: Language, um: PartyMatcher) -> None:
    # the attack itself called "a Ukrainian provocation": Moscow says Ukraine staged it, no denial of Ukraine
    _, acts = acts_of(nlp, "A Moscow commander described the attack on the depot as a Ukrainian provocation.", um)
    assert {(a.actor, a.negated) for a in acts} == {("ukraine", False)}
    # reports called disinformation: what they report is dismissed
    _, acts = acts_of(nlp, "Moscow described the reports of a Russian strike as disinformation.", um)
    assert [(a.actor, a.negated) for a in acts] == [("russia", True)]


@pytest.mark.parametrize("text", [
    "Moscow said Russian jets did not use weapons or hit the Ukrainian drone.",          # benchmark dev (MQ-9)
    "Russian jets neither touched the drone nor fired on it, the Moscow ministry said.",
])
def test_a_not_or_denies_every_verb_it_joins(nlp: Language, um: PartyMatcher, text: str) -> None:
    _, acts = acts_of(nlp, text, um)
    assert acts and {(a.actor, a.negated) for a in acts} == {("russia", True)}


@pytest.mark.parametrize("text", [
    "Moscow said Russian jets did not fire and then struck the drone.",
    "Moscow said Russian jets did not fire on the drone but rammed it.",
])
def test_a_not_and_leaves_the_second_verb_asserted(nlp: Language, um: PartyMatcher, text: str) -> None:
    _, acts = acts_of(nlp, text, um)
    assert [(a.actor, a.negated) for a in acts] == [("russia", True), ("russia", False)]


@pytest.mark.parametrize("text, negated", [
    ("Moscow said Russia was not involved in any way.", True),            # benchmark dev (Kerman, MH17)
    ("Moscow said Russia played no part.", True),
    ("Kyiv said Russia was involved.", False),
])
def test_involved_with_nothing_named_is_a_part_in_the_event(
        nlp: Language, um: PartyMatcher, text: str, negated: bool) -> None:
    _, acts = acts_of(nlp, text, um)
    assert [(a.actor, a.negated, a.reported) for a in acts] == [("russia", negated, True)]


def test_involved_in_something_else_is_no_part(nlp: Language, um: PartyMatcher) -> None:
    _, acts = acts_of(nlp, "Moscow said Russia was involved in the talks on grain.", um)
    assert acts == []


@pytest.mark.parametrize("text", [
    # the review's cases: an "and" or "but" before the last verb leaves it asserted
    "Kyiv said Russia had not ceased fire or withdrawn, and attacked the town overnight.",
    "Russian forces did not stop or slow down but attacked Kyiv again, Ukraine said.",
])
def test_a_verb_after_and_is_outside_the_not_or(nlp: Language, um: PartyMatcher, text: str) -> None:
    _, acts = acts_of(nlp, text, um)
    assert any(a.actor == "russia" and a.initiating and not a.negated for a in acts), acts


@pytest.mark.parametrize("text", [
    "Kyiv asked if Russia was involved.",                      # a question, no claim (the review's case)
    "Kyiv said Russia was not involved enough in the talks.",  # how much, not whether
])
def test_asking_if_involved_or_not_enough_is_no_part(nlp: Language, um: PartyMatcher, text: str) -> None:
    _, acts = acts_of(nlp, text, um)
    assert acts == []


def test_striking_only_military_targets_denies_the_strike(nlp: Language, um: PartyMatcher) -> None:
    """"Our forces strike only military targets" (the Kremlin on Sumy, Dnipro and Okhmatdyt) denies hitting anything
    else: the source's denial, not its admission of the strike in question. "Only" elsewhere restricts nothing."""
    for text in ("Russian forces strike only military and paramilitary targets, the Kremlin said.",
                 "The Kremlin said Russian forces deliver strikes only on military targets."):
        _, acts = acts_of(nlp, text, um)
        assert [(a.actor, a.negated) for a in acts] == [("russia", True)], text
    for text in ("Russian forces only struck the port after the military parade, Kyiv said.",
                 "Russian forces struck a military airfield near the port, Kyiv said.",
                 "Russian forces hit not only military targets but also a hospital, Kyiv said.",
                 "Russian forces struck the port, which is only 30 km from the border and hosts military units.",
                 "Moscow said Russian forces hit only a gathering of Ukrainian military officers."):
        _, acts = acts_of(nlp, text, um)
        assert [(a.actor, a.negated) for a in acts] == [("russia", False)], text
