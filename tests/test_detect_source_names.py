"""Sources named the way pages name them: an alias written with a curly apostrophe ("Lebanon’s government" for the
alias "Lebanon's government", detect/parties.py), "the group said" after a group named as the source
(source_names.names_the_group_again), and a party whose name holds its institution named once ("Lebanese
government", not "Lebanese government government"). Sentences written for these tests; fictional parties."""

from __future__ import annotations

import pytest
from spacy.language import Language

from detect_events import load_event_text
from rashomon.detect.parties import PartyMatcher
from rashomon.detect.sentence import analyse_article
from rashomon.sources import Event

TOML = """
id = "names-2023-10-08"
title = "Sources"
window_start = 2023-10-08T00:00:00Z
window_end = 2023-10-10T00:00:00Z
keywords = ["border"]

[[parties]]
id = "northland"
name = "Northlandish government"
aliases = ["Northland's government", "Northlandish government"]

[[parties]]
id = "hillmen"
name = "Hillmen"
aliases = ["Hillmen", "Hill militia"]

[[parties]]
id = "southland"
name = "Southland"
aliases = ["Southland", "Southlandish"]
"""


@pytest.fixture(scope="module")
def event(tmp_path_factory) -> Event:
    return load_event_text(tmp_path_factory, TOML)


@pytest.mark.parametrize("apostrophe", ["'", "\u2019", "\u2018", "\u02bc"])
def test_an_alias_matches_whichever_apostrophe_the_page_writes(event: Event, apostrophe: str) -> None:
    text = f"Northland{apostrophe}s government blamed Southland."
    found = PartyMatcher(event.parties).find_all(text)
    assert [(m.party_id, m.alias) for m in found] == [("northland", text[:22]), ("southland", "Southland")]


def test_the_source_named_with_a_curly_apostrophe_has_its_party_named_once(nlp: Language, event: Event) -> None:
    a = analyse_article(["Northland\u2019s government has blamed Southland for the attack."], event, nlp=nlp)[0]
    assert (a.voice.attributed_party, a.voice.attributed_to) == ("northland", "Northlandish government")
    assert a.reported_initiator == "southland"


def test_the_group_said_is_the_group_named_before(nlp: Language, event: Event) -> None:
    out = analyse_article(["The Hill militia blamed Southland for the attack on its positions.",
                           "\u201cWe hold Southland fully responsible for this aggression,\u201d the group said."],
                          event, nlp=nlp)
    assert out[1].voice.attributed_party == "hillmen" and out[1].reported_initiator == "southland"


@pytest.mark.parametrize("second", [
    "An armed group in the south said it had fired on Southland.",   # a group of its own words: another one
    "The group said it had fired on Southland.",                     # no source before it with a party
])
def test_a_group_that_is_not_the_one_named_before(nlp: Language, event: Event, second: str) -> None:
    first = ("The Hill militia blamed Southland for the attack." if second.startswith("An")
             else "Witnesses said the shooting lasted an hour.")
    assert analyse_article([first, second], event, nlp=nlp)[1].voice.attributed_party is None
