"""Where an act happened is not who did it: a party named before a place or facility in the act noun's compound
("Ukraine train station attack") is the place; "Russian missile attack" still names the attacker. Sentences written
for the test; found on the benchmark's Kramatorsk event (dev)."""

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


def _actors(nlp: Language, text: str, matcher: PartyMatcher) -> set[str | None]:
    s = nlp(text)[:]
    voice, scope = analyse_voice_detail(s, matcher, None)
    return {a.actor for a in extract_acts(s, matcher, event_year=2022, voice=voice, reported_tokens=scope)
            if a.action == "attack"}


@pytest.mark.parametrize("text", [
    "Ukraine train station attack leaves dozens dead.",
    "Ukraine hospital attack condemned by aid groups.",
])
def test_a_party_before_a_facility_is_where_not_who(nlp: Language, um: PartyMatcher, text: str) -> None:
    assert "ukraine" not in _actors(nlp, text, um)


def test_a_party_before_a_weapon_is_still_the_attacker(nlp: Language, um: PartyMatcher) -> None:
    assert "russia" in _actors(nlp, "Russian missile attack leaves dozens dead.", um)


def test_what_a_source_is_quoted_as_calling_is_its_claim(nlp: Language, um: PartyMatcher) -> None:
    s = nlp("A separatist commander agreed and was quoted by a news agency as calling the strike a Ukrainian "
            "provocation.")[:]
    voice, scope = analyse_voice_detail(s, um, None)
    acts = extract_acts(s, um, event_year=2022, voice=voice, reported_tokens=scope)
    assert acts and all(a.reported for a in acts if a.actor == "ukraine"), acts


@pytest.mark.parametrize("text, reported", [
    ("Russian troops were involved in the missile strike.", False),
    ("Kyiv claimed at once that Russia was involved in the incident.", True),
    ("Kyiv alleged that Russian troops were involved in the missile strike.", True),
])
def test_being_involved_in_an_attack_makes_one_its_author(nlp: Language, um: PartyMatcher, text: str,
                                                          reported: bool) -> None:
    s = nlp(text)[:]
    voice, scope = analyse_voice_detail(s, um, None)
    acts = [a for a in extract_acts(s, um, event_year=2022, voice=voice, reported_tokens=scope) if a.actor == "russia"]
    assert acts and all(a.reported == reported for a in acts), acts


def test_a_facility_hit_does_not_kill(nlp: Language, um: PartyMatcher) -> None:
    # "killing all inside" hangs on "annex": a building is never the one who kills
    s = nlp("Moscow destroys a Ukrainian army annex near the river killing all inside")[:]
    voice, scope = analyse_voice_detail(s, um, None)
    acts = extract_acts(s, um, event_year=2022, voice=voice, reported_tokens=scope)
    assert "ukraine" not in {a.actor for a in acts if a.action == "kill"}
