"""A loaded term an outlet only quotes is the source's word, not the outlet's wording (seed event: an independent
reader found Reuters on the "illegal Armenian armed detachments" side of a wording card for "what it called …")."""

from __future__ import annotations

import pytest
from spacy.language import Language

from rashomon.sources import Event

from test_detect_compare import kinds, one, pair

NEUTRAL = "Armenian forces came under fire near the heights."


@pytest.mark.parametrize("quoting", [
    'Baku said what it called "illegal Armenian armed detachments" came under fire near the heights.',
    '“Illegal Armenian armed detachments came under fire near the heights,” the ministry said.',
])
def test_a_quoted_loaded_term_is_no_wording_card(nlp: Language, karabakh: Event, quoting: str) -> None:
    assert "wording" not in kinds(pair(nlp, karabakh, quoting, NEUTRAL))


def test_the_same_term_in_the_outlet_s_own_words_still_is(nlp: Language, karabakh: Event) -> None:
    d = one(pair(nlp, karabakh, "Illegal Armenian armed detachments came under fire near the heights.", NEUTRAL),
            "wording")
    assert d.value_a.lower() == "illegal armenian armed detachments"


def test_a_place_name_inside_a_quotation_is_not_the_outlet_s(nlp: Language, karabakh: Event) -> None:
    from rashomon.detect.toponyms import toponym_names

    quoted = 'Price called for "a settlement of all issues related to the Nagorno-Karabakh conflict."'
    assert toponym_names(quoted, own_words=True) == ()
    assert toponym_names(quoted) != ()
    assert toponym_names("Fighting broke out in Nagorno-Karabakh.", own_words=True) != ()
