"""A user's database made by an earlier version upgrades, never breaks; shipped migration files never change."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import pytest

from rashomon import store
from rashomon.errors import StoreError

OLD = Path(__file__).parent / "fixtures" / "old_schemas"


def _old_database(path: Path, commit: str) -> None:
    """What `migrate()` of that commit left: its schema files applied, recorded by name only, plus a user's rows."""
    con = duckdb.connect(str(path))
    con.execute("create table schema_migrations (name varchar primary key, applied_at timestamptz default now())")
    for name in (OLD / commit / "applied.txt").read_text().split():
        # the fixture holds the files whose text differed then; the others shipped as they are now (CHECKSUMS)
        f = OLD / commit / name if (OLD / commit / name).is_file() else store.SQL_DIR / "schema" / name
        con.execute(f.read_text(encoding="utf-8"))
        con.execute("insert into schema_migrations (name) values (?)", [name])
    con.execute(
        "insert into fetch_log (run_id, url, attempt, status, outcome, started_at) "
        "values ('r1', 'https://tass.com/a', 1, 200, 'ok', now())"
    )
    con.close()


def _columns(con) -> dict[str, list[tuple[str, str, str]]]:
    rows = con.execute(
        "select table_name, column_name, data_type, is_nullable from information_schema.columns "
        "where table_schema = 'main' and table_name in (select table_name from information_schema.tables "
        "where table_type = 'BASE TABLE') order by table_name, column_name"
    ).fetchall()
    out: dict[str, list[tuple[str, str, str]]] = {}
    for table, column, dtype, nullable in rows:
        out.setdefault(table, []).append((column, dtype, nullable))
    return out


@pytest.fixture(scope="module")
def fresh_columns(tmp_path_factory):
    path = tmp_path_factory.mktemp("fresh") / "fresh.duckdb"
    with store.connect(path) as con:
        return _columns(con)


@pytest.mark.parametrize("commit", sorted(p.name for p in OLD.iterdir() if p.is_dir()))
def test_old_database_upgrades_to_todays_schema_and_keeps_its_rows(tmp_path, commit, fresh_columns):
    db = tmp_path / "old.duckdb"
    _old_database(db, commit)
    with store.connect(db) as con:
        assert _columns(con) == fresh_columns
        # the statements that failed on such a database before the repair migration
        con.execute("select hop_url from fetch_log").fetchall()
        con.execute("select * from sentence_initiators").fetchall()
        for view in ("initiators", "initiator_by_outlet", "disagreements", "alignments"):
            con.execute(f"select * from {view} limit 1").fetchall()
        assert con.execute("select url, status from fetch_log").fetchall() == [("https://tass.com/a", 200)]
        names = [r[0] for r in con.execute("select name from schema_migrations order by name").fetchall()]
        assert names == [p.name for p in store.migration_files()]
    with store.connect(db) as con:  # a second open applies nothing
        assert store.migrate(con) == []


def test_shipped_migration_files_are_never_edited():
    pinned = dict(
        line.split()[::-1] for line in (store.SQL_DIR / "schema" / "CHECKSUMS").read_text().splitlines() if line
    )
    files = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in store.migration_files()}
    changed = sorted(name for name in pinned if files.get(name) != pinned[name])
    assert not changed, (
        f"shipped migration(s) {changed} changed or removed: a user's database applied the old text and will never see the "
        "change; put it in a new sql/schema/NNN_*.sql file instead"
    )
    new = sorted(set(files) - set(pinned))
    assert not new, f"add {new} to sql/schema/CHECKSUMS (sha256sum NNN_*.sql >> sql/schema/CHECKSUMS)"


def test_a_failing_migration_names_the_file_and_leaves_the_database_as_it_was(tmp_path, monkeypatch):
    db = tmp_path / "x.duckdb"
    with store.connect(db):
        pass
    bad = tmp_path / "sql"
    (bad / "schema").mkdir(parents=True)
    for p in store.migration_files():
        (bad / "schema" / p.name).write_bytes(p.read_bytes())
    (bad / "schema" / "999_broken.sql").write_text("alter table no_such_table add column x int;")
    (bad / "views.sql").write_bytes((store.SQL_DIR / "views.sql").read_bytes())
    monkeypatch.setattr(store, "SQL_DIR", bad)
    with pytest.raises(StoreError, match="999_broken.sql"):
        with store.connect(db):
            pass
    monkeypatch.undo()
    with store.connect(db, read_only=True) as con:
        assert "999_broken.sql" not in {r[0] for r in con.execute("select name from schema_migrations").fetchall()}


def test_an_sqlite_file_given_as_db_is_a_clear_error_and_triggers_no_extension_download(tmp_path, capsys):
    from rashomon.cli import main

    fake = tmp_path / "other.db"
    fake.write_bytes(b"SQLite format 3\x00" + bytes(4080))
    with pytest.raises(StoreError, match="SQLite database, not a DuckDB file"):
        with store.connect(fake):
            pass
    assert main(["sql", "--db", str(fake), "select 1"]) == 2
    err = capsys.readouterr().err
    assert "SQLite database" in err and "Traceback" not in err
    assert fake.read_bytes()[:16] == b"SQLite format 3\x00"   # left as it was


def test_no_connection_loads_or_installs_extensions_by_itself(tmp_path):
    with store.connect(tmp_path / "x.duckdb") as con:
        settings = dict(con.execute(
            "select name, value from duckdb_settings() "
            "where name in ('autoinstall_known_extensions', 'autoload_known_extensions')").fetchall())
    assert settings == {"autoinstall_known_extensions": "false", "autoload_known_extensions": "false"}


def test_an_older_database_opened_read_only_says_how_to_upgrade_it(tmp_path):
    db = tmp_path / "old.duckdb"
    with store.connect(db) as con:
        con.execute("delete from schema_migrations where name = '012_verdict_model.sql'")
    with pytest.raises(StoreError, match=r"older version of rashomon \(012_verdict_model.sql not applied\).*"
                                         r"open it once for writing"):
        with store.connect(db, read_only=True):
            pass
    with store.connect(db):                       # a writer upgrades it (012 is idempotent), then readers work
        pass
    with store.connect(db, read_only=True) as con:
        assert con.execute("select count(*) from verdict_model").fetchone()[0] > 0


def test_a_changed_gate_file_stops_before_any_migration_is_applied(tmp_path, monkeypatch):
    from rashomon import verdictgate
    from rashomon.errors import ModelError

    db = tmp_path / "x.duckdb"
    with store.connect(db) as con:
        con.execute("delete from schema_migrations where name = '012_verdict_model.sql'")

    def changed(*_a, **_k):
        raise ModelError("gate model changed")
    monkeypatch.setattr(verdictgate, "load_gate", changed)
    with pytest.raises(ModelError, match="gate model changed"):
        with store.connect(db):
            pass
    monkeypatch.undo()
    con = store.open_db(db, read_only=True)
    try:
        applied = {r[0] for r in con.execute("select name from schema_migrations").fetchall()}
        assert "012_verdict_model.sql" not in applied
    finally:
        con.close()
