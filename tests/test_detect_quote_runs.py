"""Quotations running over several sentences (rashomon/detect/quote_runs.py): every sentence of one is the quoted
source's, never the outlet's own voice (GUIDE §10.1). Sentences written for the test."""

from __future__ import annotations

from rashomon.detect.quote_runs import MAX_RUN, QuoteRun, quote_runs
from rashomon.detect.sentence import analyse_article
from rashomon.realcov.quotes import neutral_event

LONG_QUOTE = [
    "The governor defended the new levy on Friday.",
    "“The roads are falling apart.",
    "Every driver in this state knows it.",
    "We cannot wait another decade,” Governor Ellery said.",
    "The levy takes effect in March.",
]


def test_a_quotation_over_three_sentences_is_one_run_closed_where_its_mark_closes() -> None:
    assert quote_runs(LONG_QUOTE) == [QuoteRun(1, 3, True)]
    assert list(QuoteRun(1, 3, True).inside()) == [2, 3]


def test_straight_marks_and_the_paragraph_convention_reopen_the_same_quotation() -> None:
    texts = ['"We will rebuild the bridge.', '"It will take two years.', 'Nobody will be forgotten," she said.',
             "Work starts in May."]
    assert quote_runs(texts) == [QuoteRun(0, 2, True)]


def test_quotations_closed_inside_their_sentence_make_no_run() -> None:
    assert quote_runs(["“Enough,” he said.", "The vote is on Monday.", 'She called it "a farce".']) == []


def test_a_stray_mark_that_never_closes_is_cut_after_a_few_sentences() -> None:
    texts = ["“An opening mark that never closes."] + [f"Plain sentence number {i}." for i in range(12)]
    runs = quote_runs(texts)
    assert runs == [QuoteRun(0, MAX_RUN, False)]


def test_every_sentence_of_the_run_is_attributed_to_the_speaker_named_after_the_quote(nlp) -> None:
    voices = [a.voice for a in analyse_article(LONG_QUOTE, neutral_event(), nlp=nlp)]
    assert [v.attributed for v in voices] == [False, True, True, True, False]
    for v in voices[1:4]:
        assert "Ellery" in (v.attributed_to or ""), v


def test_a_quote_opened_after_a_cue_keeps_that_speaker_to_its_end(nlp) -> None:
    texts = ["Mayor Okafor told the council: “The budget is balanced.",
             "Taxes will not rise next year.",
             "I give you my word.”",
             "The council adjourned at nine."]
    voices = [a.voice for a in analyse_article(texts, neutral_event(), nlp=nlp)]
    assert [v.attributed for v in voices] == [True, True, True, False]
    assert all("Okafor" in (v.attributed_to or "") for v in voices[:3]), voices


def test_the_speaker_is_never_a_name_inside_the_quotation(nlp) -> None:
    texts = ["“Our patrols came under fire near the villages of",
             "Lower Dalen, Morrow and Tarn,” the ministry spokesman, Ilse Varga, said."]
    voices = [a.voice for a in analyse_article(texts, neutral_event(), nlp=nlp)]
    for v in voices:
        assert v.attributed and "Tarn" not in (v.source_text or "") and "Varga" in (v.source_text or ""), v


def test_calling_something_by_quoted_words_is_the_callers_speech(nlp) -> None:
    voices = [a.voice for a in analyse_article(
        ["Senator Okoye called the housing plan “reckless and cruel.”",
         "The governor pleaded with residents not to “panic or hoard fuel.”",
         "The council called the meeting to order at noon."], neutral_event(), nlp=nlp)]
    assert voices[0].attributed and "Okoye" in (voices[0].source_text or "")
    assert voices[1].attributed and "governor" in (voices[1].source_text or "")
    assert not voices[2].attributed


def test_what_he_called_is_the_enclosing_clauses_subject_not_the_last_speaker(nlp) -> None:
    voices = [a.voice for a in analyse_article(
        ["The senator Maria Lind said the vote was rigged.",
         "Governor Tom Berg later attacked the bill for what he called its “reckless spending.”"],
        neutral_event(), nlp=nlp)]
    assert voices[1].attributed and voices[1].attributed_to == "Tom Berg", voices[1]


def test_a_speech_verb_inside_a_running_quotation_is_part_of_the_quote(nlp) -> None:
    texts = ["“Why does nobody know where the money went?” Mayor Quint asked at the hearing.",
             "“How come nobody kept the receipts?",
             "Let's say the receipts were lost.",
             "Somebody still signed the cheques,” Quint said."]
    voices = [a.voice for a in analyse_article(texts, neutral_event(), nlp=nlp)]
    for v in voices[1:]:
        assert v.attributed and "Quint" in (v.attributed_to or ""), v


def test_a_participle_does_not_take_the_noun_before_it_as_its_speaker(nlp) -> None:
    voices = [a.voice for a in analyse_article(
        ["On Monday, Ruiz left the court full of calm and poise saying she felt no anger."], neutral_event(), nlp=nlp)]
    assert "poise" not in (voices[0].attributed_to or "")


def test_he_does_not_inherit_a_source_that_is_not_a_person(nlp) -> None:
    voices = [a.voice for a in analyse_article(
        ["The briefing underscored how far apart the two camps are.",
         "He indicated he would not drop his demand for new funding."], neutral_event(), nlp=nlp)]
    assert "briefing" not in (voices[1].attributed_to or ""), voices[1]


def test_a_closing_straight_mark_whose_opening_the_page_lost_opens_no_quotation():
    """'…threats," the ministry said.' closes a quotation even when no opening mark was seen (a page that lost it):
    the sentences after it are the outlet's again."""
    texts = ["The other side bears full responsibility for the threats,\" the ministry said.",
             "On Sunday a group of soldiers tried to cross the border.",
             "They went back to their position."]
    assert quote_runs(texts) == []
    assert quote_runs(["\"The border is secure.", "The numbers prove it.", "We hold,\" the minister said."]) == [
        QuoteRun(0, 2, True)]
