"""Whose dead a sentence names (detect/casualty_subjects.py), on the seed event's parties: the victims of a passive,
intransitive or headline death verb and the object of an active one; never the killer, an agent, a cause or a clause
inside the victims' phrase; nothing for a negated death. Cases from the review of the first version."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from rashomon.detect.casualty_subjects import dead_parties, is_death_word
from rashomon.detect.wording import matcher_for
from rashomon.sources import Event, load_event


@pytest.fixture(scope="module")
def seed(seed_event_dir: Path) -> Event:
    return load_event(seed_event_dir)


@pytest.mark.parametrize("text, want", [
    ("Two servicemen of the Defense Army, Gurgen Gasparyan and Artur Khachatryan, were killed as a result of the "
     "Azerbaijani aggression, the ministry reported.", ("armenia",)),
    ("As a result of the terrorist and sabotage action, Private Anar Kazimov of the Azerbaijan Army was martyred.",
     ("azerbaijan",)),
    ("Armenian shelling killed two Azerbaijani soldiers.", ("azerbaijan",)),
    ("Armenian forces killed and wounded several Azerbaijani soldiers.", ("azerbaijan",)),
    ("Two Armenian soldiers died in the Azerbaijani attack.", ("armenia",)),
    ("Azerbaijani Soldier Killed in Border Clash", ("azerbaijan",)),
    ("A soldier hit by Armenian sniper fire was killed.", ()),
    ("The victims of the Armenian provocation were killed instantly.", ()),
    ("Soldiers who were defending positions against Armenian forces were killed.", ()),
    ("Armenian forces killed and wounded several soldiers.", ()),
    ("Azerbaijani snipers killed again on Wednesday.", ()),
    ("No Armenian soldiers were killed.", ()),
    ("Two Armenian soldiers were wounded.", ()),
])
def test_dead_parties(nlp: Language, seed: Event, text: str, want: tuple[str, ...]) -> None:
    assert dead_parties(nlp(text)[:], matcher_for(seed)) == want


@pytest.mark.parametrize("word, want", [("martyred", True), ("martyrs", True), ("killing", True), ("deaths", True),
                                        ("killed", True), ("wounded", False), ("attack", False), ("kin", False)])
def test_death_words_in_their_inflections(word: str, want: bool) -> None:
    assert is_death_word(word) is want
