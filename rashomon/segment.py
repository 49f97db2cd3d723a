"""Article text → sentences with character offsets (spaCy's dependency-based sentence splitter)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Iterable

from .nlp import load_nlp

_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
# Components not needed for sentence boundaries; the parser decides them.
_DISABLE = ("ner", "lemmatizer", "attribute_ruler", "tagger")


@dataclass(frozen=True)
class Sentence:
    position: int      # 0-based order in the article: the title sentences first, then the body
    part: str          # "title" | "body"
    text: str
    char_start: int    # offsets into the title (part="title") or the article text (part="body")
    char_end: int

    @property
    def n_words(self) -> int:
        return len(_WORD.findall(self.text))

    @property
    def sha256(self) -> str:
        return sentence_hash(self.text)


def normalise(text: str) -> str:
    return _WS.sub(" ", text).strip()


def sentence_hash(text: str) -> str:
    """The embedding cache key: the same words give the same key whatever the article."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def _paragraphs(text: str) -> Iterable[tuple[int, str]]:
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            yield match.start(), match.group()


def split_sentences(title: str | None, text: str) -> list[Sentence]:
    """Split the title and each paragraph of the text into sentences, keeping exact offsets."""
    nlp = load_nlp()
    pieces: list[tuple[str, int, str]] = []
    if title and title.strip():
        pieces.append(("title", 0, title))
    # Pages often repeat the headline as the first line of the text: keep it once, as the title.
    title_key = normalise(title or "").rstrip(".").lower()
    pieces.extend(
        ("body", start, para)
        for start, para in _paragraphs(text)
        if not title_key or normalise(para).rstrip(".").lower() != title_key
    )
    out: list[Sentence] = []
    with nlp.select_pipes(disable=[p for p in _DISABLE if p in nlp.pipe_names]):
        docs = nlp.pipe((p[2] for p in pieces), batch_size=64)
        for (part, offset, piece), doc in zip(pieces, docs):
            for begin, end in _joined(piece, [(sent.start_char, sent.end_char) for sent in doc.sents]):
                raw = piece[begin:end]
                s_text = raw.strip()
                if not s_text:
                    continue
                start = offset + begin + (len(raw) - len(raw.lstrip()))
                out.append(Sentence(len(out), part, s_text, start, start + len(s_text)))
    return out


# A sentence of a paragraph ends with a stop, a question or exclamation mark, an ellipsis or a colon, maybe followed
# by closing quotes or brackets. The parser sometimes cuts inside a name ("… near Prasat Ta Muen" | "Thom lies in …")
# or after a clock time that heads a live-page entry ("20:10:" | "Cambodia's …"): such a piece is joined to the next.
_ENDS = re.compile(r"""[.!?…;:][\s"'”’»)\]]*$""")
_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}\s*:?$")
# a dateline or credit before the lead ("KUALA LUMPUR, July 24 (KUNA) --", "(MENAFN- …)") stays apart: it is no
# part of the lead's fact, and the not-content rules know it on its own
_DATELINE = re.compile(r"(\)|[-–—]{1,2})$")


def _joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parser's sentence spans of one paragraph, a piece that does not end a sentence joined to the next."""
    out: list[tuple[int, int]] = []
    carry: int | None = None
    for i, (begin, end) in enumerate(spans):
        if carry is not None:
            begin, carry = carry, None
        piece = text[begin:end].strip()
        if i + 1 < len(spans) and piece and (not _ENDS.search(piece) or _CLOCK.match(piece)) \
                and not _DATELINE.search(piece):
            carry = begin
            continue
        out.append((begin, end))
    return out
