"""A lexical term for story clustering, tried on NeuS/AllSides (bench/RESULTS.md, stories): the clusterer's score plus
`lex` x the mean tf-idf cosine (sublinear tf, idf counted as articles arrive, English stop words) between the article
and the story's members, each weight with its own grid search on the tuning half. Needs the cache of
bench/stories_variants.py (run that first).

    PYTHONPATH=. .venv/bin/python bench/stories_lexical.py uni|bi LEAD_CHARS WEIGHTS      (e.g. uni 1000 0,0.5,1)

Nothing here ships: it measures.
"""
import itertools
import math
import pickle
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from collections import Counter
from dataclasses import replace
import bench.stories_neus as neus
from bench.stories_variants import raw_articles
from rashomon.stories import params as params_mod
from rashomon.stories.cluster import ArticleFeatures, StoryClusterer
from rashomon.stories.features import day_of, title_lead
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
V = pickle.loads(open("/tmp/rashomon-neus-story-variants.pkl","rb").read())
arts = neus.load_articles(); raw = raw_articles()
days = [day_of(w) for w in neus.dated(arts, "url+feed")]
WORD = re.compile(r"[a-z][a-z'’-]+|\d+")
def terms(text, bigrams):
    toks = [w for w in WORD.findall(text.lower()) if w not in ENGLISH_STOP_WORDS and len(w) > 2]
    c = Counter(toks)
    if bigrams:
        c.update(a + " " + b for a, b in zip(toks, toks[1:]))
    return c
LEX = {}
def make(lex_w):
    class Lex(StoryClusterer):
        def __init__(self, *a, **k):
            super().__init__(*a, **k); self._tdf = Counter(); self._tn = 0; self._tsum = {}
        def _vec(self, art):
            tf = LEX[art.key]
            v = {t: (1 + math.log(n)) * (math.log((1 + self._tn) / (1 + self._tdf[t])) + 1) for t, n in tf.items()}
            norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
            return {t: x / norm for t, x in v.items()}
        def add(self, art):
            self._tn += 1; self._tdf.update(LEX[art.key].keys()); self._cur = self._vec(art)
            return super().add(art)
        def scores(self, art):
            base = super().scores(art)
            v = self._cur
            out = []
            for i, s in base:
                S = self._tsum.get(i, {})
                lex = sum(x * S.get(t, 0.0) for t, x in v.items()) / max(self._count[i], 1)
                out.append((i, s + lex_w * lex))
            out.sort(key=lambda t: -t[1]); return out
        def _put(self, i, art):
            super()._put(i, art); S = self._tsum.setdefault(i, {})
            for t, x in self._cur.items(): S[t] = S.get(t, 0.0) + x
        def _merge(self, keep, gone):
            super()._merge(keep, gone); S = self._tsum.setdefault(keep, {})
            for t, x in self._tsum.pop(gone, {}).items(): S[t] = S.get(t, 0.0) + x
    return Lex
n = max(a["story"] for a in arts) + 1
tune = {s for s in range(n) if s < n // 2}; held = {a["story"] for a in arts} - tune
base = params_mod.load_params()
bigr = sys.argv[1] == "bi"
text_chars = int(sys.argv[2])
for a, (t, b) in zip(arts, raw): LEX[a["key"]] = terms(title_lead(t, b, text_chars), bigr)
feats = [ArticleFeatures(a["key"], a["outlet"], v, e, d) for a, v, e, d in zip(arts, V["t1000"], V["ents1000"], days)]
for lw in [float(x) for x in sys.argv[3].split(",")]:
    neus.StoryClusterer = make(lw)
    t0 = time.monotonic()
    res = []
    for j, m, pen in itertools.product([x/100 for x in range(50, 96, 5)], [0.1, 9.0], [0.03, 0.1]):
        p = replace(base, min_join=j, min_merge=j+m, entity_weight=0.0, window_days=2.0, day_penalty=pen)
        res.append((neus.cluster_ari(arts, feats, tune, p)[0], p))
    ari, p = max(res, key=lambda t: t[0])
    h = neus.cluster_ari(arts, feats, held, p)[0]; al = neus.cluster_ari(arts, feats, tune|held, p)[0]
    print(f"lex {lw} bigrams {bigr} chars {text_chars}: tune {ari:.3f} held {h:.3f} all {al:.3f} join {p.min_join} merge {p.min_merge} pen {p.day_penalty} ({time.monotonic()-t0:.0f}s)", flush=True)
