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
  X's, see voice.py); accusing Y of staging/orchestrating/carrying out something that is no act word ("accused Y
  of staging it", "blamed Y for the blast/the clashes") is an act of Y's;
- blame and responsibility (lexicon.RESPONSIBILITY_WORDS): "Y bears (full) responsibility for the tension", "Y is
  responsible for / behind the provocations", "held Y responsible", "Y claimed responsibility for the attacks" —
  Y is the actor of the act or escalation named; "Y is resorting to provocations / engaged in shelling" likewise;
- an act noun's author is also found through a relative clause ("the attack, which he said was carried out by X",
  "which X carried out"), conjoined passives ("planned by A and carried out by X": the agent that is a party),
  "an act of terror by X", munitions ("drones launched by X", "a type of missile used only by X", "intercepted
  20 X drones"), a means clause ("violated the truce by bombarding …") and a demonym the parser left detached
  ("in [Pakistani] shelling of …");
- retaliation: an act marked retaliatory/counter/revenge/"in response to" has action "retaliate" and never
  initiates; an act with an "after/following/because …" clause that names an act is a response to the acts in
  that clause, which do initiate ("launched a counter operation after Armenian forces tried to seize the hill";
  "after talks collapsed" makes no response); so is an act said to be "a response to …" ("its attack was a
  response to X's aggression");
- shooting down or intercepting aircraft and munitions is defensive and never initiates;
- taking something back (liberate, recapture, regain, retake) is a seizure that does not initiate;
- starting the fighting ("X started/triggered/sparked the fighting/clashes/escalation") is a provocation;
- an infinitive hanging off a noun takes that noun's actor ("an attempt by X units to seize heights");
- `background`: the act is dated apart from the event — a year other than `event_year` ("since 1991 when …",
  "on Sept. 27, 2020"), a decade ("in the 1990s"), a duration in years ("for almost 30 years"), a named or
  measured war ("during the 44-day conflict"), or, given the event's `window`, a day or month more than
  WINDOW_MARGIN_DAYS outside it ("launched its full-scale invasion on February 24" for an October event);
  background acts never initiate;
- `negated`: "did not open fire", "no attack", "bears no responsibility", acts inside a denial ("denied that its
  troops opened fire"; not a clause merely conjoined to the denial: "denied X and said it was responding to …"),
  inside an accusation dismissed as hypocrisy, lies, etc., or inside a claim dismissed the same way ("X's claims
  that it took the heights are disinformation", "claims of Armenian provocations were groundless");
- `irrealis`: the act has not happened — "an expected/possible/imminent offensive", "ahead of an offensive", a
  modal ("will continue strikes", "could attack"), a plan or threat ("threatened to attack", "preparing an
  offensive", "are expected to launch"), a condition ("if X attacks", "every time X bombs"); what someone is
  accused of counts as done; irrealis acts never initiate;
- `reported`: the act lies inside an attribution (someone else's claim, see voice.py), as opposed to the outlet's
  own words.

`initiator_of` returns the actor of the first initiating (so not background, negated or irrealis) act with a known
actor; for a sentence that only retaliates, the party retaliated against.

This module reads a sentence into acts; the helpers live beside it: act_words.py (which word names which action),
act_roles.py (actor, target, response clauses), act_background.py (acts dated apart from the event) and
act_status.py (negation, irrealis, evidence).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ._syntax import (
    PartyIndex,
    agent_of,
    child,
    is_passive,
    np_tokens,
    prep_object,
    subject_of,
)
from .act_roles import (
    _anchor_of_noun,
    _holds_act,
    facility_actor,
    first_to_act,
    _noun_actor,
    _noun_target,
    _reduced_passive,
    _response_children,
    _retaliation_marked,
)
from .act_background import Window, _is_background
from .act_status import (
    _copular_response,
    _evidence,
    _is_irrealis,
    _negation,
)
from .act_speakers import assign_speakers, co_actors
from .act_words import ORIGIN_VERBS, _control_object, _Draft, _interception, _noun_action, _verb_action, _weapon
from .lexicon import (
    ACCUSE_VERBS,
    CAUSE_PREPS,
    CIRCUMSTANCE_NOUNS,
    HOSTILE_NOUNS,
    OUTCOME_VERBS,
    RECOVERY_VERBS,
    SEQUENCE_VERBS,
)
from .parties import PartyMatcher
from .blame_drafts import blame_drafts
from .downing import downing_drafts
from .political import political_drafts
from .in_fighting import in_fighting
from .reciprocal import mutual_object, reciprocal_acts, shared_denials
from .voice import Voice, analyse_voice_detail

log = logging.getLogger(__name__)

UNKNOWN = "unknown"


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
    irrealis: bool = False
    claimed_by: str | None = None   # mutual blame ("X and Y blame each other"): whose claim this act is (reciprocal.py)
    admitted: bool = False   # the actor claims it ("X claimed responsibility for the attack"): a blame of itself
    denied: bool = False     # negated by a denial ("denied any role in the attack"), not by a "not" on its own words


_QUOTE_MARKS = frozenset({"'", "‘", "’", '"', "“", "”"})


def _possessive(t: Token) -> bool:
    """Is the apostrophe `t` a plural's possessive ("Hamas' attack"), not a quotation mark ("troops 'shoot dead'
    journalist", "'shoot dead' journalist", both read as possessives by the tagger)?"""
    if t.tag_ != "POS" and t.dep_ != "case":
        return False
    before = t.doc[t.i - 1] if t.i > t.sent.start else None
    after = t.doc[t.i + 1] if t.i + 1 < t.sent.end else None
    return before is not None and before.lower_.endswith(("s", "z", "x")) and (
        after is None or after.pos_ not in {"VERB", "AUX"})


def _scare_quoted(sent: Span) -> set[int]:
    """Doc indices of a verb a sentence puts in short quotation marks: "Israeli troops 'shoot dead' journalist" —
    someone else's word for the act, which the outlet does not state as its own. A quoted name or phrase ("the
    “motion to vacate”", "an “unprovoked incursion”", "Indian troops ‘intentionally staged fatal provocation’") is
    not: benchmark labellers read those as the outlet's own words or leave them to the sentence's source."""
    marks = [t.i for t in sent if t.text in _QUOTE_MARKS and not _possessive(t)]
    out: set[int] = set()
    # opening and closing marks in turn, never a closing mark and the next opening one
    for a, b in zip(marks[::2], marks[1::2]):
        words = sent.doc[a + 1:b]
        if 1 <= len(words) <= 3 and words[0].pos_ == "VERB" and not any(t.is_punct for t in words):
            out.update(range(a + 1, b))
    return out


def _follows_an_act(d: _Draft, drafts: list[_Draft], act_ids: set[int]) -> bool:
    """Is the act noun of `d` the subject of a verb that puts it after another party's act: "Pakistan's strike follows
    Iran's violation of its airspace", "the strikes come a day after Iran's attack"? (Not "Azerbaijan's attack follows
    weeks of Azerbaijani shelling": one party's acts in turn are chronology, not a response.)"""
    tok, verb = d.token, d.token.head
    if tok.dep_ != "nsubj" or verb.lemma_.lower() not in SEQUENCE_VERBS:
        return False
    earlier = _response_children(verb, act_ids)
    if not earlier and verb.lemma_.lower() == "follow":
        earlier = [c for c in verb.children if c.dep_ in {"dobj", "prep"} and _holds_act(c, act_ids)]
    inside = {t.i for c in earlier for t in c.subtree}
    return any(x.token.i in inside and x is not d and x.actor != d.actor for x in drafts)


def _relative_actor(verb: Token, antecedent: Token, pidx) -> Token | None:
    """The actor of a "which/that" clause of outcome hung on the object of an act noun: "Iran's violation of Pakistani
    airspace, which killed two children", "the attack on Armenian positions that killed three" — the act did it, so its
    actor (or none), not the party the object names. The antecedent itself otherwise: "troops who fired", "a strike
    on Armenian units that had shelled Azerbaijani positions" (the units did the shelling)."""
    pron = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if pron is None or pron.tag_ != "WDT" or antecedent.dep_ != "pobj" or verb.lemma_.lower() not in OUTCOME_VERBS:
        return antecedent
    act = antecedent.head.head if antecedent.head.dep_ == "prep" else None
    if act is None or act.lemma_.lower() not in HOSTILE_NOUNS:
        return antecedent
    return _noun_actor(act, pidx)


def _self_accused(tok: Token, party: str, pidx: PartyIndex) -> bool:
    """A pronoun accused by a speaker that resolves to the speaker's own party: the pronoun points back to a party
    named in an earlier sentence that this one cannot see, so its reading is unknown rather than self-blame."""
    if tok.pos_ != "PRON" or tok.dep_ not in {"dobj", "nsubjpass"} or tok.head.lemma_.lower() not in ACCUSE_VERBS:
        return False
    accuser = subject_of(tok.head) if tok.dep_ == "dobj" else agent_of(tok.head)
    return accuser is not None and pidx.party_of(accuser) == party


def _drafts(sent: Span, pidx: PartyIndex | None = None, aircraft: bool = False) -> list[_Draft]:
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
        drafts.append(_Draft(t, _anchor_of_noun(t), action, actor_tok, _noun_target(t, action, pidx),
                             passive=False))
    for t in sent:
        if t.i in covered_verbs:
            continue
        action = _verb_action(t)
        if action is None:
            continue
        reduced = _reduced_passive(t, action)
        passive = reduced or is_passive(t)
        if passive:
            actor_tok = agent_of(t)
            target_tok = child(t, "nsubj" if reduced else "nsubjpass")
            if target_tok is not None and target_tok.tag_ in {"WDT", "WP"} and t.dep_ == "relcl":
                target_tok = t.head  # "villages that had been occupied by X"
            if target_tok is None and t.dep_ in {"acl", "amod"}:
                target_tok = t.head
            if action in {"fire", "shell"} and actor_tok is None:
                actor_tok = prep_object(t, "from")
        else:
            actor_tok = first_to_act(t) or subject_of(t)
            if t.dep_ == "relcl" and actor_tok is not None and actor_tok.i == t.head.i:
                actor_tok = _relative_actor(t, actor_tok, pidx)
            if t.lemma_.lower() in ORIGIN_VERBS and action == "strike":
                actor_tok = prep_object(t, "from")   # "the drones came from Russia"
            elif t.dep_ in {"ccomp", "xcomp"} and t.head.lemma_.lower() in {"make", "cause"}:
                actor_tok = subject_of(t.head)   # "Israel makes hundreds of pagers explode"
            if actor_tok is None and t.dep_ in {"acl", "xcomp"} and t.head.pos_ in {"NOUN", "PROPN"}:
                actor_tok = _noun_actor(t.head, pidx)  # "an attempt by Armenian units to seize heights"
            if actor_tok is None and t.dep_ == "pobj":
                actor_tok = _noun_actor(t, pidx)   # "in retaliation for IDF missile strikes", "strikes" tagged a verb
            target_tok = child(t, "dobj")
            if mutual_object(t):
                actor_tok = target_tok = None   # "X and Y attacked each other's bases": neither started it
            if action == "violate_ceasefire":
                target_tok = None
            if target_tok is None or action in {"fire", "shell"}:
                target_tok = prep_object(t, "on", "at", "against", "upon", "into") or target_tok
            if action == "seize" and _control_object(t):
                ctl = child(t, "dobj")
                target_tok = prep_object(ctl, "of") if ctl is not None else None
            if t.lemma_.lower() in RECOVERY_VERBS and target_tok is None:
                target_tok = prep_object(t, "from")
        if actor_tok is None and not passive and t.tag_ == "VBG" and pidx is not None and t.i > sent.start:
            prev = t.doc[t.i - 1]  # misparsed "called [the Pakistani] [shelling] …"
            if prev.i in pidx.by_token and (prev.ent_type_ == "NORP" or prev.pos_ == "ADJ") \
                    and all(c.dep_ == "det" for c in prev.children):
                actor_tok = prev
        intercept = _interception(t)
        drafts.append(_Draft(t, t, action, actor_tok, target_tok, passive,
                             recovery=t.lemma_.lower() in RECOVERY_VERBS or intercept))
        if intercept and pidx is not None:
            # "intercepted 20 Ukrainian drones": the munitions shot down were launched by their party
            for obj in (c for c in t.children if c.dep_ in {"dobj", "nsubjpass"} and _weapon(c)):
                if obj.i not in {d.token.i for d in drafts} and pidx.party_of(obj) is not None:
                    drafts.append(_Draft(obj, t, "strike", obj, None, passive=False))
    # blame said with a noun: "X bears responsibility for …", "blamed X for …" (blame_drafts.py)
    act_ids = {d.token.i for d in drafts}
    drafts += blame_drafts(sent, pidx, act_ids) + (downing_drafts(sent, pidx, drafts) if aircraft else [])
    if pidx is not None:   # who brings an office-holder down (political.py)
        drafts += political_drafts(sent, pidx, {d.token.i for d in drafts})
    # a noun act that is the object of a verbal act of the same action ("fired shots") is the same act
    verb_ids = {d.token.i: d.action for d in drafts if d.token.pos_ in {"VERB", "AUX"}}
    drafts = [d for d in drafts if not (d.token.pos_ in {"NOUN", "PROPN"} and verb_ids.get(d.token.head.i) == d.action)]
    return sorted(drafts, key=lambda d: d.token.i)


def extract_acts(sent: Span, matcher: PartyMatcher, *, event_year: int | None = None, voice: Voice | None = None,
                 reported_tokens: set[int] | None = None, window: Window | None = None,
                 aircraft: bool = False) -> list[Act]:
    """The hostile acts of `sent` in text order (see the module docstring); `aircraft`: the event is an aircraft's
    downing (downing.py).

    voice: the sentence's Voice (resolves "we" inside a quotation to the quoted party and "it" with no antecedent
    to the previous source); reported_tokens: doc indices inside an attribution (computed here if not given);
    window: the event's first and last day (an act dated a day or month apart from it is background).
    """
    if reported_tokens is None:
        v, reported_tokens = analyse_voice_detail(sent, matcher, voice)
        voice = voice or v
    vparty = voice.attributed_party if voice is not None else None
    pidx = PartyIndex.build(sent, matcher, voice_party=vparty, previous_party=vparty)
    drafts = _drafts(sent, pidx, aircraft)
    act_ids = {d.token.i for d in drafts}
    for d in drafts:
        d.actor = pidx.party_of(d.actor_tok) if d.actor_tok is not None and not facility_actor(d.actor_tok) else None
        if d.actor is not None and _self_accused(d.actor_tok, d.actor, pidx):
            d.actor = None   # "It accused them of …": whoever "them" is, not the accuser itself
        tgt = d.target_tok
        d.target = pidx.party_of(tgt) if tgt is not None else None
        if d.target is None and tgt is not None:
            for conj in tgt.conjuncts:
                d.target = pidx.party_of(conj)
                if d.target is not None:
                    break
        if d.action == "retaliate" or _retaliation_marked(d.anchor) or _retaliation_marked(d.token):
            d.action = "retaliate"
        # a verb conjoined to the act's that shares its subject speaks of the act too ("the strikes hit … and came
        # after Houthi attacks")
        shared = [c for c in d.anchor.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}
                  and not any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)]
        if _response_children(d.anchor, act_ids) or (d.token is not d.anchor and _response_children(d.token, act_ids)) \
                or any(_response_children(c, act_ids) for c in shared) or _copular_response(d) or in_fighting(d.anchor):
            d.responsive = True
    for d in drafts:   # once every act has its actor
        if _follows_an_act(d, drafts, act_ids):
            d.responsive = True
    # agentless acts caused by another act take its actor ("killed as a result of the action carried out by X")
    by_token = {d.token.i: d for d in drafts}
    for d in drafts:
        if d.actor is not None or not (d.passive or d.actor_tok is None) or d.action == "retaliate":
            continue   # (what a reprisal answers is the other side's act: "the attack came in retaliation for X's")
        for c in d.anchor.children:
            if c.dep_ == "prep" and c.lower_ in CAUSE_PREPS:
                causes = [by_token[t.i] for t in c.subtree if t.i in by_token and by_token[t.i] is not d]
                if c.lower_ in {"during", "amid", "amidst"}:
                    causes = [x for x in causes if x.token.lemma_.lower() not in CIRCUMSTANCE_NOUNS]
                causes = [x for x in causes if x.actor is not None]
                if causes:
                    d.actor = causes[0].actor
                    d.actor_tok = d.actor_tok or causes[0].actor_tok
                    if causes[0].action == "retaliate" or causes[0].responsive:
                        d.responsive = True
                    break
    acts: list[Act] = []
    scare_quoted = _scare_quoted(sent)
    for d in drafts:
        background = _is_background(d, event_year, window)
        negation = _negation(d)
        negated = negation is not None
        irrealis = _is_irrealis(d)
        initiating = not (d.action == "retaliate" or d.responsive or d.recovery or background or negated or irrealis)
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
            reported=d.token.i in reported_tokens or d.token.i in scare_quoted,
            position=d.token.i - sent.start,
            irrealis=irrealis,
            admitted=d.admitted,
            denied=negation == "denied",
        ))
    acts = co_actors(drafts, assign_speakers(sent, acts, pidx, voice), pidx, voice)   # (act_speakers.py)
    for accuser, accused, verb in reciprocal_acts(sent, pidx):   # "X and Y blame each other": one act per direction
        words = list(verb.subtree)
        acts.append(Act(actor=accused, actor_text=None, action="provoke", target=None, target_text=None,
                        initiating=True, background=False, negated=False,
                        evidence=sent.doc[words[0].i:words[-1].i + 1].text, reported=True,
                        position=verb.i - sent.start, claimed_by=accuser))
    for party, verb in shared_denials(sent, pidx):   # "Israel and Hamas both denied responsibility": Hamas's denial
        acts.append(Act(actor=party, actor_text=None, action="provoke", target=None, target_text=None,
                        initiating=False, background=False, negated=True, evidence=verb.text, reported=True,
                        position=verb.i - sent.start, claimed_by=party))
    log.debug("%d acts in %r", len(acts), sent.text[:60])
    return acts


def initiator_of(acts: list[Act]) -> str | None:
    """The party the sentence presents as having started it: the actor of the first initiating, non-background,
    non-negated act with a known actor; for a sentence that only retaliates, the party retaliated against."""
    acts = [a for a in acts if a.claimed_by is None]   # mutual blame is two sources' claims, no one voice's verdict
    for a in sorted(acts, key=lambda a: a.position):
        if a.initiating and not a.background and not a.negated and a.actor not in (None, UNKNOWN):
            return a.actor
    # own voice, "struck X in retaliation for a missile attack" does not say who made that attack; a source's does
    unnamed = any(a.initiating and not a.background and not a.negated and a.actor in (None, UNKNOWN) for a in acts)
    for a in sorted(acts, key=lambda a: a.position):
        if a.action == "retaliate" and not a.background and not a.negated and a.target not in (None, UNKNOWN) \
                and a.target != a.actor and (a.reported or not unnamed):
            return a.target
    return None
