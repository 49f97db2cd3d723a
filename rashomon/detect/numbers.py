"""Casualty and other counts in a sentence, with their qualifiers, normalised to intervals.

Each count has a `quantity` (killed, wounded, dead, missing, captured, or other), a `qualifier` and an interval
[`low`, `high`] (None = unbounded) that `compare` uses to decide whether two counts can both be true:

- exact "two soldiers" → value 2, [2, 2]; "an Azerbaijani soldier was killed" → 1 (a/an counts as one only before
  a noun for a person with a casualty word: killed, wounded, …);
- at_least "at least 14" → [14, None];  more_than "more than a dozen" → [13, None] ("over" likewise);
- up_to "up to 30" → [None, 30];  "fewer than 10" → [None, 9];
- about "about/around/nearly/some 40" → 40 ± 15 % (at least ± 1): [34, 46];
- range "between 50 and 60" / "50 to 60" / "50-60" → [50, 60], value None;
- vague plurals, qualifier "vague", value None: "dozens" → [24, 99] (two dozen or more, fewer than a hundred),
  "scores" → [40, 99], "hundreds" → [200, 999], "thousands" → [2000, 9999].

Years, dates, times, percentages, money, ordinals, measurements ("10 km", "two days", "44-day") and unit names
("Su-25", "S-300") are not counts; a number the tagger reads as a date or quantity still counts when it counts
people ("Between 70 and 80 servicemen were killed") or is the subject of a casualty verb ("… and 32 had been
injured"). "No one" is a zero (zero_counts.py), never a count of one.

The counted quantity comes from the counted word ("14 wounded", "two prisoners"), the verb after it ("were killed",
"were reported missing", "lost their lives"; "were taken to hospital" is wounded), a modifier, the governing verb
("killed at least 52 people", "wounded 30 more/others", "killed 13 hostages" — a casualty verb outranks a status
noun), "the bodies of 42 servicemen", "the death toll rose to 57", for "including 12 children" the count it belongs
to, for "the deaths of a colonel and two soldiers" the first person's, or a casualty verb just before the count
("kills at least 30" in a headline).
People are casualty nouns (lexicon.CASUALTY_NOUNS), party mentions and plural nationalities ("2,215 Palestinians").

The `party` is the party named in the counted noun phrase ("two Armenian soldiers", "servicemen of the X army",
"50 of its servicemen"), an "on the X side" phrase or the subject of "lost" ("the X side lost 207 servicemen");
else the reporting source's (a side reports its own losses: "Baku says 50 soldiers killed"; not "X said it killed 30
militants"). `side` is whose people, also by place and context (victim_sides.py: "30 people killed at a station in
eastern X" are X's, whoever reports them). "Killed or injured" is neither figure; `unit`: the noun's lemma.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ._syntax import PartyIndex, child, prep_object
from .count_quantity import is_person, quantity_word, read_quantity
from .lexicon import CASUALTY_NOUNS, UNIT_NOUNS
from .lexicon_numbers import CASUALTY_ONLY_VAGUE, MULTIPLIERS, VAGUE_NUMBERS
from .count_parts import part_of_them
from .count_sides import JOINT, merge_conjoined
from .number_words import SKIP_ENTS, YEAR, interval, numberish, qualifier_before, run_value, skip
from .parties import PartyMatcher
from .zero_counts import no_one, zero_counts
from .other_incidents import in_earlier_incident
from .victim_sides import CasualtyContext, VictimSides, combined, victim_words
from .war_totals import war_total

log = logging.getLogger(__name__)

QUANTITIES = ("killed", "wounded", "dead", "missing", "captured", "other")
# which one, not how many: "a second soldier was wounded" is no count of one
_ORDINALS = {"second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "latest", "last"}
_VERB_TAGS = {"VBD", "VBZ", "VBP", "VBN", "VBG", "VB", "NNS"}   # NNS: a headline's verb tagged as a plural noun


@dataclass(frozen=True)
class Count:
    """One count: quantity, value (None for ranges and vague plurals), interval [low, high] (None = unbounded),
    qualifier (exact, at_least, about, range, more_than, up_to), the party counted, the words it was read from,
    and the counted noun's lemma."""

    quantity: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    party: str | None
    text: str
    unit: str | None = None
    side: str | None = None   # whose people, also by place and context (victim_sides.py); `party`: named/reported


def _days_after(t: Token) -> bool:
    """Is `t` in a clause set a time apart ("one day after …", "hours after …")? Used with in_earlier_incident for
    "a civilian": an act the headline says an operation answered ("… after Armenia attacked and killed an
    Azerbaijani soldier") is this event's own."""
    return any(c.lower_ in {"after", "following"} and any(
        g.dep_ == "npadvmod" and g.lemma_.lower() in {"hour", "day", "week", "month", "year"} for g in c.children)
        for a in t.ancestors for c in a.children)


def _party(noun: Token | None, arg: Token, pidx: PartyIndex) -> str | None:
    if noun is not None:
        p = pidx.party_of(noun)
        if p is not None:
            return p
    verb = arg.head
    if arg.dep_ == "dobj" and verb.lemma_.lower() == "lose":  # "the X side lost 207 servicemen"
        subj = child(verb, "nsubj")
        p = pidx.party_of(subj) if subj is not None else None
        if p is not None:
            return p
    for _ in range(3):
        side = prep_object(verb, "on")
        if side is not None and side.lemma_.lower() == "side":
            return pidx.party_of(side)
        if verb.dep_ in {"conj", "xcomp", "ccomp"}:
            verb = verb.head
        else:
            break
    return None


def extract_numbers(sent: Span, matcher: PartyMatcher, source_party: str | None = None,
                    context_place: str | None = None, context: CasualtyContext | None = None) -> list[Count]:
    """The counts in `sent`, in text order (see the module docstring). `source_party`: the party of the sentence's
    source (voice.py), the side of casualty figures whose noun names none; `context_place`: the party of the place
    an earlier sentence of the article located the event in (victim_sides.py); `context`: whose people the
    article's earlier sentences counted (victim_sides.CasualtyContext)."""
    pidx = PartyIndex.build(sent, matcher)
    sides = VictimSides(sent, matcher, pidx, source_party, context_place, context)
    doc = sent.doc
    counts: list[Count] = []
    used: set[int] = set()
    i = sent.start
    while i < sent.end:
        t = doc[i]
        if i in used or not numberish(t) or skip(t, ents=False) or no_one(t):   # "No one was hurt": a zero
            i += 1
            continue
        # the entity type (DATE, QUANTITY …) is checked once the counted noun is known: "Between 70 and 80
        # servicemen" is sometimes tagged as a date
        ent_skip = t.ent_type_ in SKIP_ENTS
        # the run of number words: "a dozen", "twenty - five", "1.5 million"
        start = i
        if i > sent.start and doc[i - 1].lower_ in {"a", "an"} and t.lower_ in MULTIPLIERS:
            start = i - 1
        end = i
        while end + 1 < sent.end and (numberish(doc[end + 1]) or (
                doc[end + 1].text == "-" and end + 2 < sent.end and numberish(doc[end + 2])
                and doc[end].is_alpha)) and not YEAR.match(doc[end + 1].text):
            end += 1
        words = [w.text for w in doc[start:end + 1]]
        vague = VAGUE_NUMBERS.get(words[-1].lower()) if len(words) == 1 else None
        value = None if vague else run_value(words)
        if value is None and vague is None:
            i = end + 1
            continue
        qualifier, phrase, qstart = qualifier_before(sent, start)
        low: float | None
        high: float | None
        last = end
        if vague is not None:
            low, high = vague
            qualifier = "vague" if qualifier == "exact" else qualifier
        else:
            low, high = interval(value, qualifier, phrase)  # type: ignore[arg-type]
        # ranges: "between 50 and 60", "50 to 60", "50-60"
        if vague is None and end + 2 < sent.end and doc[end + 1].lower_ in {"and", "to", "-", "–", "or"} \
                and numberish(doc[end + 2]) and not skip(doc[end + 2], ents=False):
            prev_word = doc[start - 1].lower_ if start > sent.start else ""
            if doc[end + 1].lower_ != "and" or prev_word in {"between", "from"}:
                j = end + 2
                while j + 1 < sent.end and numberish(doc[j + 1]):
                    j += 1
                other = run_value([w.text for w in doc[end + 2:j + 1]])
                if other is not None and value is not None:
                    if prev_word in {"between", "from"}:
                        qstart = start - 1
                    low, high, value, qualifier, last = min(value, other), max(value, other), None, "range", j
                    used.update(range(end + 1, j + 1))
        main = doc[last]
        # the token of the run whose head lies outside it carries the syntax
        for k in range(start, last + 1):
            if not (start <= doc[k].head.i <= last):
                main = doc[k]
                break
        noun: Token | None = None
        arg = main
        if main.dep_ in {"nummod", "quantmod", "amod", "compound", "det"} and main.head.pos_ in {"NOUN", "PROPN", "ADJ",
                                                                                                 "VERB"}:
            noun = main.head
            while noun.dep_ in {"compound", "amod"} and noun.head.i > noun.i and noun.head.pos_ == "NOUN":
                noun = noun.head   # "Two Azerbaijani soldiers": the parser hangs the number on the modifier
            arg = noun
        elif (of_obj := prep_object(main, "of")) is not None and of_obj.pos_ in {"NOUN", "PROPN"}:
            noun = of_obj  # "one of the soldiers", "49 of its servicemen"
        elif main.dep_ == "conj" and main.head.dep_ == "nummod":  # the second number of "50 and 60 people"
            noun = main.head.head
            arg = noun
        if noun is not None and (noun.lemma_.lower() in UNIT_NOUNS or noun.lower_ in UNIT_NOUNS
                                 or noun.ent_type_ in SKIP_ENTS and not is_person(noun, pidx)):
            i = last + 1
            continue
        if ent_skip and (noun is None or not is_person(noun, pidx) or noun.lemma_.lower() in UNIT_NOUNS) and not (
                noun is None and main.dep_ in {"nsubj", "nsubjpass"}   # "… and 32 were injured" (tagged a DATE)
                and quantity_word(main.head) in {"killed", "dead", "wounded"}):
            i = last + 1
            continue
        quantity = read_quantity(arg, noun, last, pidx)
        if quantity == "other" and arg.dep_ == "pobj" and arg.head.lower_ in {"including", "among"} and counts \
                and is_person(noun, pidx):
            quantity = counts[-1].quantity  # "killed 31 people, including 12 children"
        whole = part_of_them(main, counts, lambda n: is_person(n, pidx)) if quantity == "other" else None
        if whole is not None:   # "…, nine of them children": the figure's quantity and side (count_parts.py)
            noun, quantity = whole[0], whole[1].quantity
        before = doc[qstart - 1] if qstart > sent.start else None   # "… said killed 200 people", "rocket kills 30"
        if quantity == "other" and is_person(noun, pidx) and before is not None and before.tag_ in _VERB_TAGS:
            quantity = quantity_word(before) or quantity
        if quantity == "other" and noun is None:
            i = last + 1
            continue
        if quantity != "other" and (in_earlier_incident(arg) or war_total(arg)):
            quantity = "other"   # "… a day after six Israeli civilians were killed in Jerusalem": another incident;
            # "39,700 killed since last October": a toll of a longer span (war_totals.py)
        if quantity != "other" and combined(doc[last + 1:min(sent.end, last + 16)], quantity, numberish):
            quantity = "other"   # "43 killed or seriously injured": one combined figure, neither
        casualties = [c for c in counts if c.quantity != "other"]
        party, side = sides.resolve(_party(noun, arg, pidx), noun, arg, casualties[-1].side if casualties else None,
                                    quantity, first=not casualties)
        side = whole[1].side or side if whole is not None else side
        if JOINT in (party, side):   # a toll of two sides together: neither side's figure
            party, side, quantity = None, None, "other"
        if quantity == "other" and vague is not None and words[-1].lower() in CASUALTY_ONLY_VAGUE:
            i = end + 1   # "regained control of several strategic locations": no count worth comparing
            continue
        stop = max(last, noun.i if noun is not None and noun.i > last else last)
        text = doc[qstart:stop + 1].text
        unit = noun.lemma_.lower() if noun is not None else None
        counts.append(Count(quantity, value, low, high, qualifier, party, text, unit, side))
        used.update(range(start, last + 1))
        i = last + 1
    # "an Azerbaijani soldier was killed": a/an before a person noun with a casualty word counts as one
    for t in sent:
        if t.lower_ in {"a", "an"} and t.dep_ == "det" and t.i not in used:
            noun = t.head
            if noun.lemma_.lower() not in CASUALTY_NOUNS and noun.lower_ not in CASUALTY_NOUNS:
                continue
            if any(c.dep_ == "amod" and c.lower_ in _ORDINALS or c.dep_ == "nummod" for c in noun.children):
                continue   # "a second soldier"; "A further 31 people": the 31 is the count, not "a"
            q = read_quantity(noun, noun, t.i, pidx, noun_itself=False)
            if q == "other" or in_earlier_incident(noun) and _days_after(noun):
                continue   # "… one day after a drone attack killed a civilian" (not "… after X killed a soldier")
            party, side = sides.resolve(_party(noun, noun, pidx), noun, noun)
            if JOINT in (party, side):
                continue
            counts.append(Count(q, 1.0, 1.0, 1.0, "exact", party, doc[t.i:noun.i + 1].text, noun.lemma_.lower(), side))
    for q, tok, named in zero_counts(sent, pidx):   # "nobody was hurt", "caused no injuries" (zero_counts.py)
        casualties = [c for c in counts if c.quantity != "other"]
        party, side = sides.resolve(named, None, tok, casualties[-1].side if casualties else None, q,
                                    first=not casualties)
        counts.append(Count(q, 0.0, 0.0, 0.0, "exact", party, tok.doc[tok.left_edge.i:tok.i + 1].text, None, side))
    counts.sort(key=lambda c: sent.text.find(c.text))
    counts = merge_conjoined(counts, sent.text, victim_words().civilian_nouns - {"other"})   # "… and two others"
    log.debug("%d counts in %r", len(counts), sent.text[:60])
    return counts
