"""Views and their per-event table macros (`disagreements_of(ev)`, `disagreement_cards_of(ev)`, `outlet_facts_of(ev)`,
…) over a database of two events covered by the same outlets, on rows written for the test: each event's rows are
that event's alone, and the macro gives exactly the view's rows of that event."""

from __future__ import annotations

import duckdb
import pytest

from rashomon.export import EVENT_MACROS as MACROS

pytestmark = pytest.mark.slow

PARTIES = '[{"id": "red", "name": "Redland", "aliases": [], "loaded_aliases": [], "part_of": null},' \
          ' {"id": "blue", "name": "Blueland", "aliases": [], "loaded_aliases": [], "part_of": null}]'


def _event(con: duckdb.DuckDBPyConnection, ev: str, blamed: dict[str, str], dead: dict[str, float]) -> None:
    """Event `ev`: each outlet's headline blames a party in its own voice (twice, so it is a verdict), names the
    river town "Northford" or "Nordby", an operation and a weapon system, and gives a death toll; one claim holds two
    outlets' sentences with a wording disagreement between them."""
    con.execute("insert into events (event_id, title, window_start, window_end, keywords, parties) values "
                "(?, 'A clash at the river', '2024-05-01', '2024-05-03', [], ?)", [ev, PARTIES])
    for outlet, party in blamed.items():
        art = f"{ev}-{outlet}"
        con.execute("insert into articles (article_id, event_id, outlet_id, url, text, text_sha256, revision,"
                    " extracted_at) values (?, ?, ?, ?, 't', 'h', 1, now())", [art, ev, outlet, f"u/{art}"])
        town = "Northford" if outlet != "oc" else "Nordby"
        for pos in range(7):
            sid = f"{art}-{pos}"
            con.execute("insert into sentences (sentence_id, article_id, position, part, text, char_start, char_end,"
                        " n_words, sentence_sha256) values (?, ?, ?, ?, ?, 0, 1, 9, ?)",
                        [sid, art, pos, "title" if pos == 0 else "body", f"{outlet} sentence {pos} of {ev}", sid])
            weapon = "ballistic missile=" + ("Tochka-U" if outlet == "oc" else "Iskander")
            con.execute("insert into sentence_analysis (sentence_id, event_id, outlet_id, voice, hostile_act,"
                        " background, places, times, loaded_terms, operations, toponyms, weapons)"
                        " values (?, ?, ?, 'own', true, false, ['river'], ['2024-05-01'], [], ?, ?, ?)",
                        [sid, ev, outlet, ["Dawn"] if pos == 1 and outlet == "oa" else
                         (["Sunrise"] if pos == 1 else None), [f"town={town}"] if pos == 2 else None,
                         [weapon] if pos == 5 else None])
            if pos < 2:
                con.execute("insert into sentence_initiators values (?, 'own', null, null, ?, 'attack', null)",
                            [sid, party])
                con.execute("insert into sentence_acts (sentence_id, act_no, actor_party, action, initiating,"
                            " background, negated, reported) values (?, 0, ?, 'attack', true, false, false, false)",
                            [sid, party])
        con.execute("insert into sentence_numbers (sentence_id, number_no, quantity, value, low, high, qualifier,"
                    " party, unit, text) values (?, 0, 'killed', ?, ?, ?, 'exact', 'blue', 'people', 'n')",
                    [f"{art}-3", dead[outlet], dead[outlet], dead[outlet]])
    claim = f"{ev}:c1"
    con.execute("insert into claims (claim_id, event_id, model, n_outlets, label) values (?, ?, 'm', 2, 'x')",
                [claim, ev])
    for outlet in ("oa", "ob"):
        con.execute("insert into claim_sentences (claim_id, sentence_id, outlet_id, similarity) values (?, ?, ?, 0.9)",
                    [claim, f"{ev}-{outlet}-4", outlet])
    con.execute("insert into claim_disagreements (event_id, kind, claim_id, outlet_a, outlet_b, sentence_a,"
                " sentence_b, value_a, value_b, explanation, severity) values (?, 'wording', ?, 'oa', 'ob', ?, ?,"
                " 'raid', 'strike', 'x', 1)", [ev, claim, f"{ev}-oa-4", f"{ev}-ob-4"])


def _rows(con, sql: str, params: list) -> list[str]:
    return sorted(repr(r) for r in con.execute(sql, params).fetchall())


def _weapon_only(con: duckdb.DuckDBPyConnection, ev: str, outlet: str, weapon: str) -> None:
    """A short article of `outlet` in event `ev` that names one weapon system and says nothing else the views read."""
    art = f"{ev}-{outlet}"
    con.execute("insert into articles (article_id, event_id, outlet_id, url, text, text_sha256, revision,"
                " extracted_at) values (?, ?, ?, ?, 't', 'h', 1, now())", [art, ev, outlet, f"u/{art}"])
    con.execute("insert into sentences (sentence_id, article_id, position, part, text, char_start, char_end, n_words,"
                " sentence_sha256) values (?, ?, 0, 'title', 'w', 0, 1, 9, ?)", [f"{art}-0", art, f"{art}-0"])
    con.execute("insert into sentence_analysis (sentence_id, event_id, outlet_id, voice, hostile_act, background,"
                " places, times, loaded_terms, weapons) values (?, ?, ?, 'own', false, false, [], [], [], ?)",
                [f"{art}-0", ev, outlet, [weapon]])


def _two_events(db) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(db))
    for outlet in ("oa", "ob", "oc", "od"):
        con.execute("insert into outlets (outlet_id, name) values (?, ?)", [outlet, outlet.upper()])
    _event(con, "river-1", {"oa": "red", "ob": "blue", "oc": "blue"}, {"oa": 12, "ob": 12, "oc": 40})
    _event(con, "river-2", {"oa": "blue", "ob": "blue", "oc": "red"}, {"oa": 3, "ob": 5, "oc": 5})
    for ev in ("river-1", "river-2"):   # two outlets name each system: a weapon card in each event
        _weapon_only(con, ev, "od", "ballistic missile=Tochka-U")
    return con


def test_an_outlet_is_on_one_side_of_each_events_card_whatever_it_says_of_another_event(db):
    """Outlet C gives the outlying death toll of the first event and the toll most give of the second: each event's
    casualty card has it on its side of that event (the card's key names the side whose dead they are, not the
    event)."""
    con = _two_events(db)
    cards = con.execute("select event_id, value_a, value_b, outlets_a, outlets_b from disagreement_cards"
                        " where kind = 'number' order by event_id").fetchall()
    assert cards == [("river-1", "12", "40", ["oa", "ob"], ["oc"]), ("river-2", "5", "3", ["ob", "oc"], ["oa"])]


def test_each_events_macro_rows_are_its_view_rows(db):
    """`<view>_of(ev)` is the view filtered by the event, for every view of export.EVENT_MACROS; with null, the view."""
    con = _two_events(db)
    for ev in ("river-1", "river-2"):
        for name in MACROS:
            assert _rows(con, f"select * from {name}_of(?)", [ev]) == \
                _rows(con, f"select * from {name} where event_id = ?", [ev]), (ev, name)
        kinds = {r[0] for r in con.execute("select kind from disagreement_cards_of(?)", [ev]).fetchall()}
        assert {"initiator", "framing", "number", "wording", "omission", "weapon"} <= kinds, (ev, kinds)
    for name in MACROS:
        assert _rows(con, f"select * from {name}_of(null)", []) == _rows(con, f"select * from {name}", [])
