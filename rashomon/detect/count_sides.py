"""Whose casualties a count is when its noun names no party, and counts that are one figure.

- `reporting_side`: a side reports its own dead and wounded ("Baku says 50 soldiers killed", "An officer and two
  soldiers have been killed, the Indian army said"; "where Hamas claims up to 500 people were killed" — the nearest
  speech verb with a party subject wins over the sentence's source), unless the count is what someone did ("X said it
  killed 30 people") or the counted are the other side's fighters (lexicon.ENEMY_PERSON_NOUNS); a toll two sides
  report together ("X and Y reported almost 100 deaths") is `JOINT`, no one side's figure.
- `merge_conjoined`: "an officer and two soldiers have been killed" is one figure, 3 killed (the benchmark's labels
  and a reader count it so; "six soldiers and five civilians" stay two figures): adjacent counts of one quantity and one side (or one naming none), exact or "about"
  ("one of its officers and around 20 soldiers": about 21), joined only by "and" or a comma.
- `about_interval`: what "about N" allows, N ± ABOUT_TOLERANCE (at least ± 1), for numbers.py and the merged sums.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from ._syntax import PartyIndex, child
from .lexicon import ENEMY_PERSON_NOUNS, QUANTITY_WORDS, REPORTING_VERBS, STATUS_QUANTITY_NOUNS
from .lexicon_numbers import ABOUT_TOLERANCE

if TYPE_CHECKING:
    from .numbers import Count


def about_interval(value: float) -> tuple[float, float]:
    """"about N": N ± lexicon_numbers.ABOUT_TOLERANCE, at least ± 1, widened to whole numbers."""
    delta = max(1.0, value * ABOUT_TOLERANCE)
    return float(math.floor(value - delta)), float(math.ceil(value + delta))


_JOINER = re.compile(r"^\s*(,\s*(and\s+)?|and\s+)$", re.I)


#: The side of a toll that two sides report together ("X and Y reported almost 100 deaths"): no one side's figure.
JOINT = "+joint"


def reporting_side(noun: Token | None, arg: Token, pidx: PartyIndex, source_party: str | None) -> str | None:
    """The side of a count whose noun names none: the party of the subject of the nearest reporting verb above it
    ("Hamas claims 500 were killed"), else the source's party; None for what a subject did ("it killed 30")."""
    if noun is not None and (noun.lemma_.lower() in ENEMY_PERSON_NOUNS or noun.lower_ in ENEMY_PERSON_NOUNS):
        return None
    if arg.dep_ == "dobj" and arg.head.lemma_.lower() in QUANTITY_WORDS:
        return None   # "X killed 30 people", "shelled the town, killing three": what someone did, not whose losses
    if arg.dep_ == "pobj" and arg.head.lower_ in {"including", "among"}:
        return None   # "killed 22 people, including nine children": part of a count that has its own side
    tok = arg.head
    for _ in range(6):
        if tok.lemma_.lower() in REPORTING_VERBS and (subj := child(tok, "nsubj")) is not None:
            party = pidx.party_of(subj)   # the nearest speaker: its party, or none known ("Officials in X said")
            others = {pidx.party_of(c) for c in subj.children if c.dep_ == "conj"} - {None, party}
            return JOINT if party is not None and others else party   # "X and Y reported 100 deaths"
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return source_party


#: A count that is a part of the one before it ("20 soldiers, nine of them conscripts": count_parts.py), never added.
_OF_THEM = re.compile(r"\bof (?:them|whom)\b", re.IGNORECASE)


def _two_figures(a: str | None, b: str | None, civilian: frozenset[str]) -> bool:
    """Two figures, not one: soldiers and civilians, or held people and others ("40 prisoners and eight prison staff
    were killed", "two hostages and five militants": mostly two sides' people; "two hostages and a soldier" of one
    side are two true figures too)."""
    if a is None or b is None:
        return False
    return (a in civilian) != (b in civilian) or (a in STATUS_QUANTITY_NOUNS) != (b in STATUS_QUANTITY_NOUNS)


def merge_conjoined(counts: list["Count"], text: str, civilian: frozenset[str] = frozenset()) -> list["Count"]:
    """Counts in text order; adjacent counts that are one figure (module docstring) become their sum. Soldiers and
    civilians (`civilian`: the civilian nouns) are two figures: "six soldiers and five civilians wounded"."""
    out: list[Count] = []
    end_of_last = -1
    for c in counts:
        start = text.find(c.text)
        prev = out[-1] if out else None
        if prev is not None and start > end_of_last >= 0 and prev.quantity == c.quantity \
                and (prev.party == c.party or None in (prev.party, c.party)) \
                and {prev.qualifier, c.qualifier} <= {"exact", "about"} and prev.value is not None \
                and c.value is not None and _JOINER.match(text[end_of_last:start]) \
                and not _two_figures(prev.unit, c.unit, civilian) and not _OF_THEM.search(c.text):
            total = prev.value + c.value
            prev = replace(prev, party=prev.party or c.party, side=prev.side or c.side)
            span = text[text.find(prev.text):start + len(c.text)]
            if "about" in (prev.qualifier, c.qualifier):
                low, high = about_interval(total)
                out[-1] = replace(prev, value=total, low=low, high=high, qualifier="about", text=span)
            else:
                out[-1] = replace(prev, value=total, low=total, high=total, text=span)
        else:
            out.append(c)
        end_of_last = start + len(c.text) if start >= 0 else -1
    return out
