"""Linguistic disagreement detectors: who speaks, who started it, counts, places, times and loaded words.

Pure functions over spaCy spans and the event's parties (no database, no flows). Load the pipeline with
`rashomon.nlp.load_nlp()` and pass sentences to `analyse` / `analyse_article`, then `compare` two outlets'
sentences of one claim, or look for `self_contradictions` within one article.
"""

from __future__ import annotations

from .compare import Disagreement, SentenceAnalysis, analyse, analyse_article, compare
from .initiator import Act, extract_acts, initiator_of
from .numbers import Count, extract_numbers
from .parties import PartyMatcher, PartyMention, demonyms
from .places import Place, extract_place_mentions, extract_places, place_key
from .selfcheck import self_contradictions
from .times import TimeMention, extract_time_mentions, extract_times, normalise_time
from .voice import Voice, analyse_voice
from .wording import LoadedTerm, loaded_terms, matcher_for

__all__ = [
    "Act", "Count", "Disagreement", "LoadedTerm", "PartyMatcher", "PartyMention", "Place", "SentenceAnalysis",
    "TimeMention", "Voice", "analyse", "analyse_article", "analyse_voice", "compare", "demonyms", "extract_acts",
    "extract_numbers", "extract_place_mentions", "extract_places", "extract_time_mentions", "extract_times",
    "initiator_of", "loaded_terms", "matcher_for", "normalise_time", "place_key", "self_contradictions",
]
