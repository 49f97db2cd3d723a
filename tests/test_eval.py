"""The evaluation gate: scores on the hand-labelled gold set must not fall below the pinned floors."""

from __future__ import annotations

import json

import pytest

from rashomon.evaluate import GOLD_DIR, check_floors, run_evaluation

pytestmark = pytest.mark.slow


def test_scores_stay_above_their_floors(model, capsys):
    report = run_evaluation(model)
    with capsys.disabled():
        print("\n" + "\n".join(report.lines))
    assert check_floors(report.values) == []


def test_every_floor_names_a_score_the_evaluation_prints(model):
    floors = json.loads((GOLD_DIR / "baseline.json").read_text())["floors"]
    names = set(run_evaluation(model).values)
    assert set(floors) <= names


def test_a_lowered_score_fails_the_gate(tmp_path):
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"floors": {"voice (own/attributed)": 0.9}}))
    assert check_floors({"voice (own/attributed)": 0.8}, baseline) == ["voice (own/attributed): 0.8000 < floor 0.9000"]
    assert check_floors({"voice (own/attributed)": 0.95}, baseline) == []
