"""The quote-attribution benchmark's own parts (rashomon/realcov/quotes.py), on sentences written for the test; the
benchmark itself reads ../shared/data, which the suite never needs."""

from __future__ import annotations

from rashomon.realcov import quotes


def test_a_span_is_found_in_its_sentence_whatever_the_quote_marks_and_spacing() -> None:
    body = ["The mayor opened the bridge on Monday.",
            "“We waited  twenty years for this,” the mayor said.",
            "Traffic resumed at noon."]
    assert quotes.locate('We waited twenty years for this', body) == 1
    assert quotes.locate("we waited twenty years for this,”", body) == 1


def test_a_span_not_in_any_one_sentence_is_not_located() -> None:
    body = ["The mayor opened the bridge.", "Traffic resumed at noon."]
    assert quotes.locate("bridge. Traffic", body) is None
    assert quotes.locate("a ferry", body) is None
    assert quotes.locate("at", body) is None   # too short to place


def test_named_speakers_give_their_identifying_words_and_classes_give_none() -> None:
    assert quotes.speaker_words("Donald_Trump") == ["donald", "trump"]
    assert quotes.speaker_words("House_Democrats") == []
    assert quotes.speaker_words("Obama_campaign") == ["obama"]
    assert quotes.speaker_words("other_anti") == []
    assert quotes.speaker_words("") == []


def test_the_score_line_names_both_measures_and_the_counts() -> None:
    s = quotes.QuoteScore(spans=10, attributed=9, named=4, named_right=3)
    assert s.line("tune") == ("realcov quotes tune: quote_attributed 0.90 speaker 0.75 "
                              "(quoted spans 10, named speakers 4)")


def test_a_quoted_sentence_is_read_as_attributed_by_the_pipelines_voice_analysis(nlp) -> None:
    from rashomon.detect.sentence import analyse_article

    body = ["The senator spoke to reporters on Tuesday.",
            "“This budget is a disgrace,” Senator Alvarez said."]
    voices = [a.voice for a in analyse_article(body, quotes.neutral_event(), nlp=nlp)]
    assert not voices[0].attributed
    assert voices[1].attributed and "Alvarez" in (voices[1].attributed_to or "")
