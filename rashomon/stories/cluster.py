"""Incremental story clustering: pure numpy over article features (no model, no database), testable on hand-made
vectors.

An article is a title+lead embedding, a set of named entities and a publication day. Each story keeps the sum of its
members' vectors and their number, its entities with counts, and the first and last day of its articles. A new
article is scored against the stories that are still active and whose span is within `window_days` of its day:

    score = mean cosine(article, story's articles) + entity_weight * overlap - day_penalty * days outside its span

The mean cosine to the members (average linkage) is the dot product with the sum of their vectors over their number:
one matrix product for all candidate stories, whatever their size. (On the NeuS tuning half it beat the cosine to
the normalised centroid, which lets a diffuse story absorb anything near its middle.) `overlap` is the share of the
article's entities (weighted by inverse document frequency, counted as articles arrive, so that "Biden" or "US" weigh
little) that the story already names. The article joins the best story when its score reaches `min_join`, else it
starts a story; every other story it scores at least `min_merge` with is merged into the older of the two (the
article links them). Stories whose last day lies more than `retire_days` behind the newest day seen leave the active
set, so the cost per article is bounded by the stories of a few days: linear in articles.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class StoryParams:
    min_join: float = 0.55        # score an article needs to join a story
    min_merge: float = 0.75       # score with a second story that makes the article merge the two
    entity_weight: float = 0.15   # weight of the (idf-weighted) share of the article's entities the story names
    day_penalty: float = 0.05     # score lost per day between the article and the story's span
    window_days: float = 3.0      # a story is a candidate only if the article is at most this far from its span
    retire_days: float = 7.0      # stories idle this long behind the newest article leave the active set
    top_k: int = 8                # stories kept by cosine before the entity and time terms are computed


@dataclass(frozen=True)
class ArticleFeatures:
    key: str                       # the caller's id of the article (article_id)
    outlet_id: str
    vector: np.ndarray             # L2-normalised title+lead embedding
    entities: frozenset[str] = frozenset()
    day: float | None = None       # publication time in days (any epoch, the same for every article); None: unknown


@dataclass(frozen=True)
class Assignment:
    key: str
    story: int                     # index of the story it joined or started (after merges)
    score: float | None            # its score with that story; None when it started the story
    merged: tuple[int, ...] = ()   # stories merged into `story` (or into a story merged into it) by this article


@dataclass
class _Story:
    members: list[str] = field(default_factory=list)
    outlets: Counter = field(default_factory=Counter)
    entities: Counter = field(default_factory=Counter)
    merged_into: int | None = None


class StoryClusterer:
    """Stories built one article at a time; `add` returns where the article went."""

    def __init__(self, params: StoryParams, dim: int, capacity: int = 1024):
        self.params = params
        self.dim = dim
        self._sum = np.zeros((capacity, dim), np.float32)
        self._centroid = np.zeros((capacity, dim), np.float32)
        self._first = np.full(capacity, np.nan)
        self._last = np.full(capacity, np.nan)
        self._count = np.zeros(capacity, np.float32)
        self.stories: list[_Story] = []
        self._active: list[int] = []      # story indices still candidates (alive, not retired)
        self._newest = -math.inf
        self._df: Counter = Counter()     # entity -> articles naming it
        self._n_docs = 0
        self._since_prune = 0

    # ----------------------------------------------------------------------------------------------- state
    def __len__(self) -> int:
        return len(self.stories)

    def live(self) -> list[int]:
        """Indices of the stories not merged into another."""
        return [i for i, s in enumerate(self.stories) if s.merged_into is None]

    def root(self, i: int) -> int:
        while self.stories[i].merged_into is not None:
            i = self.stories[i].merged_into
        return i

    def labels(self) -> dict[str, int]:
        """Article key -> its story (after merges)."""
        return {key: i for i in self.live() for key in self.stories[i].members}

    def span(self, i: int) -> tuple[float | None, float | None]:
        f, l = self._first[i], self._last[i]
        return (None if np.isnan(f) else float(f), None if np.isnan(l) else float(l))

    def centroid(self, i: int) -> np.ndarray:
        return self._centroid[i]

    # ----------------------------------------------------------------------------------------------- scoring
    def _idf(self, entity: str) -> float:
        return math.log((1.0 + self._n_docs) / (1.0 + self._df[entity])) + 0.1

    def _overlap(self, entities: frozenset[str], story: _Story) -> float:
        if not entities:
            return 0.0
        weights = {e: self._idf(e) for e in entities}
        total = sum(weights.values())
        return sum(w for e, w in weights.items() if e in story.entities) / total if total else 0.0

    def _gap(self, day: float | None, i: int) -> float:
        if day is None or np.isnan(self._first[i]):
            return 0.0
        return max(0.0, self._first[i] - day, day - self._last[i])

    def scores(self, art: ArticleFeatures) -> list[tuple[int, float]]:
        """(story, score) for the article's candidate stories, best first."""
        p = self.params
        if not self._active:
            return []
        idx = np.asarray(self._active, dtype=np.int64)
        if art.day is not None:
            first, last = self._first[idx], self._last[idx]
            undated = np.isnan(first)
            near = undated | ((first - p.window_days <= art.day) & (art.day <= last + p.window_days))
            idx = idx[near]
            if not len(idx):
                return []
        cos = (self._sum[idx] @ art.vector) / self._count[idx]
        if len(idx) > p.top_k:
            top = np.argpartition(-cos, p.top_k - 1)[: p.top_k]
            idx, cos = idx[top], cos[top]
        out = []
        for i, c in zip(idx.tolist(), cos.tolist()):
            s = c + p.entity_weight * self._overlap(art.entities, self.stories[i]) - p.day_penalty * self._gap(art.day, i)
            out.append((i, s))
        out.sort(key=lambda t: -t[1])
        return out

    # ----------------------------------------------------------------------------------------------- updates
    def _grow(self) -> None:
        cap = self._sum.shape[0] * 2
        for name in ("_sum", "_centroid"):
            arr = getattr(self, name)
            new = np.zeros((cap, self.dim), np.float32)
            new[: arr.shape[0]] = arr
            setattr(self, name, new)
        grown = np.zeros(cap, np.float32)
        grown[: self._count.shape[0]] = self._count
        self._count = grown
        for name in ("_first", "_last"):
            arr = getattr(self, name)
            new = np.full(cap, np.nan)
            new[: arr.shape[0]] = arr
            setattr(self, name, new)

    def _refresh(self, i: int) -> None:
        norm = float(np.linalg.norm(self._sum[i]))
        self._centroid[i] = self._sum[i] / norm if norm else self._sum[i]

    def _put(self, i: int, art: ArticleFeatures) -> None:
        s = self.stories[i]
        s.members.append(art.key)
        s.outlets[art.outlet_id] += 1
        s.entities.update(art.entities)
        self._sum[i] += art.vector
        self._count[i] += 1
        self._refresh(i)
        if art.day is not None:
            self._first[i] = art.day if np.isnan(self._first[i]) else min(self._first[i], art.day)
            self._last[i] = art.day if np.isnan(self._last[i]) else max(self._last[i], art.day)

    def _new_story(self) -> int:
        if len(self.stories) == self._sum.shape[0]:
            self._grow()
        self.stories.append(_Story())
        self._active.append(len(self.stories) - 1)
        return len(self.stories) - 1

    def _merge(self, keep: int, gone: int) -> None:
        a, b = self.stories[keep], self.stories[gone]
        a.members.extend(b.members)
        a.outlets.update(b.outlets)
        a.entities.update(b.entities)
        b.members, b.merged_into = [], keep
        self._sum[keep] += self._sum[gone]
        self._count[keep] += self._count[gone]
        self._refresh(keep)
        self._first[keep] = np.fmin(self._first[keep], self._first[gone])
        self._last[keep] = np.fmax(self._last[keep], self._last[gone])
        self._active.remove(gone)

    def _prune(self) -> None:
        limit = self._newest - self.params.retire_days
        self._active = [i for i in self._active if np.isnan(self._last[i]) or self._last[i] >= limit]

    def add(self, art: ArticleFeatures) -> Assignment:
        """Place one article: join the best story at or above `min_join` (merging the others it links at or above
        `min_merge`), or start a story."""
        p = self.params
        self._n_docs += 1
        self._df.update(art.entities)
        ranked = self.scores(art)
        merged: list[int] = []
        if ranked and ranked[0][1] >= p.min_join:
            best, score = ranked[0]
            for other, s in ranked[1:]:
                if s >= p.min_merge:  # the older story keeps its id
                    keep, gone = min(best, other), max(best, other)
                    self._merge(keep, gone)
                    merged.append(gone)
                    best = keep
        else:
            best, score = self._new_story(), None
        self._put(best, art)
        if art.day is not None and art.day > self._newest:
            self._newest = art.day
        self._since_prune += 1
        if self._since_prune >= 256:
            self._prune()
            self._since_prune = 0
        return Assignment(art.key, best, score, tuple(merged))

    def add_all(self, articles: Iterable[ArticleFeatures], progress=None) -> list[Assignment]:
        out = []
        for n, art in enumerate(articles, 1):
            out.append(self.add(art))
            if progress and n % 500 == 0:
                progress(n)
        return out

    def restore(self, story_of: Sequence[tuple[int, ArticleFeatures]]) -> None:
        """Rebuild stored stories (story index, article) without re-deciding anything; indices must be 0..n-1."""
        for i, art in story_of:
            while len(self.stories) <= i:
                self._new_story()
            self._n_docs += 1
            self._df.update(art.entities)
            self._put(i, art)
            if art.day is not None and art.day > self._newest:
                self._newest = art.day
        self._prune()
