"""Casualty counts read from wordings found on the benchmark's dev split (detect/numbers.py, detect/voice_cues.py):
"No one was hurt" is a zero and no count of one; a bare figure the tagger takes for a date ("… and 32 had been
injured"); people "taken to hospital" are wounded; "a civilian" killed in an earlier attack that the sentence sets
apart is no figure of this event; "No one claimed responsibility" names no source; suspects arrested and held
people freed, exchanged, still held or only there are no figure; prisoners and their guards are two figures;
injuries suffered, people in hospital and people "among the dead" count. Every sentence is written for the test,
about invented countries (a reviewer's cases among them)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from rashomon.detect import extract_numbers
from rashomon.detect.parties import PartyMatcher
from rashomon.detect.sentence import analyse
from rashomon.sources import Event

from detect_events import load_event_text

EVENT_TOML = """
id = "valoria-2024-03-01"
title = "Strike on a market"
window_start = 2024-03-01T00:00:00Z
window_end = 2024-03-04T00:00:00Z
keywords = ["Valoria"]

[[parties]]
id = "valoria"
name = "Valoria"
aliases = ["Valoria", "Valorian army", "Valorian health ministry"]

[[parties]]
id = "dravenia"
name = "Dravenia"
aliases = ["Dravenia", "Dravenian army"]
"""


@pytest.fixture(scope="module")
def event(tmp_path_factory) -> Event:
    return load_event_text(tmp_path_factory, EVENT_TOML)


def _counts(nlp: Language, text: str, event: Event) -> list[tuple[str, float | None]]:
    return [(c.quantity, c.value) for c in extract_numbers(nlp(text)[:], PartyMatcher(event.parties))
            if c.quantity != "other"]


@pytest.mark.parametrize("text, want", [
    ("No one was hurt, but a warehouse in Valoria was destroyed.", [("wounded", 0)]),
    ("No one was killed in the blast, the Valorian army said.", [("killed", 0)]),
])
def test_no_one_is_a_zero_and_never_a_count_of_one(nlp: Language, event: Event, text: str, want) -> None:
    assert _counts(nlp, text, event) == want


@pytest.mark.parametrize("text, want", [
    ("The Valorian health ministry said 17 people had died and 32 had been injured.", [("dead", 17), ("wounded", 32)]),
    ("The Valorian health ministry said 32 had been injured.", [("wounded", 32)]),
])
def test_a_bare_figure_of_the_wounded_is_read_when_tagged_as_a_date(
        nlp: Language, event: Event, text: str, want) -> None:
    assert _counts(nlp, text, event) == want


def test_an_age_or_a_clock_time_is_still_no_count(nlp: Language, event: Event) -> None:
    assert _counts(nlp, "Ahmed, 12, was killed in the Dravenian strike on Valoria.", event) == []
    assert _counts(nlp, "By 2 pm, 30 had been wounded in Valoria.", event) == [("wounded", 30)]


@pytest.mark.parametrize("text, want", [
    ("Two people had been taken to hospital with gunshot wounds, the Valorian health ministry said.",
     [("wounded", 2)]),
    ("More than 100 people have been taken to hospitals in Valoria, mostly with shrapnel wounds.", [("wounded", 100)]),
    ("Five Valorian soldiers were rushed to a nearby hospital.", [("wounded", 5)]),
])
def test_people_taken_to_hospital_are_wounded(nlp: Language, event: Event, text: str, want) -> None:
    assert _counts(nlp, text, event) == want


@pytest.mark.parametrize("text, want", [
    ("Two people were taken to Ostrin for questioning.", []),
    ("Two people were taken to hospital staff for questioning.", []),
    ("The bodies of 20 people were taken to hospital in Valoria.", [("dead", 20)]),
    ("Two people were taken to hospital in Valoria, where they died.", []),
    ("Three firefighters were taken to hospital as a precaution.", []),
])
def test_taken_somewhere_else_or_dead_is_no_wounded(nlp: Language, event: Event, text: str, want) -> None:
    assert _counts(nlp, text, event) == want


def test_a_victim_of_an_earlier_attack_set_apart_by_after_is_no_figure(nlp: Language, event: Event) -> None:
    text = ("Dravenian warplanes bombed the Valorian port on Saturday, one day after a drone attack by Valoria "
            "killed a civilian in the Dravenian capital.")
    assert _counts(nlp, text, event) == []
    # the same wording with this event's victim stays a figure
    assert _counts(nlp, "A civilian was killed when Dravenian warplanes bombed the Valorian port.", event) == [
        ("killed", 1)]


@pytest.mark.parametrize("text", [
    "No one claimed responsibility for the attack on the Valorian port.",
    "No group has claimed responsibility for the blast.",
    "Neither side has claimed responsibility for the blast.",
    "Nobody said who fired the rockets.",
])
def test_a_negative_subject_of_a_speech_verb_is_no_source(nlp: Language, event: Event, text: str) -> None:
    an = analyse(nlp(text)[:], event)
    assert (an.voice.voice, an.voice.attributed_to) == ("own", None)


def test_a_source_after_a_negative_claim_still_speaks(nlp: Language, event: Event) -> None:
    an = analyse(nlp("No group has claimed responsibility for the blast, the Valorian army said.")[:],
                 event)
    assert an.voice.voice == "attributed" and an.voice.attributed_party == "valoria"


@pytest.mark.parametrize("text, want", [
    ("Valorian officials put the number killed at more than 60.", [("killed", 60)]),
    ("Early reports had put the number killed in the attack at 50.", [("killed", 50)]),
    ("The Valorian health ministry says the death toll has reached 82.", [("dead", 82)]),
    ("The number of rockets fired at Valoria reached 82.", []),
])
def test_a_toll_put_at_or_reaching_a_figure_is_read(nlp: Language, event: Event, text: str, want) -> None:
    assert _counts(nlp, text, event) == want


@pytest.mark.parametrize("text", [
    "Eleven people were detained, among them all four gunmen involved in the attack on Valoria.",
    "Dravenia said on Saturday it had arrested 11 people over the attack.",
    "The Valorian police reported five arrests linked to the attack.",
])
def test_suspects_arrested_over_an_attack_are_no_casualty_figure(nlp: Language, event: Event, text: str) -> None:
    assert _counts(nlp, text, event) == []


@pytest.mark.parametrize("text, want", [
    # held people freed, still held, or only there are no capture in the event
    ("Valorian forces rescue four hostages from a camp in Dravenia", []),
    ("Four hostages were rescued by Valorian forces from the camp.", []),
    ("Valorian forces on Saturday freed four hostages from the camp.", []),
    ("The operation ended with four hostages rescued from two separate buildings.", []),
    ("The three other freed hostages are in good medical condition.", []),
    ("The ministry said that 193 POWs were at the facility when the attack took place.", []),
    ("The ministry said that 193 POWs were being held at the facility when the attack came.", []),
    ("At the prison, which holds about 3,000 prisoners, there were scenes from hell.", []),
    # what is said of them besides: killed
    ("Dravenia: 40 Valorian POWs killed by Valorian missile strike on prison", [("killed", 40)]),
    # people taken in the event are captured
    ("Dravenian soldiers said that 35 Valorian soldiers had been taken prisoner.", [("captured", 35)]),
    ("Dravenian forces captured 12 Valorian soldiers near the border.", [("captured", 12)]),
    ("Gunmen abducted 20 villagers in Valoria.", [("captured", 20)]),
    ("Dravenian militants took 240 hostages during the raid.", [("captured", 240)]),
])
def test_held_people_are_captured_only_when_taken_in_the_event(nlp: Language, event: Event, text: str, want) -> None:
    assert _counts(nlp, text, event) == want


def test_the_held_and_their_guards_are_two_figures(nlp: Language, event: Event) -> None:
    assert _counts(nlp, "Dravenia said 40 prisoners and eight prison staff were killed.", event) == [
        ("killed", 40), ("killed", 8)]
    # people of one kind stay one figure
    assert _counts(nlp, "An officer and two soldiers were killed, the Valorian army said.", event) == [("killed", 3)]


@pytest.mark.parametrize("text, want", [
    ("Another 31 people suffered injuries of varying severity in Valoria.", [("wounded", 31)]),
    ("According to the Valorian army, a soldier sustained severe wounds in the incident.", [("wounded", 1)]),
    ("Two Valorian soldiers sustained fatal wounds.", [("dead", 2)]),
    ("The Valorian health ministry said that two children were among the dead.", [("dead", 2)]),
    ("The Valorian army suffered heavy losses.", []),
])
def test_injuries_suffered_and_people_among_the_dead_are_counted(nlp: Language, event: Event, text: str, want) -> None:
    assert _counts(nlp, text, event) == want


@pytest.mark.parametrize("text, want", [
    ("The Valorian health ministry said eight people were in hospital, some of them with gunshot wounds.",
     [("wounded", 8)]),
    ("About 300 patients were in the hospital when the missile hit.", []),   # a place, not a state
    ("The Valorian army has shot and killed a Dravenian reporter in the occupied town.", [("killed", 1)]),
    ("A Dravenian journalist and a cameraman were killed in the strike.", [("killed", 2)]),
    ("The health ministry said 13 Valorian nationals were killed and 134 others wounded.",
     [("killed", 13), ("wounded", 134)]),
    ("The Valorian army said it eliminated 19 Dravenian fighters in the strike.", [("killed", 19)]),
    ("The Valorian army said it eliminated the threat.", []),
    ("The Valorian army said it eliminated 20 targets in Dravenia.", []),
    ("Dravenian troops massacred 30 villagers in Valoria, witnesses said.", [("killed", 30)]),
])
def test_more_wordings_of_the_dead_and_wounded(nlp: Language, event: Event, text: str, want) -> None:
    assert _counts(nlp, text, event) == want


@pytest.mark.parametrize("text, want", [
    # a hospital one is in at a moment, or its patients and staff, is no count of the wounded
    ("Thousands of displaced people were in al-Shifa hospital when Valorian troops raided it.", []),
    ("About 7,000 people were in Nasser hospital, the health ministry said.", []),
    ("Some 600 patients were in Kamal Adwan hospital at the time of the raid.", []),
    ("About 300 patients were in hospital when the missile hit.", []),
    ("Two police officers took the suspect to hospital.", []),
    ("Four Valorian soldiers remain in hospital.", [("wounded", 4)]),
    ("Twelve people were treated in hospital for shrapnel wounds.", [("wounded", 12)]),
    # held people released or exchanged, in the noun forms of deal coverage
    ("The deal provides for the release of 50 hostages in exchange for 150 Dravenian prisoners.", []),
    ("The swap of 90 prisoners each was brokered by a third country.", []),
    ("Valoria received 95 POWs in the exchange.", []),
    ("Four children were among the 13 hostages released on Friday.", []),
    ("Four hostages rescued in Valorian raid that killed 274 Dravenians, officials say", [("killed", 274)]),
    ("The bodies of six hostages were recovered.", [("dead", 6)]),
    # held people and others are two figures, whoever the others are
    ("Two hostages and a Valorian soldier were killed in the operation.", [("killed", 2), ("killed", 1)]),
    # suffered, then died; "among those killed"
    ("Two soldiers suffered serious injuries and died later in hospital.", [("dead", 2)]),
    ("Three soldiers suffered wounds, one of them fatal.", [("wounded", 3)]),
    ("Three journalists were among those killed in the strike.", [("killed", 3)]),
    # a second reviewer's cases
    ("Six people suffered injuries and two others were killed in the strike.", [("wounded", 6), ("killed", 2)]),
    ("Two soldiers suffered injuries and one later died.", [("wounded", 2), ("dead", 1)]),
    ("Five prisoners and two officers were injured in the riot.", [("wounded", 5), ("wounded", 2)]),
    ("Two hostages and five Dravenian militants were killed in the raid.", [("killed", 2), ("killed", 5)]),
    ("Two soldiers were among the captured.", [("captured", 2)]),
    ("Three children were among the missing.", [("missing", 3)]),
    ("Five people are in hospital after a drone struck their car while they were driving.", [("wounded", 5)]),
    ("Two aid workers were in hospital with shrapnel wounds.", [("wounded", 2)]),
    ("Hundreds of displaced people remain in hospital, the UN said.", []),
    ("Twelve people were treated in a nearby hospital.", [("wounded", 12)]),
    ("Three medics remain in hospital after their ambulance was hit.", [("wounded", 3)]),
    ("The exchange involved 103 Dravenian prisoners.", []),
    ("The remains of three hostages were returned to Valoria.", [("dead", 3)]),
])
def test_hospitals_exchanges_and_among_as_reviewers_read_them(nlp: Language, event: Event, text: str, want) -> None:
    assert _counts(nlp, text, event) == want


def test_a_number_hung_on_a_nationality_counts_its_noun(nlp: Language, karabakh: Event) -> None:
    # the parser hangs "Two" on "Azerbaijani", a compound of "soldiers": the count is of the soldiers, and killed
    a = analyse("Two Azerbaijani soldiers have been killed in fresh clashes.", karabakh, nlp=nlp)
    assert [(c.quantity, c.value, c.unit, c.side) for c in a.numbers] == [("killed", 2.0, "soldier", "azerbaijan")]


def test_a_count_the_parser_leaves_loose_before_its_verb_takes_the_verbs_quantity(nlp: Language, event: Event) -> None:
    # "people" hangs on "reported" as "dep" and the part ("12 children among them") is read as the subject
    a = analyse("All 40 people aboard, 12 children among them, are reported to have died.", event, nlp=nlp)
    assert [(c.quantity, c.value) for c in a.numbers] == [("dead", 40.0), ("dead", 12.0)]
