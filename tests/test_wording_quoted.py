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
