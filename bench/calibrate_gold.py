"""Calibrate the alignment thresholds on the hand-labelled gold pairs (tests/gold), with leave-one-event-out.

Run by hand:  .venv/bin/python bench/calibrate_gold.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rashomon.embed import load_model  # noqa: E402
from rashomon.evaluate import (  # noqa: E402
    calibrate, embed_gold_events, gold_pairs, gold_sentences, leave_one_event_out, score_alignment,
)
from rashomon.settings import Settings  # noqa: E402


def main() -> None:
    s = Settings()
    events = embed_gold_events(load_model(s.model), gold_sentences())
    pairs = gold_pairs()
    for k in (2, 4, 8):
        grid = calibrate(events, pairs, k=k)
        print(f"k={k}: best settings on all gold pairs")
        for params, sc in sorted(grid, key=lambda t: (-t[1].f1, -t[1].precision))[:5]:
            print(f"   {params}  {sc.line()}")
        for held, params, sc in leave_one_event_out(events, pairs, k=k):
            print(f"   held out {held:<30} chosen {params} -> F1 {sc.f1:.3f} (P {sc.precision:.3f} R {sc.recall:.3f})")
    current = s.align_params()
    print(f"\ncurrent settings {current}")
    print("  ", score_alignment(events, pairs, **current).line())


if __name__ == "__main__":
    main()
