"""What a speech cue covers: the words of a sentence that are the source's claim ("X said [P]", "[P], X said",
"X accused Y [of P]"), without the source phrase itself, the outlet's trailing framing ("…, in a new escalation
after …") or a clause of its own before a ";". Used by voice.py."""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import ATTRIBUTING_VERBS   # "attributed the blast at the depot to X": the claim is in its phrases

_FRAMING_STARTERS = {"in", "amid", "after", "following", "as", "during", "with", "while", "days", "hours", "weeks"}
#: Marks of a clause after a comma that sets the outlet's own scene beside a report ("X said …, while Y …").
_FRAMING_MARKS = frozenset({"while", "whereas", "as"})
_MAIN_EXCLUDED_DEPS = {
    "nsubj", "nsubjpass", "csubj", "prep", "agent", "npadvmod", "advmod", "aux", "auxpass", "neg", "punct", "cc",
    "conj", "dative", "mark", "prt", "intj",
}
_CONTENT_DEPS = {"ccomp", "xcomp", "parataxis", "oprd", "attr", "dobj", "advcl"}
# "as": "quoted as calling", "described it as"
_CONTENT_PREPS = {"of", "for", "about", "over", "to", "on", "upon", "that", "as"}


def _content_prep(prep: Token, cue: Token) -> bool:
    """A preposition whose phrase says the cue's claim: "accused X [of] …", "charged X [with] …"."""
    return prep.lower_ in _CONTENT_PREPS or prep.lower_ == "with" and cue.lemma_.lower() == "charge"


def _subtree_ids(t: Token) -> set[int]:
    return {x.i for x in t.subtree}


def trailing_conj(t: Token) -> bool:
    """"P, in spite of …, the press center of X's border troops said on Friday.": a sentence-final cue that the parser
    joined to P's verb as a conjunct (no "and" or "but" between them) or an adverbial clause (no "as", "when", …),
    with its subject after the comma before it."""
    head = t.head
    if t.dep_ not in {"conj", "advcl", "parataxis"} or head.dep_ != "ROOT" or t.i < head.i:
        return False   # ("Russian attack kills 49, Ukrainian officials say, as …": a parataxis)
    if t.dep_ == "advcl" and any(c.dep_ == "mark" for c in t.children):
        return False
    if any(c.dep_ == "cc" and head.i < c.i < t.i for c in head.children) or any(c.dep_ == "cc" for c in t.children):
        return False
    subj = next((c for c in t.children if c.dep_ == "nsubj" and c.i < t.i), None)
    if subj is None or subj.left_edge.i == 0:
        return False
    before = t.doc[subj.left_edge.i - 1]
    # nothing of the claim after the cue, or only the outlet's framing ("…, officials say, as Zelensky presses …")
    framing = {x.i for c in head.children if c.i > t.i and c.left_edge.lower_ in _FRAMING_STARTERS for x in c.subtree}
    rest = [x for x in t.doc[t.right_edge.i + 1:t.sent.end] if not x.is_punct and x.i not in framing]
    return before.text == "," and not rest


def inverted_source(t: Token) -> Token | None:
    """"P is another terrorist attack, declared the spokeswoman of the ministry.": a sentence-final cue whose source
    follows it (read by the parser as its object), the verb joined to P's as a conjunct or clause after a comma. The
    source, or None."""
    head = t.head
    if t.dep_ == "ROOT":   # "P, declared the spokeswoman": P read as the verb's clausal complement before it
        if not any(c.dep_ == "ccomp" and c.i < t.i for c in t.children):
            return None
    elif t.dep_ not in {"conj", "advcl", "parataxis"} or head.dep_ != "ROOT" or t.i <= head.i:
        return None
    if t.i == t.sent.start or t.tag_ == "VBG":   # "X struck Gaza, accusing Hamas of …": X accuses, Hamas is accused
        return None
    if t.doc[t.i - 1].text != "," or any(c.dep_ in {"nsubj", "nsubjpass", "cc", "mark"} and c.i < t.i
                                         for c in t.children):
        return None
    if any(not x.is_punct for x in t.doc[t.right_edge.i + 1:t.sent.end]):
        return None
    return next((c for c in t.children if c.i > t.i and c.dep_ in {"dobj", "nsubj", "attr"}
                 and c.pos_ in {"NOUN", "PROPN"}), None)


def _scope(t: Token, subj: Token | None, main: bool) -> set[int]:
    """The claim of the cue `t` (its source `subj`); `main`: `t` is the sentence's main verb (voice._main)."""
    scope: set[int] = set()
    if trailing_conj(t) or t.dep_ != "ROOT" and inverted_source(t) is not None:
        return {x.i for x in t.head.subtree if not x.is_punct} - _subtree_ids(t)
    if main:
        scope = _subtree_ids(t)
        scope.discard(t.i)
        for c in t.children:
            keep_prep = c.dep_ == "prep" and _content_prep(c, t) and c.i > t.i and any(
                g.dep_ in {"pcomp", "pobj"} for g in c.children) and t.lemma_.lower() not in {"say", "add", "tell"}
            keep_prep = keep_prep or c.dep_ == "prep" and t.lemma_.lower() in ATTRIBUTING_VERBS   # "… at the depot to X"
            if c.dep_ in _MAIN_EXCLUDED_DEPS and not keep_prep:
                scope -= _subtree_ids(c)
            elif c.dep_ == "advcl" and c.i > t.i and t.doc[c.left_edge.i - 1].text == "," and any(
                    m.dep_ == "mark" and m.lower_ in _FRAMING_MARKS for m in c.children):
                scope -= _subtree_ids(c)   # "Blinken promised $1 billion in aid, while Russia shelled …": the outlet's
        if subj is not None:
            scope -= _subtree_ids(subj) if subj.head.i == t.i or subj.i not in scope else {subj.i}
            for c in t.children:   # "A Russian attack … killed 49 civilians, governor X said": P read as a subject
                if c.dep_ == "nsubj" and c.i < subj.left_edge.i and c is not subj and any(
                        x.text == "," for x in t.doc[c.right_edge.i + 1:subj.left_edge.i]):
                    scope |= {x.i for x in c.subtree if not x.is_punct}
        for x in t.doc[t.i + 1:t.right_edge.i + 1]:
            # "X said on Friday night local time that Iran had fired …": the "that" clause the parser hung on a
            # phrase of time as a relative clause is the claim
            if x.lower_ == "that" and x.dep_ in {"advmod", "mark"} and x.head.dep_ in {"relcl", "acl"} and any(
                    c.dep_ in {"nsubj", "nsubjpass"} and c is not x for c in x.head.children) and x.i < x.head.i:
                scope |= {y.i for y in x.head.subtree if not y.is_punct}
        content = next((c for c in t.children if c.dep_ == "ccomp" and c.i > t.i), None)
        for c in t.children if content is not None else ():
            # a forward report runs to the end: "Russia says 5 killed, 24 injured after Ukrainian incursion" (the
            # second figure's phrase hung on "says"), unless the outlet's framing follows a comma ("…, in a new
            # escalation after …")
            if c.i > content.i and c.dep_ in {"prep", "punct", "npadvmod", "advmod"} \
                    and c.left_edge.i != c.right_edge.i:
                before = t.doc[c.left_edge.i - 1]
                if not (before.text == "," and c.left_edge.lower_ in _FRAMING_STARTERS):
                    scope |= {x.i for x in c.subtree if not x.is_punct}
        for c in t.children:   # "X voted to oust Y; the caucus had pledged …": a clause of its own before a ";"
            if c.dep_ in {"ccomp", "parataxis"} and c.i < t.i and any(
                    x.text == ";" for x in t.doc[c.right_edge.i + 1:t.i]):
                scope -= _subtree_ids(c)
    else:
        for c in t.children:
            if c.dep_ in _CONTENT_DEPS:
                scope |= _subtree_ids(c)
            elif c.dep_ == "prep" and _content_prep(c, t):
                scope |= _subtree_ids(c)
    # trailing narrator framing after a forward report: "X announced that it regained …, in a new escalation after …"
    comp = [c for c in t.children if c.dep_ == "ccomp" and c.i > t.i]
    for h in comp:
        commas = [c for c in h.children if c.dep_ == "punct" and c.text == "," and c.i > h.i]
        for comma in commas:
            nxt = t.doc[comma.i + 1] if comma.i + 1 < len(t.doc) else None
            if nxt is None or nxt.lower_ not in _FRAMING_STARTERS:
                continue
            for c in h.children:
                if c.left_edge.i > comma.i and c.dep_ in {"prep", "advcl", "npadvmod", "advmod"}:
                    scope -= _subtree_ids(c)
            break
    return scope
