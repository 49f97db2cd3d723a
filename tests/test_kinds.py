"""One registry of disagreement kinds (rashomon/kinds.toml) for the detectors, the database's views and the report."""

from __future__ import annotations

import pytest

from rashomon import cards, store
from rashomon.detect.compare import KINDS as DETECTOR_KINDS
from rashomon.errors import ConfigError
from rashomon.kinds import load_kinds


def test_the_database_holds_the_registry_and_the_views_rank_by_it(tmp_path) -> None:
    reg = load_kinds()
    with store.connect(tmp_path / "k.duckdb") as con:
        rows = con.execute("select kind, severity, rank from disagreement_kinds order by rank").fetchall()
        # a registry edited since the last migration is taken up by the next one
        con.execute("update disagreement_kinds set severity = 0")
        store.migrate(con)
        again = con.execute("select kind, severity, rank from disagreement_kinds order by rank").fetchall()
    assert rows == again == [(k.kind, k.severity, k.rank) for k in reg.kinds.values()]


def test_detectors_and_report_read_the_same_registry() -> None:
    reg = load_kinds()
    assert set(DETECTOR_KINDS) == {k for k, v in reg.kinds.items() if v.made_by == "detector"}
    assert list(cards.KINDS) == reg.order()
    assert cards.SEVERITY_NAMES == {3: "who started it", 2: "facts", 1: "framing"}
    assert reg.severity("initiator") == 3 and reg.severity("omission") == 1


@pytest.mark.parametrize("text, message", [
    ("[[kind]]\nkind = \"x\"\n", r"kind\[0\]: needs kind, title"),
    ('[[kind]]\nkind = "x"\ntitle = "X"\nexplanation = "."\nseverity = 7\nmade_by = "detector"\n', r"severity must be"),
    ("[[kind]\n", r"kinds.toml"),
])
def test_a_broken_registry_is_a_clear_error(tmp_path, text: str, message: str) -> None:
    bad = tmp_path / "kinds.toml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_kinds(bad)
