"""Places named in a sentence, normalised so spelling variants of one name compare equal.

Places come from two sources:

1. "<Name> <place noun>" patterns, whatever the named-entity tagger thought of the name: "Saribaba height",
   "the Kyrghgiz hill", "Girkhgiz peak", "the Lachin region", "the village of Velyka Novosilka", "Mount Ararat".
   The place noun gives the kind: height (height, hill, peak, mountain, ridge, summit, pass), settlement
   (village, town, city, settlement), region (region, district, province, oblast, area, valley), route (road,
   corridor, bridge), water (river, lake).
2. spaCy GPE / LOC / FAC entities not already covered, of kind "place". With a PartyMatcher, an entity that is
   exactly a party alias ("Azerbaijan", "Baku") is left out: it names a side, not a location.

`place_key` folds transliteration variants to one key: Unicode letters to ASCII (Ş→S, ı→i, ə→a), "h" after a
consonant dropped (kh→k, gh→g, sh→s, ch→c, zh→z), then consonant classes merged (c/g/h/k/q/x → k, as Ukrainian "h"
is Russian "g": Hroza / Groza, Horlivka / Gorlovka; s/z → s, b/p → p, d/t → t, f/v/w → f), vowels and "y" removed and
doubled letters collapsed — a consonant skeleton.
Girkhgiz, Kyrghgiz and Gyrkhgyz all become "krks"; Lachin and Laçın "lkn"; Shusha and Şuşa "ss". Short skeletons
can collide, so places are compared only with places of the same kind.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ._syntax import np_tokens
from .lexicon import PLACE_NOUNS, WAR_NOUNS
from .parties import PartyMatcher

log = logging.getLogger(__name__)

_SPECIAL = str.maketrans({"ı": "i", "ə": "a", "Ə": "a", "ł": "l", "ø": "o", "æ": "ae", "ß": "ss", "đ": "d",
                          "ʼ": "", "'": "", "’": "", "`": ""})
_CLASSES = str.maketrans({"c": "k", "g": "k", "h": "k", "q": "k", "x": "k", "z": "s", "b": "p", "d": "t",
                          "v": "f", "w": "f"})
_ENT_LABELS = {"GPE", "LOC", "FAC"}
_LEADING = {"the", "a", "an"}


@dataclass(frozen=True)
class Place:
    """A place: display name (without "the" and the place noun), folded key, kind, and the words as written."""

    name: str
    key: str
    kind: str
    text: str


def place_key(name: str) -> str:
    """Consonant-skeleton key of a place name (module docstring)."""
    s = name.translate(_SPECIAL)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = re.sub(r"[^a-z]", "", s)
    s = re.sub(r"(?<=[^aeiouy])h", "", s)
    s = s.translate(_CLASSES)
    s = re.sub(r"[aeiouy]", "", s)
    s = re.sub(r"(.)\1+", r"\1", s)
    return s or name.lower()


def _name_tokens_before(noun: Token) -> list[Token]:
    """Capitalised compound words right before a place noun ("Saribaba" in "the Saribaba height")."""
    out: list[Token] = []
    i = noun.i - 1
    while i >= noun.sent.start:
        t = noun.doc[i]
        if t.text[:1].isupper() and t.is_alpha and t.lower_ not in _LEADING and t.lower_ not in PLACE_NOUNS \
                and (t.head.i == noun.i or (t.head.i > t.i and t.head.i <= noun.i)):
            out.insert(0, t)
            i -= 1
            continue
        if t.text in {"-", "–"} and out:
            out.insert(0, t)
            i -= 1
            continue
        break
    while out and out[0].text in {"-", "–"}:
        out.pop(0)
    return out


def _join(tokens: list[Token]) -> str:
    text = ""
    for t in tokens:
        text += t.text_with_ws if t is not tokens[-1] else t.text
    return text.strip()


def extract_place_mentions(sent: Span, matcher: PartyMatcher | None = None) -> list[Place]:
    """The places of `sent` as Place records, in text order (module docstring)."""
    places: list[tuple[int, Place]] = []
    covered: set[int] = set()
    for t in sent:
        kind = PLACE_NOUNS.get(t.lower_) or PLACE_NOUNS.get(t.lemma_.lower())
        if kind is None or t.pos_ not in {"NOUN", "PROPN"}:
            continue
        names = _name_tokens_before(t)
        if not names and t.lower_ in {"mount", "lake"} and t.i + 1 < sent.end and t.doc[t.i + 1].pos_ == "PROPN":
            names = [t.doc[t.i + 1]]
        # "the village of Velyka Novosilka"; "the Ukrainian city of Kramatorsk" (a demonym before the noun names
        # no place: the name follows "of")
        if not names or all(n.ent_type_ == "NORP" or n.pos_ == "ADJ" for n in names):
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    obj = next((g for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
                    if obj is not None:
                        names = [x for x in np_tokens(obj, with_of=False) if x.pos_ == "PROPN" or x.text in {"-", "–"}]
        if not names:
            continue
        name = _join(names)
        lo = min(x.i for x in names + [t])
        hi = max(x.i for x in names + [t])
        covered.update(range(lo, hi + 1))
        places.append((lo, Place(name, place_key(name), kind, t.doc[lo:hi + 1].text)))
    for ent in sent.ents:
        if ent.label_ not in _ENT_LABELS or any(i in covered for i in range(ent.start, ent.end)):
            continue
        words = [w for w in ent if w.lower_ not in _LEADING]
        if not words or words[-1].lemma_.lower() in WAR_NOUNS or words[-1].lower_ in {"war", "wars"}:
            continue  # "the Karabakh War" names a war, not a place
        name = re.sub(r"\s*'s$", "", _join(words))
        if len(name) < 2:
            continue
        if matcher is not None:
            mentions = matcher.find_all(name)
            if mentions and mentions[0].start == 0 and mentions[0].end == len(name):
                continue
        places.append((ent.start, Place(name, place_key(name), "place", ent.text)))
    seen: set[tuple[str, str]] = set()
    out: list[Place] = []
    for _, p in sorted(places, key=lambda x: x[0]):
        if (p.key, p.kind) in seen:
            continue
        seen.add((p.key, p.kind))
        out.append(p)
    log.debug("places %s in %r", [p.name for p in out], sent.text[:60])
    return out


def extract_places(sent: Span, matcher: PartyMatcher | None = None) -> list[str]:
    """Normalised names of the places in `sent` ("Saribaba", "Girkhgiz", "Lachin"), in text order."""
    return [p.name for p in extract_place_mentions(sent, matcher)]
