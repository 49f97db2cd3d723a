"""Loaded words across the whole event: an outlet that uses, in its own words, the loaded word of an event file's
wording pair ("liberated") where another outlet uses only the neutral word ("captured"), in any of their sentences.

The claim-level wording check (compare.py) sets two sentences of one claim side by side, so it misses two outlets
that name the same act in sentences the alignment did not pair (seed event: AZERTAC's "liberated heights" and
Reuters' "captured several strategic heights"; independent readers named it the first difference no card showed).
The event file's pairs name one referent, so the two words need no shared claim. Counted only in the outlet's own
voice, outside quotation marks, outside sentences about another incident or earlier war, and not where the sentence
negates or denies it. Words passed on unquoted from a source ("Private Anar Kazimov was martyred, the ministry
said") were tried and are not counted: on the benchmark's dev split they added 75 wording cards of which 27 showed a
labelled difference (card_p 0.642 -> 0.618, card_r 0.400 -> 0.409). The two outlets' uses must be able to name one
thing (not two actors' acts, not two sides' dead); an outlet using both words for one thing is on neither side."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from ..sources import Event
from .card_text import esc
from .casualty_subjects import is_death_word
from .compare import Disagreement
from .initiator import UNKNOWN
from .lexicon import DENIAL_VERBS
from .quoted_text import only_quoted
from .sentence import SentenceAnalysis
from .wording import term_pattern
from .wording_compare import different_actors, negated


class Usage(NamedTuple):
    """One sentence of an outlet, as the event-level check reads it (`analysis`: what the detectors read from it)."""

    outlet_id: str
    sentence_id: str
    text: str
    own_voice: bool
    analysis: SentenceAnalysis | None = None


class EventWording(NamedTuple):
    outlet_a: str        # uses the loaded word
    outlet_b: str        # uses the neutral word only
    sentence_a: str
    sentence_b: str
    disagreement: Disagreement


_DENIAL_STEMS = (v[:-1] + "(?:y|ie)" if v.endswith("y") else v.rstrip("e") for v in sorted(DENIAL_VERBS))
_DENIED_BEFORE = re.compile(r"\b(?:" + "|".join(_DENIAL_STEMS) + r")\w*\b", re.IGNORECASE)


def _ruled_out(text: str, term: str) -> bool:
    """Is every use of the term negated ("No villages were liberated") or after a denial ("Yerevan denied that any
    territory was liberated")? A word the sentence rules out is not the word it uses for the thing."""
    hits = list(term_pattern(term).finditer(text))
    return negated(text, term) or (bool(hits) and all(_DENIED_BEFORE.search(text[: h.start()]) for h in hits))


def _uses(usages: Iterable[Usage], term: str) -> dict[str, list[tuple[Usage, str]]]:
    """Outlet -> its own-voice, unquoted uses of `term` (the sentence and the words as written), not the uses the
    sentence rules out."""
    pattern = term_pattern(term)
    out: dict[str, list[tuple[Usage, str]]] = {}
    for u in usages:
        hit = pattern.search(u.text)
        if hit and u.own_voice and not only_quoted(u.text, term) and not _ruled_out(u.text, term):
            out.setdefault(u.outlet_id, []).append((u, hit.group(0)))
    return out


def _dead_sides(a: SentenceAnalysis) -> set[str]:
    """Whose dead the sentence tells of: its subjects' sides, and the sides of its figures of the killed."""
    sides = set(a.dead_sides) | {n.side or n.party for n in a.numbers if n.quantity in ("killed", "dead")}
    return sides - {None, UNKNOWN}


def _fit(loaded: str, neutral: str, a: Usage, b: Usage) -> int:
    """How well two uses name one thing: 0 when they cannot (the acts of two different actors; two sides' dead:
    "martyred" of an Azerbaijani soldier, "killed" of two Armenian servicemen, as wording_compare.py reads one claim),
    2 when both tell of the same side's dead, else 1."""
    if a.analysis is None or b.analysis is None:
        return 1
    if different_actors(a.analysis, b.analysis):
        return 0
    if not (is_death_word(loaded.split()[-1]) or is_death_word(neutral.split()[-1])):
        return 1
    sides_a, sides_b = _dead_sides(a.analysis), _dead_sides(b.analysis)
    if sides_a and sides_b:
        return 2 if sides_a & sides_b else 0
    return 1


def event_wording(usages: list[Usage], event: Event) -> list[EventWording]:
    """Every pair of outlets of which one uses a pair's loaded word and the other only its neutral word, in a sentence
    that can name the same thing."""
    out: list[EventWording] = []
    for pair in event.wording:
        loaded, neutral = _uses(usages, pair.loaded), _uses(usages, pair.neutral)
        # an outlet using both words for one thing is on neither side ("martyred" for its side's dead and "killed"
        # for the other's is the difference itself, not both words)
        both = {o for o in loaded.keys() & neutral.keys()
                if any(_fit(pair.loaded, pair.neutral, x, y) for x, _ in loaded[o] for y, _ in neutral[o])}
        for a in sorted(loaded.keys() - both):
            for b in sorted(neutral.keys() - both - loaded.keys()):
                # the best-fitting two uses, the first of them among equals
                fit, (ua, va), (ub, vb) = max(
                    ((_fit(pair.loaded, pair.neutral, x[0], y[0]), x, y) for x in loaded[a] for y in neutral[b]),
                    key=lambda t: t[0])
                if not fit:
                    continue
                text = f'{{outlet_a}} says "{esc(va)}" where {{outlet_b}} says "{esc(vb)}".'
                out.append(EventWording(a, b, ua.sentence_id, ub.sentence_id, Disagreement("wording", va, vb, text)))
    return out
