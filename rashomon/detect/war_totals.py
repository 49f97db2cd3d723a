"""A running toll of a longer span than the event is no casualty figure of the event.

Outlets set the event's figures beside a war's or a year's: "185 Palestinians have been killed since the start of
this year", "39,700 killed since last October", "at least twelve deaths in recent years". Such a count, read as the
event's, makes the fact sheet list a toll nobody gave for the event and a number card set 39,700 against 104.
`war_total` finds it from the clause that holds the count (words in `war_totals.toml`):

- a "since" phrase over the count or on its clause that opens with "last" ("since last October") or holds "this
  / last year" ("have been killed since the start of this year"); not one that holds a word of the event's own days
  ("since Sunday", "since last week", "since the war broke out two days ago"), nor one hung on a comparison ("the
  worst fighting since 2016");
- a span of years not hung on a comparison: "at least twelve deaths in recent years", but not "the worst fighting
  in recent years".

Left alone, because the event may be what they date from: "since the war began", "the toll from the war", "the
conflict", and a since phrase dated by a year ("since fighting erupted on Sept. 13, 2022" in that day's coverage;
the event's window is not known here).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

WAR_TOTALS_PATH = Path(__file__).with_name("war_totals.toml")


@dataclass(frozen=True)
class WarWords:
    since_words: frozenset[str]
    since_openers: frozenset[str]
    since_same_days: frozenset[str]
    comparison_words: frozenset[str]
    since_year_dets: frozenset[str]
    years_phrases: tuple[str, ...]
    years_nouns: frozenset[str]


@lru_cache(maxsize=1)
def war_words(path: Path = WAR_TOTALS_PATH) -> WarWords:
    d = tomllib.loads(path.read_text(encoding="utf-8"))
    sets = ("since_words", "since_openers", "since_same_days", "comparison_words", "since_year_dets")
    return WarWords(*(frozenset(d[k]) for k in sets), tuple(d["years_phrases"]), frozenset(d["years_nouns"]))


def _since(t: Token) -> bool:
    """A "since" phrase ("since last October") or a clause opened by "since" ("since fighting broke out")."""
    return t.lower_ == "since" and t.dep_ == "prep" or any(
        m.lower_ == "since" and m.dep_ == "mark" for m in t.children)


def _compared(phrase: Token, w: WarWords) -> bool:
    """Is the "since" / "in recent years" phrase hung on a comparison ("the worst fighting since 2016", "the
    deadliest clash in the past 45 years", "for the first time in recent years")?"""
    return any(t.i < phrase.i and (t.tag_ in {"JJS", "RBS"} or t.lower_ in w.comparison_words)
               and not (t.i > 0 and t.doc[t.i - 1].lower_ == "at")   # "at least 12", "at most": a qualifier
               for t in phrase.head.subtree)


def _since_long_before(since: Token, w: WarWords) -> bool:
    words = [t for t in since.subtree if t.i != since.i and t.lower_ != "since"]
    if not words or {t.lower_ for t in words} & w.since_same_days or _compared(since, w):
        return False
    # "since last October"; "since the start of this year" (a year word with "this" or "last": not "New Year",
    # not "the start of the year" of an event on January 1)
    return words[0].lower_ in w.since_openers or any(
        t.lemma_.lower() in w.since_words and any(d.lower_ in w.since_year_dets for d in t.children) for t in words)


def _over_years(prep: Token, w: WarWords) -> bool:
    text = " ".join(t.lower_ for t in prep.subtree)
    return any(text.startswith(p) for p in w.years_phrases) and any(
        c.dep_ == "pobj" and c.lower_ in w.years_nouns for c in prep.children) and not _compared(prep, w)


def war_total(arg: Token, w: WarWords | None = None) -> bool:
    """Is the count whose syntactic head is `arg` (its counted noun, or the number itself) the running toll of a span
    longer than the event (a year's, a war's since a date long before)?"""
    w = w or war_words()
    path = [arg]
    for a in arg.ancestors:
        if _since(a) and _since_long_before(a, w):
            return True   # the count inside the since phrase: "… since last October, when 39,700 …"
        path.append(a)
        if a.pos_ in {"VERB", "AUX"} and a.dep_ not in {"amod", "acl"}:
            break
    on_path = {t.i for t in path}
    for node in path:
        for c in node.children:
            if c.i in on_path or c.dep_ not in {"prep", "advcl"}:   # a "since" mark hangs on its advcl
                continue
            if _since(c) and _since_long_before(c, w):
                return True   # "since last October"; "since the start of this year"
            if c.dep_ == "prep" and _over_years(c, w):
                return True   # "in recent years"
    return False
