"""Loaded words of the event file's pairs across the whole event (detect/event_wording.py): two outlets that name
the same act with the pair's two words in sentences the alignment did not pair."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from rashomon.detect import analyse
from rashomon.detect.event_wording import Usage, event_wording
from rashomon.sources import Event, load_event


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
    """Words passed on from a source, or quoted, are the source's (passed-on words were tried: on the benchmark's dev
    split most of the cards they added showed no labelled difference)."""
    neutral = Usage("wire", "wire-4", "Azerbaijan said it had captured several heights.", True)
    attributed = Usage("az", "az-1", "The liberated heights are being fortified, the ministry said.", False)
    quoted = Usage("tv", "tv-2", 'Baku spoke of "liberated heights" in its statement.', True)
    assert _pairs(karabakh, [attributed, quoted, neutral]) == []
    own = Usage("az", "az-7", "Liberated villages will be rebuilt.", True)
    assert _pairs(karabakh, [attributed, own, quoted, neutral]) == [("az", "wire", "Liberated", "captured")]


def test_an_outlet_using_both_words_is_on_neither_side(karabakh: Event) -> None:
    usages = [Usage("az", "az-1", "The liberated heights are being fortified.", True),
              Usage("az", "az-2", "Troops captured two more posts.", True),
              Usage("wire", "wire-4", "Azerbaijan said it had captured several heights.", True)]
    assert _pairs(karabakh, usages) == []


def test_words_for_the_dead_of_two_sides_are_two_deaths(nlp: Language, seed_event_dir: Path) -> None:
    """AZERTAC's "martyred" is said of an Azerbaijani soldier: an outlet's "killed" counts against it only where it is
    said of the same side's dead (the seed report showed Armenpress' "two servicemen killed", the Armenian dead)."""
    karabakh = load_event(seed_event_dir)     # its wording pairs include "martyred" / "killed"

    def usage(outlet: str, sid: str, text: str) -> Usage:
        a = analyse(text, karabakh, nlp=nlp)
        return Usage(outlet, sid, text, not a.voice.attributed, a)

    martyred = usage("az", "az-3", "Private Anar Kazimov of the Azerbaijan Army was martyred by sniper fire.")
    armenian = usage("am", "am-0", "Two Armenian servicemen were killed in the attack.")
    azerbaijani = usage("am", "am-9", "An Azerbaijani private was also killed by sniper fire.")
    assert _pairs(karabakh, [martyred, armenian]) == []
    (w,) = event_wording([martyred, armenian, azerbaijani], karabakh)
    assert (w.outlet_a, w.outlet_b, w.sentence_a, w.sentence_b) == ("az", "am", "az-3", "am-9")


def test_a_word_the_sentence_rules_out_is_not_used(karabakh: Event) -> None:
    """A word the sentence negates or denies is ruled out, not the word it uses for the thing."""
    neutral = Usage("wire", "wire-4", "Azerbaijani troops captured a hill near Lachin.", True)
    for text in ("No villages were liberated in the fighting.",
                 "Yerevan denied that any territory was liberated.",
                 "The ministry dismissed reports that heights had been liberated."):
        assert _pairs(karabakh, [Usage("am", "am-1", text, True), neutral]) == [], text
    denied_neutral = Usage("am", "am-2", "The Armenian ministry denied that any positions had been captured.", True)
    liberated = Usage("az", "az-1", "The liberated heights are being fortified.", True)
    assert _pairs(karabakh, [liberated, denied_neutral]) == []


def test_an_outlet_using_both_words_for_two_sides_dead_keeps_its_side(nlp: Language, seed_event_dir: Path) -> None:
    """"Martyred" for its own side's dead and "killed" for the other's is the difference itself: the outlet is not one
    that uses both words for one thing (review: it was dropped from the card)."""
    karabakh = load_event(seed_event_dir)

    def usage(outlet: str, sid: str, text: str) -> Usage:
        a = analyse(text, karabakh, nlp=nlp)
        return Usage(outlet, sid, text, not a.voice.attributed, a)

    az = [usage("az", "az-1", "An Azerbaijani soldier was martyred in the shelling."),
          usage("az", "az-2", "Two Armenian soldiers were killed in the fighting.")]
    wire = usage("wire", "wire-1", "An Azerbaijani soldier was killed in the shelling.")
    assert _pairs(karabakh, az + [wire]) == [("az", "wire", "martyred", "killed")]
    same_dead = usage("az", "az-3", "Another Azerbaijani soldier was killed on the road.")
    assert _pairs(karabakh, az + [same_dead, wire]) == []
