"""Wording of two sentences of one claim compared (the `wording` kind of compare.py): one uses a loaded term where the
other uses its neutral equivalent (an event `[[wording]]` pair: "liberated" / "captured"), or another alias of the same
party that names the same thing (wording.names_alike: "Russian invaders" / "Russian troops", not / "Dmitry Peskov").

No difference when the loaded term is ruled out ("no accident") or only quoted, between the acts of two different
actors ("terrorist and sabotage action" by one side, "attacked" by the other), nor between words for the dead
("killed" / "martyred") said of two different sides' dead (casualty_subjects.py).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..sources import Event
from .card_text import esc as _esc
from .casualty_subjects import is_death_word
from .initiator import UNKNOWN
from .quoted_text import only_quoted
from .sentence import SentenceAnalysis
from .wording import names_alike, term_pattern


class WordingDifference(NamedTuple):
    """A loaded word and the other outlet's word for the same thing, an explanation with {outlet_a} / {outlet_b}
    placeholders, and the two sentences."""

    value_a: str
    value_b: str
    explanation: str
    evidence: tuple[str, str]


def different_actors(a: SentenceAnalysis, b: SentenceAnalysis) -> bool:
    """Both sentences tell of acts by named parties and no party acts in both: their words for the act ("terrorist
    and sabotage action" by one side, "attacked" by the other) name two different acts, not one act two ways."""
    actors_a = {act.actor for act in a.acts if act.actor not in (None, UNKNOWN) and not act.negated}
    actors_b = {act.actor for act in b.acts if act.actor not in (None, UNKNOWN) and not act.negated}
    return bool(actors_a) and bool(actors_b) and not actors_a & actors_b


def _different_dead(term: str, other: str, a: SentenceAnalysis, b: SentenceAnalysis) -> bool:
    """"killed" in one sentence and "martyred" in the other said of two sides' dead ("two servicemen of the Defense
    Army were killed" / "Private K of the Azerbaijan Army was martyred"): two deaths, not one death two ways."""
    if not (is_death_word(term.split()[-1]) or is_death_word(other.split()[-1])):
        return False
    return bool(a.dead_sides) and bool(b.dead_sides) and not set(a.dead_sides) & set(b.dead_sides)


_NEGATED_BEFORE = re.compile(r"\b(?:not|no|never|nor|rather than|instead of)(?:\W+\w+){0,3}\W+$", re.IGNORECASE)


def negated(text: str, term: str) -> bool:
    """Is every use of the term in the text negated within three words before it ("could not have resulted from
    accidents", "no accident")? A term the sentence rules out is not the word it uses for the thing."""
    hits = list(term_pattern(term).finditer(text))
    return bool(hits) and all(_NEGATED_BEFORE.search(text[: h.start()]) for h in hits)


def compare_wording(a: SentenceAnalysis, b: SentenceAnalysis, event: Event) -> list[WordingDifference]:
    """The loaded words of two sentences of one claim where the other says it neutrally (module docstring)."""
    out: list[WordingDifference] = []
    seen: set[tuple[str, str]] = set()
    for x, y, x_is_a in ((a, b, True), (b, a, False)):
        y_loaded = {t.term.lower() for t in y.loaded}
        loaded_alias = {m.alias.lower(): m for m in x.mentions if m.loaded}
        for term in x.loaded:
            if term.term.lower() in y_loaded or negated(x.text, term.term) or only_quoted(x.text, term.term):
                continue
            other: str | None = None
            mention = loaded_alias.get(term.term.lower())
            if mention is not None:
                party_name = event.party(mention.party_id).name
                alts = [m for m in y.mentions if m.party_id == mention.party_id and not m.loaded
                        and names_alike(term.term, m.alias, party_name)]
                if alts:
                    other = max(alts, key=lambda m: m.end - m.start).alias
            elif term.neutral and not different_actors(x, y):
                hit = term_pattern(term.neutral).search(y.text)
                if hit:
                    other = hit.group(0)
            if other is None or (term.term.lower(), other.lower()) in seen or _different_dead(term.term, other, x, y):
                continue
            seen.add((term.term.lower(), other.lower()))
            if x_is_a:
                text = f"{{outlet_a}} says \"{_esc(term.term)}\" where {{outlet_b}} says \"{_esc(other)}\"."
                out.append(WordingDifference(term.term, other, text, (x.text, y.text)))
            else:
                text = f"{{outlet_a}} says \"{_esc(other)}\" where {{outlet_b}} says \"{_esc(term.term)}\"."
                out.append(WordingDifference(other, term.term, text, (y.text, x.text)))
    return out
