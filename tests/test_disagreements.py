"""What the seed event's data must say (issue: find and name the disagreements), read from the views users query."""

from __future__ import annotations

from rashomon.kinds import load_kinds

import pytest

from rashomon import store

pytestmark = pytest.mark.slow
EVENT = "karabakh-2022-08-03"


@pytest.fixture(scope="module")
def views(demo_run):
    _, settings = demo_run
    with store.connect(settings.db, read_only=True) as con:
        verdicts = con.execute(
            "select outlet_id, own_voice, attributed_to, says_initiator, evidence_sentence_ids from initiator_by_outlet "
            "where event_id = ?", [EVENT]).fetchall()
        disagreements = con.execute(
            "select kind, outlet_a, outlet_b, sentence_a, sentence_b, value_a, value_b, explanation from disagreements "
            "where event_id = ?", [EVENT]).fetchall()
        initiators = con.execute("select * from initiators where event_id = ?", [EVENT]).fetchall()
        cols = [d[0] for d in con.description]
    return verdicts, disagreements, [dict(zip(cols, r)) for r in initiators]


def _own(verdicts, outlet):
    return {v[3] for v in verdicts if v[0] == outlet and v[1]}


def _quoted(verdicts, outlet):
    return {(v[2], v[3]) for v in verdicts if v[0] == outlet and not v[1]}


def test_seed_outlet_blames_armenia_in_its_own_voice_while_quoting_russia_against_azerbaijan(views):
    verdicts, _, _ = views
    assert _own(verdicts, "anadolu_agency") == {"armenia"}
    assert any(src.startswith("Russia") and party == "azerbaijan" for src, party in _quoted(verdicts, "anadolu_agency"))


def test_russian_and_armenian_accounts_blame_azerbaijan(views):
    verdicts, _, _ = views
    assert ("Russia Defence Ministry", "azerbaijan") in _quoted(verdicts, "tass")
    assert "armenia" not in {p for s, p in _quoted(verdicts, "tass") if s.startswith("Russia")}
    assert _own(verdicts, "armenpress") == {"azerbaijan"}
    # Armenpress quotes "the Ministry of Defense of the Republic of Artsakh": Karabakh's own ministry, named by the
    # event file's loaded alias, not a ministry of no party
    assert ("Armenia / Karabakh Armenians Defence Ministry", "azerbaijan") in _quoted(verdicts, "armenpress")
    assert all(src != "Defence Ministry" for src, _ in _quoted(verdicts, "armenpress"))


def test_wire_and_broadcaster_do_not_blame_in_their_own_voice(views):
    verdicts, _, _ = views
    for outlet in ("reuters", "rferl"):
        assert _own(verdicts, outlet) == set(), outlet


def test_outlets_that_blame_different_parties_are_an_initiator_disagreement(views):
    _, disagreements, _ = views
    pairs = {frozenset((d[1], d[2])) for d in disagreements if d[0] == "initiator"}
    assert frozenset(("anadolu_agency", "armenpress")) in pairs
    for d in disagreements:
        if d[0] == "initiator":
            assert d[3] and d[4] and d[7] and d[1] != d[2]


def test_the_who_started_it_card_lists_only_outlets_that_say_so_in_their_own_words(demo_run):
    """Reuters and RFE/RL relay both sides' accounts and say they could not verify either: they are on neither side
    of the card (an independent reader of the seed pages, 2026-12-04)."""
    _, settings = demo_run
    with store.connect(settings.db, read_only=True) as con:
        sides = con.execute("select outlets_a, outlets_b from disagreement_cards where event_id = ? and kind = "
                            "'initiator'", [EVENT]).fetchall()
    assert sides and all(a and b for a, b in sides)
    listed = {o for a, b in sides for o in (*a, *b)}
    assert {"anadolu_agency", "armenpress"} <= listed and not listed & {"reuters", "rferl"}


def test_figures_for_the_dead_or_wounded_differ_by_outlet(views):
    _, disagreements, _ = views
    numbers = [d for d in disagreements if d[0] == "number"]
    assert numbers, "no number disagreement"
    assert all(d[1] != d[2] and d[5] != d[6] for d in numbers)
    assert any("killed" in d[7] or "wounded" in d[7] for d in numbers)


def test_no_self_contradiction_card_while_the_kind_is_not_shown(views):
    # kinds.toml: "self" is not emitted (none of its 17 cards on the benchmark's dev split matched a labelled
    # disagreement; the seed's was the Azerbaijani ministry's account of its own fire read as self-blame)
    _, disagreements, _ = views
    assert not load_kinds().shown("self")
    assert not [d for d in disagreements if d[0] == "self"]


def test_every_initiator_row_is_a_party_or_unknown_with_its_voice(views):
    _, _, initiators = views
    assert initiators
    parties = {"armenia", "azerbaijan", "russia", "eu", "us", "unknown"}
    for row in initiators:
        assert row["actor_party"] in parties
        assert row["voice"] in ("own", "attributed")
        assert (row["voice"] == "own") == (row["attributed_to"] is None)


def test_every_explanation_reads_as_a_sentence(views):
    _, disagreements, _ = views
    for d in disagreements:
        assert d[7] and d[7][0].isupper() and d[7].rstrip().endswith((".", "”", '"')), d
        assert "{" not in d[7] and "None" not in d[7], d


def test_days_are_compared_only_for_the_same_act_and_attribution_is_not_a_card(db):
    """A claim may join different facts: "talks on Monday" vs "the attack on Tuesday" is no disagreement, the same
    attack dated Monday and Tuesday is one, a clock time always is; own words vs a source stays in
    claim_disagreements (for SQL) but is not shown. Each shown row belongs to a card of `disagreement_cards`."""
    import duckdb

    con = duckdb.connect(str(db))
    con.execute("insert into events (event_id, title, window_start, window_end, keywords, parties) values "
                "('e', 'E', '2022-08-01', '2022-08-05', [], '[]')")
    acts = {"a1": ("armenia", "attack"), "b1": ("armenia", "attack"), "a2": ("azerbaijan", "talks"),
            "b2": ("armenia", "attack")}
    for sid, (actor, action) in acts.items():
        con.execute("insert into sentence_acts (sentence_id, act_no, actor_party, actor_text, action, target_party,"
                    " target_text, initiating, background, negated, reported, evidence)"
                    " values (?, 0, ?, ?, ?, null, null, true, false, false, false, 'x')", [sid, actor, actor, action])
    rows = [("time", "a1", "b1", "monday", "tuesday"), ("time", "a2", "b2", "monday", "tuesday"),
            ("time", "a2", "b2", "06:05", "06:07"), ("attribution", "a1", "b1", "own", "Defence Ministry")]
    for kind, sa, sb, va, vb in rows:
        con.execute("insert into claim_disagreements (event_id, kind, claim_id, outlet_a, outlet_b, sentence_a,"
                    " sentence_b, value_a, value_b, explanation, severity) values ('e', ?, 'c', 'oa', 'ob', ?, ?, ?, ?,"
                    " 'x', 2)", [kind, sa, sb, va, vb])
    shown = con.execute("select kind, sentence_id_a, value_a, card_id from disagreements order by value_a").fetchall()
    assert [r[:3] for r in shown] == [("time", "a2", "06:05"), ("time", "a1", "monday")]
    cards = con.execute("select card_id from disagreement_cards").fetchall()
    assert sorted(c for (c,) in cards) == sorted(r[3] for r in shown)
    assert con.execute("select count(*) from claim_disagreements where kind = 'attribution'").fetchone() == (1,)


def test_the_operation_named_revenge_by_some_and_retribution_by_tass_is_one_framing_card(demo_run):
    _, settings = demo_run
    with store.connect(settings.db, read_only=True) as con:
        names = con.execute("select outlet_id, name, side from operation_names where event_id = ?", [EVENT]).fetchall()
        cards = con.execute("select value_a, value_b, outlets_a, outlets_b, explanation from disagreement_cards "
                            "where event_id = ? and kind = 'framing' and 'Revenge' in (value_a, value_b)",
                            [EVENT]).fetchall()
        facts = con.execute("select outlet_id, value from outlet_facts where event_id = ? and slot = 'operation'",
                            [EVENT]).fetchall()
    assert ("tass", "Retribution", "azerbaijan") in names and ("azertac", "Revenge", "azerbaijan") in names
    assert len(cards) == 1
    (a, b, outlets_a, outlets_b, explanation), = cards
    by_name = {a: set(outlets_a), b: set(outlets_b)}
    assert by_name["Retribution"] == {"tass"} and {"azertac", "anadolu_agency", "reuters"} <= by_name["Revenge"]
    assert '"Revenge"' in explanation and '"Retribution"' in explanation
    # Reuters' "its forces had responded with an operation it named 'Revenge'" names no actor: the side is the one
    # the other outlets give the name
    assert ("reuters", "Revenge", "azerbaijan") in names and ("reuters", "Revenge") in facts


def test_khankendi_and_stepanakert_are_one_framing_card_not_a_place_dispute(demo_run):
    _, settings = demo_run
    with store.connect(settings.db, read_only=True) as con:
        cards = con.execute("select value_a, value_b, outlets_a, outlets_b from disagreement_cards "
                            "where event_id = ? and kind = 'framing'", [EVENT]).fetchall()
        places = con.execute("select value_a, value_b from disagreement_cards where event_id = ? and kind = 'place'",
                             [EVENT]).fetchall()
    named = {frozenset((a, b)): (set(oa), set(ob)) for a, b, oa, ob in cards}
    assert frozenset(("Khankendi", "Stepanakert")) in named
    assert "azertac" in set().union(*named[frozenset(("Khankendi", "Stepanakert"))])
    assert not any({"Khankendi", "Stepanakert"} & {a, b} for a, b in places)


def test_a_contested_place_name_is_one_framing_card_and_who_started_it_one_card(demo_run):
    """One card per disagreement: "Artsakh" / "Nagorno-Karabakh" is a framing card and not a wording card too; the
    outlets' own verdicts (parties by id) and a claim's two sentences (parties by name) naming Armenia and Azerbaijan
    are one who-started-it card."""
    _, settings = demo_run
    with store.connect(settings.db, read_only=True) as con:
        kinds = con.execute("select kind from disagreement_cards where event_id = ? and 'Artsakh' in (value_a, value_b)",
                            [EVENT]).fetchall()
        initiator = con.execute("select count(*) from disagreement_cards where event_id = ? and kind = 'initiator'",
                                [EVENT]).fetchone()[0]
    assert kinds == [("framing",)]
    assert initiator == 1


def test_no_figure_place_time_or_wording_card_from_an_earlier_war(demo_run):
    """Background sentences (the 2020 war, the 1990s) give no card: "Patriotic War" vs "2020 war" is no disagreement
    about this event (an independent reader of the seed report judged such cards noise)."""
    _, settings = demo_run
    with store.connect(settings.db, read_only=True) as con:
        rows = con.execute(
            "select d.kind, d.value_a, d.value_b from disagreements d "
            "join sentence_analysis a on a.sentence_id = d.sentence_id_a "
            "join sentence_analysis b on b.sentence_id = d.sentence_id_b "
            "where d.event_id = ? and d.kind in ('number', 'place', 'time', 'wording') "
            "and (a.background or b.background)", [EVENT]).fetchall()
        seed_background = con.execute("select count(*) from sentence_analysis where event_id = ? and background",
                                      [EVENT]).fetchone()[0]
    assert seed_background > 0   # the seed has background sentences to leave out
    assert rows == []


def test_each_sides_source_blaming_the_other_is_no_initiator_card(db):
    """Outlet A quotes X's ministry ("Y started it"), outlet B quotes Y's army ("X did"): that is the mutual blame the
    who-started-it table shows, not two accounts differing; nor is X's ministry blaming Y in one outlet and Z in
    another, nor two outlets each quoting someone with no own-voice word on it. A source against an outlet's own
    words stays a card."""
    import duckdb

    con = duckdb.connect(str(db))
    con.execute("insert into events (event_id, title, window_start, window_end, keywords, parties) values "
                "('e', 'E', '2022-08-01', '2022-08-05', [], '[]')")
    # a3 / b3: one speaker (x) blaming two parties, relayed by two outlets: one account, no card either
    # a4 / b4: two outlets each quoting a third party's source (x blames y, w blames x), neither saying anything in
    # its own voice: whom their sources blame is the who-started-it table's, no card
    rows = {"a1": ("attributed", "x", "y"), "b1": ("attributed", "y", "x"), "a2": ("attributed", "x", "y"),
            "b2": ("own", None, "x"), "a3": ("attributed", "x", "y"), "b3": ("attributed", "x", "z"),
            "a4": ("attributed", "x", "y"), "b4": ("attributed", "w", "x")}
    for sid, (voice, source, actor) in rows.items():
        con.execute("insert into sentence_initiators values (?, ?, ?, ?, ?, 'attack', null)",
                    [sid, voice, source and f"{source} ministry", source, actor])
    for sa, sb in (("a1", "b1"), ("a2", "b2"), ("a3", "b3"), ("a4", "b4")):
        con.execute("insert into claim_disagreements (event_id, kind, claim_id, outlet_a, outlet_b, sentence_a,"
                    " sentence_b, value_a, value_b, explanation, severity) values ('e', 'initiator', 'c', 'oa', 'ob',"
                    " ?, ?, 'Y', 'X', 'x', 3)", [sa, sb])
    shown = con.execute("select sentence_id_a, sentence_id_b from disagreements where kind = 'initiator'").fetchall()
    assert shown == [("a2", "b2")]
