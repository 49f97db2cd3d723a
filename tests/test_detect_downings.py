"""An aircraft shot down, in an event about its downing, is the event's act (detect/downing.py): the verb "down", the
nouns "downing"/"shootdown", and "shot down" with a manned aircraft as object, read as a source's blame of whoever
brought it down, never as an own-voice verdict; drones shot down, and any downing in an event about something else,
stay defensive. With them, two blame idioms that gave nothing (blame_on.blame_lies_with, blame_drafts._authored):
"the responsibility lies with X", "it was carried out by X". Sentences written for these tests; fictional parties."""

from __future__ import annotations

import pytest
from spacy.language import Language

from detect_events import load_event_text
from rashomon.detect.downing import aircraft_event
from rashomon.detect.sentence import analyse_article
from rashomon.sources import Event

_PARTIES = """
[[parties]]
id = "northland"
name = "Northland"
aliases = ["Northland", "Northlandish", "Northlandish air force"]

[[parties]]
id = "southland"
name = "Southland"
aliases = ["Southland", "Southlandish", "Southlandish army"]
"""
JET_TOML = """
id = "jet-2023-10-08"
title = "A jet shot down"
window_start = 2023-10-08T00:00:00Z
window_end = 2023-10-10T00:00:00Z
keywords = ["Southlandish jet", "warplane", "shot down"]
""" + _PARTIES
DRONES_TOML = """
id = "drones-2023-10-08"
title = "Drones over the border"
window_start = 2023-10-08T00:00:00Z
window_end = 2023-10-10T00:00:00Z
keywords = ["drone", "airspace", "shot down"]
""" + _PARTIES


@pytest.fixture(scope="module")
def jet(tmp_path_factory) -> Event:
    return load_event_text(tmp_path_factory, JET_TOML)


@pytest.fixture(scope="module")
def drones(tmp_path_factory) -> Event:
    return load_event_text(tmp_path_factory, DRONES_TOML)


def _one(text: str, event: Event, nlp: Language):
    return analyse_article([text], event, nlp=nlp)[0]


def test_an_event_about_an_aircraft_is_told_by_its_keywords(jet: Event, drones: Event) -> None:
    assert aircraft_event(jet.keywords) and aircraft_event(("Su-24",)) and aircraft_event(("Malaysian airliner",))
    assert not aircraft_event(drones.keywords) and not aircraft_event(("Black Sea", "MQ-9 drone"))
    assert not aircraft_event(("Hamas fighters",)) and not aircraft_event(("drone", "unmanned aircraft"))


@pytest.mark.parametrize("text", [
    "Southland accused Northland of having shot down one of its fighter jets.",
    "Northland's downing of the Southlandish Su-24 was a stab in the back, Southland said.",
    "Southland said a Northlandish missile downed the warplane.",
    "Southland said the jet was downed by Northlandish fighters.",
    "Northland's actions in downing the Southlandish plane were criminal, Southland said.",
])
def test_a_source_blames_whoever_downed_the_aircraft(nlp: Language, jet: Event, text: str) -> None:
    a = _one(text, jet, nlp)
    assert a.voice.attributed_party == "southland"
    assert a.reported_initiator == "northland", a.acts


def test_a_downing_in_the_outlets_own_voice_is_no_verdict(nlp: Language, jet: Event) -> None:
    # that Northland shot it down is seldom in dispute; whether it was provoked is the verdict's question
    a = _one("Northland shot down a Southlandish warplane near the border on Tuesday.", jet, nlp)
    assert a.own_initiator is None
    assert [(x.actor, x.action, x.initiating) for x in a.acts] == [("northland", "down", True)]


@pytest.mark.parametrize("text", [
    "Southland said Northland shot down several Southlandish drones over the border.",   # drones, not an aircraft
    "Southland said Northland denied shooting down the jet.",                             # denied
    "Southland said Northland shot down an unmanned aircraft over the border.",           # no manned aircraft
    "Northlandish jets have shot down no Southlandish planes, Southland said.",           # none
])
def test_drones_shot_down_and_a_denied_downing_blame_no_one(nlp: Language, jet: Event, text: str) -> None:
    assert _one(text, jet, nlp).reported_initiator is None


def test_an_aircraft_shot_down_in_another_event_stays_defensive(nlp: Language, drones: Event) -> None:
    a = _one("Southland said Northland shot down a Southlandish jet over the border.", drones, nlp)
    assert a.reported_initiator is None and all(x.action != "down" for x in a.acts)


@pytest.mark.parametrize(("text", "blamed"), [
    ("Southland said the responsibility lay with both Northland and its allies.", "northland"),
    ("Southland said the responsibility for this crime lies with Northland.", "northland"),
    # a duty, not blame (a review's cases)
    ("Responsibility for the security of the border lies with Northland, Southland said.", None),
    ("Southland said the responsibility to de-escalate lies with Northland.", None),
    ("“The responsibility lies entirely with Northland,” the Southlandish army said.", "northland"),
    ("The blame rests on Northland, Southland said.", "northland"),
    ("Southland said the responsibility does not lie with Northland.", None),       # denied
    ("Southland said the responsibility for the attack lies on Thursday's talks.", None),   # no party
])
def test_the_responsibility_lies_with(nlp: Language, jet: Event, text: str, blamed: str | None) -> None:
    assert _one(text, jet, nlp).reported_initiator == blamed


@pytest.mark.parametrize(("text", "blamed"), [
    ("While we are still gathering the facts of this attack, we know it was carried out by the Northlandish air "
     "force, the Southlandish army said.", "northland"),
    ("Southland said the blast was carried out by Northland.", "northland"),
    ("Northland said it was not carried out by Northland.", None),                 # denied
    ("Southland said it was carried out in the early hours.", None),               # no author
    ("Southland said it was caused by a technical fault.", None),                  # no party
])
def test_it_was_carried_out_by(nlp: Language, jet: Event, text: str, blamed: str | None) -> None:
    assert _one(text, jet, nlp).reported_initiator == blamed


@pytest.mark.parametrize("sentences", [
    # "it" for what another sentence names, or a verb of organising: no author of an attack (a review's cases)
    ["The investigation into the crash was completed within a week.",
     "It was carried out by Northland, Southland said."],
    ["A memorial ceremony for the victims was held on Friday.", "It was organised by Northland, Southland said."],
    ["The Southlandish army said it was carried out by Northland."],
])
def test_it_without_an_attack_named_before_it_in_the_sentence_is_no_author(
        nlp: Language, jet: Event, sentences: list[str]) -> None:
    out = analyse_article(sentences, jet, nlp=nlp)
    assert all(a.reported_initiator is None and a.own_initiator is None for a in out)


def test_a_downing_said_in_the_outlets_own_voice_is_no_card_against_another_act(nlp: Language, jet: Event) -> None:
    # (a review's case) the downing is no own-voice initiator, so no self-contradiction with the violation it answers
    from rashomon.detect.selfcheck import self_contradictions
    out = analyse_article(["Northlandish fighters shot down a Southlandish warplane near the border on Tuesday.",
                           "The Southlandish jet had violated Northlandish airspace ten times in five minutes."], jet,
                          nlp=nlp)
    assert out[0].initiator is None
    assert not self_contradictions(out, jet)
