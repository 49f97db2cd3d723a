"""A headline's verb read as a noun: "Russia bombs busy Ukraine restaurant", "Israel military claims striking …".

Headlines put their verb in the present, and the small English model often reads "bombs", "kills" or "claims" as
a plural noun when nothing else in the headline is a verb; the act or the speech is then lost. A headline with no
finite verb (nor a participle as its root) whose word is one of headline_verbs.toml's, and not the object of a
participle ("US, UK launching strikes …"), is parsed again with that word in the past ("Russia bombed busy Ukraine
restaurant"). The new parse is kept only when the word becomes the root verb with a noun as its subject and takes
an object or a clause ("bombed … restaurant", "claimed striking …"), or a preposition headline_verbs.toml gives it
("points to …"): a noun phrase stays one ("Israeli strikes on Gaza", "Ukrainian shells near Belgorod school",
"Russian missile strikes on Kyiv"). The parse is given back with the words as written (as recase.py does).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .recase import with_words

_WORDS = tomllib.loads((Path(__file__).with_name("headline_verbs.toml")).read_text("utf-8"))
_PAST: dict[str, str] = _WORDS["past"]
_PREPS: dict[str, list[str]] = _WORDS["preps"]
_FINITE = {"VBD", "VBZ", "VBP", "MD"}
_NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}
_COMPLEMENTS = {"dobj", "ccomp", "xcomp", "dative"}


def repair_headline_verb(nlp: Language, doc: Doc, parsed_text: str | None = None) -> Doc:
    """`doc` (a headline's parse) parsed again with its present-tense verb in the past when the model read that verb
    as a noun (module docstring). `parsed_text`: the text `doc` is the parse of when it differs from the words as
    written only in case (a title-case headline parsed in sentence case, recase.py), else `doc.text`."""
    text = doc.text if parsed_text is None else parsed_text
    if len(text) != len(doc.text) or any(t.tag_ in _FINITE or (t.dep_ == "ROOT" and t.pos_ in {"VERB", "AUX"})
                                         for t in doc):
        return doc   # a verb it reads, finite or a participle as its root ("Dnipro devastated by …")
    for t in doc:
        past = _PAST.get(t.lower_)
        if t.i == 0 or past is None or t.tag_ not in _NOUN_TAGS or t.head.pos_ == "VERB":
            continue   # (the object of a participle is a noun: "launching strikes")
        repaired = nlp(text[:t.idx] + past + text[t.idx + len(t):])
        if len(repaired) != len(doc) or any(a.text.lower() != b.lower_ for a, b in zip(repaired, doc) if a.i != t.i):
            continue
        if _is_clause_verb(repaired[t.i], _PREPS.get(t.lower_, ())):
            return with_words(repaired, [w.text for w in doc])
    return doc


def _is_clause_verb(verb, preps) -> bool:
    """The root verb of a clause: a noun as its subject, and an object, a clause or one of its prepositions."""
    kids = list(verb.children)
    return (verb.dep_ == "ROOT" and verb.tag_ in {"VBD", "VBN"}
            and any(c.dep_ == "nsubj" and c.tag_ in _NOUN_TAGS for c in kids)
            and any(c.dep_ in _COMPLEMENTS or (c.dep_ == "prep" and c.lower_ in preps) for c in kids))
