"""Several sources in one subject (reciprocal.py, act_speakers.py): "both countries accused each other" is blame
between the event's two sides, and every named member of a list of sources says what the list says. Sentences
written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from rashomon.detect import extract_acts
from rashomon.detect.parties import PartyMatcher
from rashomon.detect.voice import analyse_voice_detail
from rashomon.sources import Event


@pytest.fixture(scope="module")
def um(ukraine: Event) -> PartyMatcher:
    return PartyMatcher(ukraine.parties)


def claims_of(nlp: Language, text: str, matcher: PartyMatcher) -> set[tuple[str, str]]:
    s = nlp(text)[:]
    voice, scope = analyse_voice_detail(s, matcher, None)
    acts = extract_acts(s, matcher, event_year=2023, voice=voice, reported_tokens=scope)
    return {(a.claimed_by, a.actor) for a in acts if a.claimed_by is not None and not a.negated}


@pytest.mark.parametrize("text", [
    "Both countries accused each other of starting the artillery duel.",
    "Each blamed the other for the shelling of the dam.",
    "The two sides traded accusations over the burning depot.",
])
def test_both_sides_blame_each_other(nlp: Language, um: PartyMatcher, text: str) -> None:
    # no party named: the event's two sides (its first two parties), one blame each way
    assert claims_of(nlp, text, um) >= {("ukraine", "russia"), ("russia", "ukraine")}


def test_a_side_alone_is_no_mutual_blame(nlp: Language, um: PartyMatcher) -> None:
    assert not claims_of(nlp, "The country accused its neighbour of starting the artillery duel.", um)


def test_every_listed_source_condemns(nlp: Language, um: PartyMatcher) -> None:
    # "Oslo, Kyiv, Riga, Hamas and others …": a list the parser chains loosely; Hamas says it too
    got = claims_of(nlp, "Oslo, Kyiv, Riga, Hamas and others were quick to condemn Moscow.", um)
    assert ("hamas", "russia") in got


def test_a_listed_source_denies_only_its_own_part(nlp: Language, um: PartyMatcher) -> None:
    # each of the two denies its own responsibility: the second is no denier of the first's part
    s = nlp("Ukraine and the Islamist group Hamas have both denied responsibility for the explosion.")[:]
    voice, scope = analyse_voice_detail(s, um, None)
    acts = extract_acts(s, um, event_year=2023, voice=voice, reported_tokens=scope)
    assert not [a for a in acts if a.claimed_by == "hamas" and a.actor == "ukraine"]
    assert [a for a in acts if a.claimed_by == "hamas" and a.actor == "hamas" and a.negated]
