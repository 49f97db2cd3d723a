"""Export one event to Parquet: a file per table and view, rows limited to the event, written atomically.

Which rows belong to an event:
- tables and views with an `event_id` column: that event's rows (the views of EVENT_MACROS through their per-event
  macro, e.g. `disagreements_of($event_id)`);
- tables keyed by something the event owns (`article_id`, `sentence_id`, `claim_id`, a run's `run_id`): the rows of the
  event's articles, sentences, claims, runs;
- shared tables: only the rows the event uses: `outlets` (outlets with articles or discovered items in the event),
  `embeddings` (vectors of the event's sentences, every model), `page_fetches` (URLs the event fetched), `raw_pages`
  (bodies the event's fetches and articles point to);
- `schema_migrations`: every row (it says which schema version the files follow).
A table that matches none of these rules is an error naming it (a new table needs a rule here, not a silent skip).

Every file is written to a temporary name in the target folder and moved into place with os.replace; `manifest.json`
(row counts, columns, the database and the time of export) is written last. All files are read from one read-only
connection, so they come from the same state of the database.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from dataclasses import asdict, dataclass
from pathlib import Path

import duckdb

from . import atomic, store
from .errors import RashomonError
from .sources import EVENT_ID
from .sqlshell import atomic_write_text, open_reader

log = logging.getLogger(__name__)

_IDENT = re.compile(r"^[a-z_][a-z0-9_]*$")

# Tables whose link to the event is not (only) an event_id column: the query (sql/queries/export_<table>.sql) that
# selects the event's rows (bound parameter $event_id only).
RULES: dict[str, str] = {
    name: f"export_{name}"
    for name in ("schema_migrations", "disagreement_kinds", "verdict_model", "blame_model", "outlets", "fetch_log",
                 "page_fetches", "raw_pages", "embeddings", "stories")
}
# Views whose per-event table macro (`<view>_of(ev)`, sql/views.sql) gives the same rows as the view filtered by the
# event, without computing every event's rows first.
EVENT_MACROS = frozenset({"initiators", "initiator_by_outlet", "denials", "operation_names", "place_names",
                          "weapon_names", "disagreements", "disagreement_cards", "outlet_facts", "casualty_figures",
                          "verdict_features", "verdict_scores", "blame_features", "blame_scores"})
# Tables keyed by something the event owns: the key column and the query selecting the event's values of it.
KEYS: tuple[tuple[str, str], ...] = (
    ("sentence_id", "select_event_sentence_ids"),
    ("article_id", "select_event_article_ids"),
    ("claim_id", "select_event_claim_ids"),
    ("run_id", "select_event_run_ids"),
)


class ExportError(RashomonError):
    """An event could not be exported."""


@dataclass(frozen=True)
class ExportedTable:
    name: str
    kind: str          # table | view
    rows: int
    file: str          # file name inside the export folder
    columns: list[str]


@dataclass(frozen=True)
class Export:
    event_id: str
    folder: Path
    tables: list[ExportedTable]

    @property
    def manifest(self) -> Path:
        return self.folder / "manifest.json"


def relations(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, list[str]]]:
    """(name, 'table' | 'view', columns) of every table and view in the main schema, tables first."""
    rows = store.run(con, "select_relations").fetchall()
    return [(name, kind, list(cols)) for name, kind, cols in rows]


def scope_query(name: str, columns: list[str]) -> str:
    """The SQL selecting `name`'s rows that belong to the event ($event_id)."""
    if not _IDENT.match(name):
        raise ExportError(f"unexpected table name {name!r}")
    if name in RULES:
        return store.statement(RULES[name])
    # the table's name and key column are identifiers (checked above, and the key one of KEYS), never user input
    if name in EVENT_MACROS:
        return f'select * from {name}_of($event_id)'
    if "event_id" in columns:
        return f'select * from "{name}" where event_id = $event_id'
    for key, sub in KEYS:
        if key in columns:
            return f'select * from "{name}" where {key} in ({store.statement(sub)})'
    raise ExportError(
        f"table {name!r} has no column linking it to an event (event_id, article_id, sentence_id, claim_id, run_id) "
        "and no rule in rashomon/export.py RULES: add one (and its sql/queries/export_<table>.sql)"
    )


def _uses_param(sql: str) -> bool:
    return "$event_id" in sql


def export_event(db: Path | str, event_id: str, folder: Path | str, *, wait_s: float = 60.0, batch_rows: int = 65536) -> Export:
    """Write `<folder>/<table>.parquet` for every table and view of the event, then `<folder>/manifest.json`."""
    import pyarrow.parquet as pq

    if not EVENT_ID.match(event_id or ""):
        raise ExportError(f"invalid event id {event_id!r} (kebab-case: a-z, 0-9, -)")
    folder = Path(folder)
    try:
        con, _ = open_reader(db, wait_s=wait_s)
    except RashomonError as exc:
        raise ExportError(str(exc)) from exc
    written: list[ExportedTable] = []
    try:
        known = [r[0] for r in store.run(con, "select_event_ids").fetchall()]
        if event_id not in known:
            raise ExportError(f"event {event_id!r} is not in {db} (events there: {', '.join(known) or 'none'})")
        folder.mkdir(parents=True, exist_ok=True)
        con.execute("begin transaction")  # one snapshot for every file
        for name, kind, columns in relations(con):
            sql = scope_query(name, columns)
            params = {"event_id": event_id} if _uses_param(sql) else None
            target = folder / f"{name}.parquet"
            n = 0
            with atomic.replacing(target) as tmp:
                reader = con.sql(sql, params=params).to_arrow_reader(batch_rows)
                with pq.ParquetWriter(tmp, reader.schema) as writer:
                    for batch in reader:
                        writer.write_batch(batch)
                        n += batch.num_rows
            written.append(ExportedTable(name, kind, n, target.name, columns))
            log.info("export %s: %s %s, %d rows", event_id, kind, name, n)
        con.execute("commit")
    except duckdb.Error as exc:
        raise ExportError(f"export of {event_id} failed: {str(exc).strip()}") from exc
    finally:
        con.close()
    manifest = {
        "event_id": event_id,
        "database": str(Path(db).resolve()),
        "exported_at": dt.datetime.now(dt.timezone.utc).isoformat(),
        "format": "parquet",
        "tables": [asdict(t) for t in written],
    }
    result = Export(event_id, folder, written)
    atomic_write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", result.manifest)
    return result
