"""Rules found on the benchmark's fresh dev events of 2026-12-04 (Goma, the Kremlin drones, the Pakistan-Afghanistan
border), each on sentences written for the test: "as per X" and a closing "as X reported" attribute; a hedging adverb
("allegedly") asserts no act; the party on the weapon of an act noun ("a Ukrainian drone attack") did it; a
"full-scale invasion" is the war, not the incident; one party backing another is a source's blame of the backer, never
an own-voice verdict; troops sent onto another's land are an incursion; "violations of the truce by X" are X's."""

from __future__ import annotations

import pytest
from spacy.language import Language

from rashomon.detect.sentence import analyse
from rashomon.sources import Event


def _read(nlp: Language, event: Event, text: str):
    an = analyse(text, event, nlp=nlp)
    return an, [(a.actor, a.action, a.reported, a.background, a.irrealis) for a in an.acts]


@pytest.mark.parametrize("text", [
    "Russian forces captured several Ukrainian outposts along the river, as per the Russian Defence Ministry.",
    "Russian forces captured several Ukrainian outposts along the river, as officials from both countries reported.",
])
def test_a_closing_source_attributes_the_sentence(nlp: Language, ukraine: Event, text: str) -> None:
    an, acts = _read(nlp, ukraine, text)
    assert an.voice.attributed and an.own_initiator is None
    assert [(actor, reported) for actor, _, reported, *_ in acts] == [("russia", True)]


def test_as_a_source_said_at_the_start_stays_the_outlets_own_claim(nlp: Language, ukraine: Event) -> None:
    an, _ = _read(nlp, ukraine, "As the ministry pointed out, Russian forces captured several Ukrainian outposts.")
    assert an.own_initiator == "russia"


def test_an_allegedly_hedged_act_asserts_nothing_but_the_act_beside_it(nlp: Language, ukraine: Event) -> None:
    an, acts = _read(nlp, ukraine, "He spoke after a failed Ukrainian drone attack on the Kremlin which allegedly "
                                   "targeted the president.")
    assert an.own_initiator == "ukraine"   # the party on the drone did the attack; the hedged clause is no act
    assert ("russia", "attack", False, False, False) not in acts


def test_a_full_scale_invasion_is_the_war_not_the_incident(nlp: Language, ukraine: Event) -> None:
    an, acts = _read(nlp, ukraine, "Follow the newest developments in Russia's full-scale invasion on our page.")
    assert an.own_initiator is None and acts and all(bg for *_, bg, _ in acts)


@pytest.mark.parametrize("text", [
    "Kyiv accused Moscow of backing the Hamas fighters.",
    "The IDF said Russian advisers in Gaza were supporting Hamas.",
])
def test_backing_another_party_is_a_sources_blame_of_the_backer(nlp: Language, ukraine: Event, text: str) -> None:
    an, acts = _read(nlp, ukraine, text)
    assert an.reported_initiator == "russia" and ("russia", "back", True, False, False) in acts


def test_backing_is_never_an_own_voice_verdict_nor_read_from_a_modifier(nlp: Language, ukraine: Event) -> None:
    assert analyse("Russian advisers are supporting Hamas in Gaza.", ukraine, nlp=nlp).own_initiator is None
    an = analyse("Israel said Russia-backed Hamas fighters crossed the fence.", ukraine, nlp=nlp)
    assert "back" not in [a.action for a in an.acts]


def test_troops_sent_onto_anothers_land_are_an_incursion(nlp: Language, ukraine: Event) -> None:
    an, acts = _read(nlp, ukraine, "Kyiv accused Moscow of sending troops onto its territory.")
    assert an.reported_initiator == "russia" and ("russia", "attack", True, False, False) in acts
    assert not _read(nlp, ukraine, "Kyiv sent troops to the border for an exercise.")[1]


def test_violations_of_a_truce_by_a_party_are_its_own(nlp: Language, ukraine: Event) -> None:
    an, _ = _read(nlp, ukraine, "Kyiv pointed to repeated violations of ceasefire agreements by the Russian armed "
                                "forces.")   # "by" hung on "agreements"
    assert an.reported_initiator == "russia"


def test_backing_an_effort_named_after_a_party_is_no_blame(nlp: Language, ukraine: Event) -> None:
    an = analyse("Kyiv said it backs the active efforts of Israel to evacuate the wounded.", ukraine, nlp=nlp)
    assert "back" not in [a.action for a in an.acts]


def test_an_attack_dated_apart_in_its_noun_phrase_is_background(nlp: Language, ukraine: Event) -> None:
    # the event's window is 1-5 May 2023
    an, acts = _read(nlp, ukraine, "The Oct. 7 attack by Hamas killed 1,200 people.")
    assert an.own_initiator is None and ("hamas", "attack", False, True, False) in acts
    assert analyse("The May 2 attack by Hamas killed 12 people.", ukraine, nlp=nlp).own_initiator == "hamas"


def test_daily_bombardments_are_a_campaign_not_the_incident(nlp: Language, ukraine: Event) -> None:
    an, acts = _read(nlp, ukraine, "Thousands have fled to escape Russia's daily bombardments.")
    assert an.own_initiator is None and acts and all(bg for *_, bg, _ in acts)


def test_a_headline_verb_tagged_a_noun_keeps_its_subject(nlp: Language, ukraine: Event) -> None:
    an, _ = _read(nlp, ukraine, "Russian forces fire on Ukrainians rushing towards food aid")
    assert an.own_initiator == "russia"


@pytest.mark.parametrize("text", [
    "Kyiv says it is not responsible.",
    "Ukrainian officials say Kyiv had nothing to do with the attack.",
    "Kyiv said there was no involvement by Ukraine in the attack.",
])
def test_a_party_saying_it_had_no_part_is_its_denial(nlp: Language, ukraine: Event, text: str) -> None:
    an, acts = _read(nlp, ukraine, text)
    assert an.voice.attributed_party == "ukraine"
    assert any(a.actor == "ukraine" and a.negated and a.reported for a in an.acts)
    assert an.reported_initiator is None


def test_accusations_that_a_party_staged_it_rejected_are_its_denial(nlp: Language, ukraine: Event) -> None:
    # "staged" was lemmatised "stag", and the clause with its own subject read as a passive participle
    an = analyse("Moscow rejected accusations that Russia had staged a provocation.", ukraine, nlp=nlp)
    assert [(a.actor, a.negated) for a in an.acts] == [("russia", True)]


@pytest.mark.parametrize("text", ["Kyiv said the drones came from Russia.",
                                  "Kyiv said Russian drones entered the country's air space."])
def test_where_the_drones_came_from_names_who_sent_them(nlp: Language, ukraine: Event, text: str) -> None:
    assert analyse(text, ukraine, nlp=nlp).reported_initiator == "russia"


def test_wiping_out_troops_is_killing_them(nlp: Language, ukraine: Event) -> None:
    an, acts = _read(nlp, ukraine, "Russia wiped out 60 Ukrainian troops in a missile strike.")
    assert an.own_initiator == "russia" and ("russia", "kill", False, False, False) in acts


def test_a_source_saying_it_did_it_claims_the_act(nlp: Language, ukraine: Event) -> None:
    an = analyse("Hamas has said it carried out the attack on the base.", ukraine, nlp=nlp)
    assert an.reported_initiator == "hamas" and [a.admitted for a in an.acts] == [True]
    # a source's own side named by the outlet is still no claim of its own ("the ministry said its forces …")
    an = analyse("Russia said Russian forces had taken the village.", ukraine, nlp=nlp)
    assert an.reported_initiator is None


def test_hitting_back_in_words_is_no_strike_and_a_hand_in_it_is_a_part(nlp: Language, ukraine: Event) -> None:
    an, acts = _read(nlp, ukraine, "Ukraine hit back, claiming that Russia's special services had a hand in the attack.")
    assert an.own_initiator is None and an.reported_initiator == "russia"


def test_what_blew_up_is_no_attacker_and_who_made_it_explode_is(nlp: Language, ukraine: Event) -> None:
    assert analyse("Videos show the moments when the pagers of Hamas fighters blow up.", ukraine,
                   nlp=nlp).own_initiator is None
    assert analyse("Israel makes hundreds of Hamas pagers explode.", ukraine, nlp=nlp).own_initiator == "israel"
    assert analyse("Russia blew up the dam on Tuesday.", ukraine, nlp=nlp).own_initiator == "russia"


@pytest.mark.parametrize("text", [
    "The attack came one day after Russian missile strikes on several Ukrainian cities killed at least 39 people.",
    "The attack came a day after Russian strikes killed 39 people in Ukrainian cities.",
    "The attack came after a drone swarm overnight, which in turn followed Moscow's missile bombardment of Ukraine "
    "the day before.",
])
def test_an_act_a_day_before_the_one_that_came_after_it_is_another_incident(nlp: Language, ukraine: Event,
                                                                             text: str) -> None:
    assert analyse(text, ukraine, nlp=nlp).own_initiator is None
