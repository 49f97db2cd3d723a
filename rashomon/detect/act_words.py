"""Act words: which word of a parse names a hostile act, and which action it is (lexicon.ACTIONS): verbs, nouns,
ceasefire and control objects, weapons and interceptions. Used by initiator.py."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from spacy.tokens import Token

from ._syntax import (
    accusing_verb,
    child,
    prep_object,
)
from .lexicon import (
    _ACT_WORDS,
    ACCUSE_VERBS,
    ACT_OF_NOUNS,
    AERIAL_NOUNS,
    ANSWER_GOVERNORS,
    ANSWERED_NOUNS,
    CEASEFIRE_NOUNS,
    CONTROL_VERBS,
    DOWNED_MODIFIERS,
    ESCALATION_NOUNS,
    FORCE_NOUNS,
    GENERIC_ACT_NOUNS,
    HOSTILE_MODIFIERS,
    HOSTILE_NOUNS,
    HOSTILE_VERBS,
    IMPACT_VERBS,
    INCURSION_VERBS,
    OPEN_GROUND_NOUNS,
    PHRASAL_HOSTILE_VERBS,
    REACTION_NOUNS,
    RETALIATION_MODIFIERS,
    SOVEREIGN_NOUNS,
    STAGE_VERBS,
    TERRITORY_NOUNS,
    STARTER_VERBS,
    SUBJECT_VERBS,
    VESSEL_NOUNS,
    VESSEL_VERBS,
    VIOLATE_VERBS,
    WEAPON_NOUNS,
    WEAPON_USE_VERBS,
)

log = logging.getLogger(__name__)

_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_DECADE = re.compile(r"^(1[89]\d0|20\d0)'?s$|^'\d0s$")
_TEMPORAL_PREPS = {"on", "in", "since", "during", "throughout", "before", "until", "till", "from", "for", "after",
                   "by", "between", "at"}
_MODIFIER_DEPS = {"amod", "compound", "nmod", "npadvmod"}


@dataclass
class _Draft:
    token: Token
    anchor: Token  # the verb that carries the act's clause (the noun's support verb, or the verb itself)
    action: str
    actor_tok: Token | None
    target_tok: Token | None
    passive: bool
    actor: str | None = None
    target: str | None = None
    responsive: bool = False
    recovery: bool = False  # taking something back, or shooting down what was fired: never the initiating act
    admitted: bool = False  # the actor claims the act ("X claimed responsibility for the attack")


#: Actions read only as a source's blame, never as the outlet's own verdict: backing a side (blame_drafts.
#: backing_drafts) and downing an aircraft (downing.py: that a side shot it down is seldom in dispute, whether it was
#: provoked often is).
BLAME_ONLY_ACTIONS = frozenset({"back", "down"})


def _mods(t: Token) -> set[str]:
    return {c.lower_ for c in t.children if c.dep_ in _MODIFIER_DEPS | {"amod"}} | {
        c.lemma_.lower() for c in t.children if c.dep_ in _MODIFIER_DEPS}


def _is_ceasefire_word(t: Token) -> bool:
    """"fire" in "cease-fire", "ceasefire", a ceasefire "regime"/"agreement"."""
    if t.lower_ in {"ceasefire", "cease-fire", "truce", "armistice"}:
        return True
    return t.lower_ == "fire" and any(c.lower_ == "cease" for c in t.children) or (
        t.lower_ == "fire" and t.i >= 2 and t.doc[t.i - 2].lower_ == "cease")


def _is_modifier(n: Token) -> bool:
    """A noun that modifies another noun ("sabotage" in "terrorist and sabotage action") is not an act itself."""
    t = n
    for _ in range(4):
        if t.dep_ in {"compound", "amod", "nmod"}:
            return True
        if t.dep_ != "conj":
            return False
        t = t.head
    return False


def _answered(n: Token) -> bool:
    """Is the noun what a response answers: the object of "for"/"to" after a response word ("retaliate for …", "in
    response to …")?"""
    return n.dep_ == "pobj" and n.head.lower_ in {"for", "to"} and (
        n.head.head.lemma_.lower() in ANSWER_GOVERNORS or n.head.head.lower_ in ANSWER_GOVERNORS) and any(
        c.dep_ == "prep" and c.lower_ in {"against", "on"} and child(c, "pobj") is not None for c in n.children)


def _noun_action(n: Token) -> str | None:
    lemma = n.lemma_.lower()
    if lemma not in HOSTILE_NOUNS and n.lower_ in HOSTILE_NOUNS:
        lemma = n.lower_
    nounlike = n.pos_ in {"NOUN", "PROPN"} or (
        n.dep_ in {"dobj", "nsubj", "nsubjpass", "pobj", "attr"} and n.tag_ not in {"VBD", "VBZ", "VBP", "VB"}
        and lemma in HOSTILE_NOUNS)
    if not nounlike or _is_ceasefire_word(n) or _is_modifier(n):
        return None
    if n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.lemma_.lower() in GENERIC_ACT_NOUNS \
            and n.head.head.pos_ in {"NOUN", "PROPN"}:
        return None  # "an act of terror": the act noun carries it
    if lemma in {"retaliation", "response", "reply", "revenge", "reprisal"} and n.dep_ == "pobj" \
            and n.head.lower_ in {"in", "as"}:
        return None  # "in retaliation for …" marks another act as a response
    mods = _mods(n)
    doc = n.doc
    retaliatory = bool(mods & RETALIATION_MODIFIERS) or (
        n.i >= 2 and doc[n.i - 1].text in {"-", "–"} and doc[n.i - 2].lower_ in RETALIATION_MODIFIERS)
    if lemma in ANSWERED_NOUNS and _answered(n):
        return "attack"   # "retaliating for the Israeli campaign against Hezbollah"
    if lemma in HOSTILE_NOUNS:
        action = HOSTILE_NOUNS[lemma]
        if action == "violate_ceasefire" and not (
                any(_is_ceasefire_word(c) or c.lemma_.lower() in CEASEFIRE_NOUNS for c in n.subtree)):
            of = prep_object(n, "of")   # "Iran's violation of Pakistani airspace", "Airspace Violation By Iran": an
            return "attack" if of is not None and _sovereign(of, noun=True) or any(   # incursion, as the verb's
                c.dep_ == "compound" and _sovereign(c, noun=True) for c in n.children) else None
        return "retaliate" if retaliatory else action
    if lemma in GENERIC_ACT_NOUNS:
        if retaliatory or lemma in {"response", "reply"} and mods & HOSTILE_MODIFIERS:
            return "retaliate"   # "a retaliatory measure", "ordered a military response to …"
        if mods & HOSTILE_MODIFIERS:
            return "attack"
        of = prep_object(n, "of")
        if of is not None and (of.lemma_.lower() in ACT_OF_NOUNS or of.lemma_.lower() in HOSTILE_NOUNS):
            return "attack"  # "an act of terror / of war / of aggression"
    return None


def _ceasefire_object(v: Token) -> bool:
    for c in v.children:
        if c.dep_ in {"dobj", "nsubjpass"} and (c.lemma_.lower() in CEASEFIRE_NOUNS or _is_ceasefire_word(c) or any(
                _is_ceasefire_word(g) for g in c.children)):
            return True
    return False


def _control_object(v: Token) -> bool:
    if any(c.dep_ == "dobj" and c.lemma_.lower() == "control" for c in v.children):
        return True
    obj = prep_object(v, "under")
    return obj is not None and obj.lemma_.lower() == "control"


def _in_accusation(v: Token) -> bool:
    """Is the verb the content of an accusation: "accused Y of [staging] it", "blamed Y for [carrying out] …"?"""
    for _ in range(4):
        if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.lower_ in {"of", "for", "with"} \
                and accusing_verb(v.head) is not None:
            return True
        if v.dep_ == "conj" and v.tag_ == "VBG" and v.head.lemma_.lower() in ACCUSE_VERBS and v.head.tag_ != "VBG":
            return True
        if v.dep_ != "conj":
            return False
        v = v.head
    return False


def _verb_forms(t: Token) -> set[str]:
    """The lemma plus base forms guessed from the inflection (the lemmatiser reads "staging" as "stag")."""
    low = t.lower_
    out = {t.lemma_.lower(), low}
    for suffix in ("ing", "ed", "es", "s"):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            stem = low[: -len(suffix)]
            out |= {stem, stem + "e"}
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.add(stem[:-1])  # "planned" → "plan"
    return out


def _weapon(t: Token | None) -> bool:
    return t is not None and (t.lemma_.lower() in WEAPON_NOUNS or t.lower_ in WEAPON_NOUNS)


def _weapon_use(v: Token) -> bool:
    """"launched drones", "drones launched by X", "used missiles", "a type (of missile) used by X"."""
    if any(c.dep_ in {"dobj", "nsubjpass"} and _weapon(c) for c in v.children):
        return True
    if v.dep_ in {"acl", "relcl", "amod"}:
        head = v.head
        if _weapon(head):
            return True
        if head.lemma_.lower() in {"type", "kind", "model", "sort", "variant"} and head.dep_ == "pobj":
            cop = head.head.head  # "the missile was of a type used by X"
            return any(c.dep_ in {"nsubj", "nsubjpass"} and _weapon(c) for c in cop.children)
    return False


def _interception(v: Token) -> bool:
    """"shot down a jet", "intercepted missiles": a defensive act, never the one that starts the fighting."""
    lemma = v.lemma_.lower()
    down = any(c.dep_ in {"prt", "advmod", "prep"} and c.lower_ == "down" for c in v.children)
    if lemma in {"shoot", "fire", "bring"} and down:
        return True
    return lemma == "intercept" and any(c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in AERIAL_NOUNS
                                        for c in v.children)


def _vessel_object(v: Token) -> bool:
    """The verb's object (or a conjoined verb's shared one: "intercepted and foiled a mission") is a vessel or a
    mission at sea, or one of its compounds is ("the supply boats", "a resupply mission")."""
    verbs = [v, *(c for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    if v.dep_ == "conj":
        verbs.append(v.head)
    for verb in verbs:
        for c in verb.children:
            if c.dep_ in {"dobj", "nsubjpass"} and (c.lemma_.lower() in VESSEL_NOUNS or any(
                    g.dep_ == "compound" and g.lemma_.lower() in VESSEL_NOUNS for g in c.children)):
                return True
    return False


#: Verbs that say where a munition came from: its origin launched it ("the drones came from Russia").
ORIGIN_VERBS = frozenset({"come", "originate"})


def _thing_went_off(v: Token) -> bool:
    """"the pagers of hundreds of operatives blow up": a thing that exploded, no one blowing it up (no object, no
    passive, and a subject that is a common noun but no force: "Russian troops blew up the plant" is an act)."""
    if any(d.dep_ in {"dobj", "nsubjpass", "auxpass", "ccomp"} for d in v.children):
        return False
    if v.dep_ in {"acl", "amod"}:   # "Russian stuff blowing up": the noun a present participle hangs on went off
        subj = v.head if v.tag_ == "VBG" else None
    else:
        subj = next((d for d in v.children if d.dep_ == "nsubj"), None)
    return subj is not None and subj.pos_ == "NOUN" and subj.lemma_.lower() not in FORCE_NOUNS


def _sovereign(n: Token, noun: bool = False) -> bool:
    """A sovereign noun ("airspace", "border"; "air space"). After the noun "violation", not "sovereignty": "a
    violation of its sovereignty" is mostly a label ("the sanctions are a violation of Russia's sovereignty")."""
    return (n.lemma_.lower() in SOVEREIGN_NOUNS and not (noun and n.lemma_.lower() == "sovereignty")) \
        or n.lower_ == "space" and any(g.lower_ == "air" for g in n.children)


def _verb_action(v: Token) -> str | None:
    if v.pos_ not in {"VERB", "AUX"} and not (v.pos_ == "ADJ" and v.tag_ == "VBN"):
        return None
    lemma = v.lemma_.lower()
    if _interception(v):
        return "fire"
    if lemma in WEAPON_USE_VERBS and lemma != "fire" and _weapon_use(v):
        return "strike"
    if lemma in VIOLATE_VERBS and _ceasefire_object(v):
        return "violate_ceasefire"
    if lemma in VIOLATE_VERBS | {"cross", "enter", "invade"} and any(
            c.dep_ in {"dobj", "nsubjpass"} and _sovereign(c) for c in v.children):
        return "attack"  # "violated its airspace", "crossed the border", "entered the country's air space"
    into = prep_object(v, "into") if lemma in INCURSION_VERBS else None
    if into is not None and into.lemma_.lower() in TERRITORY_NOUNS | SOVEREIGN_NOUNS:
        return "attack"  # "tried to break into the territory of the Kursk region"
    subjects = [*v.children, *(v.head.children if v.dep_ == "conj" else ())]   # "… downed over X came from Y"
    if lemma in ORIGIN_VERBS and prep_object(v, "from") is not None and any(
            c.dep_ == "nsubj" and _weapon(c) for c in subjects):
        return "strike"  # "the drones came from Russia": launched by it (act_roles: the actor is where from)
    hit = prep_object(v, "into", "on", "onto", "through") if lemma in IMPACT_VERBS else None
    if hit is not None and hit.lemma_.lower() not in OPEN_GROUND_NOUNS and any(
            c.dep_ == "nsubj" and _weapon(c) and not _mods(c) & DOWNED_MODIFIERS for c in subjects):
        return "strike"  # "a Russian missile slams into a packed restaurant" (not "the downed drone crashed into a field")
    if lemma in VESSEL_VERBS and _vessel_object(v):
        return "attack"  # "intercepted and foiled a resupply mission", "boarded a Filipino vessel"
    if lemma in CONTROL_VERBS and _control_object(v):
        return "seize"
    if lemma in {"send", "deploy", "dispatch", "move", "push"} and prep_object(v, "into", "onto") is not None and any(
            c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in FORCE_NOUNS for c in v.children):
        return "attack"  # "accused X of sending troops onto its territory": an incursion
    if lemma == "return" and any(c.dep_ == "dobj" and c.lower_ == "fire" for c in v.children):
        return "retaliate"
    if lemma in STARTER_VERBS and any(c.dep_ in {"dobj", "nsubjpass"} and (
            c.lemma_.lower() in ESCALATION_NOUNS or c.lower_ in ESCALATION_NOUNS) for c in v.children):
        return "provoke"  # "Azerbaijan started the fighting"
    if lemma in HOSTILE_VERBS:
        if lemma in {"hit", "strike"} and any(c.dep_ in {"prt", "advmod"} and c.lower_ == "back" for c in v.children):
            means = prep_object(v, "with")
            if means is not None and (means.lemma_.lower() in HOSTILE_NOUNS or _weapon(means)):
                return "retaliate"   # "Pakistan hit back with a missile strike on Iran"
            return None  # "Ukraine hit back, claiming that …", "hit back at Baku's accusations": a retort
        if HOSTILE_VERBS[lemma] == "provoke" and any(c.dep_ == "dobj" and c.lemma_.lower() in REACTION_NOUNS
                                                     for c in v.children):
            return None  # "the war has provoked international outrage": a reaction, not a provocation
        if lemma == "fire" and any(c.dep_ == "dobj" and c.lemma_.lower() not in {"shot", "round", "bullet", "salvo",
                                                                                    "volley", *WEAPON_NOUNS}
                                     for c in v.children) and not prep_object(v, "on", "at", "upon", "into"):
            return None  # "fired the commander"
        if lemma in SUBJECT_VERBS and not (any(c.dep_ == "nsubj" for c in v.children)
                                           and any(c.dep_ == "dobj" for c in v.children)):
            return None  # "three soldiers were wounded", "killed nine and wounded 14 others": a casualty report
        return HOSTILE_VERBS[lemma]
    for c in v.children:
        if c.dep_ == "prt" and (lemma, c.lower_) in PHRASAL_HOSTILE_VERBS and not _thing_went_off(v):
            return PHRASAL_HOSTILE_VERBS[(lemma, c.lower_)]
    if lemma in {"explode", "detonate", "blow"} and v.head.lemma_.lower() in {"make", "cause"} \
            and v.dep_ in {"ccomp", "xcomp"}:
        return "attack"   # "Israel makes hundreds of pagers explode": the subject of "makes" did it
    forms = _verb_forms(v)
    if forms & STAGE_VERBS and not forms & set(HOSTILE_VERBS) and _in_accusation(v) and any(
            c.dep_ in {"dobj", "prt"} for c in v.children) and not any(
            c.dep_ == "dobj" and (c.lemma_.lower() in HOSTILE_NOUNS or c.lemma_.lower() in GENERIC_ACT_NOUNS)
            for c in v.children):
        return "attack"  # "accused Kyiv of staging the tragedy" (a hostile object is an act of its own)
    return None


def party_label(label: Token) -> bool:
    """A dismissive label that names whose it is ("described the attack as a [Ukrainian] provocation", "called it a
    Hamas fabrication"): it says that party staged it, an accusation, not a denial that the act happened."""
    return any(c.dep_ in {"amod", "compound", "poss", "nmod"} and (c.ent_type_ in {"NORP", "GPE", "ORG"} or c.pos_ ==
                                                                    "PROPN") for c in label.children)


_REPORT_CLAUSE = frozenset(_ACT_WORDS["report_clause"]["verbs"])


def report_clause(c: Token) -> bool:
    """An "after" clause that only reports ("after witnesses reported heavy gunfire"): when an act came, not what it
    answered (act_words.toml [report_clause]). Not with a "that" clause or anyone named in it ("after officials
    reported that Hamas fired", "after Israeli media reported an airstrike")."""
    return c.lemma_.lower() in _REPORT_CLAUSE and not any(
        x.dep_ == "ccomp" or x.ent_type_ in {"NORP", "GPE", "ORG"} for x in c.subtree)
