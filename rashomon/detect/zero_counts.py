"""Counts of none: "nobody was killed or hurt", "caused no injuries", "No injuries have been reported", "No Russians
have been reported injured", "did not result in any casualties among officers of X". A zero is a figure an outlet
gives (the benchmark's labels record it: 0 killed, 0 wounded), so it is read like any count: quantity, side (a party
named in the phrase, else whose people the sentence's other counts or the article's context make them:
victim_sides.py), qualifier "exact". Used by numbers.py."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ._syntax import PartyIndex

#: Nobody: the subject of a casualty verb ("nobody was hurt", "no one was killed").
NOBODY = frozenset({"nobody", "no-one"})
#: Nouns of harm that "no" / "not … any" make a zero: the quantities each one counts.
HARM_NOUNS: dict[str, tuple[str, ...]] = {
    "injury": ("wounded",), "death": ("dead",), "fatality": ("dead",), "casualty": ("killed", "wounded"),
}
#: Verbs that make "no casualties" no figure given rather than a figure of none: "China confirmed no casualties",
#: "no casualties could be seen" (benchmark dev, Galwan and Olenivka).
UNSAID_VERBS = frozenset({"confirm", "disclose", "give", "release", "provide", "reveal", "see", "show", "publish",
                          "announce", "mention", "specify"})
#: Verbs whose subject "nobody" is a zero of their quantity.
HARM_VERBS: dict[str, tuple[str, ...]] = {
    "kill": ("killed",), "die": ("dead",), "hurt": ("wounded",), "injure": ("wounded",), "wound": ("wounded",),
}


def _negated(t: Token) -> bool:
    """"did not result in any casualties": a "not"/"never" on a verb above the noun."""
    for a in t.ancestors:
        if a.pos_ in {"VERB", "AUX"}:
            return any(c.dep_ == "neg" for c in a.children)
    return False


def _verbs_of_nobody(t: Token) -> list[Token]:
    verb = t.head
    return [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ in {"VERB", "ADJ"})]


def no_one(t: Token) -> bool:
    """The "one" of "no one": part of a zero, never a count of one (numbers.py skips it)."""
    return t.lower_ == "one" and t.i > 0 and t.doc[t.i - 1].lower_ == "no"


def zero_counts(sent: Span, pidx: PartyIndex) -> Iterator[tuple[str, Token, str | None]]:
    """(quantity, the token the zero is read from, the party the phrase names) for each zero of `sent`."""
    for t in sent:
        if (t.lower_ in NOBODY or no_one(t)) and t.dep_ in {"nsubj", "nsubjpass"}:
            for v in _verbs_of_nobody(t):   # "nobody was killed or hurt"
                for q in HARM_VERBS.get(v.lemma_.lower(), ()):
                    yield q, t, None
            continue
        lemma = t.lemma_.lower()
        det = next((c for c in t.children if c.dep_ == "det" and c.lower_ in {"no", "any"}), None)
        if det is None or det.lower_ == "any" and not _negated(t):
            continue
        if lemma in HARM_NOUNS and t.head.lemma_.lower() not in UNSAID_VERBS:   # "no injuries", "not … any casualties …"
            among = next((c for c in t.children if c.dep_ == "prep" and c.lower_ in {"among", "of"}), None)
            named = pidx.party_of(next((c for c in among.children if c.dep_ == "pobj"), None)) if among else None
            for q in HARM_NOUNS[lemma]:
                yield q, t, named
        elif det.lower_ == "no" and t.i in pidx.by_token:   # "No Russians have been reported injured"
            verb = t.head
            words = [verb, *(c for c in verb.children if c.dep_ in {"oprd", "xcomp", "acomp"})]
            for w in words:
                for q in HARM_VERBS.get(w.lemma_.lower(), ()):
                    yield q, t, pidx.party_of(t)
