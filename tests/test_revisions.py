"""revisions.diff_texts (what changed between two revisions of an article) and diffing (word-level differences)
on a few hand-written sentences."""

from __future__ import annotations

from rashomon.diffing import changed_words, word_diff
from rashomon.revisions import diff_texts

OLD = ("Three soldiers were killed in the shelling overnight. The ministry blamed Northland. "
       "Talks are planned for Friday.")


def test_an_edited_figure_is_named_in_the_summary():
    new = OLD.replace("Three soldiers", "Five soldiers")
    (change,) = diff_texts(OLD, new)
    assert change.kind == "changed"
    assert change.old_sentence.startswith("Three soldiers") and change.new_sentence.startswith("Five soldiers")
    assert change.summary == "a figure changed from three to five"


def test_added_removed_and_reworded_sentences():
    new = ("Three soldiers were killed in the shelling overnight. The ministry accused Northland. "
           "A fourth soldier died in hospital on Wednesday.")
    changes = diff_texts(OLD, new)
    assert [(c.kind, c.summary) for c in changes] == [
        ("changed", "wording changed: removed “blamed”; added “accused”"),
        ("changed", "wording changed: removed “Talks are planned for Friday.”; "
                    "added “A fourth soldier died in hospital on Wednesday.”"),
    ]
    assert [c.kind for c in diff_texts(OLD, OLD + " Both sides deny it.")] == ["added"]
    assert [(c.kind, c.old_sentence) for c in diff_texts(OLD, OLD.rsplit(" Talks", 1)[0])] == [
        ("removed", "Talks are planned for Friday.")]
    assert diff_texts(OLD, OLD) == []


def test_changed_words_gives_the_runs_only_on_each_side():
    assert changed_words("the army shelled two villages", "the army shelled four border villages") == (
        ["two"], ["four border"])
    assert changed_words("same words", "same words") == ([], [])


def test_word_diff_marks_words_not_case_or_punctuation():
    d = word_diff("Azerbaijan's army killed 3 soldiers, officials said.",
                  "azerbaijan’s army killed 5 soldiers officials said.")
    assert d.changed_a == ["3"] and d.changed_b == ["5"]
    # the text is kept as written, spacing included, for display
    assert "".join(s.space + s.text for s in d.a) == "Azerbaijan's army killed 3 soldiers, officials said."
    assert 0.8 < d.ratio < 1.0
    assert word_diff("", "").changed_a == [] and word_diff("a b", "a b").ratio == 1.0
