"""An act a source condemns or defends is stated by the outlet (detect/presupposed.py, GUIDE §10.1): "Dravenian VP
condemns Valorian attack on border troops" is Dravenia's blame and the outlet's own statement that Valoria attacked.
A hedged act or one inside a called phrase stays the source's. Every sentence is written for the test, about
invented countries."""

from __future__ import annotations

import pytest
from spacy.language import Language

from rashomon.detect.sentence import analyse
from rashomon.sources import Event, load_event

EVENT_TOML = """
id = "valoria-2024-03-01"
title = "Clash on the border"
window_start = 2024-03-01T00:00:00Z
window_end = 2024-03-04T00:00:00Z
keywords = ["Valoria"]

[[parties]]
id = "valoria"
name = "Valoria"
aliases = ["Valoria", "Valorian", "Valorian army"]

[[parties]]
id = "dravenia"
name = "Dravenia"
aliases = ["Dravenia", "Dravenian", "Dravenian army"]

[[parties]]
id = "ostria"
name = "Ostria"
aliases = ["Ostria", "Ostrian"]
"""


@pytest.fixture(scope="module")
def event(tmp_path_factory) -> Event:
    folder = tmp_path_factory.mktemp("events") / "valoria-2024-03-01"
    folder.mkdir()
    (folder / "event.toml").write_text(EVENT_TOML, encoding="utf-8")
    return load_event(folder)


@pytest.mark.parametrize("text", [
    "Ostrian VP condemns Valorian attack on border troops",
    "On Monday the Ostrian vice president strongly condemned a deadly attack carried out at the weekend by the "
    "Valorian army on Dravenian troops.",
    "Ostrian senators condemn Valoria's reckless downing of a Dravenian drone",
])
def test_a_condemned_act_is_the_outlets_statement_and_the_sources_blame(nlp: Language, event: Event,
                                                                         text: str) -> None:
    an = analyse(nlp(text)[:], event)
    assert an.voice.voice == "attributed"
    assert (an.own_initiator, an.reported_initiator) == ("valoria", "valoria")


@pytest.mark.parametrize("text", [
    "Ostria condemned the alleged Valorian attack on Dravenian troops.",
    "Ostria condemned what it called a Valorian attack on Dravenian troops.",
    "Ostria said the Valorian army attacked Dravenian troops.",
    "Ostria denounced claims that the Valorian army attacked Dravenian troops.",
])
def test_a_hedged_or_claimed_act_stays_the_sources(nlp: Language, event: Event, text: str) -> None:
    an = analyse(nlp(text)[:], event)
    assert an.own_initiator is None
