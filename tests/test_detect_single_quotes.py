"""A sentence mostly inside single quotation marks and with no cue is a quotation, as one inside double marks is:
headlines quote a source's words in single marks ("Rebels ‘shot the pilots as they came down’"), so such a headline
is no own-voice verdict (GUIDE §10 rule 1); an apostrophe ("soldiers' families", "Russia's") opens nothing and a
word or two in scare quotes leaves the sentence the outlet's. Sentences written for the test."""

from __future__ import annotations

import pytest
from spacy.language import Language

from rashomon.detect.quoted_text import quoted_words
from rashomon.detect.sentence import analyse
from rashomon.sources import Event


@pytest.mark.parametrize("text", [
    "Russian troops ‘shelled the depot before the ceasefire began’",
    "Russian troops 'shelled the depot before the ceasefire began'",
])
def test_a_headline_mostly_in_single_quotes_is_a_quotation(nlp: Language, ukraine: Event, text: str) -> None:
    a = analyse(text, ukraine, nlp=nlp)
    assert (a.voice.voice, a.voice.cue) == ("attributed", "quote")
    assert a.own_initiator is None and a.reported_initiator == "russia"


@pytest.mark.parametrize("text", [
    "Russian troops shelled the depot before the ceasefire began",
    "Russian troops shelled the 'abandoned' depot before the ceasefire began",     # a scare-quoted word
    "The soldiers' families said Russian troops shelled the depot",                # an apostrophe, and a cue
    "Russia's troops shelled the soldiers' depot before the ceasefire began",      # apostrophes only
])
def test_apostrophes_and_scare_quotes_leave_the_outlets_voice(nlp: Language, ukraine: Event, text: str) -> None:
    a = analyse(text, ukraine, nlp=nlp)
    assert not (a.voice.attributed and a.voice.cue == "quote"), a.voice


def test_quoted_words_are_the_words_between_the_marks(nlp: Language) -> None:
    sent = nlp("Kyiv said the soldiers' depot was 'hit twice' and ‘burned’")[:]
    assert [t.text for t in sent if t.i in quoted_words(sent) and t.is_alpha] == ["hit", "twice", "burned"]
