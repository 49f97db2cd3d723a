"""`make eval`'s real-coverage part: run the benchmark's events through the pipeline and score its outputs.

    python -m rashomon.realcov [--split dev --split test --split basil] [--work DIR] [--event ID]

Ends with one line per split:
    realcov <split>: verdict 0.xx false_assert 0.xx ... (events N, articles N, pairs N)
and exits 1 when a test-split score falls below its floor in tests/realcov/baseline.json.
The test split is scored, never tuned on (tests/realcov/README.md).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
import time
import tomllib
from pathlib import Path

from .. import prefect_env, store
from .labels import Attributed, Casualty, LabelError, attach_texts, load_event_labels, load_shared_labels
from .run import BENCH_DIR, run_event, settings_for, shared_event, work_sources
from .score import QUANTITY, Counts, map_units, score_alignment, score_cards, score_verdicts
from .shared_data import available, unit_texts

SPLITS = ("dev", "test", "basil", "neus")
METRICS = ("verdict", "false_assert", "attributed_p", "attributed_r", "casualties", "purity", "pair_recall",
           "card_p", "card_r")


def splits(bench: Path = BENCH_DIR) -> dict[str, list[str]]:
    data = tomllib.loads((bench / "splits.toml").read_text(encoding="utf-8"))
    return {k: list(v) for k, v in data["splits"].items()}


def _query(con, name: str, event_id: str) -> list[dict]:
    return store.rows(con, name, event_id=event_id)


def score_event(con, event_id: str, labels, outlet_of_side: dict[str, str] | None = None) -> Counts:
    c = Counts(events=1)
    sentences = _query(con, "select_realcov_sentences", event_id)
    unit_of = map_units(sentences, labels, outlet_of_side)
    # how much of the labelled material the pipeline produced: an article never fetched must not pass as abstaining
    c.units_labelled = len(labels.units)
    c.units_found = len(set(unit_of.values()))
    side_of = {v: k for k, v in (outlet_of_side or {}).items()}
    present = {side_of.get(s["outlet_id"], s["outlet_id"]) for s in sentences}
    c.errors.extend(f"{event_id}: no sentences from {o} (not fetched or not extracted)"
                    for o in sorted({r.split(":", 1)[0] for r in labels.units} - present))
    c.errors.extend(f"{event_id}: label not scored: {u}" for u in labels.unscorable)
    # shared data: units are "<side>:N" and pipeline outlets "<dataset>_<side>" (side_of is empty for the events)
    claims = [dict(r, outlet_id=side_of.get(r["outlet_id"], r["outlet_id"]))
              for r in _query(con, "select_realcov_claims", event_id)]
    score_alignment(c, labels, unit_of, claims)
    if labels.articles:
        own: dict[str, set[str]] = {}
        for r in _query(con, "select_realcov_own_verdicts", event_id):
            own.setdefault(r["outlet_id"], set()).add(r["says_initiator"])
        attributed: dict[str, set] = {}
        for r in _query(con, "select_realcov_attributed", event_id):
            attributed.setdefault(r["outlet_id"], set()).add(
                Attributed(r["source_party"], r["blamed_party"], r["status"]))
        casualties: dict[str, set] = {}
        for r in _query(con, "select_realcov_casualties", event_id):
            figure = predicted_figure(r["value"], r["low"], r["high"], r["qualifier"])
            if figure is not None:
                casualty = Casualty(QUANTITY[r["quantity"]], r["side"] or "unknown", *figure)
                art = labels.articles.get(r["outlet_id"])
                if r["qualifier"] == "more_than" and art is not None:
                    casualty = more_than_as_labelled(casualty, set(art.casualties))
                casualties.setdefault(r["outlet_id"], set()).add(casualty)
        parties = {r["party_id"] for r in _query(con, "select_realcov_party_ids", event_id)}
        score_verdicts(c, labels, own, attributed, casualties, parties)
        score_cards(c, labels, unit_of, _query(con, "select_realcov_cards", event_id))
    return c


def predicted_figure(value, low, high, qualifier: str) -> tuple[float | None, float | None] | None:
    """A detected figure in the labels' form (GUIDELINES.md): the figure as written, "at least / more than N" →
    (N, None), "up to N" → (None, N), a range → (low, high); vague plurals ("dozens", no value) are not figures."""
    if qualifier == "vague":
        return None
    if qualifier == "range":
        return (low, high) if low is not None and high is not None else None
    if value is None:
        return None
    if qualifier in ("at_least", "more_than"):
        return (value, None)
    if qualifier == "up_to":
        return (None, value)
    return (value, value)


def more_than_as_labelled(c: Casualty, gold: set[Casualty]) -> Casualty:
    """ "more than N" in the form the article's labels give it: GUIDELINES.md names no form for it, and the labellers
    wrote "at least N" (N, None) for most (85 of 93 on the dev split, 2026-12-07) and "at least N + 1" for the rest
    (8): either is the same statement, so a detected "more than 20" matches a label (21, None) when the labels have no
    (20, None)."""
    up = Casualty(c.what, c.side, c.low + 1, None) if c.low is not None and c.high is None else c
    return up if c not in gold and up in gold else c


def fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def summary_line(split: str, c: Counts) -> str:
    s = c.scores()
    body = " ".join(f"{m} {fmt(s[m])}" for m in METRICS)
    return f"realcov {split}: {body} (events {c.events}, articles {c.articles}, pairs {c.pairs_labelled})"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m rashomon.realcov", description=__doc__.splitlines()[0])
    ap.add_argument("--split", action="append", choices=SPLITS, help="splits to score (default: all present)")
    ap.add_argument("--event", action="append", help="only these event ids / group ids (for a quick look)")
    ap.add_argument("--work", type=Path, help="keep the run's database and reports here (default: a temp folder)")
    ap.add_argument("--bench", type=Path, default=BENCH_DIR, help=argparse.SUPPRESS)
    ap.add_argument("--no-floors", action="store_true", help="do not check the test split's floors")
    ap.add_argument("--score-only", action="store_true",
                    help="score the database an earlier run kept in --work, without running the pipeline again (its "
                         "views are the ones that run stored: a change to sql/ needs a new run)")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    prefect_env.configure()
    chosen = args.split or list(SPLITS)
    if args.score_only and not (args.work and (args.work / "realcov.duckdb").is_file()):
        ap.error("--score-only needs --work naming a folder where an earlier run kept realcov.duckdb")
    work = args.work or Path(tempfile.mkdtemp(prefix="rashomon-realcov-"))
    work.mkdir(parents=True, exist_ok=True)
    sources = work_sources(work)
    settings = settings_for(work / "realcov.duckdb", sources, work / "reports")
    plan: list[tuple[str, str, object, Path, dict | None]] = []   # (split, id, labels, event_dir, outlet_of_side)
    split_events = splits(args.bench)
    for split in ("dev", "test"):
        if split not in chosen:
            continue
        for event_id in split_events.get(split, []):
            if args.event and event_id not in args.event:
                continue
            path = args.bench / "labels" / f"{event_id}.json"
            if not path.is_file():
                print(f"realcov {split}: {event_id} has no labels yet; not scored", file=sys.stderr)
                continue
            plan.append((split, event_id, load_event_labels(path), args.bench / "events" / event_id, None))
    for dataset in ("basil", "neus"):
        if dataset not in chosen:
            continue
        if not available(dataset):
            print(f"realcov {dataset}: ../shared/data is not present; not scored", file=sys.stderr)
            continue
        for path in sorted((args.bench / "labels" / "shared").glob(f"{dataset}.*.json")):
            for labels in load_shared_labels(path):
                if args.event and labels.group_id not in args.event:
                    continue
                attach_texts(labels, unit_texts(dataset, labels.group_id), f"{path}: {labels.group_id}")
                folder, sides = shared_event(dataset, labels.group_id, work / "shared", sources)
                plan.append((dataset, folder.name, labels, folder, sides))
    if not plan:
        ap.error("nothing to score: no labelled event of the chosen splits"
                 + (f" matches --event {' '.join(args.event)}" if args.event else ""))
    started = time.monotonic()
    for i, (split, event_id, _, event_dir, _) in enumerate(plan if not args.score_only else [], 1):
        print(f"[{i}/{len(plan)}] running {event_id} ({split}) …", file=sys.stderr, flush=True)
        run_event(event_dir, settings)
    totals = {s: Counts() for s in SPLITS}
    with store.connect(settings.db, read_only=True) as con:
        if args.score_only:
            missing = [e for _, e, _, _, _ in plan if not _query(con, "select_realcov_sentences", e)]
            if missing:
                ap.error(f"--score-only: {settings.db} holds no run of {', '.join(missing)} (choose the events "
                         "with --event, or run them first)")
        for split, event_id, labels, _, sides in plan:
            c = score_event(con, event_id, labels, sides)
            totals[split].add(c)
            print(f"  {split:5} {event_id}: " + " ".join(f"{k} {fmt(v)}" for k, v in c.scores().items()),
                  file=sys.stderr)
    for split in SPLITS:
        c = totals[split]
        if c.events:
            print(f"  {split}: paraphrase pairs {c.para_found}/{c.para_same}, claims judged {c.claims_judged}, "
                  f"cards {c.cards}, labelled disagreements {c.dis_n}, labelled sentences found "
                  f"{c.units_found}/{c.units_labelled}", file=sys.stderr)
            for e in c.errors:
                print(f"  {split}: {e}", file=sys.stderr)
    print(f"benchmark ran in {time.monotonic() - started:.0f} s; database {settings.db}", file=sys.stderr)
    failed = [] if args.no_floors or args.event else below_floors(totals["test"], args.bench)
    for split in SPLITS:
        c = totals[split]
        if c.events and c.units_found < 0.9 * c.units_labelled:
            failed.append(f"{split}: only {c.units_found} of {c.units_labelled} labelled sentences were found in the "
                          "pipeline's output (pages not fetched, or text changed beyond recognition)")
    for msg in failed:
        print(f"FLOOR: {msg}", file=sys.stderr)
    sys.stderr.flush()
    for split in ("neus", "dev", "test", "basil"):
        if split in chosen and totals[split].events:
            print(summary_line(split, totals[split]))
    return 1 if failed else 0


def below_floors(c: Counts, bench: Path = BENCH_DIR) -> list[str]:
    path = bench / "baseline.json"
    if not path.is_file() or not c.events:
        return []
    floors = json.loads(path.read_text(encoding="utf-8")).get("floors", {}).get("test", {})
    scores = c.scores()
    out = []
    for metric, floor in floors.items():
        value = scores.get(metric)
        if value is None:
            out.append(f"test {metric}: no score (nothing to measure it on, or not a metric)")
            continue
        bad = value > floor if metric == "false_assert" else value < floor
        if bad:
            kind = "above its ceiling" if metric == "false_assert" else "below its floor"
            out.append(f"test {metric} {value:.3f} is {kind} {floor}")
    return out


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except LabelError as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise SystemExit(2)
