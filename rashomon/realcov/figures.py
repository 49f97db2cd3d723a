"""The figures a labelled disagreement names, so that a number card counts only when it shows them.

A labelled number disagreement says what differs in words ("POW death toll: 40 (Russian MoD) vs 53 / more than 50
(DPR)"). A card that points at the right sentences but shows other figures ("40 vs 8": prisoners against jail staff)
tells the reader something false, so the benchmark does not count it: each side of a number card must show a figure
the label names, as a number ("53", "two dozen", "5–7") or as the same vague word ("dozens", "several").
"""

from __future__ import annotations

import re

from ..detect.lexicon_numbers import MULTIPLIERS, NUMBER_WORDS, VAGUE_NUMBERS
from ..detect.number_words import run_value

# thousands separators belong to the figure ("1,200"); a comma after it does not ("2, 8, 9 or 12 killed")
_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?|[a-z]+")
_MONTHS = frozenset("jan january feb february mar march apr april may jun june jul july aug august sep sept september "
                    "oct october nov november dec december".split())
_TENS = frozenset(w for w, v in NUMBER_WORDS.items() if 20 <= v <= 90 and v % 10 == 0)   # "twenty" … "ninety"


def named_figures(text: str) -> tuple[set[float], set[str]]:
    """(numbers, vague words) a text names: digits, number words ("twenty-one", "two dozen"), "dozens", "several";
    not the days and years of dates ("13 Sept", "Sept. 13", "2022"). Each run of number words is valued by the
    detectors' own reading (number_words.run_value)."""
    vague: set[str] = set()
    runs: list[list[str]] = []   # an empty run marks a word that is no number: it ends the run before it
    toks = _TOKEN.findall(text.lower())
    for i, tok in enumerate(toks):
        last = runs[-1] if runs else []
        if tok[0].isdigit():
            value = float(tok.replace(",", "").rstrip("."))
            dated = any(0 <= j < len(toks) and toks[j] in _MONTHS for j in (i - 1, i + 1))
            runs.append([] if (dated and value <= 31) or (len(tok) == 4 and 1900 <= value <= 2100) else [tok])
        elif tok in MULTIPLIERS and last:
            last.append(tok)                                   # "two dozen", "three hundred", "3 billion"
        elif tok in NUMBER_WORDS and len(last) == 1 and last[0] in _TENS and NUMBER_WORDS[tok] < 10:
            last.append(tok)                                   # "twenty-one"
        elif tok in NUMBER_WORDS or tok in MULTIPLIERS:
            runs.append([tok])
        else:
            runs.append([])
            if tok in VAGUE_NUMBERS:
                vague.add(tok)
    return {v for r in runs if r and (v := run_value(r)) is not None}, vague


def shows_named_figure(value: str | None, label_text: str) -> bool:
    """Whether a card's figure for one side ("53 / at least 53 / more than 50") names one the label names."""
    if not value:
        return False
    numbers, vague = named_figures(label_text)
    for variant in value.split(" / "):
        n, v = named_figures(variant)
        if n & numbers or v & vague:
            return True
    return False
