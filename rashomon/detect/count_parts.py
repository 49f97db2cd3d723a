"""Counts that are a part of a casualty figure and count the same casualties (numbers.py):

- "killed at least 20 people, nine of them children", "20 Palestinians, nine of them children, died": "nine of them"
  (of "them"/"whom") counts what the sentence's last casualty figure counts, and its counted noun is the one after
  ("children") when there is one;
- "nine children among 20 dead": a count among a casualty word is of that quantity (not "a ten-year-old girl was
  among the dead": a person, which the labels do not count as a figure).

The benchmark's labels take such a figure as a figure of the event (tests/realcov/GUIDELINES.md: every figure the
article gives); the number cards never compare it (count_scope.partial: it is a part of another count).
"""

from __future__ import annotations

from spacy.tokens import Token

from ._syntax import prep_object
from .lexicon import QUANTITY_WORDS

_OF_THEM = frozenset({"them", "whom"})


def part_of_them(main: Token) -> Token | None:
    """The word a count "N of them <noun>" counts (the noun after, else the pronoun: the count's words then run to it,
    "nine of them", which count_scope.partial and count_sides.merge_conjoined read as a part), or None when the count
    is no such part."""
    of = prep_object(main, "of")
    if of is None or of.lower_ not in _OF_THEM:
        return None
    after = [c for c in main.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if after:
        return after[0]   # "nine (appos Palestinians), nine of them [children]"
    if main.dep_ in {"nsubj", "nummod"} and main.head.pos_ == "NOUN" and main.head.i > of.i:
        return main.head  # "nine of them [children]" parsed as a clause, or "nine of them" numbering "children"
    return of


def among_quantity(arg: Token) -> str | None:
    """The quantity of a casualty word a person count is among ("nine children among 20 dead"); None otherwise."""
    among = prep_object(arg, "among")
    if among is None:
        return None
    return QUANTITY_WORDS.get(among.lemma_.lower()) or QUANTITY_WORDS.get(among.lower_)
