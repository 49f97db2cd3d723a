"""Calibrate the alignment thresholds on real multi-outlet coverage (NeuS/AllSides, ../shared/data) and print the grid.

NeuS gives each story as told by a left-, a centre- and a right-rated outlet. We build pseudo-events of two stories of
the same topic (so the background is as topical as one event's coverage), align them as Rashomon does (outlet =
the stance), and count the mutual best matches that pass each (cosine, margin) threshold:
  - a match between sentences of two DIFFERENT stories is certainly false: its share estimates the false-match rate;
  - a match within one story is what alignment is for (not all are true claims, but they bound recall from above).
Run by hand:  .venv/bin/python bench/calibrate_alignment.py [--stories 160]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rashomon.align import candidate_pairs  # noqa: E402
from rashomon.embed import encode, load_model  # noqa: E402
from rashomon.segment import split_sentences  # noqa: E402

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "neus-allsides" / "stories.jsonl"
COSINES = [0.45, 0.5, 0.52, 0.55, 0.6, 0.65, 0.7]
MARGINS = [1.0, 1.04, 1.08, 1.12, 1.16, 1.2]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--stories", type=int, default=160)
    ap.add_argument("--k", type=int, default=4)
    args = ap.parse_args()
    if not DATA.is_file():
        sys.exit(f"{DATA} not found: this script needs ../shared/data beside the repo")
    stories = [json.loads(line) for line in DATA.open()]
    by_topic = defaultdict(list)
    for s in stories:
        if all(s["news"].get(k, {}).get("newBody") for k in ("left", "center", "right")):
            by_topic[s.get("topic") or "none"].append(s)
    rng = random.Random(7)
    events = []
    for topic, group in sorted(by_topic.items()):
        rng.shuffle(group)
        events.extend((group[i], group[i + 1]) for i in range(0, len(group) - 1, 2))
    rng.shuffle(events)
    events = events[: args.stories // 2]
    model = load_model("all-MiniLM-L6-v2")
    t0 = time.perf_counter()
    rows = []  # (cosine, margin, mutual, same_story)
    n_sent = 0
    for pair in events:
        texts, outlets, story = [], [], []
        for si, s in enumerate(pair):
            for stance in ("left", "center", "right"):
                body = s["news"][stance]["newBody"]
                body = " ".join(body) if isinstance(body, list) else body
                for sent in split_sentences(None, body):
                    if sent.n_words >= 4:
                        texts.append(sent.text)
                        outlets.append(stance)
                        story.append(si)
        if len(texts) < 4:
            continue
        n_sent += len(texts)
        vecs = encode(model, texts)
        for c in candidate_pairs(vecs, outlets, k=args.k):
            rows.append((c.cosine, c.margin, c.rank_a == 1 and c.rank_b == 1, story[c.a] == story[c.b]))
    dt = time.perf_counter() - t0
    print(f"{len(events)} pseudo-events, {n_sent} sentences, {len(rows)} candidate pairs ({dt:.0f} s)")
    arr = np.array(rows, dtype=float)
    mutual = arr[:, 2] == 1
    print("\nmutual best matches passing (cosine >= c and margin >= m): count / share that pairs DIFFERENT stories")
    print("c \\ m   " + "".join(f"{m:>14}" for m in MARGINS))
    for c in COSINES:
        cells = []
        for m in MARGINS:
            sel = mutual & (arr[:, 0] >= c) & (arr[:, 1] >= m)
            n = int(sel.sum())
            cross = int((sel & (arr[:, 3] == 0)).sum())
            cells.append(f"{n:>7} / {cross / n if n else 0:5.1%}")
        print(f"{c:<6}  " + "".join(f"{x:>14}" for x in cells))
    within = mutual & (arr[:, 3] == 1)
    cross = mutual & (arr[:, 3] == 0)
    for name, sel in (("same story", within), ("different stories", cross)):
        print(f"{name:>18}: cosine quartiles {np.percentile(arr[sel, 0], [25, 50, 75]).round(3)}, "
              f"margin quartiles {np.percentile(arr[sel, 1], [25, 50, 75]).round(3)}")


if __name__ == "__main__":
    main()
