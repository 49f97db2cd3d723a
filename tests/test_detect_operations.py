"""Operation names (rashomon/detect/operations.py) in the forms real coverage uses."""

from __future__ import annotations

import pytest

from rashomon.detect.operations import operation_names


@pytest.mark.parametrize("text, names", [
    ('The ministry said its forces had responded with an operation it named "Revenge".', ("Revenge",)),
    ("\"As a result of the 'Revenge' retaliatory measure carried out by the army, the peak was taken,\" it added.",
     ("Revenge",)),
    ('Baku said its units had then carried out an operation codenamed "Retribution".', ("Retribution",)),
    ("India launched Operation Sindoor early on Wednesday.", ("Sindoor",)),
    ("Pakistan named its response Operation Bunyan-um-Marsoos.", ("Bunyan-um-Marsoos",)),
    ('The army said the operation "Revenge" (Qisas) was a success, and the "Revenge" operation went on.',
     ("Revenge",)),
    ('Israel launched Operation Iron Swords; Hamas called its attack "Al-Aqsa Flood" operation.',
     ("Iron Swords", "Al-Aqsa Flood")),
])
def test_names(text: str, names: tuple[str, ...]) -> None:
    assert operation_names(text) == names


@pytest.mark.parametrize("text", [
    "Azerbaijan launched a military operation on Tuesday.",
    'Israel launched a "massive" operation.',
    "Operation forces were deployed to the border.",
    "The Operation Command said the situation was calm.",
])
def test_no_names(text: str) -> None:
    assert operation_names(text) == ()


# --- contested place names (rashomon/detect/toponyms.py, toponyms.toml) ----------------------------------------

from rashomon.detect.toponyms import load_toponyms, same_toponym, toponym_names  # noqa: E402


def test_contested_place_names_in_text_order() -> None:
    text = "Kyiv said the strike hit Kharkiv; Moscow's statement spoke of Kiev and Kharkov."
    assert toponym_names(text) == ("Kyiv=Kyiv", "Kharkiv=Kharkiv", "Kyiv=Kiev", "Kharkiv=Kharkov")


def test_a_longer_name_is_one_name_and_words_inside_other_words_are_none() -> None:
    assert toponym_names("Police entered Kosovo and Metohija.") == ("Kosovo=Kosovo and Metohija",)
    assert toponym_names("The Kievan Rus and Kyivstar are not places here.") == ()


def test_neutral_synonyms_are_one_place_but_never_a_framing_name() -> None:
    assert toponym_names("The Kerch Bridge, also called the Crimean Bridge, was hit.") == ()
    assert same_toponym("the Kerch Strait Bridge", "Crimean bridge")
    assert same_toponym("Khankendi", "the city of Stepanakert") and not same_toponym("Goris", "Lachin")


def test_every_entry_has_distinct_names() -> None:
    for t in load_toponyms():
        assert len(set(t.names)) == len(t.names), t.place


def test_a_broken_list_is_a_clear_error(tmp_path) -> None:
    from rashomon.errors import ConfigError

    bad = tmp_path / "toponyms.toml"
    bad.write_text('[[place]]\nnames = ["Only one"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"toponyms.toml: place\[0\].names"):
        load_toponyms(bad)
