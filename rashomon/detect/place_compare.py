"""Places of two sentences of one claim compared (the `place` kind of compare.py): both name places of the same kind
(height, settlement, region, route, water) and share none (by folded key, places.py); neither names the other's
place under another kind, neither lies in the other's area (toponyms.toml), and each is a place a reader can tell
apart: named, not a broad area, not only a party's country or people ("Tajik villages").

With the two outlets' articles (`ArticlePlaces`), a place either article names anywhere is shared, not disputed: one
outlet's lead names the town and the other's the district, yet both articles name both ("the Mom Bei area, in Preah
Vihear province" / "clashes in Preah Vihear province"); a description ("the Druze town", "a key DR Congo city") is
no rival name when the other article says "Druze" or "Congo" too. Benchmark dev split: 26 of 33 place cards matched
no labelled disagreement, most of them such pairs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, NamedTuple

from ..sources import Event
from .card_text import esc as _esc
from .parties import demonyms
from .sentence import SentenceAnalysis
from .lexicon import PLACE_NOUNS
from .toponyms import same_toponym, toponym_places, within

_COMPARED_PLACE_KINDS = {"height", "settlement", "region", "route", "water"}


class PlaceDifference(NamedTuple):
    """Two places that differ: the names and an explanation with {outlet_a} / {outlet_b} placeholders."""

    value_a: str
    value_b: str
    explanation: str
    evidence: tuple[str, ...]


def _same_place(keys_a: set[str], keys_b: set[str]) -> bool:
    """One place named alike: equal folded keys, or one key extending the other ("Crimea" / "Crimean",
    "Kerch" / "Kerch Strait": benchmark dev split, 26 of 36 place cards were such variants)."""
    return any(ka == kb or (min(len(ka), len(kb)) >= 3 and (ka.startswith(kb) or kb.startswith(ka)))
               for ka in keys_a for kb in keys_b)


_BROAD_AREA = re.compile(r"\b(?:north|south|east|west|central|northern|southern|eastern|western)\b", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:['’]s?|[.,])$")
_NO_NAME_WORDS = {"the", "both", "a", "an", "these", "those", "two", "three", "several", "many"}


def _named_place(text: str, party_words: frozenset[str] = frozenset()) -> bool:
    """A place a reader can tell apart: it has a name ("Kherson region"), and is not a broad area holding other
    places ("an area of southern Ukraine" holds Kherson; "Both regions" names none) nor only a party's country or
    people ("Tajik villages", "areas of Tajikistan", "a Kyrgyz village": `party_words`, the event's one-word
    aliases and their demonyms, lowercased)."""
    if _BROAD_AREA.search(text):
        return False
    return any(w[:1].isupper() and w.lower() not in _NO_NAME_WORDS and _POSSESSIVE.sub("", w.lower()) not in party_words
               for w in text.split())


_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True)
class ArticlePlaces:
    """What one outlet's article says of places: the listed places (toponyms.toml) it names and its words,
    lowercased."""

    toponyms: frozenset[str]
    words: frozenset[str]


def article_places(analyses: Iterable[SentenceAnalysis]) -> ArticlePlaces:
    """The places and words of an article (or of all of one outlet's sentences in an event)."""
    listed: set[str] = set()
    words: set[str] = set()
    for an in analyses:
        for p in an.place_mentions:
            listed |= toponym_places(p.text)
        words.update(w.lower() for w in _WORD.findall(an.text))
    return ArticlePlaces(frozenset(listed), frozenset(words))


def _name_words(text: str, party_words: frozenset[str]) -> set[str]:
    """The words that make a place's name its own: capitalised, not a place noun ("City", "Region"), not an article
    or a number word, not only a party's name or demonym; lowercased ("the Ta Mone Thom Temple area" -> mone, thom,
    temple; "Large Congolese City" -> large, congolese)."""
    out = set()
    for w in text.split():
        lw = _POSSESSIVE.sub("", w.lower())
        if w[:1].isupper() and len(lw) >= 3 and lw not in _NO_NAME_WORDS and lw not in PLACE_NOUNS \
                and lw not in party_words:
            out.add(lw)
    return out


def _named_in(place: str, article: ArticlePlaces, party_words: frozenset[str]) -> bool:
    """Does the article name this place too: a word of its name, or another name of it (toponyms.toml)?"""
    return bool(_name_words(place, party_words) & article.words or toponym_places(place) & article.toponyms)


def _party_words(event: Event) -> frozenset[str]:
    """The event's one-word party names and aliases and their demonyms, lowercased."""
    words = {a for p in event.parties for a in p.all_aliases if " " not in a}
    words |= {d for w in list(words) for d in demonyms(w)}
    return frozenset(w.lower() for w in words)


def compare_places(a: SentenceAnalysis, b: SentenceAnalysis, event: Event,
                   articles: tuple[ArticlePlaces, ArticlePlaces] | None = None) -> list[PlaceDifference]:
    """The places two sentences of one claim name differently (module docstring); `articles`: what the two outlets'
    articles say of places, when known."""
    party_words = _party_words(event)
    out: list[PlaceDifference] = []
    for kind in sorted(_COMPARED_PLACE_KINDS):
        pa = [p for p in a.place_mentions if p.kind == kind and _named_place(p.text, party_words)]
        pb = [p for p in b.place_mentions if p.kind == kind and _named_place(p.text, party_words)]
        if not pa or not pb:
            continue
        # an untyped place ("Saribaba" tagged GPE) may be the same as a typed one ("the Saribaba height")
        keys_a = {p.key for p in a.place_mentions if p.kind in {kind, "place"}}
        keys_b = {p.key for p in b.place_mentions if p.kind in {kind, "place"}}
        if _same_place(keys_a, keys_b) or any(same_toponym(x.text, y.text) for x in pa for y in pb):
            continue   # one place, however spelled or named ("Kerch Bridge" / "Crimean bridge")
        # the other sentence names the place too, under another kind ("the city of Kramatorsk" / "the eastern
        # Ukrainian city of Kramatorsk", read as "Ukrainian city" + "Kramatorsk"), or names a place inside the other's
        # area ("the Donbas region" / "Kramatorsk, Donetsk region"; toponyms.toml [[area]])
        all_a, all_b = {p.key for p in a.place_mentions}, {p.key for p in b.place_mentions}
        if {p.key for p in pa} & all_b or {p.key for p in pb} & all_a:
            continue
        if any(within(x.name, y.name) or within(y.name, x.name) for x in a.place_mentions for y in b.place_mentions):
            continue
        if articles is not None and (any(_named_in(p.text, articles[1], party_words) for p in pa)
                                     or any(_named_in(p.text, articles[0], party_words) for p in pb)):
            continue   # both articles name the place: shared, not disputed (module docstring)
        na = " and ".join(p.text.removeprefix("the ").removeprefix("The ") for p in pa)
        nb = " and ".join(p.text.removeprefix("the ").removeprefix("The ") for p in pb)
        text = f"{{outlet_a}} names the {kind} as {_esc(na)}; {{outlet_b}} names {_esc(nb)}."
        out.append(PlaceDifference(na, nb, text, (a.text, b.text)))
    return out
