"""Do two sentences of different outlets state the same fact? A learned pair scorer over what the text shows.

The cosine of two embeddings says they share a topic; on real same-event coverage (tests/realcov) a true paraphrase
(median cosine 0.67) sits in the same band as a merely related sentence, and the labels' facts are speaker-specific
("the ministry says Russia blew up the dam" and "Russia blew up the dam" are two facts). The scorer adds to the cosine
and the ratio margin what tells facts apart: shared content words and names, numbers shared or clashing, negation on
one side only, a speech cue on one side only (a claim vs the same words as a report), headlines, position and length.

The model is a logistic regression whose weights are data (`models/same_fact.json`, sha256 pinned below and checked
at load), trained by `make train` (`python -m rashomon.realcov.train`) on the benchmark's dev split only. The default
(`align_method = "same_fact_tokens"`) adds the token alignment of the two sentences (`tokenalign.py`) and has its own
weights (`models/same_fact_tokens.json`, pinned below too).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

from . import tokenalign
from .errors import ModelError
from .pinned import read_pinned

MODEL_PATH = Path(__file__).with_name("models") / "same_fact.json"          # TEXT_FEATURES (align_method same_fact)
MODEL_SHA256 = "dc42b3bd9ed6d63d51fd331e8fd056fe140abfa5c1b470c03340f2bb02064ab5"
TOKENS_MODEL_PATH = MODEL_PATH.with_name("same_fact_tokens.json")          # FEATURES (same_fact_tokens)
TOKENS_MODEL_SHA256 = "e9b3eb824ed9a3d2e1da14d2b0501d2c59f9374b66cb9fc97ea30afd9ee74fb7"

_WORD = re.compile(r"[A-Za-z][\w'’-]*|\d[\d,.]*")
_STOP = frozenset("""a an the of to in on at for from by with and or but as is are was were be been being has have had
it its this that these those which who whom whose what when where while after before over under into than then there
their they them he she his her we our you your i not no will would could should may might can also said says say told
about against between during amid since per via up out""".split())
_NEGATION = re.compile(
    r"\b(not|n't|no|never|deni(?:ed|es)|deny|false|untrue|fake|baseless|reject(?:ed|s)?|dismiss(?:ed|es)?)\b", re.I)
_SPEECH = re.compile(
    r"\b(said|says|say|told|according|stated|claimed|claims|claim|accused|accuses|alleged|announced|reported|noted|"
    r"added|insisted|warned|wrote|tweeted|statement)\b|[\"“”]", re.I)
_NUMBER = re.compile(r"\b\d[\d,.]*\b")
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve dozen dozens hundred hundreds "
                          "thousand thousands".split())

TEXT_FEATURES = ("cosine", "margin", "rank_min", "rank_max", "word_jaccard", "word_overlap", "name_jaccard", "no_names",
                 "number_shared", "number_clash", "negation_one_side", "speech_one_side", "speech_both", "headline_any",
                 "headline_both", "length_ratio", "position_max", "cosine_x_jaccard")
FEATURES = TEXT_FEATURES + tokenalign.FEATURES   # the token alignment of the two sentences (rashomon/tokenalign.py)


@dataclass(frozen=True)
class SentenceInfo:
    words: frozenset[str]      # content words, cut to 6 letters (a crude stem)
    names: frozenset[str]      # capitalised words after the first
    numbers: frozenset[str]
    negated: bool
    speech: bool               # a speech cue or quotation mark
    n_words: int
    position: int              # 0 = headline


def sentence_info(text: str, position: int) -> SentenceInfo:
    words = _WORD.findall(text)
    lower = [w.lower().replace("’", "'") for w in words]
    return SentenceInfo(
        words=frozenset(w[:6] for w in lower if w not in _STOP and not w[0].isdigit()),
        names=frozenset(lw for i, (w, lw) in enumerate(zip(words, lower)) if i and w[0].isupper() and lw not in _STOP),
        numbers=frozenset(n.replace(",", "").rstrip(".") for n in _NUMBER.findall(text))
        | frozenset(w for w in lower if w in _NUMBER_WORDS),
        negated=bool(_NEGATION.search(text)),
        speech=bool(_SPEECH.search(text)),
        n_words=len(words),
        position=position,
    )


def _jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def pair_features(a: SentenceInfo, b: SentenceInfo, cosine: float, margin: float, rank_a: int, rank_b: int) -> list[float]:
    """The TEXT_FEATURES of one candidate pair, in order (the token alignment's come from `tokenalign.pair_matrix`)."""
    jaccard = _jaccard(a.words, b.words)
    shared_numbers = a.numbers & b.numbers
    return [
        cosine, margin, min(rank_a, rank_b), max(rank_a, rank_b), jaccard,
        len(a.words & b.words) / min(len(a.words), len(b.words)) if a.words and b.words else 0.0,
        _jaccard(a.names, b.names), float(not a.names and not b.names),
        float(bool(shared_numbers)), float(bool(a.numbers and b.numbers and not shared_numbers)),
        float(a.negated != b.negated), float(a.speech != b.speech), float(a.speech and b.speech),
        float(a.position == 0 or b.position == 0), float(a.position == 0 and b.position == 0),
        math.log((1 + min(a.n_words, b.n_words)) / (1 + max(a.n_words, b.n_words))),
        math.log1p(max(a.position, b.position)), cosine * jaccard,
    ]


def feature_matrix(infos: Sequence[SentenceInfo], cands, texts: Sequence[str] | None = None) -> np.ndarray:
    """One row of TEXT_FEATURES per candidate pair (`align.CandidateArrays`, rows index `infos`); with `texts` (one
    event's sentences: the token alignment weighs word-pieces by their idf over them), one row of FEATURES."""
    rows = [pair_features(infos[a], infos[b], float(c), float(m), int(ra), int(rb))
            for a, b, c, m, ra, rb in zip(cands.a, cands.b, cands.cosine, cands.margin, cands.rank_a, cands.rank_b)]
    text_x = np.asarray(rows, dtype=np.float64).reshape(len(rows), len(TEXT_FEATURES))
    if texts is None:
        return text_x
    return np.hstack([text_x, tokenalign.pair_matrix(texts, cands.a, cands.b)])


@dataclass(frozen=True)
class PairScorer:
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    features: tuple[str, ...] = FEATURES

    def probability(self, x: np.ndarray) -> np.ndarray:
        """P(same fact) for each row of a feature matrix."""
        if len(x) == 0:
            return np.zeros(0)
        z = ((x - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

    def to_json(self, **meta) -> str:
        body = {"features": list(self.features), "mean": _round(self.mean), "scale": _round(self.scale),
                "coef": _round(self.coef), "intercept": round(float(self.intercept), 6), **meta}
        return json.dumps(body, indent=1, sort_keys=True) + "\n"


def _round(values: np.ndarray) -> list[float]:
    return [round(float(v), 6) for v in values]


def parse_model(raw: bytes, where: str) -> PairScorer:
    try:
        body = json.loads(raw)
        if tuple(body["features"]) not in (TEXT_FEATURES, FEATURES):
            raise ModelError(f"{where}: trained on features {body['features']}, this code computes {list(FEATURES)} "
                             f"or the first {len(TEXT_FEATURES)} of them; run `make train`")
        return PairScorer(np.asarray(body["mean"]), np.asarray(body["scale"]), np.asarray(body["coef"]),
                          float(body["intercept"]), tuple(body["features"]))
    except (ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"{where}: not a same-fact model ({exc})") from exc


@lru_cache(maxsize=2)
def load_scorer(path: Path = MODEL_PATH, sha256: str = MODEL_SHA256) -> PairScorer:
    """The pinned pair scorer; a missing or changed file is a ModelError naming the fix."""
    raw = read_pinned(path, sha256, "same-fact model", "rashomon/samefact.py")
    return parse_model(raw, str(path))


def load_token_scorer() -> PairScorer:
    """The pinned scorer with the token alignment features (align_method `same_fact_tokens`)."""
    return load_scorer(TOKENS_MODEL_PATH, TOKENS_MODEL_SHA256)
