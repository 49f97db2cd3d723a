"""Acts placed inside the fighting: "the RSF seized the palace after deadly fighting with the army", "… amid clashes",
"captures the palace as violence rages". Such an act happened once the fighting was under way, so it is not what
started it (GUIDE §10.3: who started this event's violence); it stays an act of its actor, only not an initiating one.
The words are data below."""

from __future__ import annotations

from spacy.tokens import Token

#: Nouns (and -ing forms) for the fighting itself.
FIGHTING_WORDS = frozenset({"fighting", "fight", "clash", "clashes", "battle", "violence", "hostility", "hostilities",
                            "skirmish", "firefight", "gunbattle", "exchange", "combat", "unrest"})
#: Prepositions that place an act after or within the fighting.
AFTER_PREPS = frozenset({"after", "amid", "amidst", "during", "following", "in"})
#: Verbs of fighting going on ("as violence rages"); lemmas, and the forms the tagger mislemmatises ("raged" → "rag").
ONGOING_VERBS = frozenset({"rage", "raged", "rages", "raging", "continue", "escalate", "intensify", "spread"})


def _fighting(t: Token) -> bool:
    return t.lower_ in FIGHTING_WORDS or t.lemma_.lower() in FIGHTING_WORDS


def _ongoing(v: Token) -> bool:
    """"[as] violence rages", "[as] fighting raged": fighting going on (a headline's "rages" may be tagged a noun,
    with "violence" its compound, and "as" a preposition)."""
    return (v.lemma_.lower() in ONGOING_VERBS or v.lower_ in ONGOING_VERBS) and any(
        s.dep_ in {"nsubj", "compound"} and _fighting(s) for s in v.children)


def in_fighting(anchor: Token) -> bool:
    """Is the act headed by `anchor` (its verb, or the verb carrying its noun) placed after or amid the fighting?"""
    for c in anchor.children:
        if c.dep_ == "prep" and c.lower_ in AFTER_PREPS:
            if any(_fighting(o) for o in c.children if o.dep_ in {"pobj", "pcomp"}):
                return c.lower_ != "in" or any(o.lower_ == "fighting" for o in c.children)   # "in the fighting"
        ongoing = [c] if c.dep_ == "advcl" else [o for o in c.children if o.dep_ == "pobj"] \
            if c.dep_ == "prep" and c.lower_ == "as" else []
        if any(_ongoing(v) for v in ongoing):
            return True   # "as violence rages"
    return False
