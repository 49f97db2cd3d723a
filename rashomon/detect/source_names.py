"""How a quoted source is named: the canonical institution in a source phrase (lexicon.INSTITUTIONS), the person
it names, the party that runs it ("the Hamas-controlled authorities"), whether a phrase may name the previous source
again, and the canonical name voice.py gives a source."""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Token

from ._syntax import PartyIndex, np_tokens
from .lexicon import INSTITUTIONS
from .parties import PartyMatcher

_INSTITUTIONS = tuple((name, re.compile(rx, re.IGNORECASE)) for name, rx in INSTITUTIONS)
_GENERIC_INSTITUTIONS = {"ministry", "spokesperson", "officials", "authorities", "government"}
_RUN_BY = re.compile(r"^([A-Z][\w'’]*)-(controlled|run|ruled|led|governed|administered)$")


def institution_of(text: str) -> str | None:
    """The canonical institution named in `text` (INSTITUTIONS order), or None."""
    for name, rx in _INSTITUTIONS:
        if rx.search(text):
            return name
    return None


def source_tokens(src: Token, verb: Token | None = None) -> list[Token]:
    """The words of a source phrase: its head with its "of"/"for" phrases and appositions. A source before its cue
    verb `verb` ends there: words after the verb that the parser hung on it as an apposition belong to the claim ("X
    claimed it had killed the chief of staff, [the commander of Y] …")."""
    tokens = np_tokens(src, preps=frozenset({"of", "for"}), appos=True)
    return [t for t in tokens if t.i < verb.i] if verb is not None and src.i < verb.i else tokens


def _person(tokens: list[Token], pidx: PartyIndex) -> str | None:
    ids = {t.i for t in tokens}
    if not tokens:
        return None
    for ent in tokens[0].doc.ents:
        if ent.label_ == "PERSON" and all(i in ids for i in range(ent.start, ent.end)):
            if any(i in pidx.by_token for i in range(ent.start, ent.end)):
                continue
            return re.sub(r"'s$", "", ent.text).strip()
    return None


def _compatible(previous: Any, institution: str | None) -> bool:
    prev = (previous.attributed_to or "").lower()
    if not prev or institution is None:
        return False
    return institution.lower() in prev or (institution in _GENERIC_INSTITUTIONS and institution_of(prev) is not None)


def _canonical(party: str | None, institution: str | None, person: str | None, text: str,
               matcher: PartyMatcher) -> str:
    if party and institution:   # (not "Lebanese government government")
        name = matcher.name(party)
        return name if institution.lower() in name.lower().split() else f"{name} {institution}"
    if party:
        return matcher.name(party)
    if person:
        return person
    if institution:
        return institution
    words = [w for w in text.split() if w.lower() not in {"a", "an", "the"}]
    return " ".join(words) or text


def controlled_by(source: Token, matcher: PartyMatcher) -> str | None:
    """The party that runs a source with no party named outright: "the Hamas-controlled authorities", "officials in
    Hamas-run Gaza" (the compound modifier in the source phrase or its "in" phrase, as one token or hyphenated)."""
    words = list(source.subtree)
    text = " ".join(t.text for t in words).replace(" - ", "-")
    for word in text.split():
        m = _RUN_BY.match(word)
        if m:
            found = matcher.find_all(m.group(1))
            if found:
                return found[0].party_id
    return None


_LOCAL_BODIES = frozenset({"official", "officials", "authority", "authorities", "leader", "leaders", "government"})


def officials_in(source: Token, matcher: PartyMatcher) -> str | None:
    """"Officials in X" speak for the party whose alias is "X authorities" or "X officials" ("officials in
    Nagorno-Karabakh" when the event lists "Nagorno-Karabakh authorities"); a place alone names no party."""
    if source.lemma_.lower() not in _LOCAL_BODIES and source.lower_ not in _LOCAL_BODIES:
        return None
    for prep in source.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            place = " ".join(t.text for t in obj.subtree).replace(" - ", "-").removeprefix("the ")
            for body in ("authorities", "officials", "government"):
                phrase = f"{place} {body}"
                for m in matcher.find_all(phrase):
                    if m.alias.lower() == phrase.lower():
                        return m.party_id
    return None
