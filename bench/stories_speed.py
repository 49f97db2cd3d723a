"""Story clustering speed: N synthetic articles clustered incrementally (one `add` at a time), N = 1k … 10k.

Synthetic, not real text: 384-d vectors (MiniLM's size) drawn around one random direction per story (cosine to the
story's direction ≈ 0.86, between two articles of a story ≈ 0.74, like real same-story pairs), 3 story entities + 2
random ones per article from a vocabulary of 20,000, stories of 1–8 articles over ≤ 2 days, ~100 articles a day.
The features are not timed here: this measures the clustering alone (embedding and tagging the NeuS titles+leads
ran at 5–18 articles/s on this shared machine, bench/stories_neus.py). Baseline in the same run: the same clusterer with
retirement off (every story stays a candidate), whose cost per article grows with the stories seen.

    PYTHONPATH=. .venv/bin/python bench/stories_speed.py [--max 10000]
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.common import machine
from rashomon.stories.cluster import ArticleFeatures, StoryClusterer
from rashomon.stories.params import load_params

DIM = 384


def synthetic(n: int, seed: int = 14) -> tuple[list[ArticleFeatures], list[int]]:
    rng = np.random.default_rng(seed)
    arts, truth = [], []
    story = 0
    while len(arts) < n:
        day0 = len(arts) / 100.0            # ~100 articles a day
        centre = rng.standard_normal(DIM).astype(np.float32)
        centre /= np.linalg.norm(centre)
        own = {f"e{rng.integers(20_000)}" for _ in range(3)}
        for _ in range(int(rng.integers(1, 9))):
            noise = rng.standard_normal(DIM).astype(np.float32)
            noise /= np.linalg.norm(noise)
            v = centre + 0.6 * noise
            v /= np.linalg.norm(v)
            ents = frozenset(own | {f"e{rng.integers(20_000)}" for _ in range(2)})
            arts.append(ArticleFeatures(f"a{len(arts)}", f"o{rng.integers(50)}", v, ents, day0 + rng.uniform(0, 2)))
            truth.append(story)
        story += 1
    order = np.argsort([a.day for a in arts[:n]], kind="stable")
    return [arts[i] for i in order], [truth[i] for i in order]


def run(arts, params) -> tuple[float, StoryClusterer]:
    c = StoryClusterer(params, DIM)
    t0 = time.perf_counter()
    for a in arts:
        c.add(a)
    return time.perf_counter() - t0, c


def main(argv=None) -> int:
    from sklearn.metrics import adjusted_rand_score

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--max", type=int, default=10_000)
    args = ap.parse_args(argv)
    print(machine())
    params = load_params()
    no_retire = dataclasses.replace(params, retire_days=float("inf"))
    print("| articles | stories (true) | clustering s | µs / article | ARI (synthetic) | no retirement s | µs / article |")
    print("|---|---|---|---|---|---|---|")
    rows = []
    for n in (1_000, 2_000, 5_000, args.max):
        arts, truth = synthetic(n)
        secs, c = run(arts, params)
        base, _ = run(arts, no_retire)
        labels = c.labels()
        ari = adjusted_rand_score(truth, [labels[a.key] for a in arts])
        rows.append((n, secs, base))
        print(f"| {n:,} | {len(c.live()):,} ({len(set(truth)):,}) | {secs:.2f} | {secs / n * 1e6:.0f} | {ari:.3f} | "
              f"{base:.2f} | {base / n * 1e6:.0f} |")
    (n0, s0, b0), (n1, s1, b1) = rows[0], rows[-1]
    expo = np.log(s1 / s0) / np.log(n1 / n0)
    bexpo = np.log(b1 / b0) / np.log(n1 / n0)
    print(f"\ntime ~ articles^b: b = {expo:.2f} with retirement, {bexpo:.2f} without (1.0 = linear)")
    print(f"RATIO {n1:,} articles: no retirement / retirement = {b1 / s1:.2f}; target < 60 s: "
          f"{'met' if s1 < 60 else 'NOT met'} ({s1:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
