"""Loaded words of the event file's pairs across the whole event (detect/event_wording.py): two outlets that name
the same act with the pair's two words in sentences the alignment did not pair."""

from __future__ import annotations

from rashomon.detect.event_wording import Usage, event_wording
from rashomon.sources import Event


def _pairs(karabakh: Event, usages: list[Usage]) -> list[tuple[str, str, str, str]]:
    return [(w.outlet_a, w.outlet_b, w.disagreement.value_a, w.disagreement.value_b)
            for w in event_wording(usages, karabakh)]


def test_a_loaded_word_against_the_neutral_one_in_any_sentences(karabakh: Event) -> None:
    usages = [Usage("az", "az-1", "The liberated heights are being fortified.", True),
              Usage("wire", "wire-4", "Azerbaijan said it had captured several strategic heights.", True),
              Usage("wire", "wire-5", "Talks are planned for next week.", True)]
    pairs = _pairs(karabakh, usages)
    assert pairs == [("az", "wire", "liberated", "captured")]
    w = event_wording(usages, karabakh)[0]
    assert (w.sentence_a, w.sentence_b) == ("az-1", "wire-4")
    assert w.disagreement.render("AZ", "Wire") == 'AZ says "liberated" where Wire says "captured".'


def test_only_the_outlet_s_own_unquoted_words_count(karabakh: Event) -> None:
    neutral = Usage("wire", "wire-4", "Azerbaijan said it had captured several heights.", True)
    attributed = Usage("az", "az-1", "The liberated heights are being fortified, the ministry said.", False)
    quoted = Usage("tv", "tv-2", 'Baku spoke of "liberated heights" in its statement.', True)
    assert _pairs(karabakh, [attributed, quoted, neutral]) == []


def test_an_outlet_using_both_words_is_on_neither_side(karabakh: Event) -> None:
    usages = [Usage("az", "az-1", "The liberated heights are being fortified.", True),
              Usage("az", "az-2", "Troops captured two more posts.", True),
              Usage("wire", "wire-4", "Azerbaijan said it had captured several heights.", True)]
    assert _pairs(karabakh, usages) == []
