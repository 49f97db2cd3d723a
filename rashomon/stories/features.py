"""Article features for story clustering: the title+lead text to embed, named entities and the publication day.

The model and the spaCy pipeline are passed in (loaded once per process by the caller)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

import numpy as np

from .. import embed as embed_mod
from ..moments import aware
from .cluster import ArticleFeatures

#: spaCy entity labels that identify a story: places, groups, organisations, people, facilities, named events
ENTITY_LABELS = frozenset({"GPE", "LOC", "NORP", "ORG", "PERSON", "FAC", "EVENT"})
LEAD_CHARS = 1000   # ≈ the 256 word pieces all-MiniLM-L6-v2 reads; NeuS: 300 → 1000 raised the tuning-half ARI 0.703 → 0.721
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*\b")


def title_lead(title: str | None, text: str | None, max_chars: int = LEAD_CHARS) -> str:
    """The headline and the start of the text (whole sentences up to `max_chars` when possible)."""
    title = " ".join((title or "").split())
    body = " ".join((text or "").split())
    if title and body.startswith(title):   # extracted pages often repeat the headline as the text's first line
        body = body[len(title):].lstrip(" .:-")
    lead = body[:max_chars]
    if len(body) > max_chars:
        cut = lead.rfind(". ")
        lead = lead[: cut + 1] if cut > max_chars // 3 else lead
    if not title:
        return lead
    return f"{title.rstrip('.')}. {lead}" if lead else title


def normalise_entity(name: str) -> str:
    name = " ".join(name.split()).strip(" .,;:\"'“”‘’()")
    name = re.sub(r"^(the|The)\s+", "", name)
    name = re.sub(r"['’]s$", "", name)
    return name.lower()


def entities_of(nlp, texts: Sequence[str], batch_size: int = 64) -> list[frozenset[str]]:
    """Named entities (normalised, lower case) of each text; with `nlp=None`, capitalised word runs not at the start
    of a sentence (a rough fallback when no spaCy pipeline is installed)."""
    if nlp is None:
        out = []
        for t in texts:
            found = {normalise_entity(m.group()) for m in _CAPITALISED.finditer(t)
                     if m.start() > 0 and t[max(0, m.start() - 2): m.start()].strip() not in {".", "!", "?"}}
            out.append(frozenset(e for e in found if len(e) > 2))
        return out
    out = []
    for doc in nlp.pipe(texts, batch_size=batch_size, disable=["parser", "lemmatizer"]):
        ents = {normalise_entity(e.text) for e in doc.ents if e.label_ in ENTITY_LABELS}
        out.append(frozenset(e for e in ents if len(e) > 1))
    return out


def day_of(when: dt.datetime | None) -> float | None:
    """Days since 1970-01-01 UTC (naive datetimes are taken as UTC)."""
    if when is None:
        return None
    return (aware(when) - _EPOCH).total_seconds() / 86400.0


def build_features(
    model,
    nlp,
    keys: Sequence[str],
    outlets: Sequence[str],
    texts: Sequence[str],
    times: Sequence[dt.datetime | None],
    *,
    batch_size: int = 32,
    progress=None,
) -> list[ArticleFeatures]:
    """Embed each title+lead text and find its entities: the clusterer's input, in the given order."""
    vectors = embed_mod.encode(model, list(texts), batch_size=batch_size, progress=progress)
    ents = entities_of(nlp, list(texts))
    return [ArticleFeatures(k, o, v, e, day_of(t)) for k, o, v, e, t in zip(keys, outlets, vectors, ents, times)]


def as_features(keys: Iterable[str], outlets: Iterable[str], vectors: np.ndarray, entities: Iterable[Iterable[str]],
                days: Iterable[float | None]) -> list[ArticleFeatures]:
    """Features from stored columns (vectors as an (n, dim) array)."""
    return [ArticleFeatures(k, o, np.asarray(v, np.float32), frozenset(e or ()), d)
            for k, o, v, e, d in zip(keys, outlets, vectors, entities, days)]
