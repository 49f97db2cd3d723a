"""Number words, vague quantities and qualifiers ("at least", "about") the count detectors read (numbers.py,
number_words.py); kept apart from lexicon.py, which re-exports them."""

from __future__ import annotations

import re

# --- numbers -----------------------------------------------------------------------------------------------------

NUMBER_WORDS: dict[str, float] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000, "million": 1e6,
    "dozen": 12, "couple": 2, "pair": 2,
}
MULTIPLIERS: dict[str, float] = {"hundred": 100, "thousand": 1000, "million": 1e6, "billion": 1e9, "dozen": 12}
#: Vague plural quantities -> (low, high). "dozens" = 24..99 (at least two dozen, fewer than a hundred).
VAGUE_NUMBERS: dict[str, tuple[float, float]] = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2000, 9999),
    "tens": (20, 99), "several": (3, 9),
}
#: Vague words kept only as casualty counts ("several others wounded"), not as counts of anything else.
CASUALTY_ONLY_VAGUE: frozenset[str] = frozenset({"several"})
#: Words that make a count the two sides' combined toll ("the two sides together lost 63", "in total"): compared only
#: with another combined toll, never with one side's figure.
COMBINED_TOLL = re.compile(r"\b(?:together|combined|in total|both sides|the two sides|on both sides|the two countries|"
                           r"the two armies)\b", re.IGNORECASE)
QUALIFIER_PHRASES: tuple[tuple[str, str], ...] = (
    ("at least", "at_least"), ("no fewer than", "at_least"), ("no less than", "at_least"), ("a minimum of", "at_least"),
    ("more than", "more_than"), ("over", "more_than"), ("upwards of", "more_than"), ("upward of", "more_than"),
    ("in excess of", "more_than"),
    ("above", "more_than"),
    ("up to", "up_to"), ("as many as", "up_to"), ("at most", "up_to"), ("no more than", "up_to"),
    ("fewer than", "up_to"), ("less than", "up_to"), ("under", "up_to"),
    ("about", "about"), ("around", "about"), ("nearly", "about"), ("almost", "about"), ("approximately", "about"),
    ("roughly", "about"), ("some", "about"), ("close to", "about"), ("an estimated", "about"), ("estimated", "about"),
    ("approx.", "about"), ("circa", "about"),
)
#: Qualifiers that exclude the number itself ("more than 12" = 13 or more; "fewer than 10" = 9 or fewer).
EXCLUSIVE_QUALIFIERS: frozenset[str] = frozenset({"more than", "over", "above", "in excess of", "fewer than",
                                                  "less than", "under"})
#: "about N" is read as N ± this fraction (at least ± 1).
ABOUT_TOLERANCE = 0.15
#: Counted nouns that name a group within the victims ("three children", "two generals"): such a count is set only
#: against a count of the same group, never against the whole toll ("three children killed" / "nine people killed").
#: (Lemmas, as `Count.unit` holds them; not "man": "two men were killed" is often the whole toll.)
SUBGROUP_UNITS: frozenset[str] = frozenset({
    "child", "woman", "minor", "baby", "girl", "boy", "teenager", "adult", "sister", "brother", "foreigner",
    "officer", "general", "mercenary", "journalist", "medic", "doctor", "student"})
