"""Whose dead a sentence names, read from the death verb's arguments.

The party words inside the phrase that names the dead: the subject of a passive verb ("Two servicemen of the Defense
Army … were killed", "Private K of the Azerbaijan Army was martyred"), of an intransitive one ("three X soldiers
died") or of a headline's bare participle ("X Soldier Killed"), the noun a participle describes ("soldiers killed in
the attack"), and the object of an active one ("the strike killed two X soldiers", "X forces killed and wounded
several Y soldiers": the object a coordinated verb shares).

The killer is never read: not the subject of an active verb ("X forces killed …"), nor an agent, a cause or a clause
inside the victims' phrase ("a soldier hit by X sniper fire", "the victims of the X provocation", "soldiers who
were defending positions against X forces"). A negated death ("No X soldiers were killed") names no dead.

wording_compare.py uses it so that "killed" in one outlet and "martyred" in another are a wording difference only
when they are said of the same side's dead, not of two sides' dead in two sentences an alignment happened to pair.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ._syntax import PartyIndex
from .lexicon import HOSTILE_NOUNS, QUANTITY_WORDS
from .parties import PartyMatcher
from .victim_sides import casualty_quantity

#: The quantities whose words name the dead.
DEATH_QUANTITIES = frozenset({"killed", "dead"})
#: Death verbs whose subject is the dead ("three soldiers died"); other verbs' subject is the killer.
_INTRANSITIVE = frozenset({"die", "perish", "succumb"})
_SUFFIXES = ("ings", "ing", "s", "ed", "d")
#: Parts of the victims' phrase that are not the victims: clauses, agents, participles.
_NOT_VICTIM_DEPS = frozenset({"relcl", "acl", "advcl", "agent"})


def _stems(word: str) -> list[str]:
    w = word.lower()
    return [w, *(w[: -len(s)] for s in _SUFFIXES if w.endswith(s) and len(w) > len(s) + 2)]


def is_death_word(word: str | None) -> bool:
    """Is `word` ("killed", "martyred", "martyrs", "killing", "deaths") a word for people killed?"""
    return bool(word) and any(QUANTITY_WORDS.get(s) in DEATH_QUANTITIES for s in _stems(word))


def _death_verb(t: Token) -> bool:
    return t.pos_ in {"VERB", "ADJ", "AUX"} and not any(c.dep_ == "neg" for c in t.children) \
        and casualty_quantity(t) == "killed"


def _objects(verb: Token) -> list[Token]:
    """The verb's objects, or those of a verb coordinated with it ("killed and wounded several soldiers")."""
    own = [c for c in verb.children if c.dep_ == "dobj"]
    if own:
        return own
    partners = [c for c in verb.children if c.dep_ == "conj"] + ([verb.head] if verb.dep_ == "conj" else [])
    return [c for p in partners for c in p.children if c.dep_ == "dobj"]


def victim_phrases(verb: Token) -> list[Token]:
    """The heads of the phrases naming the people `verb` (a killed / wounded / dead word) says were hit."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.i > verb.head.i:
        return [verb.head]   # "soldiers killed in the attack", a headline's "X Soldier Killed in Border Clash"
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
    if passive:
        return [c for c in verb.children if c.dep_ == "nsubjpass"]
    objects = _objects(verb)
    if objects:
        return objects   # "the strike killed two X soldiers"
    bare = verb.tag_ == "VBN" and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
    if verb.lemma_.lower() in _INTRANSITIVE or verb.pos_ == "ADJ" or bare:
        return [c for c in verb.children if c.dep_ == "nsubj"]   # "… died", a headline's "X Soldier Killed"
    return []


def _victim_tokens(head: Token) -> list[Token]:
    """The tokens of the victims' phrase, without its clauses, agents and "of <hostile act>" phrases."""
    out, stack = [], [head]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ in _NOT_VICTIM_DEPS or c.dep_ == "prep" and c.lower_ in {"by", "against"}:
                continue
            if c.dep_ == "det" and c.lower_ == "no":
                return []   # "No X soldiers were killed"
            if c.dep_ == "prep" and c.lower_ == "of" and any(
                    g.dep_ == "pobj" and g.lemma_.lower() in HOSTILE_NOUNS for g in c.children):
                continue   # "the victims of the X provocation"
            stack.append(c)
    return out


def dead_parties(span: Span, matcher: PartyMatcher) -> tuple[str, ...]:
    """The parties whose people the sentence says were killed (sorted; empty when it names none)."""
    heads = [head for verb in span if _death_verb(verb) for head in victim_phrases(verb)]
    if not heads:
        return ()
    pidx = PartyIndex.build(span, matcher)
    return tuple(sorted({m.party_id for head in heads for t in _victim_tokens(head)
                         if (m := pidx.by_token.get(t.i)) is not None}))
