"""Places of two sentences of one claim compared (the `place` kind of compare.py): both name places of the same kind
(height, settlement, region, route, water) and share none (by folded key, places.py); neither names the other's
place under another kind, neither lies in the other's area (toponyms.toml), and each is a place a reader can tell
apart: named, not a broad area, not only a party's country or people ("Tajik villages").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..sources import Event
from .card_text import esc as _esc
from .parties import demonyms
from .sentence import SentenceAnalysis
from .toponyms import same_toponym, within

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


def _party_words(event: Event) -> frozenset[str]:
    """The event's one-word party names and aliases and their demonyms, lowercased."""
    words = {a for p in event.parties for a in p.all_aliases if " " not in a}
    words |= {d for w in list(words) for d in demonyms(w)}
    return frozenset(w.lower() for w in words)


def compare_places(a: SentenceAnalysis, b: SentenceAnalysis, event: Event) -> list[PlaceDifference]:
    """The places two sentences of one claim name differently (module docstring)."""
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
        na = " and ".join(p.text.removeprefix("the ").removeprefix("The ") for p in pa)
        nb = " and ".join(p.text.removeprefix("the ").removeprefix("The ") for p in pb)
        text = f"{{outlet_a}} names the {kind} as {_esc(na)}; {{outlet_b}} names {_esc(nb)}."
        out.append(PlaceDifference(na, nb, text, (a.text, b.text)))
    return out
