"""A running toll of a longer span than the event is no figure of the event (detect/war_totals.py), and "A further
31 people" counts 31, not also one (detect/numbers.py). Wordings found on the benchmark's dev split and by two
reviews; every sentence is written for the test, about invented countries."""

from __future__ import annotations

import pytest
from spacy.language import Language

from rashomon.detect.sentence import analyse
from rashomon.sources import Event

from detect_events import load_event_text
from test_detect_casualty_readings import EVENT_TOML, _counts


@pytest.fixture(scope="module")
def event(tmp_path_factory) -> Event:
    return load_event_text(tmp_path_factory, EVENT_TOML)


@pytest.mark.parametrize("text, want", [
    ("Nearly 39,700 people have been killed in the Dravenian onslaught against Valoria since last October.", []),
    ("Almost 185 Valorians have been killed by Dravenian forces since the start of this year, the ministry said.", []),
    ("The border dispute has set off periodic skirmishes and at least twelve deaths in recent years.", []),
    # (another incident, set apart by "since … when": in_earlier_incident)
    ("The strike was the deadliest on Valoria since September 2022, when 32 people were killed at a bus station.", []),
])
def test_a_toll_of_a_longer_span_is_no_figure_of_the_event(nlp: Language, event: Event, text: str, want) -> None:
    assert _counts(nlp, text, event) == want


@pytest.mark.parametrize("text, want", [
    ("At least 14 people have been killed in the fighting since yesterday.", [("killed", 14)]),
    ("At least 50 people have been killed since last week.", [("killed", 50)]),
    ("Since the fighting began on Sunday, 30 Valorian soldiers have died.", [("dead", 30)]),
    ("Valoria said 84 of its soldiers have been killed since the war broke out two days ago.", [("killed", 84)]),
    # the event may open the war or be the conflict: its toll "since the war began" is its own
    ("Since the war began, 23 Valorian soldiers have been killed.", [("killed", 23)]),
    ("Valoria said 24 of its citizens were killed in the conflict with Dravenia.", [("killed", 24)]),
    ("The death toll in the conflict has risen to 94, officials said.", [("dead", 94)]),
    # a "since" dated by a year may be the event's own day (the window is not known to the count)
    ("Valoria said 105 of its soldiers had been killed since the fighting erupted on Sept. 13, 2022.",
     [("killed", 105)]),
    ("Since New Year's Eve, 89 Valorian soldiers have been killed.", [("killed", 89)]),
    ("Valoria says 49 of its soldiers have died since Dravenia attacked, in the worst violation of the 2020 truce.",
     [("dead", 49)]),
    # a "since" or "in recent years" of a comparison is no span of the count
    ("At least 49 Valorian soldiers were killed in the worst fighting in recent years.", [("killed", 49)]),
    ("Twenty Valorian soldiers were killed in the deadliest clash in the past 45 years.", [("killed", 20)]),
    ("At least 16 people have been killed in the worst fighting since 2016.", [("killed", 16)]),
    ("At least 16 people have been killed, the heaviest toll since 2016.", [("killed", 16)]),
    ("The Dravenian strike killed 20 people, the deadliest since the war began.", [("killed", 20)]),
    ("The Dravenian army said 200 Valorian troops were killed in the offensive since it began.", [("killed", 200)]),
])
def test_the_events_own_toll_stays_a_figure(nlp: Language, event: Event, text: str, want) -> None:
    assert _counts(nlp, text, event) == want


@pytest.mark.parametrize("text, want", [
    ("A further 31 people were also wounded in the shelling of Valoria, the prosecutor's office said.",
     [("wounded", 31)]),
    ("A further 108 people, 15 children among them, were injured.", [("wounded", 108)]),
    ("A Valorian soldier was killed in the shelling.", [("killed", 1)]),
])
def test_a_before_a_counted_noun_is_no_count_of_one(nlp: Language, event: Event, text: str, want) -> None:
    assert _counts(nlp, text, event) == want


def test_prisoners_of_war_are_no_war_toll(nlp: Language, event: Event) -> None:
    assert _counts(nlp, "Valoria said 30 prisoners of war were killed in the blast.", event) == [("killed", 30)]


@pytest.mark.parametrize("text, want", [
    # a comparison's span ("the deadliest … since … two years ago") does not date the sentence's count
    ("The strike killed at least 20 people in Valoria, the deadliest attack on the city since the war started two "
     "years ago.", ["killed"]),
    # a toll counted since then stays dated by it, wherever a word ends in "-est"
    ("Dravenian strikes have killed 10,000 civilians in the west since the invasion two years ago.", ["other"]),
    ("Amid the latest talks, Dravenian strikes have killed 10,000 civilians since the invasion two years ago.",
     ["other"]),
])
def test_a_comparison_since_years_ago_does_not_date_the_count(nlp: Language, event: Event, text: str, want) -> None:
    assert [c.quantity for c in analyse(text, event, nlp=nlp).numbers] == want
