"""Counts of things (rockets, boats, drones: no casualty count) under ten make no number card: such a count is mostly
a part an outlet picked out, not the event's total (detect/count_scope.toml, small_count_of_things)."""

from __future__ import annotations

from spacy.language import Language

from rashomon.sources import Event

from test_detect_compare import kinds, pair


def test_a_small_count_of_things_is_a_part_not_the_events_total(nlp: Language, karabakh: Event) -> None:
    # "two boats" against "six boats": each outlet picked out some of the boats; under ten, no card
    assert "number" not in kinds(pair(nlp, karabakh, "Azerbaijani forces fired seven rockets at the village.",
                                      "Azerbaijani forces fired more than 30 rockets at the village."))
    assert "number" not in kinds(pair(nlp, karabakh, "Two Armenian drones were shot down over Lachin.",
                                      "Six Armenian drones were shot down over Lachin."))
    # counts of things that both reach ten still disagree
    assert "number" in kinds(pair(nlp, karabakh, "Azerbaijani forces fired 12 rockets at the village.",
                                  "Azerbaijani forces fired more than 30 rockets at the village."))
    # casualty counts under ten do (two against four soldiers killed)
    assert "number" in kinds(pair(nlp, karabakh, "Two Armenian soldiers were killed in the shelling.",
                                  "Four Armenian soldiers were killed in the shelling."))
    # whichever outlet comes first: a small count beside a larger one does not make the larger ones agree
    a = "Azerbaijani forces launched 30 drones, and more than 5 drones hit homes in the village."
    b = "Azerbaijani forces launched 50 drones at the village."
    assert "number" in kinds(pair(nlp, karabakh, a, b)) and "number" in kinds(pair(nlp, karabakh, b, a))


def test_a_count_of_the_group_is_a_part_not_the_events_total(nlp: Language, karabakh: Event) -> None:
    # "16 of the soldiers" picks out some of a group the outlet gave: no card against the whole toll
    assert "number" not in kinds(pair(nlp, karabakh, "Twenty Armenian soldiers were killed in the clash.",
                                      "Local channels reported that 16 of the Armenian soldiers were killed with "
                                      "blunt objects."))
    # an outlet's own whole toll, "49 of its soldiers", "all 16 of the soldiers", "16 of the country's soldiers",
    # still disagrees with another's
    for whole in ("All 16 of the Armenian soldiers were killed in the clash.",
                  "Armenia said 16 of the country's soldiers were killed in the clash.",
                  "Armenia said 16 of the Armenian army’s soldiers were killed in the clash."):
        assert "number" in kinds(pair(nlp, karabakh, "Twenty Armenian soldiers were killed in the clash.", whole))
    assert "number" in kinds(pair(nlp, karabakh, "Armenia reported the deaths of 49 of its soldiers.",
                                  "Armenia reported the deaths of 20 of its soldiers."))
