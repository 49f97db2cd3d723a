"""Who and whom: the actor and target of an act word (subjects, by-phrases, possessors, support verbs,
responsibility and accusation frames) and the clauses that make an act a response. Used by initiator.py."""

from __future__ import annotations

from spacy.tokens import Token

from ._syntax import (
    PartyIndex,
    accused_of,
    agent_of,
    child,
    is_passive,
    prep_object,
    subject_of,
    withheld_claim,
)
from .act_words import _in_accusation, report_clause
from .blame_on import accused_party, accusing_verb_of, blame_placed_on, blamed_on, work_of
from .lexicon import (
    ACCUSE_VERBS,
    CASUALTY_NOUNS,
    DENIAL_VERBS,
    DOMAIN_NOUNS,
    ESCALATION_NOUNS,
    FACILITY_NOUNS,
    HOSTILE_NOUNS,
    INVOLVEMENT_NOUNS,
    LEADER_NOUNS,
    MUTUAL_MODIFIERS,
    RESORT_VERBS,
    RESPONSE_NOUNS,
    RESPONSIBILITY_WORDS,
    SPEECH_VERBS,
    STAGE_VERBS,
    STOPPING_VERBS,
    SUPPORT_VERBS,
    WEAPON_NOUNS,
)


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
            if _holds_act(c, act_ids) and not report_clause(c):   # not "after witnesses reported gunfire"
                out.append(c)
        elif c.dep_ == "prep" and c.lower_ in {"after", "following"}:
            if _holds_act(c, act_ids):
                out.append(c)
        elif _in_response(c):
            out.append(c)
            continue
        if c.dep_ in {"prep", "advcl", "xcomp"} and _stops_an_act(c, act_ids):
            out.append(c)   # "… as part of the effort to put an end to Houthi attacks", "… to halt the rocket fire"
    # "Israel Pounds Yemen's Oil Depot in Retaliation for …": the phrase hung on the object by the parser
    out.extend(c for d in anchor.children if d.dep_ == "dobj" for c in d.children if _in_response(c))
    return out


def _in_response(c: Token) -> bool:
    obj = child(c, "pobj") if c.dep_ == "prep" and c.lower_ in {"in", "as"} else None
    return obj is not None and obj.lemma_.lower() in RESPONSE_NOUNS


def _stops_an_act(c: Token, act_ids: set[int] | None) -> bool:
    """Does the phrase `c` mean to stop an act it names (lexicon.STOPPING_VERBS; "end" only in "put an end to")?"""
    for w in c.subtree:
        lemma = w.lemma_.lower()
        if lemma not in STOPPING_VERBS or (lemma == "end" and w.head.lemma_.lower() != "put"):
            continue
        verb = w.head if lemma == "end" else w
        if any(g.dep_ == "neg" for g in verb.children) or _clause_between(verb, c):
            continue   # "saying that the explosion will not stop Ukraine from …": a claim's words, not a purpose
        if act_ids is None or any(x.i in act_ids for x in verb.subtree if x.i != verb.i and x.i != w.i):
            return True
    return False


def _clause_between(t: Token, top: Token) -> bool:
    """Is there a clause of its own (a complement, or a speech verb above `t`) between `t` and its ancestor `top`?"""
    while t.i != top.i and t.head.i != t.i:
        if t.dep_ in {"ccomp", "parataxis"}:
            return True
        t = t.head
        if t.lemma_.lower() in SPEECH_VERBS:
            return True
    return False


def _retaliation_marked(anchor: Token) -> bool:
    for c in anchor.children:
        if c.dep_ in {"acl", "relcl"} and c.lemma_.lower() in {"codename", "codenamed", "name", "dub", "call"} and any(
                w.lemma_.lower() in RESPONSE_NOUNS for w in c.subtree):
            return True  # "an operation codenamed 'Retribution'"
        if _in_response(c):
            return True
    return False


def _anchor_of_noun(n: Token) -> Token:
    """The verb whose clause a nominal act sits in ("launched [an operation]", "[the move] comes after …")."""
    if n.dep_ in {"dobj", "nsubj", "nsubjpass", "attr"} and n.head.pos_ in {"VERB", "AUX"}:
        return n.head
    return n


def _support_verb(n: Token) -> Token | None:
    while n.dep_ == "conj" and n.head.pos_ in {"NOUN", "PROPN"}:   # "opened artillery and drone fire": the first
        n = n.head                                                  # conjunct's verb carries the second too
    if n.dep_ in {"dobj", "nsubjpass"} and n.head.lemma_.lower() in SUPPORT_VERBS:
        return n.head
    return None


#: Ordinals that make the subject of a copula the one who did the act of their infinitive first: "X were the [first]
#: to fire" (X fired first, so X started it).
FIRST_WORDS = frozenset({"first"})


def first_to_act(v: Token) -> Token | None:
    """The subject of "X was the first to fire / to open fire": the infinitive hangs on the ordinal, the ordinal on
    the copula whose subject did it."""
    if v.dep_ == "pobj" and v.head.lower_ == "to" and v.head.dep_ == "prep":
        first = v.head.head   # "the first to fire" parsed as a preposition and its noun
    elif v.dep_ in {"relcl", "acl", "xcomp"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
        first = v.head
    else:
        return None
    if first.lower_ not in FIRST_WORDS or first.dep_ not in {"attr", "acomp", "oprd", "npadvmod"}:
        return None
    return subject_of(first.head)


#: Facility nouns that may also name a body of people ("the occupying power", "the McCarthy camp").
_PEOPLED_FACILITIES = frozenset({"power", "camp", "border"})


def facility_actor(tok: Token) -> bool:
    """Is the actor found a place ("an attack on the Ukraine station [that] killed 30": the relative pronoun's
    antecedent is the station)? A place does nothing; the party named before it says where (lexicon.FACILITY_NOUNS)."""
    lemma = tok.lemma_.lower()
    return (lemma in FACILITY_NOUNS or tok.lower_ in FACILITY_NOUNS) and lemma not in _PEOPLED_FACILITIES


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
    if lemma in ACCUSE_VERBS and word.pos_ in {"VERB", "AUX"} and (word.dep_ != "xcomp" or accused_party(word)):
        return accused_party(word)  # "blamed Armenia for the clashes", "were quick to blame Armenia", "X is to blame"
    if word.lower_ == "behind" or lemma == "blame" and word.dep_ == "xcomp":
        return subject_of(word.head) if word.head.pos_ in {"VERB", "AUX"} else None
    if word.pos_ in {"NOUN", "PROPN"}:
        poss = child(word, "poss")
        if poss is not None:
            return poss
        placed_on = blame_placed_on(word)  # "X lays the blame on Y": Y, not X
        if placed_on is not None:
            return placed_on
        if word.dep_ in {"dobj", "nsubjpass"} and word.head.pos_ in {"VERB", "AUX"}:   # none: "has not claimed it"
            return None if withheld_claim(word.head) else \
                agent_of(word.head) if is_passive(word.head) else subject_of(word.head)
        if word.dep_ == "nsubj":  # "responsibility lies with X"
            return prep_object(word.head, "with", "on", "upon")
        return None
    if word.dep_ in {"oprd", "ccomp", "xcomp"} and word.head.lemma_.lower() in ACCUSE_VERBS | {
            "consider", "deem", "find", "hold", "declare", "pronounce", "call", "name"}:
        return child(word, "nsubj") or accused_of(word.head) or child(word.head, "dobj")
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


def _conjunct_possessor(n: Token) -> Token | None:
    """"Israel's air and ground offensive", parsed with "offensive" a conjunct of the domain noun "air": that noun's
    possessor."""
    if n.dep_ != "conj" or n.head.lower_ not in DOMAIN_NOUNS or any(c.dep_ == "det" for c in n.children):
        return None   # (not "X's president and the strikes on Kyiv")
    return child(n.head, "poss")


def _noun_actor(n: Token, pidx: PartyIndex | None = None) -> Token | None:
    poss = child(n, "poss") or _conjunct_possessor(n)
    if poss is not None and poss.ent_type_ in {"DATE", "TIME"}:
        poss = None   # "Thursday's strikes": when, not who
    if poss is not None and not _owns_the_place(poss, n, pidx) and not _killed_one(poss, n):
        return poss
    by = prep_object(n, "by")
    if by is None and (of := prep_object(n, "of")) is not None:
        by = prep_object(of, "by")   # "violations of ceasefire agreements by X" ("by" hung on "agreements")
    if by is not None:
        return by
    if n.dep_ == "ROOT" and (subj := child(n, "nsubj")) is not None:
        return subj   # "Israeli forces fire on Gazans …": a headline's verb tagged a noun, with its subject
    holder = _involvement_holder(n) or work_of(n)   # "X had a hand in the attack", "the attack was the work of X"
    if holder is not None:
        return holder
    first = first_to_act(n)   # "X were the first to fire" with "fire" tagged a noun
    if first is not None:
        return first
    accused = accusing_verb_of(n) is not None
    for c in n.children:  # "action carried out by X", "provocations instigated by them", "which X carried out"
        if c.dep_ in {"acl", "relcl"}:
            actor = _clause_actor(c)
            if actor is not None and accused and pidx is not None and pidx.party_of(actor) is None:
                continue   # "accused X of an attack driven by personal motives": X, not the motives
            if actor is not None:
                return actor
            if c.lemma_.lower() in SPEECH_VERBS:  # "the attack, which he said was carried out by X"
                for g in c.children:
                    if g.dep_ in {"ccomp", "xcomp"}:
                        actor = _clause_actor(g)
                        if actor is not None:
                            return actor
    involved = _resort_verb(n)
    if involved is not None and child(involved, "nsubjpass") is not None:
        return child(involved, "nsubjpass")   # "X was involved in the incident"
    sv = _support_verb(n)
    frm = prep_object(n, "from")
    if frm is not None and (sv is None or subject_of(sv) is None):   # "launched strikes from the air": who launched
        return frm
    if sv is not None:
        if is_passive(sv):
            agents = [a for a in (agent_of(v) for v in (sv, *sv.conjuncts) if v.pos_ in {"VERB", "AUX"})
                      if a is not None]
            if pidx is not None:  # "was planned by Western intelligence and carried out by X": the party
                with_party = [a for a in agents if pidx.party_of(a) is not None]
                agents = with_party or agents
            return agents[0] if agents else None
        return first_to_act(sv) or subject_of(sv)
    if n.head.dep_ == "prep" and (gov := accusing_verb_of(n)) is not None:
        return accused_party(gov)   # "accused X of the attack", "X is to blame for the attack"
    if (on := blamed_on(n, pidx)) is not None:   # "blamed the attack on X" (blame_on.py)
        return on
    if n.dep_ == "dobj" and n.head.pos_ in {"VERB", "AUX"} and _in_accusation(n.head):
        return subject_of(n.head)  # "accused X of preparing an invasion"
    word = _responsibility_of(n)   # "X was behind the Kremlin drone attack": X (a party), before a party on the noun
    if word is not None and pidx is not None and pidx.party_of(held := _responsible_actor(word)) is not None:
        return held
    if pidx is not None and any(c.dep_ in {"amod", "compound"} and c.lemma_.lower() in MUTUAL_MODIFIERS
                                for c in n.children):
        return None   # "X, Y exchange fire": both sides act, neither is the actor
    if pidx is not None:  # "Ukrainian attacks", "Armenian provocation"
        for c in n.children:
            if c.dep_ in {"amod", "compound", "nmod"} and c.i in pidx.by_token and not _names_a_place(c, n):
                return c
        for c in n.children:   # "a failed Ukrainian drone attack": the party on the weapon the act noun is named by
            if c.dep_ in {"compound", "nmod"} and c.lemma_.lower() in WEAPON_NOUNS:
                for m in c.children:   # ("a string of Houthi drone and missile attacks": an nmod; "IDF missile
                    # strikes": a compound that is an organisation's acronym; "the Kremlin drone attack": a compound
                    # naming a place, the target)
                    if m.i in pidx.by_token and (m.dep_ in {"amod", "nmod"} or m.dep_ == "compound" and m.text.isupper()
                                                 and len(m.text) > 1 and m.ent_type_ not in {"GPE", "LOC", "FAC"}):
                        return m
        prev = n.doc[n.i - 1] if n.i > n.sent.start else None
        if prev is not None and prev.i in pidx.by_token and (prev.ent_type_ == "NORP" or prev.pos_ == "ADJ") \
                and all(c.dep_ == "det" for c in prev.children) and prev.dep_ != "poss":
            return prev  # misparsed "in [Pakistani] shelling of …": the demonym right before the act noun
    if word is not None:
        return _responsible_actor(word)
    verb = _resort_verb(n)
    if verb is not None:
        return subject_of(verb)
    if n.dep_ == "dobj" and n.head.lemma_.lower() in DENIAL_VERBS and n.head.pos_ in {"VERB", "AUX"}:
        return subject_of(n.head)   # "Russia denies missile strike on the station": its own strike, denied
    return None


#: Who a killing is done to, named by a noun: people, or a post ("the Hamas leader").
_PEOPLE_NOUNS = CASUALTY_NOUNS | LEADER_NOUNS


def _killed_one(poss: Token, n: Token) -> bool:
    """"Haniyeh's killing", "the Hamas leader's assassination": a person before a killing noun is who was killed."""
    return HOSTILE_NOUNS.get(n.lemma_.lower()) == "kill" and (
        poss.ent_type_ == "PERSON" or poss.lemma_.lower() in _PEOPLE_NOUNS)


def _owns_the_place(poss: Token, n: Token, pidx: PartyIndex | None) -> bool:
    """"Ukraine's Sumy missile strike": the possessor is the place's country, not who struck (a place name between:
    a GPE/LOC/FAC entity or a place the event file gives a party)."""
    between = [c for c in n.children if c.dep_ == "compound" and poss.i < c.i < n.i]
    if any(c.ent_type_ in {"GPE", "LOC", "FAC"} for c in between):
        return True
    if pidx is None or not between:
        return False
    text = n.doc.text
    return any(m.start <= c.idx < m.end for m in pidx.matcher.find_places(text) for c in between)


def _involvement_holder(n: Token) -> Token | None:
    """Who an involvement in the act is said of: "there was no involvement by the United States in the attack", "X had
    a hand in the attack",
    "Kyiv had nothing to do with the drone attack" (act_status reads the "no" / "nothing" as a denial)."""
    if n.dep_ != "pobj":
        return None
    prep = n.head
    if prep.lower_ == "in" and prep.head.lemma_.lower() in INVOLVEMENT_NOUNS:
        inv = prep.head
        return prep_object(inv, "by", "of") or child(inv, "poss")
    hand = prep.head if prep.head.lemma_.lower() == "hand" else child(prep.head, "dobj")
    if prep.lower_ == "in" and hand is not None and hand.lemma_.lower() == "hand" and hand.head.lemma_.lower() == "have":
        return subject_of(hand.head)   # "X had a hand in the attack" ("in" hung on "hand" or on "had")
    if prep.lower_ == "with" and prep.head.lemma_.lower() == "do" and prep.head.dep_ in {"relcl", "acl"} \
            and prep.head.head.lower_ in {"nothing", "anything"} and prep.head.head.dep_ == "dobj":
        return subject_of(prep.head.head.head)
    return None


def _names_a_place(mod: Token, n: Token) -> bool:
    """A party before a facility noun in the act noun's compound names where it happened ("Ukraine train station
    attack"), not who did it."""
    return any(w.lower_ in FACILITY_NOUNS or w.lemma_.lower() in FACILITY_NOUNS for w in n.doc[mod.i + 1:n.i])


def _noun_target(n: Token, action: str, pidx: PartyIndex | None = None) -> Token | None:
    tgt = prep_object(n, "against", "on", "at", "upon", "into", "toward", "towards")
    if tgt is not None and (blamed := blamed_on(n, pidx)) is not None and blamed.i == tgt.i:
        tgt = None   # "blamed the attack on X": X is blamed, not attacked (blame_on.py)
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
    """Headline passive without its auxiliary: "20 Indian soldiers killed", "Indian soldiers reportedly killed in …",
    "Hamas leader Ismail Haniyeh killed in Tehran" (the parser makes the victims the subject). A killing verb with
    people or a person as subject and no object."""
    if action != "kill" or v.tag_ not in {"VBN", "VBD"} or child(v, "dobj") is not None:
        return False
    if any(c.dep_ in {"aux", "auxpass", "nsubjpass"} for c in v.children):
        return False
    subj = child(v, "nsubj")
    if subj is None or any(child(c, "dobj") is not None for c in v.conjuncts):
        return False   # "gunmen killed and wounded dozens": the object hangs on the second verb
    # people, or a person named ("Hamas leader Ismail Haniyeh killed in Tehran": the parser makes him the killer), or
    # a count of them ("Five Palestinians killed as Israeli drones hit West Bank")
    return subj.lemma_.lower() in _PEOPLE_NOUNS or subj.ent_type_ == "PERSON" or child(subj, "nummod") is not None
