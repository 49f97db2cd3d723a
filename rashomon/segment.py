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
        for (part, offset, _), doc in zip(pieces, docs):
            for sent in doc.sents:
                s_text = sent.text.strip()
                if not s_text:
                    continue
                start = offset + sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
                out.append(Sentence(len(out), part, s_text, start, start + len(s_text)))
    return out
