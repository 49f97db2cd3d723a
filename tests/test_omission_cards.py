"""Omission cards when claims overlap: a sentence may sit in several claims, and the claims it joins are one fact to
leave out. One card, every carrier on one side, and no outlet on both sides (seed event: one peacekeepers' sentence
sat in three claims and gave three cards, Reuters "leaving out" on one what it carried on another)."""

from __future__ import annotations

from rashomon import store

from test_report import HAND_SENTENCES, LONG_DELTA, _below_the_lead, build_hand_db, sid

OVERLAPPING = {
    "c-wounded": [("alpha", 1), ("beta", 1)],
    "c-peace-a": [("alpha", 2), ("beta", 2)],     # the two claims share Alpha's sentence
    "c-peace-b": [("alpha", 2), ("gamma", 1)],
}


def _cards(tmp_path):
    sentences, claims = _below_the_lead(dict(HAND_SENTENCES), OVERLAPPING)
    sentences["delta"] = LONG_DELTA
    db = tmp_path / "overlap.duckdb"
    build_hand_db(db, sentence_texts=sentences, claims=claims)
    with store.connect(db) as con:
        return con.execute("select card_id, value_a, outlets_a, outlets_b, sentence_id_a, explanation "
                           "from disagreement_cards where kind = 'omission' order by card_id").fetchall()


def test_overlapping_claims_are_one_omission_card(tmp_path):
    peace = [c for c in _cards(tmp_path) if c[4] == sid("alpha", 5)]   # Alpha's sentence 2, moved below the lead
    assert len(peace) == 1
    _, value_a, outlets_a, outlets_b, _, explanation = peace[0]
    # Beta carries one of the two claims: it reports the fact, it does not leave it out
    assert outlets_a == ["alpha", "beta", "gamma"] and outlets_b == ["delta"]
    assert value_a == "3 outlets" and explanation.startswith("Delta Daily does not report what 3 outlets report")


def test_no_outlet_leaves_out_a_sentence_of_a_claim_it_carries(tmp_path):
    cards = _cards(tmp_path)
    assert cards
    for _, _, outlets_a, outlets_b, shown, _ in cards:
        carriers = {o for ms in OVERLAPPING.values() for o, p in ms
                    if any(sid(o2, p2 + 3) == shown for o2, p2 in ms)}
        assert not set(outlets_b) & (carriers | set(outlets_a)), (shown, outlets_a, outlets_b)
