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
from .lexicon import (CASUALTY_NOUNS, NOT_CAPTURING_VERBS, QUANTITY_WORDS, STATUS_QUANTITY_NOUNS, TOLL_SETTING_VERBS,
                      UNIT_NOUNS)
from .lexicon_numbers import CASUALTY_ONLY_VAGUE, MULTIPLIERS, VAGUE_NUMBERS
from .count_parts import among_quantity, part_of_them
from .count_sides import JOINT, merge_conjoined
from .number_words import SKIP_ENTS, YEAR, interval, numberish, qualifier_before, run_value, skip
from .parties import PartyMatcher
from .zero_counts import no_one, zero_counts
from .other_incidents import in_earlier_incident
from .victim_sides import CasualtyContext, VictimSides, combined, victim_words
from .war_totals import war_total

log = logging.getLogger(__name__)

QUANTITIES = ("killed", "wounded", "dead", "missing", "captured", "other")
_AUX_WORDS = {"were", "was", "are", "is", "have", "has", "had", "been", "being", "be", "reportedly", "also", "later",
              "all", "allegedly", "now", "confirmed", "already", "reported", "feared", "believed", "presumed",
              "thought", "still", "officially", "listed", "declared", "said", "understood", "known", "to", "later",
              "subsequently", "either", "both", "each", "so", "far", "found", "seriously", "critically", "lightly",
              "severely", "fatally", "mortally", "badly"}
#: Nouns whose "of" phrase counts the dead: "the bodies of 42 servicemen".
_DEAD_OF = {"body", "remains", "death", "funeral", "corpse", "killing", "murder"}
# what one loses without dying ("two soldiers lost their legs": wounded; "lost their lives": dead)
_BODY_PARTS = {"limb", "leg", "arm", "hand", "foot", "feet", "eye", "eyesight", "sight", "finger", "toe", "hearing"}
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


def _quantity_word(t: Token) -> str | None:
    if t.lemma_.lower() == "lose" and any(c.dep_ == "dobj" and c.lemma_.lower() in _BODY_PARTS for c in t.children):
        return "wounded"   # "lost their legs"
    return QUANTITY_WORDS.get(t.lemma_.lower()) or QUANTITY_WORDS.get(t.lower_)


def _is_person(noun: Token | None, pidx: PartyIndex) -> bool:
    if noun is None:
        return True
    lemma = noun.lemma_.lower()
    # "Palestinians", "Israelis": a plural nationality is people, whether or not it is a party
    nationality = noun.ent_type_ == "NORP" and noun.tag_ in {"NNPS", "NNS"}
    return lemma in CASUALTY_NOUNS or noun.lower_ in CASUALTY_NOUNS or noun.i in pidx.by_token or nationality


def _governing_quantity(arg: Token) -> str | None:
    """The casualty verb governing the counted phrase: "X killed two soldiers", "two soldiers died"."""
    head = arg.head
    while head.dep_ == "conj" and arg.dep_ == "conj" and head.pos_ not in {"VERB", "AUX"}:
        head = head.head
    return _quantity_word(head) if head.pos_ in {"VERB", "AUX", "ADJ"} else None


def _numbered(arg: Token) -> bool:
    """Does a number count `arg` ("two children"), not an article ("a girl")?"""
    return any(c.dep_ == "nummod" for c in arg.children) or arg.like_num


def _predicate_quantity(arg: Token) -> str | None:
    """What is said of a counted phrase besides its verb: "53 POWs feared dead", "40 prisoners and eight staff were
    killed" (the phrase misparsed as the object of "saying"): the verb's complement, or the words right after the
    whole phrase."""
    head = arg.head
    if arg.dep_ in {"nsubj", "nsubjpass"}:
        for c in head.children:
            if c.dep_ in {"oprd", "acomp", "xcomp"} and (q := _quantity_word(c)) is not None:
                return q
            if c.dep_ == "prep" and c.lower_ == "among" and head.lemma_ == "be" and _numbered(arg) and (
                    q := next((_quantity_word(g) for g in c.children if g.dep_ == "pobj"), None)) is not None:
                return q   # "two children were among the dead" (not "a girl was": a person, count_parts.py)
            if c.dep_ == "dobj" and head.lemma_.lower() in _SUFFER and _quantity_word(c) == "wounded":
                fatal = any(m.lower_ in {"fatal", "mortal", "deadly"} for m in c.children)
                return "dead" if fatal else "wounded"   # "31 people suffered injuries", "sustained fatal wounds"
    doc, i = arg.doc, arg.right_edge.i + 1
    while i < len(doc) and doc[i].lower_ in _AUX_WORDS:
        i += 1
    if i > arg.right_edge.i + 1 and i < len(doc) and doc[i].pos_ in {"VERB", "ADJ"}:
        return _quantity_word(doc[i])   # only after an auxiliary: "… were killed", not "… killed" (a new clause)
    return None


def _to_hospital(verb: Token) -> bool:
    """"… were taken / rushed / admitted to (a nearby) hospital", "… were in hospital": the people are wounded; not
    "… taken to hospital, where they died", nor "as a precaution", nor "taken to hospital staff"."""
    lemma = verb.lemma_.lower()
    if lemma not in {"take", "rush", "admit", "carry", "evacuate", "be"} or any(
            w.lemma_.lower() in {"die", "dead", "death", "precaution"} for w in verb.doc[verb.i:verb.sent.end]):
        return False
    preps = {"in"} if lemma == "be" else {"to", "into"}
    return any(c.dep_ == "prep" and c.lower_ in preps and any(
        g.dep_ == "pobj" and g.lemma_.lower() == "hospital" and not (lemma == "be" and any(
            d.dep_ == "det" for d in g.children))   # "were in the hospital when it was hit": a place, not a state
        for g in c.children) for c in verb.children)


def _days_after(t: Token) -> bool:
    """Is `t` in a clause set a time apart ("one day after …", "hours after …")? Used with in_earlier_incident for
    "a civilian": an act the headline says an operation answered ("… after Armenia attacked and killed an
    Azerbaijani soldier") is this event's own."""
    return any(c.lower_ in {"after", "following"} and any(
        g.dep_ == "npadvmod" and g.lemma_.lower() in {"hour", "day", "week", "month", "year"} for g in c.children)
        for a in t.ancestors for c in a.children)


def _dead_of(arg: Token) -> bool:
    """"the bodies of 42 servicemen": the count is of the dead."""
    return arg.dep_ == "pobj" and arg.head.lower_ == "of" and arg.head.head.lemma_.lower() in _DEAD_OF


#: Verbs whose subject has what their object names: "31 people suffered injuries" are wounded.
_SUFFER = frozenset({"suffer", "sustain", "receive"})
#: Verbs whose subject did the harm when they have an object ("two gunmen killed three soldiers"); not "lose" or
#: "suffer", whose subject is the victim ("two soldiers lost their lives").
_DOING_HARM = frozenset({"kill", "wound", "injure", "murder", "slay", "execute", "shoot", "capture", "massacre"})


def _held_status(arg: Token, noun: Token) -> str | None:
    """What is said of a count of held people besides their being held: "40 POWs killed by a strike" are dead; freed,
    still held or only there ("four hostages were rescued", "193 POWs were at the facility", "the freed hostages")
    they are no capture in the event ("other"). None when neither is said."""
    said = [c for c in noun.children if c.dep_ in {"acl", "amod", "relcl"}]
    q = next((q for c in said if (q := _quantity_word(c)) not in (None, "captured")), None)
    if q is not None:
        return q
    verbs = [*said, arg.head] if arg.dep_ in {"dobj", "nsubjpass", "nsubj"} else said
    return "other" if any(v.lemma_.lower() in NOT_CAPTURING_VERBS for v in verbs) else None


def _quantity(arg: Token, noun: Token | None, run_end: int, pidx: PartyIndex, *, noun_itself: bool = True) -> str:
    """The casualty quantity of a count (module docstring); `noun_itself`: whether the counted noun may be the
    quantity on its own ("two prisoners" are captured)."""
    doc = arg.doc
    casualty = _is_person(noun, pidx)
    if arg.dep_ == "nsubj" and arg.head.lemma_.lower() in _DOING_HARM and any(c.dep_ == "dobj" for c in
                                                                               arg.head.children):
        return "other"   # "two gunmen killed three soldiers", "a sniper killed him": who killed, not who died
    if noun is not None and noun.lemma_.lower() in STATUS_QUANTITY_NOUNS and arg.dep_ in {"dobj", "nsubjpass",
                                                                                          "nsubj"}:
        q = _governing_quantity(arg) or _predicate_quantity(arg)  # "killed 13 hostages" are dead, not captured
        if q is not None and q != "captured":
            return q
        if not noun_itself:
            return "other"
    if noun is not None and noun.lemma_.lower() in STATUS_QUANTITY_NOUNS and (q := _held_status(arg, noun)):
        return q
    # the counted word is itself a quantity: "14 wounded", "three dead", "five deaths", "two prisoners"
    if noun is not None and noun_itself:
        q = _quantity_word(noun)
        if q is not None and noun.pos_ in {"NOUN", "ADJ", "VERB"} and noun.i == run_end + 1:
            return q
        if noun.lemma_.lower() in {"death", "fatality", "injury", "prisoner", "hostage", "pow", "body", "dead",
                                   "wounded", "injured"}:
            return _quantity_word(noun) or "other"
    # surface: "<number/noun> were killed", "people are missing"
    i = (noun.i if noun is not None else run_end) + 1
    while i < len(doc) and doc[i].lower_ in _AUX_WORDS:
        i += 1
    if i + 1 < len(doc) and casualty and doc[i].lemma_.lower() == "take" and doc[i + 1].lemma_.lower() in {
            "prisoner", "captive", "hostage"}:
        return "captured"  # "were taken prisoner"
    if casualty and not _dead_of(arg) and (i < len(doc) and _to_hospital(doc[i]) or arg.dep_ == "nsubj"
                                           and _to_hospital(arg.head)):
        return "wounded"   # "two people had been taken to hospital with gunshot wounds", "eight were in hospital"
    if i < len(doc) and casualty:
        q = _quantity_word(doc[i])
        if q is not None and doc[i].pos_ in {"VERB", "ADJ", "NOUN", "AUX"}:
            return q
    # modifiers of the counted noun: "wounded soldiers", "soldiers killed in …"
    if noun is not None and casualty:
        for c in noun.children:
            if c.dep_ in {"amod", "acl", "relcl", "compound"}:
                q = _quantity_word(c)
                if q is not None:
                    return q
    # the governing verb: "X killed two soldiers", "two soldiers died", "killing three civilians"
    if casualty and arg.dep_ in {"nsubj", "nsubjpass", "dobj", "conj"}:
        q = _governing_quantity(arg) or _predicate_quantity(arg)   # "… soldiers were reported wounded"
        if q is not None:
            return q
    # "the bodies of 42 servicemen"
    if _dead_of(arg):
        return "dead"
    # "the death toll rose to 5", "the death toll now stands at 50 people", "the death toll is 50"; a verb that sets
    # the toll as its object: "officials put the death toll at 53", "the strike brought the number of dead to 16"
    holders: list[Token | None] = []
    if arg.dep_ == "pobj" and arg.head.lower_ in {"to", "at", "as"} or arg.dep_ == "attr":
        verb = arg.head.head if arg.dep_ == "pobj" else arg.head
        holders = [child(verb, "nsubj")] if arg.dep_ == "attr" or arg.head.lower_ != "as" else []
        if arg.dep_ == "pobj" and verb.lemma_.lower() in TOLL_SETTING_VERBS:
            holders.append(child(verb, "dobj"))
        elif arg.dep_ == "pobj" and verb.dep_ == "acl" and verb.head.head.lemma_.lower() in TOLL_SETTING_VERBS:
            holders.append(verb.head)   # "put the number killed at more than 60" ("at" hung on "killed")
    elif arg.dep_ == "dobj" and arg.head.lemma_.lower() in {"reach", "hit"}:
        holder = child(arg.head, "nsubj")   # "the death toll has reached 82"
        holders = [holder] if holder is not None and holder.lemma_.lower() in {"toll", "number"} else []
    for holder in holders:
        for w in holder.subtree if holder is not None else ():
            q = _quantity_word(w)
            if q is not None:
                return q
    if casualty and (q := among_quantity(arg)) is not None:
        return q   # "nine children among 20 dead" (count_parts.py)
    # "the deaths of a colonel and two soldiers": a conjoined person shares the first one's quantity
    if arg.dep_ == "conj" and arg.head is not arg and _is_person(arg.head, pidx) and casualty:
        return _quantity(arg.head, arg.head, arg.head.i, pidx, noun_itself=False)
    return "other"


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
            arg = noun
        elif (of_obj := prep_object(main, "of")) is not None and of_obj.pos_ in {"NOUN", "PROPN"}:
            noun = of_obj  # "one of the soldiers", "49 of its servicemen"
        elif main.dep_ == "conj" and main.head.dep_ == "nummod":  # the second number of "50 and 60 people"
            noun = main.head.head
            arg = noun
        if noun is not None and (noun.lemma_.lower() in UNIT_NOUNS or noun.lower_ in UNIT_NOUNS
                                 or noun.ent_type_ in SKIP_ENTS and not _is_person(noun, pidx)):
            i = last + 1
            continue
        if ent_skip and (noun is None or not _is_person(noun, pidx) or noun.lemma_.lower() in UNIT_NOUNS) and not (
                noun is None and main.dep_ in {"nsubj", "nsubjpass"}   # "… and 32 were injured" (tagged a DATE)
                and _quantity_word(main.head) in {"killed", "dead", "wounded"}):
            i = last + 1
            continue
        quantity = _quantity(arg, noun, last, pidx)
        if quantity == "other" and arg.dep_ == "pobj" and arg.head.lower_ in {"including", "among"} and counts \
                and _is_person(noun, pidx):
            quantity = counts[-1].quantity  # "killed 31 people, including 12 children"
        whole = part_of_them(main, counts, lambda n: _is_person(n, pidx)) if quantity == "other" else None
        if whole is not None:   # "…, nine of them children": the figure's quantity and side (count_parts.py)
            noun, quantity = whole[0], whole[1].quantity
        before = doc[qstart - 1] if qstart > sent.start else None   # "… said killed 200 people", "rocket kills 30"
        if quantity == "other" and _is_person(noun, pidx) and before is not None and before.tag_ in _VERB_TAGS:
            quantity = _quantity_word(before) or quantity
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
            q = _quantity(noun, noun, t.i, pidx, noun_itself=False)
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
