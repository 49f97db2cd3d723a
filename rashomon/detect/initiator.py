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
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ._syntax import (
    PartyIndex, accused_of, agent_of, blame_placed_on, child, is_passive, np_tokens, prep_object, subject_of,
)
from .lexicon import (
    ACCUSE_VERBS,
    ACT_OF_NOUNS,
    AERIAL_NOUNS,
    BLAME_OBJECT_NOUNS,
    CASUALTY_NOUNS,
    CAUSE_PREPS,
    CEASEFIRE_NOUNS,
    CLAIM_NOUNS,
    CONTROL_VERBS,
    DENIAL_VERBS,
    DISMISSIVE_WORDS,
    ESCALATION_NOUNS,
    GENERIC_ACT_NOUNS,
    HOSTILE_MODIFIERS,
    HOSTILE_NOUNS,
    HOSTILE_VERBS,
    IRREALIS_MODIFIERS,
    IRREALIS_OBJECT_VERBS,
    IRREALIS_PREP_HEADS,
    IRREALIS_VERBS,
    LONG_DURATION_NOUNS,
    MODAL_AUX,
    MONTHS,
    RECOVERY_VERBS,
    SOVEREIGN_NOUNS,
    RESORT_VERBS,
    RESPONSE_NOUNS,
    RESPONSIBILITY_WORDS,
    RETALIATION_MODIFIERS,
    SPEECH_VERBS,
    STAGE_VERBS,
    STARTER_VERBS,
    SUPPORT_VERBS,
    TRUTH_WORDS,
    VIOLATE_VERBS,
    WAR_NOUNS,
    WEAPON_NOUNS,
    WEAPON_USE_VERBS,
)
from .times import normalise_time
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
    irrealis: bool = False


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
        if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.lower_ in {"of", "for"} \
                and v.head.head.lemma_.lower() in ACCUSE_VERBS:
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
            c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in SOVEREIGN_NOUNS for c in v.children):
        return "attack"  # "violated its airspace", "crossed the border"
    if lemma in CONTROL_VERBS and _control_object(v):
        return "seize"
    if lemma == "return" and any(c.dep_ == "dobj" and c.lower_ == "fire" for c in v.children):
        return "retaliate"
    if lemma in STARTER_VERBS and any(c.dep_ in {"dobj", "nsubjpass"} and (
            c.lemma_.lower() in ESCALATION_NOUNS or c.lower_ in ESCALATION_NOUNS) for c in v.children):
        return "provoke"  # "Azerbaijan started the fighting"
    if lemma in HOSTILE_VERBS:
        if lemma == "fire" and any(c.dep_ == "dobj" and c.lemma_.lower() not in {"shot", "round", "bullet", "salvo",
                                                                                    "volley", *WEAPON_NOUNS}
                                     for c in v.children) and not prep_object(v, "on", "at", "upon", "into"):
            return None  # "fired the commander"
        return HOSTILE_VERBS[lemma]
    forms = _verb_forms(v)
    if forms & STAGE_VERBS and not forms & set(HOSTILE_VERBS) and _in_accusation(v) and any(
            c.dep_ in {"dobj", "prt"} for c in v.children) and not any(
            c.dep_ == "dobj" and (c.lemma_.lower() in HOSTILE_NOUNS or c.lemma_.lower() in GENERIC_ACT_NOUNS)
            for c in v.children):
        return "attack"  # "accused Kyiv of staging the tragedy" (a hostile object is an act of its own)
    return None


def _holds_act(t: Token, act_ids: set[int] | None) -> bool:
    """Does the subtree of `t` name an act or an escalation ("after Armenia opened fire", "following the clashes")?
    ("because it did not want to negotiate", "after talks collapsed" do not make a response.)"""
    if act_ids is None:
        return True
    return any(x.i in act_ids or x.lemma_.lower() in ESCALATION_NOUNS for x in t.subtree if x.i != t.head.i)


def _response_children(anchor: Token, act_ids: set[int] | None = None) -> list[Token]:
    """Children of `anchor` that make it a response: "after/following …", "in response/retaliation to/for …"; a
    time or cause clause makes one only when it names an act."""
    out = []
    for c in anchor.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"after", "following", "because"}
                                     for m in c.children):
            if _holds_act(c, act_ids):
                out.append(c)
        elif c.dep_ == "prep" and c.lower_ in {"after", "following"}:
            if _holds_act(c, act_ids):
                out.append(c)
        elif c.dep_ == "prep" and c.lower_ in {"in", "as"}:
            obj = child(c, "pobj")
            if obj is not None and obj.lemma_.lower() in {"response", "retaliation", "reply", "answer", "revenge",
                                                          "reprisal"}:
                out.append(c)
    return out


def _retaliation_marked(anchor: Token) -> bool:
    for c in anchor.children:
        if c.dep_ in {"acl", "relcl"} and c.lemma_.lower() in {"codename", "codenamed", "name", "dub", "call"} and any(
                w.lemma_.lower() in RESPONSE_NOUNS for w in c.subtree):
            return True  # "an operation codenamed 'Retribution'"
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


def _clause_actor(v: Token) -> Token | None:
    """The actor of a clause that carries out an act: the agent of "carried out by X", the subject of "which X
    carried out" (not the relative pronoun)."""
    if is_passive(v):
        return agent_of(v)
    if v.lemma_.lower() in SUPPORT_VERBS | STAGE_VERBS:
        subj = child(v, "nsubj")
        if subj is not None and subj.tag_ not in {"WDT", "WP"}:
            return subj
    return None


def _responsible_actor(word: Token) -> Token | None:
    """Who a responsibility word holds responsible: "X bears responsibility", "X's responsibility", "X is
    responsible", "held X responsible", "responsibility lies with X", "X is to blame", "X is behind"."""
    lemma = word.lemma_.lower()
    if lemma in ACCUSE_VERBS and word.pos_ in {"VERB", "AUX"} and word.dep_ != "xcomp":
        return accused_of(word)  # "blamed Armenia for the clashes", "Armenia was blamed for the incident"
    if word.lower_ == "behind" or lemma == "blame" and word.dep_ == "xcomp":
        return subject_of(word.head) if word.head.pos_ in {"VERB", "AUX"} else None
    if word.pos_ in {"NOUN", "PROPN"}:
        poss = child(word, "poss")
        if poss is not None:
            return poss
        placed_on = blame_placed_on(word)  # "X lays the blame on Y": Y, not X
        if placed_on is not None:
            return placed_on
        if word.dep_ in {"dobj", "nsubjpass"} and word.head.pos_ in {"VERB", "AUX"}:
            return agent_of(word.head) if is_passive(word.head) else subject_of(word.head)
        if word.dep_ == "nsubj":  # "responsibility lies with X"
            return prep_object(word.head, "with", "on", "upon")
        return None
    if word.dep_ in {"oprd", "ccomp", "xcomp"} and word.head.lemma_.lower() in ACCUSE_VERBS | {"consider", "deem",
                                                                                                 "find", "hold"}:
        return accused_of(word.head) or child(word.head, "dobj")
    if word.dep_ in {"acomp", "attr"} and word.head.pos_ in {"VERB", "AUX"}:
        return subject_of(word.head)
    return None


def _responsibility_of(n: Token) -> Token | None:
    """The responsibility word `n` (an act or escalation noun) is governed by: "responsibility for [N]", "responsible
    for [N]", "behind [N]"."""
    if n.dep_ != "pobj":
        return None
    prep = n.head
    if prep.lower_ == "behind" and prep.dep_ == "prep" and prep.head.lemma_.lower() == "be":
        return prep
    if prep.lower_ in {"for", "of"} and prep.head.lemma_.lower() in RESPONSIBILITY_WORDS:
        return prep.head
    return None


def _resort_verb(n: Token) -> Token | None:
    """"X is resorting to [provocations]", "engaged in [shelling]": the verb of turning to a course of action."""
    if n.dep_ == "pobj" and n.head.dep_ == "prep" and n.head.lower_ in {"to", "in", "on", "upon"} \
            and n.head.head.lemma_.lower() in RESORT_VERBS and n.head.head.pos_ in {"VERB", "AUX"}:
        return n.head.head
    return None


def _noun_actor(n: Token, pidx: PartyIndex | None = None) -> Token | None:
    poss = child(n, "poss")
    if poss is not None:
        return poss
    by = prep_object(n, "by")
    if by is not None:
        return by
    for c in n.children:  # "action carried out by X", "provocations instigated by them", "which X carried out"
        if c.dep_ in {"acl", "relcl"}:
            actor = _clause_actor(c)
            if actor is not None:
                return actor
            if c.lemma_.lower() in SPEECH_VERBS:  # "the attack, which he said was carried out by X"
                for g in c.children:
                    if g.dep_ in {"ccomp", "xcomp"}:
                        actor = _clause_actor(g)
                        if actor is not None:
                            return actor
    frm = prep_object(n, "from")
    if frm is not None:
        return frm
    sv = _support_verb(n)
    if sv is not None:
        if is_passive(sv):
            agents = [a for a in (agent_of(v) for v in (sv, *sv.conjuncts) if v.pos_ in {"VERB", "AUX"})
                      if a is not None]
            if pidx is not None:  # "was planned by Western intelligence and carried out by X": the party
                with_party = [a for a in agents if pidx.party_of(a) is not None]
                agents = with_party or agents
            return agents[0] if agents else None
        return subject_of(sv)
    if n.dep_ == "pobj" and n.head.dep_ == "prep" and n.head.lower_ in {"for", "of"}:
        gov = n.head.head
        if gov.lemma_.lower() in ACCUSE_VERBS:
            return child(gov, "dobj", "nsubjpass")
    if n.dep_ == "dobj" and n.head.lemma_.lower() == "blame":  # "blamed the attack on X"
        on = prep_object(n.head, "on")
        if on is not None:
            return on
    if n.dep_ == "dobj" and n.head.pos_ in {"VERB", "AUX"} and _in_accusation(n.head):
        return subject_of(n.head)  # "accused X of preparing an invasion"
    if pidx is not None:  # "Ukrainian attacks", "Armenian provocation"
        for c in n.children:
            if c.dep_ in {"amod", "compound", "nmod"} and c.i in pidx.by_token:
                return c
        prev = n.doc[n.i - 1] if n.i > n.sent.start else None
        if prev is not None and prev.i in pidx.by_token and (prev.ent_type_ == "NORP" or prev.pos_ == "ADJ") \
                and all(c.dep_ == "det" for c in prev.children) and prev.dep_ != "poss":
            return prev  # misparsed "in [Pakistani] shelling of …": the demonym right before the act noun
    word = _responsibility_of(n)
    if word is not None:
        return _responsible_actor(word)
    verb = _resort_verb(n)
    if verb is not None:
        return subject_of(verb)
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


def _reduced_passive(v: Token, action: str) -> bool:
    """Headline passive without its auxiliary: "20 Indian soldiers killed", "Indian soldiers reportedly killed in …"
    (the parser makes the victims the subject). A killing verb with people as subject and no object."""
    if action != "kill" or v.tag_ not in {"VBN", "VBD"} or child(v, "dobj") is not None:
        return False
    if any(c.dep_ in {"aux", "auxpass", "nsubjpass"} for c in v.children):
        return False
    subj = child(v, "nsubj")
    return subj is not None and subj.lemma_.lower() in CASUALTY_NOUNS


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
    # "X bears responsibility for the escalation", "X is behind the tension", "X is resorting to war": a provocation
    # by X when what X is held responsible for (or turns to) is no act of its own
    act_ids = {d.token.i for d in drafts}
    for t in sent:
        if t.i in act_ids or t.pos_ not in {"NOUN", "PROPN"}:
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
        if verb is not None and (lemma in ESCALATION_NOUNS or t.lower_ in ESCALATION_NOUNS):
            drafts.append(_Draft(t, verb, "provoke", subject_of(verb), None, passive=False))
            continue
        if t.dep_ == "pobj" and t.head.lower_ in {"for", "of"} and t.head.head.lemma_.lower() in ACCUSE_VERBS \
                and (lemma in BLAME_OBJECT_NOUNS or lemma in ESCALATION_NOUNS or t.lower_ in ESCALATION_NOUNS):
            gov = t.head.head  # "blamed Armenia for the clashes", "accused Kyiv of the blast"
            drafts.append(_Draft(t, gov, "provoke", accused_of(gov), None, passive=False))
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


Window = tuple[dt.date, dt.date]
#: Days either side of the event's window within which a dated act still belongs to the event.
WINDOW_MARGIN_DAYS = 3


def _date_outside(sub: list[Token], event_year: int | None, window: Window | None) -> bool:
    """Does the phrase `sub` name a day (or a month, with no day) apart from the event's window: "on February 24"
    for an October event?"""
    if window is None:
        return False
    start, end = window
    lo, hi = start - dt.timedelta(days=WINDOW_MARGIN_DAYS), end + dt.timedelta(days=WINDOW_MARGIN_DAYS)
    months = [t for t in sub if t.lower_.rstrip(".") in MONTHS and t.text[:1].isupper()
              and not (t.lower_ == "may" and t.pos_ != "PROPN")]
    if not months:
        return False
    text = " ".join(t.text for t in sub)
    tm = normalise_time(text)
    year = event_year or start.year
    if tm.kind == "date":
        parts = tm.value.split("-")
        try:
            day = dt.date(int(parts[0]), int(parts[1]), int(parts[2])) if len(parts) == 3 else \
                dt.date(year, int(parts[0]), int(parts[1]))
        except ValueError:
            return False
        return not lo <= day <= hi
    if tm.kind == "month" or len(months) == 1 and not any(t.like_num for t in sub):
        mon = MONTHS[months[0].lower_.rstrip(".")]
        y = int(tm.value[:4]) if tm.kind == "month" else year
        first = dt.date(y, mon, 1)
        last = (dt.date(y + (mon == 12), mon % 12 + 1, 1) - dt.timedelta(days=1))
        return last < lo or first > hi
    return False


def _temporal_background(mod: Token, event_year: int | None, window: Window | None = None) -> bool:
    """Is the modifier subtree `mod` (a preposition or adverbial) a date apart from the event?"""
    sub = list(mod.subtree)
    low = mod.lower_
    if any(_DECADE.match(t.lower_) for t in sub):
        return True
    if event_year is not None and any(y != event_year for y in _years_in(sub)):
        return True
    if low in _TEMPORAL_PREPS - {"for", "by", "between"} and _date_outside(sub, event_year, window):
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


def _is_background(d: _Draft, event_year: int | None, window: Window | None = None) -> bool:
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
                    if _temporal_background(c, event_year, window):
                        return True
                elif c.dep_ == "advcl" and any(m.lower_ in {"when", "while"} for m in c.children):
                    if any(_temporal_background(g, event_year, window) for g in c.children if g.dep_ == "prep"):
                        return True
    return False


_NOT_COMPLEMENT = {"conj", "advcl", "cc", "parataxis", "npadvmod", "punct", "nsubj", "relcl"}


def _dismissed(clause: Token) -> bool:
    """Does the copular clause dismiss its subject: "… are lies", "… were groundless", "… is not true"?"""
    preds = [c for c in clause.children if c.dep_ in {"attr", "acomp", "oprd"}]
    words = {w.lower_ for c in preds for w in c.subtree} | {w.lemma_.lower() for c in preds for w in c.subtree}
    if words & DISMISSIVE_WORDS:
        return True
    negated = any(c.dep_ == "neg" for c in clause.children)
    return negated and bool(words & TRUTH_WORDS)


def _between(d: _Draft) -> list[Token]:
    """The act's word, its anchor, and the words on the path between them ("the tragedy" → "for" →
    "responsibility" → "bears")."""
    out = [d.token]
    if d.anchor is not d.token and d.anchor in d.token.ancestors:
        for a in d.token.ancestors:
            out.append(a)
            if a is d.anchor:
                break
    elif d.anchor is not d.token:
        out.append(d.anchor)
    return out


def _is_negated(d: _Draft) -> bool:
    for t in _between(d):
        if any(c.dep_ == "neg" for c in t.children):
            return True
        if any(c.dep_ == "det" and c.lower_ == "no" for c in t.children):
            return True
    if d.actor_tok is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in d.actor_tok.children):
        return True  # "no Armenian unit had fired on …"
    prev = d.token
    for a in d.token.ancestors:
        lemma = a.lemma_.lower()
        if lemma in DENIAL_VERBS and a.pos_ in {"VERB", "AUX"} and prev.dep_ not in _NOT_COMPLEMENT:
            return True  # "denied that its troops opened fire" (but not "denied …, and said X attacked")
        if lemma in ACCUSE_VERBS and a.dep_ in {"acl", "csubj", "nsubj"}:
            # "Armenia accusing X of … is nothing but mere hypocrisy"
            clause = a.head if a.dep_ in {"csubj", "nsubj"} else a.head.head
            if _dismissed(clause):
                return True
        if (lemma in CLAIM_NOUNS or a.lower_ in CLAIM_NOUNS) and a.pos_ in {"NOUN", "PROPN"} \
                and a.dep_ in {"nsubj", "nsubjpass"} and _dismissed(a.head):
            return True  # "X's claims that it took the heights are disinformation"
        if lemma in LABELLING_VERBS and prev.dep_ in {"dobj", "nsubjpass"} and (
                _labelled_dismissive(a) or _labelled_dismissive(d.token)):   # "as …" may be parsed onto the act
            return True  # "described the statements … about an Azerbaijani attack as disinformation"
        prev = a
    return False


LABELLING_VERBS = frozenset({"describe", "call", "label", "brand", "term", "characterize", "characterise", "dismiss",
                             "denounce", "qualify"})


def _labelled_dismissive(verb: Token) -> bool:
    """Does the verb call its object a lie: "… as disinformation", "calls … fake"?"""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "as":
            obj = child(c, "pobj")
            if obj is not None and {obj.lower_, obj.lemma_.lower()} & DISMISSIVE_WORDS:
                return True
        if c.dep_ in {"oprd", "acomp"} and {w.lemma_.lower() for w in c.subtree} & DISMISSIVE_WORDS:
            return True
    return False


def _is_irrealis(d: _Draft) -> bool:
    """An act that has not happened: "an expected offensive", "will continue strikes", "threatened to attack",
    "preparing an offensive", "ahead of an offensive" (but what someone is accused of counts as done)."""
    if _in_accusation(d.anchor) or _in_accusation(d.token):
        return False
    if _mods(d.token) & IRREALIS_MODIFIERS:
        return True
    for v in {d.token, d.anchor}:
        for _ in range(4):  # up the control chain: "will keep striking", "is expected to launch"
            if v.pos_ in {"VERB", "AUX"} and any(c.dep_ == "aux" and (c.lower_ in MODAL_AUX or c.lemma_.lower() in
                                                                      MODAL_AUX) for c in v.children):
                return True
            infinitive = v.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
            if v.dep_ != "xcomp" and not infinitive:  # "expect Russia to launch" parses as ccomp
                break
            if v.head.lemma_.lower() in IRREALIS_VERBS:
                return True
            v = v.head
    if d.token.dep_ == "dobj" and d.token.head.lemma_.lower() in IRREALIS_OBJECT_VERBS:
        return True
    for node in _ancestors_until_speech(d.anchor):
        # a condition ("if X attacks", "every time X bombed …") or a clause of a modal verb ("would execute a hostage
        # every time …") describes no act that happened
        if node.dep_ == "advcl" and (
                any(m.dep_ == "mark" and m.lower_ in {"if", "unless", "whenever", "lest"} for m in node.children)
                or any(c.lower_ == "time" and c.dep_ in {"npadvmod", "advmod", "nsubj"} for c in node.children)
                or any(c.dep_ == "aux" and c.lower_ in MODAL_AUX for c in node.head.children)):
            return True
        if node.dep_ == "relcl" and node.head.lower_ in {"time", "times", "occasion"} and any(
                c.dep_ == "det" and c.lower_ in {"every", "each", "any", "next"} for c in node.head.children):
            return True  # "every time X bombs …"
    for a in d.token.ancestors:
        if a.dep_ == "prep" and a.lower_ in {"of", "for"} and a.head.lower_ in IRREALIS_PREP_HEADS:
            return True
        if a.pos_ in {"VERB", "AUX"}:
            break
    return False


def _copular_response(d: _Draft) -> bool:
    """"its attack was a response to …": the act is the subject of a copula whose predicate is a response."""
    t = d.token
    if t.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    return any(c.dep_ in {"attr", "acomp"} and c.lemma_.lower() in RESPONSE_NOUNS for c in t.head.children)


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
                 reported_tokens: set[int] | None = None, window: Window | None = None) -> list[Act]:
    """The hostile acts of `sent` in text order (see the module docstring).

    voice: the sentence's Voice (resolves "we" inside a quotation to the quoted party and "it" with no antecedent
    to the previous source); reported_tokens: doc indices inside an attribution (computed here if not given);
    window: the event's first and last day (an act dated a day or month apart from it is background).
    """
    if reported_tokens is None:
        v, reported_tokens = analyse_voice_detail(sent, matcher, voice)
        voice = voice or v
    vparty = voice.attributed_party if voice is not None else None
    pidx = PartyIndex.build(sent, matcher, voice_party=vparty, previous_party=vparty)
    drafts = _drafts(sent, pidx)
    act_ids = {d.token.i for d in drafts}
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
        if _response_children(d.anchor, act_ids) or (d.token is not d.anchor and _response_children(d.token, act_ids)) \
                or _copular_response(d):
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
        background = _is_background(d, event_year, window)
        negated = _is_negated(d)
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
            reported=d.token.i in reported_tokens,
            position=d.token.i - sent.start,
            irrealis=irrealis,
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
