"""Claims of several parties in one clause. A sentence has one voice; these acts carry their own source
(`claimed_by`).

- Mutual blame: "Moscow and Kyiv blame each other", "Russia and Ukraine accused one another", "the two traded
  blame", "Ukraine and Russia have each blamed the other"; "each side blamed the other" with no party named is blame
  between the event's two sides (its first two parties). GUIDE §10.4: two attributed blames (X blames Y, Y blames
  X), never an own-voice verdict (`reciprocal_acts`).
- Shared denials: "Israel and Hamas have both denied responsibility": each party denies its own part; the first
  subject is the sentence's voice (initiator.py reads its denial), the others are `shared_denials`.

The verbs and objects are data below.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ._syntax import PartyIndex
from .lexicon import DENIAL_VERBS, INVOLVEMENT_NOUNS

#: Verbs of mutual blame with "each other" / "one another" as object.
MUTUAL_VERBS = frozenset({"blame", "accuse"})
#: "traded / exchanged blame / accusations".
TRADE_VERBS = frozenset({"trade", "exchange"})
TRADE_OBJECTS = frozenset({"blame", "accusation", "charge", "allegation", "recrimination"})
_EACH_OTHER = frozenset({"other", "another", "one"})
#: Nouns for one side of the conflict: "each side / each country blamed the other" names the event's two sides (the
#: first two `[[parties]]` of event.toml, docs/formats.md).
SIDE_NOUNS = frozenset({"side", "country", "party", "camp", "army", "government", "nation"})


def _each_side(verb: Token) -> bool:
    """"Each side blamed the other (for …)": a distributive subject and "the other" as object."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return (verb.lemma_.lower() in MUTUAL_VERBS and subj is not None and obj is not None
            and (subj.lemma_.lower() in SIDE_NOUNS and any(c.lower_ == "each" for c in subj.children)
                 or subj.lower_ == "each")   # "each blamed the other"
            and obj.lower_ == "other" and any(c.lower_ == "the" for c in obj.children))


#: Words that make a subject the two sides together: "both countries", "the two sides", "both".
BOTH_WORDS = frozenset({"both", "two"})


def _both_sides(subj: Token) -> bool:
    """"Both countries / the two sides / both accused each other": the event's two sides, no party named."""
    if subj.lower_ in BOTH_WORDS:
        return True
    return subj.lemma_.lower() in SIDE_NOUNS and any(c.lower_ in BOTH_WORDS for c in subj.children)


def _mutual(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if lemma in MUTUAL_VERBS:
        return any(o.lower_ in _EACH_OTHER and any(c.lower_ in {"each", "another", "one"} for c in o.children)
                   or o.lower_ == "one" and any(c.lower_ == "another" for c in o.children)
                   or _each_the_other(verb, o) for o in objs)
    return lemma in TRADE_VERBS and any(o.lemma_.lower() in TRADE_OBJECTS for o in objs)


def _each_the_other(verb: Token, obj: Token) -> bool:
    """"X and Y have each blamed the other": "each" floated beside the named subjects (the parser makes it a second
    subject or an apposition of the first), "the other" as object."""
    if obj.lower_ != "other" or not any(c.lower_ == "the" for c in obj.children):
        return False
    subj = _named_subject(verb)
    return subj is not None and any(c.lower_ == "each" for c in (*verb.children, *subj.children))


def _named_subject(verb: Token) -> Token | None:
    """The verb's subject, not a floated "each" ("X and Y each blamed …")."""
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ != "each"), None)


def reciprocal_acts(sent: Span, pidx: PartyIndex) -> list[tuple[str, str, Token]]:
    """(accuser, accused, verb) for each direction of a mutual blame between two named parties in `sent`."""
    out: list[tuple[str, str, Token]] = []
    for verb in sent:
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        sides = [p.id for p in pidx.matcher.parties[:2]]
        if _each_side(verb) and len(sides) == 2:
            a, b = sides
            out += [(a, b, verb), (b, a, verb)]
            continue
        if not _mutual(verb):
            continue
        subj = _named_subject(verb) or next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None:
            continue
        parties: list[str] = []
        for tok in (subj, *subj.conjuncts):
            # (party_of reads "Ukraine and Russia" before a two-sided verb, "traded", as both sides: no one party)
            party = pidx.party_of(tok) or (pidx.by_token[tok.i].party_id if tok.i in pidx.by_token else None)
            if party is not None and party not in parties:
                parties.append(party)
        if len(parties) < 2 and _both_sides(subj) and len(sides) == 2:
            parties = sides
        if len(parties) == 2:
            a, b = parties
            out += [(a, b, verb), (b, a, verb)]
    return out


def shared_denials(sent: Span, pidx: PartyIndex) -> list[tuple[str, Token]]:
    """(party, verb) for each further party of "X and Y (both) denied any involvement / responsibility"."""
    out: list[tuple[str, Token]] = []
    for verb in sent:
        if verb.lemma_.lower() not in DENIAL_VERBS or not any(
                c.dep_ == "dobj" and c.lemma_.lower() in INVOLVEMENT_NOUNS for c in verb.children):
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None:
            continue
        first = pidx.party_of(subj)
        for conj in subj.conjuncts:
            party = pidx.party_of(conj) or next(
                (p for a in conj.children if a.dep_ == "appos" and (p := pidx.party_of(a))), None)
            if party is not None and party != first:
                out.append((party, verb))
    return out


def mutual_object(verb: Token) -> bool:
    """Is the verb's object "each other" / "one another", or something of "each other's" ("attacked each other's
    bases", "shelled one another")? Then both subjects act and neither is the actor."""
    for o in verb.children:
        if o.dep_ != "dobj":
            continue
        for w in (o, *(c for c in o.children if c.dep_ == "poss")):
            if w.lower_ in _EACH_OTHER and any(c.lower_ in {"each", "another"} for c in w.children):
                return True
    return False
