"""HTML reports: Jinja2 (autoescape on, StrictUndefined), atomic writes inside the reports folder."""

from __future__ import annotations

import datetime as dt
import hashlib
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
from .errors import ReportError

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


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("rashomon", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    env.filters["when"] = lambda t: t.strftime("%Y-%m-%d %H:%M UTC") if isinstance(t, dt.datetime) else (t or "unknown")
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


@dataclass
class ClaimRow:
    claim_id: str
    n_outlets: int
    cells: dict[str, dict[str, Any]] = field(default_factory=dict)   # outlet_id -> sentence row
    kinds: list[str] = field(default_factory=list)


def event_context(con: duckdb.DuckDBPyConnection, event_id: str, *, run_info: dict[str, Any], min_words: int = 4) -> dict[str, Any]:
    ev = con.execute("select * from events where event_id = ?", [event_id]).fetchone()
    if ev is None:
        raise ReportError(f"event {event_id!r} is not in the database (run it first)")
    cols = [d[0] for d in con.description]
    event = dict(zip(cols, ev))
    articles = store.rows(con, "select_report_articles", event_id=event_id)
    outlet_ids = sorted({a["outlet_id"] for a in articles})
    claims: dict[str, ClaimRow] = {}
    for r in store.rows(con, "select_report_claims", event_id=event_id):
        row = claims.setdefault(r["claim_id"], ClaimRow(r["claim_id"], r["n_outlets"]))
        row.cells[r["outlet_id"]] = r
    unique: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in store.rows(con, "select_report_unique", event_id=event_id, min_words=min_words):
        unique[r["outlet_id"]].append(r)
    names = {a["outlet_id"]: a["outlet_name"] or a["outlet_id"] for a in articles}
    return {
        "event": event,
        "articles": articles,
        "outlets": outlet_ids,
        "outlet_names": names,
        "claims": list(claims.values()),
        "unique": {o: unique.get(o, []) for o in outlet_ids},
        "run": run_info,
        "generated_at": dt.datetime.now(dt.timezone.utc),
        "csp": CSP,
    }


def render_event(con: duckdb.DuckDBPyConnection, event_id: str, reports_dir: Path, *, run_info: dict[str, Any]) -> Path:
    ctx = event_context(con, event_id, run_info=run_info)
    html = environment().get_template("event.html.j2").render(**ctx)
    return write_atomic(reports_dir, f"{safe_slug(event_id)}/index.html", html)


def render_index(con: duckdb.DuckDBPyConnection, reports_dir: Path) -> Path:
    events = store.rows(con, "select_event_index")
    for e in events:
        e["slug"] = safe_slug(e["event_id"])
    html = environment().get_template("index.html.j2").render(
        events=events, generated_at=dt.datetime.now(dt.timezone.utc), csp=CSP
    )
    return write_atomic(reports_dir, "index.html", html)
