"""A toll wider than the event's (a war's, a region's) is no enemy's claim about the event's dead: set far apart
from a side's own count of the event, it makes no number card (detect/count_scope.toml `wide_scope`)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from rashomon.detect.count_scope import wide_scope
from rashomon.sources import Event

from test_detect_compare import kinds, pair

OWN_COUNTS = ("Yerevan said 11 Armenians were killed in Monday's shelling.",
              "Armenia said two of its soldiers were killed in the village.")


@pytest.mark.parametrize("wide", [
    "Azerbaijan's war has killed more than 900 Armenian civilians.",
    "Azerbaijani strikes killed 550 Armenians across the region.",
    "Azerbaijani forces have killed 300 Armenian soldiers since the start of the year.",
])
def test_a_war_or_region_toll_naming_the_attacker_is_no_card_against_a_sides_own_count(
        nlp: Language, karabakh: Event, wide: str) -> None:
    for own in OWN_COUNTS:
        assert "number" not in kinds(pair(nlp, karabakh, wide, own)), (wide, own)
        assert "number" not in kinds(pair(nlp, karabakh, own, wide)), (own, wide)


def test_an_enemys_claim_of_the_event_itself_keeps_its_card(nlp: Language, karabakh: Event) -> None:
    # the same attacker and figure, scoped to the clash, still stands against Armenia's own count
    for enemy in ("Azerbaijani forces killed 100 Armenian soldiers in the clash.",
                  "Azerbaijan's defence ministry claimed that its forces had killed 100 Armenian soldiers."):
        for own in ("Armenia said it had lost two servicemen in the clash.",
                    "Armenia said two of its soldiers were killed in the village."):
            assert "number" in kinds(pair(nlp, karabakh, enemy, own)), (enemy, own)


def test_which_sentences_give_a_toll_wider_than_the_event() -> None:
    assert wide_scope("Russia's war has killed more than 9,000 Ukrainian civilians.")
    assert wide_scope("Russian strikes killed 55 Ukrainians across the region.")
    assert wide_scope("The toll has now risen to 40.")                  # a running total
    assert not wide_scope("Azerbaijani forces killed 100 Armenian soldiers in the clash.")
    assert not wide_scope("Kyiv said 11 people were killed in Monday's strikes across the border.")


@pytest.mark.parametrize("when", ["in the fiercest fighting since the war in 2020", "in fighting that went on "
                                  "throughout the night", "in the deadliest clash this year", "over the past 24 hours"])
def test_words_that_date_or_rank_the_event_are_no_wider_toll(nlp: Language, karabakh: Event, when: str) -> None:
    enemy = f"Azerbaijan claimed its forces had killed 100 Armenian soldiers {when}."
    assert not wide_scope(enemy)
    assert "number" in kinds(pair(nlp, karabakh, enemy, "Armenia said it had lost two servicemen in the clash."))
