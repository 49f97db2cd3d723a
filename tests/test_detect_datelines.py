"""A dateline or a layout label opening a body sentence before a colon (datelines.py) is no source and no part of the
clause: "Moscow: The Kremlin declined …" is the outlet's report from Moscow, not Russia's words. Also two readings of
counts the parser got wrong: a number hung on a modifier ("Two Azerbaijani soldiers") and a comparison dated "since
the war started two years ago". Sentences written for these tests."""

from __future__ import annotations

from spacy.language import Language

from rashomon.detect.datelines import dateline_length
from rashomon.detect.sentence import analyse, analyse_article
from rashomon.sources import Event


def test_datelines_and_labels_are_found() -> None:
    for text, prefix in [("KYIV: Russian troops shelled the port.", "KYIV: "),
                         ("Kyiv: Russian troops shelled the port.", "Kyiv: "),
                         ("Tel Aviv: The army said it struck the depot.", "Tel Aviv: "),
                         ("GAZA STRIP: At least 20 people were killed.", "GAZA STRIP: "),
                         ("AL-MUKALLA: Warplanes bombed the port.", "AL-MUKALLA: "),
                         ("KYIV, Ukraine: Moscow and Kyiv traded blame.", "KYIV, Ukraine: "),
                         ("Update: The toll rose to 12.", "Update: "),
                         ("MOSCOW (Sputnik) - Russian troops shelled the port.", "MOSCOW (Sputnik) - "),
                         ("KYIV, Ukraine (AP) — A missile hit the port.", "KYIV, Ukraine (AP) — "),
                         ("JERUSALEM, May 10 (Xinhua) -- Airstrikes killed 20.", "JERUSALEM, May 10 (Xinhua) -- "),
                         ("AMMAN, Jan 29 — Jordan condemned the attack.", "AMMAN, Jan 29 — "),
                         ("MANILA, Philippines – On Monday the council said.", "MANILA, Philippines – "),
                         ("BEIJING, Jan 12 (APP): A spokesman said.", "BEIJING, Jan 12 (APP): "),
                         ("KIEV, July 17 Militants brought down a plane.", "KIEV, July 17 "),
                         ("Moscow – Hours after the attack, officials said.", "Moscow – ")]:
        assert text[:dateline_length(text)] == prefix, text


def test_sources_and_speakers_before_a_colon_are_no_datelines() -> None:
    for text in ["Kremlin: Washington's denials are ridiculous.", "IDF: Rocket hit the hospital.",
                 "ISPR: Troops repulsed the attack.", "Daniel Hagari: We are on high alert, he said.",
                 "Ukraine: Renewed shelling damaged the plant.", "Armenia: Responsibility lies with Baku.",
                 "Quote: \"We will respond.\"", "Russian troops shelled the port: the strike killed two.",
                 "Kyiv: worker wounded in new Russian strike on the plant",   # a live blog's entry: Kyiv's report
                 "US, UK strike Houthis - The Pentagon said.", "IDF - The army said.",
                 "Hamas - The group said it fired.", "Ukraine – Russia launched drones."]:
        assert dateline_length(text) == 0, text


def test_a_city_dateline_is_not_the_party_speaking(nlp: Language, ukraine: Event) -> None:
    text = "Moscow: Russian troops shelled a market in Kherson on Tuesday, killing three civilians."
    [body] = analyse_article([text], ukraine, nlp=nlp)
    assert not body.voice.attributed   # the outlet's own report, filed from Moscow
    assert [(a.actor, a.action) for a in body.acts][:1] == [("russia", "shell")]
    # the same words under a party's name that is no city stay that party's words (voice._colon_source)
    [labelled] = analyse_article(["Kremlin: Russian troops shelled a market in Kherson on Tuesday."], ukraine, nlp=nlp)
    assert labelled.voice.attributed and labelled.voice.attributed_party == "russia"


def test_a_wire_dateline_does_not_act(nlp: Language, ukraine: Event) -> None:
    # parsed as written, the city was the one striking: Kyiv (Ukraine's alias) killing in a Russian strike
    [lead] = analyse_article(["KYIV, Ukraine (AP) — A Russian missile ripped through an open-air market in eastern "
                              "Ukraine on Wednesday, killing 16 people."], ukraine, nlp=nlp)
    assert {(a.actor, a.actor_text) for a in lead.acts} == {("russia", "A Russian missile")}
    [lead] = analyse_article(["ENERGODAR, Ukraine (Sputnik) - Ukrainian troops struck the Zaporozhye nuclear power "
                              "plant overnight, local authorities said."], ukraine, nlp=nlp)
    assert [(a.actor, a.actor_text) for a in lead.acts] == [("ukraine", "Ukrainian troops")]


def test_a_dateline_lead_is_the_outlets_own_account(nlp: Language, ukraine: Event) -> None:
    # read as Moscow's words, the lead was Russia's admission and no verdict of the outlet's own
    text = "Moscow: Russian troops shelled a market in Kherson on Tuesday, killing three civilians."
    [body] = analyse_article([text], ukraine, nlp=nlp)
    assert body.own_initiator == "russia"
    assert body.text == text   # shown as written
    assert [(c.quantity, c.value) for c in body.numbers] == [("killed", 3.0)]


def test_a_number_hung_on_a_nationality_counts_the_noun(nlp: Language, karabakh: Event, ukraine: Event) -> None:
    # the parser hangs "Two" on "Azerbaijani" (a compound of "soldiers"): the count is of the soldiers
    a = analyse("Two Azerbaijani soldiers have been killed in fresh clashes.", karabakh, nlp=nlp)
    assert [(c.quantity, c.value, c.unit, c.side) for c in a.numbers] == [("killed", 2.0, "soldier", "azerbaijan")]
    a = analyse("Two Russian missiles hit the port.", ukraine, nlp=nlp)
    assert [(c.quantity, c.unit) for c in a.numbers] == [("other", "missile")]


def test_a_comparison_since_years_ago_does_not_date_the_count(nlp: Language, ukraine: Event) -> None:
    a = analyse("The strike killed at least 20 people in Kherson, the deadliest attack on the city since the war "
                "started two years ago.", ukraine, nlp=nlp)
    assert [(c.quantity, c.value) for c in a.numbers] == [("killed", 20.0)]
    # a toll counted since then is still no figure of this event
    a = analyse("The war has killed 10,000 people since it started two years ago.", ukraine, nlp=nlp)
    assert [c.quantity for c in a.numbers] == ["other"]
