"""Attribution cues of a sentence: speech and cognition verbs with their source, "according to X", "as per X",
"in what X calls", each with the tokens it attributes (its scope). voice.py chooses among them."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ._syntax import CLOSE_QUOTES, OPEN_QUOTES, PLAIN_QUOTES, child, quote_mask, subject_of
from .lexicon import (
    ACT_OF_NOUNS,
    ADMIT_VERBS,
    BLAME_PLACING_VERBS,
    DOCUMENT_NOUNS,
    FIRST_PERSON,
    HOSTILE_NOUNS,
    RESPONSIBILITY_WORDS,
    SPEECH_VERBS,
    SPEECH_VERBS_NEEDING_PREP,
)
from .act_status import negative_subject
from .blame_on import to_blame
from .voice_scope import _scope, _subtree_ids, inverted_source

log = logging.getLogger(__name__)

_QUOTE_MARKS = frozenset(OPEN_QUOTES | CLOSE_QUOTES | PLAIN_QUOTES)
_CASUALTY_STATES = frozenset({"kill", "wound", "injure", "dead", "die", "miss", "missing", "hurt", "injured"})


@dataclass
class Cue:
    """One attribution cue in a sentence: the cue token, the head of its source phrase, and the doc indices of the
    tokens it attributes (its scope)."""

    token: Token
    kind: str  # "verb" | "according" | "calls"
    source: Token | None
    scope: set[int] = field(default_factory=set)

    @property
    def text(self) -> str:
        return "according to" if self.kind == "according" else self.token.lower_


def _is_speech_verb(t: Token) -> bool:
    lemma = t.lemma_.lower()
    if lemma in BLAME_PLACING_VERBS and t.pos_ == "VERB" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in RESPONSIBILITY_WORDS for c in t.children):
        return True  # "X lays the blame on Y": X's claim
    if lemma == "hold" and t.pos_ == "VERB" and any(w.lower_ in {"responsible", "accountable"} for w in t.subtree):
        return True  # "X holds Y responsible for the crash": X's claim
    if lemma in ADMIT_VERBS and t.pos_ == "VERB" and any(
            c.dep_ == "dobj" and c.lemma_.lower() == "responsibility" for c in t.children) \
            and not any(c.dep_ == "neg" for c in t.children) and not negative_subject(t) \
            and t.dep_ not in {"xcomp", "ccomp"}:
        # "Kyiv takes / accepts responsibility for the strike": Kyiv's claim, as "claimed responsibility" (not "no
        # group has taken responsibility", nor "urged Baku to take responsibility")
        return True
    if lemma not in SPEECH_VERBS or t.pos_ not in {"VERB", "AUX"}:
        return False
    if negative_subject(t):
        return False   # "No one claimed responsibility", "neither side has claimed it", "nobody said": no source
    if t.tag_ == "VBN" and t.dep_ in {"acl", "amod"}:  # "deaths and injuries reported"
        return False
    needs = SPEECH_VERBS_NEEDING_PREP.get(lemma)
    if needs is not None:
        if lemma == "call" and any(c.dep_ == "oprd" or (c.dep_ == "dobj" and c.tag_ in {"WP", "WDT"})
                                   for c in t.children):
            return True
        if lemma == "call" and child(t, "dobj") is not None and child(t, "prt") is None and any(
                w.lemma_.lower() in ACT_OF_NOUNS | HOSTILE_NOUNS.keys() for w in t.subtree if w.i > t.i):
            return True  # "Kremlin calls damage to the dam deliberate sabotage by …" (the complement misparsed)
        if lemma == "call" and child(t, "dobj") is not None and any(
                w.text in _QUOTE_MARKS for w in t.subtree if w.i > t.i):
            return True  # "X called the nomination “shocking”": the quoted words are X's
        if lemma == "put":   # "put the attack down to X", not "put down the revolt"
            return any(c.dep_ == "prt" and c.lower_ == "down" for c in t.children) and any(
                c.dep_ == "prep" and c.lower_ == "to" for c in t.children)
        return any(c.dep_ in {"prt", "prep"} and c.lower_ in needs for c in t.children)
    return True


def _trailing_source(t: Token, quoted: set[int]) -> Token | None:
    """The head of a source phrase between the last comma and a sentence-final speech verb that the parser attached
    elsewhere ("…, a source in X's security service said", "…, regional governor Oleh Syniehubov said")."""
    sent = t.sent
    if t.dep_ != "ROOT" or any(c.dep_ in {"nsubj", "nsubjpass", "csubj"} and c.i not in quoted for c in t.children):
        return None
    comma = next((x for x in reversed(list(t.doc[sent.start:t.i])) if x.text == ","), None)
    if comma is None or comma.i in quoted:
        return None
    span = t.doc[comma.i + 1:t.i]
    # (a participle inside a name is no clause: "the Qatar-based news channel")
    if not 0 < len(span) <= 12 or any(x.pos_ in {"VERB", "AUX"} and x.dep_ not in {"amod", "compound"}
                                      or x.i in quoted for x in span):
        return None
    heads = [x for x in span if not (span.start <= x.head.i < span.end)]
    nouns = [x for x in heads if x.pos_ in {"NOUN", "PROPN"}]
    return nouns[0] if len(heads) == 1 and nouns else None


#: Prepositions a participle clause hangs on whose subject is the main clause's: "X struck after accusing Y of …".
_CLAUSE_PREPS = frozenset({"after", "before", "while", "by", "upon", "since"})


def _subject(t: Token, quoted: set[int]) -> Token | None:
    if t.dep_ == "pcomp" and t.tag_ == "VBG" and t.head.dep_ == "prep" and t.head.lower_ in _CLAUSE_PREPS \
            and t.head.head.pos_ in {"VERB", "AUX"}:
        return subject_of(t.head.head)   # "Israeli forces launched strikes after accusing Hamas of firing": the forces
    agent = child(t, "agent") if any(c.dep_ == "auxpass" for c in t.children) else None
    if agent is not None and (by := child(agent, "pobj")) is not None and by.i not in quoted:
        return by   # "the attack has been blamed on X by Y": Y speaks
    if (inverted := inverted_source(t)) is not None and inverted.i not in quoted:
        return inverted   # "P, declared the spokeswoman of the ministry": the source after its verb
    subj = subject_of(t)
    if subj is not None and subj.i in quoted:
        # the speaker is never inside the quotation ("“…, thousands of lawsuits, …,” Bloomberg said"): another
        # subject of the verb outside it, if the parser gave one
        # or apposed to the quoted words ("“… villages of X and Y,” the ministry spokesman said", misparsed)
        inside = subj
        subj = next((c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i not in quoted), None)
        if subj is None:
            subj = next((c for c in inside.children if c.dep_ == "appos" and c.i not in quoted and c.i > inside.i),
                        None)
    if subj is None:
        subj = _trailing_source(t, quoted)
    if subj is None or subj.head.i != t.i:
        # misparsed "..., a State Department spokesperson said": the noun right before the verb
        prev = t.doc[t.i - 1] if t.i > t.sent.start else None
        if prev is not None and prev.pos_ in {"NOUN", "PROPN"} and prev.i not in quoted and t.tag_ != "VBG" and t.i not in [
                a.i for a in prev.ancestors]:
            subj = prev
    return subj


def _main(t: Token) -> bool:
    return t.dep_ == "ROOT" or (t.dep_ == "conj" and t.head.dep_ == "ROOT" and _is_speech_verb(t.head))


def _trailing(t: Token, sent: Span) -> bool:
    """Does the clause of `t` end the sentence (only punctuation after it)?"""
    return all(x.is_punct for x in sent.doc[t.right_edge.i + 1:sent.end]) and t.left_edge.i > sent.start


def find_cues(sent: Span) -> list[Cue]:
    """All attribution cues of `sent` outside quotation marks, with their scopes."""
    quoted = quote_mask(sent)
    cues: list[Cue] = []
    all_ids = {t.i for t in sent}
    for t in sent:
        if t.i in quoted:
            continue
        if (t.lower_ == "according" and t.i + 1 < sent.end and t.doc[t.i + 1].lower_ == "to") or (
                t.lower_ == "as" and t.i + 1 < sent.end and t.doc[t.i + 1].lower_ == "per"):   # "…, as per the ministry"
            to = t.doc[t.i + 1]
            src = next((c for c in to.children if c.dep_ == "pobj"), None)
            if src is None:
                src = next((c for c in t.children if c.dep_ == "pobj"), None)
            phrase = _subtree_ids(t) | _subtree_ids(to)
            cues.append(Cue(t, "according", src, {i for i in all_ids - phrase if not t.doc[i].is_punct}))
            continue
        if not _is_speech_verb(t) or to_blame(t):
            continue   # (not "X is to blame": X is the one blamed, no speaker)
        if t.lemma_.lower() == "report" and any(c.dep_ in {"xcomp", "oprd", "acomp"} and c.lemma_.lower() in
                                                 _CASUALTY_STATES for c in t.children):
            continue   # "dozens reported killed", "five were reported dead": a toll, not a source
        if t.lemma_.lower() == "cite" and t.tag_ == "VBG" and t.dep_ in {"acl", "advcl", "xcomp"} \
                and (obj := child(t, "dobj")) is not None:
            # "…, Interfax reported, citing X": X is the source of the reporting verb's cue (below); "P, Trend reports
            # citing X" with "reports" read as a noun: X's cue over P
            if not _is_speech_verb(t.head):
                drop = _subtree_ids(t) | {t.head.i} | {c.i for c in t.head.children if c.dep_ in {"compound", "nsubj"}}
                cues.append(Cue(t, "verb", obj, {x.i for x in t.head.subtree if not x.is_punct} - drop))
            continue
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in t.children) \
                and not any(c.dep_ in {"dobj", "ccomp"} for c in t.children) and not _trailing(t, sent):
            continue   # "As X pointed out, P": the outlet asserts P itself, citing X ("… as X blames Y": X's claim;
            # "P, as officials from both countries reported.": a source's, as "P, officials reported")
        subj = _subject(t, quoted)
        cited = next((c for c in t.children if c.lemma_.lower() == "cite" and c.dep_ in {"advcl", "acl", "xcomp"}
                      and child(c, "dobj") is not None), None)
        if cited is not None and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in child(cited, "dobj").children):
            cited = None   # "Citing its border service, a Tajik news portal said …": "its" is the portal's side
        if subj is None and cited is not None:
            subj = child(cited, "dobj")   # "P, the agency reports citing X" ("agency" read as a compound)
        if (it := child(t, "nsubjpass")) is not None and it.lower_ == "it" and any(   # "It was reported that …":
                c.dep_ == "ccomp" or c.dep_ == "advcl" and child(c, "mark") is not None  # an unnamed source
                and child(c, "mark").lower_ == "that" for c in t.children):
            cues.append(Cue(t, "verb", None, _scope(t, it, _main(t))))
            continue
        if subj is None or subj.lower_ in FIRST_PERSON or subj.tag_ in {"WDT", "WP"}:
            continue
        if t.lemma_.lower() == "read" and subj.lemma_.lower() not in DOCUMENT_NOUNS:
            continue
        kind = "calls" if t.lemma_.lower() == "call" and any(c.dep_ == "oprd" for c in t.children) else "verb"
        scope = _scope(t, subj, _main(t))
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in t.children) and not scope:
            scope = {i for i in all_ids - _subtree_ids(t) if not t.doc[i].is_punct}   # "P, as X reported.": P
        if t.dep_ == "compound" and not scope:   # a headline's "Houthis claim drone attack that hit …", the verb
            scope = {x.i for x in t.head.subtree if x.i > t.i and not x.is_punct}   # read as a compound: what follows
        if cited is not None:   # "X reports citing the border service": the service is the source, not X
            scope -= _subtree_ids(cited) | _subtree_ids(subj) | {c.i for c in t.children if c.dep_ == "compound"}
            subj = child(cited, "dobj")
        cues.append(Cue(t, kind, subj, scope))
    return cues


def _outermost(cues: list[Cue]) -> list[Cue]:
    out = []
    for c in cues:
        nested = any(c.token.i in d.scope and d.token.i not in c.scope for d in cues if d is not c)
        if not nested:
            out.append(c)
    return out or cues
