"""A dateline or a layout label opening a body sentence (datelines.py) is no source and no part of the clause:
"Moscow: Russian troops shelled …" is the outlet's report from Moscow, not Russia's words, and "KYIV, Ukraine (AP) — A
Russian missile …" has no Kyiv striking. Sentences written for these tests."""

from __future__ import annotations

from spacy.language import Language

from rashomon.detect.datelines import dateline_length
from rashomon.detect.sentence import analyse_article
from rashomon.sources import Event


def test_datelines_and_labels_are_found() -> None:
    for text, prefix in [("KYIV: Russian troops shelled the port.", "KYIV: "),
                         ("Kyiv: Russian troops shelled the port.", "Kyiv: "),
                         ("Tel Aviv: The army said it struck the depot.", "Tel Aviv: "),
                         ("GAZA STRIP: At least 20 people were killed.", "GAZA STRIP: "),
                         ("AL-MUKALLA: Warplanes bombed the port.", "AL-MUKALLA: "),
                         ("UNITED NATIONS: Russia accused Ukraine of the strike.", "UNITED NATIONS: "),
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
                 "Hamas - The group said it fired.", "Ukraine – Russia launched drones.",
                 # speakers' labels in capitals, and a city's quoted words
                 "RUSSIAN MOD: Ukrainian troops shelled the plant.", "HAMAS OFFICIAL: Israeli troops killed 20 people.",
                 "IDF SPOKESMAN: Hamas fired rockets.", "KREMLIN (Peskov) - Ukrainian troops shelled the plant.",
                 "ZELENSKY, speaking in Kyiv: Russia struck the port.", "RUSSIA, UKRAINE - The two traded blame.",
                 'Moscow: "Ukrainian troops shelled the plant."', "Austin: We will respond.",
                 "Palestine: Israel is committing genocide in Gaza."]:
        assert dateline_length(text) == 0, text


def test_datelines_stand_on_the_lead_and_labels_anywhere() -> None:
    assert dateline_length("KYIV: Russian troops shelled the port.", lead=False) == 0
    assert dateline_length("MOSCOW (Sputnik) - Russian troops shelled the port.", lead=False) == 0
    assert dateline_length("Update: The toll rose to 12.", lead=False) == len("Update: ")


def test_a_city_dateline_is_not_the_party_speaking(nlp: Language, ukraine: Event) -> None:
    text = "Moscow: Russian troops shelled a market in Kherson on Tuesday, killing three civilians."
    [body] = analyse_article([text], ukraine, nlp=nlp)
    assert not body.voice.attributed   # the outlet's own report, filed from Moscow
    assert body.own_initiator == "russia"   # read as Moscow's words it was Russia's admission, no verdict of the outlet
    assert [(a.actor, a.action) for a in body.acts][:1] == [("russia", "shell")]
    assert body.text == text   # shown as written
    # the same words under a party's name that is no city stay that party's words (voice._colon_source)
    [labelled] = analyse_article(["Kremlin: Russian troops shelled a market in Kherson on Tuesday."], ukraine, nlp=nlp)
    assert labelled.voice.attributed and labelled.voice.attributed_party == "russia"


def test_a_wire_dateline_does_not_act(nlp: Language, ukraine: Event) -> None:
    # parsed as written, the city was the one striking: Kyiv (Ukraine's alias) killing in a Russian strike
    [lead] = analyse_article(["KYIV, Ukraine (AP) — A Russian missile ripped through an open-air market in eastern "
                              "Ukraine on Wednesday, killing 16 people."], ukraine, nlp=nlp)
    assert {(a.actor, a.actor_text) for a in lead.acts} == {("russia", "A Russian missile")}
    [lead] = analyse_article(["KHERSON, Ukraine (Sputnik) - Ukrainian troops struck the port overnight, local "
                              "authorities said."], ukraine, nlp=nlp)
    assert [(a.actor, a.actor_text) for a in lead.acts] == [("ukraine", "Ukrainian troops")]
