"""Political initiation (political.py, rules as data in political_acts.toml): who brings an office-holder down, read
on sentences written for the test about a fictional party-leadership fight; and the party-mention fixes it needed."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from rashomon.detect import extract_acts
from rashomon.detect.initiator import initiator_of
from rashomon.detect.parties import PartyMatcher
from rashomon.detect.political import load_political_words
from rashomon.detect.voice import analyse_voice_detail
from rashomon.sources import Event, load_event

LEADERSHIP_TOML = """
id = "leader-removed-2024-03-05"
title = "Party conference removes its chair Ann Holt"
summary = "A rebel wing forced a vote that removed the chair."
window_start = 2024-03-04T00:00:00Z
window_end = 2024-03-08T00:00:00Z
keywords = ["Holt", "Varga"]

[[parties]]
id = "holt_camp"
name = "Ann Holt and her allies"
aliases = ["Holt", "Ann Holt", "Chair Holt"]

[[parties]]
id = "rebels"
name = "Peter Varga and the rebel wing"
aliases = ["Varga", "Peter Varga", "hard-left delegates", "rebel wing"]

[[parties]]
id = "greens"
name = "The Green caucus"
aliases = ["Greens", "Green", "Green caucus"]
"""


@pytest.fixture(scope="module")
def leadership(tmp_path_factory: pytest.TempPathFactory) -> Event:
    folder = Path(tmp_path_factory.mktemp("events")) / "leader-removed-2024-03-05"
    folder.mkdir()
    (folder / "event.toml").write_text(LEADERSHIP_TOML, encoding="utf-8")
    return load_event(folder)


@pytest.fixture(scope="module")
def lm(leadership: Event) -> PartyMatcher:
    return PartyMatcher(leadership.parties)


def _acts(nlp: Language, text: str, matcher: PartyMatcher):
    s = nlp(text)[:]
    voice, scope = analyse_voice_detail(s, matcher, None)
    return voice, extract_acts(s, matcher, event_year=2024, voice=voice, reported_tokens=scope)


@pytest.mark.parametrize("text", [
    "Peter Varga submitted a motion to remove Holt as chair on Monday.",
    "The hard-left delegates who engineered her removal refused to negotiate on Friday.",
    "Varga, the chair's fiercest critic, orchestrated the snap vote on the motion to vacate.",
    "Varga used Green votes to oust Holt.",
    "Holt was pushed out of the chair's job in a bitter revolt by the hard-left delegates.",
    "Green Party veteran Peter Varga, who filed the petition to unseat the party chairwoman, spoke first.",
    "Green caucus member Peter Varga filed the motion to remove Holt.",   # the head names the actor, not a modifier
])
def test_who_brings_the_office_holder_down(nlp: Language, lm: PartyMatcher, text: str) -> None:
    voice, acts = _acts(nlp, text, lm)
    assert not voice.attributed
    assert initiator_of(acts) == "rebels"
    assert {a.action for a in acts if a.actor == "rebels"} == {"oust"}


@pytest.mark.parametrize("text", [
    "The removal of the rubble took three days.",                   # no office-holder removed
    "Varga did not vote to remove Holt.",                           # negated
    "Varga said he would vote to remove Holt.",                     # not done yet
    "The Greens removed the banner from the hall.",
    "Holt was removed as chair on Tuesday.",                        # agentless passive: no author named
])
def test_no_political_verdict(nlp: Language, lm: PartyMatcher, text: str) -> None:
    _, acts = _acts(nlp, text, lm)
    assert initiator_of([a for a in acts if not a.reported]) is None


def test_an_attributed_removal_is_the_source_s_claim(nlp: Language, lm: PartyMatcher) -> None:
    voice, acts = _acts(nlp, "Holt said Varga had plotted her removal for months.", lm)
    assert voice.attributed_party == "holt_camp"
    assert [(a.actor, a.reported) for a in acts if a.action == "oust"] == [("rebels", True)]


def test_a_clause_before_a_semicolon_is_not_the_speaker_s(nlp: Language, lm: PartyMatcher) -> None:
    _, acts = _acts(nlp, "Nine delegates of the rebel wing voted to remove Holt; the Greens had pledged to abstain.", lm)
    assert [(a.actor, a.reported) for a in acts] == [("rebels", False)]


def test_the_words_are_data() -> None:
    words = load_political_words()
    assert {"oust", "topple"} <= words.removal_verbs and "motion" in words.move_nouns


@pytest.mark.parametrize("text", [
    "The Greens joined the hard-left delegates to topple her in the vote.",   # joining another's move
    "The Greens will happily help Varga oust any chair he dislikes.",          # not done yet (bare infinitive)
])
def test_joining_or_helping_later_is_not_starting(nlp: Language, lm: PartyMatcher, text: str) -> None:
    _, acts = _acts(nlp, text, lm)
    assert "greens" not in {a.actor for a in acts if a.initiating}
    assert initiator_of(acts) != "greens"


def test_as_someone_pointed_out_is_the_outlet_s_own_voice(nlp: Language, lm: PartyMatcher) -> None:
    voice, acts = _acts(nlp, "As our reporter pointed out, Varga filed the motion to remove Holt.", lm)
    assert not voice.attributed
    assert initiator_of([a for a in acts if not a.reported]) == "rebels"


def test_driving_troops_out_is_no_removal_from_office(nlp: Language, lm: PartyMatcher) -> None:
    _, acts = _acts(nlp, "The rebel wing's militia pushed the Green units out of the square.", lm)
    assert "oust" not in {a.action for a in acts}
