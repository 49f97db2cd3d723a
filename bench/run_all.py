"""Run every benchmark (by hand: `make bench`), one process each, and print their figures and ratios.

    .venv/bin/python bench/run_all.py                 # embed, align, end_to_end (10, 100, 1,000 articles), prefect_overhead: ~10 min
    .venv/bin/python bench/run_all.py --quick         # end_to_end without the 1,000-article run (~6 min)
    .venv/bin/python bench/run_all.py --only embed    # one of them
    .venv/bin/python bench/run_all.py --log bench/last-run.log

Figures from a run on the reference machine are in bench/RESULTS.md. The calibration scripts (calibrate_*.py) are
not benchmarks and do not run here.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = ["embed", "align", "end_to_end", "prefect_overhead"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="end_to_end without the 1,000-article run")
    ap.add_argument("--only", choices=BENCHES, action="append", help="run only these (repeatable)")
    ap.add_argument("--log", type=Path, help="also write everything printed to this file")
    args = ap.parse_args()
    out = []
    failed = []
    for name in args.only or BENCHES:
        cmd = [sys.executable, str(HERE / f"{name}.py")] + (["--quick"] if name == "end_to_end" and args.quick else [])
        banner = f"\n===== {' '.join(Path(c).name if i < 2 else c for i, c in enumerate(cmd))} ====="
        print(banner, flush=True)
        out.append(banner)
        started = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        text = "\n".join(l for l in proc.stdout.splitlines() if not l.startswith("JSON "))
        print(text, flush=True)
        out.append(text)
        if proc.returncode != 0:
            failed.append(name)
            print(proc.stderr[-4000:], file=sys.stderr)
        line = f"({name}: {time.perf_counter() - started:.0f} s, exit {proc.returncode})"
        print(line)
        out.append(line)
    if args.log:
        args.log.write_text("\n".join(out) + "\n", encoding="utf-8")
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
