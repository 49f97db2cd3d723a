"""`rashomon export`: a Parquet file per table and view, only the event's rows, written atomically."""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import pytest

from rashomon.export import ExportError, export_event, relations
from rashomon.sqlshell import run_query

pytestmark = pytest.mark.slow

EVENT = "karabakh-2022-08-03"
OTHER = "other-event"
SUFFIX = "~other"
# Columns that identify or link rows; suffixing them all copies the event into a second, unconnected one.
ID_COLUMNS = {
    "event_id", "outlet_id", "article_id", "sentence_id", "claim_id", "run_id", "url", "final_url", "canonical_url",
    "content_sha256", "sentence_sha256", "sentence_a", "sentence_b", "outlet_a", "outlet_b", "same_text_as", "story_id",
}


def _counts(db: Path) -> dict[str, int]:
    names = run_query(db, "select table_name from information_schema.tables where table_schema = 'main' order by 1").rows
    return {n: run_query(db, f'select count(*) from "{n}"').rows[0][0] for (n,) in names}


@pytest.fixture(scope="module")
def two_events(demo_run, tmp_path_factory) -> tuple[Path, dict[str, int]]:
    """A copy of the demo's database holding a second event: every row of the first copied with suffixed ids
    (its own outlets, pages, sentences, embeddings…). Returns the copy and the demo's own counts."""
    import duckdb

    _, settings = demo_run
    src = Path(settings.db)
    db = tmp_path_factory.mktemp("export") / "two-events.duckdb"
    shutil.copy(src, db)
    if Path(f"{src}.wal").exists():
        shutil.copy(f"{src}.wal", f"{db}.wal")
    expected = _counts(src)
    con = duckdb.connect(str(db))
    try:
        for name, kind, columns in relations(con):
            if kind != "table" or name in ("schema_migrations", "disagreement_kinds", "verdict_model", "blame_model"):
                continue
            ids = [c for c in columns if c in ID_COLUMNS]
            assert ids, f"table {name} has no id column known to this test: add it to ID_COLUMNS"
            replace = ", ".join(
                f"""{c} || '{SUFFIX}' as {c}""" if c != "event_id" else f"'{OTHER}' as event_id" for c in ids
            )
            con.execute(f'insert into "{name}" select * replace ({replace}) from "{name}"')
    finally:
        con.close()
    return db, expected


def test_export_writes_every_table_and_view_with_only_the_events_rows(two_events, tmp_path):
    import pyarrow.parquet as pq

    db, expected = two_events
    total = _counts(db)
    assert total["articles"] == 2 * expected["articles"]  # the copy does hold two events
    out = export_event(db, EVENT, tmp_path / "export")
    files = {p.stem: p for p in (tmp_path / "export").glob("*.parquet")}
    assert set(files) == set(expected), "one file per table and view"
    for name, n in expected.items():
        table = pq.read_table(files[name])
        assert table.num_rows == n, f"{name}: {table.num_rows} rows exported, the event has {n}"
        if "event_id" in table.column_names and n:
            assert set(table.column("event_id").to_pylist()) == {EVENT}, name
    ids = set(pq.read_table(files["outlets"]).column("outlet_id").to_pylist())
    assert not any(i.endswith(SUFFIX) for i in ids)  # the other event's outlets stay out
    assert pq.read_table(files["embeddings"]).num_rows == expected["embeddings"] > 0
    manifest = json.loads(out.manifest.read_text())
    assert manifest["event_id"] == EVENT
    assert {t["name"]: t["rows"] for t in manifest["tables"]} == expected
    assert sorted(p.name for p in (tmp_path / "export").iterdir() if p.name.startswith(".")) == []  # no temp files


def test_export_of_the_other_event_has_the_same_counts(two_events, tmp_path):
    import pyarrow.parquet as pq

    db, expected = two_events
    export_event(db, OTHER, tmp_path)
    for name, n in expected.items():
        assert pq.read_table(tmp_path / f"{name}.parquet").num_rows == n, name


def test_export_types_survive(two_events, tmp_path):
    import pyarrow.parquet as pq

    db, _ = two_events
    export_event(db, EVENT, tmp_path)
    emb = pq.read_table(tmp_path / "embeddings.parquet")
    assert str(emb.schema.field("vector").type).startswith("list<")
    assert len(emb.column("vector")[0].as_py()) == emb.column("dim")[0].as_py()
    art = pq.read_table(tmp_path / "articles.parquet")
    assert str(art.schema.field("published_at").type).startswith("timestamp")
    raw = pq.read_table(tmp_path / "raw_pages.parquet")
    assert raw.schema.field("body").type in ("binary", "large_binary") or "binary" in str(raw.schema.field("body").type)


def test_export_rewrites_in_place_and_refuses_unknown_events(two_events, tmp_path):
    db, expected = two_events
    export_event(db, EVENT, tmp_path)
    export_event(db, EVENT, tmp_path)  # again, over the same files
    assert len(list(tmp_path.glob("*.parquet"))) == len(expected)
    with pytest.raises(ExportError, match="not in"):
        export_event(db, "no-such-event", tmp_path / "x")
    with pytest.raises(ExportError, match="invalid event id"):
        export_event(db, "../../etc", tmp_path / "y")
    assert not (tmp_path / "x").exists() and not (tmp_path / "y").exists()


def test_export_command(demo_run, tmp_path, capsys):
    from rashomon import cli, cli_data

    _, settings = demo_run
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    if "export" not in sub.choices:  # until cli.py registers the data commands
        common = argparse.ArgumentParser(add_help=False)
        common.add_argument("--db", type=Path)
        common.add_argument("--config", type=Path)
        cli_data.register(sub, common)
    args = parser.parse_args(["export", EVENT, "--db", str(settings.db), "--to", str(tmp_path / "out")])
    assert args.func(args) == 0
    out = capsys.readouterr().out
    assert "manifest" in out and "claims" in out
    assert (tmp_path / "out" / "manifest.json").is_file()
