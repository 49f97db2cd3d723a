"""Counts of another incident than the event's, by date and by clause.

`other_incident`: a sentence dated only outside the event's window ("a strike on March 3 killed 17 people" about
an event of April) counts the dead of another incident: its figures are no casualties of this event; so does an
undated sentence right after one ("On March 3 a rocket hit K. The attack killed 17 people.").

`in_earlier_incident`: a count inside a clause set apart by "after/following/before/since" from a hostile act ("Israel
mounted the attack a day after six Israeli civilians were killed in Jerusalem").
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from spacy.tokens import Token

from .lexicon import HOSTILE_NOUNS, HOSTILE_VERBS
from .times import TimeMention

if TYPE_CHECKING:
    from .numbers import Count

_SLACK = timedelta(days=2)


def _day(value: str, year: int) -> date | None:
    parts = value.split("-")
    try:
        if len(parts) == 3:
            return date(int(parts[0]), int(parts[1]), int(parts[2]))
        if len(parts) == 2 and len(parts[0]) == 2:
            return date(year, int(parts[0]), int(parts[1]))
    except ValueError:
        return None
    return None


def _month(value: str, year: int) -> tuple[date, date] | None:
    """First and last day of a month mention ("08" in the window's year, "2021-08")."""
    parts = value.split("-")
    try:
        y, m = (year, int(parts[0])) if len(parts) == 1 else (int(parts[0]), int(parts[1]))
        first = date(y, m, 1)
    except ValueError:
        return None
    nxt = date(y + (m == 12), m % 12 + 1, 1)
    return first, nxt - timedelta(days=1)


_LEADING_YEAR = re.compile(r"^\W*(?:in|since|during|by)\s+(?:(?:early|late|mid)[- ])?\d{4}\b", re.I)
_YEARS_AGO = re.compile(r"\blast year\b|\byears? ago\b|\bprevious year\b")
#: "… the deadliest assault since the war started nearly two years ago": a comparison's span, whose start the time
#: dates, not the sentence's incident (a toll "since the war started two years ago" stays dated by it)
_SINCE_AGO = re.compile(r"\b(?:first|worst|deadliest|bloodiest|heaviest|fiercest|largest|biggest|highest|most \w+)\b"
                        r"[^.;:]{0,60}\bsince\b[^,.;:]{0,60}\byears? ago\b", re.I)
_DAYS_APART = re.compile(r"\bdays? (?:before|earlier|ago|prior)\b", re.I)


def days_apart(text: str) -> bool:
    """Does the sentence set something a day or days apart ("… when blasts were heard in Kabul two days before",
    "a day earlier", "days ago")? Weeks, months and "last week" are not matched."""
    return _DAYS_APART.search(text) is not None


#: Words that set a clause before or after the event's act: a count inside one counts another incident.
_EARLIER_WORDS = frozenset({"after", "following", "before", "since"})


def in_earlier_incident(arg: Token) -> bool:
    """Is the count `arg` inside a clause or phrase set apart by "after/following/before/since" from a clause that is
    itself a hostile act ("Israel mounted the attack a day after six Israeli civilians were killed in Jerusalem", "the
    decision to strike came after Monday's attack, in which six people died")? Not when the clause it hangs on is a
    reaction ("declared a day of mourning after the attack in which 130 were killed", "said …, a day after India lost
    20 soldiers": that is this event), nor "six were killed after the strike" (the marker beside the count's verb)."""
    prev = arg
    for a in arg.ancestors:
        if a.lower_ in _EARLIER_WORDS and a.dep_ in {"prep", "mark"} and prev.dep_ in {"pobj", "pcomp"}:
            return _hostile_clause(a.head, a)   # "after [Monday's attack, in which six people died]"
        if prev.dep_ in {"advcl", "pcomp", "conj"} and any(c.dep_ == "mark" and c.lower_ in _EARLIER_WORDS
                                                            for c in prev.children):
            return _hostile_clause(a, prev)   # "a day [after] six Israeli civilians were killed"
        prev = a
    return False


def _hostile_clause(head: Token, apart: Token) -> bool:
    """Does the clause of `head`, without the phrase `apart`, name a hostile act (lexicon.HOSTILE_VERBS / NOUNS)?"""
    skip = {t.i for t in apart.subtree}
    clause = head if head.pos_ in {"VERB", "AUX"} else next((x for x in head.ancestors if x.pos_ in {"VERB", "AUX"}), head)
    return any(t.i not in skip and (t.pos_ == "VERB" and t.lemma_.lower() in HOSTILE_VERBS
                                    or t.pos_ == "NOUN" and t.lemma_.lower() in HOSTILE_NOUNS)
               for t in clause.subtree)


def other_incident(times: list[TimeMention], start: date, end: date, after_other: bool = False, text: str = "") -> bool:
    """Is the sentence dated (by dates, months, years or "last year") only outside the event's window [start, end] (two
    days' slack)?
    `after_other`: the sentence just before was; an undated sentence then goes on about that incident."""
    spans: list[tuple[date, date]] = []
    for t in times:
        if t.kind == "date" and (d := _day(t.value, start.year)) is not None:
            spans.append((d, d))
        elif t.kind == "month" and (m := _month(t.value, start.year)) is not None:
            spans.append(m)
        elif t.kind == "year" and t.value.isdigit() and _LEADING_YEAR.match(text):
            # "In 2021, clashes killed 50": a year that opens the sentence dates it; one further in is often the
            # background of a place or a party ("a town Israel seized in 1967 … killed twelve")
            spans.append((date(int(t.value), 1, 1), date(int(t.value), 12, 31)))
        elif t.kind in {"relative", "other"} and _YEARS_AGO.search(t.value) and not _SINCE_AGO.search(text):
            spans.append((date.min, start - timedelta(days=300)))   # "last year's fighting", "two years ago"
    if not spans:
        return after_other
    return all(last < start - _SLACK or first > end + _SLACK for first, last in spans)


def drop_other_incidents(counts: list[Count], times: list[TimeMention], start: date, end: date,
                         after_other: bool = False, text: str = "") -> list[Count]:
    """The counts, casualty quantities turned to "other" when the sentence (`text`) counts another incident's dead."""
    if not counts or not other_incident(times, start, end, after_other, text):
        return counts
    return [replace(c, quantity="other") for c in counts]
