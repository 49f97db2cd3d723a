"""Times of two sentences of one claim compared (the `time` kind of compare.py): dates (a month-day without a year
takes the event's year), weekdays (a date gives its weekday), dayparts or clock times of the same kind that share
no value. A date more than two days before the event's window or a day after it dates another act ("the talks of
June 6", "the attack of October 7") and is not compared with a sentence whose dates are all in the window; two
sentences that both date an act away from the event ("the agreement of Nov. 10, 2020" / "of November 9, 2020") are
compared. Dates of statements are left out by times.py.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from ..sources import Event
from .sentence import SentenceAnalysis, _event_year

_COMPARED_TIME_KINDS = {"date", "weekday", "daypart", "clock"}


class TimeDifference(NamedTuple):
    """Two times that differ: the values and an explanation with {outlet_a} / {outlet_b} placeholders."""

    value_a: str
    value_b: str
    explanation: str
    evidence: tuple[str, ...]
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
        if not va or not vb or va & vb:
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
