"""Omission cards when claims overlap: a sentence may sit in several claims, and the claims it joins are one fact to
leave out. One card, every carrier on one side, and no outlet on both sides (seed event: one peacekeepers' sentence
sat in three claims and gave three cards, Reuters "leaving out" on one what it carried on another)."""

from __future__ import annotations

from rashomon import store

from test_report import (HAND_CLAIMS, HAND_SENTENCES, LONG_DELTA, _below_the_lead, _insert, _left_out_with_delta,
                         build_hand_db, sid)

OVERLAPPING = {
    "c-wounded": [("alpha", 1), ("gamma", 3)],    # no passage with either (other carriers, or sentences apart)
    "c-peace-a": [("alpha", 2), ("beta", 2)],     # the two claims share Alpha's sentence
    "c-peace-b": [("alpha", 2), ("gamma", 1)],
}


def _cards(tmp_path, claims_by_hand: dict[str, list] = OVERLAPPING, name: str = "overlap", extra: dict | None = None):
    sentences, claims = _below_the_lead({o: rows + (extra or {}).get(o, []) for o, rows in HAND_SENTENCES.items()},
                                        claims_by_hand)
    sentences["delta"] = LONG_DELTA
    db = tmp_path / f"{name}.duckdb"
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


def test_claims_linked_through_another_are_one_omission_card(tmp_path):
    """A and C share no sentence, but each shares one with B: all three are one fact left out, one card (each claim
    used to be keyed by the first claim it overlapped, so A and B made one card and C another)."""
    chain = {"c-a": [("alpha", 1), ("beta", 1)],
             "c-b": [("beta", 1), ("gamma", 1)],
             "c-c": [("gamma", 1), ("alpha", 2)]}
    left_out = [c for c in _cards(tmp_path, chain, "chain") if "delta" in c[3]]
    assert len(left_out) == 1
    assert left_out[0][2] == ["alpha", "beta", "gamma"] and left_out[0][3] == ["delta"]


def test_one_passage_of_the_same_outlets_is_one_omission_card(tmp_path):
    """Two claims the same outlets carry in neighbouring sentences (seed event: the EU's call for "an immediate
    cessation of hostilities" and its spokesperson's words, in Anadolu, Reuters and RFE/RL) are one passage: Delta
    leaves it out once, not twice. Sentences apart, or other carriers, are two facts."""
    passage = {"c-call": [("alpha", 1), ("beta", 1)], "c-words": [("alpha", 2), ("beta", 2)]}
    assert len([c for c in _cards(tmp_path, passage, "passage") if c[3] == ["delta"]]) == 1
    apart = {"c-call": [("alpha", 1), ("beta", 1)], "c-words": [("alpha", 2), ("beta", 3)]}
    assert len([c for c in _cards(tmp_path, apart, "apart") if c[3] == ["delta"]]) == 2
    others = {"c-call": [("alpha", 1), ("beta", 1)], "c-words": [("alpha", 2), ("beta", 2), ("gamma", 1)]}
    assert len([c for c in _cards(tmp_path, others, "others") if c[3] == ["delta"]]) == 2


def test_a_run_of_neighbouring_claims_is_no_passage(tmp_path):
    """Three claims two outlets carry in three neighbouring sentences is a story copied whole (a wire story two
    outlets reprint), several facts: three cards, not one that names one fact and hides the others."""
    run = {"c-1": [("alpha", 1), ("beta", 1)], "c-2": [("alpha", 2), ("beta", 2)], "c-3": [("alpha", 3), ("beta", 3)]}
    extra = {"alpha": [(3, "Schools in the border villages were closed.", "own", None, None)]}
    assert len([c for c in _cards(tmp_path, run, "run", extra) if c[3] == ["delta"]]) == 3


def test_an_outlet_giving_the_claims_figure_in_other_words_has_not_left_it_out(tmp_path):
    """Delta's sentence is only near the wounded claim (cosine 0.55, under the 0.65 a paraphrase needs), but it gives
    the same figure as one of the claim's sentences: 14 of Armenia's people wounded. Delta carries the fact (seed
    event: TASS's "a serviceman of the Azerbaijani army had died after coming under fire" and Reuters' "an
    Azerbaijani conscript was killed by fire", cosine 0.53). Another figure, or a sentence far from the claim, is no
    such sign."""
    delta = "Delta's correspondent counted fourteen wounded soldiers at the field hospital."
    alpha_14 = (sid("alpha", 4), "wounded", 14.0, "armenia")     # Alpha's sentence 1, moved below the lead

    def left_out(delta_value: float, noise: float, name: str) -> list[tuple]:
        delta_figure = (sid("delta", 2), "injured", delta_value, "armenia")
        return _left_out_with_delta(tmp_path, delta, noise=noise, name=name, numbers=[alpha_14, delta_figure])

    assert left_out(14.0, 1.5, "same") == [("c-peace", "delta")]                              # cosine 0.55
    assert left_out(16.0, 1.5, "other") == [("c-peace", "delta"), ("c-wounded", "delta")]
    assert left_out(14.0, 3.0, "far") == [("c-peace", "delta"), ("c-wounded", "delta")]       # cosine 0.32


def _account_cards(tmp_path, delta_extra: list | None = None, name: str = "account") -> list[tuple]:
    """The hand-made event with Beta Press also quoting the Russian Defence Ministry's blame of Azerbaijan (twice, as
    Gamma Wire does, so that the blame gate keeps it) and Delta Daily's long article (`delta_extra`: sentences
    replacing its last ones)."""
    sentences = dict(HAND_SENTENCES)
    sentences["beta"] = HAND_SENTENCES["beta"] + [
        (4, "The Russian Defence Ministry said Azerbaijan violated the ceasefire.", "attributed",
         "Russia Defence Ministry", "azerbaijan"),
        (5, "The ministry said Azerbaijani forces had opened fire first.", "attributed", "Russia Defence Ministry",
         "azerbaijan")]
    delta = list(LONG_DELTA)
    for row in delta_extra or []:
        delta[row[0]] = row
    sentences["delta"] = delta
    db = tmp_path / f"{name}.duckdb"
    build_hand_db(db, sentence_texts=sentences)
    with store.connect(db) as con:
        for table in ("sentence_analysis", "sentence_initiators"):   # the hand-made rows name sources, not parties
            con.execute(f"update {table} set attributed_party = 'russia' where attributed_to like 'Russia %'")
        return con.execute("select value_a, value_b, outlets_a, outlets_b, sentence_id_a, explanation "
                           "from disagreement_cards where kind = 'omission' and claim_id is null").fetchall()


def test_a_partys_account_most_outlets_carry_is_left_out_by_an_outlet_quoting_none_of_it(tmp_path):
    """Two of the four outlets quote Russia blaming Azerbaijan: Delta Daily, whose long article quotes nothing of
    Russia, leaves that account out (Alpha Agency's three sentences are too few to say so)."""
    (card,) = _account_cards(tmp_path)
    value_a, value_b, outlets_a, outlets_b, shown, explanation = card
    assert value_a == "the account of Russia that Azerbaijan started it" and value_b == "not reported"
    assert outlets_a == ["beta", "gamma"] and outlets_b == ["delta"]
    assert shown == sid("beta", 4)          # the first sentence of the outlet shown that gives the account
    assert explanation == ("Delta Daily does not report the account of Russia that Azerbaijan started it, which 2 "
                           "outlets report (e.g. Beta Press).")


def test_an_outlet_quoting_that_party_or_saying_it_itself_has_not_left_the_account_out(tmp_path):
    quoting = (5, "Russia's foreign ministry said it was following the talks closely.", "attributed",
               "Russia Foreign Ministry", None)
    assert _account_cards(tmp_path, [quoting], "quoting") == []
    own_voice = (5, "Azerbaijan broke the ceasefire first, the clashes showed.", "own", None, "azerbaijan")
    assert _account_cards(tmp_path, [own_voice], "own") == []


#: The hand-made claims but the wounded one: no claim left out gives the wounded figures.
NO_WOUNDED_CLAIM = {c: ms for c, ms in HAND_CLAIMS.items() if c != "c-wounded"}


def _figure_cards(tmp_path, figures: dict[str, tuple], delta_extra: list | None = None, name: str = "figures",
                  claims: dict[str, list] = NO_WOUNDED_CLAIM):
    """The omission cards that name no claim when the detectors read `figures` ({sentence id: (quantity, value,
    party)}) and Delta Daily's long article has `delta_extra` (sentences replacing its last ones)."""
    sentences, claims = _below_the_lead(dict(HAND_SENTENCES), claims)
    delta = list(LONG_DELTA)
    for row in delta_extra or []:
        delta[row[0]] = row
    sentences["delta"] = delta
    db = tmp_path / f"{name}.duckdb"
    build_hand_db(db, sentence_texts=sentences, claims=claims)
    with store.connect(db) as con:
        for number_no, (sentence_id, (quantity, value, party)) in enumerate(figures.items()):
            _insert(con, "sentence_numbers", sentence_id=sentence_id, number_no=number_no, quantity=quantity,
                    value=value, low=value, high=value, qualifier="exact", party=party, unit="people",
                    text=str(value), part=False)
        return con.execute("select value_a, outlets_a, outlets_b, sentence_id_a, explanation from disagreement_cards "
                           "where kind = 'omission' and claim_id is null").fetchall()


#: Alpha's and Beta's wounded sentences (position 1, moved below the lead) give 14 and 19 of Armenia's people.
WOUNDED = {sid("alpha", 4): ("wounded", 14.0, "armenia"), sid("beta", 4): ("injured", 19.0, "armenia")}


def test_a_casualty_figure_most_outlets_give_is_left_out_by_an_outlet_giving_none(tmp_path):
    """Two of the four outlets give a figure for Armenia's wounded (not the same one); Delta Daily's long article gives
    none and speaks of no wounded at all: one card, whatever the figures. Gamma Wire's four sentences are too few."""
    (card,) = _figure_cards(tmp_path, WOUNDED)
    value_a, outlets_a, outlets_b, shown, explanation = card
    assert value_a == "any figure for the wounded (Armenia)"
    assert outlets_a == ["alpha", "beta"] and outlets_b == ["delta"] and shown == sid("alpha", 4)
    assert explanation == ("Delta Daily does not report any figure for the wounded (Armenia), which 2 outlets report "
                           "(e.g. Alpha Agency).")


def test_no_figure_omission_for_words_another_sides_figure_or_one_carrier(tmp_path):
    """Delta speaking of wounded without a number ("several were hurt": the words are there, a figure the detectors
    missed may be too), or giving a figure of wounded for the other side (a side read wrongly is no omission), has
    not left the figure out; nor is a figure one outlet gives most outlets' figure."""
    for i, words in enumerate(("Several soldiers were hurt in the clashes.", "Three people were taken to hospital.",
                               "The clashes caused casualties on both sides.")):
        assert _figure_cards(tmp_path, WOUNDED, [(5, words, "own", None, None)], f"words{i}") == [], words
    other_side = [(5, "Three Azerbaijani servicemen were evacuated from the front.", "own", None, None)]
    assert _figure_cards(tmp_path, {**WOUNDED, sid("delta", 5): ("wounded", 3.0, "azerbaijan")}, other_side,
                         "other") == []
    assert _figure_cards(tmp_path, {sid("alpha", 4): ("wounded", 14.0, "armenia")}, name="one") == []


def test_no_figure_omission_card_beside_the_card_of_a_claim_giving_that_figure(tmp_path):
    """Delta leaves out the wounded claim, whose sentences give Armenia's wounded: that claim's omission card shows it,
    and no second card says the same of the figure (benchmark dev: seven such pairs of cards)."""
    assert _figure_cards(tmp_path, WOUNDED, name="claim", claims=HAND_CLAIMS) == []
