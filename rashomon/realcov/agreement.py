"""Agreement between two labellers of the same event (labels/<event>.json vs labels/agreement/<event>.<who>.json).

    python -m rashomon.realcov.agreement [tests/realcov]

prints, per doubly labelled event and in all: own-voice verdict agreement and Cohen's kappa, F1 between the two
labellers' attributed blames, casualty figures and same-fact pairs.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .labels import SAME, GroupLabels, load_event_labels
from .run import BENCH_DIR


@dataclass
class Agreement:
    articles: int = 0
    verdict_same: int = 0
    pairs: list = None            # (verdict_a, verdict_b) per article
    attr: tuple[int, int, int] = (0, 0, 0)      # both, only a, only b
    cas: tuple[int, int, int] = (0, 0, 0)
    same_fact: tuple[int, int, int] = (0, 0, 0)


def _add(t: tuple[int, int, int], a: set, b: set) -> tuple[int, int, int]:
    return t[0] + len(a & b), t[1] + len(a - b), t[2] + len(b - a)


def f1(t: tuple[int, int, int]) -> float | None:
    both, only_a, only_b = t
    return 2 * both / (2 * both + only_a + only_b) if (both or only_a or only_b) else None


def kappa(pairs: list[tuple[str, str]]) -> float | None:
    if not pairs:
        return None
    n = len(pairs)
    po = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return 1.0 if pe == 1 else (po - pe) / (1 - pe)


def compare(a: GroupLabels, b: GroupLabels, into: Agreement) -> Agreement:
    for outlet in sorted(set(a.articles) & set(b.articles)):
        va, vb = a.articles[outlet].own_voice_initiator or "none", b.articles[outlet].own_voice_initiator or "none"
        into.articles += 1
        into.verdict_same += va == vb
        into.pairs.append((va, vb))
        into.attr = _add(into.attr, set(a.articles[outlet].attributed), set(b.articles[outlet].attributed))
        into.cas = _add(into.cas, {(outlet, c) for c in a.articles[outlet].casualties},
                        {(outlet, c) for c in b.articles[outlet].casualties})
    same_a = {frozenset((x, y)) for x, y, r in a.cross_outlet_pairs() if r == SAME}
    same_b = {frozenset((x, y)) for x, y, r in b.cross_outlet_pairs() if r == SAME}
    into.same_fact = _add(into.same_fact, same_a, same_b)
    return into


def _fmt(v: float | None) -> str:
    return "n/a" if v is None else f"{v:.2f}"


def report(name: str, ag: Agreement) -> str:
    return (f"{name}: verdict agreement {ag.verdict_same}/{ag.articles} "
            f"({_fmt(ag.verdict_same / ag.articles if ag.articles else None)}), kappa {_fmt(kappa(ag.pairs))}; "
            f"attributed F1 {_fmt(f1(ag.attr))}; casualties F1 {_fmt(f1(ag.cas))}; same-fact pairs F1 {_fmt(f1(ag.same_fact))}")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    bench = Path(argv[0]) if argv else BENCH_DIR
    total = Agreement(pairs=[])
    for second in sorted((bench / "labels" / "agreement").glob("*.json")):
        event_id = second.name.split(".")[0]
        first = bench / "labels" / f"{event_id}.json"
        if not first.is_file():
            continue
        listing = bench / "labels" / f"{event_id}.sentences.txt"
        a, b = load_event_labels(first), load_event_labels(second, listing)
        print(report(event_id, compare(a, b, Agreement(pairs=[]))))
        compare(a, b, total)
    print(report("all", total))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
