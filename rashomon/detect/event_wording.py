"""Loaded words across the whole event: an outlet that uses, in its own words, the loaded word of an event file's
wording pair ("liberated") where another outlet uses only the neutral word ("captured"), in any of their sentences.

The claim-level wording check (compare.py) sets two sentences of one claim side by side, so it misses two outlets
that name the same act in sentences the alignment did not pair (seed event: AZERTAC's "liberated heights" and
Reuters' "captured several strategic heights"; independent readers named it the first difference no card showed).
The event file's pairs name one referent, so the two words need no shared claim. Counted only in the outlet's own
voice, outside quotation marks and outside sentences about another incident or earlier war; an outlet that uses
both words is on neither side."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from ..sources import Event
from .card_text import esc
from .compare import Disagreement
from .quoted_text import only_quoted
from .wording import term_pattern


class Usage(NamedTuple):
    """One sentence of an outlet, as the event-level check reads it."""

    outlet_id: str
    sentence_id: str
    text: str
    own_voice: bool


class EventWording(NamedTuple):
    outlet_a: str        # uses the loaded word
    outlet_b: str        # uses the neutral word only
    sentence_a: str
    sentence_b: str
    disagreement: Disagreement


def _first_uses(usages: Iterable[Usage], term: str) -> dict[str, tuple[str, str]]:
    """Outlet -> (sentence id, the words as written) of its first own-voice, unquoted use of `term`."""
    pattern = term_pattern(term)
    out: dict[str, tuple[str, str]] = {}
    for u in usages:
        if u.outlet_id in out or not u.own_voice:
            continue
        hit = pattern.search(u.text)
        if hit and not only_quoted(u.text, term):
            out[u.outlet_id] = (u.sentence_id, hit.group(0))
    return out


def event_wording(usages: list[Usage], event: Event) -> list[EventWording]:
    """Every pair of outlets of which one uses a pair's loaded word and the other only its neutral word."""
    out: list[EventWording] = []
    for pair in event.wording:
        loaded, neutral = _first_uses(usages, pair.loaded), _first_uses(usages, pair.neutral)
        for a in sorted(loaded.keys() - neutral.keys()):
            sa, va = loaded[a]
            for b in sorted(neutral.keys() - loaded.keys()):
                sb, vb = neutral[b]
                text = f'{{outlet_a}} says "{esc(va)}" where {{outlet_b}} says "{esc(vb)}".'
                out.append(EventWording(a, b, sa, sb, Disagreement("wording", va, vb, text)))
    return out
