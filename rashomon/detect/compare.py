"""Analyse sentences and say where two outlets' sentences of one claim disagree, or where one article contradicts
itself.

`analyse` runs every detector on one sentence; `analyse_article` runs them over an article's sentences in order
(threading the last attributed voice, so "it said" and quote continuations resolve) with `nlp.pipe`.

`compare(a, b, event)` returns the disagreements between two sentences of the same claim from different outlets:

- initiator: both present a starting party and they differ;
- number: counts of the same quantity (killed and dead are one quantity) for the same party — or one side names no
  party and the other names only one — whose intervals (numbers.py) do not overlap; for "other" counts the
  counted noun must match too, and both must reach ten (a smaller count of things is mostly a part the outlet picked
  out: "two boats", "one of the rockets"). Only whole counts of one time frame are compared (count_scope.py): no part of
  another count ("two children among them"), no increment ("five more"), no running total against one report, and
  no two figures more than ten times apart (the war's toll and the event's) unless one is an enemy's claim: another
  party's source counts a side's people, or a side's own count stands against a sentence naming another party as
  doing it to them;
- place: both name places of the same kind (height, settlement, region, route, water) and share none (by folded
  key, places.py), neither names the other's place under another kind, and neither lies in the other's area
  (toponyms.toml);
- time: both give dates (a month-day without a year takes the event's year), weekdays (a date gives its weekday),
  dayparts or clock times of the same kind, and share none; dates that only date a statement, and dates more than
  two days before the event's window or after it (another act's), are ignored;
- attribution: one states a hostile act or count in its own words, the other only reports it as a source's claim;
- wording: one uses a loaded term where the other uses its neutral equivalent, or another alias of the same party
  that names the same thing (wording_compare.py).

`self_contradictions(analyses, event)` (selfcheck.py) finds, within one article, (1) the outlet's own words presenting
one party as the initiator while a source it quotes, read literally, presents another — when that source also
presents the outlet's party elsewhere, or names its own side as the initiator (a statement that, read literally,
incriminates its author is not reporting the other side's view) — and (2) one voice (the outlet's, or one source's)
presenting two different initiators. Sources that simply accuse the other side are reporting, not self-contradiction.

Every `Disagreement.explanation` is one plain English sentence with `{outlet_a}` / `{outlet_b}` placeholders:
call `Disagreement.render(outlet_a, outlet_b)` (or `explanation.format(...)`) to fill them. Text taken from
articles has its braces doubled so formatting is safe. A sentence's analysis (`SentenceAnalysis`, `analyse`,
`analyse_article`) lives in sentence.py.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from ..kinds import load_kinds
from ..sources import Event
from .initiator import UNKNOWN, Act
from .card_text import esc as _esc
from .count_scope import SAME_QUANTITY, far_apart, parts, running_total, small_count, wide_scope
from .lexicon import HOSTILE_NOUNS
from .lexicon_numbers import COMBINED_TOLL, SUBGROUP_UNITS, VAGUE_NUMBERS
from .numbers import Count
from .sentence import SentenceAnalysis, analyse, analyse_article  # noqa: F401  (entry points)
from .place_compare import ArticlePlaces, compare_places
from .time_compare import compare_times
from .source_names import institution_of
from .wording_compare import compare_wording

log = logging.getLogger(__name__)

# the kinds the detectors emit (rashomon/kinds.toml: made_by = "detector")
KINDS = tuple(k.kind for k in load_kinds().kinds.values() if k.made_by == "detector")
_QUANTITY_PHRASE = {"killed": "were killed", "dead": "died", "wounded": "were wounded", "missing": "are missing",
                    "captured": "were captured", "other": ""}
_ACTION_PHRASE = {
    "attack": "attacked", "fire": "opened fire", "shell": "shelled", "kill": "killed", "violate_ceasefire":
    "violated the ceasefire", "provoke": "provoked", "seize": "seized ground", "retaliate": "retaliated",
    "operation": "launched an operation", "strike": "struck", "back": "backed the fighting side",
    "down": "shot the aircraft down",
}


@dataclass(frozen=True)
class Disagreement:
    """One disagreement: its kind (see KINDS), the two values, and a one-sentence explanation with {outlet_a} /
    {outlet_b} placeholders."""

    kind: str
    value_a: str | None
    value_b: str | None
    explanation: str
    evidence: tuple[str, ...] = field(default=())
    indices: tuple[int, ...] = field(default=())   # self: positions (in the analyses list) of the two sentences

    def render(self, outlet_a: str, outlet_b: str = "") -> str:
        """The explanation with the outlet names filled in."""
        return self.explanation.format(outlet_a=outlet_a, outlet_b=outlet_b)


# --- comparison ----------------------------------------------------------------------------------------------------

def _party_name(event: Event | None, party: str | None) -> str:
    if party is None or party == UNKNOWN:
        return "an unknown side"
    if event is None:
        return party.replace("_", " ").title()
    try:
        return event.party(party).name
    except KeyError:
        return party


def _source_phrase(name: str | None) -> str:
    """"the Russia Defence Ministry", "Russia", "Ned Price", "an unnamed source"."""
    if not name:
        return "an unnamed source"
    return f"the {_esc(name)}" if institution_of(name) else _esc(name)


def _voice_phrase(a: SentenceAnalysis, reported: bool) -> str:
    if reported and a.voice.attributed:
        return f"citing {_source_phrase(a.voice.attributed_to)}"
    return "in its own words"


def _initiator_act(a: SentenceAnalysis, party: str) -> Act | None:
    for act in a.acts:
        if act.actor == party and act.initiating:
            return act
    for act in a.acts:
        if act.action == "retaliate" and act.target == party:
            return act
    return None


def _compare_initiators(a: SentenceAnalysis, b: SentenceAnalysis, event: Event) -> list[Disagreement]:
    if not a.initiator or not b.initiator or a.initiator == b.initiator or event.same_side(a.initiator, b.initiator):
        return []
    act_a, act_b = _initiator_act(a, a.initiator), _initiator_act(b, b.initiator)
    name_a, name_b = _party_name(event, a.initiator), _party_name(event, b.initiator)
    va = _voice_phrase(a, act_a.reported if act_a else a.voice.attributed)
    vb = _voice_phrase(b, act_b.reported if act_b else b.voice.attributed)
    text = (f"{{outlet_a}} ({va}) presents {_esc(name_a)} as the side that started it; "
            f"{{outlet_b}} ({vb}) presents {_esc(name_b)}.")
    return [Disagreement("initiator", name_a, name_b, text,
                         tuple(x.evidence for x in (act_a, act_b) if x is not None))]


def _count_phrase(c: Count) -> str:
    def n(x: float | None) -> str:
        return "?" if x is None else (f"{int(x)}" if float(x).is_integer() else f"{x:g}")

    if c.qualifier == "vague":
        return next((w for w in c.text.lower().split() if w in VAGUE_NUMBERS), c.text.lower())
    if c.qualifier == "range":
        return f"{n(c.low)}–{n(c.high)}"
    prefix = {"exact": "", "at_least": "at least ", "more_than": "more than ", "up_to": "up to ",
              "about": "about "}[c.qualifier]
    return prefix + n(c.value)


_INVARIANT_NOUNS = {"people", "police", "personnel", "military", "staff", "crew", "civilians"}
_IRREGULAR = {"child": "children", "person": "people", "woman": "women", "man": "men"}
_SINGULAR = {plural: one for one, plural in _IRREGULAR.items()}
_ACRONYM_NOUNS = {"pow": "POW", "pows": "POWs", "idp": "IDP", "idps": "IDPs"}


def _noun_for(unit: str, c: Count) -> str:
    """The counted noun in the number the count needs: 'one soldier', 'two servicemen'."""
    unit = unit.strip()
    if not unit:
        return unit
    one = c.qualifier == "exact" and c.value == 1
    if unit in _INVARIANT_NOUNS:
        return "person" if one and unit == "people" else unit
    if unit in _ACRONYM_NOUNS:   # "pows" -> "POWs"
        unit = _ACRONYM_NOUNS[unit]
    if one:
        if unit in _SINGULAR:
            return _SINGULAR[unit]
        if unit.endswith("men"):
            return unit[:-3] + "man"
        return unit[:-1] if unit.endswith("s") and not unit.endswith("ss") else unit
    if unit in _IRREGULAR:
        return _IRREGULAR[unit]
    if unit.endswith(("s", "men")) or unit in _SINGULAR:   # "servicemen", "children" are plural already
        return unit
    if unit.endswith("man"):
        return unit[:-3] + "men"
    if unit.endswith("y") and unit[-2:-1] not in "aeiou":
        return unit[:-1] + "ies"
    return unit + "s"


def _overlap(a: Count, b: Count) -> bool:
    lo = max(a.low if a.low is not None else float("-inf"), b.low if b.low is not None else float("-inf"))
    hi = min(a.high if a.high is not None else float("inf"), b.high if b.high is not None else float("inf"))
    return lo <= hi


def _compatible(a: Count, b: Count) -> bool:
    """Two counts that can both be true: overlapping intervals, the same number given and bounded ("30" / "more than
    30") or hedged two ways ("up to 500" / "more than 500"), or two vague plurals of people who are no casualties
    (neither gives a figure: "shelters for hundreds of people" / "thousands")."""
    if _overlap(a, b):
        return True
    if a.value is not None and a.value == b.value:
        return True   # one number, hedged or not ("up to 500" / "more than 500"; "30" / "more than 30": the labels
        # of the benchmark's dev split put "30" and "more than 30" killed on one side; 2 of 2 such cards were noise)
    return a.qualifier == b.qualifier == "vague" and a.quantity == b.quantity == "other"


def _same_group(a: Count, b: Count) -> bool:
    """Counts of one group: a count of children, officers, … (SUBGROUP_UNITS) only against one of the same noun."""
    return not ({a.unit, b.unit} & SUBGROUP_UNITS) or a.unit == b.unit


def _combined_toll(a: SentenceAnalysis, event: Event) -> bool:
    """Does the sentence give both sides' toll together: "in total", "both sides", or two opposing parties joined by
    "and" before a count that names no side itself ("Armenia and Azerbaijan reported almost 100 troop deaths")?"""
    if COMBINED_TOLL.search(a.text):
        return True
    ms = sorted(a.mentions, key=lambda m: m.start)
    for x, y in zip(ms, ms[1:]):
        if a.text[x.end:y.start].strip().lower() != "and" or event.same_side(x.party_id, y.party_id):
            continue
        for c in a.numbers:
            pos = a.text.find(c.text, y.end)
            if pos >= 0 and not any(pos <= m.start < pos + len(c.text) for m in ms):
                return True
    return False


def _compare_numbers(a: SentenceAnalysis, b: SentenceAnalysis, event: Event) -> list[Disagreement]:
    out: list[Disagreement] = []
    done: set[tuple[str, str | None]] = set()
    if _combined_toll(a, event) != _combined_toll(b, event):
        return out   # one gives both sides' toll together, the other one side's: two different figures

    def bucket(c: Count) -> str:
        return SAME_QUANTITY.get(c.quantity, c.quantity)

    if running_total(a.text) != running_total(b.text):
        return out   # a toll so far against the toll of one report: two time frames, not two accounts

    def whole(s: SentenceAnalysis) -> list[Count]:
        """The sentence's figures that are no part of another and no increment (count_scope.py). Vague words
        ("dozens", "several") are left to the fact sheet's figure-against-words card (sql/views.sql, vague_pairs):
        set against one sentence's figure they mostly count other people ("injuring dozens in Beirut's southern
        suburbs" against 2,750 across Lebanon); 26 of 27 such cards on the benchmark's dev split showed no labelled
        disagreement."""
        return [c for c, part in zip(s.numbers, parts(list(s.numbers), s.text)) if c.qualifier != "vague" and not part]

    def whose(c: Count) -> str | None:
        """Whose people a casualty count is (victim_sides.py reads place and context too: "two soldiers were
        wounded on the Kyrgyz side"); any other count, the party it names."""
        return (c.side or c.party) if bucket(c) != "other" else c.party

    def same_side(x: Count, y: Count) -> bool:
        """Counts of one side: the same party named, unless both sides are known and differ (a side read from
        context on one count only is no reason to set aside "14 wounded" against "19 wounded")."""
        if whose(x) is not None and whose(y) is not None:
            return whose(x) == whose(y)
        return x.party == y.party

    def others_count(s: SentenceAnalysis, counts: list[Count]) -> bool:
        """Does the sentence credit a count of one side's people to another party's source ("Azerbaijan claimed it
        killed 100 Armenian soldiers")? An enemy's claim may be far from the side's own count and still be a count
        of the same dead."""
        source = s.voice.attributed_party
        return source is not None and any(whose(c) is not None and not event.same_side(source, whose(c))
                                          for c in counts)

    def own_count(s: SentenceAnalysis, counts: list[Count]) -> bool:
        """Does the sentence credit a count of one side's people to that side ("Armenia said it lost two")?"""
        source = s.voice.attributed_party
        return source is not None and any(event.same_side(source, whose(c)) for c in counts)

    def enemy_kill(s: SentenceAnalysis, counts: list[Count]) -> bool:
        """Does the sentence name another party as doing it to the counted side ("Azerbaijani forces killed 100
        Armenian soldiers", in the outlet's words or an unnamed source's)?"""
        return any(act.actor not in (None, UNKNOWN) and not act.negated and whose(c) is not None
                   and not event.same_side(act.actor, whose(c)) for act in s.acts for c in counts)

    def enemy_claim(x: SentenceAnalysis, cx: list[Count], y: SentenceAnalysis, cy: list[Count]) -> bool:
        """An enemy's claim against a side's own count, far apart and still counts of the same dead; neither a toll
        wider than the event's (the war's, the region's: count_scope.wide_scope)."""
        if wide_scope(x.text) or wide_scope(y.text):
            return False
        return others_count(x, cx) or others_count(y, cy) or (own_count(x, cx) and enemy_kill(y, cy)) \
            or (own_count(y, cy) and enemy_kill(x, cx))

    whole_a, whole_b = whole(a), whole(b)
    for ca in whole_a:
        q = bucket(ca)
        key = (q, whose(ca))
        if key in done:
            continue
        if q == "other" and small_count(ca):
            continue

        def alike(c: Count) -> bool:   # the same quantity; for things, the same noun and no small count
            return bucket(c) == q and (q != "other" or (c.unit == ca.unit and not small_count(c)))
        same_a, same_b = [c for c in whole_a if alike(c)], [c for c in whole_b if alike(c)]
        # Counts are compared only for the same side (same_side): two known sides must be equal; a count whose side
        # is not known is compared with one whose side was read from context, but not with one that names another
        # party (comparing "two servicemen" with "one Azerbaijani soldier" mixes the two sides' dead).
        cand_b = [c for c in same_b if same_side(c, ca) and _same_group(c, ca)]
        if not cand_b:
            continue
        cand_a = [c for c in same_a if same_side(c, ca) and _same_group(c, ca)]
        if any(_compatible(x, y) for x in cand_a for y in cand_b):
            continue
        if all(far_apart(x, y) for x in cand_a for y in cand_b) and not enemy_claim(a, cand_a, b, cand_b):
            continue   # mostly two different counts (the war's toll and the event's): count_scope.toml
        done.add(key)
        cb = cand_b[0]
        party = whose(ca) or whose(cb)
        unit = (ca.unit or cb.unit or "people") if q != "other" else (ca.unit or "")
        plural = _noun_for(unit, ca)
        name = _party_name(event, party)
        possessive = "'" if name.endswith("s") else "'s"   # "Karabakh Armenians' side", "Armenia's side"
        side = f" on {_esc(name)}{possessive} side" if party else ""
        verb = _QUANTITY_PHRASE.get(ca.quantity, "")
        if q == "other":
            text = (f"{{outlet_a}} gives {_count_phrase(ca)} {_esc(plural)}{side}; "
                    f"{{outlet_b}} gives {_count_phrase(cb)}.")
        else:
            text = (f"{{outlet_a}} says {_count_phrase(ca)} {_esc(plural)}{side} {verb}; "
                    f"{{outlet_b}} says {_count_phrase(cb)}.")
        out.append(Disagreement("number", _count_phrase(ca), _count_phrase(cb), " ".join(text.split()),
                                (ca.text, cb.text)))
    return out


def _own_claim(a: SentenceAnalysis) -> bool:
    return any(not act.reported for act in a.acts) or (not a.voice.attributed and bool(a.numbers))


def _attributed_claim(a: SentenceAnalysis) -> bool:
    return a.voice.attributed and (bool(a.acts) or bool(a.numbers)) and all(act.reported for act in a.acts)


def _compare_attribution(a: SentenceAnalysis, b: SentenceAnalysis) -> list[Disagreement]:
    out = []
    for x, y, own_first in ((a, b, True), (b, a, False)):
        if _own_claim(x) and _attributed_claim(y):
            src = _source_phrase(y.voice.attributed_to)
            if own_first:
                text = f"{{outlet_a}} states this in its own words; {{outlet_b}} attributes it to {src}."
                out.append(Disagreement("attribution", "own", y.voice.attributed_to, text, (x.text, y.text)))
            else:
                text = f"{{outlet_a}} attributes this to {src}; {{outlet_b}} states it in its own words."
                out.append(Disagreement("attribution", y.voice.attributed_to, "own", text, (y.text, x.text)))
            break
    return out


_ANAPHORIC_DETERMINERS = {"the", "that", "this"}


def continues_act(text: str) -> bool:
    """Does the sentence open by going on about the act of the sentence before ("The attack killed seventeen
    people.")? After a background sentence ("on March 14, … fired a rocket at Donetsk") its figures are that act's."""
    words = [w.strip(",.;:").lower() for w in text.split()[:2]]
    return len(words) == 2 and words[0] in _ANAPHORIC_DETERMINERS and words[1] in HOSTILE_NOUNS


def compare(a: SentenceAnalysis, b: SentenceAnalysis, event: Event,
            articles: tuple[ArticlePlaces, ArticlePlaces] | None = None) -> list[Disagreement]:
    """Disagreements between two sentences of the same claim from different outlets (module docstring); `articles`:
    the places the two outlets' articles name (place_compare.py), when known."""
    out = (_compare_initiators(a, b, event) + _compare_numbers(a, b, event)
           + [Disagreement("place", *p) for p in compare_places(a, b, event, articles)]
           + [Disagreement("time", *t) for t in compare_times(a, b, event)]
           + _compare_attribution(a, b)
           + [Disagreement("wording", *w) for w in compare_wording(a, b, event)])
    log.debug("%d disagreements between %r and %r", len(out), a.text[:40], b.text[:40])
    return out

