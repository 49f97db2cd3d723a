"""One sentence read by every detector: voice, acts and initiator, counts, places, times, loaded terms
(`SentenceAnalysis`); `analyse` one sentence, `analyse_article` a whole article with the voice carried across
sentences."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..nlp import load_nlp
from ..sources import Event
from .initiator import Act, extract_acts, initiator_of
from .lexicon import REPORTING_VERBS
from .numbers import Count, extract_numbers
from .operations import operation_names
from .toponyms import toponym_names
from .parties import PartyMatcher, PartyMention
from .places import Place, extract_place_mentions
from .times import TimeMention, extract_time_mentions
from .voice import Voice, analyse_voice_detail
from .wording import LoadedTerm, loaded_terms, matcher_for

log = logging.getLogger(__name__)


def _event_year(event: Event) -> int:
    return event.window_start.year

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SentenceAnalysis:
    """Everything the detectors read from one sentence.

    initiator: from all acts; own_initiator: from the acts in the outlet's own words; reported_initiator: from the
    acts inside an attribution. places/times: normalised strings; place_mentions/time_mentions: the full records.
    """

    text: str
    voice: Voice
    acts: tuple[Act, ...] = ()
    initiator: str | None = None
    own_initiator: str | None = None
    reported_initiator: str | None = None
    numbers: tuple[Count, ...] = ()
    places: tuple[str, ...] = ()
    place_mentions: tuple[Place, ...] = ()
    times: tuple[str, ...] = ()
    time_mentions: tuple[TimeMention, ...] = ()
    loaded: tuple[LoadedTerm, ...] = ()
    mentions: tuple[PartyMention, ...] = ()
    operations: tuple[str, ...] = ()     # names of military operations (operations.py)
    toponyms: tuple[str, ...] = ()       # "<place>=<name>" of contested places (toponyms.py)


def _reporting_party(span: Span, voice: Voice) -> str | None:
    """The party of the source that reports the sentence's figures: its source's, when the cue reports ("said",
    "according to"; not "urged" or "condemned")."""
    cue = next((t for t in span if t.text == voice.cue), None) if voice.cue else None
    if cue is not None and cue.lemma_.lower() not in REPORTING_VERBS and cue.lower_ not in REPORTING_VERBS:
        return None
    return voice.attributed_party


def _build(span: Span, event: Event, matcher: PartyMatcher, previous: Voice | None) -> SentenceAnalysis:
    voice, scope = analyse_voice_detail(span, matcher, previous)
    acts = extract_acts(span, matcher, event_year=_event_year(event), voice=voice, reported_tokens=scope,
                        window=(event.window_start.date(), event.window_end.date()))
    places = extract_place_mentions(span, matcher)
    times = extract_time_mentions(span)
    return SentenceAnalysis(
        text=span.text,
        voice=voice,
        acts=tuple(acts),
        initiator=initiator_of(acts),
        own_initiator=initiator_of([a for a in acts if not a.reported]),
        reported_initiator=initiator_of([a for a in acts if a.reported]),
        numbers=tuple(extract_numbers(span, matcher, _reporting_party(span, voice))),
        places=tuple(p.name for p in places),
        place_mentions=tuple(places),
        times=tuple(t.value for t in times),
        time_mentions=tuple(times),
        loaded=tuple(loaded_terms(span.text, event)),
        operations=operation_names(span.text),
        toponyms=toponym_names(span.text),
        mentions=tuple(matcher.find_all(span.text)),
    )


def _previous_voice(previous: Voice | SentenceAnalysis | None) -> Voice | None:
    if isinstance(previous, SentenceAnalysis):
        return previous.voice
    return previous


def analyse(text_or_span: str | Span | Doc, event: Event, previous: Voice | SentenceAnalysis | None = None, *,
            nlp: Language | None = None) -> SentenceAnalysis:
    """Run every detector on one sentence (a string is parsed with `nlp`, default `load_nlp()`; a string or Doc
    holding several spaCy sentences is analysed as one unit). `previous`: the voice (or analysis) of the previous
    attributed sentence of the same article."""
    if isinstance(text_or_span, str):
        span = (nlp or load_nlp())(text_or_span)[:]
    elif isinstance(text_or_span, Doc):
        span = text_or_span[:]
    else:
        span = text_or_span
    return _build(span, event, matcher_for(event), _previous_voice(previous))


_OPEN, _CLOSE = "“", "”"
#: How many sentences a quotation may run over before the sentence that closes it and names its speaker.
MAX_QUOTE_RUN = 6


def _quote_balance(text: str) -> int:
    """Opened minus closed quotation marks ("straight" quotes count as opening when odd in number)."""
    curly = text.count(_OPEN) - text.count(_CLOSE)
    return curly if curly else text.count('"') % 2


def quote_runs(sentences: list[str]) -> list[tuple[int, int]]:
    """(first, last) for each quotation that opens in sentence `first` and closes in a later sentence `last`
    (GUIDE §10.1: the sentences of a quote continuation share its speaker, often named only after it closes:
    “The enemy … [sentence] … Sotk,” the ministry said)."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(sentences):
        if _quote_balance(sentences[i]) > 0:
            j = i + 1
            while j < len(sentences) and j - i <= MAX_QUOTE_RUN and _quote_balance(sentences[j]) == 0 \
                    and '"' not in sentences[j]:
                j += 1
            if j < len(sentences) and j - i <= MAX_QUOTE_RUN and (
                    _quote_balance(sentences[j]) < 0 or sentences[j].count('"') % 2 == 1):
                runs.append((i, j))
                i = j + 1
                continue
        i += 1
    return runs


def analyse_article(sentences: list[str], event: Event, *, nlp: Language | None = None,
                    batch_size: int = 64) -> list[SentenceAnalysis]:
    """Analyse an article's sentences in order; each sentence sees the voice of the last attributed one before it.
    A quotation running over several sentences takes the speaker named where it closes (`quote_runs`)."""
    nlp = nlp or load_nlp()
    matcher = matcher_for(event)
    out: list[SentenceAnalysis] = []
    docs: list[Doc] = []
    previous: Voice | None = None
    for doc in nlp.pipe(sentences, batch_size=batch_size):
        analysis = _build(doc[:], event, matcher, previous)
        if analysis.voice.attributed:
            previous = analysis.voice
        out.append(analysis)
        docs.append(doc)
    for first, last in quote_runs(sentences):
        closing = out[last].voice
        if not closing.attributed or closing.attributed_party is None and closing.attributed_to is None:
            continue
        for k in range(first, last):
            if not out[k].voice.attributed or out[k].voice.attributed_to is None:
                out[k] = _build(docs[k][:], event, matcher, closing)
    log.info("analysed %d sentences for event %s", len(out), event.id)
    return out
