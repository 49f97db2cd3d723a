"""Counts that are a part of a casualty figure and count the same casualties (numbers.py):

- "killed at least 20 people, nine of them children", "20 Palestinians, nine of them children, died": "nine of them"
  followed by a noun for people counts what the sentence's last casualty figure counts, on its side;
- "nine children among 20 dead": a count among a casualty word is of that quantity (not "a ten-year-old girl was
  among the dead": a person, which the labels do not count as a figure).

The benchmark's labels take such a figure as a figure of the event (tests/realcov/GUIDELINES.md: every figure the
article gives); the number cards never compare it (count_scope.partial: it is a part of another count).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Token

from ._syntax import prep_object
from .lexicon import QUANTITY_WORDS

_OF_THEM = frozenset({"them", "whom"})


def part_of_them(main: Token, counts: list, is_person: Callable[[Token], bool]) -> tuple[Token, Any] | None:
    """For a count "N of them <people>" right after a casualty figure of the sentence: the people noun and that figure
    (whose quantity and side the part takes); None for any other count ("20 rockets, nine of them intercepted", "30
    buildings, 12 of them homes", "20 Palestinians, nine of them in Gaza City", "nine of whom were children")."""
    of = prep_object(main, "of")
    whole = counts[-1] if counts and counts[-1].quantity != "other" else None   # the figure right before
    if of is None or of.lower_ not in _OF_THEM or whole is None:
        return None
    after = [c for c in main.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if after:
        noun = after[0]   # "nine (appos Palestinians), nine of them [children]"
    elif main.dep_ in {"nsubj", "nummod"} and main.head.pos_ == "NOUN" and main.head.i > of.i:
        noun = main.head  # "nine of them [children]" parsed as a clause, or "nine of them" numbering "children"
    else:
        return None
    return (noun, whole) if is_person(noun) else None


def among_quantity(arg: Token) -> str | None:
    """The quantity of a casualty word a person count is among ("nine children among 20 dead"); None otherwise."""
    among = prep_object(arg, "among")
    if among is None:
        return None
    return QUANTITY_WORDS.get(among.lemma_.lower()) or QUANTITY_WORDS.get(among.lower_)
