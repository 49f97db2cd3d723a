"""Times of two sentences of one claim compared (the `time` kind of compare.py): dates (a month-day without a year
takes the event's year), weekdays (a date gives its weekday), dayparts or clock times of the same kind that share
no value. A date more than two days before the event's window or a day after it dates another act ("the talks of
June 6", "the attack of October 7") and is not compared with a sentence whose dates are all in the window; two
sentences that both date an act away from the event ("the agreement of Nov. 10, 2020" / "of November 9, 2020") are
compared. Dates of statements are left out by times.py.

Two days one apart are no difference when the earlier is told late ("Sunday night", "late in the evening") or the
later early ("early on Monday", "the night of January 12" against "Thursday night"; one_night.toml): they may name
one night. "Night" is no difference from the evening or the morning either. (Benchmark dev split: 9 of 32 time
cards went, one of them right; none of the labelled disagreements was lost.) Weekdays two days or more apart date two
acts, not one: no card (dates are compared at any distance).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path
from typing import NamedTuple

from ..sources import Event
from .count_scope import phrase_alternation
from .sentence import SentenceAnalysis, _event_year

_COMPARED_TIME_KINDS = {"date", "weekday", "daypart", "clock"}


class TimeDifference(NamedTuple):
    """Two times that differ: the values and an explanation with {outlet_a} / {outlet_b} placeholders."""

    value_a: str
    value_b: str
    explanation: str
    evidence: tuple[str, ...]


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NIGHT = tomllib.loads(Path(__file__).with_name("one_night.toml").read_text(encoding="utf-8"))


def _phrases(words: list[str]) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{phrase_alternation(words)})\b", re.I)


_LATE, _EARLY = _phrases(_NIGHT["late"]), _phrases(_NIGHT["early"])
_BESIDE_NIGHT = {"evening", "morning"}
_DATE_SLACK_BEFORE = dt.timedelta(days=2)   # a date this far before the event's window dates another act
_DATE_SLACK_AFTER = dt.timedelta(days=1)


def _time_values(a: SentenceAnalysis, year: int, window: tuple[dt.date, dt.date] | None = None
                 ) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for t in a.time_mentions:
        if t.kind not in _COMPARED_TIME_KINDS:
            continue
        value = t.value
        if t.kind == "date":
            if len(value) == 5:
                value = f"{year}-{value}"
            try:
                day = dt.date.fromisoformat(value)
            except ValueError:
                continue
            if window is not None and not (window[0] - _DATE_SLACK_BEFORE <= day <= window[1] + _DATE_SLACK_AFTER):
                # another act's date ("the talks of June 6", "the attack of October 7" ten days before): not when
                # this event happened (benchmark dev split: 3 of 3 such time cards were noise)
                continue
            out.setdefault("weekday_from_date", set()).add(day.strftime("%A").lower())
        out.setdefault(t.kind, set()).add(value)
    return out


def compare_times(a: SentenceAnalysis, b: SentenceAnalysis, event: Event) -> list[TimeDifference]:
    """The times on which `a` and `b` differ (module docstring)."""
    year = _event_year(event)
    window = (event.window_start.date(), event.window_end.date())
    away_a, away_b = _time_values(a, year) != _time_values(a, year, window), _time_values(b, year) != _time_values(
        b, year, window)
    # a date away from the event is left out only against a sentence that dates nothing away from it
    ta = _time_values(a, year, None if away_b else window)
    tb = _time_values(b, year, None if away_a else window)
    out: list[TimeDifference] = []
    pairs = [("date", "date"), ("weekday", "weekday"), ("daypart", "daypart"), ("clock", "clock")]
    if "date" not in ta and "weekday" in ta and "weekday_from_date" in tb and "weekday" not in tb:
        pairs.append(("weekday", "weekday_from_date"))
    if "date" not in tb and "weekday" in tb and "weekday_from_date" in ta and "weekday" not in ta:
        pairs.append(("weekday_from_date", "weekday"))
    for ka, kb in pairs:
        va, vb = ta.get(ka), tb.get(kb)
        if not va or not vb or va & vb or _one_night(va, a, vb, b) or _days_apart(ka, va, kb, vb):
            continue
        sa, sb = ", ".join(sorted(va)), ", ".join(sorted(vb))
        if "date" in (ka, kb) and ka == kb:
            text = f"{{outlet_a}} dates it {sa}; {{outlet_b}} dates it {sb}."
        elif ka == kb == "daypart":
            text = f"{{outlet_a}} says it happened in the {sa}; {{outlet_b}} says in the {sb}."
        elif ka == kb == "clock":
            text = f"{{outlet_a}} gives the time as {sa}; {{outlet_b}} gives {sb}."
        else:
            text = f"{{outlet_a}} says it happened on a {sa.title()}; {{outlet_b}} on a {sb.title()}."
        out.append(TimeDifference(sa, sb, text, (a.text, b.text)))
    return out


def _days_apart(ka: str, va: set[str], kb: str, vb: set[str]) -> bool:
    """Weekdays two days or more apart ("Friday" / "Tuesday") date two acts, not one act two ways: the claim joined a
    sentence about the strike with one about a statement or an earlier attack (benchmark dev split: 5 of 6 such
    cards showed no labelled disagreement). Dates are compared whatever their distance."""
    if not (ka.startswith("weekday") and kb.startswith("weekday")):
        return False
    return not any(_day_after(x, y) or _day_after(y, x) for x in va for y in vb)   # (no day shared: see caller)


def _day_after(x: str, y: str) -> bool:
    """Whether day `y` is the day after `x` (two weekdays, or two ISO dates)."""
    if x in _WEEKDAYS and y in _WEEKDAYS:
        return (_WEEKDAYS.index(x) + 1) % 7 == _WEEKDAYS.index(y)
    try:
        return dt.date.fromisoformat(y) - dt.date.fromisoformat(x) == dt.timedelta(days=1)
    except ValueError:
        return False


def _dayparts(s: SentenceAnalysis) -> set[str]:
    return {t.value for t in s.time_mentions if t.kind == "daypart"}


def _told_late(s: SentenceAnalysis) -> bool:
    """The earlier day told late: "Sunday night", "late on Sunday", "in the evening" (one_night.toml)."""
    parts = _dayparts(s)
    if parts & {"morning", "afternoon"} and not parts & {"evening", "night"}:
        return False
    days = " ".join(t.text for t in s.time_mentions if t.kind in {"weekday", "date"})
    return bool(parts & {"evening", "night"} or re.search(r"\b(?:night|evening)\b", days, re.I)
                or _LATE.search(s.text))


def _told_early(s: SentenceAnalysis) -> bool:
    """The later day told early: "early on Monday", "the night of January 12" (one_night.toml)."""
    return not _dayparts(s) & {"afternoon", "evening"} and bool(_EARLY.search(s.text))


def _one_night(va: set[str], a: SentenceAnalysis, vb: set[str], b: SentenceAnalysis) -> bool:
    """Whether two single times may name one night (module docstring)."""
    if len(va) != 1 or len(vb) != 1:
        return False
    (x,), (y,) = va, vb
    if {x, y} & {"night"} and {x, y} - {"night"} <= _BESIDE_NIGHT:
        return True
    for (d1, s1), (d2, s2) in (((x, a), (y, b)), ((y, b), (x, a))):
        if _day_after(d1, d2) and (_told_late(s1) or _told_early(s2)):
            return True
    return False
