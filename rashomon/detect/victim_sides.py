"""Whose people a casualty count is when its counted noun names no party: the place where they were hit.

Civilians belong to the side whose territory they were hit in, whoever reports the figure: "a strike on a train
station in X killed 30 people" counts X's people. The place is read from the sentence, else carried from the
article's last sentence that located the event ("A missile hit the station in X." then "30 people were killed.").

A **location** of a sentence is a party word that says where, not who:

- a phrase under a locating preposition (`victim_sides.toml` place_preps: "in eastern X", "at a station in X",
  "on the bridge to X") whose head is a place (a GPE/LOC/FAC entity, a place noun such as city, station, hospital,
  or an event-file place) and that holds a party word: the party alias itself ("in X"), a modifier ("in the eastern
  X city of K", "in X-controlled K") or a nested locating phrase ("at a station in K in eastern X");
- a party word modifying a place noun anywhere ("strikes an X railway station");
- one of the places an event file lists for a party (`places` of `[[parties]]`, docs/formats.md), anywhere: the
  user says that place is that party's ("Gaza City" for the Gaza authorities).

Phrases of the agent or the origin (not_place_preps: "by X forces", "fired from X") and clauses never locate, and a
party word that modifies a non-place noun ("X's attack", "an X missile") is no location.

`victim_side` applies it: for people nouns (civilian_nouns: people, civilians, passengers …) the location outranks
the reporting source ("X said 30 people were killed in Y" are Y's people); for a count without a noun ("30 killed")
it is used only when no source side is known (count_sides.reporting_side); soldiers and other combatants are never
given a side by place, but an "on the X side" phrase (side_nouns) gives any count its side. A count without a noun,
or one that continues the previous one (continuing_words), shares
the side of the sentence's previous count ("20 X soldiers were killed and at least 14 wounded", "… four more").

`combined`: "43 were killed or seriously injured", "43 injured or dead": two casualty words joined by "or"
(combined_joiners) make one combined figure, neither killed nor wounded.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from spacy.tokens import Span, Token

from ._syntax import PartyIndex
from .count_sides import reporting_side
from .lexicon import PLACE_NOUNS, QUANTITY_WORDS
from .parties import PartyMatcher

if TYPE_CHECKING:
    from .numbers import Count

VICTIM_SIDES_PATH = Path(__file__).with_name("victim_sides.toml")
_PLACE_ENTS = {"GPE", "LOC", "FAC"}


@dataclass(frozen=True)
class VictimWords:
    civilian_nouns: frozenset[str]
    place_preps: frozenset[str]
    place_heads: frozenset[str]
    not_place_preps: frozenset[str]
    combined_joiners: frozenset[str]
    continuing_words: frozenset[str]
    side_nouns: frozenset[str] = frozenset()
    direction_words: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def victim_words(path: Path = VICTIM_SIDES_PATH) -> VictimWords:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return VictimWords(frozenset(data["civilian_nouns"]), frozenset(data["place_preps"]),
                       frozenset(data["place_heads"]) | frozenset(PLACE_NOUNS),
                       frozenset(data["not_place_preps"]), frozenset(data["combined_joiners"]),
                       frozenset(data["continuing_words"]), frozenset(data.get("side_nouns", ())),
                       frozenset(data.get("direction_words", ())))


@dataclass(frozen=True)
class Location:
    """A party located in the sentence: the token that says where, and the party."""

    token: int
    party: str


def _place_tokens(sent: Span, matcher: PartyMatcher) -> dict[int, str]:
    """Token index -> party for the event file's places of the parties found in `sent`."""
    doc, out = sent.doc, {}
    for m in matcher.find_places(sent.text):
        span = doc.char_span(sent.start_char + m.start, sent.start_char + m.end, alignment_mode="expand")
        if span is not None:
            for t in span:
                out[t.i] = m.party_id
    return out


def _locating_prep(prep: Token, words: VictimWords) -> bool:
    """"in X", "at X" …, and "of X" after a direction ("south-west of X", "on the outskirts of X")."""
    if prep.lower_ in words.place_preps:
        return True
    return prep.lower_ == "of" and prep.head.lower_ in words.direction_words


def _is_place(t: Token, places: dict[int, str], words: VictimWords) -> bool:
    return t.ent_type_ in _PLACE_ENTS or t.lemma_.lower() in words.place_heads or t.i in places


def _party_word(t: Token, pidx: PartyIndex, places: dict[int, str]) -> str | None:
    m = pidx.by_token.get(t.i)
    if m is not None:
        return m.party_id
    return places.get(t.i)


def _phrase_party(head: Token, pidx: PartyIndex, places: dict[int, str], words: VictimWords) -> str | None:
    """The first party word inside the place phrase headed by `head`, skipping possessives and agent/origin
    phrases and clauses: "the eastern X city of K", "a station in K in eastern X", "X's Donetsk region"."""
    stack, found = [head], []
    while stack:
        t = stack.pop()
        if t.dep_ == "prep" and t.lower_ in words.not_place_preps:
            continue
        if t.dep_ in {"relcl", "acl", "advcl"} and t is not head:
            continue   # "the station, where officials said …": a clause about the place, not the place
        p = _party_word(t, pidx, places)
        if p is not None:
            found.append((t.i, p))
        stack.extend(t.children)
    return min(found)[1] if found else None


def locations(sent: Span, matcher: PartyMatcher, pidx: PartyIndex | None = None) -> list[Location]:
    """The parties located in `sent` (module docstring), in text order."""
    words = victim_words()
    pidx = pidx or PartyIndex.build(sent, matcher)
    places = _place_tokens(sent, matcher)
    found: dict[int, str] = {i: p for i, p in places.items()}
    for t in sent:
        if t.dep_ == "pobj" and _locating_prep(t.head, words) and _is_place(t, places, words):
            p = _phrase_party(t, pidx, places, words)
            if p is not None:
                found.setdefault(t.i, p)
        elif t.dep_ in {"amod", "compound", "nmod", "npadvmod"}:
            head = t.head
            while head.dep_ == "compound" and head.head is not head:   # "an X bus depot"
                head = head.head
            p = _party_word(t, pidx, places) if head.lemma_.lower() in words.place_heads else None
            if p is not None:
                found.setdefault(head.i, p)
    return [Location(i, p) for i, p in sorted(found.items())]


def sentence_place(sent: Span, matcher: PartyMatcher) -> str | None:
    """The party of the first location of `sent`, or None (what a later sentence's victims carry)."""
    locs = locations(sent, matcher)
    return locs[0].party if locs else None


def is_civilian(noun: Token | None) -> bool:
    return noun is not None and (noun.lemma_.lower() in victim_words().civilian_nouns
                                 or noun.lower_ in victim_words().civilian_nouns)


def _clause(t: Token) -> Token:
    """The verb heading the clause `t` sits in (the root for a verbless headline)."""
    while t.pos_ not in {"VERB", "AUX"} and t.head.i != t.i:
        t = t.head
    return t


def _place_clause(t: Token) -> Token:
    """The clause a location counts in: a clause that describes a noun ("people [waiting for aid in X]", "civilians
    [who lived in X]") belongs to the clause of that noun."""
    c = _clause(t)
    while c.dep_ in {"acl", "relcl", "pcomp"} and c.head.i != c.i:
        c = _clause(c.head)
    return c


def _clauses_up(t: Token) -> list[int]:
    """The clause of `t` and every clause above it, innermost first (token indices of their verbs)."""
    out, c = [], _clause(t)
    while True:
        out.append(c.i)
        if c.head.i == c.i:
            return out
        c = _clause(c.head)


def place_side(arg: Token, locs: list[Location], context_place: str | None) -> str | None:
    """The party of the location nearest to the counted phrase `arg` in its own clause, a clause above it ("a missile
    hit the station in X, killing 50 people") or one below it ("50 died when a missile hit the station in X"), never
    in a clause beside it ("jets bombed targets in X after shelling killed 11 civilians" says where the jets struck,
    not where the 11 died); else, when the sentence locates nothing, the place carried into the sentence."""
    if not locs:
        return context_place
    doc, up = arg.doc, _clauses_up(arg)
    mine = [loc for loc in locs if _place_clause(doc[loc.token]).i in up or up[0] in _clauses_up(doc[loc.token])]
    return min(mine, key=lambda loc: (abs(loc.token - arg.i), loc.token)).party if mine else None


_SAME = {"dead": "killed"}   # "died or were killed" is one quantity


def casualty_quantity(t: Token) -> str | None:
    """The casualty quantity a word names (lemma or as written), "dead" read as "killed"; None for other words."""
    q = QUANTITY_WORDS.get(t.lemma_.lower()) or QUANTITY_WORDS.get(t.lower_)
    return _SAME.get(q, q) if q else None


def combined(after: Span, quantity: str, numberish: Callable[[Token], bool]) -> bool:
    """Is the casualty word of `quantity` in `after` (the words after a count, up to the next number) joined by "or"
    to a casualty word of another quantity ("killed or seriously injured", "injured or dead")?"""
    joiners = victim_words().combined_joiners
    upto = list(after)
    upto = upto[:next((k for k, w in enumerate(upto) if numberish(w)), len(upto))]
    words = [t for t in upto if not (t.pos_ == "ADV" or t.is_punct)]
    for a, j, b in zip(words, words[1:], words[2:]):
        qa, qb = casualty_quantity(a), casualty_quantity(b)
        if j.lower_ in joiners and qa and qb and qa != qb and _SAME.get(quantity, quantity) in (qa, qb):
            return True
    return False




@dataclass(frozen=True)
class CasualtyContext:
    """What the article's earlier sentences said about whose people were counted: the side of the last casualty
    count that had one ("Three US soldiers were killed." then "Two dozen more were wounded."), and the party last
    named with each counted noun ("dozens of Ukrainian prisoners" then "40 prisoners were killed")."""

    last_side: str | None = None
    by_unit: tuple[tuple[str, str], ...] = ()

    def party_of_unit(self, unit: str) -> str | None:
        return next((p for u, p in reversed(self.by_unit) if u == unit), None)

    def after(self, counts: "Iterable[Count]") -> "CasualtyContext":
        """The context for the next sentence, once `counts` (this sentence's, other incidents' dropped) are read."""
        last, units = self.last_side, list(self.by_unit)
        for c in counts:
            if c.quantity != "other" and c.side is not None:   # (a joint toll has no side: numbers.py)
                last = c.side
            if c.unit and c.party is not None:
                units.append((c.unit, c.party))
        return CasualtyContext(last, tuple(units[-20:]))


def _continues(noun: Token | None) -> bool:
    """"75 others", "two dozen more", "25 other people": a count that goes on from an earlier one."""
    return noun is not None and (noun.lower_ in victim_words().continuing_words or any(
        c.dep_ == "amod" and c.lower_ == "other" for c in noun.children))


class VictimSides:
    """The side of the counts of one sentence whose noun names no party (module docstring)."""

    def __init__(self, sent: Span, matcher: PartyMatcher, pidx: PartyIndex, source_party: str | None,
                 context_place: str | None, context: CasualtyContext | None = None):
        self.sent, self.matcher, self.pidx = sent, matcher, pidx
        self.source_party, self.context_place = source_party, context_place
        self.context = context or CasualtyContext()
        self._locs: list[Location] | None = None

    def _place(self, arg: Token) -> str | None:
        if self._locs is None:
            self._locs = locations(self.sent, self.matcher, self.pidx)
        return place_side(arg, self._locs, self.context_place)

    def resolve(self, named: str | None, noun: Token | None, arg: Token, previous: str | None = None,
                quantity: str = "killed", first: bool = True) -> tuple[str | None, str | None]:
        """(party, side) of a count: `named`, the party its noun phrase names, is both; else the party is the side
        the text reports (count_sides.reporting_side: what compare.py matches figures across outlets on) and the
        side is whose people the count is (`side`: what the figures table stores). No side for "other" counts."""
        if named is not None or quantity == "other":
            return named, named
        reported = reporting_side(noun, arg, self.pidx, self.source_party)
        return reported, self.side(noun, arg, reported, previous, first)

    def _side_phrase(self, arg: Token) -> str | None:
        """The party of an "on the X side" / "on X's side" phrase of the count's clause (victim_sides.toml
        side_nouns): it says whose people the count is, soldiers included."""
        verb = _clause(arg)
        heads = [verb, *(c for c in verb.children if c.dep_ in {"xcomp", "oprd", "acomp"})]   # "reported wounded on …"
        for c in (c for h in heads for c in h.children):
            if c.dep_ == "prep" and c.lower_ == "on":
                for obj in c.children:
                    if obj.dep_ == "pobj" and obj.lemma_.lower() in victim_words().side_nouns:
                        for m in obj.children:
                            if m.dep_ in {"amod", "poss", "compound", "nmod"} and (party := self.pidx.party_of(m)):
                                return party
        return None

    def side(self, noun: Token | None, arg: Token, reported: str | None, previous: str | None = None,
             first: bool = True) -> str | None:
        """Whose people: the previous count's side for a count without a person noun ("14 wounded") or that continues
        it ("two more"), the place for people nouns, the reporting side (`reported`, count_sides.reporting_side),
        else (no noun) the place. `previous`: the side of the sentence's previous casualty count; `first`: there is
        none. The article's earlier sentences (`CasualtyContext`) give the side of a sentence's first count that
        continues an earlier one ("Two dozen more were wounded."), of a count without a noun whose source gives no
        side, and of a counted noun named with a party before ("40 prisoners" after "Ukrainian prisoners")."""
        if (named_side := self._side_phrase(arg)) is not None:
            return named_side   # "two soldiers and two civilians were wounded on the Kyrgyz side"
        if noun is not None and self.source_party is not None and any(
                c.dep_ == "poss" and c.lower_ in {"their", "its", "our"} for c in noun.children):
            return self.source_party   # "officials in Karabakh said two of their soldiers were killed": the speaker's
        if not first and (noun is None or _continues(noun) or casualty_quantity(noun) is not None):
            return previous   # "… and at least 14 wounded", "… and two more wounded", "40 killed and 75 wounded"
        if arg.dep_ == "pobj" and arg.head.lower_ in {"including", "among"}:
            return None   # "killed 22 people, including nine children": part of a count that has its own side
        if first and _continues(noun) and self.context.last_side is not None:
            return self.context.last_side   # "The ministry also said 75 others were wounded."
        if is_civilian(noun) and not _continues(noun) and (side := self._place(arg)) is not None:
            return side
        if reported is None and (noun is None or noun.pos_ in {"ADJ", "VERB"} and casualty_quantity(noun) is not None):
            # "30 killed", "112 dead": the casualty word is no counted noun ("40 prisoners" is)
            return self.context.last_side or self._place(arg)
        if reported is None and noun is not None:
            return self.context.party_of_unit(noun.lemma_.lower()) or (None if first else previous)
        return reported
