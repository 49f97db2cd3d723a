"""Blame idioms the parse alone misreads: whom "blamed <an act> on X" blames, and who "is to blame".

"blamed <act> on X": in "Russia blamed the attack on Ukraine" the parser hangs "on Ukraine" on the noun ("the attack
on Ukraine"), and "on" after an act noun is its target. After "blame <act>" with neither an "on" phrase of the verb's
own nor a "for" phrase ("blamed the attack on Ukraine for the rise in tensions" blames the attack), the last "on"
phrase inside the object is the one blamed ("blamed the shelling of the plant on Ukraine") when it names a party and
the act noun names none of its own ("blamed the Russian strike on Kharkiv" is Russia's strike on Kharkiv). When the
verb has an "on" phrase of its own, that one is blamed, and the noun's keeps its target ("blamed the attack on
civilians on Russia"). Only the phrase read as blamed stops being a target. Benchmark dev split: "Russia blamed the
attack on Ukraine" was read as an attack on Ukraine by no one.

"X is (not) to blame (for it)": "blame" under "be" with no object of its own names X as the one blamed, never as a
speaker (an object after a dash is a headline's source: "X is to blame for it - Kremlin"; "X's aim is to blame Y"
blames Y, as before).

"X lays (puts, places) the blame (for N) on Y": Y is blamed. The parser hangs "on Y" on the verb, on the noun, or
inside the "for" phrase ("put the blame for the crash of the airliner on Kyiv": on "airliner"); inside it, the last
"on" phrase is the one blamed ("the blame for the attack on Ukraine on Russia": Russia, the attack's target first);
a day's "on" ("on Thursday") is never the one blamed. Benchmark dev split (MH17): "Putin on Thursday put the blame
for the crash … on the Ukrainian government" was read as a blame of "Thursday".

"The only one to blame is Y" (a "to blame" clause on the subject of "be"): Y is blamed. Benchmark dev split (Zvecan):
"the only one to blame is Kosovo Prime Minister Albin Kurti" gave no blame.

"X was (not) involved", "X played no part": an involvement in the event with no act named is X's part in it
(act_status reads the "not" / "no" as a denial; act_words.toml [involved]). Benchmark dev split (Kerman, MH17): "the
United States was not involved in any way" gave no denial.

"N was the work of Y" (act_words.toml [work_of]): Y did the act N. Benchmark dev split (Soleimani): "this act of
terror was the work of the Israeli regime and the US" gave an act with no actor.

"The responsibility (for N) lies with Y", "the blame rests on Y" (act_words.toml [lies_with]): Y is blamed. Benchmark
dev split (Kerman, Second Thomas Shoal): "responsibility lay with both Israel and the United States", "the
responsibility lies entirely with the Philippines" gave no blame.
"""

from __future__ import annotations

from spacy.tokens import Token

from ._syntax import PartyIndex, accused_of, accusing_verb, child, prep_object
from .lexicon import _ACT_WORDS, BLAME_OBJECT_NOUNS, BLAME_PLACING_VERBS, ESCALATION_NOUNS, HOSTILE_NOUNS

#: Verbs that put an act on someone: "blamed the attack on X" ("pinned" is no speech cue: voice_cues.py would read
#: "X pinned the attack on Y" as the outlet's own statement).
BLAME_ON_VERBS = frozenset({"blame"})
_DASHES = frozenset({"-", "–", "—"})


def blamed_on(n: Token, pidx: PartyIndex | None) -> Token | None:
    """The one "blame `n` on X" puts the act noun `n` (the verb's object) on, or None (module docstring)."""
    verb = n.head
    if n.dep_ != "dobj" or verb.lemma_.lower() not in BLAME_ON_VERBS or prep_object(verb, "for") is not None:
        return None
    on = prep_object(verb, "on", "upon")
    if on is not None:
        return on
    if pidx is None or any(c.dep_ in {"amod", "compound", "poss", "nmod"} and pidx.party_of(c) is not None
                           for c in n.children):
        return None
    found = None
    for t in n.subtree:   # the last "on" hung on the object or on a noun of its "of" phrases, never in a clause
        if t.dep_ == "prep" and t.lower_ in {"on", "upon"} and _inside_phrase(t, n):
            found = next((c for c in t.children if c.dep_ in {"pobj", "pcomp"}), found)
    return found if found is not None and pidx.party_of(found) is not None else None


def blame_placed_on(noun: Token) -> Token | None:
    """Whom a responsibility noun that is the object of a blame-placing verb puts the blame on ("lays blame for the
    blast on Y", "placed all responsibility on Y"): an "on"/"upon" phrase hung on the verb or the noun, else the last
    one inside the object of a "for" phrase of either ("for the attack on Ukraine on Russia": Russia); never a day
    (module docstring)."""
    if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in BLAME_PLACING_VERBS:
        return None
    direct = [o for t in (noun.head, noun) for o in _on_objects(t)]
    if direct:
        return direct[0]
    objects = [p for h in (noun, noun.head) for c in h.children if c.dep_ == "prep" and c.lower_ == "for"
               for p in c.children if p.dep_ == "pobj"]
    inside = [o for p in objects for t in p.subtree if t.i == p.i or _inside_phrase(t, p) for o in _on_objects(t)]
    return max(inside, key=lambda o: o.i) if inside else None


def _on_objects(t: Token) -> list[Token]:
    """The objects of `t`'s "on"/"upon"/"onto" phrases that name no day or time ("on Thursday")."""
    return [o for c in t.children if c.dep_ == "prep" and c.lower_ in {"on", "upon", "onto"}
            for o in c.children if o.dep_ == "pobj" and o.ent_type_ not in {"DATE", "TIME"}]


def _inside_phrase(t: Token, n: Token) -> bool:
    """Is `t` (in `n`'s subtree) hung on `n` through prepositional phrases only?"""
    a = t.head
    while a.i != n.i:
        if a.dep_ not in {"prep", "pobj"}:
            return False
        a = a.head
    return True


def accusing_verb_of(n: Token) -> Token | None:
    """The accusation verb whose "of/for/with" phrase holds the noun `n`: "accused X of [the attack]", "blamed X for
    [the blast]", "charged X with [it]" (_syntax.accusing_verb decides), or None."""
    return accusing_verb(n.head) if n.dep_ == "pobj" and n.head.lower_ in {"of", "for", "with"} else None


def to_blame(verb: Token) -> bool:
    """"X is (not) to blame (for it)" (module docstring)."""
    return verb.lemma_.lower() == "blame" and verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "be" and not any(
        c.dep_ == "dobj" and c.doc[c.left_edge.i - 1].text not in _DASHES for c in verb.children)


def accused_party(gov: Token) -> Token | None:
    """The accused of an accusation verb (_syntax.accused_of), and X of "X is (not) to blame" (act_status reads the
    negation: "X is not to blame for the strike" is a denial of X's part)."""
    return child(gov.head, "nsubj") if to_blame(gov) else accused_of(gov)


_LIES_WITH = _ACT_WORDS["lies_with"]
_WORK_OF = frozenset(_ACT_WORDS["work_of"]["nouns"])


def one_to_blame(t: Token) -> Token | None:
    """Y of "the (only) one to blame is Y" when `t` is that "blame" (module docstring)."""
    if t.lemma_.lower() != "blame" or t.dep_ != "relcl" or t.head.dep_ != "nsubj" \
            or t.head.head.lemma_.lower() != "be" or any(c.dep_ == "dobj" for c in t.children) \
            or any(c.lower_ in {"last", "least"} for c in t.head.children):   # "the last one to blame": the least
        return None
    return child(t.head.head, "attr")


_INVOLVED = _ACT_WORDS["involved"]


def bare_involvement(t: Token) -> Token | None:
    """The subject of "X was (not) involved (in any way)" or "X played no / any part" when nothing else says what in
    (module docstring): `t` is "involved" or the part noun."""
    if t.sent[-1].text == "?" or any(c.dep_ == "mark" and c.lower_ in {"if", "whether"} for c in (
            *t.children, *t.head.children)) or any(c.lower_ in _INVOLVED["degrees"] for c in t.children):
        return None   # "asked if X was involved", "X was not involved enough"
    if t.lower_ in _INVOLVED["participles"] and t.pos_ in {"VERB", "ADJ"}:
        if any(c.dep_ in {"prep", "agent"} and not (c.lower_ == "in" and any(
                o.lemma_.lower() in _INVOLVED["manners"] for o in c.children)) for c in t.children):
            return None   # "involved in the talks", "involved by …"
        return child(t, "nsubjpass") or child(t, "nsubj") or (child(t.head, "nsubj") if t.dep_ == "acomp" else None)
    if t.lemma_.lower() in _INVOLVED["parts"] and t.dep_ == "dobj" and t.head.lemma_.lower() in _INVOLVED["verbs"] \
            and not any(c.dep_ == "prep" for c in (*t.children, *t.head.children)):
        return child(t.head, "nsubj")
    return None


def work_of(n: Token) -> Token | None:
    """Whose work the act noun `n` is said to be: "this act of terror was the work of X" (module docstring)."""
    if n.dep_ != "nsubj" or n.head.lemma_.lower() != "be":
        return None
    attr = child(n.head, "attr")
    of = prep_object(attr, "of") if attr is not None and attr.lemma_.lower() in _WORK_OF else None
    return None if of is None or any(c.lower_ in {"neither", "either"} for c in of.children) else of


def blame_lies_with(noun: Token) -> Token | None:
    """Whom "the responsibility lies with …" blames: the object of a "with/on/upon" phrase of the verb whose subject
    the responsibility word is (never a day: "on Thursday"); none when the responsibility is a duty ("to de-escalate",
    "for the security of the ceremony": act_words.toml [lies_with] objects)."""
    if noun.dep_ != "nsubj" or noun.head.lemma_.lower() not in _LIES_WITH["verbs"]:
        return None
    nxt = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if nxt is not None and nxt.lower_ == "to" or any(c.dep_ in {"acl", "relcl", "xcomp"} and c.pos_ in {"VERB", "AUX"}
                                                     for c in noun.children):
        return None   # "the responsibility to de-escalate lies with Beijing"
    objects = [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "for" for o in c.children
               if o.dep_ == "pobj"]
    if objects and not any(_blameable(w) for o in objects for w in o.subtree):
        return None   # "responsibility for the security of the ceremony lies with …"
    return next((o for c in noun.head.children if c.dep_ == "prep" and c.lower_ in _LIES_WITH["preps"]
                 for o in c.children if o.dep_ == "pobj" and o.ent_type_ not in {"DATE", "TIME"}), None)


def _blameable(w: Token) -> bool:
    lemma = w.lemma_.lower()
    return (lemma in HOSTILE_NOUNS or lemma in BLAME_OBJECT_NOUNS or lemma in ESCALATION_NOUNS
            or lemma in _LIES_WITH["objects"])
