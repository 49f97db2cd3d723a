"""Fit the verdict gates (`rashomon/models/verdict_gate.json`, `blame_gate.json`) on the benchmark's dev split.

    python -m rashomon.realcov.train_verdict [--work DIR] [--out DIR]      (part of make train)

The gate's features are what the pipeline's rules and detectors store (`verdict_features_of` in sql/views.sql), so
it trains on a pipeline database holding the dev events: `--work DIR` names the folder of an earlier
`python -m rashomon.realcov --split dev --work DIR` run; without it (or when DIR has no database) the dev events are
run through the pipeline first. Only dev labels are read; the test split and BASIL / NeuS are never seen.

A row is one (outlet, party) its own sentences name as the initiator; it is positive when the labelled own-voice
verdict is that party. Prints a leave-one-event-out estimate (the outlet's verdict is its best party when the
probability reaches the threshold, else "does not say"), picks the threshold where verdict accuracy minus
false_assert is highest (a false assertion costs what a right verdict gains), then writes the model fitted on
every dev event and its sha256 (to pin in rashomon/verdictgate.py).

The blame gate: a row is one (outlet, source party, blamed party, claim | denial) of `blame_features_of`, positive
when the labels give the article that blame (a labelled source outside the event's parties counts as a source with no
party, as the benchmark scores it). Its threshold is where the leave-one-event-out F1 of attributed blame is highest.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import duckdb
import numpy as np

from .. import store, verdictgate
from .labels import Attributed, load_event_labels
from .run import BENCH_DIR
from .train import dev_events

#: the features the shipped gate weighs (a subset of verdictgate.FEATURES: on the dev split's leave-one-event-out
#: estimate the other features added nothing)
USED = ("rule", "n_own", "head", "first_pos", "dated", "n_own_other", "other_in_head", "n_att_other", "provoke",
        "only_kill", "retaliate_own", "beside_response")
BLAME_USED = verdictgate.BLAME_FEATURES
C = 1.0                                                 # inverse regularisation of the logistic regression
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.10, 0.86, 0.05))


def candidates(con: duckdb.DuckDBPyConnection, events: list[str], bench: Path = BENCH_DIR):
    """(rows, gold): rows = (event, outlet, party, features, positive); gold = {(event, outlet): party | None}."""
    rows, gold = [], {}
    for ev in events:
        labels = load_event_labels(bench / "labels" / f"{ev}.json")
        for outlet, art in labels.articles.items():
            gold[(ev, outlet)] = art.own_voice_initiator
        for r in con.execute("select * from verdict_features_of(?)", [ev]).fetchall():
            d = dict(zip([c[0] for c in con.description], r))
            if (ev, d["outlet_id"]) not in gold:
                continue
            x = [float(d[f]) for f in USED]
            rows.append((ev, d["outlet_id"], d["party"], x, gold[(ev, d["outlet_id"])] == d["party"]))
    return rows, gold


def blame_candidates(con: duckdb.DuckDBPyConnection, events: list[str], bench: Path = BENCH_DIR):
    """(rows, n_gold): rows = (event, outlet, (source, blamed, status), features, positive)."""
    rows, n_gold = [], 0
    for ev in events:
        labels = load_event_labels(bench / "labels" / f"{ev}.json")
        parties = {r[0] for r in con.execute("select party_id from event_parties where event_id = ?", [ev]).fetchall()}
        gold = {o: {a if a.source_party in parties else Attributed(None, a.blamed_party, a.status)
                    for a in art.attributed}
                for o, art in labels.articles.items()}
        n_gold += sum(len(g) for g in gold.values())
        for r in con.execute("select * from blame_features_of(?)", [ev]).fetchall():
            d = dict(zip([c[0] for c in con.description], r))
            if d["outlet_id"] not in gold:
                continue
            key = Attributed(d["source_party"], d["blamed_party"], d["status"])
            rows.append((ev, d["outlet_id"], key, [float(d[f]) for f in BLAME_USED], key in gold[d["outlet_id"]]))
    return rows, n_gold


def blame_figures(rows, probs, threshold: float, n_gold: int) -> tuple[float, float, float]:
    """(attributed_p, attributed_r, F1) of the blames kept at the threshold."""
    kept = [r[4] for r, p in zip(rows, probs) if p >= threshold]
    tp = sum(kept)
    precision, recall = tp / max(len(kept), 1), tp / max(n_gold, 1)
    return precision, recall, 2 * precision * recall / max(precision + recall, 1e-9)


def fit(rows):
    from sklearn.linear_model import LogisticRegression

    x = np.array([r[3] for r in rows])
    y = np.array([r[4] for r in rows])
    return LogisticRegression(C=C, max_iter=5000).fit(x, y)


def decisive(x: list[float]) -> bool:
    """The rules keep the party and its act stands beside another party's response: chosen whatever its score
    (verdict_scores_of)."""
    return x[USED.index("rule")] > 0 and x[USED.index("beside_response")] > 0


def verdicts(rows, probs, threshold: float) -> dict:
    """(event, outlet) -> party, as `verdict_scores_of` chooses."""
    best: dict = {}
    for (ev, outlet, party, x, _), p in zip(rows, probs):
        k, key = (ev, outlet), (decisive(x), p, party)
        if not (key[0] or p >= threshold):
            continue
        # decisive first, then the highest probability, then (a tie) the party first in order, as the SQL does
        if k not in best or key[:2] > best[k][:2] or (key[:2] == best[k][:2] and party < best[k][2]):
            best[k] = key
    return {k: v[2] for k, v in best.items()}


def figures(gold: dict, predicted: dict) -> tuple[float, float]:
    """(verdict accuracy, false_assert) as `rashomon benchmark` scores them."""
    right = sum(predicted.get(k) == g for k, g in gold.items())
    none = [k for k, g in gold.items() if g is None]
    return right / len(gold), sum(k in predicted for k in none) / max(len(none), 1)


def leave_one_event_out(rows) -> np.ndarray:
    probs = np.zeros(len(rows))
    events = sorted({r[0] for r in rows})
    for ev in events:
        train = [r for r in rows if r[0] != ev]
        held = [i for i, r in enumerate(rows) if r[0] == ev]
        if held:
            probs[held] = fit(train).predict_proba(np.array([rows[i][3] for i in held]))[:, 1]
    return probs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m rashomon.realcov.train_verdict", description=__doc__.splitlines()[0])
    ap.add_argument("--work", type=Path, help="folder of a dev benchmark run (realcov.duckdb); run it when absent")
    ap.add_argument("--out", type=Path, default=verdictgate.MODEL_PATH.parent, help="folder to write the models to")
    args = ap.parse_args(argv)
    events = dev_events()
    work = args.work or Path("build") / "train-verdict"
    db = work / "realcov.duckdb"
    if not db.is_file():
        from .__main__ import main as benchmark

        print(f"running the dev split through the pipeline into {db} …", file=sys.stderr, flush=True)
        benchmark(["--split", "dev", "--work", str(work), "--no-floors"])
    con = duckdb.connect(str(db))
    store.migrate(con, verdict_model=False)        # this code's views; the weights are what is being made
    rows, gold = candidates(con, events)
    blames, n_gold = blame_candidates(con, events)
    con.close()
    if not rows or not blames:
        print(f"error: {db} holds none of the dev events' verdict or blame candidates", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    train_verdicts(rows, gold, events, args.out / verdictgate.MODEL_PATH.name)
    train_blames(blames, n_gold, events, args.out / verdictgate.BLAME_MODEL_PATH.name)
    return 0


def _write(out: Path, gate: verdictgate.VerdictGate, **meta) -> None:
    text = gate.to_json(**meta)
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out}, sha256 {hashlib.sha256(text.encode()).hexdigest()}")


def train_verdicts(rows, gold: dict, events: list[str], out: Path) -> None:
    rule: dict = {}                                      # the rules may keep two parties: then never right
    for ev, o, p, x, _ in rows:
        if x[USED.index("rule")] > 0:
            rule[(ev, o)] = p if (ev, o) not in rule else ("two parties", rule[(ev, o)], p)
    print(f"verdict gate: {len(rows)} candidates ({sum(r[4] for r in rows)} positive) in {len(gold)} labelled "
          f"articles of {len(events)} dev events")
    print("the rules alone: verdict %.3f false_assert %.3f" % figures(gold, rule))
    probs = leave_one_event_out(rows)
    best = None
    for t in THRESHOLDS:
        v, fa = figures(gold, verdicts(rows, probs, t))
        print(f"leave-one-event-out, threshold {t:.2f}: verdict {v:.3f} false_assert {fa:.3f}")
        if best is None or v - fa > best[0] - best[1]:      # a false assertion costs what a right verdict gains
            best = (v, fa, t)
    model = fit(rows)
    gate = verdictgate.VerdictGate(dict(zip(USED, map(float, model.coef_[0]))), float(model.intercept_[0]), best[2])
    print(f"chose threshold {best[2]:.2f}")
    _write(out, gate, trained_on=events, candidates=len(rows),
           leave_one_event_out={"verdict": round(best[0], 4), "false_assert": round(best[1], 4)})


def train_blames(rows, n_gold: int, events: list[str], out: Path) -> None:
    print(f"blame gate: {len(rows)} blames given ({sum(r[4] for r in rows)} labelled), {n_gold} labelled in all")
    print("all kept: attributed_p %.3f attributed_r %.3f F1 %.3f" % blame_figures(rows, [1.0] * len(rows), 0.5, n_gold))
    probs = leave_one_event_out(rows)
    best = None
    for t in THRESHOLDS:
        p, r, f1 = blame_figures(rows, probs, t, n_gold)
        print(f"leave-one-event-out, threshold {t:.2f}: attributed_p {p:.3f} attributed_r {r:.3f} F1 {f1:.3f}")
        if best is None or f1 > best[2]:
            best = (p, r, f1, t)
    model = fit(rows)
    gate = verdictgate.VerdictGate(dict(zip(BLAME_USED, map(float, model.coef_[0]))), float(model.intercept_[0]),
                                   best[3])
    print(f"chose threshold {best[3]:.2f}")
    _write(out, gate, trained_on=events, candidates=len(rows),
           leave_one_event_out={"attributed_p": round(best[0], 4), "attributed_r": round(best[1], 4)})


if __name__ == "__main__":
    raise SystemExit(main())
