"""How a number is written in a sentence: number words and digits, their value, the qualifier before them ("at
least", "about"), the interval it gives, and the numbers that are no count (years, dates, times, "44-day", "Su-25").
Used by numbers.py, which decides what a number counts."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .count_sides import about_interval
from .lexicon import CASUALTY_NOUNS
from .lexicon_numbers import EXCLUSIVE_QUALIFIERS, MULTIPLIERS, NUMBER_WORDS, QUALIFIER_PHRASES, VAGUE_NUMBERS

SKIP_ENTS = {"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL", "QUANTITY"}
YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)$")
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})*(\.\d+)?$|^\d+(\.\d+)?$")
_QUALIFIERS = sorted(QUALIFIER_PHRASES, key=lambda qp: -len(qp[0]))


def numberish(t: Token) -> bool:
    low = t.lower_
    if low in NUMBER_WORDS or low in VAGUE_NUMBERS:
        return True
    return bool(_DIGITS.match(t.text))


def run_value(words: list[str]) -> float | None:
    """Value of a run of number words/digits: "two", "14", "1,200", "a dozen", "twenty five", "1.5 million"."""
    total, current, seen = 0.0, 0.0, False
    for w in words:
        w = w.lower()
        if w in {"a", "an"}:
            current = max(current, 1.0)
            continue
        if _DIGITS.match(w):
            current += float(w.replace(",", ""))
            seen = True
        elif w in MULTIPLIERS:
            current = max(current, 1.0) * MULTIPLIERS[w]
            seen = True
            if MULTIPLIERS[w] >= 1000:
                total, current = total + current, 0.0
        elif w in NUMBER_WORDS:
            current += NUMBER_WORDS[w]
            seen = True
        elif w in {"-", "and"}:
            continue
        else:
            return None
    return total + current if seen else None


def skip(t: Token, *, ents: bool = True) -> bool:
    """Is `t` no count: a year, a date or time (by entity type, unless `ents` is False), "44-day", "Su-25", "5th",
    a percentage, a clock time or a name's number ("Nord Stream 1")."""
    if ents and t.ent_type_ in SKIP_ENTS:
        return True
    if YEAR.match(t.text):
        return True
    doc = t.doc
    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
    prv = doc[t.i - 1] if t.i > 0 else None
    if nxt is not None and nxt.text in {"-", "–"} and t.i + 2 < len(doc) and doc[t.i + 2].is_alpha \
            and not numberish(doc[t.i + 2]):
        return True  # "44-day"
    if prv is not None and prv.text in {"-", "–"} and t.i >= 2 and doc[t.i - 2].is_alpha \
            and not numberish(doc[t.i - 2]):
        return True  # "Su-25"
    if nxt is not None and (nxt.lower_ in {"%", "percent", "per", "o'clock", "am", "pm", "a.m.", "p.m."}
                            or nxt.text.startswith(":")):
        return True
    if nxt is not None and nxt.lower_ in {"th", "st", "nd", "rd"}:
        return True
    # a name's number: "Nord Stream 1", "Flight 17" (not "in Gaza 500 people": a place, and people are counted)
    return prv is not None and prv.pos_ == "PROPN" and prv.is_title and prv.ent_type_ not in {"GPE", "NORP", "LOC"} \
        and (t.head.i < t.i or t.head.lemma_.lower() not in CASUALTY_NOUNS)


def qualifier_before(sent: Span, start: int) -> tuple[str, str | None, int]:
    """(qualifier, phrase, first token index) from the words just before a number run starting at `start`."""
    doc = sent.doc
    lo = max(sent.start, start - 3)
    words = [t.lower_ for t in doc[lo:start]]
    text = " ".join(words)
    for phrase, qual in _QUALIFIERS:
        if text == phrase or text.endswith(" " + phrase):
            return qual, phrase, start - len(phrase.split())
    return "exact", None, start


def interval(value: float, qualifier: str, phrase: str | None) -> tuple[float | None, float | None]:
    exclusive = phrase in EXCLUSIVE_QUALIFIERS
    integral = float(value).is_integer()
    if qualifier == "at_least":
        return value, None
    if qualifier == "more_than":
        return (value + 1 if exclusive and integral else value), None
    if qualifier == "up_to":
        return None, (value - 1 if exclusive and integral else value)
    if qualifier == "about":
        return about_interval(value)
    return value, value
