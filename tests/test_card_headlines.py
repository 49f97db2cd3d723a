"""A card's headline says only what every outlet on it says (rashomon/cards.py): a wording card is one card per loaded
word, and the outlets on its other side may each use another neutral word (seed report: "AZERTAC says 'illegal
Armenian armed detachments' where Anadolu Agency, Armenpress say 'Armenian armed forces'", although Armenpress said
"Defense Army")."""

from __future__ import annotations

from rashomon.cards import card_from_row

NAMES = {"azertac": "AZERTAC", "anadolu_agency": "Anadolu Agency", "armenpress": "Armenpress"}


def _wording_card(outlets_b: list[str]):
    row = {"card_id": "w", "kind": "wording", "severity": 1, "claim_id": "c", "outlets_a": ["azertac"],
           "outlets_b": outlets_b, "n_pairs": len(outlets_b), "outlet_a": "azertac", "outlet_b": outlets_b[0],
           "sentence_id_a": "s1", "sentence_id_b": "s2", "sentence_a": "Illegal Armenian armed detachments fired.",
           "sentence_b": "Armenian armed forces fired.", "value_a": "illegal Armenian armed detachments",
           "value_b": "Armenian armed forces", "explanation": "x"}
    return card_from_row(row, NAMES, {}, None, set())


def test_a_wording_card_with_one_outlet_on_each_side_quotes_both_words() -> None:
    assert _wording_card(["anadolu_agency"]).headline == (
        "AZERTAC says “illegal Armenian armed detachments” where Anadolu Agency says “Armenian armed forces”")


def test_a_wording_card_does_not_put_one_outlets_word_in_every_outlets_mouth() -> None:
    headline = _wording_card(["anadolu_agency", "armenpress"]).headline
    assert headline == ("AZERTAC says “illegal Armenian armed detachments” where Anadolu Agency, Armenpress use other "
                        "words (Anadolu Agency: “Armenian armed forces”)")
