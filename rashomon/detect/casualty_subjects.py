"""Whose people a sentence says were killed or wounded, read from the casualty verb's arguments.

The party words inside the phrase that names the dead or wounded: the subject of a passive casualty verb ("Two
servicemen of the Defense Army … were killed", "Private K of the Azerbaijan Army was martyred"), the subject of an
intransitive one ("three X soldiers died") and the object of an active one ("the strike killed two X soldiers").
The killer is never read ("X forces killed …": X is the agent, not the dead), nor a phrase of the agent or the
cause inside the victims' phrase ("as a result of the X aggression" hangs on the verb, not on its subject).

compare.py uses it so that "killed" in one outlet and "martyred" in another are a wording difference only when they
are said of the same side's dead, not of two sides' dead in two sentences an alignment happened to pair.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ._syntax import PartyIndex
from .lexicon import QUANTITY_WORDS
from .parties import PartyMatcher

#: The quantities whose words name people killed or wounded.
CASUALTY_QUANTITIES = frozenset({"killed", "dead", "wounded"})
_SUBJECTS = {"nsubjpass", "nsubj"}
_OBJECTS = {"dobj"}


def is_casualty_word(word: str | None) -> bool:
    """Is `word` ("killed", "martyred", "wounded") a word for people killed or wounded?"""
    return bool(word) and QUANTITY_WORDS.get(word.lower()) in CASUALTY_QUANTITIES


def _casualty_verb(t: Token) -> bool:
    return t.pos_ in {"VERB", "ADJ", "AUX"} and (is_casualty_word(t.lemma_) or is_casualty_word(t.lower_))


def _victim_phrases(verb: Token) -> list[Token]:
    """The heads of the phrases naming the dead or wounded of `verb`."""
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
    has_object = any(c.dep_ in _OBJECTS for c in verb.children)
    out = []
    for c in verb.children:
        if c.dep_ == "nsubjpass" or (c.dep_ == "nsubj" and not passive and not has_object):
            out.append(c)   # "… were killed", "… died", "… were martyred"
        elif c.dep_ in _OBJECTS and not passive:
            out.append(c)   # "the strike killed two X soldiers"
    return out


def casualty_parties(span: Span, matcher: PartyMatcher) -> tuple[str, ...]:
    """The parties whose people the sentence says were killed or wounded (sorted; empty when it names none)."""
    heads = [head for verb in span if _casualty_verb(verb) for head in _victim_phrases(verb)]
    if not heads:
        return ()
    pidx = PartyIndex.build(span, matcher)
    found: set[str] = set()
    for head in heads:
        for t in head.subtree:
            if (m := pidx.by_token.get(t.i)) is not None:
                found.add(m.party_id)
    return tuple(sorted(found))
