"""Mutual blame: "Moscow and Kyiv blame each other", "Russia and Ukraine accused one another", "the two traded
blame". GUIDE §10.4: two attributed blames (X blames Y, Y blames X), never an own-voice verdict.

`reciprocal_acts` turns such a clause into one act per direction, each with `claimed_by`: the party whose claim it
is (a sentence has one voice; these acts carry their own source). The verbs and objects are data below.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ._syntax import PartyIndex

#: Verbs of mutual blame with "each other" / "one another" as object.
MUTUAL_VERBS = frozenset({"blame", "accuse"})
#: "traded / exchanged blame / accusations".
TRADE_VERBS = frozenset({"trade", "exchange"})
TRADE_OBJECTS = frozenset({"blame", "accusation", "charge", "allegation", "recrimination"})
_EACH_OTHER = frozenset({"other", "another", "one"})


def _mutual(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if lemma in MUTUAL_VERBS:
        return any(o.lower_ in _EACH_OTHER and any(c.lower_ in {"each", "another", "one"} for c in o.children)
                   or o.lower_ == "one" and any(c.lower_ == "another" for c in o.children) for o in objs)
    return lemma in TRADE_VERBS and any(o.lemma_.lower() in TRADE_OBJECTS for o in objs)


def reciprocal_acts(sent: Span, pidx: PartyIndex) -> list[tuple[str, str, Token]]:
    """(accuser, accused, verb) for each direction of a mutual blame between two named parties in `sent`."""
    out: list[tuple[str, str, Token]] = []
    for verb in sent:
        if verb.pos_ not in {"VERB", "AUX"} or not _mutual(verb):
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None:
            continue
        parties: list[str] = []
        for tok in (subj, *subj.conjuncts):
            party = pidx.party_of(tok)
            if party is not None and party not in parties:
                parties.append(party)
        if len(parties) == 2:
            a, b = parties
            out += [(a, b, verb), (b, a, verb)]
    return out
