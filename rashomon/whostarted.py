"""The who-started-it table of a report: one row per outlet with its own-voice verdict and what the sources it
quotes say, each with its evidence, and the one-line summary a reader sees first (GUIDE §10). Read from the view
`initiator_by_outlet`."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Evidence:
    sentence_id: str
    sentence: str
    anchored: bool       # the sentence has an element `s-<id>` on the page (claims table or unique list)

    @property
    def short(self) -> str:
        """The sentence cut at a word boundary near 110 characters (the link leads to the whole sentence)."""
        text = " ".join(self.sentence.split())
        if len(text) <= 120:
            return text
        return text[:110].rsplit(" ", 1)[0].rstrip(",;:") + " …"


@dataclass
class Verdict:
    party_id: str
    party: str                       # party name from events.parties
    source: str | None               # None = the outlet's own voice; else whom it quotes
    evidence: list[Evidence] = field(default_factory=list)
    confidence: str = "moderate"     # initiator_by_outlet.confidence: strong | moderate
    in_headline: bool = False
    score: float | None = None       # initiator_by_outlet.score: the verdict gate's probability (own voice only)
    decisive: bool = False           # initiator_by_outlet.decisive: kept whatever the score (act before a response)

    @property
    def strength(self) -> str:
        """How strong the evidence is, in words: "strong evidence: the headline and 2 more sentences"."""
        n = len(self.evidence)
        where = (f"the headline and {n - 1} more sentence{'s' if n > 2 else ''}" if self.in_headline and n > 1
                 else "the headline" if self.in_headline else f"{n} sentence{'s' if n > 1 else ''}")
        kept = "; kept: it tells this act beside the other side's response" if self.decisive else ""
        score = "" if self.score is None else f" (confidence {self.score:.2f}{kept})"
        return f"{self.confidence} evidence{score}: {where}"


@dataclass
class QuotedVerdict:
    """Whom the sources an outlet quotes blame: one party, the sources that blame it, the sentences."""

    party_id: str
    party: str
    sources: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class OutletVerdicts:
    """One row of the who-started-it table."""

    outlet_id: str
    name: str
    perspective: str | None
    analysed: bool                                         # the detectors read this outlet's sentences
    own: list[Verdict] = field(default_factory=list)
    quoted: list[Verdict] = field(default_factory=list)
    conflicts_with: list[str] = field(default_factory=list)   # names of outlets whose own-voice verdict differs
    agrees_with: list[str] = field(default_factory=list)

    @property
    def quoted_by_party(self) -> list[QuotedVerdict]:
        out: dict[str, QuotedVerdict] = {}
        for v in self.quoted:
            q = out.setdefault(v.party_id, QuotedVerdict(v.party_id, v.party))
            if v.source and v.source not in q.sources:
                q.sources.append(v.source)
            seen = {e.sentence_id for e in q.evidence}
            q.evidence.extend(e for e in v.evidence if e.sentence_id not in seen)
        return sorted(out.values(), key=lambda q: (-len(q.evidence), q.party))

    @property
    def own_parties(self) -> tuple[str, ...]:
        return tuple(sorted({v.party_id for v in self.own}))

    @property
    def self_conflict(self) -> bool:
        return len(self.own_parties) > 1


@dataclass
class Summary:
    state: str            # disagree | agree | silent | not_analysed
    text: str             # the one-line verdict a reader sees first
    quoted: str | None    # what the quoted sources say, one line



def join_names(names: list[str]) -> str:
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def voice_label(voice: str | None, attributed_to: str | None) -> str | None:
    if not voice:
        return None
    if voice == "own":
        return "own voice"
    return f"attributed to {attributed_to}" if attributed_to else "attributed (source not named)"


# ---------------------------------------------------------------------------------------------------- who started it


def who_started_it(
    outlets: list[str], names: dict[str, str], perspectives: dict[str, str | None], analysed: dict[str, bool],
    rows: list[dict[str, Any]], party_names: dict[str, str], anchors: set[str],
) -> tuple[list[OutletVerdicts], Summary]:
    """Build the who-started-it table (one row per outlet) and its one-line summary from `initiator_by_outlet`."""
    table = {o: OutletVerdicts(o, names[o], perspectives.get(o), analysed.get(o, False)) for o in outlets}
    verdicts: dict[tuple[str, bool, str | None, str], Verdict] = {}
    for r in rows:
        o = r["outlet_id"]
        if o not in table:
            continue
        key = (o, bool(r["own_voice"]), r["attributed_to"], r["says_initiator"])
        v = verdicts.get(key)
        if v is None:
            party = party_names.get(r["says_initiator"], r["says_initiator"])
            v = verdicts[key] = Verdict(r["says_initiator"], party, None if r["own_voice"] else r["attributed_to"],
                                        confidence=r.get("confidence") or "moderate",
                                        in_headline=bool(r.get("in_headline")), score=r.get("score"),
                                        decisive=bool(r.get("decisive")))
            (table[o].own if r["own_voice"] else table[o].quoted).append(v)
        v.evidence.append(Evidence(r["sentence_id"], r["sentence"], r["sentence_id"] in anchors))
    for row in table.values():
        if row.own:
            row.analysed = True
        for other in table.values():
            if other is row or not other.own or not row.own:
                continue
            (row.agrees_with if other.own_parties == row.own_parties else row.conflicts_with).append(other.name)

    # group outlets by their own-voice verdict: largest group first, the silent ones last
    groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for row in table.values():
        groups[row.own_parties].append(row.outlet_id)
    said = sorted((k for k in groups if k), key=lambda k: (-len(groups[k]), k))
    order = {o: i for i, k in enumerate(said + [()]) for o in sorted(groups.get(k, []), key=lambda x: names[x].casefold())}
    ordered = sorted(table.values(), key=lambda r: order[r.outlet_id])

    def party_list(parties: tuple[str, ...]) -> str:
        return join_names([party_names.get(p, p) for p in parties])

    clauses = []
    for k in said:
        members = sorted(groups[k], key=lambda x: names[x].casefold())
        verb = "blame" if len(members) > 1 else "blames"
        both = " (both, contradicting itself)" if len(k) > 1 else ""
        clauses.append(f"{join_names([names[o] for o in members])} {verb} {party_list(k)}{both}")
    silent = sorted(groups.get((), []), key=lambda x: names[x].casefold())
    silent_analysed = [o for o in silent if table[o].analysed]
    not_analysed = [o for o in silent if not table[o].analysed]
    if len(silent_analysed) > 1:
        clauses.append(f"{join_names([names[o] for o in silent_analysed])} do not say in their own voice")
    elif silent_analysed:
        clauses.append(f"{names[silent_analysed[0]]} does not say in its own voice")
    if not_analysed:
        verb = "were" if len(not_analysed) > 1 else "was"
        clauses.append(f"{join_names([names[o] for o in not_analysed])} {verb} not analysed")
    distinct = {p for k in said for p in k}
    if not any(table[o].analysed for o in outlets):
        state, lead = "not_analysed", "Who started it has not been analysed yet: no detector output for this event."
    elif len(distinct) > 1:
        state, lead = "disagree", "The outlets disagree on who started it: "
    elif distinct:
        state, lead = "agree", "The outlets that say agree on who started it: "
    else:
        state, lead = "silent", "No outlet says in its own voice who started it: "
    text = lead if state == "not_analysed" else lead + "; ".join(clauses) + "."

    quoted_by_party: dict[str, set[str]] = defaultdict(set)
    for row in table.values():
        for v in row.quoted:
            quoted_by_party[v.party_id].add(row.outlet_id)
    quoted = None
    if quoted_by_party:
        parts = []
        for p in sorted(quoted_by_party, key=lambda p: (-len(quoted_by_party[p]), p)):
            members = quoted_by_party[p]
            missing = sorted((names[o] for o in outlets if o not in members), key=str.casefold)
            if not missing:
                where = f"all {len(outlets)} outlets" if len(outlets) > 2 else "both outlets"
            elif len(missing) <= 2 and len(members) > len(missing):
                where = f"{len(members)} outlets, all but {join_names(missing)}"
            else:
                where = join_names(sorted((names[o] for o in members), key=str.casefold))
            parts.append(f"{party_names.get(p, p)} (in {where})")
        quoted = "The sources they quote blame " + join_names(parts) + "."
    return ordered, Summary(state, text, quoted)


# ---------------------------------------------------------------------------------------------------- pictures
