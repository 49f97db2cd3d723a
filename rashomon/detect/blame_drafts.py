"""Blame said with a noun, not an act verb: "X bears responsibility for the escalation", "X is behind the tension",
"X denied any involvement", "placed the blame on Y", "Hamas blamed Israel", "blamed the clashes on X", "X
masterminded the explosion", "accused Kyiv of the blast", "X claimed responsibility for the attack" (X's own act, admitted). Each becomes a "provoke" draft whose actor is the one
blamed. Used by initiator.py."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ._syntax import (
    PartyIndex,
    agent_of,
    child,
    np_tokens,
    subject_of,
    withheld_claim,
)
from .act_roles import _resort_verb, _responsibility_of, _responsible_actor
from .act_words import _Draft, _noun_action
from .blame_on import (
    accused_party,
    accusing_verb_of,
    bare_involvement,
    blame_lies_with,
    blame_placed_on,
    one_to_blame,
    to_blame,
)
from .lexicon import (
    _ACT_WORDS,
    ACCUSATION_NOUNS,
    ADMIT_VERBS,
    ATTRIBUTING_VERBS,
    AUTHOR_VERBS,
    BACKING_VERBS,
    BARE_BLAME_VERBS,
    BLAME_OBJECT_NOUNS,
    DENIAL_VERBS,
    ESCALATION_NOUNS,
    INVOLVEMENT_NOUNS,
    RESPONSIBILITY_WORDS,
)

_BY_OF = frozenset({"of", "by"})


def _names_act(prep: Token, act_ids: set[int]) -> bool:
    """Is `prep` a "for/of/over" phrase naming an act (or an outcome the blame rules read: "blamed X for the
    deaths")?"""
    if prep.dep_ != "prep" or prep.lower_ not in {"for", "of", "over", "on", "upon"}:
        return False
    return any(w.i in act_ids or w.lemma_.lower() in BLAME_OBJECT_NOUNS or w.lemma_.lower() in ESCALATION_NOUNS
               or w.lower_ in ESCALATION_NOUNS for w in prep.subtree)


def _blaming_verb(prep: Token) -> Token | None:
    """The verb "blame" an "on" phrase belongs to: "blamed it [on] X", or hung on its object ("blamed [the clashes]
    [on] X")."""
    gov = prep.head
    if gov.dep_ == "dobj":
        gov = gov.head
    return gov if gov.lemma_.lower() == "blame" and gov.pos_ == "VERB" else None


def _attributing_verb(prep: Token) -> Token | None:
    """The verb of "attributed the attack [to] X" / "put the blast down [to] X" ("to" hung on the verb or its
    object), when what it attributes is an act or a blame object."""
    gov = prep.head
    for _ in range(3):   # "attributed the blast [at the depot] to X": up to the verb
        if gov.pos_ == "VERB" or gov.head.i == gov.i:
            break
        gov = gov.head
    lemma = gov.lemma_.lower()
    if gov.pos_ != "VERB" or lemma not in ATTRIBUTING_VERBS or lemma == "put" and (
            child(gov, "prt") is None or child(gov, "prt").lower_ != "down"):
        return None
    obj = child(gov, "dobj")
    return gov if obj is not None and (obj.lemma_.lower() in BLAME_OBJECT_NOUNS or obj.lemma_.lower() in
                                      ESCALATION_NOUNS or _noun_action(obj) is not None) else None


def _has_content(noun: Token) -> bool:
    """Does a claim noun say what it claims ("accusations that …", "claims of …")? Then that is what is denied."""
    return any(c.dep_ in {"acl", "ccomp", "relcl"} or (c.dep_ == "prep" and c.lower_ in {"of", "about", "that"})
               for c in noun.children)


def blame_drafts(sent: Span, pidx: PartyIndex | None, act_ids: set[int]) -> list[_Draft]:
    """The noun blames of `sent` (module docstring); `act_ids`: the tokens already read as acts."""
    drafts: list[_Draft] = []
    # "X bears responsibility for the escalation", "X is behind the tension", "X is resorting to war": a provocation
    # by X when what X is held responsible for (or turns to) is no act of its own
    for t in sent:
        if t.i in act_ids or t.pos_ not in {"NOUN", "PROPN"} and not (t.pos_ == "PRON" and _authored(t)):
            continue
        lemma = t.lemma_.lower()
        word = _responsibility_of(t)
        if word is not None and (lemma in BLAME_OBJECT_NOUNS or lemma in ESCALATION_NOUNS or t.lower_ in
                                 ESCALATION_NOUNS):
            actor_tok = _responsible_actor(word)
            anchor = word.head if word.head.pos_ in {"VERB", "AUX"} else word
            drafts.append(_Draft(t, anchor, "provoke", actor_tok, None, passive=False))
            continue
        verb = _resort_verb(t)
        if verb is not None and (lemma in ESCALATION_NOUNS or t.lower_ in ESCALATION_NOUNS or (
                lemma in BLAME_OBJECT_NOUNS and verb.lemma_.lower() == "involve")):   # "involved in the explosions"
            drafts.append(_Draft(t, verb, "provoke", subject_of(verb) or child(verb, "nsubjpass"), None,
                                 passive=False))   # "X was involved in the incident"
            continue
        if (lemma in INVOLVEMENT_NOUNS or (lemma in ACCUSATION_NOUNS and not _has_content(t))) and t.dep_ == "dobj" \
                and t.head.lemma_.lower() in DENIAL_VERBS:   # "X rejected the accusations": X denies its own part
            drafts.append(_Draft(t, t.head, "provoke", subject_of(t.head), None, passive=False))
            continue   # "Israel denied any involvement": its own act, denied (act_status marks it negated)
        if t.dep_ == "pobj" and t.head.lower_ == "to" and (verb := _attributing_verb(t.head)) is not None \
                and pidx is not None and pidx.party_of(t, preps=_BY_OF) is not None:
            actor = next((x for x in np_tokens(t, preps=_BY_OF) if pidx.party_of(x) is not None), t)
            drafts.append(_Draft(t, verb, "provoke", actor, None, passive=False))
            continue   # "attributed the attack to X", "put the blast down to X": X did it
        if lemma == "responsibility" and t.dep_ == "dobj" and withheld_claim(t.head):
            continue   # "X has not claimed responsibility": no claim, and no denial either
        if lemma == "responsibility" and t.dep_ == "dobj" and t.head.lemma_.lower() in ADMIT_VERBS \
                and subject_of(t.head) is not None:
            drafts.append(_Draft(t, t.head, "provoke", subject_of(t.head), None, passive=False, admitted=True))
            continue   # "X claimed responsibility for the attack": X says it did it
        if lemma in RESPONSIBILITY_WORDS and (placed := blame_placed_on(t)) is not None \
                and not any(c.dep_ == "prep" and c.lower_ == "for" for c in t.children):
            drafts.append(_Draft(t, t.head, "provoke", placed, None, passive=False))   # "placed the blame on Y"
            continue
        if lemma in RESPONSIBILITY_WORDS and (held := blame_lies_with(t)) is not None:
            drafts.append(_Draft(t, t.head, "provoke", held, None, passive=False))   # "responsibility lies with Y"
            continue
        if t.dep_ == "dobj" and t.head.lemma_.lower() in BARE_BLAME_VERBS and pidx is not None \
                and accused_party(t.head) == t and pidx.party_of(t) is not None and not any(
                    _names_act(c, act_ids) for c in (*t.head.children, *t.children)):
            # "Hamas immediately blamed Israel", "blamed Russia for the bodies on the platform" (what it is blamed for
            # names no act of its own: else that act carries the blame)
            drafts.append(_Draft(t, t.head, "provoke", t, None, passive=False))
            continue
        if t.dep_ == "pobj" and t.head.lower_ in {"on", "upon"} and (verb := _blaming_verb(t.head)) is not None \
                and pidx is not None and pidx.party_of(t, preps=_BY_OF) is not None and not _names_act(t.head, act_ids) \
                and t.head.head.i not in act_ids:
            # "India blamed the clashes on an attempt by the Chinese side to …": the one it is blamed on
            actor = next((x for x in np_tokens(t, preps=_BY_OF) if pidx.party_of(x) is not None), t)
            drafts.append(_Draft(t, verb, "provoke", actor, None, passive=False))
            continue
        if _authored(t) and pidx is not None and (author := _author(t, pidx)) is not None:
            drafts.append(_Draft(t, t.head, "provoke", author, None, passive=False))
            continue   # "X masterminded the explosion", "the crash was caused by a Russian missile": X is its author
        if (gov := accusing_verb_of(t)) is not None \
                and (lemma in BLAME_OBJECT_NOUNS or lemma in ESCALATION_NOUNS or t.lower_ in ESCALATION_NOUNS):
            # "blamed Armenia for the clashes", "accused Kyiv of the blast"
            drafts.append(_Draft(t, gov, "provoke", accused_party(gov), None, passive=False))
    if pidx is not None:
        drafts += backing_drafts(sent, pidx, act_ids)
        for t in sent:   # "Kyiv says it is (not) responsible", "X is to blame": its part in it, without "for …"
            if t.lemma_.lower() in RESPONSIBILITY_WORDS and (t.pos_ == "ADJ" and t.dep_ == "acomp" or to_blame(t)) \
                    and not any(c.dep_ == "prep" for c in t.children) and (subj := subject_of(t.head)) is not None \
                    and pidx.party_of(subj) is not None and t.i not in act_ids:
                drafts.append(_Draft(t, t.head, "provoke", subj, None, passive=False))
            elif (one := one_to_blame(t)) is not None and pidx.party_of(one) is not None and t.i not in act_ids:
                drafts.append(_Draft(t, t.head.head, "provoke", one, None, passive=False))   # "the one to blame is Y"
            elif (who := bare_involvement(t)) is not None and pidx.party_of(who) is not None and t.i not in act_ids:
                drafts.append(_Draft(t, t, "provoke", who, None, passive=False))   # "X was not involved"
    return drafts


#: Participles on a weapon that name whoever fired it (act_words.toml [firing]).
_FIRING = frozenset(_ACT_WORDS["firing"]["participles"])


_AUTHORED = _ACT_WORDS["authored"]


def _authored(t: Token) -> bool:
    """Is `t` an incident noun that an author verb governs ("masterminded the explosion", "the blast was carried out by
    X"), or the pronoun for one as the passive subject of "carried out" right after it names it ("… the facts of this
    attack, we know it was carried out by X"; not "it was organised by X", "it was carried out by the ministry" of an
    investigation named in another sentence)?"""
    verb = t.head
    prt = child(verb, "prt")
    phrasal = prt is not None and f"{verb.lemma_.lower()} {prt.lower_}" in _AUTHORED["phrasal"]
    if t.lower_ in _AUTHORED["pronouns"]:
        before = [n for n in t.sent if n.i < t.i and n.pos_ == "NOUN"]
        return t.dep_ == "nsubjpass" and phrasal and bool(before) and (
            before[-1].lemma_.lower() in BLAME_OBJECT_NOUNS or _noun_action(before[-1]) is not None)
    return (verb.lemma_.lower() in AUTHOR_VERBS or phrasal) and t.lemma_.lower() in BLAME_OBJECT_NOUNS


def _author(incident: Token, pidx: PartyIndex) -> Token | None:
    """Who an author verb makes the author of the incident noun it governs: its subject ("X masterminded the
    explosion", "a misfired Islamic Jihad rocket caused the blast") or, passive, its agent ("the crash was caused by a
    Russian missile"; its own words only: not "shelling of Armenian villages"); a weapon with no party of its own,
    whoever fired it ("a rocket misfired by Islamic Jihad"; not "a drone shot down by X")."""
    if incident.dep_ not in {"dobj", "nsubjpass"}:
        return None
    passive = incident.dep_ == "nsubjpass"
    who = agent_of(incident.head) if passive else subject_of(incident.head)
    if who is None:
        return None
    if (pidx.party_of(who, preps=frozenset()) if passive else pidx.party_of(who)) is not None:
        return who
    for acl in who.children:   # "a rocket misfired / fired / launched by X"
        if acl.dep_ == "acl" and acl.tag_ == "VBN" and acl.lemma_.lower() in _FIRING \
                and (by := agent_of(acl)) is not None and pidx.party_of(by) is not None:
            return by
    return None


def backing_drafts(sent: Span, pidx: PartyIndex, act_ids: set[int]) -> list[_Draft]:
    """"accuse Kagame of backing the rebels", "Rwandan troops are supporting the M23": one party backing another in
    its fight (lexicon.BACKING_VERBS, a party as the object), an act `back`. Read only as what a source says (a blame
    of the backer, never an own-voice verdict: sentence.py), and never from a modifier ("the Rwanda-backed M23",
    "rebels backed by Rwanda": a description, framing)."""
    out: list[_Draft] = []
    for t in sent:
        if t.i in act_ids or t.pos_ != "VERB" or t.lemma_.lower() not in BACKING_VERBS \
                or t.dep_ in {"amod", "compound"} or t.dep_ == "acl" and t.tag_ != "VBG" \
                or t.tag_ == "VBN" and t.dep_ != "ROOT":
            continue
        obj = child(t, "dobj")
        actor = t.head if t.dep_ == "acl" else subject_of(t)   # "Rwandan troops in Goma supporting the M23"
        if actor is not None and actor.tag_ in {"WDT", "WP"}:   # "Kagame, whom they accuse of backing the rebels"
            rel = next((a for a in actor.ancestors if a.dep_ == "relcl"), None)
            actor = rel.head if rel is not None else None
        if obj is None or actor is None or obj.tag_ in {"WDT", "WP"}:
            continue
        backed, backer = pidx.party_of(obj, preps=frozenset()), pidx.party_of(actor)   # not "efforts of the UN"
        if backed is not None and backer is not None and backed != backer:
            out.append(_Draft(t, t, "back", actor, obj, passive=False))
    return out
