"""Whose claim each act is, when a sentence holds more than one source.

A sentence has one Voice (voice.py): its main source. But news sentences often report two sources at once, and the
act belongs to the one whose words contain it:

- **a second speech cue**: "The ministry denied striking the station, but the president blamed Russia for the
  bodies" (the blame is the president's, not the ministry's); "A senior official described it as a Russian attack,
  Reuters reported" (the official's claim, carried by Reuters); "Hamas blamed Israel; Israel denied it, saying a
  misfired rocket of Y caused it". Each act takes the party of the innermost cue whose scope holds it, when that
  party differs from the sentence's source: the act is re-marked as that party's claim (`Act.claimed_by`; a negated
  act, e.g. inside "denied", is that party's denial).
- **a claim noun with its claimant**: "X's claims that Y started the shelling are false", "claims by X that Y was
  behind the attack", "rebutting X's assertion that Y …". Whatever the sentence's speaker says about the claim (often
  a dismissal, which stays that speaker's denial), X claims the act: a copy of it is added as X's claim, negated only
  by a negation inside the claim itself.

- **parties joined to the actor**: "the source holds the Israeli occupation and the US administration accountable",
  "Moscow says Zelensky and the US bear all responsibility": the act names one actor, the first; each party joined
  to it is blamed too, in the source's words (a copy of the act, the source's claim; a denial when negated). Benchmark
  dev split: the second party was lost in Olenivka, Doha, Rafah and Tabi'in. Not for two-sided verbs ("X and Y
  clashed": reciprocal.py).

Only acts that can carry a verdict are re-marked (initiating, or negated; never background or irrealis ones), and
only sources naming a party of the event.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from ._syntax import PartyIndex
from .source_names import institution_of, source_tokens
from .lexicon import CLAIM_NOUNS, CLAIMANT_PREPS, DENIAL_VERBS, RECIPROCAL_VERBS
from .voice import Cue, Voice, find_cues

_UNKNOWN = "unknown"


def _cue_party(cue: Cue, pidx: PartyIndex) -> str | None:
    src = cue.source
    if src is None or src.pos_ == "PRON" and src.lower_ not in {"it", "they"}:
        return None
    if src.pos_ == "PRON":
        return None   # pronouns are resolved by the sentence's voice, not here
    # a party, a name or an institution: not "Armenia's failure … was to blame"
    return _speaker_party(src, pidx, cue.token if cue.kind == "verb" else None)


def _speaker_party(src: Token, pidx: PartyIndex, verb: Token | None = None) -> str | None:
    """The party of a source phrase (source_names.source_tokens: before its cue verb `verb`, it ends there)."""
    tokens = source_tokens(src, verb)
    if src.i not in pidx.by_token and src.pos_ != "PROPN" and institution_of(" ".join(t.text for t in tokens)) is None:
        return None
    m = pidx.party_of_tokens(tokens)
    return m.party_id if m is not None else None


def _fellow_speakers(cue: Cue, pidx: PartyIndex) -> list[str]:
    """The parties of the cue's other conjoined sources ("Jordan, Turkey and Egypt condemned …": Turkey's, Egypt's)."""
    if cue.source is None or cue.source.pos_ == "PRON":
        return []
    out = []
    for conj in _listed_with(cue.source):
        p = _speaker_party(conj, pidx)
        if p is not None and p not in out:
            out.append(p)
    return out


#: Edges that join the members of a list of sources ("Qatar, Turkey, Kuwait and others" is often parsed with
#: "Turkey" as an npadvmod of "Qatar").
_LIST_EDGES = frozenset({"conj", "appos", "npadvmod"})


def _listed_with(src: Token) -> list[Token]:
    """The other members of the list `src` heads: its conjuncts and the names chained to it by list edges."""
    out = [t for t in src.conjuncts]
    stack = [c for c in src.children if c.dep_ in _LIST_EDGES]
    while stack:
        t = stack.pop(0)
        if t not in out and t.pos_ == "PROPN":
            out.append(t)
        stack += [c for c in t.children if c.dep_ in _LIST_EDGES]
    return out


def _claimant(noun: Token, pidx: PartyIndex) -> str | None:
    """The party whose claim a claim noun is: its possessor ("Baku's claims"), a party word before it ("Ukrainian
    claims"), or the object of "by/from/of" ("claims by the Ukrainian side")."""
    for c in noun.children:
        if c.dep_ in {"poss", "compound", "amod", "nmod"} and c.i < noun.i:
            p = pidx.party_of(c) if c.pos_ != "PRON" else None
            if p is not None:
                return p
        if c.dep_ == "prep" and c.lower_ in CLAIMANT_PREPS and (c.lower_ != "of" or _has_that_clause(noun)):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ != "PRON":
                p = pidx.party_of(obj)
                if p is not None:
                    return p
    return None


def _trailing_denier(noun: Token, pidx: PartyIndex) -> str | None:
    """The party of "…, a claim / an accusation X denied (rejected, dismissed)": a claim noun set after the statement
    it names (apposition), with a denial verb of X's on it. X denies what the sentence says before it."""
    if noun.dep_ not in {"npadvmod", "appos", "attr", "conj"} or noun.i == noun.sent.start \
            or noun.doc[noun.left_edge.i - 1].text != ",":
        return None
    verb = next((c for c in noun.children if c.dep_ in {"relcl", "acl"} and c.lemma_.lower() in DENIAL_VERBS
                 and not any(g.dep_ == "neg" for g in c.children)), None)   # not "a claim Y did not deny"
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
    return pidx.party_of(subj) if subj is not None and subj.pos_ != "PRON" else None


def _named_claim(noun: Token) -> set[int]:
    """The doc indices of the clause a trailing claim noun names: the nearest verb above it, without the noun."""
    verb = next((a for a in noun.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    while verb is not None and verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        verb = verb.head   # "opened fire first and shelled the plant, a claim Y denied": both
    return {x.i for x in verb.subtree} - {x.i for x in noun.subtree} if verb is not None else set()


def _has_that_clause(noun: Token) -> bool:
    return any(c.dep_ in {"acl", "ccomp", "relcl"} and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
               for c in noun.children)


def _claim_content(noun: Token) -> set[int]:
    """The doc indices of what a claim noun says: its "that"-clause or "about/of" phrase."""
    out: set[int] = set()
    for c in noun.children:
        if c.dep_ in {"acl", "ccomp", "relcl"} and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            out |= {x.i for x in c.subtree}
        elif c.dep_ == "prep" and c.lower_ in {"about", "of"} and c.i > noun.i and not (
                c.lower_ == "of" and _has_that_clause(noun)):
            out |= {x.i for x in c.subtree}
    return out


def _locally_negated(tok: Token, stop: Token, denial: bool = False) -> bool:
    """A negation between an act's word and the claim noun or cue holding it ("claims that it did not attack"); with
    `denial`, a denial verb on the way counts too ("X denied striking")."""
    for t in (tok, *tok.ancestors):
        if denial and t.lemma_.lower() in DENIAL_VERBS and t.pos_ in {"VERB", "AUX"}:
            return True
        if t.i == stop.i:
            return False
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in t.children):
            return True
    return False




def _carries_verdict(a, own_claim: bool = False) -> bool:   # noqa: ANN001  (initiator.Act; not imported: a cycle)
    """Can the act carry a verdict (initiating or negated, with a known actor; not background nor irrealis)? With
    `own_claim`, also an act already marked as a second source's claim."""
    if a.background or a.irrealis or (a.claimed_by is not None and not own_claim) or a.actor in (None, _UNKNOWN):
        return False
    return a.negated or a.initiating


def assign_speakers(sent: Span, acts: list, pidx: PartyIndex, voice: Voice | None) -> list:
    """`acts` with each act inside a second source's words marked as that source's claim or denial, plus the claims
    held in claim nouns with a claimant (module docstring)."""
    vparty = voice.attributed_party if voice is not None and voice.attributed else None
    all_cues = [(c, _cue_party(c, pidx)) for c in find_cues(sent)]
    cues = [(c, p) for c, p in all_cues if p is not None]
    out, extra = [], []
    for a in acts:
        i = sent.start + a.position
        inner = min((c for c, _ in all_cues if i in c.scope), key=lambda c: len(c.scope), default=None)
        if inner is not None and _carries_verdict(a) and not a.negated:   # a shared denial: reciprocal.py
            for fellow in _fellow_speakers(inner, pidx):   # every conjoined source says it too
                if fellow != a.actor and fellow != _cue_party(inner, pidx):
                    extra.append(replace(a, claimed_by=fellow))
        holding = [(c, p) for c, p in cues if i in c.scope]
        if holding and _carries_verdict(a):
            cue, party = min(holding, key=lambda cp: len(cp[0].scope))
            if party != vparty and a.reported:
                if a.negated and not _locally_negated(sent.doc[i], cue.token, denial=True):
                    # negated from outside the inner source's words ("X accusing Y of it is hypocrisy, Z said"; "Z
                    # denied it, X blamed Y"): Z's denial stands and X's claim is added
                    extra.append(replace(a, claimed_by=party, negated=False, initiating=True))
                else:
                    a = replace(a, claimed_by=party)
        out.append(a)
    for t in sent:
        if t.pos_ not in {"NOUN", "PROPN"} or (t.lemma_.lower() not in CLAIM_NOUNS and t.lower_ not in CLAIM_NOUNS):
            continue
        if (denier := _trailing_denier(t, pidx)) is not None:   # "X opened fire first, a claim Y denied": Y's denial
            named = _named_claim(t)   # of the acts of the clause the claim noun is set after, not the whole sentence
            extra += [replace(a, claimed_by=denier, negated=True, denied=True, initiating=False, reported=True)
                      for a in out if _carries_verdict(a) and not a.negated and sent.start + a.position in named]
            continue
        party = _claimant(t, pidx)
        content = _claim_content(t)
        if party is None:   # "the step comes after accusations that X carried out a deadly attack": whose claim the
            out = [replace(a, reported=True) if sent.doc[sent.start + a.position].i in content else a   # outlet
                   for a in out]                                                      # does not say: not its own
            continue
        for a in out:
            tok = sent.doc[sent.start + a.position]
            if tok.i not in content or a.background or a.irrealis or a.actor in (None, _UNKNOWN):
                continue
            if a.claimed_by == party or not (a.initiating or a.negated):
                continue
            negated = _locally_negated(tok, t)
            extra.append(replace(a, claimed_by=party, negated=negated, initiating=not negated, reported=True))
    return out + extra


def co_actors(drafts: list, acts: list, pidx: PartyIndex, voice: Voice | None) -> list:
    """`acts` (assign_speakers' output: the acts of `drafts`, one each and in order, then the added claims) with a copy
    of each source's act for every party joined to its actor by "and" (module docstring): the claim of the act's
    own source (its second speaker's, else the sentence's). Not "neither X nor Y", "either X or Y"."""
    source = voice.attributed_party if voice is not None and voice.attributed else None
    extra = []
    for d, a in zip(drafts, acts):
        claimant = a.claimed_by or source
        if claimant is None or not a.reported or d.actor_tok is None or d.anchor.lemma_.lower() in RECIPROCAL_VERBS \
                or a.actor == claimant or not _carries_verdict(a, own_claim=True) or _alternatives(d.actor_tok):
            continue   # (a source's own act with its allies': no one's blame, as its own act alone is not)
        named = {a.actor, a.target, claimant}
        for c in d.actor_tok.conjuncts:
            p = pidx.party_of(c) if c.pos_ != "PRON" else None
            if p is not None and p not in named:
                named.add(p)
                extra.append(replace(a, actor=p, actor_text=c.text, claimed_by=claimant))
    return acts + extra


def _alternatives(actor: Token) -> bool:
    """Are the actor's conjuncts alternatives or negated together ("either X or Y", "neither X nor Y")?"""
    words = [actor, *actor.conjuncts]
    return any(c.dep_ in {"cc", "preconj"} and c.lower_ in {"or", "nor", "either", "neither"}
               for w in words for c in w.children)
