"""What standing an act has: negated or dismissed, irrealis, a copular response; and the words shown as its
evidence (background, dated apart from the event, is act_background.py). Used by initiator.py."""

from __future__ import annotations

import logging

from spacy.tokens import Token

from ._syntax import (
    INSTRUMENT_VERBS,
    named_accuser,
    child,
    np_tokens,
)
from .act_background import _ancestors_until_speech
from .act_words import _Draft, _in_accusation, _mods, party_label
from .blame_on import accusing_verb_of
from .lexicon import (
    ACCUSE_VERBS,
    CLAIM_NOUNS,
    DENIAL_VERBS,
    DISMISSIVE_WORDS,
    HAPPENING_VERBS,
    HEDGE_ADVERBS,
    HEDGE_VERBS,
    INVOLVEMENT_NOUNS,
    IRREALIS_MODIFIERS,
    IRREALIS_OBJECT_VERBS,
    IRREALIS_PREP_HEADS,
    IRREALIS_VERBS,
    MODAL_AUX,
    NEGATIVE_SUBJECTS,
    RESPONSE_NOUNS,
    RESPONSIBILITY_WORDS,
    TRUTH_WORDS,
    UNDERGOING_VERBS,
)

log = logging.getLogger(__name__)

#: "Our forces strike only military targets" denies the strike (benchmark dev: the Kremlin on Sumy, Dnipro, Okhmatdyt).
_ONLY_TARGET_WORDS = frozenset({"military", "paramilitary"})
_TARGET_NOUNS = frozenset({"target", "facility", "objective", "object", "site", "installation", "infrastructure"})


_NOT_COMPLEMENT = {"conj", "advcl", "cc", "parataxis", "npadvmod", "punct", "nsubj", "relcl"}


def _dismissed(clause: Token) -> bool:
    """Does the copular clause dismiss its subject: "… are lies", "… were groundless", "… is not true"?"""
    preds = [c for c in clause.children if c.dep_ in {"attr", "acomp", "oprd"}]
    words = {w.lower_ for c in preds for w in c.subtree} | {w.lemma_.lower() for c in preds for w in c.subtree}
    if words & DISMISSIVE_WORDS:
        return True
    negated = any(c.dep_ == "neg" for c in clause.children)
    return negated and bool(words & TRUTH_WORDS)


#: Edges that join a clause of its own: a negation beyond one does not reach the act ("it was not behind the blast
#: and that a rocket misfired by X had caused the explosion").
_COORDINATE_EDGES = frozenset({"conj", "parataxis", "advcl"})


def _between(d: _Draft) -> list[Token]:
    """The act's word, its anchor, the words on the path between them ("the tragedy" → "for" → "responsibility" →
    "bears"), and the clauses above the anchor it is a complement of ("there is [no] evidence that X carried out the
    attack", "it is [not] clear whether …"), up to a coordinated clause."""
    out = [d.token]
    if d.anchor.i != d.token.i and d.anchor in d.token.ancestors:
        reached = False
        prev = d.token
        for a in d.token.ancestors:
            if reached and prev.dep_ in _COORDINATE_EDGES:
                break
            out.append(a)
            reached = reached or a.i == d.anchor.i   # (spaCy makes a new Token on each access: compare positions)
            prev = a
    elif d.anchor.i != d.token.i:
        out.append(d.anchor)
    return out


def _directive_infinitive(t: Token) -> bool:
    """"urged them [not to fire]", "vowed [not to attack]": a negated infinitive under a verb of asking or promising
    (lexicon.IRREALIS_VERBS) is a request or a pledge about what has not happened, no denial of a done act."""
    return t.dep_ in {"xcomp", "ccomp"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) \
        and t.head.lemma_.lower() in IRREALIS_VERBS


def negative_subject(v: Token) -> bool:
    """"[None] of the evidence points to …", "[No] report suggests …", "[nobody] saw …", "[Neither] side has claimed
    it": a clause whose subject is a negative quantifier (lexicon.NEGATIVE_SUBJECTS) negates what it governs (and a
    speech verb with such a subject names no source: voice_cues.py)."""
    return v.pos_ in {"VERB", "AUX"} and any(
        c.dep_ in {"nsubj", "nsubjpass"} and (c.lower_ in NEGATIVE_SUBJECTS or any(
            g.dep_ == "det" and g.lower_ in {"no", "neither"} for g in c.children)) for c in v.children)


def _locally_negated(d: _Draft) -> bool:
    """A negation on the act's own words ("did not fire", "no shelling", "no Armenian unit had fired")."""
    for t in _between(d):
        if _directive_infinitive(t):
            continue
        if any(c.dep_ == "neg" for c in t.children) or _disjoined_negation(t):
            return True
        if t.dep_ == "xcomp" and t.head.lemma_.lower() in INSTRUMENT_VERBS and child(t.head, "neg") is not None:
            return True   # "did not use HIMARS to hit targets": the "not" is the user's
        if any(c.dep_ == "det" and c.lower_ == "no" for c in t.children):
            return True
    if _only_military_targets(d):
        return True
    return d.actor_tok is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in d.actor_tok.children)


def _only_military_targets(d: _Draft) -> bool:
    """An act said to hit only military targets ("our army strikes only military and paramilitary targets", "the
    attacks are aimed only at military targets", "forces deliver strikes only on military facilities"): a denial that
    it hit anything else. The object must be the targets, "only" on them, their words, verb or preposition: not "not
    only military targets but also a hospital", "only a gathering of military officers", "only 30 km from …"."""
    for verb in {d.token.i: d.token, d.anchor.i: d.anchor}.values():
        for c in verb.children:
            obj = c if c.dep_ == "dobj" else child(c, "pobj") if c.dep_ == "prep" else None
            if obj is None or obj.i < verb.i or obj.lemma_.lower() not in _TARGET_NOUNS:
                continue
            mods = [m for m in obj.children if m.dep_ in {"amod", "compound"}]
            words = {w.lower_ for m in mods for w in [m, *(x for x in m.children if x.dep_ == "conj")]}
            onlys = [t for t in (*obj.children, *c.children, *verb.children, *(x for m in mods for x in m.children))
                     if t.lower_ == "only"]
            if words & _ONLY_TARGET_WORDS and any(t.i == 0 or t.doc[t.i - 1].lower_ != "not" for t in onlys):
                return True
    return False


def _disjoined_negation(t: Token) -> bool:
    """A verb under a "not … or" or a "neither … nor" with its neighbour: "didn't use weapons or hit the drone",
    "neither touched it nor used their weapons" (benchmark dev, MQ-9: the Russian denial was read as an admission).
    Not "did not fire and retreated", nor "did not withdraw or stop, and attacked" (the word just before the verb
    joins it), nor a verb with its own subject ("did not fire, or so they say")."""
    if t.pos_ not in {"VERB", "AUX"}:
        return False
    first = t.head if t.dep_ == "conj" and t.head.pos_ in {"VERB", "AUX"} else t
    if first is not t and any(c.dep_ in {"nsubj", "nsubjpass"} for c in t.children):
        return False
    ccs = [c for c in first.children if c.dep_ == "cc" and c.i < t.i]
    joined = first is t or (bool(ccs) and ccs[-1].lower_ in {"or", "nor"})   # the word just before: not "…, and"
    if any(c.dep_ == "preconj" and c.lower_ == "neither" for c in first.children):
        return joined
    return first is not t and joined and _plain_not(child(first, "neg"))


def _negation(d: _Draft) -> str | None:
    """How the act is negated: "local" (its own words: "did not fire", "not a blind strike"), "denied" (a denial governs
    it: "denied any role in the attack", "had nothing to do with the blast", "dismissed reports that a missile hit
    the plane"), "above" (another negation from the clauses above it), or None (asserted)."""
    local = _locally_negated(d)
    if local:
        # a dismissed claim of a negation asserts the act: "their claims that they do not shell villages are lies"
        return None if _dismissed_holder(d) else "local"
    return _negated_above(d)


def _plain_not(neg: Token | None) -> bool:
    """A "not" that denies, in a statement: not "not only / not just … but", nor a question ("Is X not behind it?")."""
    if neg is None or neg.sent[-1].text == "?":
        return False
    after = neg.doc[neg.i + 1] if neg.i + 1 < len(neg.doc) else None
    return after is None or after.lower_ not in {"only", "just", "merely", "simply", "solely"}


def _negated_above(d: _Draft) -> str | None:
    """What negates the act from the clauses above it: "denied" for a denial of it, "above" for a negation that denies
    nothing of the speaker's ("nothing can justify striking a hospital", "called the attack a provocation")."""
    prev = d.token
    undergone = False   # the act is what someone underwent: "reports that they died in the strike"
    for a in d.token.ancestors:
        lemma = a.lemma_.lower()
        if lemma in DENIAL_VERBS and a.pos_ in {"VERB", "AUX"} and prev.dep_ not in _NOT_COMPLEMENT:
            # "denied that its troops opened fire" (but not "denied …, and said X attacked"); "rejected reports that
            # its men died in the strike" denies the deaths, "… that the forces came under attack on its soil" the place
            return "above" if undergone else "denied"
        undergone = undergone or _undergone(a)
        if prev.dep_ not in _NOT_COMPLEMENT and negative_subject(a):
            return "above"  # "none of their intelligence pointed to an Israeli strike"
        if a.lower_ == "nothing" and prev.lemma_.lower() == "do" and prev.dep_ in {"relcl", "acl"}:
            return "denied"  # "Kyiv had nothing to do with the drone attack"
        if a.lemma_.lower() in INVOLVEMENT_NOUNS and any(c.dep_ == "det" and c.lower_ == "no" for c in a.children):
            return "denied"  # "there was no involvement by X in the attack"
        if lemma == "be" and _plain_not(child(a, "neg") or child(prev, "neg")) and (
                prev.lemma_.lower() in RESPONSIBILITY_WORDS or prev.lower_ == "behind"):
            return "denied"  # "X is not responsible for / not behind / not to blame for the strike"
        if _dismissed_holder_step(a):
            return "denied"
        if lemma in LABELLING_VERBS and prev.dep_ in {"dobj", "nsubjpass"}:
            if _labelled_dismissive(a, prev is d.token):
                # "described the statements … about an Azerbaijani attack as disinformation"; the act itself called a
                # "provocation" is someone's act, not one the speaker denies
                return "above" if prev is d.token else "denied"
            if _labelled_dismissive(d.token, True):   # "as …" on the act
                return "above"
        prev = a
    return None


_PLACE_PREPS = frozenset({"in", "on", "at", "within", "inside", "near"})


def _undergone(v: Token) -> bool:
    """Is `v` a verb of what befell someone ("died in the strike", "came under attack") or of where the act happened
    ("the attack took place within its borders", "occurred on its soil"): a denial above it denies that, not the act?"""
    if v.pos_ != "VERB":
        return False
    lemma = v.lemma_.lower()
    if lemma in UNDERGOING_VERBS:
        return True
    happening = lemma in HAPPENING_VERBS or (lemma == "take" and any(
        c.dep_ == "dobj" and c.lower_ == "place" for c in v.children))
    return happening and any(c.dep_ == "prep" and c.lower_ in _PLACE_PREPS for c in v.children)


def _dismissed_holder_step(a: Token) -> bool:
    """Is `a` an accusation or a claim noun that its clause dismisses ("X accusing Y of … is hypocrisy", "X's claims
    that … are disinformation")?"""
    lemma = a.lemma_.lower()
    if lemma in ACCUSE_VERBS and a.dep_ in {"acl", "csubj", "nsubj"}:
        # "Armenia accusing X of … is nothing but mere hypocrisy"
        clause = a.head if a.dep_ in {"csubj", "nsubj"} else a.head.head
        if _dismissed(clause):
            return True
    return (lemma in CLAIM_NOUNS or a.lower_ in CLAIM_NOUNS) and a.pos_ in {"NOUN", "PROPN"} \
        and a.dep_ in {"nsubj", "nsubjpass"} and _dismissed(a.head)   # "X's claims that it took … are disinformation"


def _dismissed_holder(d: _Draft) -> bool:
    return any(_dismissed_holder_step(a) for a in d.token.ancestors)


LABELLING_VERBS = frozenset({"describe", "call", "label", "brand", "term", "characterize", "characterise", "dismiss",
                             "denounce", "qualify"})


def _labelled_dismissive(verb: Token, act_labelled: bool = False) -> bool:
    """Does the verb call its object a lie: "… as disinformation", "calls … fake"? (An act itself labelled a party's
    provocation is that party's act: "described the attack as a [Ukrainian] provocation", act_words.party_label.)"""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "as":
            obj = child(c, "pobj")
            if obj is not None and {obj.lower_, obj.lemma_.lower()} & DISMISSIVE_WORDS and not (
                    act_labelled and party_label(obj)):
                return True
        if c.dep_ in {"oprd", "acomp"} and {w.lemma_.lower() for w in c.subtree} & DISMISSIVE_WORDS:
            return True
    return False


#: Edges that leave the act's clause: a "?" beyond one of them closes another clause's question.
_CLAUSE_EDGES = frozenset({"ccomp", "advcl", "conj", "parataxis", "relcl"})


def _questioned(d: _Draft) -> bool:
    """"Did X fire first?", "Was the station hit by an X missile?": a yes/no question (the clause's auxiliary before
    its subject, a "?" closing it) asks whether the act happened; it asserts nothing. A wh-question ("Why did X
    attack?") presupposes the act and is no such question."""
    prev = d.token
    for v in (d.token, *d.token.ancestors):
        if v is not d.token and prev.dep_ in _CLAUSE_EDGES:
            return False
        prev = v
        if not any(c.text == "?" for c in v.children):
            continue
        subj = next((c for c in v.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        inverted = subj is not None and (v.pos_ == "AUX" and v.i < subj.i or any(
            c.dep_ in {"aux", "auxpass"} and c.i < subj.i for c in v.children))
        return inverted and not any(c.tag_ in {"WP", "WRB", "WDT", "WP$"} for c in v.children)
    return False


#: Predicates that put an act ahead: "an attack … is imminent / likely / expected".
_AHEAD = frozenset({"imminent", "likely", "expected", "possible", "looming", "impending", "inevitable", "feared"})


#: The outlet's hedges on an act ("the alleged attack"): they do not take back a source's blame for it.
_HEDGES = frozenset({"suspected", "alleged", "purported", "presumed", "apparent"})


def _accused_of_noun(n: Token) -> bool:
    """Is the act noun what a named accuser blames or accuses someone of ("X blamed the U.S. for the alleged drone
    attack")? X's blame is asserted whatever the outlet's "alleged" says of the act (not "a possible attack"; not "Y
    was accused of the alleged attack", where no one accuses and the hedge is the outlet's own)."""
    gov = accusing_verb_of(n)
    return gov is not None and named_accuser(gov)


def _is_irrealis(d: _Draft) -> bool:
    """An act that has not happened: "an expected offensive", "will continue strikes", "threatened to attack",
    "preparing an offensive", "ahead of an offensive", a yes/no question (but what someone is accused of counts as
    done)."""
    if _in_accusation(d.anchor) or _in_accusation(d.token):
        return False
    if _questioned(d):
        return True
    if _mods(d.token) & (IRREALIS_MODIFIERS - _HEDGES if _accused_of_noun(d.token) else IRREALIS_MODIFIERS):
        return True
    if d.token.dep_ == "nsubj" and d.token.head.lemma_.lower() == "be" and d.token.head.tag_ in {"VBZ", "VBP"} \
            and not any(c.dep_ == "attr" for c in d.token.head.children) and any(
            c.dep_ == "acomp" and c.lower_ in _AHEAD for c in d.token.head.children):
        return True   # "a direct attack on Iran is now imminent", "a strike is likely" (not "was likely the largest")
    if any(c.dep_ == "advmod" and c.lower_ in HEDGE_ADVERBS for v in {d.token, d.anchor} for c in v.children):
        return True   # "… which allegedly targeted X": hedged
    n = d.token
    for _ in range(3):   # "after what appears to have been a US missile strike": hedged
        if n.dep_ not in {"attr", "xcomp", "acomp", "oprd"}:
            break
        n = n.head
        if n.lemma_.lower() in HEDGE_VERBS:
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
        if any(m.dep_ == "mark" and m.lower_ == "whether" for m in node.children):
            return True  # "it was not clear whether the crash was caused by X": asked, not said
        if node.dep_ == "relcl" and node.head.lower_ in {"time", "times", "occasion"} and any(
                c.dep_ == "det" and c.lower_ in {"every", "each", "any", "next"} for c in node.head.children):
            return True  # "every time X bombs …"
    for a in d.token.ancestors:
        if a.dep_ == "prep" and a.lower_ in {"of", "for"} and (a.head.lower_ in IRREALIS_PREP_HEADS
                                                               or a.head.lemma_.lower() in IRREALIS_PREP_HEADS):
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
