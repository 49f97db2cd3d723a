"""Political initiation (political.py, rules as data in political_acts.toml): who brings an office-holder down, read
on sentences written for the test about a fictional party-leadership fight; and the party-mention fixes it needed."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from rashomon.detect import extract_acts
from rashomon.detect.initiator import initiator_of
from rashomon.detect.parties import PartyMatcher
from rashomon import store
from rashomon.detect.compare import compare
from rashomon.detect.political import load_political_words
from rashomon.detect.selfcheck import self_contradictions
from rashomon.detect.sentence import analyse
from rashomon.detect.voice import analyse_voice_detail
from detect_events import load_event_text
from rashomon.sources import Event

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

[[parties]]
id = "labour"
name = "The Labour party"
aliases = ["Labour", "Labour delegates"]
"""
# the same event with the rebels declared a faction of Labour (event.toml `part_of`)
FACTION_TOML = LEADERSHIP_TOML.replace('aliases = ["Varga",', 'part_of = "labour"\naliases = ["Varga",').replace(
    'id = "leader-removed-2024-03-05"', 'id = "leader-removed-2024-03-06"')


@pytest.fixture(scope="module")
def leadership(tmp_path_factory: pytest.TempPathFactory) -> Event:
    return load_event_text(tmp_path_factory, LEADERSHIP_TOML)


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
    "Peter Varga turned on Holt after taking the gavel away from the chairwoman.",
    "On Tuesday the Motion to Vacate, spearheaded by Peter Varga, carried by 40 votes to 38.",   # read as a name
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
    "Varga took the leaflets away from the hall.",                  # nothing removable taken away
])
def test_no_political_verdict(nlp: Language, lm: PartyMatcher, text: str) -> None:
    _, acts = _acts(nlp, text, lm)
    assert initiator_of([a for a in acts if not a.reported]) is None


def test_an_attributed_removal_is_the_source_s_claim(nlp: Language, lm: PartyMatcher) -> None:
    voice, acts = _acts(nlp, "Holt said Varga had plotted her removal for months.", lm)
    assert voice.attributed_party == "holt_camp"
    assert [(a.actor, a.reported) for a in acts if a.action == "oust"] == [("rebels", True)]


def test_a_clause_before_a_semicolon_is_not_the_speaker_s(nlp: Language, lm: PartyMatcher) -> None:
    text = "Nine delegates of the rebel wing voted to remove Holt; the Greens had pledged to abstain."
    _, acts = _acts(nlp, text, lm)
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


@pytest.fixture(scope="module")
def factions(tmp_path_factory: pytest.TempPathFactory) -> Event:
    return load_event_text(tmp_path_factory, FACTION_TOML)


def test_a_faction_and_its_party_are_one_side(nlp: Language, factions: Event, leadership: Event) -> None:
    assert factions.party("rebels").part_of == "labour" and leadership.party("rebels").part_of is None
    assert factions.same_side("rebels", "labour") and factions.same_side("labour", "rebels")
    assert not factions.same_side("rebels", "holt_camp") and not leadership.same_side("rebels", "labour")
    texts = ["Labour delegates voted to remove Holt on Tuesday.", "Varga filed the motion to remove Holt."]
    for event, kinds in ((leadership, {"initiator"}), (factions, set())):
        a, b = (analyse(t, event, nlp=nlp) for t in texts)
        assert (a.initiator, b.initiator) == ("labour", "rebels")
        assert {d.kind for d in compare(a, b, event)} & {"initiator"} == kinds
        assert bool(self_contradictions([a, b], event)) == bool(kinds)


def test_one_voice_naming_a_party_and_its_faction_gives_the_faction(db: Path, factions: Event) -> None:
    import json
    from dataclasses import asdict

    with store.connect(db) as con:
        con.execute("insert into events (event_id, title, window_start, window_end, parties, updated_at) "
                    "values (?, 't', now(), now(), ?, now())",
                    [factions.id, json.dumps([asdict(p) for p in factions.parties])])
        con.execute("insert into articles (article_id, event_id, outlet_id, url, text, text_sha256, revision, "
                    "extracted_at) values ('a1', ?, 'paper', 'http://x/1', 't', 'h', 1, now())", [factions.id])
        for pos, party in ((0, "labour"), (1, "rebels"), (2, "rebels")):
            sid = f"a1-{pos}"
            con.execute("insert into sentences values (?, 'a1', ?, 'body', 't', 0, 1, 1, 'h', null)", [sid, pos])
            con.execute("insert into sentence_analysis (sentence_id, event_id, outlet_id, voice, hostile_act, "
                        "background, analysed_at) values (?, ?, 'paper', 'own', true, false, now())",
                        [sid, factions.id])
            con.execute("insert into sentence_initiators values (?, 'own', null, null, ?, 'oust', null)", [sid, party])
        rows = con.execute("select says_initiator from initiator_by_outlet where own_voice").fetchall()
        assert rows == [("rebels",)]
        assert con.execute("select part_of from event_parties where party_id = 'rebels'").fetchall() == [("labour",)]


def test_accused_of_an_act_driven_by_motives_is_the_accused_s(nlp: Language, lm: PartyMatcher) -> None:
    # "of" hangs on the accused; the act's "driven by personal motives" names no author
    voice, acts = _acts(nlp, "Holt has accused Peter Varga, who set the vote in motion, of an attack driven by "
                             "personal motives.", lm)
    assert voice.attributed_party == "holt_camp"
    assert [(a.actor, a.action, a.reported) for a in acts if a.action == "attack"] == [("rebels", "attack", True)]


def test_an_appeal_to_reconsider_is_no_act(nlp: Language, lm: PartyMatcher) -> None:
    _, acts = _acts(nlp, "Labour's whip appealed to the Greens to reconsider voting Holt out.", lm)
    assert initiator_of(acts) is None
