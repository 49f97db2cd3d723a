"""Score the pipeline's real outputs (tables and views of its DuckDB file) against the benchmark's labels.

    verdict       own-voice verdict accuracy per labelled article (abstaining right counts as right)
    false_assert  share of articles labelled "does not say" that get an own-voice verdict
    attributed_p/r  (source party, blamed party, claim|denial) per article
    casualties    F1 of (killed|wounded|captured|missing, side, low, high) per article
    purity        share of multi-outlet claims whose labelled cross-outlet pairs all state one fact
    pair_recall   labelled same-fact unit pairs (different outlets) put in one claim
    card_p/card_r cards (one per card_id of `disagreements`) matching a labelled disagreement / labelled disagreements
                  with a card; a number card matches only when both its figures are among those the label names
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from dataclasses import dataclass, field, fields
from typing import Any

from .figures import shows_named_figure
from .labels import SAME, Attributed, Casualty, GroupLabels

_WORD = re.compile(r"[\w']+")
KIND_MATCH = {  # labelled kind -> the card kinds that show it
    "initiator": {"initiator", "self"}, "number": {"number"}, "place": {"place"}, "time": {"time"},
    "attribution": {"attribution", "initiator"}, "wording": {"wording", "framing"}, "framing": {"wording", "framing"},
    "omission": {"omission"},
    "contradiction": {"initiator", "self", "number", "place", "time", "attribution", "weapon", "contradiction"},
}
QUANTITY = {"dead": "killed", "killed": "killed", "wounded": "wounded", "injured": "wounded",
            "captured": "captured", "missing": "missing"}


def tokens(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def map_units(sentences: list[dict[str, Any]], labels: GroupLabels, outlet_of_side: dict[str, str] | None = None):
    """pipeline sentence_id -> unit ref: each sentence goes to the unit of its outlet that contains most of its words."""
    by_outlet: dict[str, list[tuple[str, set[str]]]] = defaultdict(list)
    for ref, text in labels.unit_text.items():
        side = ref.split(":", 1)[0]
        by_outlet[(outlet_of_side or {}).get(side, side)].append((ref, tokens(text)))
    out = {}
    for s in sentences:
        st = tokens(s["text"])
        if not st:
            continue
        best, best_score = None, 0.0
        for ref, ut in by_outlet.get(s["outlet_id"], ()):
            inter = len(st & ut)
            score = inter / len(st) + inter / (len(st | ut) or 1) * 1e-3
            if score > best_score:
                best, best_score = ref, score
        if best is not None and best_score >= 0.6:
            out[s["sentence_id"]] = best
    return out


@dataclass
class Counts:
    verdict_right: int = 0
    verdict_n: int = 0
    none_n: int = 0
    none_asserted: int = 0
    attr_tp: int = 0
    attr_pred: int = 0
    attr_gold: int = 0
    cas_tp: int = 0
    cas_pred: int = 0
    cas_gold: int = 0
    claims_judged: int = 0
    claims_pure: int = 0
    pairs_same: int = 0
    pairs_found: int = 0
    para_same: int = 0
    para_found: int = 0
    pairs_labelled: int = 0
    cards: int = 0
    cards_matched: int = 0
    dis_n: int = 0
    dis_found: int = 0
    events: int = 0
    articles: int = 0
    units_labelled: int = 0
    units_found: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        for f in fields(self):
            if f.name == "errors":
                self.errors.extend(other.errors)
            else:
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    @staticmethod
    def _r(a: int, b: int) -> float | None:
        return a / b if b else None

    def scores(self) -> dict[str, float | None]:
        r = self._r
        return {
            "verdict": r(self.verdict_right, self.verdict_n),
            "false_assert": r(self.none_asserted, self.none_n),
            "attributed_p": r(self.attr_tp, self.attr_pred),
            "attributed_r": r(self.attr_tp, self.attr_gold),
            "casualties": r(2 * self.cas_tp, self.cas_pred + self.cas_gold),
            "purity": r(self.claims_pure, self.claims_judged),
            "pair_recall": r(self.pairs_found, self.pairs_same),
            "card_p": r(self.cards_matched, self.cards),
            "card_r": r(self.dis_found, self.dis_n),
        }


def score_alignment(c: Counts, labels: GroupLabels, unit_of: dict[str, str], claims: list[dict[str, Any]]) -> None:
    """purity and pair_recall of the event's claims (rows of `alignments`) against the labelled units."""
    members: dict[str, list[tuple[str, str]]] = defaultdict(list)   # claim -> (outlet, unit)
    together: set[frozenset[str]] = set()
    for row in claims:
        unit = unit_of.get(row["sentence_id"])
        members[row["claim_id"]].append((row["outlet_id"], unit))
    for ms in members.values():
        if len({o for o, _ in ms}) < 2:
            continue
        units = [(o, u) for o, u in ms if u is not None]
        for (_, a), (_, b) in itertools.combinations(units, 2):
            together.add(frozenset((a, b)))
        rels = [labels.relation(a, b) for (oa, a), (ob, b) in itertools.combinations(units, 2) if oa != ob]
        if rels:
            c.claims_judged += 1
            c.claims_pure += all(r == SAME for r in rels)
    for a, b, rel in labels.cross_outlet_pairs():
        if rel == "unrelated":
            continue
        c.pairs_labelled += 1
        if rel != SAME:
            continue
        found = frozenset((a, b)) in together
        c.pairs_same += 1
        c.pairs_found += found
        ta, tb = tokens(labels.unit_text.get(a, "")), tokens(labels.unit_text.get(b, ""))
        if ta and tb and len(ta & tb) / len(ta | tb) < 0.5:   # a paraphrase, not a shared quote
            c.para_same += 1
            c.para_found += found


def score_verdicts(c: Counts, labels: GroupLabels, own: dict[str, set[str]],
                   attributed: dict[str, set[Attributed]], casualties: dict[str, set[Casualty]],
                   parties: set[str] | None = None) -> None:
    """`parties`: the event file's party ids. A labelled source outside them ("witnesses", "media reports", ids a
    labeller made up as GUIDELINES.md allows) is what the pipeline reports as a source with no party: scored as one
    (since 2026-12-04; before, such a label could never be matched)."""
    for outlet, art in labels.articles.items():
        c.articles += 1
        predicted = own.get(outlet, set())
        gold = {art.own_voice_initiator} if art.own_voice_initiator else set()
        c.verdict_n += 1
        c.verdict_right += predicted == gold
        if not gold:
            c.none_n += 1
            c.none_asserted += bool(predicted)
        ga = {a if parties is None or a.source_party in parties else Attributed(None, a.blamed_party, a.status)
              for a in art.attributed}
        pa = attributed.get(outlet, set())
        c.attr_tp += len(pa & ga)
        c.attr_pred += len(pa)
        c.attr_gold += len(ga)
        pc, gc = casualties.get(outlet, set()), set(art.casualties)
        c.cas_tp += len(pc & gc)
        c.cas_pred += len(pc)
        c.cas_gold += len(gc)


def score_cards(c: Counts, labels: GroupLabels, unit_of: dict[str, str], rows: list[dict[str, Any]]) -> None:
    """A card is one disagreement (rows of `disagreements` sharing a card_id, one row per pair of outlets; rows
    without a card_id are a card each). It shows a labelled disagreement when at least half of its pairs of outlets
    do (a card lists outlets: one that puts most of them on the wrong side is wrong)."""
    cards: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for i, row in enumerate(rows):
        cards[row.get("card_id") or i].append(row)
    found: set[str] = set()
    for pairs in cards.values():
        c.cards += 1
        hits = set()
        for d in labels.disagreements:
            if pairs[0]["kind"] not in KIND_MATCH.get(d.kind, {d.kind}):
                continue
            by_outlets: dict[frozenset[str], bool] = defaultdict(bool)   # a pair of outlets shows it if one of
            for p in pairs:                                               # its pairs of sentences does
                key = frozenset((p["outlet_a"], p["outlet_b"]))
                by_outlets[key] = by_outlets[key] or _card_matches(p, d, unit_of, labels)
            if 2 * sum(by_outlets.values()) >= len(by_outlets):
                hits.add(d.id)
        c.cards_matched += bool(hits)
        found |= hits
    c.dis_n += len(labels.disagreements)
    c.dis_found += len(found)


def _card_matches(card: dict[str, Any], d, unit_of: dict[str, str], labels: GroupLabels) -> bool:
    a, b = card["outlet_a"], card["outlet_b"]
    if card["kind"] == "number" and not all(shows_named_figure(card.get(v), d.what) for v in ("value_a", "value_b")):
        return False    # the right sentences with figures the label does not name tell the reader something false
    side_of = {}
    for i, (outlets, _) in enumerate(d.sides):
        for o in outlets:
            side_of.setdefault(o, i)
    if a not in side_of or b not in side_of or side_of[a] == side_of[b]:
        return False
    evidence = set().union(*(ev for _, ev in d.sides)) if d.sides else set()
    with_evidence = {ref.split(":", 1)[0] for ref in evidence}
    # a sentence stating the same fact as an evidence sentence of its outlet counts as evidence too
    facts = set().union(*(labels.units[r] for r in evidence if isinstance(labels.units.get(r), frozenset)))
    # (for an omission, outlet_a reports the claim and outlet_b leaves it out: only outlet_a's sentence is shown)
    checks = [unit_of.get(sid) for outlet, sid in ((a, card.get("sentence_id_a")), (b, card.get("sentence_id_b")))
              if outlet in with_evidence and sid is not None]
    if not checks:
        return True
    return any(u in evidence or (isinstance(labels.units.get(u), frozenset) and labels.units[u] & facts)
               for u in checks if u is not None)
