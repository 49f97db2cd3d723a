"""Who does what to whom: hostile acts in a sentence, and which party the sentence presents as having started it.

`extract_acts` reads the dependency parse:

- active verbs: subject → actor, direct object or "on/at/against/into" object → target ("Armenia attacked …");
  the subject is followed through conjunction ("attacked and killed"), control ("tried to seize") and
  participles ("…, killing three civilians");
- passives: the by-phrase (or "from" for fire) is the actor, the passive subject the target ("was violated by the
  armed forces of X"; "positions were subjected to intensive fire from X"); an agentless passive ("a soldier was
  killed") has actor "unknown" unless a cause phrase names an act with an actor ("killed as a result of the
  sabotage action carried out by X");
- nominalisations: possessor, by-phrase, "carried out/instigated by", "from" (fire), a party adjective
  ("Ukrainian attacks") or the subject of a support verb ("launched a retaliatory operation", "opened fire",
  "carried out strikes") is the actor; "of" is the target of a killing, seizure or occupation;
- accusations: in "X accused Y of violating …" / "X blamed Y for the attack" the act's actor is Y (the voice is
  X's, see voice.py);
- retaliation: an act marked retaliatory/counter/revenge/"in response to" has action "retaliate" and never
  initiates; an act with an "after/following …" clause is a response to the acts in that clause, which do
  initiate ("launched a counter operation after Armenian forces tried to seize the hill");
- taking something back (liberate, recapture, regain, retake) is a seizure that does not initiate;
- starting the fighting ("X started/triggered/sparked the fighting/clashes/escalation") is a provocation;
- an infinitive hanging off a noun takes that noun's actor ("an attempt by X units to seize heights");
- `background`: the act is dated apart from the event — a year other than `event_year` ("since 1991 when …",
  "on Sept. 27, 2020"), a decade ("in the 1990s"), a duration in years ("for almost 30 years"), or a named or
  measured war ("during the 44-day conflict"); background acts never initiate;
- `negated`: "did not open fire", "no attack", acts inside a denial ("denied that its troops opened fire") or
  inside an accusation dismissed as hypocrisy, lies, etc.;
- `reported`: the act lies inside an attribution (someone else's claim, see voice.py), as opposed to the outlet's
  own words.

`initiator_of` returns the actor of the first initiating, non-background, non-negated act with a known actor; for
a sentence that only retaliates, the party retaliated against.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ._syntax import PartyIndex, agent_of, child, is_passive, np_tokens, prep_object, subject_of
from .lexicon import (
    ACCUSE_VERBS,
    CAUSE_PREPS,
    CEASEFIRE_NOUNS,
    CONTROL_VERBS,
    DENIAL_VERBS,
    DISMISSIVE_WORDS,
    ESCALATION_NOUNS,
    GENERIC_ACT_NOUNS,
    HOSTILE_MODIFIERS,
    HOSTILE_NOUNS,
    HOSTILE_VERBS,
    LONG_DURATION_NOUNS,
    RECOVERY_VERBS,
    RETALIATION_MODIFIERS,
    SPEECH_VERBS,
    STARTER_VERBS,
    SUPPORT_VERBS,
    VIOLATE_VERBS,
    WAR_NOUNS,
)
from .parties import PartyMatcher
from .voice import Voice, analyse_voice_detail

log = logging.getLogger(__name__)

UNKNOWN = "unknown"
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_DECADE = re.compile(r"^(1[89]\d0|20\d0)'?s$|^'\d0s$")
_TEMPORAL_PREPS = {"on", "in", "since", "during", "throughout", "before", "until", "till", "from", "for", "after",
                   "by", "between", "at"}
_MODIFIER_DEPS = {"amod", "compound", "nmod", "npadvmod"}


@dataclass(frozen=True)
class Act:
    """One hostile act a sentence describes.

    actor/target: party ids, or "unknown" (actor) / None (target) when the phrase names no party; actor_text /
    target_text: the phrases as written; action: one of lexicon.ACTIONS; initiating: the sentence presents the act
    as a starting act (not a response, retaliation or recovery; not background; not negated); evidence: the words
    the act was read from; reported: the act is inside someone else's attributed claim; position: the token
    offset of the act's word in the sentence.
    """

    actor: str | None
    actor_text: str | None
    action: str
    target: str | None
    target_text: str | None
    initiating: bool
    background: bool
    negated: bool
    evidence: str
    reported: bool = False
    position: int = 0


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
    recovery: bool = False


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


def _noun_action(n: Token) -> str | None:
    lemma = n.lemma_.lower()
    if lemma not in HOSTILE_NOUNS and n.lower_ in HOSTILE_NOUNS:
        lemma = n.lower_
    nounlike = n.pos_ in {"NOUN", "PROPN"} or (
        n.dep_ in {"dobj", "nsubj", "nsubjpass", "pobj", "attr"} and n.tag_ not in {"VBD", "VBZ", "VBP", "VB"}
        and lemma in HOSTILE_NOUNS)
    if not nounlike or _is_ceasefire_word(n) or _is_modifier(n):
        return None
    if lemma in {"retaliation", "response", "reply", "revenge", "reprisal"} and n.dep_ == "pobj" \
            and n.head.lower_ in {"in", "as"}:
        return None  # "in retaliation for …" marks another act as a response
    mods = _mods(n)
    doc = n.doc
    retaliatory = bool(mods & RETALIATION_MODIFIERS) or (
        n.i >= 2 and doc[n.i - 1].text in {"-", "–"} and doc[n.i - 2].lower_ in RETALIATION_MODIFIERS)
    if lemma in HOSTILE_NOUNS:
        action = HOSTILE_NOUNS[lemma]
        if action == "violate_ceasefire" and not (
                any(_is_ceasefire_word(c) or c.lemma_.lower() in CEASEFIRE_NOUNS for c in n.subtree)):
            return None
        return "retaliate" if retaliatory else action
    if lemma in GENERIC_ACT_NOUNS:
        if retaliatory:
            return "retaliate"
        if mods & HOSTILE_MODIFIERS:
            return "attack"
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


def _verb_action(v: Token) -> str | None:
    if v.pos_ not in {"VERB", "AUX"} and not (v.pos_ == "ADJ" and v.tag_ == "VBN"):
        return None
    lemma = v.lemma_.lower()
    if lemma in VIOLATE_VERBS and _ceasefire_object(v):
        return "violate_ceasefire"
    if lemma in CONTROL_VERBS and _control_object(v):
        return "seize"
    if lemma == "return" and any(c.dep_ == "dobj" and c.lower_ == "fire" for c in v.children):
        return "retaliate"
    if lemma in STARTER_VERBS and any(c.dep_ in {"dobj", "nsubjpass"} and (
            c.lemma_.lower() in ESCALATION_NOUNS or c.lower_ in ESCALATION_NOUNS) for c in v.children):
        return "provoke"  # "Azerbaijan started the fighting"
    if lemma in HOSTILE_VERBS:
        if lemma == "fire" and any(c.dep_ == "dobj" and c.lemma_.lower() not in {"shot", "round", "shell", "missile",
                                                                                    "rocket", "mortar", "bullet"}
                                     for c in v.children) and not prep_object(v, "on", "at", "upon", "into"):
            return None  # "fired the commander"
        return HOSTILE_VERBS[lemma]
    return None


def _response_children(anchor: Token) -> list[Token]:
    """Children of `anchor` that make it a response: "after/following …", "in response/retaliation to/for …"."""
    out = []
    for c in anchor.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"after", "following", "because"}
                                     for m in c.children):
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ in {"after", "following"}:
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ in {"in", "as"}:
            obj = child(c, "pobj")
            if obj is not None and obj.lemma_.lower() in {"response", "retaliation", "reply", "answer", "revenge",
                                                          "reprisal"}:
                out.append(c)
    return out


def _retaliation_marked(anchor: Token) -> bool:
    for c in anchor.children:
        if c.dep_ == "prep" and c.lower_ in {"in", "as"}:
            obj = child(c, "pobj")
            if obj is not None and obj.lemma_.lower() in {"response", "retaliation", "reply", "answer", "revenge",
                                                          "reprisal"}:
                return True
    return False


def _anchor_of_noun(n: Token) -> Token:
    """The verb whose clause a nominal act sits in ("launched [an operation]", "[the move] comes after …")."""
    if n.dep_ in {"dobj", "nsubj", "nsubjpass", "attr"} and n.head.pos_ in {"VERB", "AUX"}:
        return n.head
    return n


def _support_verb(n: Token) -> Token | None:
    if n.dep_ in {"dobj", "nsubjpass"} and n.head.lemma_.lower() in SUPPORT_VERBS:
        return n.head
    return None


def _noun_actor(n: Token, pidx: PartyIndex | None = None) -> Token | None:
    poss = child(n, "poss")
    if poss is not None:
        return poss
    by = prep_object(n, "by")
    if by is not None:
        return by
    for c in n.children:  # "action carried out by X", "provocations instigated by them"
        if c.dep_ in {"acl", "relcl"} and c.tag_ == "VBN":
            ag = agent_of(c)
            if ag is not None:
                return ag
    frm = prep_object(n, "from")
    if frm is not None:
        return frm
    sv = _support_verb(n)
    if sv is not None:
        if is_passive(sv):
            return agent_of(sv)
        return subject_of(sv)
    if n.dep_ == "pobj" and n.head.dep_ == "prep" and n.head.lower_ in {"for", "of"}:
        gov = n.head.head
        if gov.lemma_.lower() in ACCUSE_VERBS:
            return child(gov, "dobj", "nsubjpass")
    if pidx is not None:  # "Ukrainian attacks", "Armenian provocation"
        for c in n.children:
            if c.dep_ in {"amod", "compound", "nmod"} and c.i in pidx.by_token:
                return c
    return None


def _noun_target(n: Token, action: str) -> Token | None:
    tgt = prep_object(n, "against", "on", "at", "upon", "into", "toward", "towards")
    if tgt is not None:
        return tgt
    if action in {"kill", "seize"}:
        tgt = prep_object(n, "of")
        if tgt is None and n.dep_ == "conj":
            tgt = prep_object(n.head, "of")
        if tgt is not None:
            return tgt
    if n.dep_ == "pobj" and n.head.lower_ == "to" and n.head.head.lemma_.lower() in {"subject", "expose"}:
        v = n.head.head
        return child(v, "nsubjpass", "dobj")
    sv = _support_verb(n)
    if sv is not None:
        return prep_object(sv, "against", "on", "at", "upon", "into")
    return None


def _drafts(sent: Span, pidx: PartyIndex | None = None) -> list[_Draft]:
    drafts: list[_Draft] = []
    covered_verbs: set[int] = set()
    for t in sent:
        action = _noun_action(t)
        if action is None:
            continue
        for c in t.children:
            if c.dep_ in {"acl", "relcl"}:
                covered_verbs.add(c.i)
        actor_tok = _noun_actor(t, pidx)
        drafts.append(_Draft(t, _anchor_of_noun(t), action, actor_tok, _noun_target(t, action), passive=False))
    for t in sent:
        if t.i in covered_verbs:
            continue
        action = _verb_action(t)
        if action is None:
            continue
        passive = is_passive(t)
        if passive:
            actor_tok = agent_of(t)
            target_tok = child(t, "nsubjpass")
            if target_tok is not None and target_tok.tag_ in {"WDT", "WP"} and t.dep_ == "relcl":
                target_tok = t.head  # "villages that had been occupied by X"
            if target_tok is None and t.dep_ in {"acl", "amod"}:
                target_tok = t.head
            if action in {"fire", "shell"} and actor_tok is None:
                actor_tok = prep_object(t, "from")
        else:
            actor_tok = subject_of(t)
            if actor_tok is None and t.dep_ in {"acl", "xcomp"} and t.head.pos_ in {"NOUN", "PROPN"}:
                actor_tok = _noun_actor(t.head, pidx)  # "an attempt by Armenian units to seize heights"
            target_tok = child(t, "dobj")
            if action == "violate_ceasefire":
                target_tok = None
            if target_tok is None or action in {"fire", "shell"}:
                target_tok = prep_object(t, "on", "at", "against", "upon", "into") or target_tok
            if action == "seize" and _control_object(t):
                ctl = child(t, "dobj")
                target_tok = prep_object(ctl, "of") if ctl is not None else None
            if t.lemma_.lower() in RECOVERY_VERBS and target_tok is None:
                target_tok = prep_object(t, "from")
        drafts.append(_Draft(t, t, action, actor_tok, target_tok, passive,
                             recovery=t.lemma_.lower() in RECOVERY_VERBS))
    # a noun act that is the object of a verbal act of the same action ("fired shots") is the same act
    verb_ids = {d.token.i: d.action for d in drafts if d.token.pos_ in {"VERB", "AUX"}}
    drafts = [d for d in drafts if not (d.token.pos_ in {"NOUN", "PROPN"} and verb_ids.get(d.token.head.i) == d.action)]
    return sorted(drafts, key=lambda d: d.token.i)


def _ancestors_until_speech(t: Token) -> list[Token]:
    path = [t]
    for a in t.ancestors:
        path.append(a)
        if a.lemma_.lower() in SPEECH_VERBS and a.pos_ in {"VERB", "AUX"}:
            break
    return path


def _years_in(tokens: list[Token]) -> list[int]:
    return [int(t.text) for t in tokens if _YEAR.match(t.text)]


def _temporal_background(mod: Token, event_year: int | None) -> bool:
    """Is the modifier subtree `mod` (a preposition or adverbial) a date apart from the event?"""
    sub = list(mod.subtree)
    low = mod.lower_
    if any(_DECADE.match(t.lower_) for t in sub):
        return True
    if event_year is not None and any(y != event_year for y in _years_in(sub)):
        return True
    if low == "for" and any(t.lemma_.lower() in LONG_DURATION_NOUNS or t.lower_ in LONG_DURATION_NOUNS
                            for t in sub):
        return True
    if low in {"during", "throughout", "in"}:
        obj = child(mod, "pobj")
        if obj is not None and obj.lemma_.lower() in WAR_NOUNS:
            mods = [c for c in obj.children if c.dep_ in {"compound", "amod", "nummod", "nmod", "poss"}]
            if mods:
                return True
    return False


def _is_background(d: _Draft, event_year: int | None) -> bool:
    starts = [d.token] + ([d.anchor] if d.anchor is not d.token else [])
    for start in starts:
        path = _ancestors_until_speech(start)
        ids = {p.i for p in path}
        for node in path:
            if node is not start and (_YEAR.match(node.text) and event_year is not None and int(node.text) != event_year
                                      or _DECADE.match(node.lower_)):
                return True  # "since 1991 when the military occupied …"
            for c in node.children:
                if c.i in ids:
                    continue
                if c.dep_ in {"prep", "npadvmod", "advmod", "pobj"} and (
                        c.lower_ in _TEMPORAL_PREPS or c.ent_type_ == "DATE" or c.dep_ == "npadvmod"):
                    if _temporal_background(c, event_year):
                        return True
                elif c.dep_ == "advcl" and any(m.lower_ in {"when", "while"} for m in c.children):
                    if any(_temporal_background(g, event_year) for g in c.children if g.dep_ == "prep"):
                        return True
    return False


def _is_negated(d: _Draft) -> bool:
    for t in {d.token, d.anchor}:
        if any(c.dep_ == "neg" for c in t.children):
            return True
        if any(c.dep_ == "det" and c.lower_ == "no" for c in t.children):
            return True
    for a in d.token.ancestors:
        lemma = a.lemma_.lower()
        if lemma in DENIAL_VERBS and a.pos_ in {"VERB", "AUX"}:
            return True
        if lemma in ACCUSE_VERBS and a.dep_ in {"acl", "csubj", "nsubj"}:
            # "Armenia accusing X of … is nothing but mere hypocrisy"
            clause = a.head if a.dep_ in {"csubj", "nsubj"} else a.head.head
            words = {w.lower_ for c in clause.children if c.dep_ in {"attr", "acomp"} for w in c.subtree}
            if words & DISMISSIVE_WORDS:
                return True
    return False


def _evidence(d: _Draft) -> str:
    """The words the act was read from: actor, verb group, act word and target, with " … " over gaps."""
    doc = d.token.doc
    keep: set[int] = {d.token.i, d.anchor.i}
    keep.update(t.i for t in np_tokens(d.token, with_of=False))
    a = d.token
    if a.pos_ in {"NOUN", "PROPN"}:  # up to the governing verb: "were subjected to [fire]", "opened [fire]"
        for _ in range(4):
            if a.dep_ in {"pobj", "pcomp", "prep", "dobj", "nsubjpass", "nsubj", "attr"} and a.head is not a:
                a = a.head
                keep.add(a.i)
                if a.pos_ in {"VERB", "AUX"}:
                    break
            else:
                break
    for v in {d.token, d.anchor, a}:
        if v.pos_ in {"VERB", "AUX"}:
            keep.update(c.i for c in v.children if c.dep_ in {"aux", "auxpass", "neg", "prt"})
    if d.action == "violate_ceasefire" and d.token.pos_ in {"VERB", "AUX"}:
        obj = child(d.token, "dobj")
        if obj is not None:
            keep.update(t.i for t in np_tokens(obj, with_of=False))
    for extra in (d.actor_tok, d.target_tok):
        if extra is None:
            continue
        keep.update(t.i for t in np_tokens(extra, with_of=True))
        if extra.dep_ == "pobj" and extra.head.dep_ in {"prep", "agent"}:
            keep.add(extra.head.i)
    ids = sorted(i for i in keep if d.token.sent.start <= i < d.token.sent.end)
    out = ""
    prev: int | None = None
    for i in ids:
        if prev is not None:
            gap = doc[prev + 1:i]
            if len(gap) and not all(t.is_punct for t in gap):
                out += " … "
            else:
                out += doc[prev:i].text_with_ws[len(doc[prev].text):]
        out += doc[i].text
        prev = i
    return " ".join(out.split())


def extract_acts(sent: Span, matcher: PartyMatcher, *, event_year: int | None = None, voice: Voice | None = None,
                 reported_tokens: set[int] | None = None) -> list[Act]:
    """The hostile acts of `sent` in text order (see the module docstring).

    voice: the sentence's Voice (resolves "we" inside a quotation to the quoted party and "it" with no antecedent
    to the previous source); reported_tokens: doc indices inside an attribution (computed here if not given).
    """
    if reported_tokens is None:
        v, reported_tokens = analyse_voice_detail(sent, matcher, voice)
        voice = voice or v
    vparty = voice.attributed_party if voice is not None else None
    pidx = PartyIndex.build(sent, matcher, voice_party=vparty, previous_party=vparty)
    drafts = _drafts(sent, pidx)
    for d in drafts:
        d.actor = pidx.party_of(d.actor_tok) if d.actor_tok is not None else None
        tgt = d.target_tok
        d.target = pidx.party_of(tgt) if tgt is not None else None
        if d.target is None and tgt is not None:
            for conj in tgt.conjuncts:
                d.target = pidx.party_of(conj)
                if d.target is not None:
                    break
        if d.action == "retaliate" or _retaliation_marked(d.anchor) or _retaliation_marked(d.token):
            d.action = "retaliate"
        if _response_children(d.anchor) or (d.token is not d.anchor and _response_children(d.token)):
            d.responsive = True
    # agentless acts caused by another act take its actor ("killed as a result of the action carried out by X")
    by_token = {d.token.i: d for d in drafts}
    for d in drafts:
        if d.actor is not None or not (d.passive or d.actor_tok is None):
            continue
        for c in d.anchor.children:
            if c.dep_ == "prep" and c.lower_ in CAUSE_PREPS:
                causes = [by_token[t.i] for t in c.subtree if t.i in by_token and by_token[t.i] is not d]
                causes = [x for x in causes if x.actor is not None]
                if causes:
                    d.actor = causes[0].actor
                    d.actor_tok = d.actor_tok or causes[0].actor_tok
                    if causes[0].action == "retaliate" or causes[0].responsive:
                        d.responsive = True
                    break
    acts: list[Act] = []
    for d in drafts:
        background = _is_background(d, event_year)
        negated = _is_negated(d)
        initiating = not (d.action == "retaliate" or d.responsive or d.recovery or background or negated)
        actor_text = " ".join(t.text for t in np_tokens(d.actor_tok)) if d.actor_tok is not None else None
        target_text = " ".join(t.text for t in np_tokens(d.target_tok)) if d.target_tok is not None else None
        acts.append(Act(
            actor=d.actor or UNKNOWN,
            actor_text=actor_text,
            action=d.action,
            target=d.target,
            target_text=target_text,
            initiating=initiating,
            background=background,
            negated=negated,
            evidence=_evidence(d),
            reported=d.token.i in reported_tokens,
            position=d.token.i - sent.start,
        ))
    log.debug("%d acts in %r", len(acts), sent.text[:60])
    return acts


def initiator_of(acts: list[Act]) -> str | None:
    """The party the sentence presents as having started it: the actor of the first initiating, non-background,
    non-negated act with a known actor; for a sentence that only retaliates, the party retaliated against."""
    for a in sorted(acts, key=lambda a: a.position):
        if a.initiating and not a.background and not a.negated and a.actor not in (None, UNKNOWN):
            return a.actor
    for a in sorted(acts, key=lambda a: a.position):
        if a.action == "retaliate" and not a.background and not a.negated and a.target not in (None, UNKNOWN) \
                and a.target != a.actor:
            return a.target
    return None
