"""Disagreement cards of the report: one card per disagreement (a row of the view `disagreement_cards`), naming every
outlet on each side, grouped by kind and ranked by weight; and the short "key findings" list at the top.

A card shows one pair of sentences as its evidence. The word diff is shown only where the two sentences share most
of their words (otherwise nearly every word would be marked and the marks say nothing).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from .diffing import WordDiff, word_diff
from .kinds import load_kinds

# disagreement kinds (rashomon/kinds.toml): heading and what the kind means, in display order within equal severity
KINDS: dict[str, tuple[str, str]] = {k.kind: (k.title, k.explanation) for k in load_kinds().kinds.values()}
SEVERITY_NAMES = load_kinds().severity_names
DIFF_MIN_SHARED = 0.5      # show the word diff only when the two sentences share at least half of their words
KEY_FINDINGS = 5           # cards in the "key findings" list


@dataclass
class Card:
    card_id: str
    kind: str
    severity: int
    claim_id: str | None
    claim_number: int | None
    outlets_a: list[str]
    outlets_b: list[str]
    names_a: list[str]
    names_b: list[str]
    n_pairs: int
    outlet_a: str                 # the pair whose sentences are shown
    outlet_b: str
    name_a: str
    name_b: str
    sentence_id_a: str | None
    sentence_id_b: str | None
    sentence_a: str | None
    sentence_b: str | None
    value_a: str | None
    value_b: str | None
    explanation: str
    diff: WordDiff | None
    anchored_a: bool
    anchored_b: bool

    @property
    def side_a(self) -> str:
        return ", ".join(self.names_a)

    @property
    def side_b(self) -> str:
        return ", ".join(self.names_b)

    @property
    def headline(self) -> str:
        """One line naming the disagreement and every outlet on each side."""
        if self.kind == "omission":   # a claim, or (no claim) one party's account of who started it
            what = self.value_a if self.claim_id is None and self.value_a else f"what {self.side_a} report"
            return f"{self.side_b} leave{'s' if len(self.names_b) == 1 else ''} out {what}"
        if self.kind == "self":
            return f"{self.name_a} contradicts itself"
        one_a, one_b = len(self.names_a) == 1, len(self.names_b) == 1
        if self.kind == "wording":
            if not one_b:   # one card per loaded word: the other outlets' words may differ, only one pair is shown
                return (f"{self.side_a} say{'s' if one_a else ''} “{self.value_a}” where {self.side_b} use other "
                        f"words ({self.name_b}: “{self.value_b}”)")
            return f"{self.side_a} say{'s' if one_a else ''} “{self.value_a}” where {self.side_b} says “{self.value_b}”"
        if self.kind == "initiator" and set(self.outlets_a) & set(self.outlets_b):
            # outlets on both sides: they carry both accounts (each side's sources blame the other)
            return (f"the accounts disagree on who started it: {self.value_a} (in {self.side_a}) vs "
                    f"{self.value_b} (in {self.side_b})")
        if self.kind == "attribution" and "own" in (self.value_a, self.value_b):
            own, other, source = ((self.side_a, self.side_b, self.value_b) if self.value_a == "own"
                                  else (self.side_b, self.side_a, self.value_a))
            return f"{own} state{'s' if own.count(',') == 0 else ''} it in their own words; {other} attribute it to {source}"
        return f"{self.side_a}: {self.value_a or '—'} · {self.side_b}: {self.value_b or '—'}"


@dataclass
class CardGroup:
    kind: str
    title: str
    description: str
    severity: int
    cards: list[Card]


def card_from_row(r: dict[str, Any], names: dict[str, str], party_names: dict[str, str], claim_number: int | None,
                  anchors: set[str]) -> Card:
    """One row of the view `disagreement_cards` as a card: outlet and party names, the explanation, the word diff."""
    va, vb = r["value_a"], r["value_b"]
    explanation = r["explanation"] or ""
    name_a, name_b = names.get(r["outlet_a"], r["outlet_a"]), names.get(r["outlet_b"], r["outlet_b"])
    if r["kind"] in ("initiator", "self"):
        # the view's default explanation names parties by id ("presents armenia"): say their names instead
        for old, new in ((r["value_a"], party_names.get(va, va)), (r["value_b"], party_names.get(vb, vb))):
            if old and new and old != new:
                explanation = explanation.replace(f" {old} ", f" {new} ").replace(f" {old}.", f" {new}.")
        va, vb = party_names.get(va, va), party_names.get(vb, vb)
    outlets_a, outlets_b = list(r.get("outlets_a") or [r["outlet_a"]]), list(r.get("outlets_b") or [r["outlet_b"]])
    if r["kind"] == "initiator" and (len(outlets_a) > 1 or len(outlets_b) > 1):
        side_a, side_b = (", ".join(names.get(o, o) for o in outlets) for outlets in (outlets_a, outlets_b))
        explanation = (f"{side_a} present{'s' if len(outlets_a) == 1 else ''} {va} as having started it; "
                       f"{side_b} present{'s' if len(outlets_b) == 1 else ''} {vb}.")
    diff = None
    if r["sentence_a"] and r["sentence_b"]:
        d = word_diff(r["sentence_a"], r["sentence_b"])
        diff = d if d.ratio >= DIFF_MIN_SHARED else None
    return Card(
        card_id=r.get("card_id") or "", kind=r["kind"], severity=int(r["severity"]), claim_id=r["claim_id"],
        claim_number=claim_number, outlets_a=outlets_a, outlets_b=outlets_b,
        names_a=[names.get(o, o) for o in outlets_a], names_b=[names.get(o, o) for o in outlets_b],
        n_pairs=int(r.get("n_pairs") or 1), outlet_a=r["outlet_a"], outlet_b=r["outlet_b"], name_a=name_a,
        name_b=name_b, sentence_id_a=r["sentence_id_a"], sentence_id_b=r["sentence_id_b"],
        sentence_a=r["sentence_a"], sentence_b=r["sentence_b"], value_a=va, value_b=vb,
        explanation=explanation, diff=diff,
        anchored_a=r["sentence_id_a"] in anchors, anchored_b=r["sentence_id_b"] in anchors,
    )


def card_groups(cards: list[Card]) -> list[CardGroup]:
    """Cards grouped by kind, the heaviest kind first; within a kind, the cards with most outlets first (the view's
    order, which the cards keep)."""
    groups: dict[str, list[Card]] = defaultdict(list)
    for c in cards:
        groups[c.kind].append(c)
    order = list(KINDS)
    out = [CardGroup(k, *KINDS.get(k, (k.title(), "")), max(c.severity for c in cs), cs) for k, cs in groups.items()]
    out.sort(key=lambda g: (-g.severity, order.index(g.kind) if g.kind in order else 99, g.kind))
    return out


def key_findings(cards: list[Card], limit: int = KEY_FINDINGS) -> list[Card]:
    """The heaviest cards, at most one per kind first, then the next heaviest: what a reader should see first."""
    ranked = sorted(cards, key=lambda c: (-c.severity, list(KINDS).index(c.kind) if c.kind in KINDS else 99,
                                          -(len(c.outlets_a) + len(c.outlets_b))))
    first = {}
    for c in ranked:
        first.setdefault(c.kind, c)
    picked = list(first.values())[:limit]
    picked += [c for c in ranked if c not in picked][: limit - len(picked)]
    return sorted(picked, key=ranked.index)
