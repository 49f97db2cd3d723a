"""Whom "blamed <an act> on X" puts the act on.

In "Russia blamed the attack on Ukraine" the parser hangs "on Ukraine" on the noun ("the attack on Ukraine"), and
"on" after an act noun is its target. After "blame <act>" with no "on" phrase of the verb's own, the last "on"
phrase inside the object is the one blamed ("blamed the shelling of the plant on Ukraine"): the idiom, not a target.
When the verb has an "on" phrase of its own, that one is blamed and the noun's keeps its target ("blamed the attack
on civilians on Russia"). Benchmark dev split: "Russia blamed the attack on Ukraine" was read as an attack on
Ukraine by no one.
"""

from __future__ import annotations

from spacy.tokens import Token

from ._syntax import prep_object

#: Verbs that put an act on someone: "blamed the attack on X" ("pinned" is no speech cue: voice_cues.py would read
#: "X pinned the attack on Y" as the outlet's own statement).
BLAME_ON_VERBS = frozenset({"blame"})


def blamed_on(n: Token) -> Token | None:
    """The one "blame `n` on X" puts the act noun `n` (the verb's object) on, or None."""
    if n.dep_ != "dobj" or n.head.lemma_.lower() not in BLAME_ON_VERBS:
        return None
    on = prep_object(n.head, "on", "upon")
    if on is not None:
        return on
    found = None
    for t in n.subtree:   # the last "on" hung on the object or on a noun of its "of" phrases, never in a clause
        if t.dep_ == "prep" and t.lower_ in {"on", "upon"} and _inside_phrase(t, n):
            found = next((c for c in t.children if c.dep_ in {"pobj", "pcomp"}), found)
    return found


def _inside_phrase(t: Token, n: Token) -> bool:
    """Is `t` (in `n`'s subtree) hung on `n` through prepositional phrases only?"""
    a = t.head
    while a.i != n.i:
        if a.dep_ not in {"prep", "pobj"}:
            return False
        a = a.head
    return True


def on_is_blamed(n: Token) -> bool:
    """Is the "on" phrase of the act noun `n` the one blamed, not its target (module docstring)?"""
    return blamed_on(n) is not None and prep_object(n.head, "on", "upon") is None
