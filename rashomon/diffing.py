"""Word-level differences between two sentences: for the report's disagreement cards (word_diff) and for the
summary of a changed sentence between two revisions of an article (changed_words).

The diff itself is the standard library's `difflib.SequenceMatcher` over word tokens (no hand-rolled algorithm).
Tokens are compared case-insensitively and punctuation is its own token, so "killed," and "killed" match; the
original text (with its spacing) is kept for display. The result is plain data: the template escapes every piece.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

# a word (letters/digits, with inner apostrophes, hyphens, dots or commas as in "U.S.", "6,500", "cease-fire")
# or a single non-space character (punctuation, quotes)
_TOKEN = re.compile(r"\w+(?:[-'’.,]\w+)*|[^\w\s]")
_QUOTES = re.compile(r"[\"'“”„‟‘’‚‛«»‹›`´]")


@dataclass(frozen=True)
class Token:
    text: str    # the token as written
    space: str   # the whitespace written before it ("" at the start or when glued to the previous token)

    @property
    def key(self) -> str:
        """What is compared: case-folded, every kind of quotation mark or apostrophe the same."""
        return _QUOTES.sub('"', self.text.casefold())

    @property
    def is_word(self) -> bool:
        return any(ch.isalnum() for ch in self.text)


@dataclass(frozen=True)
class Segment:
    text: str      # original text of the run of tokens, with its inner spacing
    space: str     # whitespace before the run
    changed: bool  # True: these words are only in this side's sentence (punctuation alone is never marked)


@dataclass(frozen=True)
class WordDiff:
    a: tuple[Segment, ...]
    b: tuple[Segment, ...]
    ratio: float   # SequenceMatcher similarity of the two token sequences, 0..1

    @property
    def changed_a(self) -> list[str]:
        return [s.text for s in self.a if s.changed]

    @property
    def changed_b(self) -> list[str]:
        return [s.text for s in self.b if s.changed]


def tokenize(text: str) -> list[Token]:
    """Split a sentence into word and punctuation tokens, remembering the spacing before each."""
    tokens: list[Token] = []
    end = 0
    for m in _TOKEN.finditer(text):
        tokens.append(Token(m.group(), text[end:m.start()]))
        end = m.end()
    return tokens


def _segments(tokens: list[Token], spans: list[tuple[int, int, bool]]) -> tuple[Segment, ...]:
    """Runs of tokens with the same mark; a changed run of punctuation only is left unmarked (noise)."""
    out: list[Segment] = []
    for lo, hi, changed in spans:
        run = tokens[lo:hi]
        if not run:
            continue
        changed = changed and any(t.is_word for t in run)
        text = run[0].text + "".join(t.space + t.text for t in run[1:])
        if out and out[-1].changed == changed:
            prev = out.pop()
            out.append(Segment(prev.text + run[0].space + text, prev.space, changed))
        else:
            out.append(Segment(text, run[0].space, changed))
    return tuple(out)


def word_diff(a: str, b: str) -> WordDiff:
    """Mark the words only in `a` and the words only in `b` (equal runs are shared by both)."""
    ta, tb = tokenize(a or ""), tokenize(b or "")
    matcher = difflib.SequenceMatcher(None, [t.key for t in ta], [t.key for t in tb], autojunk=False)
    spans_a: list[tuple[int, int, bool]] = []
    spans_b: list[tuple[int, int, bool]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        same = op == "equal"
        spans_a.append((i1, i2, not same))
        spans_b.append((j1, j2, not same))
    return WordDiff(_segments(ta, spans_a), _segments(tb, spans_b), round(matcher.ratio(), 3))


def changed_words(old: str, new: str) -> tuple[list[str], list[str]]:
    """The runs of words only in `old` and the runs only in `new`, words split on whitespace and compared exactly
    (the revisions' change summaries: "removed “…”; added “…”")."""
    a, b = old.split(), new.split()
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    removed = [" ".join(a[i1:i2]) for op, i1, i2, _, _ in ops if op in ("replace", "delete")]
    added = [" ".join(b[j1:j2]) for op, _, _, j1, j2 in ops if op in ("replace", "insert")]
    return removed, added
