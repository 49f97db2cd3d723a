"""Analyse sentences and say where two outlets' sentences of one claim disagree, or where one article contradicts
itself.

`analyse` runs every detector on one sentence; `analyse_article` runs them over an article's sentences in order
(threading the last attributed voice, so "it said" and quote continuations resolve) with `nlp.pipe`.

`compare(a, b, event)` returns the disagreements between two sentences of the same claim from different outlets:

- initiator: both present a starting party and they differ;
- number: counts of the same quantity (killed and dead are one quantity) for the same party — or one side names no
  party and the other names only one — whose intervals (numbers.py) do not overlap; for "other" counts the
  counted noun must match too;
- place: both name places of the same kind (height, settlement, region, route, water) and share none (by folded
  key, places.py);
- time: both give dates (a month-day without a year takes the event's year), weekdays (a date gives its weekday),
  dayparts or clock times of the same kind, and share none; dates that only date a statement are ignored;
- attribution: one states a hostile act or count in its own words, the other only reports it as a source's claim;
- wording: one uses a loaded term where the other uses its neutral equivalent, or another alias of the same party.

`self_contradictions(analyses, event)` finds, within one article, (1) the outlet's own words presenting one party
as the initiator while a source it quotes, read literally, presents another — when that source also presents the
outlet's party elsewhere, or names its own side as the initiator (a statement that, read literally, incriminates
its author is not reporting the other side's view) — and (2) one voice (the outlet's, or one source's) presenting
two different initiators. Sources that simply accuse the other side are reporting, not self-contradiction.

Every `Disagreement.explanation` is one plain English sentence with `{outlet_a}` / `{outlet_b}` placeholders:
call `Disagreement.render(outlet_a, outlet_b)` (or `explanation.format(...)`) to fill them. Text taken from
articles has its braces doubled so formatting is safe.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..nlp import load_nlp
from ..sources import Event
from .initiator import UNKNOWN, Act, extract_acts, initiator_of
from .numbers import Count, extract_numbers
from .parties import PartyMatcher, PartyMention
from .places import Place, extract_place_mentions
from .times import TimeMention, extract_time_mentions
from .voice import Voice, analyse_voice_detail, institution_of
from .wording import LoadedTerm, loaded_terms, matcher_for, term_pattern

log = logging.getLogger(__name__)

KINDS = ("initiator", "number", "place", "time", "attribution", "wording", "self")
_COMPARED_PLACE_KINDS = {"height", "settlement", "region", "route", "water"}
_COMPARED_TIME_KINDS = {"date", "weekday", "daypart", "clock"}
_QUANTITY_BUCKET = {"dead": "killed"}
_QUANTITY_PHRASE = {"killed": "were killed", "dead": "died", "wounded": "were wounded", "missing": "are missing",
                    "captured": "were captured", "other": ""}
_ACTION_PHRASE = {
    "attack": "attacked", "fire": "opened fire", "shell": "shelled", "kill": "killed", "violate_ceasefire":
    "violated the ceasefire", "provoke": "provoked", "seize": "seized ground", "retaliate": "retaliated",
    "operation": "launched an operation", "strike": "struck",
}


@dataclass(frozen=True)
class SentenceAnalysis:
    """Everything the detectors read from one sentence.

    initiator: from all acts; own_initiator: from the acts in the outlet's own words; reported_initiator: from the
    acts inside an attribution. places/times: normalised strings; place_mentions/time_mentions: the full records.
    """

    text: str
    voice: Voice
    acts: tuple[Act, ...] = ()
    initiator: str | None = None
    own_initiator: str | None = None
    reported_initiator: str | None = None
    numbers: tuple[Count, ...] = ()
    places: tuple[str, ...] = ()
    place_mentions: tuple[Place, ...] = ()
    times: tuple[str, ...] = ()
    time_mentions: tuple[TimeMention, ...] = ()
    loaded: tuple[LoadedTerm, ...] = ()
    mentions: tuple[PartyMention, ...] = ()


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


def _esc(text: str | None) -> str:
    return (text or "").replace("{", "{{").replace("}", "}}")


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _event_year(event: Event) -> int:
    return event.window_start.year


def _build(span: Span, event: Event, matcher: PartyMatcher, previous: Voice | None) -> SentenceAnalysis:
    voice, scope = analyse_voice_detail(span, matcher, previous)
    acts = extract_acts(span, matcher, event_year=_event_year(event), voice=voice, reported_tokens=scope,
                        window=(event.window_start.date(), event.window_end.date()))
    places = extract_place_mentions(span, matcher)
    times = extract_time_mentions(span)
    return SentenceAnalysis(
        text=span.text,
        voice=voice,
        acts=tuple(acts),
        initiator=initiator_of(acts),
        own_initiator=initiator_of([a for a in acts if not a.reported]),
        reported_initiator=initiator_of([a for a in acts if a.reported]),
        numbers=tuple(extract_numbers(span, matcher)),
        places=tuple(p.name for p in places),
        place_mentions=tuple(places),
        times=tuple(t.value for t in times),
        time_mentions=tuple(times),
        loaded=tuple(loaded_terms(span.text, event)),
        mentions=tuple(matcher.find_all(span.text)),
    )


def _previous_voice(previous: Voice | SentenceAnalysis | None) -> Voice | None:
    if isinstance(previous, SentenceAnalysis):
        return previous.voice
    return previous


def analyse(text_or_span: str | Span | Doc, event: Event, previous: Voice | SentenceAnalysis | None = None, *,
            nlp: Language | None = None) -> SentenceAnalysis:
    """Run every detector on one sentence (a string is parsed with `nlp`, default `load_nlp()`; a string or Doc
    holding several spaCy sentences is analysed as one unit). `previous`: the voice (or analysis) of the previous
    attributed sentence of the same article."""
    if isinstance(text_or_span, str):
        span = (nlp or load_nlp())(text_or_span)[:]
    elif isinstance(text_or_span, Doc):
        span = text_or_span[:]
    else:
        span = text_or_span
    return _build(span, event, matcher_for(event), _previous_voice(previous))


def analyse_article(sentences: list[str], event: Event, *, nlp: Language | None = None,
                    batch_size: int = 64) -> list[SentenceAnalysis]:
    """Analyse an article's sentences in order; each sentence sees the voice of the last attributed one before it."""
    nlp = nlp or load_nlp()
    matcher = matcher_for(event)
    out: list[SentenceAnalysis] = []
    previous: Voice | None = None
    for doc in nlp.pipe(sentences, batch_size=batch_size):
        analysis = _build(doc[:], event, matcher, previous)
        if analysis.voice.attributed:
            previous = analysis.voice
        out.append(analysis)
    log.info("analysed %d sentences for event %s", len(out), event.id)
    return out


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
    if not a.initiator or not b.initiator or a.initiator == b.initiator:
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

    if c.qualifier == "range":
        if c.value is None and c.low is not None and c.high is not None and c.text.lower().endswith(
                ("dozens", "hundreds", "thousands", "scores", "tens")):
            return c.text.split()[-1].lower()
        return f"{n(c.low)}–{n(c.high)}"
    prefix = {"exact": "", "at_least": "at least ", "more_than": "more than ", "up_to": "up to ",
              "about": "about "}[c.qualifier]
    return prefix + n(c.value)


_INVARIANT_NOUNS = {"people", "police", "personnel", "military", "staff", "crew", "civilians"}


def _noun_for(unit: str, c: Count) -> str:
    """The counted noun in the number the count needs: 'one soldier', 'two servicemen'."""
    unit = unit.strip()
    if not unit:
        return unit
    one = c.qualifier == "exact" and c.value == 1
    if unit in _INVARIANT_NOUNS:
        return "person" if one and unit == "people" else unit
    if one:
        if unit.endswith("men"):
            return unit[:-3] + "man"
        return unit[:-1] if unit.endswith("s") and not unit.endswith("ss") else unit
    if unit.endswith("s"):
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


def _compare_numbers(a: SentenceAnalysis, b: SentenceAnalysis, event: Event) -> list[Disagreement]:
    out: list[Disagreement] = []
    done: set[tuple[str, str | None]] = set()

    def bucket(c: Count) -> str:
        return _QUANTITY_BUCKET.get(c.quantity, c.quantity)

    for ca in a.numbers:
        q = bucket(ca)
        key = (q, ca.party)
        if key in done:
            continue
        same_a = [c for c in a.numbers if bucket(c) == q and (q != "other" or c.unit == ca.unit)]
        same_b = [c for c in b.numbers if bucket(c) == q and (q != "other" or c.unit == ca.unit)]
        # Counts are compared only for the same side: a count whose side is not named is compared only with
        # another such count (comparing "two servicemen" with "one Azerbaijani soldier" mixes the two sides' dead).
        cand_b = [c for c in same_b if c.party == ca.party]
        if not cand_b:
            continue
        cand_a = [c for c in same_a if c.party == ca.party]
        if any(_overlap(x, y) for x in cand_a for y in cand_b):
            continue
        done.add(key)
        cb = cand_b[0]
        party = ca.party or cb.party
        unit = (ca.unit or cb.unit or "people") if q != "other" else (ca.unit or "")
        plural = _noun_for(unit, ca)
        side = f" on {_esc(_party_name(event, party))}'s side" if party else ""
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


def _same_place(keys_a: set[str], keys_b: set[str]) -> bool:
    """One place named alike: equal folded keys, or one key extending the other ("Crimea" / "Crimean",
    "Kerch" / "Kerch Strait": benchmark dev split, 26 of 36 place cards were such variants)."""
    return any(ka == kb or (min(len(ka), len(kb)) >= 3 and (ka.startswith(kb) or kb.startswith(ka)))
               for ka in keys_a for kb in keys_b)


def _compare_places(a: SentenceAnalysis, b: SentenceAnalysis) -> list[Disagreement]:
    out: list[Disagreement] = []
    for kind in sorted(_COMPARED_PLACE_KINDS):
        pa = [p for p in a.place_mentions if p.kind == kind]
        pb = [p for p in b.place_mentions if p.kind == kind]
        if not pa or not pb:
            continue
        # an untyped place ("Saribaba" tagged GPE) may be the same as a typed one ("the Saribaba height")
        keys_a = {p.key for p in a.place_mentions if p.kind in {kind, "place"}}
        keys_b = {p.key for p in b.place_mentions if p.kind in {kind, "place"}}
        if _same_place(keys_a, keys_b):
            continue
        na = " and ".join(p.text.removeprefix("the ").removeprefix("The ") for p in pa)
        nb = " and ".join(p.text.removeprefix("the ").removeprefix("The ") for p in pb)
        text = f"{{outlet_a}} names the {kind} as {_esc(na)}; {{outlet_b}} names {_esc(nb)}."
        out.append(Disagreement("place", na, nb, text, (a.text, b.text)))
    return out


def _time_values(a: SentenceAnalysis, year: int) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for t in a.time_mentions:
        if t.kind not in _COMPARED_TIME_KINDS:
            continue
        value = t.value
        if t.kind == "date":
            if len(value) == 5:
                value = f"{year}-{value}"
            try:
                day = dt.date.fromisoformat(value)
            except ValueError:
                continue
            out.setdefault("weekday_from_date", set()).add(day.strftime("%A").lower())
        out.setdefault(t.kind, set()).add(value)
    return out


def _same_act(a: SentenceAnalysis, b: SentenceAnalysis) -> bool:
    """Both sentences tell of one act: the same action by the same actor, or on the same target (the actor may be
    what they disagree on); neither negated nor background."""
    def keys(x: SentenceAnalysis) -> set[tuple[str, str | None, str]]:
        out = set()
        for act in x.acts:
            if act.negated or act.background:
                continue
            if act.actor and act.actor != "unknown":
                out.add(("by", act.actor, act.action))
            if act.target:
                out.add(("on", act.target, act.action))
        return out
    return bool(keys(a) & keys(b))


def _same_count(a: SentenceAnalysis, b: SentenceAnalysis) -> bool:
    """Both sentences give a count of the same quantity for the same party, and the counts can be the same."""
    return any(_QUANTITY_BUCKET.get(x.quantity, x.quantity) == _QUANTITY_BUCKET.get(y.quantity, y.quantity)
               and x.party == y.party and _overlap(x, y) for x in a.numbers for y in b.numbers)


def _compare_times(a: SentenceAnalysis, b: SentenceAnalysis, event: Event) -> list[Disagreement]:
    year = _event_year(event)
    ta, tb = _time_values(a, year), _time_values(b, year)
    if not _same_act(a, b):
        # a day or a part of the day is compared only when both sentences date the same act: in one claim they are
        # often different facts ("talks on June 6" / "the clash on June 15"; "on Monday" written a day apart).
        # Benchmark dev split: 42 of 45 time cards were noise, none of the three right ones without a clock time.
        ta = {k: v for k, v in ta.items() if k == "clock"}
    out: list[Disagreement] = []
    pairs = [("date", "date"), ("weekday", "weekday"), ("daypart", "daypart"), ("clock", "clock")]
    if "date" not in ta and "weekday" in ta and "weekday_from_date" in tb and "weekday" not in tb:
        pairs.append(("weekday", "weekday_from_date"))
    if "date" not in tb and "weekday" in tb and "weekday_from_date" in ta and "weekday" not in ta:
        pairs.append(("weekday_from_date", "weekday"))
    for ka, kb in pairs:
        va, vb = ta.get(ka), tb.get(kb)
        if not va or not vb or va & vb:
            continue
        sa, sb = ", ".join(sorted(va)), ", ".join(sorted(vb))
        if "date" in (ka, kb) and ka == kb:
            text = f"{{outlet_a}} dates it {sa}; {{outlet_b}} dates it {sb}."
        elif ka == kb == "daypart":
            text = f"{{outlet_a}} says it happened in the {sa}; {{outlet_b}} says in the {sb}."
        elif ka == kb == "clock":
            text = f"{{outlet_a}} gives the time as {sa}; {{outlet_b}} gives {sb}."
        else:
            text = f"{{outlet_a}} says it happened on a {sa.title()}; {{outlet_b}} on a {sb.title()}."
        out.append(Disagreement("time", sa, sb, text, (a.text, b.text)))
    return out


def _own_claim(a: SentenceAnalysis) -> bool:
    return any(not act.reported for act in a.acts) or (not a.voice.attributed and bool(a.numbers))


def _attributed_claim(a: SentenceAnalysis) -> bool:
    return a.voice.attributed and (bool(a.acts) or bool(a.numbers)) and all(act.reported for act in a.acts)


def _compare_attribution(a: SentenceAnalysis, b: SentenceAnalysis) -> list[Disagreement]:
    out = []
    if not (_same_act(a, b) or _same_count(a, b)):
        return out  # own words and a source's words about different facts are no disagreement
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


def _compare_wording(a: SentenceAnalysis, b: SentenceAnalysis, event: Event) -> list[Disagreement]:
    out: list[Disagreement] = []
    seen: set[tuple[str, str]] = set()
    for x, y, x_is_a in ((a, b, True), (b, a, False)):
        y_loaded = {t.term.lower() for t in y.loaded}
        loaded_alias = {m.alias.lower(): m for m in x.mentions if m.loaded}
        for term in x.loaded:
            if term.term.lower() in y_loaded:
                continue
            other: str | None = None
            mention = loaded_alias.get(term.term.lower())
            if mention is not None:
                alts = [m for m in y.mentions if m.party_id == mention.party_id and not m.loaded]
                if alts:
                    other = max(alts, key=lambda m: m.end - m.start).alias
            elif term.neutral:
                hit = term_pattern(term.neutral).search(y.text)
                if hit:
                    other = hit.group(0)
            if other is None or (term.term.lower(), other.lower()) in seen:
                continue
            seen.add((term.term.lower(), other.lower()))
            if x_is_a:
                text = f"{{outlet_a}} says \"{_esc(term.term)}\" where {{outlet_b}} says \"{_esc(other)}\"."
                out.append(Disagreement("wording", term.term, other, text, (x.text, y.text)))
            else:
                text = f"{{outlet_a}} says \"{_esc(other)}\" where {{outlet_b}} says \"{_esc(term.term)}\"."
                out.append(Disagreement("wording", other, term.term, text, (y.text, x.text)))
    return out


def compare(a: SentenceAnalysis, b: SentenceAnalysis, event: Event) -> list[Disagreement]:
    """Disagreements between two sentences of the same claim from different outlets (module docstring)."""
    out = (_compare_initiators(a, b, event) + _compare_numbers(a, b, event) + _compare_places(a, b)
           + _compare_times(a, b, event) + _compare_attribution(a, b) + _compare_wording(a, b, event))
    log.debug("%d disagreements between %r and %r", len(out), a.text[:40], b.text[:40])
    return out


# --- one article against itself ------------------------------------------------------------------------------------

@dataclass
class _Claim:
    holder: str  # "" = the outlet's own words, else the canonical source name
    party: str
    index: int
    act: Act | None
    source_party: str | None


def _claims(analyses: Iterable[SentenceAnalysis]) -> list[_Claim]:
    out = []
    for i, an in enumerate(analyses):
        own = [a for a in an.acts if not a.reported]
        rep = [a for a in an.acts if a.reported]
        p_own = initiator_of(own)
        if p_own:
            out.append(_Claim("", p_own, i, initiator_act(own, p_own), None))
        p_rep = initiator_of(rep)
        if p_rep:
            holder = an.voice.attributed_to or "an unnamed source"
            out.append(_Claim(holder, p_rep, i, initiator_act(rep, p_rep), an.voice.attributed_party))
    return out


def initiator_act(acts: list[Act], party: str) -> Act | None:
    """The act that makes `party` the initiator: its own starting act, else a retaliation aimed at it."""
    for a in acts:
        if a.actor == party and a.initiating and not a.negated and not a.background:
            return a
    for a in acts:
        if a.action == "retaliate" and a.target == party:
            return a
    return None


def _literal(act: Act | None, event: Event | None) -> str:
    if act is None:
        return ""
    if act.action == "retaliate":
        return f"retaliation against {_party_name(event, act.target)}"
    return f"\"{_short(act.evidence)}\""


def self_contradictions(analyses: list[SentenceAnalysis], event: Event | None = None) -> list[Disagreement]:
    """Places where one article presents different parties as the initiator (module docstring). Explanations
    use {outlet_a} for the article's outlet; party names come from `event` (party ids without it)."""
    claims = _claims(analyses)
    out: list[Disagreement] = []
    own = [c for c in claims if c.holder == ""]
    sources: dict[str, list[_Claim]] = {}
    for c in claims:
        if c.holder:
            sources.setdefault(c.holder, []).append(c)
    reported_pairs: set[tuple[str, str, str]] = set()
    if own:
        first = own[0]
        for holder, cs in sources.items():
            parties = {c.party for c in cs}
            for c in cs:
                if c.party == first.party:
                    continue
                supports = first.party in parties
                self_incriminating = c.source_party is not None and c.source_party == c.party
                if not (supports or self_incriminating):
                    continue
                key = (holder, first.party, c.party)
                if key in reported_pairs:
                    continue
                reported_pairs.add(key)
                p_own, p_src = _party_name(event, first.party), _party_name(event, c.party)
                text = (f"{{outlet_a}} says in its own words that {_esc(p_own)} started it, but the "
                        f"{_esc(holder)} statement it quotes, read literally, presents {_esc(p_src)} as the side "
                        f"that started it: {_esc(_literal(c.act, event))}.")
                out.append(Disagreement("self", p_own, p_src, " ".join(text.split()),
                                        tuple(x.act.evidence for x in (first, c) if x.act is not None),
                                        (first.index, c.index)))
    groups = [("", own)] + list(sources.items())
    for holder, cs in groups:
        ordered: list[str] = []
        for c in cs:
            if c.party not in ordered:
                ordered.append(c.party)
        if len(ordered) < 2:
            continue
        if holder and any(k[0] == holder for k in reported_pairs):
            continue
        a_claim = next(c for c in cs if c.party == ordered[0])
        b_claim = next(c for c in cs if c.party == ordered[1])
        pa, pb = _party_name(event, ordered[0]), _party_name(event, ordered[1])
        who = "{outlet_a} itself" if not holder else f"the {_esc(holder)}, as quoted by {{outlet_a}},"
        text = (f"{who} presents both {_esc(pa)} ({_esc(_literal(a_claim.act, event))}) and {_esc(pb)} "
                f"({_esc(_literal(b_claim.act, event))}) as the side that started it.")
        text = text[0].upper() + text[1:] if not text.startswith("{") else text
        out.append(Disagreement("self", pa, pb, " ".join(text.split()),
                                tuple(x.act.evidence for x in (a_claim, b_claim) if x.act is not None),
                                (a_claim.index, b_claim.index)))
    return out
