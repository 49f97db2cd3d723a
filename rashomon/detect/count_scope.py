"""What a count covers, so that two outlets' counts are compared only when they count the same thing.

Two counts of one quantity and side can still count different things: a part of a larger count ("22 people,
including nine children"; "a little girl among the six wounded"), an increment to an earlier figure ("five more
soldiers died"), or a running total against the toll of one report ("11 troops have now been killed" / "three
servicemen were killed"). On the benchmark's dev split such pairs made number cards that no reader lists as a
disagreement. So did figures more than ten times apart ("30,035 killed" in the war against "104" at the aid convoy;
`far_apart`). The words are data (`count_scope.toml`).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

SCOPE_PATH = Path(__file__).with_name("count_scope.toml")


def phrase_alternation(words) -> str:
    """A regex alternation of phrases, longest first, any run of spaces inside one matching any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class CountScope:
    increment: re.Pattern[str]
    increment_after: re.Pattern[str]
    part_before: re.Pattern[str]
    part_after: re.Pattern[str]
    part_of: re.Pattern[str]
    whole_before: re.Pattern[str]
    whole_after_part_of: re.Pattern[str]
    running_total: re.Pattern[str]
    wide_scope: re.Pattern[str]
    small_count_of_things: float
    far_apart_factor: float


@lru_cache(maxsize=1)
def count_scope(path: Path = SCOPE_PATH) -> CountScope:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return CountScope(
        re.compile(rf"\S\s+(?:{phrase_alternation(data['increment_words'])})\b(?!\s+than)", re.IGNORECASE),
        re.compile(rf"^\s+(?:{phrase_alternation(data['increment_words'])})\b(?!\s+than)", re.IGNORECASE),
        re.compile(rf"\b(?:{phrase_alternation(data['part_before'])})[\s,:]*$", re.IGNORECASE),
        re.compile(rf"^\s+(?:{phrase_alternation(data['part_after'])})\b", re.IGNORECASE),
        re.compile(rf"\s(?:{phrase_alternation(data['part_of'])})\s", re.IGNORECASE),
        re.compile(data["whole_before"], re.IGNORECASE),
        re.compile(data["whole_after_part_of"], re.IGNORECASE),
        re.compile(rf"\b(?:{phrase_alternation(data['running_total'])})\b", re.IGNORECASE),
        re.compile(rf"\b(?:{phrase_alternation(data['wide_scope'])})\b", re.IGNORECASE),
        float(data["small_count_of_things"]),
        float(data["far_apart_factor"]),
    )


def partial(count_text: str, sentence: str, after_other_quantity: bool = False) -> bool:
    """Is the count (its words `count_text`, as numbers.Count.text) an increment or a part of another count of
    `sentence`? "five more soldiers", "nine children" in "22 people, including nine children", "two children among
    them", "16 of the Indian soldiers". `after_other_quantity`: an earlier count of the sentence counts another
    quantity, so "more" continues the sentence ("two killed and five more wounded": five wounded), no increment. A
    count whose words are not found in the sentence is taken whole."""
    scope = count_scope()
    if scope.increment.search(count_text) and not after_other_quantity:
        return True   # "five more soldiers"
    pos = sentence.find(count_text)
    if (m := scope.part_of.search(count_text)) and not scope.whole_before.search(sentence[:max(pos, 0)]) \
            and not scope.whole_after_part_of.search(count_text[m.end():]):
        return True   # "16 of the soldiers"; not "all 16 of the soldiers", "16 of the country's soldiers"
    if pos < 0:
        return False
    after = sentence[pos + len(count_text):]
    return bool((scope.increment_after.search(after) and not after_other_quantity)
                or scope.part_before.search(sentence[:pos])
                or scope.part_after.search(after))


def running_total(sentence: str) -> bool:
    """Does the sentence give a toll so far ("have now been killed", "bringing the death toll to 16")?"""
    return bool(count_scope().running_total.search(sentence))


def wide_scope(sentence: str) -> bool:
    """Does the sentence give a toll wider than one event: a war's, a region's, a toll so far ("Russia's war has
    killed more than 9,000 Ukrainian civilians", "killed 55 Ukrainians across the region")?"""
    return running_total(sentence) or bool(count_scope().wide_scope.search(sentence))


def small_count(count) -> bool:
    """Is a count of things (numbers.Count, no casualty count) under `small_count_of_things` ("two boats", "7 rockets",
    "more than 5 drones": its figure as given; a range, its top), so mostly a part the outlet picked out, not the
    event's total?"""
    figure = count.value if count.value is not None else (count.high if count.high is not None else count.low)
    return figure is not None and figure < count_scope().small_count_of_things


def far_apart(a, b) -> bool:
    """Do two counts (numbers.Count) lie more than `far_apart_factor` apart: the smallest figure the larger allows
    over the largest the smaller allows ("2" / "at least 55", "up to 20" / "more than 3,000")? Counts that overlap, or
    are unbounded towards each other, or whose smaller one is zero, are not."""
    for small, big in ((a, b), (b, a)):
        if small.high is not None and big.low is not None and 0 < small.high < big.low:
            return big.low > count_scope().far_apart_factor * small.high
    return False


#: Quantities that are one for comparing counts: the dead are the killed (compare.py too).
SAME_QUANTITY = {"dead": "killed"}


def parts(counts: list, sentence: str) -> list[bool]:
    """For each count of a sentence (numbers.Count, in order), whether it is a part of another count or an increment
    (`partial`: "nine of them children", "including 12 children", "five more soldiers"), "more" read against the
    quantities counted before it. The number cards compare only the others (compare.py, the figure cards of
    sql/views.sql through sentence_numbers.part)."""
    def bucket(c) -> str:
        return SAME_QUANTITY.get(c.quantity, c.quantity)
    return [partial(c.text, sentence, any(bucket(x) != bucket(c) for x in counts[:i])) for i, c in enumerate(counts)]
