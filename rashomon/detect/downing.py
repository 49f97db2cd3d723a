"""Downing an aircraft as the event's act (data: downing.toml).

Shooting something down is read as defensive (act_words._interception: a recovery, never the initiating act). When
the event is the downing of an aircraft, that reading is wrong for the aircraft itself: "Turkey shot down a Russian
Su-24" is the event's act, whoever says it was provoked. `aircraft_event` tells from the event's keywords whether it
is such an event; `downs_aircraft` whether a shoot-down verb's object is a manned aircraft; `downing_drafts` the acts
the act words do not read at all: the verb "down" ("an Iranian missile downed the jetliner") and the nouns
"downing"/"shootdown" ("Turkey's downing of the warplane").
"""

from __future__ import annotations

import functools
import re
import tomllib
from pathlib import Path

from spacy.tokens import Span, Token

from ._syntax import PartyIndex, agent_of, child, is_passive, prep_object, subject_of
from .act_roles import _anchor_of_noun, _noun_actor
from .act_words import _Draft

_DATA = tomllib.loads(Path(__file__).with_name("downing.toml").read_text(encoding="utf-8"))
AIRCRAFT: frozenset[str] = frozenset(_DATA["aircraft"])
_MODEL = re.compile("|".join(f"(?:{m})" for m in _DATA["models"]))
DOWNING_NOUNS: frozenset[str] = frozenset(_DATA["nouns"])
_UNMANNED: frozenset[str] = frozenset(_DATA["unmanned"])


def _is_aircraft(t: Token | None) -> bool:
    """Does the noun phrase headed by `t` name a manned aircraft ("the Ukrainian jetliner", "Russian Su-24", "the
    Su-24 plane", "flight MH17", "one of its fighter jets")?"""
    if t is not None and (t.pos_ == "NUM" or t.lower_ == "one"):
        t = prep_object(t, "of")
    if t is None or any(c.lower_ in _UNMANNED for c in t.children if c.dep_ in {"amod", "compound", "advmod"}) \
            or any(c.dep_ == "det" and c.lower_ == "no" for c in t.children):
        return False   # "an unmanned aircraft", "shot down no Turkish planes"
    words = [t, *(c for c in t.children if c.dep_ in {"compound", "nmod", "appos"})]
    return any(w.lemma_.lower() in AIRCRAFT or w.lower_ in AIRCRAFT or _MODEL.fullmatch(w.lower_) for w in words)


@functools.lru_cache(maxsize=64)   # asked once per sentence with the event's keywords
def aircraft_event(keywords: tuple[str, ...]) -> bool:
    """Does one of the event's keywords name a manned aircraft ("airliner", "Russian jet", "Su-24", "MH17"; not
    "unmanned aircraft")?"""
    for k in keywords:
        words = re.findall(r"[\w-]+", k.lower())
        if any(w in _UNMANNED for w in words):
            continue   # "unmanned aircraft", "drone aircraft"
        for w in words:
            if w in AIRCRAFT or w.rstrip("s") in AIRCRAFT or _MODEL.fullmatch(w):
                return True
    return False


def _downed(v: Token) -> Token | None:
    """What the verb `v` brings down: its object, or its subject when passive."""
    return child(v, "nsubjpass") if is_passive(v) else child(v, "dobj")


def downs_aircraft(v: Token) -> bool:
    """Is `v` a shoot-down verb ("shot down", "brought down", "downed") whose object is a manned aircraft?"""
    return _is_aircraft(_downed(v))


def _of_object(n: Token) -> Token | None:
    return prep_object(n, "of")


def downing_drafts(sent: Span, pidx: PartyIndex | None, drafts: list[_Draft]) -> list[_Draft]:
    """Downings of an aircraft as acts "down": a shoot-down verb the act words read as a recovery is one (changed in
    `drafts` in place); the verb "down" and the nouns of downing (downing.toml), which they do not read, are returned
    as new drafts: the verb's subject (passive: its agent) or the noun's possessor ("Turkey's downing of …") is the
    actor. An act "down" is a blame a source makes, never an own-voice verdict (sentence.py): that a side shot the
    aircraft down is seldom in dispute, whether it was provoked often is."""
    for d in drafts:
        if d.recovery and d.token.pos_ == "VERB" and downs_aircraft(d.token):
            d.recovery, d.action = False, "down"
    act_ids = {d.token.i for d in drafts}
    out: list[_Draft] = []
    for t in sent:
        if t.i in act_ids:
            continue
        if t.pos_ == "VERB" and t.lemma_.lower() == "down" and downs_aircraft(t):
            passive = is_passive(t)
            actor = agent_of(t) if passive else subject_of(t)
            if actor is None and t.dep_ == "pcomp" and t.head.head.pos_ == "NOUN":
                actor = _noun_actor(t.head.head, pidx)   # "Turkey's actions in downing the plane"
            out.append(_Draft(t, t, "down", actor, _downed(t), passive))
        elif t.pos_ in {"NOUN", "PROPN"} and t.lower_ in DOWNING_NOUNS and (
                _is_aircraft(_of_object(t)) or any(c.dep_ == "compound" and _is_aircraft(c) for c in t.children)):
            out.append(_Draft(t, _anchor_of_noun(t), "down", _noun_actor(t, pidx), _of_object(t), False))
    return out
