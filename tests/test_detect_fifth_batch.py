"""Rules found on the three reprisal events added to the benchmark in the fifth session of 2026-12-05
(tests/realcov), each on sentences written for the test, with a reviewer's cases where each rule must not fire: what
a response answers, an act named after the first of two conjoined nouns, an attack said to be imminent, the party
"the X-backed rebels" names, a headline's "DEVELOPING:" label and "Name on topic:" speaker, a dateline joined by a
bare dash, an act done continually, a retaliation phrase hung on the object."""

from __future__ import annotations

import pytest
from spacy.language import Language

from rashomon.analysis import headline_as_sentence
from rashomon.detect.parties import PartyMatcher
from rashomon.detect.sentence import analyse_article
from detect_events import load_event_text
from rashomon.sources import Event

REPRISAL_TOML = """
id = "reprisal-2024-07-20"
title = "Strikes on a port"
window_start = 2024-07-20T00:00:00Z
window_end = 2024-07-22T00:00:00Z
keywords = ["port"]

[[parties]]
id = "northland"
name = "Northland"
aliases = ["Northland", "Northlandish", "Northlandish military"]

[[parties]]
id = "rivermen"
name = "Rivermen"
aliases = ["Rivermen", "River movement", "River rebels"]

[[parties]]
id = "southland"
name = "Southland"
aliases = ["Southland", "Southlandish"]
"""


@pytest.fixture(scope="module")
def reprisal(tmp_path_factory) -> Event:
    return load_event_text(tmp_path_factory, REPRISAL_TOML)


def _one(text: str, event: Event, nlp: Language):
    return analyse_article([text], event, nlp=nlp)[0]


def _acts(an, action: str) -> set[str]:
    return {a.actor for a in an.acts if a.action == action}


def test_what_a_retaliation_answers_is_the_other_side_s_act(nlp: Language, reprisal: Event) -> None:
    an = _one("On Tuesday Southland fired missiles at Northland, retaliating for the Northlandish campaign against "
              "the Rivermen.", reprisal, nlp)
    assert "northland" in _acts(an, "attack"), an.acts   # the campaign answered, an act of Northland's
    # a campaign that nothing answers is no act, nor one answered that has no target (a reviewer's cases)
    for text in ("Northland began a campaign for the election on Tuesday.",
                 "In response to Northland's diplomatic campaign at the UN, Southland called an emergency session.",
                 "Southland responded to the Northlandish step by recalling its ambassador."):
        an = _one(text, reprisal, nlp)
        assert not any(a.actor == "northland" for a in an.acts), (text, an.acts)


def test_a_possessor_before_two_conjoined_nouns_is_the_act_s_actor(nlp: Language, ukraine: Event) -> None:
    # parsed with "offensive" a conjunct of "air", which holds the possessor
    an = _one("Moscow launched its missile salvo to retaliate for Israel's air and ground offensive against Hamas "
              "allies in Gaza.", ukraine, nlp)
    assert "israel" in _acts(an, "attack"), an.acts
    # not over a conjunct that is a thing of its own ("Ukraine's president and the strikes on Kyiv")
    an = _one("Ukraine's president and the strikes on Kyiv were the focus of the talks.", ukraine, nlp)
    assert not any(a.actor == "ukraine" for a in an.acts), an.acts


@pytest.mark.parametrize("text", [
    "A direct Northlandish attack on Southland is now imminent, analysts said.",
    "A Northlandish strike on the port is likely.",
])
def test_an_attack_said_to_be_imminent_has_not_happened(nlp: Language, reprisal: Event, text: str) -> None:
    an = _one(text, reprisal, nlp)
    assert all(a.irrealis for a in an.acts if a.actor == "northland"), an.acts
    assert an.own_initiator is None


@pytest.mark.parametrize("text", [
    "The Northlandish attack on the port was heavy.",
    "The Northlandish attack on the port was likely the largest since the spring.",   # a reviewer's case
])
def test_an_attack_that_was_heavy_has_happened(nlp: Language, reprisal: Event, text: str) -> None:
    an = _one(text, reprisal, nlp)
    assert any(a.actor == "northland" and not a.irrealis for a in an.acts), an.acts


def test_the_backed_rebels_are_the_party_whose_alias_ends_so(nlp: Language, reprisal: Event) -> None:
    an = _one("Northlandish jets bombed the port a day after a drone attack by the Southland-backed rebels killed a "
              "man.", reprisal, nlp)
    assert "rivermen" in _acts(an, "attack") and "southland" not in {a.actor for a in an.acts}, an.acts
    matcher = PartyMatcher(reprisal.parties)
    assert matcher.party_by_head("rebels", besides="southland") == "rivermen"
    assert matcher.party_by_head("military", besides="rivermen") == "northland"
    assert matcher.party_by_head("troops", besides="southland") is None   # no party's alias ends so: the backer's
    an = _one("A drone attack by Southland-backed troops killed a man.", reprisal, nlp)
    assert "southland" in _acts(an, "attack"), an.acts
    # the noun "Southland-backed" modifies, not the next word that ends an alias (a reviewer's case)
    an = _one("Southland-backed militias attacked rebels near the port on Tuesday.", reprisal, nlp)
    assert "southland" in _acts(an, "attack"), an.acts


@pytest.mark.parametrize("title", ["DEVELOPING: Northland pounds the port", "Just in: Northland pounds the port"])
def test_a_headline_label_is_no_source(title: str) -> None:
    assert headline_as_sentence(title) == "Northland pounds the port"


def test_a_dateline_joined_by_a_dash_is_not_who_acted(nlp: Language, ukraine: Event) -> None:
    an = _one("KYIV, Ukraine—Russia launched cruise missiles at cities across Ukraine on Monday, knocking out power.",
              ukraine, nlp)
    assert an.own_initiator == "russia", an.acts


@pytest.mark.parametrize("title, said", [
    ("Zelensky on Putin strikes: Russia trying to wipe us off the map",
     "Zelensky said Russia trying to wipe us off the map."),
    ("Strikes on Kyiv: what we know", "Strikes on Kyiv: what we know"),          # a topic, no speaker
    ("Explainer on the war: how it began", "Explainer on the war: how it began"),  # a label, no speaker
    ("Ukraine on alert: Russia fires dozens of missiles", "Ukraine on alert: Russia fires dozens of missiles"),
])
def test_a_person_named_before_on_and_a_colon_speaks(title: str, said: str) -> None:
    assert headline_as_sentence(title) == said


def test_an_act_done_continually_is_a_practice_not_this_event(nlp: Language, ukraine: Event) -> None:
    an = _one('Nor does Kyiv stop short of "nuclear terrorism", continually attacking the nuclear power plant.',
              ukraine, nlp)
    assert all(a.background for a in an.acts if a.actor == "ukraine"), an.acts
    for text in ("Russian forces repeatedly shelled the town on Tuesday.",   # dated, and one night's act
                 "Russian forces repeatedly shelled Kherson overnight, killing three civilians."):
        an = _one(text, ukraine, nlp)
        assert an.own_initiator == "russia", (text, an.acts)


def test_a_retaliation_phrase_hung_on_the_object_makes_the_act_a_response(nlp: Language, reprisal: Event) -> None:
    an = _one("Northlandish jets pound Southland's oil depot in retaliation for the Rivermen drone attack.",
              reprisal, nlp)
    assert any(a.actor == "northland" for a in an.acts), an.acts
    assert not any(a.initiating for a in an.acts if a.actor == "northland"), an.acts
    assert an.own_initiator != "northland"
