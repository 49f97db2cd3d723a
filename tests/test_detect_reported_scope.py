"""Rules found on the first four events added to the benchmark on 2026-12-05 (tests/realcov), each on sentences
written for the test: what a speech cue covers (an inverted closing cue, a forward report the parser cut short,
a "that" clause hung on a phrase of time, verbs that characterise what the source names), a thing that blew up, and
the actor of a strike named by a force on its weapon."""

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


def _acts(nlp: Language, text: str, matcher: PartyMatcher):
    s = nlp(text)[:]
    voice, scope = analyse_voice_detail(s, matcher, None)
    return voice, [(a.actor, a.action, a.reported) for a in
                   extract_acts(s, matcher, event_year=2023, voice=voice, reported_tokens=scope)]


@pytest.mark.parametrize("text", [
    # the source after its verb, which the parser joined to the claim's verb
    "The attack by Ukraine on the region is another terrorist attack, declared the spokeswoman of the ministry.",
    # a forward report whose second figure's phrase the parser hung on "says"
    "Russia says 5 killed, 24 injured after Ukrainian incursion into border region on Tuesday",
    # the claim's "that" clause hung on a phrase of time
    "The Israel Defense Forces said on Friday night local time that Hamas had fired dozens of rockets at Israel.",
    # verbs that characterise what the source names
    "Russia labels Ukrainian attack on the region as terrorist",
    "Moscow branded the Ukrainian incursion a provocation.",
])
def test_the_source_s_claim_is_reported_not_the_outlet_s(nlp: Language, um: PartyMatcher, text: str) -> None:
    voice, acts = _acts(nlp, text, um)
    assert voice.voice == "attributed"
    assert acts and all(reported for *_, reported in acts), acts


def test_the_outlet_s_framing_after_a_comma_stays_its_own(nlp: Language, um: PartyMatcher) -> None:
    _, acts = _acts(nlp, "Russia announced that it had retaken two villages, in a new escalation after Ukraine "
                         "attacked the region.", um)
    assert ("ukraine", "attack", False) in acts


def test_the_source_after_its_verb_is_the_source(nlp: Language, um: PartyMatcher) -> None:
    voice, _ = _acts(nlp, "Ukrainian forces shelled the village overnight, said the Russian defence ministry.", um)
    assert voice.voice == "attributed" and voice.attributed_party == "russia"


def test_a_thing_blowing_up_is_no_act_of_its_owner(nlp: Language, um: PartyMatcher) -> None:
    _, acts = _acts(nlp, "Russian stuff blowing up: Ukraine launches attack inside Russia's Kursk region", um)
    assert [(actor, action) for actor, action, _ in acts] == [("ukraine", "attack")]
    _, acts = _acts(nlp, "Russian troops blowing up the bridge were filmed.", um)
    assert [(actor, action) for actor, action, _ in acts] == [("russia", "attack")]


def test_a_force_named_on_the_weapon_struck_and_the_reprisal_is_not_its_own(nlp: Language, um: PartyMatcher) -> None:
    _, acts = _acts(nlp, "The attack came in retaliation for IDF missile strikes earlier that day on a Gaza site.", um)
    assert ("israel", "strike", False) in acts
    assert not any(actor == "israel" and action == "retaliate" for actor, action, _ in acts)


@pytest.mark.parametrize("text", ["Five Palestinians killed as Israeli drones hit Gaza in major operation",
                                  "Israeli army launches strikes in Gaza, four Palestinians killed"])
def test_a_headline_count_killed_is_the_victims(nlp: Language, um: PartyMatcher, text: str) -> None:
    _, acts = _acts(nlp, text, um)
    assert not any(action == "kill" and actor not in (None, "unknown") for actor, action, _ in acts), acts


def test_forcing_a_way_into_a_territory_is_an_attack(nlp: Language, um: PartyMatcher) -> None:
    _, acts = _acts(nlp, "A Ukrainian sabotage group tried to break into the territory of the Kursk region.", um)
    assert ("ukraine", "attack", False) in acts
    _, acts = _acts(nlp, "Protesters broke into the building.", um)
    assert acts == []
