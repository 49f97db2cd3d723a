"""The story-clustering variants tried on NeuS/AllSides (bench/RESULTS.md, stories section): other article vectors,
other linkage and joining rules, a same-outlet penalty, and a learned pair scorer's average precision. Each variant
gets its own grid search on the first half of the stories (file order; 128 settings, as bench/stories_neus.py's grid
with window_days = 2) and is then run, unchanged, on the held-out half and on all 506. Dates: URL date, else AllSides'
story date ± ≤ 1 day (optimistic stand-in, see bench/stories_neus.py).

    PYTHONPATH=. .venv/bin/python bench/stories_variants.py [--cache FILE]

Nothing here ships: it measures. The text stays in ../shared; the cache (vectors and entity strings) goes to /tmp.
"""

from __future__ import annotations

import argparse
import itertools
import math
import pickle
import re
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import bench.stories_neus as neus  # noqa: E402
from bench.common import MODEL, machine  # noqa: E402
from rashomon.realcov.shared_data import shared_path  # noqa: E402
from rashomon.stories import params as params_mod  # noqa: E402
from rashomon.stories.cluster import ArticleFeatures, StoryClusterer  # noqa: E402
from rashomon.stories.features import day_of, entities_of, title_lead  # noqa: E402


def raw_articles() -> list[tuple[str, str]]:
    import json

    out = []
    with shared_path("neus").open(encoding="utf-8") as fh:
        for line in fh:
            for _, a in sorted(json.loads(line)["news"].items()):
                out.append((a.get("newsTitle") or "", " ".join(a.get("newBody") or [])))
    return out


def compute(cache: Path) -> dict:
    if cache.is_file():
        return pickle.loads(cache.read_bytes())
    from rashomon.embed import encode, load_model
    from rashomon.nlp import load_nlp

    raw = raw_articles()
    model = load_model(MODEL)
    texts = {"title": [t for t, _ in raw], "t300": [title_lead(t, b, 300) for t, b in raw],
             "t1000": [title_lead(t, b, 1000) for t, b in raw], "text": [title_lead(None, b, 2000) or t for t, b in raw]}
    V = {k: encode(model, v) for k, v in texts.items()}
    sents, owner = [], []
    for i, (t, b) in enumerate(raw):
        ss = [x for x in re.split(r"(?<=[.!?])\s+", " ".join(b.split())) if len(x) > 20] or [t]
        for x in ss[:8]:
            sents.append(x)
            owner.append(i)
    sv = encode(model, sents)
    sm = np.zeros((len(raw), sv.shape[1]), np.float32)
    np.add.at(sm, np.asarray(owner), sv)
    V["sentmean"] = sm / np.linalg.norm(sm, axis=1, keepdims=True)
    nlp = load_nlp()
    V["ents300"] = entities_of(nlp, texts["t300"])
    V["ents1000"] = entities_of(nlp, texts["t1000"])
    cache.write_bytes(pickle.dumps(V))
    return V


def _norm(x):
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


def mix(a, b, w):        # normalised weighted sum of two vectors
    return _norm(w * a + (1 - w) * b)


def cat(a, b, w):        # concatenation whose cosine is w * cos(a) + (1 - w) * cos(b)
    return np.hstack([np.sqrt(w) * a, np.sqrt(1 - w) * b]).astype(np.float32)


def outlet_penalty(pen):
    class C(StoryClusterer):
        def scores(self, art):
            out = [(i, s - (pen if self.stories[i].outlets[art.outlet_id] else 0.0)) for i, s in super().scores(art)]
            return sorted(out, key=lambda t: -t[1])
    return C


def margin_boost(d, margin):
    class C(StoryClusterer):
        def scores(self, art):
            out = super().scores(art)
            if out and out[0][1] - (out[1][1] if len(out) > 1 else -9) >= margin:
                out[0] = (out[0][0], out[0][1] + d)
            return out
    return C


def linkage(alpha):      # alpha * mean + (1 - alpha) * max member cosine
    class C(StoryClusterer):
        def __init__(self, *a, **k):
            super().__init__(*a, **k)
            self._vecs = {}

        def _put(self, i, art):
            self._vecs[art.key] = art.vector
            super()._put(i, art)

        def scores(self, art):
            res = []
            for i, sc in super().scores(art):
                c = np.stack([self._vecs[m] for m in self.stories[i].members]) @ art.vector
                res.append((i, sc - float(c.mean()) + alpha * float(c.mean()) + (1 - alpha) * float(c.max())))
            return sorted(res, key=lambda t: -t[1])
    return C


def grid(base):
    for j, w, m, pen in itertools.product([x / 100 for x in range(40, 76, 5)], [0.0, 0.05, 0.15, 0.3], [0.1, 9.0],
                                          [0.03, 0.1]):
        yield replace(base, min_join=j, entity_weight=w, min_merge=j + m, window_days=2.0, day_penalty=pen)


def pair_scorer(arts, V, days, tune, held):
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import average_precision_score

    E = V["ents1000"]
    df = Counter(e for s in E for e in s)
    idf = {e: math.log((1 + len(E)) / (1 + n)) + 0.1 for e, n in df.items()}

    def pairs(S):
        ix = [i for i, a in enumerate(arts) if a["story"] in S]
        X, y = [], []
        for a, b in itertools.combinations(ix, 2):
            gap = abs(days[a] - days[b])
            if gap > 3:
                continue
            inter = sum(idf[e] for e in E[a] & E[b])
            union = sum(idf[e] for e in E[a] | E[b]) or 1.0
            X.append([V["t1000"][a] @ V["t1000"][b], V["title"][a] @ V["title"][b], V["text"][a] @ V["text"][b],
                      inter / union, gap, arts[a]["outlet"] == arts[b]["outlet"]])
            y.append(arts[a]["story"] == arts[b]["story"])
        return np.asarray(X, float), np.asarray(y)

    Xa, ya = pairs(tune)
    Xb, yb = pairs(held)
    print(f"\nlearned pair scorer: {len(ya)} training pairs ({ya.sum()} same story), {len(yb)} held-out ({yb.sum()})")
    print(f"  AP held-out, cosine of title+text alone: {average_precision_score(yb, Xb[:, 0]):.3f}")
    for cols, name in (([0, 1, 2], "+ title and text cosines"), ([0, 1, 2, 3], "+ entity idf Jaccard"),
                       ([0, 1, 2, 3, 4], "+ date gap"), ([0, 1, 2, 3, 4, 5], "+ same outlet")):
        m = LogisticRegression(max_iter=2000, C=10).fit(Xa[:, cols], ya)
        print(f"  AP held-out, logistic {name}: {average_precision_score(yb, m.decision_function(Xb[:, cols])):.3f}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", type=Path, default=Path("/tmp/rashomon-neus-story-variants.pkl"))
    args = ap.parse_args(argv)
    if not shared_path("neus").is_file():
        print(f"{shared_path('neus')} not found: this benchmark needs ../shared/data")
        return 1
    print(machine())
    V = compute(args.cache)
    arts = neus.load_articles()
    when = neus.dated(arts, "url+feed")
    days = [day_of(w) for w in when]
    n = max(a["story"] for a in arts) + 1
    tune = {s for s in range(n) if s < n // 2}
    held = {a["story"] for a in arts} - tune
    base = params_mod.load_params()

    def feats(vectors, ents="ents300"):
        return [ArticleFeatures(a["key"], a["outlet"], v, e, d) for a, v, e, d in zip(arts, vectors, V[ents], days)]

    variants = [
        ("title + 300 characters", feats(V["t300"]), None),
        ("title + <= 1000 characters (shipped)", feats(V["t1000"], "ents1000"), None),
        ("mean of title and text vectors", feats(mix(V["title"], V["text"], 0.5)), None),
        ("mean of sentence vectors, no title", feats(V["sentmean"]), None),
        ("mean of (title + 300) and sentence mean", feats(mix(V["t300"], V["sentmean"], 0.5)), None),
        ("title 0.3 / title+text 0.7", feats(mix(V["title"], V["t1000"], 0.3)), None),
        ("weighted cosines title (+) text 0.5/0.5", feats(cat(V["title"], V["text"], 0.5)), None),
        ("weighted cosines title (+) title+text 0.3/0.7", feats(cat(V["title"], V["t1000"], 0.3)), None),
        ("title + 1000, entities of title + 300", feats(V["t1000"]), None),
        ("linkage 1/2 mean + 1/2 max", feats(V["t1000"], "ents1000"), linkage(0.5)),
        ("linkage max (single link)", feats(V["t1000"], "ents1000"), linkage(0.0)),
        ("margin rule +0.05 when >= 0.2 ahead", feats(V["t1000"], "ents1000"), margin_boost(0.05, 0.2)),
        ("margin rule +0.1 when >= 0.2 ahead", feats(V["t1000"], "ents1000"), margin_boost(0.1, 0.2)),
        ("margin rule +0.1 when >= 0.1 ahead", feats(V["t1000"], "ents1000"), margin_boost(0.1, 0.1)),
        ("same-outlet penalty 0.2", feats(V["t1000"], "ents1000"), outlet_penalty(0.2)),
    ]
    print("| variant | ARI tuning half | ARI held-out half | ARI all 506 | chosen |\n|---|---|---|---|---|")
    for name, fs, cls in variants:
        neus.StoryClusterer = cls or StoryClusterer
        t0 = time.monotonic()
        ari, p = max(((neus.cluster_ari(arts, fs, tune, p)[0], p) for p in grid(base)), key=lambda t: t[0])
        h = neus.cluster_ari(arts, fs, held, p)[0]
        a = neus.cluster_ari(arts, fs, tune | held, p)[0]
        print(f"| {name} | {ari:.3f} | {h:.3f} | {a:.3f} | join {p.min_join:.2f} merge {p.min_merge:.2f} entities "
              f"{p.entity_weight:g} day {p.day_penalty:g} ({time.monotonic() - t0:.0f} s) |", flush=True)
    neus.StoryClusterer = StoryClusterer
    pair_scorer(arts, V, days, tune, held)
    return 0


if __name__ == "__main__":
    sys.exit(main())
