"""Who caused an incident that is no act word of its own (a crash, a blast, an explosion): the subject of an author
verb, the agent of its passive, or whoever fired the weapon named there (detect/blame_drafts.py `_author`); and a "not"
in one clause of a speaker's two that does not deny the other (act_status.py). Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from rashomon.detect import initiator_of
from rashomon.detect.parties import PartyMatcher
from rashomon.sources import Event

from test_detect_speakers import acts_of


@pytest.fixture(scope="module")
def um(ukraine: Event) -> PartyMatcher:
    return PartyMatcher(ukraine.parties)


def reported_initiator(acts) -> str | None:
    return initiator_of([a for a in acts if a.reported])


@pytest.mark.parametrize("text", [
    "Kyiv said the crash was caused by a Russian missile.",                         # passive, the weapon's party
    "Kyiv said the explosion was caused by a missile misfired by Russian troops.",  # passive, whoever fired it
    "Kyiv said a missile misfired by Russian forces had caused the blast.",         # active, whoever fired it
    "Kyiv said Russian forces caused the explosion.",                                # active, as before
])
def test_the_one_who_caused_the_incident_is_blamed(nlp: Language, um: PartyMatcher, text: str) -> None:
    voice, acts = acts_of(nlp, text, um)
    assert voice.attributed_party == "ukraine"
    assert reported_initiator(acts) == "russia", acts


def test_a_denied_cause_and_a_cause_that_is_no_party(nlp: Language, um: PartyMatcher) -> None:
    _, acts = acts_of(nlp, "Moscow said the blast was not caused by its missiles.", um)
    assert reported_initiator(acts) is None and any(a.actor == "russia" and a.negated for a in acts)
    _, acts = acts_of(nlp, "Kyiv said the crash was caused by bad weather.", um)
    assert reported_initiator(acts) is None


def test_a_not_in_one_clause_does_not_deny_the_other(nlp: Language, um: PartyMatcher) -> None:
    # "was not behind the blast" is Moscow's denial; "and that … had caused the explosion" its claim, not denied
    _, acts = acts_of(nlp, "Moscow said it was not behind the blast and that a rocket misfired by Ukrainian troops had "
                           "caused the explosion.", um)
    assert any(a.actor == "russia" and a.negated for a in acts)
    assert reported_initiator(acts) == "ukraine", acts


@pytest.mark.parametrize("text", [
    "There is no evidence that Russian forces carried out the attack.",
    "It is not clear whether Russian forces carried out the strike.",
    "Reuters could not independently verify that Russian forces launched the attack.",
    "It was not immediately clear whether the crash was caused by a Russian missile.",
    "Kyiv said it was unclear whether the crash was caused by Russian air defences.",
    "The explosion was caused by a drone shot down by Russian air defences, the governor said.",   # not who fired
    "The UN said the deaths were caused by shelling of Russian villages.",                          # the victims
])
def test_no_one_is_blamed_by_a_negated_or_asked_cause_nor_by_a_weapon_or_place_named(
        nlp: Language, um: PartyMatcher, text: str) -> None:
    # (a review of the rules above: a negation of the clause the act is a complement of still negates it; a "whether"
    # clause asks; a drone shot down, or shelling of villages, names no one who caused it)
    _, acts = acts_of(nlp, text, um)
    assert initiator_of(acts) is None and reported_initiator(acts) is None, acts
