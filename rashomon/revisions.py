"""What changed between two revisions of an article: sentence-level diff (difflib) with a readable summary (the
words that changed inside a sentence come from rashomon.diffing)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from .detect.lexicon_numbers import NUMBER_WORDS
from .diffing import changed_words
from .segment import normalise, split_sentences

_NUMBER = re.compile(r"\b(\d[\d,.]*|" + "|".join(sorted(map(re.escape, NUMBER_WORDS), key=len, reverse=True)) + r")\b", re.I)


@dataclass(frozen=True)
class Change:
    kind: str                 # changed | added | removed
    old_sentence: str | None
    new_sentence: str | None
    summary: str


def _numbers(text: str) -> list[str]:
    return [m.group(1).lower().rstrip(".,") for m in _NUMBER.finditer(text)]


def _summary(old: str, new: str) -> str:
    a, b = _numbers(old), _numbers(new)
    if a != b and len(a) == len(b):
        pairs = [(x, y) for x, y in zip(a, b) if x != y]
        figures = "; ".join(f"from {x} to {y}" for x, y in pairs)
        return f"a figure changed {figures}" if len(pairs) == 1 else f"figures changed {figures}"
    removed, added = changed_words(old, new)
    parts = []
    if removed:
        parts.append("removed “" + " … ".join(removed)[:120] + "”")
    if added:
        parts.append("added “" + " … ".join(added)[:120] + "”")
    return "wording changed: " + "; ".join(parts) if parts else "wording changed"


def diff_texts(old_text: str, new_text: str) -> list[Change]:
    old = [normalise(s.text) for s in split_sentences(None, old_text)]
    new = [normalise(s.text) for s in split_sentences(None, new_text)]
    out: list[Change] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        olds, news = old[i1:i2], new[j1:j2]
        for k in range(max(len(olds), len(news))):
            o = olds[k] if k < len(olds) else None
            n = news[k] if k < len(news) else None
            if o and n:
                out.append(Change("changed", o, n, _summary(o, n)))
            elif n:
                out.append(Change("added", None, n, "sentence added"))
            else:
                out.append(Change("removed", o, None, "sentence removed"))
    return out
