"""The verdict gates: which party, if any, an outlet's own voice says started the event (GUIDE §10), and which of
the blames its quoted sources give it does report.

The hand-written rules (`initiator_rules_of` in sql/views.sql) name every party the outlet's own sentences present as
the initiator and say which of them they would keep; the gate is a logistic regression over what the rules and
detectors know about each such party (`verdict_features_of`: how many own sentences name it and where, how many name
another party, what quoted sources say, whether the rules keep it, ...). The outlet's verdict is its best party when
the probability reaches the model's threshold; otherwise the outlet "does not say" (GUIDE §10.6). The probability is
the verdict's `score` in `initiator_by_outlet`, shown in the report.

The weights are data (`models/verdict_gate.json`, sha256 pinned below and checked when a database is opened for
writing): `store.migrate` copies them into the table `verdict_model`, which the views read. `make train` refits them
from the benchmark's dev split (rashomon.realcov.train_verdict).

The blame gate does the same for each (source party, blamed party, claim | denial) an outlet's quoted sources give
(`blame_features_of`: how many sentences and where, a source tied to no party, a source blaming itself, a denial,
...): the report, the fact sheet and `initiator_by_outlet` show a blame only when its probability reaches the
threshold (`blame_scores`; weights `models/blame_gate.json` → table `blame_model`).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import ModelError
from .pinned import read_pinned

MODEL_PATH = Path(__file__).with_name("models") / "verdict_gate.json"
MODEL_SHA256 = "7715ef058a409fe59f92b3d00ebd2b9b8c3ca63dadebbf4d77873d099612cb57"

BLAME_MODEL_PATH = MODEL_PATH.with_name("blame_gate.json")
BLAME_MODEL_SHA256 = "41d7ad0fe90add5a242d27c2b4cb92d9261f0c632990946cb2cb94982a357e4a"

#: the columns of `verdict_features_of` (sql/views.sql) a model may weigh
FEATURES = ("n_own", "log_n_own", "head", "lead", "first_pos", "dated", "rule", "n_own_other", "other_in_head",
            "n_att", "n_att_other", "share", "log_len", "provoke", "violate", "provoker", "beside_response", "attack",
            "only_kill", "retaliate_own", "bg_acts", "neg_acts", "as_target", "top", "n_lead", "head_attr",
            "att_same_head")
#: the columns of `blame_features_of` a blame model may weigh
BLAME_FEATURES = ("log_n", "first_pos", "source_unknown", "source_other", "self", "denial", "log_len", "others",
                  "blamed_by_several", "source_blames_several")


@dataclass(frozen=True)
class VerdictGate:
    weights: dict[str, float]      # feature -> weight on the raw feature value
    intercept: float
    threshold: float

    def rows(self) -> list[tuple[str, float]]:
        """The rows of the table `verdict_model`."""
        return [*sorted(self.weights.items()), ("intercept", self.intercept), ("threshold", self.threshold)]

    def to_json(self, **meta) -> str:
        body = {"weights": {k: round(v, 6) for k, v in sorted(self.weights.items())},
                "intercept": round(self.intercept, 6), "threshold": round(self.threshold, 6), **meta}
        return json.dumps(body, indent=1, sort_keys=True) + "\n"


def parse_gate(raw: bytes, where: str, features: tuple[str, ...] = FEATURES) -> VerdictGate:
    try:
        body = json.loads(raw)
        weights = {str(k): float(v) for k, v in body["weights"].items()}
        unknown = sorted(set(weights) - set(features))
        if unknown:
            raise ModelError(f"{where}: weighs features {unknown} that the views do not compute; run `make train`")
        gate = VerdictGate(weights, float(body["intercept"]), float(body["threshold"]))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ModelError(f"{where}: not a gate model ({exc})") from exc
    if not all(math.isfinite(v) for _, v in gate.rows()) or not 0 < gate.threshold < 1:
        raise ModelError(f"{where}: weights must be finite and the threshold between 0 and 1")
    return gate


@lru_cache(maxsize=4)
def load_gate(path: Path = MODEL_PATH, sha256: str = MODEL_SHA256, features: tuple[str, ...] = FEATURES) -> VerdictGate:
    """The pinned gate; a missing or changed file is a ModelError naming the fix."""
    raw = read_pinned(path, sha256, "gate model", "rashomon/verdictgate.py")
    return parse_gate(raw, str(path), features)


def load_blame_gate() -> VerdictGate:
    """The pinned blame gate."""
    return load_gate(BLAME_MODEL_PATH, BLAME_MODEL_SHA256, BLAME_FEATURES)
