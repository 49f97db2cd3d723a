"""Title-case headlines (recase.py): parsed in sentence case, with the article's own names kept capitalised, and
shown as written. Sentences written for these tests."""

from __future__ import annotations

from spacy.language import Language

from rashomon.detect.recase import article_names, is_title_case, parse_article, sentence_case
from rashomon.detect.sentence import analyse, analyse_article
from rashomon.sources import Event


def test_title_case_is_most_words_capitalised() -> None:
    assert is_title_case("Kremlin Categorically Denies Shelling Kherson Market")
    assert is_title_case("Thailand, Cambodia Exchange Fire In Renewed Border Dispute")
    assert not is_title_case("Kremlin denies shelling Kherson market")
    assert not is_title_case("The Kremlin said on Monday that Russian gunners had not shelled the market in Kherson.")
    assert not is_title_case("Kyiv Says So")   # too few words to tell


def test_the_article_tells_its_names() -> None:
    body = ["Kremlin Categorically Denies Shelling Kherson Market",
            "The Kremlin denied on Monday that Russian gunners had shelled the market in Kherson.",
            "“It did not happen,” Peskov told reporters. Officials in Kherson disagreed."]
    names = article_names(body)
    assert {"Kremlin", "Russian", "Kherson", "Monday", "Peskov"} <= names
    assert not {"It", "Officials", "Categorically", "Denies", "Market"} & names   # sentence starts and the headline
    recased = sentence_case(body[0], names)
    assert recased == "Kremlin categorically denies shelling Kherson market"
    assert len(recased) == len(body[0])
    assert sentence_case("UN Team Reaches ZNPP", set()) == "UN team reaches ZNPP"   # capitals stay


def test_a_title_case_headline_is_shown_as_written(nlp: Language) -> None:
    texts = ["Kremlin Categorically Denies Shelling Kherson Market", "The Kremlin denied shelling the market in Kherson."]
    docs = list(parse_article(nlp, texts))
    assert [d.text for d in docs] == texts
    head = docs[0]
    assert [t.text for t in head] == ["Kremlin", "Categorically", "Denies", "Shelling", "Kherson", "Market"]
    assert head[2].pos_ == "VERB" and head[2].dep_ == "ROOT"   # "Denies" is the verb, not part of a name


def test_a_title_case_denial_headline_is_a_denial(nlp: Language, ukraine: Event) -> None:
    texts = ["Kremlin Categorically Denies Shelling Kherson Market",
             "The Kremlin denied on Monday that Russian gunners had shelled the market in Kherson."]
    head = analyse_article(texts, ukraine, nlp=nlp)[0]
    assert head.own_initiator is None
    assert [(a.actor, a.action, a.negated) for a in head.acts] == [("russia", "shell", True)]
    assert not analyse(texts[0], ukraine, nlp=nlp).acts   # parsed as written, the headline held no act at all


def test_a_title_case_accusation_headline_is_the_source_s_blame(nlp: Language, ukraine: Event) -> None:
    texts = ["Kyiv Accuses Russia Of Blowing Up Dam", "Kyiv accused Russia of destroying the dam on the Dnipro."]
    head = analyse_article(texts, ukraine, nlp=nlp)[0]
    assert head.own_initiator is None
    assert head.reported_initiator == "russia"


def test_a_headline_analysed_apart_from_its_body_is_recased_by_the_body(nlp: Language, ukraine: Event) -> None:
    # the pipeline analyses titles alone (analysis.analyse_event_sentences): the body still tells the names
    from rashomon.analysis import analyse_event_sentences

    rows = [{"article_id": "a1", "sentence_id": "s0", "part": "title",
             "text": "Kremlin Categorically Denies Shelling Kherson Market"},
            {"article_id": "a1", "sentence_id": "s1", "part": "body",
             "text": "The Kremlin denied on Monday that Russian gunners had shelled the market in Kherson."}]
    head = analyse_event_sentences(rows, ukraine)["s0"]
    assert head.text == rows[0]["text"]
    assert [(a.actor, a.action, a.negated) for a in head.acts] == [("russia", "shell", True)]
