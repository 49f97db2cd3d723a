"""Weapon systems: the fact sheet's "Weapons named" cell and the weapon card (outlets that name different systems
for the strike and none alike: "Iskander" / "Tochka-U" at Kramatorsk station)."""

from __future__ import annotations

import pytest

from rashomon import store
from rashomon.errors import ConfigError
from rashomon.detect.weapons import weapon_names, weapons
from rashomon.factsheet import FactRow, Fact, fact_columns

from test_report import HAND_SENTENCES, build_hand_db, sid


def test_weapon_systems_named_in_a_sentence():
    assert weapon_names("Russia hit the station with a Tochka-U missile, not an Iskander, the ministry said.") == (
        "ballistic missile=Tochka-U", "ballistic missile=Iskander")
    assert weapon_names("Kyiv says a Kh-101 hit the hospital; Moscow blames a NASAMS interceptor.") == (
        "cruise missile=Kh-101", "air-defence missile=NASAMS")
    assert weapon_names("Tochka U rockets and two Iskanders") == ("ballistic missile=Tochka-U",
                                                                  "ballistic missile=Iskander")
    # a name, not a word: "a patriot", a generic missile, a longer designation are no system
    assert weapon_names("A patriot said a missile hit the S-3000 plant.") == ()
    assert weapon_names("Patriot batteries shot down the Kinzhal.") == ("air-defence missile=Patriot",
                                                                        "ballistic missile=Kinzhal")
    # a name that is also a person's or a word counts only as a weapon's: before a weapon word, in any case, or
    # after "an"
    assert weapon_names("Abdel Fattah al-Burhan met Iskander Ahmadov and Selcuk Bayraktar.") == ()
    assert weapon_names("Ukrainian Army Buk Missile") == ("air-defence missile=Buk",)
    assert weapon_names('The occupiers struck the station with an "Iskander".') == ("ballistic missile=Iskander",)
    assert weapon_names("Shahed-type drones and HIMARS-launched rockets") == ("drone=Shahed", "rocket system=HIMARS")
    assert weapon_names("an S-300V battery fired a KH-101") == ("cruise missile=Kh-101",)


def test_a_bad_weapon_list_is_a_clear_error(tmp_path):
    bad = tmp_path / "weapons.toml"
    bad.write_text('[[weapon]]\nname = "Iskander"\nclass = "ballistic missile"\npatterns = []\n')
    with pytest.raises(ConfigError, match=r"weapons.toml: bad weapon list \(weapon 'Iskander' has no patterns\)"):
        weapons(bad)
    bad.write_text('[[weapon]]\nname = "Iskander"\nclass = "ballistic missile"\npatterns = ["Iskander("]\n')
    with pytest.raises(ConfigError, match=r"weapons.toml: bad weapon list \(missing \)"):
        weapons(bad)


def _db(tmp_path, texts: dict[tuple[str, int], str]):
    """The hand-made event with some sentences replaced by `texts` ((outlet, position) -> text) and their weapon
    systems read by the detector."""
    sentences = {o: list(rows) for o, rows in HAND_SENTENCES.items()}
    for (outlet, position), text in texts.items():
        rows = sentences[outlet]
        old = next((r for r in rows if r[0] == position), None)
        new = (position, text, "attributed", "officials", None)
        if old is None:
            rows.append(new)
        else:
            rows[rows.index(old)] = new
    db = tmp_path / "weapons.duckdb"
    build_hand_db(db, sentence_texts=sentences)
    with store.connect(db) as con:
        for (outlet, position), text in texts.items():
            con.execute("update sentence_analysis set weapons = ? where sentence_id = ?",
                        [list(weapon_names(text)), sid(outlet, position)])
    return db


ISKANDER = "Officials said an Iskander missile hit the station."
TOCHKA = "The ministry said a Tochka-U missile hit the station."


def _weapon_cards(db):
    with store.connect(db, read_only=True) as con:
        return con.execute("select value_a, value_b, outlets_a, outlets_b, explanation from disagreement_cards "
                           "where kind = 'weapon'").fetchall()


def test_outlets_naming_different_systems_make_one_weapon_card(tmp_path):
    db = _db(tmp_path, {("alpha", 2): ISKANDER, ("beta", 3): ISKANDER, ("gamma", 2): TOCHKA, ("delta", 1): TOCHKA})
    (card,) = _weapon_cards(db)
    value_a, value_b, outlets_a, outlets_b, explanation = card
    assert (value_a, value_b) == ("Iskander", "Tochka-U")
    assert outlets_a == ["alpha", "beta"] and outlets_b == ["delta", "gamma"]
    # the card's example is one of its pairs of outlets
    assert explanation == ('Alpha Agency names the weapon "Iskander"; Delta Daily names "Tochka-U", and neither '
                           'names a system the other does.')
    with store.connect(db, read_only=True) as con:
        facts = con.execute("select outlet_id, value, whose from outlet_facts where slot = 'weapon' "
                            "order by outlet_id").fetchall()
    assert facts == [("alpha", "Iskander", "officials"), ("beta", "Iskander", "officials"),
                     ("delta", "Tochka-U", "officials"), ("gamma", "Tochka-U", "officials")]


def test_an_outlet_naming_both_systems_is_on_neither_side(tmp_path):
    both = "Officials said an Iskander, not a Tochka-U, hit the station."
    db = _db(tmp_path, {("alpha", 2): ISKANDER, ("beta", 3): both, ("gamma", 2): TOCHKA, ("delta", 1): TOCHKA})
    (card,) = _weapon_cards(db)
    assert card[2] == ["alpha"] and card[3] == ["delta", "gamma"]


def test_a_system_only_one_outlet_names_makes_no_card(tmp_path):
    # Kalibr by Alpha alone: a detail of the wider barrage more often than a dispute
    db = _db(tmp_path, {("alpha", 2): "Officials said a Kalibr missile hit the station.", ("gamma", 2): TOCHKA,
                        ("delta", 1): TOCHKA})
    assert _weapon_cards(db) == []


def test_the_weapons_column_is_shown_only_when_an_outlet_names_one():
    rows = [FactRow("alpha", "Alpha"), FactRow("beta", "Beta")]
    assert "weapon" not in dict(fact_columns(rows))
    rows[1].cells["weapon"] = [Fact("Iskander, per officials", None)]
    assert dict(fact_columns(rows))["weapon"] == "Weapons named"
    assert "operation" in dict(fact_columns([FactRow("alpha", "Alpha")]))   # the other columns always show


def test_outlets_naming_one_system_alike_make_no_card_whatever_else_they_list(tmp_path):
    # a barrage of several systems: every outlet names the Shahed drones; two also name the Kh-101, two the Kalibr
    kh, kalibr = ("Officials said Shahed drones and Kh-101 missiles hit the city.",
                  "Officials said Shahed drones and Kalibr missiles hit the city.")
    db = _db(tmp_path, {("alpha", 2): kh, ("beta", 3): kh, ("gamma", 2): kalibr, ("delta", 1): kalibr})
    assert _weapon_cards(db) == []
