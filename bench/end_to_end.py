"""End to end on synthetic events of 10, 100 and 1,000 articles: wall time per stage, peak memory, and how both
grow with the number of articles.

Each size runs in a fresh process (so peak RSS is that size's own) on a fresh database: a synthetic event
(bench/synth.py: 5 outlets, ~21 sentences per article, HTML pages + RSS feeds) is written to a temporary folder and
served on 127.0.0.1 with rashomon.localsite.serve_folder; the pipeline's code (flows/pipeline.py) runs with every
task called directly (Prefect's own cost is bench/prefect_overhead.py's subject), with min_interval=0 (one local
host: no politeness delay). The model load is timed apart ("model") and excluded from the embed stage.

    .venv/bin/python bench/end_to_end.py            # 10, 100 and 1,000 articles (about 5 minutes on 2 cores)
    .venv/bin/python bench/end_to_end.py --quick    # 10 and 100 only (under a minute)
    .venv/bin/python bench/end_to_end.py --sizes 10 100 1000 3000
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import common
from common import fmt_s, machine, table

OUTLETS = 5


def one_size(n_articles: int) -> dict:
    """Run one size in this process and return its figures."""
    import synth
    from rashomon import embed
    from rashomon.localsite import serve_folder

    work = Path(tempfile.mkdtemp(prefix=f"rashomon-bench-e2e-{n_articles}-"))
    t = time.perf_counter()
    ev = synth.write_event(work, OUTLETS, max(1, n_articles // OUTLETS))
    generate_s = time.perf_counter() - t
    t = time.perf_counter()
    embed.load_model(common.MODEL)  # once per process, like a worker; timed apart
    model_s = time.perf_counter() - t
    settings = common.settings_for(work, ev.sources_dir, reports_dir=work / "reports")
    peaks: dict[str, float] = {"model": common.peak_rss_mb()}
    t = time.perf_counter()
    with serve_folder(ev.site) as base_url:
        result, timings = common.run_without_prefect(ev.event_dir, settings, base_url, peaks)
    total = time.perf_counter() - t
    db_mb = Path(settings.db).stat().st_size / 2**20
    shutil.rmtree(work, ignore_errors=True)
    return {
        "articles": result.counts["articles"], "sentences": result.counts["sentences"], "claims": result.counts["claims"],
        "embedded": result.counts.get("embedded_now", -1),
        "outlets": result.counts["outlets"], "failures": len(result.failures), "generate_s": generate_s,
        "model_s": model_s, "stages": timings, "total_s": total, "peaks_mb": peaks, "peak_mb": common.peak_rss_mb(),
        "db_mb": db_mb,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=None, help="article counts (default 10 100 1000)")
    ap.add_argument("--quick", action="store_true", help="10 and 100 articles only (the 1,000-article run takes ~4 min)")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: run one size, print JSON
    args = ap.parse_args()
    if args.one:
        print("RESULT " + json.dumps(one_size(args.one)))
        return
    sizes = args.sizes or ([10, 100] if args.quick else [10, 100, 1000])
    print(f"# bench/end_to_end.py — {machine()}")
    results = []
    for n in sizes:
        t = time.perf_counter()
        proc = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True, text=True)
        line = next((l for l in proc.stdout.splitlines() if l.startswith("RESULT ")), None)
        if proc.returncode != 0 or line is None:
            print(proc.stdout[-3000:], proc.stderr[-3000:])
            raise SystemExit(f"size {n} failed")
        r = json.loads(line[len("RESULT "):])
        results.append(r)
        print(f"{n} articles: {fmt_s(time.perf_counter() - t)} in all (process start, generation, model load included)")

    stage_names = list(results[0]["stages"])
    rows = []
    for name in stage_names:
        rows.append([name] + [fmt_s(r["stages"].get(name, float("nan"))) for r in results])
    rows.append(["**pipeline total**"] + [fmt_s(r["total_s"]) for r in results])
    rows.append(["model load (once per process)"] + [fmt_s(r["model_s"]) for r in results])
    rows.append(["peak RSS"] + [f"{r['peak_mb']:.0f} MiB" for r in results])
    rows.append(["database size"] + [f"{r['db_mb']:.1f} MiB" for r in results])
    rows.append(["sentences / distinct texts embedded / claims"]
                + [f"{r['sentences']:,} / {r['embedded']:,} / {r['claims']:,}" for r in results])
    header = ["stage"] + [f"{r['articles']:,} articles" for r in results]
    print(table(rows, header))
    print()
    mem_rows = [[name] + [f"{r['peaks_mb'].get(name, float('nan')):.0f}" for r in results] for name in ["model", *stage_names]]
    print(table(mem_rows, ["peak RSS (MiB) after"] + [f"{r['articles']:,} articles" for r in results]))
    print()
    # growth: exponent b in time ~ articles^b between consecutive sizes (1 = linear)
    for a, b in zip(results, results[1:]):
        ratio = b["articles"] / a["articles"]
        parts = []
        for name in [*stage_names, "total"]:
            ta = a["total_s"] if name == "total" else a["stages"][name]
            tb = b["total_s"] if name == "total" else b["stages"][name]
            if ta > 0.05:
                parts.append(f"{name} {math.log(tb / ta) / math.log(ratio):.2f}")
        print(f"growth {a['articles']} -> {b['articles']} articles (x{ratio:.0f}): time ~ articles^b, b = " + ", ".join(parts))
        print(f"  per article: {a['total_s'] / a['articles']:.2f} s -> {b['total_s'] / b['articles']:.2f} s; "
              f"peak RSS {a['peak_mb']:.0f} -> {b['peak_mb']:.0f} MiB")
    print("JSON " + json.dumps(results))


if __name__ == "__main__":
    main()
