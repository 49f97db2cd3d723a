"""Prefect's cost: the pipeline flow's wall time vs the same code with every task called directly, at 100 articles.

Both run flows/pipeline.py's code on the same synthetic event (bench/synth.py, 5 outlets x 20 articles, served on
127.0.0.1) into a fresh database each time, alternating, in one process with the model already loaded. The Prefect
API server's start (once per process, or never with a running server) is measured apart by a warm-up flow. Target:
overhead <= 15 %.

    .venv/bin/python bench/prefect_overhead.py [--articles 100] [--repeat 3]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import common
from common import fmt_s, machine, table


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--outlets", type=int, default=5)
    args = ap.parse_args()
    print(f"# bench/prefect_overhead.py — {machine()}")
    import synth
    from prefect import flow

    from rashomon import embed
    from rashomon.localsite import serve_folder

    work = Path(tempfile.mkdtemp(prefix="rashomon-bench-prefect-"))
    ev = synth.write_event(work, args.outlets, args.articles // args.outlets)

    @flow(name="rashomon-bench-warmup")
    def warmup() -> int:
        return 1

    t = time.perf_counter()
    warmup()
    server_s = time.perf_counter() - t
    t = time.perf_counter()
    embed.load_model(common.MODEL)
    model_s = time.perf_counter() - t
    print(f"Prefect API start + first flow run: {fmt_s(server_s)} (once per process); model load {fmt_s(model_s)}")

    plain, prefect, stage_sum = [], [], []
    counts = None
    with serve_folder(ev.site) as base_url:
        for i in range(args.repeat):
            for mode in (("plain", "prefect") if i % 2 == 0 else ("prefect", "plain")):
                run_dir = work / f"{mode}-{i}"
                settings = common.settings_for(run_dir, ev.sources_dir)
                t = time.perf_counter()
                if mode == "plain":
                    result, timings = common.run_without_prefect(ev.event_dir, settings, base_url)
                    plain.append(time.perf_counter() - t)
                    stage_sum.append(sum(timings.values()))
                else:
                    result = common.run_with_prefect(ev.event_dir, settings, base_url)
                    prefect.append(time.perf_counter() - t)
                if counts is None:
                    counts = result.counts
                assert result.counts["claims"] == counts["claims"] and not result.failures, (mode, result.counts)
                print(f"  run {i + 1} {mode:<7} {fmt_s((plain if mode == 'plain' else prefect)[-1])}")
    best_plain, best_prefect = min(plain), min(prefect)
    med_plain, med_prefect = statistics.median(plain), statistics.median(prefect)
    rows = [
        ["stage functions called directly", fmt_s(best_plain), fmt_s(med_plain)],
        ["Prefect flow (ThreadPoolTaskRunner)", fmt_s(best_prefect), fmt_s(med_prefect)],
        ["difference", fmt_s(best_prefect - best_plain), fmt_s(med_prefect - med_plain)],
    ]
    print(f"{counts['articles']} articles, {counts['sentences']:,} sentences, {counts['claims']:,} claims; "
          f"{args.repeat} runs of each, alternating")
    print(table(rows, ["what", "best", "median"]))
    print(f"RATIO Prefect / direct = {best_prefect / best_plain:.3f} (best), {med_prefect / med_plain:.3f} (median); "
          f"overhead {100 * (best_prefect / best_plain - 1):.1f} % best, {100 * (med_prefect / med_plain - 1):.1f} % median "
          f"(target <= 15 %); plus {fmt_s(server_s)} once per process for the API server")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
