"""A count that is part of a casualty figure counts the same casualties (detect/count_parts.py): "killed 20 people,
nine of them children" gives nine killed beside the 20, "nine children among 20 dead" nine dead; neither makes a
number card against the whole toll, and a person "among the dead" is no figure. Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from rashomon.detect.compare import analyse
from rashomon.detect.count_scope import parts
from rashomon.sources import Event

from test_detect_compare import kinds, pair


def figures(nlp: Language, event: Event, text: str) -> list[tuple[str, float | None, str | None]]:
    return [(c.quantity, c.value, c.side) for c in analyse(nlp(text)[:], event).numbers]


@pytest.mark.parametrize(("text", "expected"), [
    ("Azerbaijani shelling killed at least 20 Armenian civilians, nine of them children, and wounded 65 others.",
     [("killed", 20.0, "armenia"), ("killed", 9.0, "armenia"), ("wounded", 65.0, "armenia")]),
    ("Yerevan said 20 Armenian soldiers, nine of them conscripts, died in the shelling.",
     [("dead", 20.0, "armenia"), ("dead", 9.0, "armenia")]),
    # the part takes the side of the figure it is part of
    ("Azerbaijani shelling killed 20 Armenian soldiers, and three Azerbaijani civilians were killed, two of them "
     "women.", [("killed", 20.0, "armenia"), ("killed", 3.0, "azerbaijan"), ("killed", 2.0, "azerbaijan")]),
    # (the nine, read before the 20, take no side from it: the article's other figures give it one, sql/views.sql
    # casualty_figures_of)
    ("Nine children among 20 Armenian dead in Azerbaijani shelling", [("dead", 9.0, None), ("dead", 20.0, "armenia")]),
])
def test_a_part_of_a_casualty_figure_counts_the_same_casualties(nlp: Language, karabakh: Event, text: str,
                                                                expected: list) -> None:
    assert figures(nlp, karabakh, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a part that counts things, or no people, or says where (a review's cases)
    ("Two Armenian soldiers were killed after Azerbaijan fired 20 rockets, nine of them intercepted.",
     [("killed", 2.0), ("other", 20.0)]),
    ("Azerbaijani shelling killed 20 Armenian soldiers and destroyed 30 buildings, 12 of them homes.",
     [("killed", 20.0), ("other", 30.0)]),
    ("Azerbaijani shelling killed 20 Armenian soldiers, nine of them in Lachin.", [("killed", 20.0)]),
    # (a clause, "nine of whom were children", is not read as a part: a sibling not built)
    ("At least 24 Armenian civilians, nine of whom were children, were killed in the shelling.", [("killed", 24.0)]),
])
def test_an_of_them_that_counts_no_people_is_no_casualty_figure(
        nlp: Language, karabakh: Event, text: str, expected: list) -> None:
    assert [(q, v) for q, v, _ in figures(nlp, karabakh, text)] == expected


def test_a_part_is_no_figure_without_a_casualty_figure_or_as_a_person_among_the_dead(
        nlp: Language, karabakh: Event) -> None:
    # "nine of them" counts what the figure before it counts: nothing, when no casualty figure comes before
    rockets = figures(nlp, karabakh, "Azerbaijan fired 20 rockets, nine of them at the village.")
    assert all(q == "other" for q, _, _ in rockets)
    # a person among the dead is no figure the labels count
    assert figures(nlp, karabakh, "A ten-year-old Armenian girl was among the dead, the ombudsman said.") == []


def test_a_part_makes_no_number_card_against_the_whole_toll(nlp: Language, karabakh: Event) -> None:
    assert "number" not in kinds(pair(nlp, karabakh, "Azerbaijani shelling killed 20 Armenian soldiers.",
                                      "Azerbaijani shelling killed 20 Armenian soldiers, nine of them conscripts."))


def test_the_part_is_marked_for_the_figure_cards(nlp: Language, karabakh: Event) -> None:
    # what analysis.py writes to sentence_numbers.part: the figure cards of the fact sheet leave the part out
    a = analyse(nlp("Azerbaijani shelling killed 20 Armenian civilians, nine of them children, and wounded 65 "
                    "others.")[:], karabakh)
    assert parts(list(a.numbers), a.text) == [False, True, False]
