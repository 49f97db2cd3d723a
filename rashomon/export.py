"""Export one event to Parquet: a file per table and view, rows limited to the event, written atomically.

Which rows belong to an event:
- tables and views with an `event_id` column: that event's rows;
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
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path

import duckdb

from .errors import RashomonError
from .sources import EVENT_ID
from .sqlshell import atomic_write_text, open_reader, temp_path

log = logging.getLogger(__name__)

_IDENT = re.compile(r"^[a-z_][a-z0-9_]*$")

# Subqueries over the event (bound parameter $event_id only).
_ARTICLES = "select article_id from articles where event_id = $event_id"
_SENTENCES = f"select sentence_id from sentences where article_id in ({_ARTICLES})"
_CLAIMS = "select claim_id from claims where event_id = $event_id"
_RUNS = "select run_id from runs where event_id = $event_id"
_URLS = (
    "select url from discovered_items where event_id = $event_id "
    "union select url from articles where event_id = $event_id "
    f"union select url from fetch_log where run_id in ({_RUNS})"
)

# Tables whose link to the event is not (only) an event_id column.
RULES: dict[str, str] = {
    "schema_migrations": "select * from schema_migrations",
    "outlets": (
        "select * from outlets where outlet_id in ("
        "select outlet_id from articles where event_id = $event_id "
        "union select outlet_id from discovered_items where event_id = $event_id)"
    ),
    "fetch_log": f"select * from fetch_log where run_id in ({_RUNS})",
    "page_fetches": f"select * from page_fetches where url in ({_URLS})",
    "raw_pages": (
        "select * from raw_pages where content_sha256 in ("
        f"select content_sha256 from page_fetches where url in ({_URLS}) "
        "union select content_sha256 from articles where event_id = $event_id "
        f"union select content_sha256 from article_revisions where article_id in ({_ARTICLES}))"
    ),
    "embeddings": (
        "select * from embeddings where sentence_sha256 in ("
        f"select sentence_sha256 from sentences where article_id in ({_ARTICLES}))"
    ),
    # the stories the event's articles belong to (story_articles follows by article_id)
    "stories": f"select * from stories where story_id in (select story_id from story_articles where article_id in ({_ARTICLES}))",
}


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
    rows = con.execute(
        """
        select t.table_name, case t.table_type when 'VIEW' then 'view' else 'table' end,
               list(c.column_name order by c.ordinal_position)
        from information_schema.tables t
        join information_schema.columns c using (table_catalog, table_schema, table_name)
        where t.table_schema = 'main' and t.table_catalog = current_database()
        group by all
        order by 2, 1
        """
    ).fetchall()
    return [(name, kind, list(cols)) for name, kind, cols in rows]


def scope_query(name: str, columns: list[str]) -> str:
    """The SQL selecting `name`'s rows that belong to the event ($event_id)."""
    if not _IDENT.match(name):
        raise ExportError(f"unexpected table name {name!r}")
    if name in RULES:
        return RULES[name]
    if "event_id" in columns:
        return f'select * from "{name}" where event_id = $event_id'
    for key, sub in (("sentence_id", _SENTENCES), ("article_id", _ARTICLES), ("claim_id", _CLAIMS), ("run_id", _RUNS)):
        if key in columns:
            return f'select * from "{name}" where {key} in ({sub})'
    raise ExportError(
        f"table {name!r} has no column linking it to an event (event_id, article_id, sentence_id, claim_id, run_id) "
        "and no rule in rashomon/export.py RULES: add one"
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
        known = [r[0] for r in con.execute("select event_id from events order by 1").fetchall()]
        if event_id not in known:
            raise ExportError(f"event {event_id!r} is not in {db} (events there: {', '.join(known) or 'none'})")
        folder.mkdir(parents=True, exist_ok=True)
        con.execute("begin transaction")  # one snapshot for every file
        for name, kind, columns in relations(con):
            sql = scope_query(name, columns)
            params = {"event_id": event_id} if _uses_param(sql) else None
            target = folder / f"{name}.parquet"
            tmp = temp_path(target)
            n = 0
            try:
                reader = con.sql(sql, params=params).to_arrow_reader(batch_rows)
                with pq.ParquetWriter(tmp, reader.schema) as writer:
                    for batch in reader:
                        writer.write_batch(batch)
                        n += batch.num_rows
                os.replace(tmp, target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
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
