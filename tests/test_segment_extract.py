from __future__ import annotations

import pytest

from rashomon.errors import ExtractError
from rashomon.extract import extract_article
from rashomon.segment import sentence_hash, split_sentences


def test_offsets_point_at_the_sentence_text():
    title = "Clashes flare in Karabakh"
    text = 'Fighting resumed on Wednesday. "The ceasefire was violated," the ministry said.\nA second paragraph follows here.'
    sents = split_sentences(title, text)
    assert sents[0].part == "title" and sents[0].text == title
    body = [s for s in sents if s.part == "body"]
    assert [s.text for s in body] == [
        "Fighting resumed on Wednesday.",
        '"The ceasefire was violated," the ministry said.',
        "A second paragraph follows here.",
    ]
    for s in body:
        assert text[s.char_start : s.char_end] == s.text
    assert [s.position for s in sents] == list(range(len(sents)))


def test_a_piece_cut_inside_a_name_or_after_a_clock_time_joins_the_next():
    """The parser cuts some sentences where no sentence ends ("… the Phra Wihan" | "Khiri temple …", a live page's
    "09:15:" before its entry); every sentence then ends with a stop, and offsets still point at the text."""
    text = ("Soldiers traded fire near the ruins of Prasat Ta Muen Thom temple, the border police said. "
            "Prasat Ta Muen Thom lies on a ridge that both countries claim, and the police closed the road.\n"
            "09:15: The defence ministry said two of its posts near the ruins had come under fire before dawn.")
    sentences = split_sentences(None, text)
    assert [s.text for s in sentences] == [
        "Soldiers traded fire near the ruins of Prasat Ta Muen Thom temple, the border police said.",
        "Prasat Ta Muen Thom lies on a ridge that both countries claim, and the police closed the road.",
        "09:15: The defence ministry said two of its posts near the ruins had come under fire before dawn.",
    ]
    for s in sentences:
        assert text[s.char_start:s.char_end] == s.text


def test_a_dateline_cut_before_the_lead_stays_apart():
    text = "PHNOM PENH, May 2 (Wire) -- Border guards of the two countries traded fire at dawn, officials said."
    assert [s.text for s in split_sentences(None, text)] == [
        "PHNOM PENH, May 2 (Wire) --", "Border guards of the two countries traded fire at dawn, officials said."]


def test_hash_ignores_whitespace_only():
    assert sentence_hash("A  soldier\nwas killed.") == sentence_hash("A soldier was killed.")
    assert sentence_hash("A soldier was killed.") != sentence_hash("Two soldiers were killed.")


def test_extract_drops_navigation_and_footer(seed_event_dir):
    page = next((seed_event_dir / "site" / "tass" / "news").glob("*.html"))
    art = extract_article(page.read_bytes(), "http://127.0.0.1/tass/news/x.html")
    assert "Saribaba" in art.text
    assert art.title and art.published_at is not None
    assert art.canonical_url.startswith("https://tass.com/")
    for chrome in ("Subscribe", "All rights reserved", "©"):
        assert chrome not in art.text


@pytest.mark.parametrize("html", [b"", b"<html><body><nav>Home</nav></body></html>", bytes(range(256)) * 20])
def test_empty_or_garbage_page_is_a_clear_extract_error(html):
    with pytest.raises(ExtractError):
        extract_article(html, "http://127.0.0.1/x.html")


def test_publication_time_comes_from_the_page_when_the_url_only_gives_the_day(seed_event_dir):
    """The Reuters URL carries the date; the page's article:published_time meta has the time as well."""
    page = next((seed_event_dir / "site" / "reuters" / "news").glob("*.html"))
    art = extract_article(page.read_bytes(), "http://127.0.0.1/reuters/news/" + page.name)
    assert art.published_at.isoformat() == "2022-08-03T15:52:00+00:00"
