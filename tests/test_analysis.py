from __future__ import annotations

from rashomon.analysis import headline_as_sentence


def test_headline_attribution_by_punctuation_becomes_a_said_clause():
    assert headline_as_sentence("Troops violate ceasefire near the border - Defence Ministry") == (
        "Troops violate ceasefire near the border, Defence Ministry said."
    )
    assert headline_as_sentence("Kremlin spokesman: the truce was broken overnight") == (
        "the truce was broken overnight, Kremlin spokesman said."
    )


def test_other_headlines_are_left_alone():
    for title in (
        "Azerbaijan violates ceasefire, attacks Artsakh Defense Army positions: two servicemen killed, 14 wounded",
        "EU, U.S. Urge De-Escalation As Deadly Clashes Flare In Nagorno-Karabakh",
        "Talks resume - live updates",
    ):
        assert headline_as_sentence(title) == title
