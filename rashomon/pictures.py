"""The report's two pictures as plain records for the templates: the claims each pair of outlets shares (a matrix
with colours that keep their text readable) and when each article was published (a timeline with ticks)."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .moments import utc, when

if TYPE_CHECKING:
    from .report import ClaimRow

@dataclass
class MatrixCell:
    x: float
    y: float
    value: int
    fill: str
    ink: str
    diagonal: bool
    label: str


@dataclass
class Overlap:
    names: list[str]
    counts: list[list[int]]          # counts[i][j] = claims outlets i and j both carry; [i][i] = claims of i
    cells: list[MatrixCell]
    size: int
    left: float
    top: float
    width: float
    height: float


@dataclass
class TimelineMark:
    name: str
    when: str
    x: float
    y: float
    anchor: str       # text-anchor of the time label: start or end (so it stays inside the picture)
    label_x: float


@dataclass
class Timeline:
    marks: list[TimelineMark]
    ticks: list[tuple[float, str, str]]   # x, time (or day) label, date label when it changes
    unknown: list[str]               # outlets whose publication time is unknown
    left: float
    right: float
    width: float
    height: float
    axis_y: float
    first: str
    last: str
    window_note: str


# ---------------------------------------------------------------------------------------------------- helpers


def _blend(t: float) -> tuple[int, int, int]:
    """White (t=0) to a dark blue (t=1)."""
    lo, hi = (255, 255, 255), (12, 63, 138)
    return tuple(round(a + (c - a) * t) for a, c in zip(lo, hi))  # type: ignore[return-value]


def _luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG relative luminance."""
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _fill_and_ink(t: float) -> tuple[str, str]:
    """A cell colour for share t (0..1) and the text colour (white or near-black) with the higher contrast on it."""
    rgb = _blend(t)
    lum = _luminance(rgb)
    dark = (27, 31, 36)
    on_white, on_dark = 1.05 / (lum + 0.05), (lum + 0.05) / (_luminance(dark) + 0.05)
    ink = "#ffffff" if on_white > on_dark else "#1b1f24"
    return "#{:02x}{:02x}{:02x}".format(*rgb), ink


def overlap_matrix(outlets: list[str], names: dict[str, str], claims: list[ClaimRow]) -> Overlap:
    """How many claims each pair of outlets shares (the diagonal: how many claims the outlet carries)."""
    idx = {o: i for i, o in enumerate(outlets)}
    n = len(outlets)
    counts = [[0] * n for _ in range(n)]
    for c in claims:
        present = [idx[o] for o in c.cells if o in idx]
        for i in present:
            for j in present:
                counts[i][j] += 1
    off = [counts[i][j] for i in range(n) for j in range(n) if i != j]
    top_off = max(off, default=0) or 1
    label_w = 7.0 * max((len(names[o]) for o in outlets), default=4)   # ≈ width of the longest name at 13 px
    size, left = 48, 14 + label_w
    top = 14 + 0.71 * label_w                                          # column labels are rotated by 45°
    cells = []
    for i, a in enumerate(outlets):
        for j, b in enumerate(outlets):
            v = counts[i][j]
            if i == j:
                fill, ink = "#eef1f4", "#1b1f24"
                label = f"{names[a]} carries {v} claim{'s' if v != 1 else ''}"
            else:
                share = v / top_off
                # skip the mid tones where neither black nor white text reaches a 4.5:1 contrast
                fill, ink = _fill_and_ink(share if share <= 0.6 else 0.75 + (share - 0.6) * 0.5)
                label = f"{names[a]} and {names[b]} share {v} claim{'s' if v != 1 else ''}"
            cells.append(MatrixCell(left + j * size, top + i * size, v, fill, ink, i == j, label))
    overhang = max(8.0, 0.71 * label_w - size / 2 + 8)                 # the last column label leans right
    return Overlap([names[o] for o in outlets], counts, cells, size, left, top,
                   left + n * size + overhang, top + n * size + 8)


def _tick_step(span_s: float) -> float:
    for hours in (1, 2, 3, 6, 12, 24, 48, 96, 168):
        if span_s / (hours * 3600) <= 6:
            return hours * 3600.0
    return math.ceil(span_s / 6 / 86400) * 86400.0


def timeline(articles: list[dict[str, Any]], names: dict[str, str], event: dict[str, Any]) -> Timeline:
    """One mark per article on a time axis (one row per article, earliest first, so labels never collide)."""
    dated = sorted(((utc(a["published_at"]), a) for a in articles if utc(a["published_at"])), key=lambda x: x[0])
    unknown = [names.get(a["outlet_id"], a["outlet_id"]) for a in articles if not utc(a["published_at"])]
    label_w = 16 + 7.4 * max((len(names.get(a["outlet_id"], "")) for _, a in dated), default=6)
    left, right, width, row_h, top = min(label_w, 260), 28.0, 700.0, 30.0, 20.0
    ws, we = utc(event.get("window_start")), utc(event.get("window_end"))
    note = f"The event's window is {when(ws)} to {when(we)}." if ws and we else ""
    if not dated:
        return Timeline([], [], unknown, left, right, width, 40, 20, "", "", note)
    t0, t1 = dated[0][0].timestamp(), dated[-1][0].timestamp()
    step = _tick_step(max(t1 - t0, 3600.0))
    lo = math.floor(t0 / step) * step
    hi = max(math.ceil(t1 / step) * step, lo + step)
    plot = width - left - right

    def x_of(ts: float) -> float:
        return round(left + (ts - lo) / (hi - lo) * plot, 1)

    marks = []
    for i, (t, a) in enumerate(dated):
        x = x_of(t.timestamp())
        on_right = x < left + plot * 0.62            # the time label goes where there is room
        marks.append(TimelineMark(names.get(a["outlet_id"], a["outlet_id"]), when(t), x, top + i * row_h,
                                  "start" if on_right else "end", x + 10 if on_right else x - 10))
    axis_y = top + (len(dated) - 1) * row_h + 22
    ticks: list[tuple[float, str, str]] = []
    t, last_day = lo, None
    while t <= hi + 1:
        moment = dt.datetime.fromtimestamp(t, dt.timezone.utc)
        day = moment.strftime("%d %b %Y")
        if step >= 86400:
            ticks.append((x_of(t), moment.strftime("%d %b"), moment.strftime("%Y") if moment.year != last_day else ""))
            last_day = moment.year
        else:
            ticks.append((x_of(t), moment.strftime("%H:%M"), day if day != last_day else ""))
            last_day = day
        t += step
    return Timeline(marks, ticks, unknown, left, right, width, axis_y + 46, axis_y,
                    marks[0].when, marks[-1].when, note)


# ---------------------------------------------------------------------------------------------------- context
