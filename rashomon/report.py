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
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import duckdb
import jinja2

from . import atomic, store
from .align import SCORED_METHODS
from .cards import KINDS, SEVERITY_NAMES, card_from_row, card_groups, key_findings
from .errors import ReportError
from .factsheet import fact_columns, fact_rows
from .moments import iso, when
from .pictures import overlap_matrix, timeline
from .settings import ALIGN_PARAMS
from .whostarted import voice_label, who_started_it

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


# bidi embedding, override and isolate controls: a name holding U+202E would reverse the text after it on the page
# ("Reuters\u202e" + "sserp" reads as another outlet). Stripped from everything the templates print.
_BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def strip_bidi(value: Any) -> Any:
    return value.translate(_BIDI_CONTROLS) if isinstance(value, str) else value


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("rashomon", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=strip_bidi,
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
    return atomic.write_text(target, content, mode=0o644)   # a page to be read: served or shared like any written file


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


def _party_names(event: dict[str, Any]) -> dict[str, str]:
    raw = event.get("parties")
    try:
        parties = json.loads(raw) if isinstance(raw, str) else (raw or [])
    except ValueError:
        parties = []
    return {str(p.get("id")): str(p.get("name") or p.get("id")) for p in parties if isinstance(p, dict) and p.get("id")}


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
    run["alignment_rule"] = alignment_rule(run)
    return run


def alignment_rule(run: dict[str, Any]) -> str:
    """How the run made its claims, in the header's words: the scored methods (align.SCORED_METHODS) with their
    threshold, else the margin method's thresholds."""
    if run.get("method") in SCORED_METHODS:
        tokens = " (with token alignment)" if run["method"] == "same_fact_tokens" else ""
        return (f"learned same-fact pairs{tokens}, P ≥ {run.get('min_same_fact')}, claims as cliques (one sentence per "
                "outlet; a sentence may join several)")
    return (f"mutual top-{run.get('max_rank')} match, cosine ≥ {run.get('min_cosine')}, "
            f"margin ≥ {run.get('min_margin')} (k = {run.get('k')}), linkage ≥ {run.get('min_link')}, "
            f"≤ {run.get('max_per_outlet')} sentences per outlet and claim")


def event_context(con: duckdb.DuckDBPyConnection, event_id: str, *, run_info: dict[str, Any], min_words: int = 4) -> dict[str, Any]:
    found = store.rows(con, "select_event", event_id=event_id)
    if not found:
        raise ReportError(f"event {event_id!r} is not in the database (run it first)")
    event = found[0]
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
            Cell(r["sentence_id"], r["sentence"], r["position"], voice_label(r["voice"], r["attributed_to"])))
        names.setdefault(r["outlet_id"], r["outlet_id"])
    for number, row in enumerate(claims.values(), start=1):
        row.number = number
        for cells in row.cells.values():
            cells.sort(key=lambda c: c.position)
    unique: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in store.rows(con, "select_report_unique", event_id=event_id, min_words=min_words):
        r["voice_label"] = voice_label(r["voice"], r["attributed_to"])
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
    facts = fact_rows(con, event_id, outlet_ids, names, party_names, anchors)
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
        "facts": facts,
        "fact_columns": fact_columns(facts),
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
        parties_row = store.run(con, "select_event_parties", event_id=e["event_id"]).fetchone()
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
    from .stories.index import stories_context   # the stories found in the outlets' feeds (rashomon stories)

    return {"events": events, "stories": stories_context(con), "min_outlets": 2,
            "generated_at": dt.datetime.now(dt.timezone.utc), "csp": CSP}


def render_index(con: duckdb.DuckDBPyConnection, reports_dir: Path) -> Path:
    html = environment().get_template("index.html.j2").render(**index_context(con))
    return write_atomic(reports_dir, "index.html", html)
