"""Who speaks after a headline's closing dash when it is no party of the event: "US rockets destroy two SUVs … –
Iran's envoy" is the envoy's account, "Ankara has caused relations to worsen — Russian PM" the prime minister's, and
neither is the outlet's own voice (GUIDE §10 rule 1: the headline ties the sentence to a source).

`voice._colon_source` reads a party's name or institution after the dash first; this module reads a speaker phrase:
at most five words whose head noun is one of `dash_sources.toml`'s speaker nouns ("Iran's envoy", "Russian PM", "FSB
Head to Putin", "Office", "UN ambassador", "Russian state media"), or a name with such a title before it ("Kremlin
aide Yuri Ushakov"), with the one party it names, if any; not when a label's word comes before the noun ("Special
report", "Memorial service") or a casualty's after it ("Russian mayor dead", "commander among victims"). Anything
else after the dash stays the headline's own: a place ("– Kyiv", "– Kherson"), a date ("— Monday"), a count or a
clause ("— more than 70 people killed", "— dead and wounded reported"), a label ("– VIDEO", "– Explainer", "- Press
review"), a phrase ("- Including Noa") and a proper name alone ("… - Reuters", "… — WP", "– John Smith"), which may
be the outlet's byline (analysis.headline_as_sentence). The file also holds the whole words that name an unnamed
source (`TAIL_SOURCES`: "… - Reports"), which the pipeline's headline rewrite reads.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from spacy.tokens import Span

_DATA = tomllib.loads(Path(__file__).with_name("dash_sources.toml").read_text(encoding="utf-8"))
SPEAKER_NOUNS: frozenset[str] = frozenset(_DATA["speaker_nouns"]["words"])
TAIL_SOURCES: frozenset[str] = frozenset(_DATA["tail_sources"]["words"])
_LABEL_WORDS: frozenset[str] = frozenset(_DATA["not_speakers"]["before"])
_CASUALTY_WORDS: frozenset[str] = frozenset(_DATA["not_speakers"]["after"])
_NOT_SPEAKER_POS = frozenset({"VERB", "AUX", "NUM", "PRON"})
_NOT_SPEAKER_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY"})
_OPENERS = frozenset({"ADP", "SCONJ", "CCONJ"})
MAX_WORDS = 5


def dash_speaker(words: Span, named: set[str]) -> tuple[bool, str | None]:
    """(is a speaker phrase, its party) for the words after a headline's closing dash; `named`: the parties those
    words name. The phrase takes the one party it names (none when it names several)."""
    alpha = [t for t in words if t.is_alpha]
    if not alpha or len(alpha) > MAX_WORDS or alpha[0].pos_ in _OPENERS:
        return False, None
    if any(t.pos_ in _NOT_SPEAKER_POS or t.like_num or t.ent_type_ in _NOT_SPEAKER_ENTS for t in words):
        return False, None
    head = words.root
    titled = head.pos_ == "PROPN" and any(_speaker_noun(t) for t in words if t.i < head.i)   # "Kremlin aide Ushakov"
    if not (_speaker_noun(head) or titled):
        return False, None
    # "– Special report", "– Memorial service": a label; "- Russian mayor dead", "— commander among victims": a casualty
    noun = head if _speaker_noun(head) else next(t for t in words if t.i < head.i and _speaker_noun(t))
    if any(t.lemma_.lower() in _LABEL_WORDS for t in words if t.i < noun.i) \
            or any(t.lemma_.lower() in _CASUALTY_WORDS or t.lower_ in _CASUALTY_WORDS for t in words if t.i > noun.i):
        return False, None
    return True, next(iter(named)) if len(named) == 1 else None


def _speaker_noun(token) -> bool:
    return token.lemma_.lower() in SPEAKER_NOUNS or token.lower_ in SPEAKER_NOUNS
