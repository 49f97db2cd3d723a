"""A headline's verb read as a noun: "Russia bombs busy Ukraine restaurant", "Israeli strike … massacres over 110".

Headlines put their verb in the present, and the small English model often reads "bombs", "kills" or "claims" as a
plural noun when nothing else in the headline is a verb; the act or the speech is then lost. A headline with no
finite verb (nor a participle as its root) whose word is one of headline_verbs.toml's, and not the object of a
participle ("US, UK launching strikes …"), is parsed again with that word in the past ("Russia bombed busy Ukraine restaurant"); the new parse is kept when the
word becomes the root verb with a noun as its subject ("Israeli strikes on Gaza" stays a noun phrase), and it is
given back with the words as written (as recase.py does: same tokens, the parse of the repaired text).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .recase import ATTRS

_PAST: dict[str, str] = tomllib.loads((Path(__file__).with_name("headline_verbs.toml")).read_text("utf-8"))["past"]
_FINITE = {"VBD", "VBZ", "VBP", "MD"}
_NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}


def repair_headline_verb(nlp: Language, doc: Doc) -> Doc:
    """`doc` (a headline's parse) parsed again with its present-tense verb in the past when the model read that verb
    as a noun (module docstring)."""
    if any(t.tag_ in _FINITE or (t.dep_ == "ROOT" and t.pos_ in {"VERB", "AUX"}) for t in doc):
        return doc   # a verb it reads, finite or a participle as its root ("Dnipro devastated by …")
    for t in doc:
        past = _PAST.get(t.lower_)
        if t.i == 0 or past is None or t.tag_ not in _NOUN_TAGS or t.head.pos_ == "VERB":
            continue   # (the object of a participle is a noun: "launching strikes")
        if t.text[0].isupper():
            past = past[0].upper() + past[1:]
        repaired = nlp(doc.text[:t.idx] + past + doc.text[t.idx + len(t):])
        if len(repaired) != len(doc) or any(a.text != b.text for a, b in zip(repaired, doc) if a.i != t.i):
            continue
        verb = repaired[t.i]
        # a subject that is a noun: "Israeli strikes on Gaza" stays a noun phrase
        if verb.dep_ == "ROOT" and verb.tag_ in {"VBD", "VBN"} and any(
                c.dep_ == "nsubj" and c.tag_ in _NOUN_TAGS for c in verb.children):
            out = Doc(doc.vocab, words=[w.text for w in doc], spaces=[bool(w.whitespace_) for w in doc])
            out.from_array(ATTRS, repaired.to_array(ATTRS))
            return out
    return doc
