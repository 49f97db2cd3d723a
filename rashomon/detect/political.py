"""Political initiation: who brings an office-holder down (GUIDELINES V.3: for a political story the verdict is who
caused the event). The words are data (`political_acts.toml`); every act read here has action "oust".

- a removal verb with a removable object: "X voted to oust Y", "X filed the motion to remove Y", "stripped Y of the
  speakership", "forced him out", "Y was toppled" (agentless: the actor comes from a cause phrase, "in a revolt by X",
  as for any act, see initiator.py). A removable object is a party, a person (a personal pronoun, a PERSON name,
  a title such as "the congressman") or an office ("vacated the chair"), never an armed force ("pushed the troops
  out");
- a removal noun: "the right-flank Republicans who engineered his removal", "the ouster of Y by X";
- a revolt noun: "a revolt by X", "X's rebellion";
- a move noun that carries a removal: "the motion to vacate, spearheaded by X", "X forced the removal vote",
  "X orchestrated the vote on the motion to vacate".
The author of a noun is its possessor (not for a removal noun: "his removal" is whom it removes), a by-phrase, the
agent of a passive modifier ("spearheaded by X") or the subject of a leading verb ("filed", "engineered", "led").
The status of each act (background, negated, irrealis, a response) is read as for any act (act_background.py, act_status.py).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

from ._syntax import PartyIndex, agent_of, child, is_passive, prep_object, subject_of
from .act_words import _Draft
from .lexicon import FORCE_NOUNS

POLITICAL_ACTS_PATH = Path(__file__).with_name("political_acts.toml")
ACTION = "oust"
_PERSONAL = frozenset({"him", "her", "them", "he", "she", "they"})


@dataclass(frozen=True)
class PoliticalWords:
    removal_verbs: frozenset[str]
    removal_verb_preps: dict[str, str]
    removal_phrasal: frozenset[tuple[str, str]]
    removal_nouns: frozenset[str]
    revolt_nouns: frozenset[str]
    move_nouns: frozenset[str]
    lead_verbs: frozenset[str]
    office_nouns: frozenset[str]
    person_nouns: frozenset[str]
    joining_verbs: frozenset[str]


@lru_cache(maxsize=4)
def load_political_words(path: Path = POLITICAL_ACTS_PATH) -> PoliticalWords:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return PoliticalWords(
        removal_verbs=frozenset(data["removal_verbs"]),
        removal_verb_preps=dict(data.get("removal_verb_preps", {})),
        removal_phrasal=frozenset((a, b) for a, b in data["removal_phrasal"]),
        removal_nouns=frozenset(data["removal_nouns"]),
        revolt_nouns=frozenset(data["revolt_nouns"]),
        move_nouns=frozenset(data["move_nouns"]),
        lead_verbs=frozenset(data["lead_verbs"]),
        office_nouns=frozenset(data["office_nouns"]),
        person_nouns=frozenset(data["person_nouns"]),
        joining_verbs=frozenset(data["joining_verbs"]),
    )


def _removable(t: Token | None, pidx: PartyIndex, w: PoliticalWords) -> bool:
    if t is None:
        return False
    # a person or an office, never an armed force ("drove the enemy's troops out" is no removal from office)
    if t.lemma_.lower() in FORCE_NOUNS:
        return False
    return (pidx.party_of(t) is not None or t.lower_ in _PERSONAL or t.ent_type_ == "PERSON"
            or t.lemma_.lower() in w.office_nouns | w.person_nouns)


def _phrasal(v: Token, w: PoliticalWords) -> bool:
    return any(c.dep_ in {"prt", "prep", "advmod"} and (v.lemma_.lower(), c.lower_) in w.removal_phrasal
               for c in v.children)


def _removal_verb(v: Token, w: PoliticalWords) -> bool:
    if v.pos_ not in {"VERB", "AUX"}:
        return False
    lemma = v.lemma_.lower()
    if _phrasal(v, w):
        return True
    if lemma not in w.removal_verbs:
        return False
    need = w.removal_verb_preps.get(lemma)
    return need is None or prep_object(v, need) is not None


def _move_noun(n: Token, w: PoliticalWords) -> bool:
    """A political move that carries a removal: "motion to vacate", "push to remove X", "removal vote"."""
    if n.pos_ not in {"NOUN", "PROPN"} or n.lemma_.lower() not in w.move_nouns:
        return False
    doc = n.doc
    if n.i + 2 < len(doc) and doc[n.i + 1].lower_ == "to" and doc[n.i + 2].lower_ in w.removal_verbs:
        return True   # "the Motion to Vacate" read as a name (the parser makes "Vacate" a proper noun)
    for c in n.children:
        if c.dep_ in {"acl", "relcl", "advcl"} and _removal_verb(c, w):
            return True
        if c.dep_ in {"compound", "amod", "nmod"} and c.lemma_.lower() in w.removal_nouns:
            return True
        if c.dep_ == "prep" and c.lower_ in {"on", "of", "for"}:
            obj = child(c, "pobj")
            if obj is not None and (obj.lemma_.lower() in w.removal_nouns or _move_noun(obj, w)):
                return True   # "the vote on the motion to vacate", "the vote for his removal"
    return False


def _lead_actor(n: Token, w: PoliticalWords) -> Token | None:
    """The subject (or agent) of the leading verb that governs noun `n`: "X filed [the motion]", "[the motion]
    spearheaded by X", "X orchestrated the vote on [the motion]"."""
    for _ in range(4):
        for c in n.children:
            if c.dep_ in {"acl", "relcl"} and is_passive(c) and c.lemma_.lower() in w.lead_verbs:
                agent = agent_of(c)
                if agent is not None:
                    return agent
        by = prep_object(n, "by")
        if by is not None:
            return by
        head = n.head
        if n.dep_ == "nsubj":   # "[the Motion] to Vacate, spearheaded by X, carried": the passive hangs on the verb
            for c in head.children:
                if c.dep_ in {"advcl", "acl"} and c.lemma_.lower() in w.lead_verbs and is_passive(c) \
                        and agent_of(c) is not None:
                    return agent_of(c)
        if n.dep_ in {"dobj", "nsubjpass"} and head.lemma_.lower() in w.lead_verbs and head.pos_ in {"VERB", "AUX"}:
            return agent_of(head) if is_passive(head) else subject_of(head)
        if n.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in {"on", "of", "for"}:
            if head.head.pos_ in {"NOUN", "PROPN"}:
                n = head.head
                continue
            if head.head.lemma_.lower() in w.lead_verbs and head.head.pos_ in {"VERB", "AUX"}:
                return subject_of(head.head)   # "X orchestrated the vote on [the motion to vacate]"
        return None
    return None


def _anchor(v: Token) -> Token:
    """The verb that carries the act's clause: up the control chain ("did not [vote] to oust X")."""
    a = v
    while (a.dep_ == "xcomp" or a.dep_ == "ccomp" and a.tag_ == "VB") and a.head.pos_ in {"VERB", "AUX"}:
        a = a.head   # "will help X [oust] Y": the bare infinitive's clause is "help"'s
    return a


def _verb_draft(v: Token, pidx: PartyIndex, w: PoliticalWords) -> _Draft | None:
    passive = is_passive(v)
    target = child(v, "nsubjpass") if passive else child(v, "dobj")
    if target is None and v.lemma_.lower() == "vacate" and v.dep_ == "acl" and _move_noun(v.head, w):
        target = None   # "the motion to vacate (the chair)": the move names the office itself
    elif not _removable(target, pidx, w):
        return None
    head = v.head
    if passive:
        actor = agent_of(v)
    else:
        actor = subject_of(v)
        if v.dep_ == "xcomp" and any(c.dep_ == "dobj" and c.lemma_.lower() in w.move_nouns for c in head.children):
            actor = subject_of(head)   # "X used Y's votes to oust Z": the votes are a means, not the actor
        if actor is None and v.dep_ in {"advcl", "xcomp"} and head.pos_ in {"VERB", "AUX"}:
            actor = subject_of(head)   # "X filed the motion to remove Y" (purpose clause)
        if actor is None and v.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in {"VERB", "AUX"}:
            actor = subject_of(head.head)   # "X went after Y after [taking] the gavel away from him"
        if actor is None and v.dep_ in {"acl", "relcl"} and head.pos_ in {"NOUN", "PROPN"}:
            actor = _lead_actor(head, w)   # "X filed the motion to remove Y"
            if actor is None and not _move_noun(head, w) and head.dep_ == "pobj" \
                    and head.head.head.pos_ in {"VERB", "AUX"}:
                actor = subject_of(head.head.head)   # misattached purpose: "X sided with Y [to remove] Z"
    draft = _Draft(v, _anchor(v), ACTION, actor, target, passive)
    # "X joined Y to topple him": X answers Y's move, it does not start it
    draft.responsive = v.dep_ in {"advcl", "xcomp"} and head.lemma_.lower() in w.joining_verbs
    return draft


def _noun_draft(n: Token, pidx: PartyIndex, w: PoliticalWords) -> _Draft | None:
    lemma = n.lemma_.lower()
    if n.pos_ not in {"NOUN", "PROPN"} or n.dep_ in {"compound", "amod", "nmod"}:
        return None
    anchor = n.head if n.dep_ in {"dobj", "nsubj", "nsubjpass", "attr"} and n.head.pos_ in {"VERB", "AUX"} else n
    if lemma in w.removal_nouns:
        target = child(n, "poss") or prep_object(n, "of")
        return _Draft(n, anchor, ACTION, _lead_actor(n, w), target, passive=False)
    if lemma in w.revolt_nouns:
        actor = child(n, "poss") or _lead_actor(n, w)
        if actor is None:
            actor = next((c for c in n.children if c.dep_ in {"amod", "compound"} and c.i in pidx.by_token), None)
        return _Draft(n, anchor, ACTION, actor, prep_object(n, "against"), passive=False)
    if _move_noun(n, w):
        actor = child(n, "poss") or _lead_actor(n, w)
        return _Draft(n, anchor, ACTION, actor, None, passive=False)
    return None


def political_drafts(sent: Span, pidx: PartyIndex, taken: set[int], words: PoliticalWords | None = None) \
        -> list[_Draft]:
    """The political acts of `sent` (module docstring), skipping tokens already read as acts (`taken`)."""
    w = words or load_political_words()
    out: list[_Draft] = []
    for t in sent:
        if t.i in taken:
            continue
        d = _verb_draft(t, pidx, w) if _removal_verb(t, w) else _noun_draft(t, pidx, w)
        if d is not None:
            out.append(d)
    return out
