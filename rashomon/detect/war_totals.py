"""A war's running toll is no casualty figure of the event.

Outlets set the event's figures beside the war's: "the death toll across Gaza since October 7 reaches 30,000",
"the health ministry put the death toll from the war at 30,035", "at least twelve deaths in recent years". Such a
count, read as the event's, makes the fact sheet list a toll nobody gave for the event and a number card set
30,035 against 104. `war_total` finds it from the clause that holds the count (words in `war_totals.toml`):

- a "since" phrase over the count ("…, since September 2022, when 32 people were killed") or on its clause ("have
  died since the war began") that holds a war word, a year, or opens with "last" ("since last October"), and no
  word of the event's own days ("since Sunday", "since the start of the fighting on Monday");
- a period phrase on the clause or on its toll noun: "from / of / in / during the war (conflict)";
- a span of years: "in recent years", "over the past two years".
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
    period_preps: frozenset[str]
    period_nouns: frozenset[str]
    years_phrases: tuple[str, ...]
    years_nouns: frozenset[str]
    toll_nouns: frozenset[str]


@lru_cache(maxsize=1)
def war_words(path: Path = WAR_TOTALS_PATH) -> WarWords:
    d = tomllib.loads(path.read_text(encoding="utf-8"))
    sets = ("since_words", "since_openers", "since_same_days", "period_preps", "period_nouns")
    return WarWords(*(frozenset(d[k]) for k in sets), tuple(d["years_phrases"]), frozenset(d["years_nouns"]),
                    frozenset(d["toll_nouns"]))


def _since_from_war(since: Token, w: WarWords) -> bool:
    words = [t for t in since.subtree if t.i != since.i and t.lower_ != "since"]
    lowers = {t.lower_ for t in words}
    if lowers & w.since_same_days:
        return False
    return bool(words) and words[0].lower_ in w.since_openers or any(
        t.lemma_.lower() in w.since_words or t.lower_ in w.since_words
        or (t.like_num and len(t.text) == 4 and t.text.isdigit() and t.text[:2] in {"19", "20"}) for t in words)


def _period(prep: Token, w: WarWords) -> bool:
    if prep.lower_ not in w.period_preps:
        return False
    # "the war", "this conflict", "Russia's war"; never "prisoners of war"
    return any(c.dep_ == "pobj" and c.lemma_.lower() in w.period_nouns
               and any(d.dep_ in {"det", "poss"} for d in c.children) for c in prep.children)


def _over_years(prep: Token, w: WarWords) -> bool:
    text = " ".join(t.lower_ for t in prep.subtree)
    return any(text.startswith(p) for p in w.years_phrases) and any(
        c.dep_ == "pobj" and c.lower_ in w.years_nouns for c in prep.children)


def _since(t: Token) -> bool:
    """A "since" phrase ("since last October") or a clause opened by "since" ("since the war began")."""
    return t.lower_ == "since" and t.dep_ == "prep" or any(
        m.lower_ == "since" and m.dep_ == "mark" for m in t.children)


def war_total(arg: Token, w: WarWords | None = None) -> bool:
    """Is the count whose syntactic head is `arg` (its counted noun, or the number itself) a war's or a period's
    running toll rather than the event's?"""
    w = w or war_words()
    path = [arg]
    for a in arg.ancestors:
        if _since(a) and _since_from_war(a, w):
            return True   # "… taking the toll since fighting broke out on Oct. 7, 2023 to 30,035"
        path.append(a)
        if a.pos_ in {"VERB", "AUX"} and a.dep_ not in {"amod", "acl"}:
            break
    head = path[-1]
    nodes = path + [c for c in head.children if c.lemma_.lower() in w.toll_nouns and c not in path]
    if head.dep_ == "relcl" and any(c.lower_ == "when" for c in head.children):
        nodes.append(head.head)   # "the deadliest strike since September 2022, when 32 people were killed"
    on_path = {t.i for t in path}
    for node in nodes:
        for c in node.children:
            if c.i in on_path or c.dep_ not in {"prep", "mark", "advcl"}:
                continue
            if _since(c) and _since_from_war(c, w):
                return True   # "since last October"; "have died since the war began"
            if c.dep_ == "prep" and (_period(c, w) or _over_years(c, w)):
                return True
    return False
