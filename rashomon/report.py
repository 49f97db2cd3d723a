"""HTML reports: Jinja2 (autoescape on, StrictUndefined), atomic writes inside the reports folder.

`event_context` reads one event from DuckDB (named queries `sql/queries/select_report_*.sql` and the public views)
into plain records; the templates in `templates/` only lay them out. Every string that comes from an article is
untrusted: it reaches the page through autoescaping only (no `|safe`, no Markup built here), links pass `safe_url`,
and the page's CSP forbids scripts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import os
import re
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import duckdb
import jinja2

from . import store
from .cards import KINDS, SEVERITY_NAMES, card_from_row, card_groups, key_findings
from .errors import ReportError
from .settings import ALIGN_PARAMS

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"



def safe_url(url: str | None) -> str | None:
    """Only http(s) URLs become links; anything else (javascript:, data:, …) is shown as text."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def safe_slug(event_id: str) -> str:
    """A folder name that cannot escape the reports folder: the id when it is a plain slug, else slug + hash."""
    if re.fullmatch(r"[a-z0-9][a-z0-9-]{0,80}", event_id):
        return event_id
    slug = re.sub(r"[^a-z0-9]+", "-", event_id.lower()).strip("-")[:60] or "event"
    return f"{slug}-{hashlib.sha256(event_id.encode('utf-8')).hexdigest()[:8]}"


def _utc(t: Any) -> dt.datetime | None:
    if not isinstance(t, dt.datetime):
        return None
    return (t if t.tzinfo else t.replace(tzinfo=dt.timezone.utc)).astimezone(dt.timezone.utc)


def when(t: Any) -> str:
    u = _utc(t)
    return u.strftime("%Y-%m-%d %H:%M UTC") if u else (str(t) if t else "unknown")


def iso(t: Any) -> str:
    u = _utc(t)
    return u.strftime("%Y-%m-%dT%H:%MZ") if u else ""


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("rashomon", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    env.filters["when"] = when
    env.filters["iso"] = iso
    return env


def write_atomic(root: Path, relative: str, content: str) -> Path:
    """Write root/relative via a temporary file + os.replace, refusing any path outside root."""
    root = root.resolve()
    target = (root / relative).resolve()
    if root not in target.parents:
        raise ReportError(f"refusing to write {target}: outside the reports folder {root}")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".html")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(content)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


# ---------------------------------------------------------------------------------------------------- records


@dataclass
class Cell:
    """One sentence of one outlet in a claim (a claim may hold up to two sentences of one outlet)."""

    sentence_id: str
    sentence: str
    position: int
    voice: str | None   # "own voice", "attributed to …", or None when the sentence was not analysed


@dataclass
class ClaimRow:
    claim_id: str
    n_outlets: int
    number: int = 0                                                   # 1-based row number (#claim-N)
    cells: dict[str, list[Cell]] = field(default_factory=dict)       # outlet_id -> its sentences, article order
    kinds: list[str] = field(default_factory=list)                    # disagreement kinds of this claim


@dataclass
class Evidence:
    sentence_id: str
    sentence: str
    anchored: bool       # the sentence has an element `s-<id>` on the page (claims table or unique list)

    @property
    def short(self) -> str:
        """The sentence cut at a word boundary near 110 characters (the link leads to the whole sentence)."""
        text = " ".join(self.sentence.split())
        if len(text) <= 120:
            return text
        return text[:110].rsplit(" ", 1)[0].rstrip(",;:") + " …"


@dataclass
class Verdict:
    party_id: str
    party: str                       # party name from events.parties
    source: str | None               # None = the outlet's own voice; else whom it quotes
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class QuotedVerdict:
    """Whom the sources an outlet quotes blame: one party, the sources that blame it, the sentences."""

    party_id: str
    party: str
    sources: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class OutletVerdicts:
    """One row of the who-started-it table."""

    outlet_id: str
    name: str
    perspective: str | None
    analysed: bool                                         # the detectors read this outlet's sentences
    own: list[Verdict] = field(default_factory=list)
    quoted: list[Verdict] = field(default_factory=list)
    conflicts_with: list[str] = field(default_factory=list)   # names of outlets whose own-voice verdict differs
    agrees_with: list[str] = field(default_factory=list)

    @property
    def quoted_by_party(self) -> list[QuotedVerdict]:
        out: dict[str, QuotedVerdict] = {}
        for v in self.quoted:
            q = out.setdefault(v.party_id, QuotedVerdict(v.party_id, v.party))
            if v.source and v.source not in q.sources:
                q.sources.append(v.source)
            seen = {e.sentence_id for e in q.evidence}
            q.evidence.extend(e for e in v.evidence if e.sentence_id not in seen)
        return sorted(out.values(), key=lambda q: (-len(q.evidence), q.party))

    @property
    def own_parties(self) -> tuple[str, ...]:
        return tuple(sorted({v.party_id for v in self.own}))

    @property
    def self_conflict(self) -> bool:
        return len(self.own_parties) > 1


@dataclass
class Summary:
    state: str            # disagree | agree | silent | not_analysed
    text: str             # the one-line verdict a reader sees first
    quoted: str | None    # what the quoted sources say, one line


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


def join_names(names: list[str]) -> str:
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _party_names(event: dict[str, Any]) -> dict[str, str]:
    raw = event.get("parties")
    try:
        parties = json.loads(raw) if isinstance(raw, str) else (raw or [])
    except ValueError:
        parties = []
    return {str(p.get("id")): str(p.get("name") or p.get("id")) for p in parties if isinstance(p, dict) and p.get("id")}


def _voice(voice: str | None, attributed_to: str | None) -> str | None:
    if not voice:
        return None
    if voice == "own":
        return "own voice"
    return f"attributed to {attributed_to}" if attributed_to else "attributed (source not named)"


# ---------------------------------------------------------------------------------------------------- who started it


def who_started_it(
    outlets: list[str], names: dict[str, str], perspectives: dict[str, str | None], analysed: dict[str, bool],
    rows: list[dict[str, Any]], party_names: dict[str, str], anchors: set[str],
) -> tuple[list[OutletVerdicts], Summary]:
    """Build the who-started-it table (one row per outlet) and its one-line summary from `initiator_by_outlet`."""
    table = {o: OutletVerdicts(o, names[o], perspectives.get(o), analysed.get(o, False)) for o in outlets}
    verdicts: dict[tuple[str, bool, str | None, str], Verdict] = {}
    for r in rows:
        o = r["outlet_id"]
        if o not in table:
            continue
        key = (o, bool(r["own_voice"]), r["attributed_to"], r["says_initiator"])
        v = verdicts.get(key)
        if v is None:
            party = party_names.get(r["says_initiator"], r["says_initiator"])
            v = verdicts[key] = Verdict(r["says_initiator"], party, None if r["own_voice"] else r["attributed_to"])
            (table[o].own if r["own_voice"] else table[o].quoted).append(v)
        v.evidence.append(Evidence(r["sentence_id"], r["sentence"], r["sentence_id"] in anchors))
    for row in table.values():
        if row.own:
            row.analysed = True
        for other in table.values():
            if other is row or not other.own or not row.own:
                continue
            (row.agrees_with if other.own_parties == row.own_parties else row.conflicts_with).append(other.name)

    # group outlets by their own-voice verdict: largest group first, the silent ones last
    groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for row in table.values():
        groups[row.own_parties].append(row.outlet_id)
    said = sorted((k for k in groups if k), key=lambda k: (-len(groups[k]), k))
    order = {o: i for i, k in enumerate(said + [()]) for o in sorted(groups.get(k, []), key=lambda x: names[x].casefold())}
    ordered = sorted(table.values(), key=lambda r: order[r.outlet_id])

    def party_list(parties: tuple[str, ...]) -> str:
        return join_names([party_names.get(p, p) for p in parties])

    clauses = []
    for k in said:
        members = sorted(groups[k], key=lambda x: names[x].casefold())
        verb = "blame" if len(members) > 1 else "blames"
        both = " (both, contradicting itself)" if len(k) > 1 else ""
        clauses.append(f"{join_names([names[o] for o in members])} {verb} {party_list(k)}{both}")
    silent = sorted(groups.get((), []), key=lambda x: names[x].casefold())
    silent_analysed = [o for o in silent if table[o].analysed]
    not_analysed = [o for o in silent if not table[o].analysed]
    if len(silent_analysed) > 1:
        clauses.append(f"{join_names([names[o] for o in silent_analysed])} do not say in their own voice")
    elif silent_analysed:
        clauses.append(f"{names[silent_analysed[0]]} does not say in its own voice")
    if not_analysed:
        verb = "were" if len(not_analysed) > 1 else "was"
        clauses.append(f"{join_names([names[o] for o in not_analysed])} {verb} not analysed")
    distinct = {p for k in said for p in k}
    if not any(table[o].analysed for o in outlets):
        state, lead = "not_analysed", "Who started it has not been analysed yet: no detector output for this event."
    elif len(distinct) > 1:
        state, lead = "disagree", "The outlets disagree on who started it: "
    elif distinct:
        state, lead = "agree", "The outlets that say agree on who started it: "
    else:
        state, lead = "silent", "No outlet says in its own voice who started it: "
    text = lead if state == "not_analysed" else lead + "; ".join(clauses) + "."

    quoted_by_party: dict[str, set[str]] = defaultdict(set)
    for row in table.values():
        for v in row.quoted:
            quoted_by_party[v.party_id].add(row.outlet_id)
    quoted = None
    if quoted_by_party:
        parts = []
        for p in sorted(quoted_by_party, key=lambda p: (-len(quoted_by_party[p]), p)):
            members = quoted_by_party[p]
            missing = sorted((names[o] for o in outlets if o not in members), key=str.casefold)
            if not missing:
                where = f"all {len(outlets)} outlets" if len(outlets) > 2 else "both outlets"
            elif len(missing) <= 2 and len(members) > len(missing):
                where = f"{len(members)} outlets, all but {join_names(missing)}"
            else:
                where = join_names(sorted((names[o] for o in members), key=str.casefold))
            parts.append(f"{party_names.get(p, p)} (in {where})")
        quoted = "The sources they quote blame " + join_names(parts) + "."
    return ordered, Summary(state, text, quoted)


# ---------------------------------------------------------------------------------------------------- pictures


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
    dated = sorted(((_utc(a["published_at"]), a) for a in articles if _utc(a["published_at"])), key=lambda x: x[0])
    unknown = [names.get(a["outlet_id"], a["outlet_id"]) for a in articles if not _utc(a["published_at"])]
    label_w = 16 + 7.4 * max((len(names.get(a["outlet_id"], "")) for _, a in dated), default=6)
    left, right, width, row_h, top = min(label_w, 260), 28.0, 700.0, 30.0, 20.0
    ws, we = _utc(event.get("window_start")), _utc(event.get("window_end"))
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


def _run_header(con: duckdb.DuckDBPyConnection, event_id: str, run_info: dict[str, Any]) -> dict[str, Any]:
    """The run's model, alignment thresholds and time: the latest run recorded for the event, else `run_info`."""
    last = store.rows(con, "select_report_run", event_id=event_id)
    run = dict(run_info)
    run.setdefault("model", None)
    run["run_id"], run["status"], run["started_at"], run["finished_at"] = None, None, None, None
    if last:
        r = last[0]
        run.update(run_id=r["run_id"], status=r["status"], started_at=r["started_at"], finished_at=r["finished_at"])
        run["model"] = r["model"] or run["model"]
        try:
            recorded = json.loads(r["settings"]) if r["settings"] else {}
        except ValueError:
            recorded = {}
        for ours, theirs in ALIGN_PARAMS.items():
            if theirs in recorded:
                run[ours] = recorded[theirs]
    for key in (*ALIGN_PARAMS, "run_at"):
        run.setdefault(key, None)
    return run


def event_context(con: duckdb.DuckDBPyConnection, event_id: str, *, run_info: dict[str, Any], min_words: int = 4) -> dict[str, Any]:
    ev = con.execute("select * from events where event_id = ?", [event_id]).fetchone()
    if ev is None:
        raise ReportError(f"event {event_id!r} is not in the database (run it first)")
    cols = [d[0] for d in con.description]
    event = dict(zip(cols, ev))
    party_names = _party_names(event)
    articles = store.rows(con, "select_report_articles", event_id=event_id)
    names = {a["outlet_id"]: a["outlet_name"] or a["outlet_id"] for a in articles}
    perspectives = {a["outlet_id"]: a["perspective"] for a in articles}
    analysed = defaultdict(bool)
    for a in articles:
        analysed[a["outlet_id"]] |= bool(a["n_analysed"])
    outlet_ids = sorted(names, key=lambda o: names[o].casefold())

    # claims side by side
    claims: dict[str, ClaimRow] = {}
    for r in store.rows(con, "select_report_claims", event_id=event_id):
        row = claims.setdefault(r["claim_id"], ClaimRow(r["claim_id"], r["n_outlets"]))
        row.cells.setdefault(r["outlet_id"], []).append(
            Cell(r["sentence_id"], r["sentence"], r["position"], _voice(r["voice"], r["attributed_to"])))
        names.setdefault(r["outlet_id"], r["outlet_id"])
    for number, row in enumerate(claims.values(), start=1):
        row.number = number
        for cells in row.cells.values():
            cells.sort(key=lambda c: c.position)
    unique: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in store.rows(con, "select_report_unique", event_id=event_id, min_words=min_words):
        r["voice_label"] = _voice(r["voice"], r["attributed_to"])
        unique[r["outlet_id"]].append(r)
    anchors = {c.sentence_id for row in claims.values() for cells in row.cells.values() for c in cells}
    anchors |= {r["sentence_id"] for rs in unique.values() for r in rs}

    # where they disagree: one card per disagreement, every outlet on each side
    cards = []
    for r in store.rows(con, "select_report_disagreements", event_id=event_id):
        claim = claims.get(r["claim_id"]) if r["claim_id"] else None
        cards.append(card_from_row(r, names, party_names, claim.number if claim else None, anchors))
    for r in store.rows(con, "select_report_claim_kinds", event_id=event_id):
        if r["claim_id"] in claims:
            claims[r["claim_id"]].kinds.append(r["kind"])
    kind_order = list(KINDS)
    for row in claims.values():
        row.kinds.sort(key=lambda k: kind_order.index(k) if k in kind_order else 99)

    # who started it
    verdict_rows, summary = who_started_it(
        outlet_ids, names, perspectives, analysed,
        store.rows(con, "select_report_initiators", event_id=event_id), party_names, anchors,
    )
    claim_list = list(claims.values())
    changes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in store.rows(con, "select_report_changes", event_id=event_id):
        changes[r["article_id"]].append(r)
    return {
        "event": event,
        "articles": articles,
        "changes": changes,
        "outlets": outlet_ids,
        "outlet_names": names,
        "claims": claim_list,
        "unique": {o: unique.get(o, []) for o in outlet_ids},
        "verdicts": verdict_rows,
        "summary": summary,
        "card_groups": card_groups(cards),
        "key_findings": key_findings(cards),
        "kind_titles": {k: title for k, (title, _) in KINDS.items()},
        "n_cards": len(cards),
        "severity_names": SEVERITY_NAMES,
        "overlap": overlap_matrix(outlet_ids, names, claim_list),
        "timeline": timeline(articles, names, event),
        "run": _run_header(con, event_id, run_info),
        "generated_at": dt.datetime.now(dt.timezone.utc),
        "csp": CSP,
    }


def render_event(con: duckdb.DuckDBPyConnection, event_id: str, reports_dir: Path, *, run_info: dict[str, Any]) -> Path:
    ctx = event_context(con, event_id, run_info=run_info)
    html = environment().get_template("event.html.j2").render(**ctx)
    return write_atomic(reports_dir, f"{safe_slug(event_id)}/index.html", html)


def index_context(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    events = store.rows(con, "select_event_index")
    for e in events:
        e["slug"] = safe_slug(e["event_id"])
        articles = store.rows(con, "select_report_articles", event_id=e["event_id"])
        names = {a["outlet_id"]: a["outlet_name"] or a["outlet_id"] for a in articles}
        analysed: dict[str, bool] = defaultdict(bool)
        for a in articles:
            analysed[a["outlet_id"]] |= bool(a["n_analysed"])
        parties_row = con.execute("select parties from events where event_id = ?", [e["event_id"]]).fetchone()
        party_names = _party_names({"parties": parties_row[0] if parties_row else None})
        _, e["summary"] = who_started_it(
            sorted(names, key=lambda o: names[o].casefold()), names, {}, analysed,
            store.rows(con, "select_report_initiators", event_id=e["event_id"]), party_names, set(),
        )
        # the worst disagreement besides who started it (that has its own column), else the worst of all
        rows = store.rows(con, "select_report_disagreements", event_id=e["event_id"])
        worst = [r for r in rows if r["kind"] not in ("initiator", "self")][:1] or rows[:1]
        e["worst"] = card_from_row(worst[0], names, party_names, None, set()) if worst else None
        e["worst_title"] = KINDS.get(worst[0]["kind"], (worst[0]["kind"], ""))[0] if worst else None
    return {"events": events, "generated_at": dt.datetime.now(dt.timezone.utc), "csp": CSP}


def render_index(con: duckdb.DuckDBPyConnection, reports_dir: Path) -> Path:
    html = environment().get_template("index.html.j2").render(**index_context(con))
    return write_atomic(reports_dir, "index.html", html)
