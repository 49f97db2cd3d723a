"""Alignment: the whole stage (stages.align_event: candidate pairs + SQL + clustering, results in DuckDB) vs a bare
numpy matrix product + top-k on the same embeddings, at 1k and 10k sentences. Target: stage within 3x of numpy.

The sentences are synthetic: unit vectors of dim 384 in 6 outlets, stored as embeddings of synthetic sentences in a
fresh database. A third of them are noisy copies of shared "claim" directions (so there are mutual pairs and claims
to build, as in real coverage); the rest are random.

    .venv/bin/python bench/align.py [--sizes 1000 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

import common  # noqa: F401
from common import fmt_s, machine, table

EVENT = "bench-align"
MODEL = "bench-random-384"
DIM = 384
OUTLETS = [f"outlet_{i}" for i in range(6)]


def synthetic_vectors(n: int, seed: int = 0) -> tuple[np.ndarray, list[str]]:
    rng = np.random.default_rng(seed)
    outlets = [OUTLETS[i % len(OUTLETS)] for i in range(n)]
    vectors = rng.standard_normal((n, DIM)).astype(np.float32)
    n_claims = max(1, n // 12)
    centres = rng.standard_normal((n_claims, DIM)).astype(np.float32)
    shared = rng.random(n) < 1 / 3
    which = rng.integers(0, n_claims, n)
    vectors[shared] = centres[which[shared]] + 0.6 * vectors[shared]
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors, outlets


def load_db(db: Path, vectors: np.ndarray, outlets: list[str]) -> None:
    """One article per outlet; one sentence (and its embedding) per vector."""
    from rashomon import store

    n = len(vectors)
    now = dt.datetime.now(dt.timezone.utc)
    art_of = {o: f"art-{o}" for o in OUTLETS}
    articles = pa.table({
        "article_id": list(art_of.values()), "event_id": [EVENT] * len(OUTLETS), "outlet_id": list(art_of),
        "url": [f"https://{o}.example/a" for o in OUTLETS], "text": ["synthetic"] * len(OUTLETS),
        "text_sha256": ["0"] * len(OUTLETS), "revision": pa.array([1] * len(OUTLETS), pa.int32()),
        "extracted_at": [now] * len(OUTLETS),
    })
    sha = [f"{i:064x}" for i in range(n)]
    sentences = pa.table({
        "sentence_id": [f"{art_of[o]}-r1-{i:06d}" for i, o in enumerate(outlets)],
        "article_id": [art_of[o] for o in outlets], "position": pa.array(range(n), pa.int32()),
        "part": ["body"] * n, "text": [f"synthetic sentence number {i} of the benchmark" for i in range(n)],
        "char_start": pa.array([0] * n, pa.int32()), "char_end": pa.array([1] * n, pa.int32()),
        "n_words": pa.array([7] * n, pa.int32()), "sentence_sha256": sha,
    })
    embeddings = pa.table({
        "sentence_sha256": sha, "model": [MODEL] * n, "dim": pa.array([DIM] * n, pa.int32()),
        "vector": pa.array(list(vectors), pa.list_(pa.float32())),
    })
    with store.connect(db) as con:
        for name, tbl in (("articles", articles), ("sentences", sentences), ("embeddings", embeddings)):
            con.register("new_rows", tbl)
            con.execute(f"insert into {name} by name select * from new_rows")
            con.unregister("new_rows")


def numpy_baseline(vectors: np.ndarray, outlets: list[str], k: int, block: int = 2048) -> float:
    """Matrix product (blocked like the stage) + the top-k other-outlet neighbours of every sentence."""
    labels = np.unique(np.asarray(outlets), return_inverse=True)[1]
    t = time.perf_counter()
    for start in range(0, len(vectors), block):
        sims = vectors[start : start + block] @ vectors.T
        sims[labels[start : start + block, None] == labels[None, :]] = -np.inf
        idx = np.argpartition(sims, -k, axis=1)[:, -k:]
        np.take_along_axis(sims, idx, axis=1)
    return time.perf_counter() - t


def stage(db: Path) -> tuple[float, object]:
    from rashomon import stages, store
    from rashomon.settings import Settings

    s = Settings()
    with store.connect(db) as con:
        t = time.perf_counter()
        out = stages.align_event(
            con, EVENT, MODEL, **s.align_params(),
        )
        return time.perf_counter() - t, out


def parts(vectors: np.ndarray, outlets: list[str]) -> dict[str, float]:
    """Where the stage's time goes, measured on the same vectors: the numpy candidate pairs alone."""
    from rashomon import align
    from rashomon.settings import Settings

    t = time.perf_counter()
    align.candidate_pairs(vectors, outlets, k=Settings().align_k)
    return {"candidate_pairs": time.perf_counter() - t}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    print(f"# bench/align.py — {machine()}")
    from rashomon.settings import Settings

    per_outlet = 3  # align.candidate_pairs' default: top-3 per other outlet
    k = per_outlet * (len(OUTLETS) - 1)
    rows = []
    for n in args.sizes:
        vectors, outlets = synthetic_vectors(n)
        work = Path(tempfile.mkdtemp(prefix=f"rashomon-bench-align-{n}-"))
        db = work / "align.duckdb"
        load_db(db, vectors, outlets)
        base, full, split = [], [], []
        out = None
        for _ in range(args.repeat):
            base.append(numpy_baseline(vectors, outlets, k))
            t, out = stage(db)
            full.append(t)
            split.append(parts(vectors, outlets)["candidate_pairs"])
        b, f, c = min(base), min(full), min(split)
        rows.append([
            f"{n:,}", f"{n * n / 1e6:,.0f} M", fmt_s(b), fmt_s(f), fmt_s(c), fmt_s(max(f - c, 0.0)),
            f"{out.candidates:,}", f"{out.mutual_pairs:,}", f"{out.claims:,}", f"{f / b:.1f}x",
        ])
        print(f"n={n}: numpy {', '.join(f'{x:.2f}' for x in base)} s; stage {', '.join(f'{x:.2f}' for x in full)} s; "
              f"candidate_pairs {', '.join(f'{x:.2f}' for x in split)} s")
        print(f"RATIO align stage / numpy at {n}: {f / b:.1f}x  (target <= 3x)")
        shutil.rmtree(work, ignore_errors=True)
    print(table(rows, ["sentences", "pairs", f"numpy matmul + top-{k} (best of {args.repeat})", "align stage",
                       "of which candidate_pairs", "rest (SQL, clustering, inserts)", "candidates", "mutual pairs",
                       "claims", "stage / numpy"]))
    print(f"settings: k={Settings().align_k}, min_cosine={Settings().align_min_cosine}, min_margin={Settings().align_min_margin}")


if __name__ == "__main__":
    main()
