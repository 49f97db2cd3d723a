"""Story clustering on real text: the NeuS/AllSides stories (../shared/data/neus-allsides, 3 outlets each) clustered
back from their articles' title+lead, entities and dates; adjusted Rand index against AllSides' grouping.

Thresholds are chosen on the first half of the stories (file order) by a grid search and then applied, unchanged, to
the second half and to all 506 stories. Articles are fed one at a time in a seeded random order (incremental, as
in production). Dates: only an article's own date, read from its URL when the URL carries one (≈40 % of them);
AllSides' story date is never used (it is the label's date). Baseline in the same run: cosine only (no entities,
no dates) with its own threshold chosen on the same half.

    PYTHONPATH=. .venv/bin/python bench/stories_neus.py [--write-params] [--cache FILE]

`--write-params` stores the chosen thresholds in rashomon/stories/params.toml (the defaults of `rashomon stories`).
The text stays in ../shared: only figures are printed. A cache of embeddings/entities (numbers and entity
strings, not text) speeds up re-runs; it is written outside the repository (default /tmp, named after LEAD_CHARS so
a cache of other texts is not reused).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import pickle
import random
import re
import sys
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.common import MODEL, machine
from rashomon.realcov.shared_data import shared_path
from rashomon.stories import params as params_mod
from rashomon.stories.cluster import ArticleFeatures, StoryClusterer, StoryParams
from rashomon.stories.features import LEAD_CHARS, day_of, entities_of, title_lead

SEED = 14
_URL_DATE = (re.compile(r"/(20\d\d)/(\d\d)/(\d\d)/"), re.compile(r"(20\d\d)-(\d\d)-(\d\d)"), re.compile(r"/(20\d\d)(\d\d)(\d\d)"))


def url_date(url: str) -> dt.datetime | None:
    for pat in _URL_DATE:
        m = pat.search(url)
        if m:
            try:
                return dt.datetime(int(m[1]), int(m[2]), int(m[3]), 12, tzinfo=dt.UTC)
            except ValueError:
                continue
    return None


def load_articles() -> list[dict]:
    path = shared_path("neus")
    out = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            story = json.loads(line)
            for side, a in sorted(story["news"].items()):
                lead = " ".join(a.get("newBody") or [])
                posted = dt.datetime.fromisoformat(story["date"]).astimezone(dt.UTC)
                out.append({"story": n, "key": f"{n}:{side}", "outlet": a["newsSource"],
                            "text": title_lead(a.get("newsTitle"), lead), "when": url_date(a.get("newsLink") or ""),
                            "posted": posted})
    return out


def dated(arts: list[dict], mode: str) -> list[dt.datetime | None]:
    """Each article's date: "url" = only the date its URL carries; "url+feed" = that, else a stand-in for the feed
    date every real feed item has: AllSides' story date moved by a random offset of up to ±1 day per article."""
    rng = random.Random(SEED)
    out = []
    for a in arts:
        jitter = dt.timedelta(days=rng.uniform(-1.0, 1.0))
        out.append(a["when"] if a["when"] is not None or mode == "url" else a["posted"] + jitter)
    return out


def features(cache: Path, mode: str) -> tuple[list[dict], list[ArticleFeatures]]:
    arts = load_articles()
    if cache.is_file():
        vecs, ents = pickle.loads(cache.read_bytes())
    else:
        from rashomon.embed import encode, load_model
        from rashomon.nlp import load_nlp

        t0 = time.monotonic()
        vecs = encode(load_model(MODEL), [a["text"] for a in arts])
        ents = entities_of(load_nlp(), [a["text"] for a in arts])
        print(f"embedded and tagged {len(arts)} articles in {time.monotonic() - t0:.1f} s")
        cache.write_bytes(pickle.dumps((vecs, ents)))
    feats = [ArticleFeatures(a["key"], a["outlet"], v, e, day_of(w))
             for a, v, e, w in zip(arts, vecs, ents, dated(arts, mode))]
    return arts, feats


def cluster_ari(arts, feats, stories: set[int], params: StoryParams) -> tuple[float, int]:
    from sklearn.metrics import adjusted_rand_score

    chosen = [(a, f) for a, f in zip(arts, feats) if a["story"] in stories]
    # a stream's order: by publication day (ties and undated articles in a seeded random place)
    rng = random.Random(SEED)
    days = [f.day for _, f in chosen if f.day is not None] or [0.0]
    lo, hi = min(days), max(days)
    order = {f.key: (f.day if f.day is not None else rng.uniform(lo, hi), rng.random()) for _, f in chosen}
    chosen.sort(key=lambda t: order[t[1].key])
    c = StoryClusterer(params, dim=len(chosen[0][1].vector))
    for _, f in chosen:
        c.add(f)
    labels = c.labels()
    truth = [a["story"] for a, _ in chosen]
    pred = [labels[f.key] for _, f in chosen]
    return adjusted_rand_score(truth, pred), len(set(pred))


def grid(base: StoryParams, cosine_only: bool):
    joins = [x / 100 for x in range(35, 81, 5)]
    if cosine_only:
        for j in joins:
            yield replace(base, min_join=j, entity_weight=0.0, min_merge=9.0, day_penalty=0.0, window_days=1e9)
        return
    weights = [0.0, 0.05, 0.15, 0.3]
    merges = [0.1, 9.0]   # min_merge = min_join + this (9: never merge)
    windows = [2.0, 4.0]
    penalties = [0.03, 0.1]
    for j, w, m, win, pen in itertools.product(joins, weights, merges, windows, penalties):
        yield replace(base, min_join=j, entity_weight=w, min_merge=j + m, window_days=win, day_penalty=pen)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", type=Path, default=Path(f"/tmp/rashomon-neus-story-features-lead{LEAD_CHARS}.pkl"))
    ap.add_argument("--write-params", action="store_true")
    ap.add_argument("--dates", choices=("url", "url+feed"), default="url+feed",
                    help="which dates the articles get (see `dated`); default url+feed")
    args = ap.parse_args(argv)
    if not shared_path("neus").is_file():
        print(f"{shared_path('neus')} not found: this benchmark needs ../shared/data")
        return 1
    print(machine())
    arts, feats = features(args.cache, args.dates)
    print(f"dates: {args.dates}")
    n_stories = max(a["story"] for a in arts) + 1
    tune = {s for s in range(n_stories) if s < n_stories // 2 and any(a["story"] == s for a in arts)}
    held = {a["story"] for a in arts} - tune
    print(f"{len(arts)} articles in {n_stories} stories; tuning half {len(tune)} stories, held-out half {len(held)}; "
          f"{sum(a['when'] is not None for a in arts)} articles dated from their URL, "
          f"{sum(f.day is not None for f in feats)} dated in all")
    base = params_mod.load_params()
    results = {}
    for name, cosine_only in (("cosine only (baseline)", True), ("cosine + entities + dates", False)):
        t0 = time.monotonic()
        scored = [(cluster_ari(arts, feats, tune, p)[0], p) for p in grid(base, cosine_only)]
        best_ari, best = max(scored, key=lambda t: t[0])
        held_ari, held_n = cluster_ari(arts, feats, held, best)
        all_ari, all_n = cluster_ari(arts, feats, tune | held, best)
        results[name] = (best, best_ari, held_ari, all_ari)
        print(f"\n{name}: {len(scored)} settings tried on the tuning half in {time.monotonic() - t0:.1f} s")
        print(f"  chosen: min_join={best.min_join:.2f} min_merge={best.min_merge:.2f} "
              f"entity_weight={best.entity_weight:.2f} day_penalty={best.day_penalty:.2f} window_days={best.window_days:g}")
        print(f"  ARI tuning half {best_ari:.3f} | held-out half {held_ari:.3f} ({held_n} stories found for "
              f"{len(held)}) | all 506 {all_ari:.3f} ({all_n} found)")
    (_, _, b_held, _), (f_p, _, f_held, f_all) = results.values()
    print(f"\nRATIO held-out ARI full / baseline = {f_held / b_held:.3f}; target ARI >= 0.85 on all stories: "
          f"{'met' if f_all >= 0.85 else 'NOT met'} ({f_all:.3f})")
    if args.write_params:
        path = params_mod.save_params(f_p, note=f"chosen by bench/stories_neus.py on the first half of NeuS "
                                                 f"(ARI {results['cosine + entities + dates'][1]:.3f}; held-out {f_held:.3f})")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
