"""Labels of the real-coverage benchmark: loaded, checked, and turned into unit pairs.

A *unit* is what a label refers to: a sentence of the labelling listing ("outlet:N", realcov events and BASIL) or
a paragraph (NeuS). Every unit carries a list of fact ids, "unique" or "boilerplate" (tests/realcov/GUIDELINES.md).
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import RashomonError

SAME, CONTRADICTING, RELATED, UNRELATED = "same_fact", "contradicting", "related", "unrelated"
_LISTING_LINE = re.compile(r"^\[(?P<ref>[^\]:]+:\d+)\](?: \(title\))? (?P<text>.*)$")


class LabelError(RashomonError):
    """A label file that does not follow tests/realcov/GUIDELINES.md."""


@dataclass(frozen=True)
class Attributed:
    source_party: str | None
    blamed_party: str
    status: str                        # claim | denial


@dataclass(frozen=True)
class Casualty:
    what: str                          # killed | wounded | captured | missing
    side: str
    low: float | None
    high: float | None


@dataclass(frozen=True)
class ArticleLabel:
    outlet: str
    own_voice_initiator: str | None
    attributed: frozenset[Attributed]
    casualties: frozenset[Casualty]


@dataclass(frozen=True)
class Disagreement:
    id: str
    kind: str
    what: str
    sides: tuple[tuple[frozenset[str], frozenset[str]], ...]   # (outlets, evidence unit refs) per side


@dataclass
class GroupLabels:
    """The labels of one event (or BASIL triplet / NeuS story)."""

    group_id: str
    units: dict[str, Any]                       # ref -> frozenset of fact ids | "unique" | "boilerplate"
    facts: dict[str, str]                       # fact id -> topic
    contradicts: set[frozenset[str]]
    unit_text: dict[str, str] = field(default_factory=dict)
    articles: dict[str, ArticleLabel] = field(default_factory=dict)
    disagreements: list[Disagreement] = field(default_factory=list)
    unscorable: list[str] = field(default_factory=list)   # label entries outside the guidelines, left out of scores

    def outlet_units(self, outlet: str) -> list[str]:
        return [r for r in self.units if r.split(":", 1)[0] == outlet]

    def relation(self, a: str, b: str) -> str:
        la, lb = self.units[a], self.units[b]
        if not isinstance(la, frozenset) or not isinstance(lb, frozenset):
            return UNRELATED
        if la & lb:
            return SAME
        if any(frozenset((x, y)) in self.contradicts for x in la for y in lb):
            return CONTRADICTING
        if {self.facts[x] for x in la} & {self.facts[y] for y in lb}:
            return RELATED
        return UNRELATED

    def cross_outlet_pairs(self) -> Iterator[tuple[str, str, str]]:
        """(a, b, relation) for every pair of units from different outlets."""
        for a, b in itertools.combinations(sorted(self.units), 2):
            if a.split(":", 1)[0] != b.split(":", 1)[0]:
                yield a, b, self.relation(a, b)


def _unit_value(where: str, ref: str, value: Any, facts: dict[str, str]) -> Any:
    if value in ("unique", "boilerplate"):
        return value
    if isinstance(value, list) and value and all(isinstance(f, str) for f in value):
        missing = [f for f in value if f not in facts]
        if missing:
            raise LabelError(f"{where}: unit {ref} names undefined fact(s) {missing}")
        return frozenset(value)
    raise LabelError(f"{where}: unit {ref} must be a list of fact ids, 'unique' or 'boilerplate', not {value!r}")


def _group(where: str, group_id: str, raw: dict[str, Any], units_key: str) -> GroupLabels:
    facts_raw = raw.get("facts") or {}
    facts = {f: (v or {}).get("topic") or f for f, v in facts_raw.items()}
    units = {ref: _unit_value(where, ref, v, facts) for ref, v in (raw.get(units_key) or {}).items()}
    contradicts = set()
    for pair in raw.get("contradicts") or []:
        if len(pair) != 2 or any(f not in facts for f in pair):
            raise LabelError(f"{where}: contradicts entry {pair!r} must name two defined facts")
        contradicts.add(frozenset(pair))
    return GroupLabels(group_id, units, facts, contradicts)


def attach_texts(g: GroupLabels, texts: dict[str, str], where: str) -> GroupLabels:
    """Give the labels the texts of their units: a label for a unit that does not exist is an error; a unit the
    labeller passed over states a fact no other outlet states ("unique")."""
    unknown = sorted(set(g.units) - set(texts))
    if unknown:
        raise LabelError(f"{where}: labels for units that do not exist: {unknown[:5]}")
    g.unit_text = texts
    for ref in set(texts) - set(g.units):
        g.units[ref] = "unique"
    return g


def read_listing(path: Path) -> dict[str, str]:
    """ref -> sentence text, from a listing written by `python -m rashomon.realcov.listing`."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _LISTING_LINE.match(line)
        if m:
            out[m["ref"]] = m["text"]
    return out


def _refs(where: str, refs: Any, known: dict[str, Any]) -> frozenset[str]:
    refs = refs or []
    bad = [r for r in refs if r not in known]
    if bad:
        raise LabelError(f"{where}: evidence {bad} is not a sentence of the listing")
    return frozenset(refs)


def _num(v: Any) -> float | None:
    return None if v is None else float(v)


CASUALTY_KINDS = {"killed": "killed", "dead": "killed", "wounded": "wounded", "injured": "wounded",
                  "captured": "captured", "missing": "missing"}


def _casualty(raw: dict[str, Any]) -> Casualty | None:
    """A labelled figure as the scorer compares it, or None when the guidelines do not cover it (a combined toll of
    two sides, "killed or injured", "casualties"). "killed (an officer and two soldiers)" is a killed figure;
    "civilians:<party>" counts as that party's people."""
    what = CASUALTY_KINDS.get(re.sub(r"\s*\(.*\)$", "", str(raw.get("what", ""))).strip().lower())
    side = str(raw.get("side", "")).split(":")[-1]
    if what is None or not re.fullmatch(r"[a-z][a-z0-9_]*", side) or side == "all":
        return None
    return Casualty(what, side, _num(raw.get("low")), _num(raw.get("high")))


def load_event_labels(path: Path, listing: Path | None = None) -> GroupLabels:
    """A realcov event's labels (`labels/<event-id>.json`) with the texts of its listing beside it."""
    where = str(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise LabelError(f"{where}: cannot read labels: {exc}") from exc
    event_id = raw.get("event_id") or path.name.split(".")[0]
    g = _group(where, event_id, raw, "sentences")
    listing = listing or path.with_name(f"{event_id}.sentences.txt")
    if not listing.is_file():
        raise LabelError(f"{where}: its listing {listing.name} is missing")
    attach_texts(g, read_listing(listing), where)
    for outlet, art in (raw.get("articles") or {}).items():
        w = f"{where}: articles.{outlet}"
        try:
            attributed = frozenset(
                Attributed(a.get("source_party"), a["blamed_party"], a.get("status", "claim"))
                for a in art.get("attributed") or []
            )
        except KeyError as exc:
            raise LabelError(f"{w}: an attributed entry has no {exc}") from exc
        casualties = set()
        for c in art.get("casualties") or []:
            one = _casualty(c)
            if one is None:
                g.unscorable.append(f"{outlet}: casualty {c.get('what')!r} of {c.get('side')!r}")
            else:
                casualties.add(one)
        for a in attributed:
            if a.status not in ("claim", "denial"):
                raise LabelError(f"{w}: attributed status must be claim or denial, not {a.status!r}")
        g.articles[outlet] = ArticleLabel(outlet, art.get("own_voice_initiator"), attributed, frozenset(casualties))
    for d in raw.get("disagreements") or []:
        w = f"{where}: disagreement {d.get('id')}"
        sides = tuple(
            (frozenset(s.get("outlets") or []), _refs(w, s.get("evidence"), g.unit_text)) for s in d.get("sides") or []
        )
        if len(sides) < 2 and d.get("kind") != "omission":
            raise LabelError(f"{w}: needs at least two sides")
        if "kind" not in d:
            raise LabelError(f"{w}: has no kind")
        g.disagreements.append(Disagreement(d.get("id", "?"), d["kind"], d.get("what", ""), sides))
    return g


def load_shared_labels(path: Path) -> list[GroupLabels]:
    """BASIL / NeuS labels (`labels/shared/<dataset>.<labeller>.json`): ids and positions only."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    return [_group(f"{path}: {gid}", gid, g, "units") for gid, g in (raw.get("groups") or {}).items()]
