"""Score the detectors on the hand-written development set (tests/dev/detect_dev.jsonl).

Each row is one sentence, analysed on its own (no previous sentence), with its event from tests/dev/events/.
Prints, like `rashomon eval` does for the held-out set:

- initiator party accuracy on the rows where the label or the code names an initiator (plus its misses, false
  alarms and wrong parties);
- voice (own/attributed) accuracy; attribution source party accuracy on attributed rows with a labelled party;
- casualty counts: recall and precision of (quantity, low, high), killed and dead taken as one quantity, and how
  many matched counts also have the labelled party;
- number disagreements over every pair of rows of one event that both carry counts: gold from the labels (the
  same rule as `rashomon.evaluate`), predicted by `compare`.

Rows carry an optional "split": "a" (the default: written first, with the known failure patterns in mind) or "b"
(written afterwards, before running the code on them, as a check that the fixes generalise).

Usage: python tests/dev/score_dev.py [-v] [--split a|b]   (-v lists every error)
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from rashomon.detect import analyse, compare  # noqa: E402
from rashomon.evaluate import _gold_number_conflict  # noqa: E402
from rashomon.nlp import load_nlp  # noqa: E402
from rashomon.sources import load_event  # noqa: E402


def _norm(p: str | None) -> str | None:
    return None if p in (None, "", "null", "unknown") else p


def _bucket(q: str) -> str:
    return "killed" if q in ("killed", "dead") else q


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--split", choices=["a", "b"], default=None, help="score only this split (default: all rows)")
    args = ap.parse_args()
    rows = [json.loads(line) for line in (HERE / "detect_dev.jsonl").read_text().splitlines() if line.strip()]
    if args.split:
        rows = [r for r in rows if r.get("split", "a") == args.split]
    events = {p.stem: load_event(p) for p in sorted((HERE / "events").glob("*.toml"))}
    nlp = load_nlp()
    analyses = {r["id"]: analyse(r["text"], events[r["event"]], nlp=nlp) for r in rows}

    init_ok = init_n = miss = false_alarm = wrong = 0
    voice_ok = src_ok = src_n = 0
    n_gold = n_pred = n_hit = n_party = n_party_n = 0
    errors: list[str] = []
    for r in rows:
        an = analyses[r["id"]]
        g, p = _norm(r["initiator"]), _norm(an.initiator)
        if g is not None or p is not None:
            init_n += 1
            if g == p:
                init_ok += 1
            else:
                if p is None:
                    miss += 1
                elif g is None:
                    false_alarm += 1
                else:
                    wrong += 1
                acts = "; ".join(f"{a.action}:{a.actor}{'' if a.initiating else '(ni)'}" for a in an.acts)
                errors.append(f"INIT {r['id']} gold={g} pred={p} | {r['text']} | acts: {acts}")
        v = "attributed" if an.voice.attributed else "own"
        if v == r["voice"]:
            voice_ok += 1
        else:
            errors.append(f"VOICE {r['id']} gold={r['voice']} pred={v} | {r['text']}")
        if r["voice"] == "attributed" and r.get("attributed_party"):
            src_n += 1
            if an.voice.attributed_party == r["attributed_party"]:
                src_ok += 1
            else:
                errors.append(f"SRC {r['id']} gold={r['attributed_party']} pred={an.voice.attributed_party} | "
                              f"{r['text']}")
        gold = [(_bucket(x["quantity"]), x["low"], x["high"], x.get("party")) for x in r["numbers"]]
        pred = [(_bucket(c.quantity), c.low, c.high, c.party) for c in an.numbers if c.quantity != "other"]
        n_gold += len(gold)
        n_pred += len(pred)
        unmatched = list(pred)
        for gq in gold:
            hit = next((x for x in unmatched if x[:3] == gq[:3]), None)
            if hit is not None:
                unmatched.remove(hit)
                n_hit += 1
                if gq[3] is not None:
                    n_party_n += 1
                    n_party += hit[3] == gq[3]
            else:
                errors.append(f"NUM-MISS {r['id']} gold={gq} pred={pred} | {r['text']}")
        for x in unmatched:
            errors.append(f"NUM-EXTRA {r['id']} pred={x} gold={gold} | {r['text']}")

    # number disagreements over pairs of one event
    by_event: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if r["numbers"] or any(c.quantity != "other" for c in analyses[r["id"]].numbers):
            by_event[r["event"]].append(r)
    tp = fp = fn = 0
    for ev, rs in by_event.items():
        for a, b in itertools.combinations(rs, 2):
            g = _gold_number_conflict(a, b)
            p = any(d.kind == "number" for d in compare(analyses[a["id"]], analyses[b["id"]], events[ev]))
            tp += g and p
            fp += p and not g
            fn += g and not p
            if g != p and args.verbose:
                errors.append(f"PAIR {'fn' if g else 'fp'} {a['id']}/{b['id']} | {a['text'][:70]} || {b['text'][:70]}")

    def pct(a: int, b: int) -> str:
        return f"{a / b:5.3f}" if b else "  n/a"

    print(f"rows                         {len(rows)}")
    print(f"initiator party              accuracy {pct(init_ok, init_n)}  ({init_ok}/{init_n}; misses {miss}, "
          f"false alarms {false_alarm}, wrong party {wrong})")
    print(f"voice (own/attributed)       accuracy {pct(voice_ok, len(rows))}  ({voice_ok}/{len(rows)})")
    print(f"attribution source party     accuracy {pct(src_ok, src_n)}  ({src_ok}/{src_n})")
    print(f"casualty counts              recall {pct(n_hit, n_gold)}  precision {pct(n_hit, n_pred)}  "
          f"(gold {n_gold}, predicted {n_pred}, matched {n_hit}; party right {n_party}/{n_party_n})")
    print(f"number disagreement (pairs)  recall {pct(tp, tp + fn)}  precision {pct(tp, tp + fp)}  "
          f"(tp={tp}, fp={fp}, fn={fn})")
    if args.verbose:
        print()
        for e in errors:
            print(e)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
