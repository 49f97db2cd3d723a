"""Sources named the way pages name them: an alias written with a curly apostrophe ("Lebanon’s government" for the
alias "Lebanon's government", detect/parties.py), and a party whose name holds its institution named once ("Lebanese
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
