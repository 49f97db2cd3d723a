"""The figures a labelled disagreement names, so that a number card counts only when it shows them.

A labelled number disagreement says what differs in words ("POW death toll: 40 (Russian MoD) vs 53 / more than 50
(DPR)"). A card that points at the right sentences but shows other figures ("40 vs 8": prisoners against jail staff)
tells the reader something false, so the benchmark does not count it: each side of a number card must show a figure
the label names, as a number ("53", "two dozen", "5–7") or as the same vague word ("dozens", "several").
"""

from __future__ import annotations

import re

from ..detect.lexicon import MULTIPLIERS, NUMBER_WORDS, VAGUE_NUMBERS

_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[a-z]+")
_MONTHS = frozenset("jan january feb february mar march apr april may jun june jul july aug august sep sept september "
                    "oct october nov november dec december".split())


def named_figures(text: str) -> tuple[set[float], set[str]]:
    """(numbers, vague words) a text names: digits, number words ("twenty-one", "two dozen"), "dozens", "several";
    not the days and years of dates ("13 Sept", "Sept. 13", "2022")."""
    numbers: set[float] = set()
    vague: set[str] = set()
    prev: float | None = None
    toks = _TOKEN.findall(text.lower())
    for i, tok in enumerate(toks):
        value: float | None = None
        if tok[0].isdigit():
            dated = any(0 <= j < len(toks) and toks[j] in _MONTHS for j in (i - 1, i + 1))
            value = float(tok.replace(",", "").rstrip("."))
            if (dated and value <= 31) or (len(tok) == 4 and 1900 <= value <= 2100):
                prev = None
                continue
        elif tok in VAGUE_NUMBERS:
            vague.add(tok)
        elif tok in NUMBER_WORDS or tok in MULTIPLIERS:
            value = NUMBER_WORDS.get(tok, MULTIPLIERS.get(tok))
            if prev is not None and tok in MULTIPLIERS:
                numbers.discard(prev)
                value = prev * MULTIPLIERS[tok]            # "two dozen", "three hundred"
            elif prev is not None and prev % 10 == 0 and 20 <= prev <= 90 and value < 10:
                numbers.discard(prev)
                value = prev + value                       # "twenty-one"
        if value is not None:
            numbers.add(value)
        prev = value
    return numbers, vague


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
