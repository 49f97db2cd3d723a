"""One card per disagreement, and an outlet on one side of it only (issue 12), on rows written for the test."""

from __future__ import annotations

import duckdb
import pytest

from rashomon import factsheet

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


def _sentence(con, outlet: str, n: int) -> str:
    """Body sentence `n` of `outlet`'s article (made on first use); returns its id."""
    sid = f"{outlet}-{n}"
    con.execute("insert into articles (article_id, event_id, outlet_id, url, text, text_sha256, revision, extracted_at)"
                " values (?, 'e', ?, ?, 't', 'h', 1, now()) on conflict do nothing", [outlet, outlet, f"u/{outlet}"])
    con.execute("insert into sentences (sentence_id, article_id, position, part, text, char_start, char_end, n_words,"
                " sentence_sha256) values (?, ?, ?, 'body', 't', 0, 1, 1, ?)", [sid, outlet, n, sid])
    return sid


def _figure(con, outlet: str, n: int, quantity: str, value: float | None, qualifier: str = "exact",
            low: float | None = None, high: float | None = None, side: str = "x") -> str:
    """An article of `outlet` with one body sentence giving one casualty figure; returns the sentence id."""
    sid = _sentence(con, outlet, n)
    con.execute("insert into sentence_analysis (sentence_id, event_id, outlet_id, voice, hostile_act, background)"
                " values (?, 'e', ?, 'own', true, false)", [sid, outlet])
    con.execute("insert into sentence_numbers (sentence_id, number_no, quantity, value, low, high, qualifier, party,"
                " unit, text) values (?, 0, ?, ?, ?, ?, ?, ?, 'people', 'n')",
                [sid, quantity, value, low if low is not None else value, high if high is not None else value,
                 qualifier, side])
    return sid


def test_the_outlets_figures_for_one_sides_dead_make_one_card_against_the_figure_most_give(db):
    """Three outlets give 30 dead ("30", "more than 30", "about 30"), one gives 45 and another "at least 52": one card,
    the three against the two, whatever claims joined their sentences; a claim's sentences setting 30 against 45
    for two of those outlets are no second card. Wounded: 2 against 9, one outlet each, is a tie: no main figure,
    no card; vague plurals ("dozens") are no figure, and a card of their own only where they rule the figure out."""
    con = duckdb.connect(str(db))
    _event(con)
    _figure(con, "oa", 1, "killed", 30)
    _figure(con, "ob", 1, "dead", 30, "more_than", low=31, high=None)
    _figure(con, "oc", 1, "killed", 30, "about", low=25, high=35)
    sd = _figure(con, "od", 1, "killed", 45)
    _figure(con, "oe", 1, "killed", 52, "at_least", high=None)
    _figure(con, "of", 1, "killed", None, "vague", low=24, high=99)
    _figure(con, "oa", 2, "wounded", 2)
    _figure(con, "ob", 2, "injured", 9)
    _row(con, "number", "oa", "od", "oa-1", sd, "30", "45")
    cards = con.execute("select kind, value_a, value_b, outlets_a, outlets_b from disagreement_cards "
                        "order by value_b").fetchall()
    # … "dozens" (24-99) can be 30: no card for the words
    assert cards == [("number", "30", "45 / at least 52", ["oa", "ob", "oc"], ["od", "oe"])]
    # … but an outlet whose words rule the figure out ("hundreds") is a card of its own (issue 12)
    con.execute("update sentence_numbers set low = 200, high = 999 where sentence_id = 'of-1'")
    cards = con.execute("select kind, value_a, value_b, outlets_a, outlets_b from disagreement_cards "
                        "order by value_b").fetchall()
    assert cards == [("number", "30", "45 / at least 52", ["oa", "ob", "oc"], ["od", "oe"]),
                     ("number", "30", "n", ["oa", "ob", "oc"], ["of"])]


def test_an_outlet_giving_only_words_for_a_toll_others_give_as_a_figure_is_a_card(db):
    """Two outlets say 2 soldiers were killed, a third only "several soldiers": one card, the figure against the
    words. An outlet that gives a figure too, or words for another side, is on no side of it; with no main figure
    (one outlet's "2" against another's "3") there is nothing to set the words against."""
    con = duckdb.connect(str(db))
    _event(con)
    _figure(con, "oa", 1, "killed", 2)
    _figure(con, "ob", 1, "dead", 2)
    sid = _figure(con, "oc", 1, "killed", None, "vague", low=3, high=9)
    con.execute("update sentence_numbers set text = 'several soldiers' where sentence_id = ?", [sid])
    _figure(con, "oa", 2, "killed", None, "vague", low=3, high=9)     # oa also gives words: it keeps its figure
    _figure(con, "od", 1, "killed", None, "vague", low=3, high=9, side="y")   # another side's dead
    cards = con.execute("select kind, value_a, value_b, outlets_a, outlets_b, explanation "
                        "from disagreement_cards").fetchall()
    assert [c[:5] for c in cards] == [("number", "2", "several soldiers", ["oa", "ob"], ["oc"])]
    assert 'only "several soldiers"' in cards[0][5]
    con.execute("update sentence_numbers set value = 3, low = 3, high = 3 where sentence_id = 'ob-1'")
    assert con.execute("select count(*) from disagreement_cards").fetchone() == (0,)


def test_two_outlets_relaying_one_partys_statement_in_other_words_is_no_wording_card(db):
    """Outlet A quotes the army ("a terrorist rocket"), outlet B reports the same army's statement ("militants'
    rocket"): one party speaks in both, so the outlets do not word it differently. A's quote against B's own words
    stays a wording card."""
    con = duckdb.connect(str(db))
    _event(con)
    for sid, outlet, voice, party in (("a1", "oa", "attributed", "x"), ("b1", "ob", "attributed", "x"),
                                      ("b2", "ob", "own", None)):
        con.execute("insert into sentence_analysis (sentence_id, event_id, outlet_id, voice, attributed_party,"
                    " hostile_act, background, loaded_terms) values (?, 'e', ?, ?, ?, true, false, ['terrorist'])",
                    [sid, outlet, voice, party])
    _row(con, "wording", "oa", "ob", "a1", "b1", "terrorist", "militants")
    _row(con, "wording", "oa", "ob", "a1", "b2", "terrorist", "fighters")
    shown = con.execute("select sentence_id_a, sentence_id_b from disagreements").fetchall()
    assert shown == [("a1", "b2")]


def test_the_fact_sheet_shows_the_words_of_a_vague_toll(db):
    """The fact sheet cell of an outlet that says "several others were wounded" reads "several" (the word), not an
    empty figure; a vague word the view does not list is shown as written."""
    con = duckdb.connect(str(db))
    _event(con)
    sid = _figure(con, "oa", 1, "wounded", None, "vague", low=3, high=9)
    con.execute("update sentence_numbers set text = 'several others' where sentence_id = ?", [sid])
    sid = _figure(con, "ob", 1, "wounded", None, "vague", low=3, high=9)
    con.execute("update sentence_numbers set text = 'a great many' where sentence_id = ?", [sid])
    values = con.execute("select outlet_id, value from outlet_facts where slot = 'wounded' order by 1").fetchall()
    assert values == [("oa", "several"), ("ob", "a great many")]


def test_words_that_no_outlets_figure_fits_are_a_card_even_without_a_main_figure(db):
    """The seed event's wounded: 14, 19 and "more than a dozen" (no figure most outlets agree on), and TASS's
    "several others" (3-9), which none of them fits: one card, every outlet's figure against the words. Words one
    of the figures fits make no card."""
    con = duckdb.connect(str(db))
    _event(con)
    _figure(con, "oa", 1, "wounded", 14)
    _figure(con, "ob", 1, "wounded", 19)
    _figure(con, "oc", 1, "wounded", 12, "more_than", low=13, high=None)
    sid = _figure(con, "od", 1, "wounded", None, "vague", low=3, high=9)
    con.execute("update sentence_numbers set text = 'several others' where sentence_id = ?", [sid])
    cards = con.execute("select kind, value_a, value_b, outlets_a, outlets_b from disagreement_cards").fetchall()
    assert cards == [("number", "14 / 19 / more than 12", "several others", ["oa", "ob", "oc"], ["od"])]
    con.execute("update sentence_numbers set low = 10, high = 20 where sentence_id = ?", [sid])
    assert con.execute("select count(*) from disagreement_cards").fetchone() == (0,)
    # an open bound allows words above it: a main figure "more than 20" and "dozens" (24-99) can both be true
    con.execute("update sentence_numbers set low = 24, high = 99 where sentence_id = ?", [sid])
    con.execute("update sentence_numbers set value = 20, low = 21, high = null, qualifier = 'more_than' "
                "where sentence_id in ('oa-1', 'ob-1', 'oc-1')")
    assert con.execute("select count(*) from disagreement_cards where list_contains(outlets_b, 'od')").fetchone() == (0,)


def test_two_outlets_that_both_give_a_figure_do_not_disagree_on_it(db):
    """A gives 63 dead and later 89 (the toll raised); B gives 63 only. A claim joining A's 89 with B's 63 is no
    card: each outlet gives the figure the other is set against. C's 400 against the 63 both give stays a card."""
    con = duckdb.connect(str(db))
    _event(con)
    _figure(con, "oa", 1, "killed", 63)
    a2 = _figure(con, "oa", 2, "killed", 89)
    b1 = _figure(con, "ob", 1, "killed", 63)
    c1 = _figure(con, "oc", 1, "killed", 400)
    _row(con, "number", "oa", "ob", a2, b1, "89", "63")
    _row(con, "number", "oc", "ob", c1, b1, "400", "63")
    shown = con.execute("select value_a, value_b, outlets_a, outlets_b from disagreement_cards").fetchall()
    assert shown == [("63", "400", ["oa", "ob"], ["oc"])]


def test_the_other_figures_of_a_card_are_listed_once_each_smallest_first(db):
    """Four outlets give 34 dead; three others give 21, "more than 20" (twice) and 32: the card lists each of their
    figures once, in order of size."""
    con = duckdb.connect(str(db))
    _event(con)
    for o in ("oa", "ob", "oc", "od"):
        _figure(con, o, 1, "killed", 34)
    _figure(con, "oe", 1, "killed", 32)
    _figure(con, "oe", 2, "killed", 20, "more_than", low=21, high=None)
    _figure(con, "of", 1, "killed", 20, "more_than", low=21, high=None)
    _figure(con, "og", 1, "killed", 21)
    cards = con.execute("select value_a, value_b, outlets_b from disagreement_cards").fetchall()
    assert cards == [("34", "more than 20 / 21 / 32", ["oe", "of", "og"])]


def test_a_figure_both_give_for_another_kind_of_casualty_keeps_the_card(db):
    """A says 2 killed, B 3 killed; both say 3 wounded. The claim's "2 vs 3" killed card stays: they share a wounded
    figure, not a toll of the dead (a reviewer's case)."""
    con = duckdb.connect(str(db))
    _event(con)
    a1 = _figure(con, "oa", 1, "killed", 2)
    b1 = _figure(con, "ob", 1, "killed", 3)
    _figure(con, "oa", 2, "wounded", 3)
    _figure(con, "ob", 2, "wounded", 3)
    _row(con, "number", "oa", "ob", a1, b1, "2", "3")
    shown = con.execute("select value_a, value_b from disagreements where kind = 'number'").fetchall()
    assert shown == [("2", "3")]


def test_an_outlet_giving_only_a_range_is_on_the_card(db):
    """Four outlets give 34 dead; E gives "5–7" only: E is on the other side of the card with its range (its figure
    has no single value; it was on neither side)."""
    con = duckdb.connect(str(db))
    _event(con)
    for o in ("oa", "ob", "oc", "od"):
        _figure(con, o, 1, "killed", 34)
    _figure(con, "oe", 1, "killed", None, "range", low=5, high=7)
    _figure(con, "of", 1, "killed", 6)
    cards = con.execute("select value_a, value_b, outlets_b from disagreement_cards").fetchall()
    assert cards == [("34", "5–7 / 6", ["oe", "of"])]


def test_a_figure_with_no_side_takes_the_side_every_other_figure_of_its_article_names(db):
    """"30 people were killed" in an article whose other figures are all Ukrainians counts Ukrainians (the fact
    sheet says the side is inferred); in an article whose figures name two sides it keeps no side; an article with
    no figure naming a side takes the event's side for that kind of casualty when three or more articles give one and
    two thirds of them name it."""
    con = duckdb.connect(str(db))
    _event(con)
    _figure(con, "oa", 1, "wounded", 80, side="ukraine")
    _figure(con, "oa", 2, "killed", 30, side=None)
    _figure(con, "ob", 1, "wounded", 2, side="ukraine")
    _figure(con, "ob", 2, "wounded", 3, side="russia")
    _figure(con, "ob", 3, "killed", 5, side=None)
    for outlet, n in (("oc", 31), ("oe", 32), ("of", 33)):
        _figure(con, outlet, 1, "killed", n, side="ukraine")
    _figure(con, "od", 1, "killed", 29, side=None)
    rows = con.execute("select outlet_id, value, side, side_from from casualty_figures where slot = 'killed'"
                       " order by 1").fetchall()
    assert rows == [("oa", 30, "ukraine", "article"), ("ob", 5, None, None), ("oc", 31, "ukraine", "sentence"),
                    ("od", 29, "ukraine", "event"), ("oe", 32, "ukraine", "sentence"), ("of", 33, "ukraine", "sentence")]
    cells = dict(con.execute("select outlet_id, side from outlet_facts where slot = 'killed'").fetchall())
    assert cells == {"oa": "ukraine", "ob": None, "oc": "ukraine", "od": "ukraine", "oe": "ukraine", "of": "ukraine"}
    sheet = {r.outlet_id: [f.text for f in r.cells["killed"]]
             for r in factsheet.fact_rows(con, "e", ["oa", "ob", "oc"], {}, {"ukraine": "Ukraine"}, set())}
    assert sheet == {"oa": ["30 (Ukraine, inferred)"], "ob": ["5 (side not named)"], "oc": ["31 (Ukraine)"]}
    # the number cards compare the detectors' sides only: 29 and 30 (inferred) are no card against 31-33
    assert con.execute("select count(*) from disagreement_cards where kind = 'number'").fetchone() == (0,)


def test_no_side_is_lent_by_a_zero_by_one_article_or_by_another_incident(db):
    """A reviewer's cases: "no soldiers of X were hurt" (zero) lends no side; one article naming a side does not
    decide the event's (two of three is needed, of three or more); a background figure (another incident) neither
    lends nor takes a side; one figure read with its side in one sentence and without in another is one cell."""
    con = duckdb.connect(str(db))
    _event(con)
    _figure(con, "oa", 1, "killed", 0, side="x")
    _figure(con, "oa", 2, "killed", 3, side=None)
    _figure(con, "ob", 1, "killed", 9, side="x")
    _figure(con, "oc", 1, "killed", 7, side=None)
    sid = _figure(con, "ob", 2, "killed", 40, side=None)
    con.execute("update sentence_analysis set background = true where sentence_id = ?", [sid])
    _figure(con, "od", 1, "wounded", 3, side="x")
    _figure(con, "od", 2, "wounded", 3, side=None)
    rows = con.execute("select outlet_id, value, side, side_from from casualty_figures order by 1, 2").fetchall()
    assert rows == [("oa", 0, "x", "sentence"), ("oa", 3, None, None), ("ob", 9, "x", "sentence"),
                    ("ob", 40, None, None), ("oc", 7, None, None), ("od", 3, "x", "sentence"),
                    ("od", 3, "x", "article")]
    cells = con.execute("select value, side, side_from from outlet_facts where outlet_id = 'od'").fetchall()
    assert cells == [("3", "x", "sentence")]


def _operation(con, outlet: str, n: int, name: str, actor: str | None) -> None:
    """A sentence of `outlet` naming the operation `name`, with an act by `actor` (None: no act)."""
    sid = _sentence(con, outlet, n)
    con.execute("insert into sentence_analysis (sentence_id, event_id, outlet_id, voice, hostile_act, background,"
                " operations) values (?, 'e', ?, 'own', true, false, [?])", [sid, outlet, name])
    if actor is not None:
        con.execute("insert into sentence_acts (sentence_id, act_no, actor_party, actor_text, action, target_party,"
                    " target_text, initiating, background, negated, reported, evidence)"
                    " values (?, 0, ?, ?, 'attack', null, null, true, false, false, false, 'x')", [sid, actor, actor])


def test_an_operation_named_without_an_actor_takes_the_side_the_name_has_elsewhere(db):
    """Reuters' "its forces responded with an operation it named 'Revenge'" names no actor: the side is the one other
    sentences give "Revenge", once per outlet and name; a name two sides are given stays without one; so does a name
    no other sentence gives a side."""
    con = duckdb.connect(str(db))
    _event(con)
    _operation(con, "az", 0, "Revenge", "azerbaijan")
    _operation(con, "rt", 0, "Revenge", "azerbaijan")
    _operation(con, "rt", 1, "Revenge", None)          # the same outlet, once with and once without an actor
    _operation(con, "ru", 0, "revenge", None)          # the name folded to lower case across outlets
    _operation(con, "ta", 0, "Retribution", None)      # no other sentence gives this name a side
    _operation(con, "a1", 0, "Storm", "armenia")
    _operation(con, "a2", 0, "Storm", "azerbaijan")
    _operation(con, "a3", 0, "Storm", None)            # two sides named: left without one
    rows = con.execute("select outlet_id, lower(name), side, len(sentence_ids) from operation_names "
                       "order by all").fetchall()
    assert rows == [("a1", "storm", "armenia", 1), ("a2", "storm", "azerbaijan", 1), ("a3", "storm", None, 1),
                    ("az", "revenge", "azerbaijan", 1), ("rt", "revenge", "azerbaijan", 2),
                    ("ru", "revenge", "azerbaijan", 1),
                    ("ta", "retribution", None, 1)]


def test_a_part_of_an_outlets_figure_is_no_figure_of_the_card(db):
    """Three outlets say 20 were killed, two adding "nine of them children" (a part: sentence_numbers.part),
    two others say 15 and 9: the card sets 20 against "9 / 15". Read as whole figures, the two outlets' nines would
    agree with the fifth outlet's 9 and tie it with 20: no main figure, no card."""
    con = duckdb.connect(str(db))
    _event(con)
    for outlet in ("oa", "ob", "oc"):
        _figure(con, outlet, 1, "killed", 20)
    for outlet in ("oa", "ob"):
        sid = _figure(con, outlet, 2, "killed", 9)
        con.execute("update sentence_numbers set part = true, text = 'nine of them children' where sentence_id = ?",
                    [sid])
    _figure(con, "od", 1, "killed", 15)
    _figure(con, "oe", 1, "killed", 9)   # a whole figure of 9 stays one
    cards = con.execute("select value_a, value_b, outlets_a, outlets_b from disagreement_cards").fetchall()
    assert cards == [("20", "9 / 15", ["oa", "ob", "oc"], ["od", "oe"])]
    # the fact sheet and casualty_figures keep the part: it is a figure the article gives
    assert con.execute("select count(*) from casualty_figures where part").fetchone() == (2,)
