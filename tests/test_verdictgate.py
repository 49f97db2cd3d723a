"""The own-voice verdict gate: its pinned weights, the table the views read, and how it chooses (on the seed demo)."""

import hashlib
import json
import shutil
from pathlib import Path

import duckdb
import pytest

from rashomon import store, verdictgate
from rashomon.errors import ModelError

SEED = "karabakh-2022-08-03"


def test_the_shipped_gate_is_pinned_and_weighs_only_features_the_views_compute():
    gate = verdictgate.load_gate()
    assert hashlib.sha256(verdictgate.MODEL_PATH.read_bytes()).hexdigest() == verdictgate.MODEL_SHA256
    assert gate.weights and set(gate.weights) <= set(verdictgate.FEATURES)
    assert 0 < gate.threshold < 1
    body = json.loads(verdictgate.MODEL_PATH.read_text())
    assert body["trained_on"] and body["leave_one_event_out"]["verdict"] > 0


def test_a_changed_or_wrong_gate_file_is_refused_with_the_fix(tmp_path):
    changed = tmp_path / "verdict_gate.json"
    changed.write_bytes(verdictgate.MODEL_PATH.read_bytes().replace(b'"intercept"', b'"intercept" ', 1))
    with pytest.raises(ModelError, match="sha256 .* expected .*make train"):
        verdictgate.load_gate.__wrapped__(changed)
    for text, message in (('{"weights": {"colour": 1}, "intercept": 0, "threshold": 0.5}', "colour"),
                          ('{"weights": {"rule": 1}, "intercept": 0, "threshold": 1.5}', "threshold between 0 and 1"),
                          ('{"weights": [1], "intercept": 0, "threshold": 0.5}', "not a gate model"),
                          ('not json', "not a gate model")):
        wrong = tmp_path / "wrong.json"
        wrong.write_text(text)
        with pytest.raises(ModelError, match=message):
            verdictgate.load_gate.__wrapped__(wrong, hashlib.sha256(wrong.read_bytes()).hexdigest())
    with pytest.raises(ModelError, match="cannot be read"):
        verdictgate.load_gate.__wrapped__(tmp_path / "missing.json")


def test_opening_a_database_restores_the_pinned_weights(tmp_path):
    path = tmp_path / "r.duckdb"
    with store.connect(path) as con:
        con.execute("update verdict_model set weight = weight + 5")
        con.execute("insert into verdict_model values ('colour', 1)")
    with store.connect(path) as con:
        rows = dict(con.execute("select feature, weight from verdict_model").fetchall())
    assert rows == dict(verdictgate.load_gate().rows())


def _copy(demo_run, tmp_path):
    _, settings = demo_run
    copy = tmp_path / "demo.duckdb"
    shutil.copy(settings.db, copy)
    if Path(f"{settings.db}.wal").exists():
        shutil.copy(f"{settings.db}.wal", f"{copy}.wal")
    return copy


def test_an_outlet_verdict_is_the_gate_choice_and_the_report_rows_carry_its_score(demo_run):
    _, settings = demo_run
    with store.connect(settings.db, read_only=True) as con:
        scores = con.execute("select outlet_id, party, score, decisive, chosen from verdict_scores_of(?)",
                             [SEED]).fetchall()
        own = con.execute("select outlet_id, says_initiator, score from initiator_by_outlet_of(?) where own_voice",
                          [SEED]).fetchall()
        threshold = con.execute("select weight from verdict_model where feature = 'threshold'").fetchone()[0]
    chosen = {(o, p, s) for o, p, s, _, c in scores if c}
    assert set(own) == chosen and own
    for o, p, s, decisive, c in scores:
        assert 0 < s < 1
        assert c == (decisive or s >= threshold and s == max(x[2] for x in scores if x[0] == o))
    assert len({o for o, _, _ in own}) == len(own)           # one verdict per outlet at most


def test_raising_the_threshold_silences_every_outlet_but_the_decisive_ones(demo_run, tmp_path):
    copy = _copy(demo_run, tmp_path)
    con = duckdb.connect(str(copy))
    con.execute("update verdict_model set weight = 0.999 where feature = 'threshold'")
    own = con.execute("select outlet_id from initiator_by_outlet_of(?) where own_voice", [SEED]).fetchall()
    decisive = con.execute("select outlet_id from verdict_scores_of(?) where decisive", [SEED]).fetchall()
    quoted = con.execute("select count(*) from initiator_by_outlet_of(?) where not own_voice", [SEED]).fetchone()[0]
    con.close()
    assert sorted(own) == sorted(decisive)
    assert quoted > 0                                          # a quoted source's blame does not go through the gate


def test_the_shipped_blame_gate_is_pinned_and_weighs_only_features_the_views_compute():
    gate = verdictgate.load_blame_gate()
    assert hashlib.sha256(verdictgate.BLAME_MODEL_PATH.read_bytes()).hexdigest() == verdictgate.BLAME_MODEL_SHA256
    assert gate.weights and set(gate.weights) <= set(verdictgate.BLAME_FEATURES)
    with pytest.raises(ModelError, match="n_own"):            # a verdict feature is not a blame feature
        verdictgate.parse_gate(b'{"weights": {"n_own": 1}, "intercept": 0, "threshold": 0.5}', "x",
                               verdictgate.BLAME_FEATURES)


def test_a_quoted_blame_is_shown_only_when_the_blame_gate_keeps_it(demo_run):
    _, settings = demo_run
    with store.connect(settings.db, read_only=True) as con:
        kept = set(con.execute("select outlet_id, source_party, blamed_party from blame_scores_of(?) "
                               "where kept and status = 'claim'", [SEED]).fetchall())
        dropped = set(con.execute("select outlet_id, source_party, blamed_party from blame_scores_of(?) "
                                  "where not kept and status = 'claim'", [SEED]).fetchall())
        shown = con.execute("select i.outlet_id, i.says_initiator, i.attributed_to from initiator_by_outlet_of(?) i "
                            "where not own_voice", [SEED]).fetchall()
        parties = dict(con.execute("select attributed_to, min(attributed_party) from initiators_of(?) "
                                   "where voice = 'attributed' group by 1", [SEED]).fetchall())
    assert kept and shown
    for outlet, blamed, source in shown:
        assert (outlet, parties.get(source), blamed) in kept, (outlet, source, blamed)
    assert not any((o, parties.get(s), b) in dropped and (o, parties.get(s), b) not in kept for o, b, s in shown)


def test_raising_the_blame_threshold_empties_the_quoted_blames_and_denials_but_not_the_verdicts(demo_run, tmp_path):
    copy = _copy(demo_run, tmp_path)
    con = duckdb.connect(str(copy))
    own_before = con.execute("select count(*) from initiator_by_outlet_of(?) where own_voice", [SEED]).fetchone()[0]
    con.execute("update blame_model set weight = 0.999 where feature = 'threshold'")
    quoted = con.execute("select count(*) from initiator_by_outlet_of(?) where not own_voice", [SEED]).fetchone()[0]
    sheet = con.execute("select count(*) from outlet_facts_of(?) where slot in ('blames', 'denies')",
                        [SEED]).fetchone()[0]
    own = con.execute("select count(*) from initiator_by_outlet_of(?) where own_voice", [SEED]).fetchone()[0]
    con.close()
    assert quoted == 0 and sheet == 0 and own == own_before > 0
