"""Who a headline's closing dash names when it is no party of the event: "Qatar met Israel's strike on Doha with
shock — WP" is The Washington Post's account, "US rockets destroy two SUVs … – Iran's envoy" the envoy's, and
neither is the outlet's own voice (GUIDE §10 rule 1: the headline ties the sentence to a source).

`voice._colon_source` reads a party's name or institution after the dash first; this module reads the rest: a
speaker phrase (its head noun one of `dash_sources.toml`'s speaker nouns: "Iran's envoy", "Russian PM", "FSB Head to
Putin", "Office") with the one party it names, if any, or a proper name alone that names no party ("WP", "Euronews").
Words after the dash that are no speaker stay the headline's own: a place ("– Kyiv", "– Bangkok/Phnom Penh"), a
count or a clause ("— more than 70 people killed", "— dead and wounded reported"), a phrase ("- Including Noa").
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from spacy.tokens import Span

SPEAKER_NOUNS: frozenset[str] = frozenset(
    tomllib.loads(Path(__file__).with_name("dash_sources.toml").read_text(encoding="utf-8"))["speaker_nouns"]["words"])
_PLACES = frozenset({"GPE", "LOC", "FAC"})
_NOT_SPEAKER_POS = frozenset({"VERB", "AUX", "NUM", "PRON"})
_OPENERS = frozenset({"ADP", "SCONJ", "CCONJ"})
MAX_WORDS = 5


def dash_speaker(words: Span, named: set[str]) -> tuple[bool, str | None]:
    """(is a speaker, its party) for the words after a headline's closing dash; `named`: the parties those words
    name. A speaker phrase takes the one party it names (none when it names several); a proper name alone is a
    speaker only when it names no party (a party's own name is read by the caller)."""
    alpha = [t for t in words if t.is_alpha]
    if not alpha or len(alpha) > MAX_WORDS or alpha[0].pos_ in _OPENERS:
        return False, None
    if any(t.pos_ in _NOT_SPEAKER_POS for t in words) or any(t.like_num for t in words):
        return False, None
    if any(t.lemma_.lower() in SPEAKER_NOUNS or t.lower_ in SPEAKER_NOUNS for t in alpha):
        return True, next(iter(named)) if len(named) == 1 else None
    if named or any(t.ent_type_ in _PLACES for t in alpha):
        return False, None
    names = all(t.pos_ == "PROPN" or (t.is_upper and len(t) >= 2) for t in alpha)
    return names, None
