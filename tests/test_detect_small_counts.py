"""Counts that make no number card (detect/count_scope.toml): counts of things (rockets, boats, drones: no casualty
count) under ten, mostly a part an outlet picked out, not the event's total (small_count_of_things); parts of a group
("16 of the soldiers"); figures more than ten times apart, mostly two different counts (far_apart_factor)."""

from __future__ import annotations

from spacy.language import Language

from rashomon.detect.count_scope import far_apart
from rashomon.detect.numbers import Count
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


def test_figures_more_than_ten_times_apart_count_different_things(nlp: Language, karabakh: Event) -> None:
    # the war's toll against the event's, one village's wounded against the region's: no number card
    assert "number" not in kinds(pair(nlp, karabakh, "The Armenian health ministry put the Armenian death toll "
                                      "from the war at 3,400.",
                                      "Eleven Armenian soldiers were killed in the shelling."))
    assert "number" not in kinds(pair(nlp, karabakh, "Two Armenian civilians were wounded in the village.",
                                      "At least 55 Armenian civilians were wounded, Armenia's health ministry said."))
    # ten times apart or less still disagrees ("5" against "50")
    assert "number" in kinds(pair(nlp, karabakh, "Five Armenian civilians were wounded in the village.",
                                  "At least 50 Armenian civilians were wounded, Armenia's health ministry said."))


def test_how_far_apart_two_figures_lie() -> None:
    def exact(n):
        return Count("killed", n, n, n, "exact", None, "")

    def at_least(n):     # as numbers.py reads "at least N" (and "more than N" as N + 1 upwards)
        return Count("killed", n, n, None, "at_least", None, "")

    def up_to(n):
        return Count("killed", n, None, n, "up_to", None, "")
    assert far_apart(exact(2), at_least(55)) and far_apart(at_least(55), exact(2))   # "2" / "at least 55"
    assert far_apart(up_to(20), at_least(3001))                                    # "up to 20" / "more than 3,000"
    assert not far_apart(exact(5), exact(50)) and not far_apart(exact(5), at_least(50))
    assert not far_apart(at_least(3), exact(200)) and not far_apart(exact(200), at_least(3))   # "at least 3" allows 200
    assert not far_apart(exact(5), up_to(200))           # "up to 200" allows 5
    assert not far_apart(exact(0), exact(100))           # "none" against a figure is a disagreement


def test_an_enemys_claim_far_from_a_sides_own_count_still_disagrees(nlp: Language, karabakh: Event) -> None:
    # Azerbaijan's count of Armenian dead against Armenia's own: the same dead, whichever outlet comes first
    a = "Azerbaijan's defence ministry claimed that its forces had killed 100 Armenian soldiers."
    b = "Armenia said it had lost two servicemen in the clash."
    assert "number" in kinds(pair(nlp, karabakh, a, b)) and "number" in kinds(pair(nlp, karabakh, b, a))
    # in the outlet's own words, naming the killer: still the enemy's count against Armenia's own
    a = "Azerbaijani forces killed 100 Armenian soldiers in the clash."
    assert "number" in kinds(pair(nlp, karabakh, a, b)) and "number" in kinds(pair(nlp, karabakh, b, a))
    # two counts Armenia gives of its own dead, far apart (the clash's and the war's): no card
    assert "number" not in kinds(pair(nlp, karabakh, "Armenia said it had lost two soldiers in the clash.",
                                      "Armenia said 100 Armenian soldiers had been killed since the war began."))
