"""Who is speaking, measured on real text: BASIL's gold quote spans (../shared/data/basil).

BASIL's phrase-level annotations mark spans with `quote` = yes and the `speaker` of the quote (a name such as
Donald_Trump, or a class: other_pro / other_anti / other_neutral). A sentence holding a quoted span is not the outlet's
own voice (GUIDE §10.1), so the voice detector should read it as attributed, and, when the speaker is named, to that
speaker. This runs the detectors' voice analysis over each article's body sentences in order (as the detect stage
does: each sentence sees the last attributed one before it), then scores:

- **quote_attributed**: share of quoted spans whose sentence the detector reads as attributed (not own voice);
- **speaker**: among quoted spans with a named speaker, share whose sentence is attributed to a source naming them
  (a word of the speaker's name in the source the detector resolved, or in the source phrase as written).

The 70 triplets are split by their order in the file: the first 35 are `tune` (read their errors while changing the
detectors), the last 35 `held` (report only). Nothing is written; the text stays in ../shared.

    python -m rashomon.realcov.quotes [--half tune|held|all] [--errors N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from dataclasses import dataclass, field

from .shared_data import available, shared_path

HALVES = ("tune", "held", "all")
_GENERIC = frozenset({"house", "senate", "campaign", "party", "committee", "democratic", "republican", "democrats",
                      "republicans", "lawmakers", "administration", "official", "officials", "white", "office"})


@dataclass
class QuoteSpan:
    triplet: int
    side: str
    sentence: int          # index in the article's body sentences
    speaker: str
    text: str


@dataclass
class QuoteScore:
    spans: int = 0
    attributed: int = 0
    named: int = 0
    named_right: int = 0
    misses: list[tuple[QuoteSpan, str, str]] = field(default_factory=list)   # (span, sentence, what was read)

    def line(self, half: str) -> str:
        qa = self.attributed / self.spans if self.spans else float("nan")
        sp = self.named_right / self.named if self.named else float("nan")
        return (f"realcov quotes {half}: quote_attributed {qa:.2f} speaker {sp:.2f} "
                f"(quoted spans {self.spans}, named speakers {self.named})")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'").replace("“", '"').replace("”", '"')).strip().lower()


def locate(span_text: str, sentences: list[str]) -> int | None:
    """The body sentence holding a span's words (None when the span crosses sentences or is not found)."""
    needle = _norm(span_text).strip(" .,\"'")
    if len(needle) < 4:
        return None
    for i, s in enumerate(sentences):
        if needle in _norm(s):
            return i
    return None


def speaker_words(speaker: str) -> list[str]:
    """The words of a named speaker that identify them ("Donald_Trump" -> ["donald", "trump"]); [] for a class."""
    if not speaker or speaker.startswith("other"):
        return []
    return [w.lower() for w in re.split(r"[_\s]+", speaker) if len(w) > 3 and w.lower() not in _GENERIC]


def load_triplets() -> list[dict]:
    with shared_path("basil").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def quote_spans(triplets: list[dict], indices: range) -> tuple[list[QuoteSpan], dict[tuple[int, str], list[str]]]:
    spans, bodies = [], {}
    for ti in indices:
        for art in triplets[ti]["articles"]:
            side = art["source"].lower()
            body = [s for p in art["body-paragraphs"] for s in p]
            bodies[(ti, side)] = body
            for a in art["annotations"]["phrase-level-annotations"]:
                if a.get("quote") != "yes":
                    continue
                where = locate(a.get("txt", ""), body)
                if where is not None:
                    spans.append(QuoteSpan(ti, side, where, a.get("speaker") or "", a["txt"]))
    return spans, bodies


def neutral_event():
    from ..sources import Event

    day = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    return Event("basil-quotes", "BASIL quotes", "", day, day, (), ())


def score(half: str, *, keep_misses: bool = False) -> QuoteScore:
    from ..detect.sentence import analyse_article
    from ..nlp import load_nlp

    triplets = load_triplets()
    cut = len(triplets) // 2
    indices = {"tune": range(0, cut), "held": range(cut, len(triplets)), "all": range(len(triplets))}[half]
    spans, bodies = quote_spans(triplets, indices)
    needed = {(s.triplet, s.side) for s in spans}
    nlp, event = load_nlp(), neutral_event()
    voices = {key: analyse_article(bodies[key], event, nlp=nlp) for key in sorted(needed)}
    out = QuoteScore()
    for s in spans:
        v = voices[(s.triplet, s.side)][s.sentence].voice
        out.spans += 1
        out.attributed += v.attributed
        words = speaker_words(s.speaker)
        read = f"{v.voice}: {v.attributed_to or '-'} / {v.source_text or '-'} ({v.cue or '-'})"
        right = False
        if words:
            out.named += 1
            source = f"{v.attributed_to or ''} {v.source_text or ''}".lower()
            right = v.attributed and any(re.search(rf"\b{re.escape(w)}", source) for w in words)
            out.named_right += right
        if keep_misses and (not v.attributed or (words and not right)):
            out.misses.append((s, bodies[(s.triplet, s.side)][s.sentence], read))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m rashomon.realcov.quotes", description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=HALVES, action="append")
    ap.add_argument("--errors", type=int, default=0, help="print this many misses (tune half only)")
    args = ap.parse_args(argv)
    if not available("basil"):
        print(f"realcov quotes: {shared_path('basil')} is not present; not scored", file=sys.stderr)
        return 0
    for half in args.half or ["tune", "held"]:
        result = score(half, keep_misses=bool(args.errors) and half == "tune")
        for s, sentence, read in result.misses[: args.errors]:
            print(f"  [{s.triplet} {s.side} #{s.sentence}] speaker {s.speaker or '?'}; read {read}\n    {sentence}",
                  file=sys.stderr)
        print(result.line(half))
    return 0


if __name__ == "__main__":
    sys.exit(main())
