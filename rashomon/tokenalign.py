"""Token alignment of two sentences (BERTScore-style, Zhang et al. 2020), from MiniLM's own token vectors.

Pooled cosine says two sentences share a topic; whether they state one fact shows better in how well each word of one
finds a close word in the other. Every token of sentence A is matched to its most similar token of B (greedy max
cosine) and back: precision = the mean best match of A's tokens in B, recall = of B's in A, F = their harmonic mean.
The weights are each token's idf over the event's sentences (a rare word like a place or a number counts more than
"the"), and a second variant matches content tokens only (no stopword, no punctuation).

The token vectors are the *input* word-piece embeddings of all-MiniLM-L6-v2 (the bundled package's weights, sha256
checked by `embed.resolve_model`; fixed whatever embedding model is configured, because the pair scorer was trained on
them): a table lookup, no transformer pass, so the align stage stays cheap. The contextual token vectors (the encoder's
last layer) separated pairs a little better on dev (docs/alignment.md) but cost a second pass of the encoder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

import numpy as np

TOKEN_MODEL = "all-MiniLM-L6-v2"
FEATURES = ("tok_f", "tok_min", "tok_idf_f", "tok_idf_min", "tok_content_f", "tok_content_min", "tok_content_max")
_ALNUM = re.compile(r"[A-Za-z0-9]")


@dataclass(frozen=True)
class Tokens:
    ids: np.ndarray        # word-piece ids, without [CLS] / [SEP]
    content: np.ndarray    # bool: the word-piece belongs to a content word (not a stopword, not punctuation)


@lru_cache(maxsize=1)
def _static():
    """(tokenizer, L2-normalised word-piece embedding table) of the bundled MiniLM."""
    from pathlib import Path

    from safetensors import safe_open
    from tokenizers import Tokenizer

    from .embed import resolve_model

    folder = Path(resolve_model(TOKEN_MODEL))
    tok = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tok.no_padding()
    tok.no_truncation()
    with safe_open(str(folder / "model.safetensors"), "np") as fh:
        table = np.asarray(fh.get_tensor("embeddings.word_embeddings.weight"), dtype=np.float32)
    table /= np.maximum(np.linalg.norm(table, axis=1, keepdims=True), 1e-9)
    return tok, table


def tokenize(texts: Sequence[str]) -> list[Tokens]:
    from .samefact import _STOP

    tok, _ = _static()
    out = []
    for text, enc in zip(texts, tok.encode_batch(list(texts), add_special_tokens=False)):
        spans: dict[int, list[int]] = {}
        for w, (s, e) in zip(enc.word_ids, enc.offsets):
            spans.setdefault(w, [s, e])[1] = e
        words = [text[spans[w][0]:spans[w][1]] for w in enc.word_ids]
        content = np.asarray([bool(_ALNUM.match(w)) and w.lower() not in _STOP for w in words], dtype=bool)
        out.append(Tokens(np.asarray(enc.ids, dtype=np.int64), content))
    return out


def idf(tokens: Sequence[Tokens]) -> dict[int, float]:
    """log((n + 1) / (df + 1)) of every word-piece over the sentences (one event's)."""
    ids, counts = np.unique(np.concatenate([np.unique(t.ids) for t in tokens] or [np.zeros(0, np.int64)]),
                            return_counts=True)
    n = len(tokens)
    return dict(zip(ids.tolist(), np.log((n + 1) / (counts + 1)).tolist()))


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    return np.divide(num, den, out=np.zeros_like(num, dtype=np.float64), where=den > 0)


def _f(p: np.ndarray, r: np.ndarray) -> np.ndarray:
    return _ratio(2 * p * r, p + r)


def pair_matrix(texts: Sequence[str], a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """FEATURES of every pair (a[i], b[i]) of rows of `texts` (one event's sentences: the idf is theirs)."""
    try:   # the products are small (tens of tokens × a few thousand): BLAS threads only contend, 10x slower on 2 cores
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover
        return _pair_matrix(texts, a, b)
    with threadpool_limits(limits=1, user_api="blas"):
        return _pair_matrix(texts, a, b)


def _pair_matrix(texts: Sequence[str], a: np.ndarray, b: np.ndarray) -> np.ndarray:
    out = np.zeros((len(a), len(FEATURES)), dtype=np.float64)
    if len(a) == 0:
        return out
    tokens = tokenize(texts)
    _, table = _static()
    weight = idf(tokens)
    vecs = [table[t.ids] for t in tokens]
    w_idf = [np.asarray([weight[i] for i in t.ids.tolist()], dtype=np.float64) for t in tokens]
    a, b = np.asarray(a), np.asarray(b)
    for x in np.unique(a):   # one matrix product per sentence against all its partners' tokens
        rows = np.flatnonzero(a == x)
        rows = rows[[len(tokens[y].ids) > 0 for y in b[rows]]]
        if not len(tokens[x].ids) or not len(rows):
            continue
        ys = b[rows]
        lengths = np.asarray([len(tokens[y].ids) for y in ys])
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        w_other = np.concatenate([w_idf[y] for y in ys])
        c_other = np.concatenate([tokens[y].content for y in ys])
        wx, cx = w_idf[x], tokens[x].content
        sims = (vecs[x] @ np.vstack([vecs[y] for y in ys]).T).astype(np.float64)   # x's tokens × all partners' tokens
        # precision side: each x token's best match in each partner (all tokens / content tokens of both)
        row_best = np.maximum.reduceat(sims, starts, axis=1)
        row_best_c = np.maximum.reduceat(np.where(c_other[None, :], sims, -2.0), starts, axis=1)
        p = row_best.mean(axis=0)
        p_idf = _ratio(wx @ row_best, np.full(len(ys), wx.sum()))
        has_c = np.add.reduceat(c_other.astype(np.float64), starts) > 0
        p_c = _ratio((wx * cx) @ row_best_c, np.full(len(ys), (wx * cx).sum()))
        # recall side: each partner token's best match in x
        col_best = sims.max(axis=0)
        col_best_c = np.where(cx[:, None], sims, -2.0).max(axis=0)
        r = np.add.reduceat(col_best, starts) / lengths
        r_idf = _ratio(np.add.reduceat(col_best * w_other, starts), np.add.reduceat(w_other, starts))
        r_c = _ratio(np.add.reduceat(col_best_c * w_other * c_other, starts), np.add.reduceat(w_other * c_other, starts))
        if not cx.any():
            has_c[:] = False
        p_c, r_c = np.where(has_c, p_c, 0.0), np.where(has_c, r_c, 0.0)
        out[rows] = np.column_stack([_f(p, r), np.minimum(p, r), _f(p_idf, r_idf), np.minimum(p_idf, r_idf),
                                     _f(p_c, r_c), np.minimum(p_c, r_c), np.maximum(p_c, r_c)])
    return out
