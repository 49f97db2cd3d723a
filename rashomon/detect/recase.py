"""Title-case headlines parsed as sentences: "Islamic Resistance Categorically Denies Targeting Majdal Shams".

The English pipeline reads a capitalised word as a proper noun, so a headline in title case parses as one long name
and its verb is lost ("Denies" becomes part of a name). An article tells which of its words are names: the ones it
also capitalises in the middle of a body sentence. `parse_article` parses a title-case sentence in sentence case,
with every other word lowercased, and gives the resulting Doc back with the words as written (same tokens, the
parse of the sentence-cased text). Only the case of a word's first letter changes, so character offsets stay the
same and nothing shown to a reader changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.tokens import Doc

from .datelines import dateline_length

_WORD = re.compile(r"[^\W\d_][\w'’.]*")
#: Words a title-case headline leaves small as often as not; they say nothing about whether it is title case.
_SMALL = frozenset({"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "as", "by", "with",
                    "from", "over", "after", "amid", "into", "vs", "is", "are", "its", "it", "up", "off", "out"})
#: At least this share of a sentence's other words capitalised, and this many of them, make it title case.
TITLE_SHARE = 0.75
TITLE_MIN_WORDS = 3
#: the body sentences a dateline may open: a wire's or a paper's stands on the lead, after a standfirst or a caption
LEAD_SENTENCES = 3
ATTRS = [TAG, POS, MORPH, DEP, HEAD, LEMMA, ENT_IOB, ENT_TYPE, SENT_START]


def _parts(word: str) -> list[str]:
    return [p for p in re.split(r"[-‐–]", word) if p]


def is_title_case(text: str) -> bool:
    """Are most of the words after the first capitalised ("Thailand, Cambodia Exchange Fire In Renewed Dispute")?"""
    words = [w for w in _WORD.findall(text)[1:] if w.lower() not in _SMALL]
    if len(words) < TITLE_MIN_WORDS:
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= TITLE_SHARE


def article_names(sentences: Iterable[str]) -> set[str]:
    """The words an article capitalises inside a sentence that is not title case: its names ("Hezbollah", "Golan")."""
    names: set[str] = set()
    for text in sentences:
        if is_title_case(text):
            continue
        for m in list(_WORD.finditer(text))[1:]:
            before = text[:m.start()].rstrip()
            if before.endswith((".", "!", "?", ":", "“", "\"", "‘")) and not before.endswith(".."):
                continue   # a new sentence or a quotation begins: capitalised by position, not as a name
            for part in _parts(m.group()):
                if part[0].isupper():
                    names.add(part)
    return names


def sentence_case(text: str, names: set[str]) -> str:
    """`text` with the first letter of each word lowercased, except the first word, the article's names and words in
    capitals ("IDF", "UN"). Same length as `text`."""
    out = list(text)
    for k, m in enumerate(_WORD.finditer(text)):
        if k == 0:
            continue
        pos = m.start()
        for part in re.split(r"([-‐–])", m.group()):
            if part and part[0].isupper() and part not in names and not (len(part) > 1 and part.isupper()):
                low = part[0].lower()
                if len(low) == 1:
                    out[pos] = low
            pos += len(part)
    return "".join(out)


#: a dateline joined to the lead by a dash without spaces: "KYIV, Ukraine—Russia launched …"
_DATELINE_DASH = re.compile(r"^([A-Z][A-Z.'/ ]*[A-Z](?:, [A-Z][\w.' ]*\w)?)([—–])(?=[A-Z])")


def with_words(parsed: Doc, words: list[str]) -> Doc:
    """`parsed` with its tokens' words replaced by `words` (one per token) and its parse kept: a text parsed in another
    form (recased here, a verb put in the past in headline_verbs.py) shown as written."""
    doc = Doc(parsed.vocab, words=words, spaces=[bool(t.whitespace_) for t in parsed])
    doc.from_array(ATTRS, parsed.to_array(ATTRS))
    return doc


def _with_words_as_written(parsed: Doc, text: str) -> Doc:
    """`parsed` (the parse of a same-length recased `text`) with its tokens' words taken from `text`."""
    return with_words(parsed, [text[t.idx:t.idx + len(t)] for t in parsed])


def title_basis(title: str, names: set[str]) -> str:
    """The text a headline is parsed as: in sentence case if it is in title case (keeping `names`), else itself."""
    return sentence_case(title, names) if is_title_case(title) else title


def parse_title(nlp: Language, title: str, names: set[str]) -> Doc:
    """Parse an article's headline, analysed apart from its body: in sentence case if it is in title case, with the
    names its article capitalises (`names`, from `article_names`) kept."""
    doc = nlp(title_basis(title, names))
    return doc if doc.text == title else _with_words_as_written(doc, title)


def _without_dateline(text: str, lead: bool) -> str:
    """`text` with an opening dateline or label ("KYIV: …", "MOSCOW (Sputnik) - …", datelines.py) blanked: same
    length. `lead`: the sentence is among the article's first LEAD_SENTENCES, where datelines stand."""
    n = dateline_length(text, lead)
    return " " * n + text[n:] if n else text


def parse_article(nlp: Language, sentences: list[str], batch_size: int = 64,
                  names: set[str] | None = None) -> Iterator[Doc]:
    """Parse an article's sentences in order; a title-case one is parsed in sentence case (module docstring), keeping
    `names` (default: the names these sentences capitalise)."""
    names = article_names(sentences) if names is None else names
    recased = [_DATELINE_DASH.sub(r"\1 \2 ", sentence_case(s, names) if is_title_case(s) else s, count=1)
               for s in (_without_dateline(s, i < LEAD_SENTENCES) for i, s in enumerate(sentences))]
    for text, doc in zip(sentences, nlp.pipe(recased, batch_size=batch_size)):
        # (a dateline's dash set apart changes the length: that parse is kept as parsed)
        yield _with_words_as_written(doc, text) if doc.text != text and len(doc.text) == len(text) else doc
