"""Acts a source reacts to, which the outlet states: "Senators condemn Russia's downing of a US drone", "Turkish VP
condemns Armenian attack on Azerbaijani troops", "Iran defends missile attack on Israel". The source's words are the
condemnation; that Russia downed the drone is the outlet's own statement (GUIDE §10.1: what the article states
without tying it to a source), and the benchmark's labellers read it so. Used by sentence.py: such an act counts
for the sentence's own-voice initiator as well as for the source's blame.

Not when the act is hedged ("the alleged attack", "what it called an attack": the called phrase hangs on a speech
verb, not on the reaction verb), nor when it is a clause ("condemned claims that Ukraine attacked")."""

from __future__ import annotations

from spacy.tokens import Span

from .initiator import Act

#: Verbs whose object is an act the speaker reacts to, not a claim the speaker makes.
REACTION_VERBS = frozenset({"condemn", "denounce", "deplore", "decry", "slam", "criticise", "criticize", "defend",
                            "justify", "hail", "praise", "welcome", "mourn", "lament"})
#: Modifiers that leave the act a claim: "the alleged attack", "a purported strike".
HEDGES = frozenset({"alleged", "allegedly", "purported", "so-called", "reported", "claimed", "possible", "suspected",
                    "supposed", "apparent", "presumed", "likely"})


def presupposed(act: Act, span: Span) -> bool:
    """Is `act` (read from `span`) the object of a reaction verb, stated by the outlet whoever reacts to it?"""
    if not act.reported or act.negated or act.background or not 0 <= act.position < len(span):
        return False
    t = span[act.position]
    if t.pos_ != "NOUN":
        return False
    if any(c.lower_ in HEDGES for c in t.children):
        return False
    while t.dep_ == "conj":
        t = t.head
    return t.dep_ == "dobj" and t.head.pos_ == "VERB" and t.head.lemma_.lower() in REACTION_VERBS
