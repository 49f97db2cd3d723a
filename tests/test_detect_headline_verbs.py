"""A headline's present-tense verb the model reads as a plural noun (headline_verbs.py): parsed again in the past,
shown as written. Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from rashomon.detect.headline_verbs import repair_headline_verb
from rashomon.detect.recase import parse_title, title_basis
from rashomon.sources import Event


@pytest.mark.parametrize("title, verb", [
    ("Russia bombs busy Ukraine restaurant", "bombs"),
    ("Russia Bombs Busy Kyiv Restaurant", "Bombs"),        # title case: repaired on the sentence-cased parse
    ("French intelligence points to misfired rocket in hospital blast", "points"),
])
def test_a_verb_read_as_a_noun_is_the_headline_s_verb(nlp: Language, title: str, verb: str) -> None:
    doc = parse_title(nlp, title, set())
    head = repair_headline_verb(nlp, doc, title_basis(title, set()))
    assert head.text == title and [t.text for t in head] == [t.text for t in doc]   # shown as written
    root = next(t for t in head if t.dep_ == "ROOT")
    assert root.text == verb and root.pos_ == "VERB"


@pytest.mark.parametrize("title", [
    "Israeli strikes on Gaza",                                 # a noun phrase: no subject noun
    "US, UK launching strikes on Houthi targets in Yemen",     # the object of a participle
    "Dnipro devastated by one of the deadliest attacks",       # a participle is its verb
    "Russia shelled the market, Kyiv says",                    # a finite verb
    "Ukrainian shells near Belgorod school",                   # a noun phrase: the verb would take no object
    "Russian missile strikes on Kyiv",
    "Media reports of blasts in Tehran",                       # "of" is no preposition "reports" takes
])
def test_a_headline_with_a_verb_or_none_to_repair_is_left_alone(nlp: Language, title: str) -> None:
    doc = parse_title(nlp, title, set())
    assert repair_headline_verb(nlp, doc, title_basis(title, set())) is doc


def test_the_repaired_headline_states_the_act(nlp: Language, ukraine: Event) -> None:
    from rashomon.analysis import analyse_event_sentences

    rows = [{"article_id": "a1", "sentence_id": "s0", "part": "title", "text": "Russia bombs busy Kramatorsk cafe"},
            {"article_id": "a1", "sentence_id": "s1", "part": "body",
             "text": "The cafe was full of people when the missile hit it on Tuesday evening."}]
    head = analyse_event_sentences(rows, ukraine)["s0"]
    assert head.text == rows[0]["text"]
    assert [(a.actor, a.action) for a in head.acts] == [("russia", "strike")]
