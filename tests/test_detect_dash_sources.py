"""A headline that ends with a spaced dash and a speaker phrase naming no party alone ("… – Moscow's envoy",
"… — Russian PM", "… - Office", "… - UN ambassador") is that speaker's account, not the outlet's own voice (GUIDE §10
rule 1), so it gives no own-voice verdict; other words after the dash leave the headline in the outlet's voice: a
place, a date, a count or a clause, a page label, a phrase, and a proper name alone ("- Reuters", "— WP",
"– John Smith"), which may be the outlet's byline. Headlines written for the test, after the forms the benchmark's
dev split showed (issue 11: "headlines that attribute")."""

from __future__ import annotations

import pytest
from spacy.language import Language

from rashomon.analysis import headline_as_sentence
from rashomon.detect.parties import PartyMatcher
from rashomon.detect.sentence import analyse
from rashomon.detect.voice import analyse_voice_detail
from rashomon.sources import Event


@pytest.fixture(scope="module")
def um(ukraine: Event) -> PartyMatcher:
    return PartyMatcher(ukraine.parties)


@pytest.mark.parametrize("text, source, party", [
    ("Russian rockets destroy two trucks at the port, killing all 6 – Moscow's envoy", "Russia", "russia"),
    ("Kyiv has caused relations with the West to worsen — Russian PM", "Russia", "russia"),   # role, party adjective
    ("Port director wounded in border incident - Office", "Office", None),                   # a speaker noun alone
    ("Russia 'not interested' in a wider war - UN ambassador", "UN ambassador", None),       # a party of no event
    ("Kyiv is preparing a new offensive – Russian state media", "Russia", "russia"),
    ("Kyiv is preparing a new offensive – Kremlin aide Yuri Ushakov", "Russia", "russia"),  # a title before a name
    ("Kyiv is preparing a new offensive – Russian envoy at the UN", "Russia", "russia"),
])
def test_a_speaker_after_a_closing_dash_attributes_the_headline(nlp: Language, um: PartyMatcher, text: str,
                                                                source: str, party: str | None) -> None:
    voice, scope = analyse_voice_detail(nlp(text)[:], um, None)
    assert (voice.voice, voice.attributed_to, voice.attributed_party) == ("attributed", source, party)
    assert scope and max(scope) < len(nlp(text)) - 1   # the words before the dash are the speaker's


def test_an_attributed_headline_gives_no_own_verdict(nlp: Language, ukraine: Event) -> None:
    said = analyse("Russia's strike on the port was met with shock — UN envoy", ukraine, nlp=nlp)
    assert said.voice.attributed and said.own_initiator is None
    plain = analyse("Russia's strike on the port was met with shock", ukraine, nlp=nlp)
    assert not plain.voice.attributed and plain.own_initiator == "russia"   # the same words in the outlet's voice


@pytest.mark.parametrize("text", [
    "Russian missiles hit the capital overnight – Kyiv",                          # a party's place named again
    "Russian missiles hit the port overnight – Kherson",                          # a place of no party
    "Russian missiles hit the port overnight — Monday",                           # a date
    "Shelling hits two towns in the south — more than 70 people killed",          # a count and a clause
    "Russian city of Belgorod under massive fire — dead and wounded reported",    # a clause
    "Soldiers rescue four hostages alive - Including Noa",                        # a phrase, no speaker
    "Russian missiles hit the port overnight – VIDEO",                            # page labels
    "What we know about the strike on the port – Explainer",
    "Russian missiles hit the port overnight - Press review",
    "Russian missiles hit the port overnight - Reuters",                          # a proper name alone: a byline?
    "Kyiv met Russia's strike on the port with shock and anger — WP",
    "Russian missiles hit the port overnight – John Smith",
    "Russian missiles hit the port overnight – Office hours",                     # a speaker noun, not the head
    "Russian missiles hit the port overnight — Council meeting",
    "Russian missiles hit the port overnight – President's speech",
    "Russian missiles hit the port overnight - Russian mayor dead",               # a casualty, not a speaker
    "Russian missiles hit the port overnight – Special report",                   # a label's word before the noun
    "Russian missiles hit the port overnight – Memorial service",
    "Russian missiles hit the port overnight — Ukrainian commander among victims",
    "Ukraine Today – Odesa/Mykolaiv",                                            # places
    "Kyiv met Russia's strike on the port with shock — UN envoy.",                # a full stop: no headline
])
def test_words_after_a_dash_that_name_no_speaker_keep_the_outlets_voice(nlp: Language, um: PartyMatcher,
                                                                        text: str) -> None:
    voice, _ = analyse_voice_detail(nlp(text)[:], um, None)
    assert voice.voice == "own", voice


def test_a_label_before_a_colon_keeps_its_party_when_a_place_closes_the_line(nlp: Language, um: PartyMatcher) -> None:
    voice, _ = analyse_voice_detail(nlp("Ukraine: Russian missiles hit the capital overnight – Kyiv")[:], um, None)
    assert (voice.voice, voice.attributed_party) == ("attributed", "ukraine")


def test_the_pipelines_headline_rewrite_leaves_a_speaker_phrase_to_the_voice_detector(nlp: Language,
                                                                                      ukraine: Event) -> None:
    # the rewrite turns only the unnamed sources of dash_sources.toml into a clause; the phrase reaches the detector
    assert headline_as_sentence("Russian troops shelled the depot - Reports") == "Reports said Russian troops " \
                                                                                 "shelled the depot."
    title = "Russian rockets destroy two trucks at the port – Moscow's envoy"
    assert headline_as_sentence(title) == title
    a = analyse(title, ukraine, nlp=nlp)
    assert a.voice.attributed_party == "russia" and a.own_initiator is None
