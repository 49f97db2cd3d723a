"""Dates and times named in a sentence, normalised where possible.

Values, by kind:

- date: "YYYY-MM-DD" ("Sept. 27, 2020" → "2020-09-27"), or "MM-DD" with no year ("Aug. 3" → "08-03");
- month: "YYYY-MM" ("January 2021" → "2021-01");  year: "YYYY" ("since 1991" → "1991");
- weekday: "monday" … "sunday";  daypart: "morning", "afternoon", "evening", "night" ("this morning",
  "overnight", "at dawn");  clock: "HH:MM" ("10:30", "10 a.m." → "10:00");
- relative / other: the lower-cased words ("yesterday", "the same day", "almost 30 years").

By default a date that only dates the statement ("the ministry said on Thursday", "in a statement on Wednesday")
is left out: it says when someone spoke, not when the thing happened.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .lexicon import DAY_PARTS, DOCUMENT_NOUNS, MONTHS, SPEECH_VERBS, WEEKDAYS

log = logging.getLogger(__name__)

_MON = r"(?P<mon>[A-Za-z]{3,9})\.?"
_MDY = re.compile(rf"{_MON}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?\b")
_DMY = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+(?P<year>\d{{4}}))?\b")
_MY = re.compile(rf"{_MON}\s+(?P<year>\d{{4}})\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_CLOCK = re.compile(r"\b(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)?(?=\W|$)", re.IGNORECASE)
_RELATIVE = {"today", "yesterday", "tonight", "tomorrow", "last", "earlier", "recently", "this", "same"}
_HOP_DEPS = {"pobj", "prep", "npadvmod", "nmod", "compound", "nummod", "appos", "det", "amod"}


@dataclass(frozen=True)
class TimeMention:
    """One date or time: normalised value, kind (date, month, year, weekday, daypart, clock, relative, other), and
    the words as written."""

    value: str
    kind: str
    text: str


def normalise_time(text: str) -> TimeMention:
    """Normalise one date/time phrase (module docstring)."""
    low = text.lower().strip()
    for rx in (_MDY, _DMY):
        m = rx.search(text)
        if m and m.group("mon").lower().rstrip(".") in MONTHS:
            mon = MONTHS[m.group("mon").lower().rstrip(".")]
            day = int(m.group("day"))
            if 1 <= day <= 31:
                year = m.group("year")
                value = f"{year}-{mon:02d}-{day:02d}" if year else f"{mon:02d}-{day:02d}"
                return TimeMention(value, "date", text)
    m = _MY.search(text)
    if m and m.group("mon").lower() in MONTHS:
        return TimeMention(f"{m.group('year')}-{MONTHS[m.group('mon').lower()]:02d}", "month", text)
    for w in WEEKDAYS:
        if re.search(rf"\b{w}\b", low):
            return TimeMention(w, "weekday", text)
    for word, part in DAY_PARTS.items():
        if re.search(rf"\b{word}\b", low):
            return TimeMention(part, "daypart", text)
    m = _CLOCK.search(text)
    if m and (m.group("m") or m.group("ap")):
        hour = int(m.group("h"))
        ap = (m.group("ap") or "").lower().replace(".", "")
        if ap == "pm" and hour < 12:
            hour += 12
        if ap == "am" and hour == 12:
            hour = 0
        if hour < 24:
            return TimeMention(f"{hour:02d}:{int(m.group('m') or 0):02d}", "clock", text)
    m = _YEAR.search(text)
    if m and not re.search(r"\byears?\b", low):
        return TimeMention(m.group(1), "year", text)
    words = re.sub(r"^(the|a|an)\s+", "", low)
    for w in MONTHS:
        if re.fullmatch(rf"(in\s+)?{w}\.?", words):
            return TimeMention(f"{MONTHS[w]:02d}", "month", text)
    kind = "relative" if set(words.split()) & _RELATIVE else "other"
    return TimeMention(words, kind, text)


def _dates_statement(root: Token) -> bool:
    """True when a date phrase hangs off a speech verb or a document ("said on Thursday", "statement on …")."""
    a = root
    for _ in range(6):
        if a.dep_ not in _HOP_DEPS or a.head is a:
            break
        a = a.head
        if a.lemma_.lower() in SPEECH_VERBS and a.pos_ in {"VERB", "AUX"} or a.lemma_.lower() in DOCUMENT_NOUNS:
            return True
        # a verb whose object is a document: "On Tuesday, China put out a statement", "issued a statement on Monday"
        if a.pos_ in {"VERB", "AUX"} and any(c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in DOCUMENT_NOUNS
                                             for c in a.children):
            return True
    return False


def extract_time_mentions(sent: Span, *, skip_attribution: bool = True) -> list[TimeMention]:
    """The dates and times of `sent` as TimeMention records, in text order."""
    out: list[TimeMention] = []
    covered: set[int] = set()
    for ent in sent.ents:
        if ent.label_ not in {"DATE", "TIME"}:
            continue
        covered.update(range(ent.start, ent.end))
        if skip_attribution and _dates_statement(ent.root):
            continue
        out.append(normalise_time(ent.text))
    for t in sent:
        if t.i in covered:
            continue
        if t.lower_ in DAY_PARTS and t.pos_ in {"NOUN", "ADV", "ADJ"}:
            if skip_attribution and _dates_statement(t):
                continue
            out.append(TimeMention(DAY_PARTS[t.lower_], "daypart", t.text))
    seen: set[tuple[str, str]] = set()
    uniq = []
    for m in out:
        if (m.value, m.kind) not in seen:
            seen.add((m.value, m.kind))
            uniq.append(m)
    log.debug("times %s in %r", [m.value for m in uniq], sent.text[:60])
    return uniq


def extract_times(sent: Span, *, skip_attribution: bool = True) -> list[str]:
    """Normalised dates/times of `sent` ("08-03", "2020-09-27", "wednesday", "morning"), in text order."""
    return [m.value for m in extract_time_mentions(sent, skip_attribution=skip_attribution)]
