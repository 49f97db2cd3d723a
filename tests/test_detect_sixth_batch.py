"""Rules found on the three events added to the benchmark in the first session of 2026-12-06 (tests/realcov: an
intercept over the sea, a second front opened the day after a war began, rockets after clashes at a holy site),
each on sentences written for the test, with cases where each rule must not fire (a reviewer's among them)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from rashomon.detect.sentence import analyse_article
from detect_events import load_event_text
from rashomon.sources import Event

FRONT_TOML = """
id = "front-2023-10-08"
title = "A second front"
window_start = 2023-10-08T00:00:00Z
window_end = 2023-10-10T00:00:00Z
keywords = ["front"]

[[parties]]
id = "northland"
name = "Northland"
aliases = ["Northland", "Northlandish", "Northlandish army"]

[[parties]]
id = "hillmen"
name = "Hillmen"
aliases = ["Hillmen", "Hill militia"]

[[parties]]
id = "rivermen"
name = "Rivermen"
aliases = ["Rivermen", "River movement"]
"""


@pytest.fixture(scope="module")
def front(tmp_path_factory) -> Event:
    return load_event_text(tmp_path_factory, FRONT_TOML)


def _acts(text: str, event: Event, nlp: Language):
    return analyse_article([text], event, nlp=nlp)[0].acts


def _background(acts, actor: str) -> set[bool]:
    return {a.background for a in acts if a.actor == actor}


@pytest.mark.parametrize("text", [
    "Northland struck the port on Saturday, one day after a drone attack by the Rivermen killed a man in the capital.",
    "The strike left the depot in flames, a day after the Rivermen carried out their first deadly attack on Northland.",
    "Northland traded fire with the Hillmen on Sunday, raising fears of a wider war, a day after an unprecedented "
    "attack on Northland by the Rivermen.",
])
def test_an_act_a_day_before_the_act_set_after_it_is_another_incident(nlp: Language, front: Event, text: str) -> None:
    """GUIDE §10.3: "X did A, a day after Y's attack" puts Y's attack on another day: another incident, not this
    event's start (the outlet does not call A a response)."""
    acts = _acts(text, front, nlp)
    assert _background(acts, "rivermen") == {True}, acts


@pytest.mark.parametrize("text", [
    # a statement about the event, made a day after it: the act is the event itself
    "Northland said it had always held the valley, a day after the Rivermen killed 20 of its soldiers.",
    "His claim came a day after the Rivermen attacked Northlandish posts.",
    # hours, not a day: the same fighting
    "Northland struck the port, hours after a drone attack by the Rivermen killed a man.",
    # a reviewer's case: the later act on the window's second day (Monday), so the earlier one on its first
    "Northland pounded the port on Monday, a day after the Rivermen fired rockets at the capital.",
])
def test_a_statement_a_day_after_the_act_or_an_act_hours_after_it_keeps_it(
        nlp: Language, front: Event, text: str) -> None:
    acts = _acts(text, front, nlp)
    assert False in _background(acts, "rivermen"), acts


SECOND_FRONT_TOML = """
id = "second-front-2023-10-08"
title = "A second front opens"
window_start = 2023-10-08T00:00:00Z
window_end = 2023-10-10T00:00:00Z
keywords = ["front"]

[[parties]]
id = "israel"
name = "Israel"
aliases = ["Israel", "Israelis"]

[[parties]]
id = "hezbollah"
name = "Hezbollah"
aliases = ["Hezbollah"]

[[parties]]
id = "hamas"
name = "Hamas"
aliases = ["Hamas"]
"""


def test_a_bare_after_hung_on_day_still_sets_the_earlier_act_apart(nlp: Language, tmp_path_factory) -> None:
    # a verb after the act noun makes the parser hang a bare "after" on "a day" (benchmark dev split): the attack of
    # the day before is still another incident, not this front's start
    event = load_event_text(tmp_path_factory, SECOND_FRONT_TOML)
    acts = _acts("Israel traded fire with Hezbollah on Sunday, raising the prospect of a wider regional conflict, "
                 "a day after a surprise attack on southern Israel by Hamas killed at least 250 Israelis.", event, nlp)
    assert _background(acts, "hamas") == {True}, acts
