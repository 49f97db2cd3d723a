"""One card per disagreement, and an outlet on one side of it only (issue 12), on rows written for the test."""

from __future__ import annotations

import duckdb
import pytest

pytestmark = pytest.mark.slow


def _event(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("insert into events (event_id, title, window_start, window_end, keywords, parties) values "
                "('e', 'E', '2022-08-01', '2022-08-05', [], '[]')")


def _row(con, kind, oa, ob, sa, sb, va, vb) -> None:
    con.execute("insert into claim_disagreements (event_id, kind, claim_id, outlet_a, outlet_b, sentence_a,"
                " sentence_b, value_a, value_b, explanation, severity) values ('e', ?, 'c', ?, ?, ?, ?, ?, ?, 'x', 2)",
                [kind, oa, ob, sa, sb, va, vb])


def test_an_outlet_giving_both_figures_is_on_neither_side_of_the_card(db):
    """Outlet A says 5 wounded in one sentence and 7 in another: it carries both figures, so it is no side of the
    "5 vs 7" card; C (5) against B (7) stays."""
    con = duckdb.connect(str(db))
    _event(con)
    _row(con, "number", "oa", "ob", "a1", "b1", "5", "7")
    _row(con, "number", "oc", "oa", "c1", "a2", "5", "7")
    _row(con, "number", "oc", "ob", "c1", "b1", "5", "7")
    shown = con.execute("select outlet_a, outlet_b from disagreements").fetchall()
    assert shown == [("oc", "ob")]
    sides = con.execute("select outlets_a, outlets_b from disagreement_cards").fetchall()
    assert sides == [(["oc"], ["ob"])]
