"""Loaded terms: a party's loaded aliases and the event's loaded/neutral wording pairs.

- A party's `loaded_aliases` ("illegal Armenian armed detachments") are loaded terms; the neutral equivalent is
  the party's first ordinary alias sharing a word with it ("Armenian forces"), else the party's name.
- An event `[[wording]]` pair ("liberated" / "captured") matches the loaded word and its inflections: the last word
  of the term is reduced to a stem (liberated → liberat…, occupied → occup[iy]…) and matches any word starting
  with it (liberate, liberated, liberation), case-insensitively and as whole words.
"""

from __future__ import annotations

import functools
import re
import tomllib
from pathlib import Path
from typing import NamedTuple

from ..sources import Event, Party
from .parties import PartyMatcher

_HEADS_FILE = Path(__file__).with_name("wording_heads.toml")
_TERM_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_SUFFIXES = ("ations", "ation", "ings", "ing", "ions", "ion", "ed", "es", "s", "e", "d")


class LoadedTerm(NamedTuple):
    """A loaded term as written, and its neutral equivalent (None when there is none)."""

    term: str
    neutral: str | None


@functools.lru_cache(maxsize=64)
def matcher_for_parties(parties: tuple[Party, ...]) -> PartyMatcher:
    """One PartyMatcher per set of parties (cached)."""
    return PartyMatcher(parties)


def matcher_for(event: Event) -> PartyMatcher:
    """The PartyMatcher for an event's parties (cached)."""
    return matcher_for_parties(event.parties)


@functools.lru_cache(maxsize=512)
def term_pattern(term: str) -> re.Pattern[str]:
    """Case-insensitive whole-word pattern for `term`, its last word stemmed (module docstring)."""
    words = term.split()
    if not words:
        return re.compile(r"(?!x)x")
    last = words[-1].lower()
    stem = last
    for suf in _SUFFIXES:
        if last.endswith(suf) and len(last) - len(suf) >= 4:
            stem = last[: -len(suf)]
            break
    if stem != last:
        stem_rx = re.escape(stem[:-1]) + "[iy]" if stem.endswith(("i", "y")) else re.escape(stem)
        last_rx = stem_rx + r"\w*"
    else:
        last_rx = re.escape(last) + r"(?:s|es|ed|d|ing)?"
    body = r"[\s\-]+".join([re.escape(w) for w in words[:-1]] + [last_rx])
    return re.compile(rf"(?<![\w]){body}(?![\w])", re.IGNORECASE)


def neutral_alias(party: Party, loaded: str) -> str:
    """The neutral equivalent of a party's loaded alias (module docstring)."""
    loaded_words = {w.lower() for w in re.findall(r"\w+", loaded)}
    loaded_set = {a.lower() for a in party.loaded_aliases}
    for alias in party.aliases:
        if alias.lower() in loaded_set:
            continue
        if {w.lower() for w in re.findall(r"\w+", alias)} & loaded_words:
            return alias
    return party.name


def loaded_terms(text: str, event: Event) -> list[LoadedTerm]:
    """Loaded terms in `text`, in text order: (term as written, neutral equivalent or None)."""
    found: list[tuple[int, LoadedTerm]] = []
    for m in matcher_for(event).find_all(text):
        if m.loaded:
            found.append((m.start, LoadedTerm(m.alias, neutral_alias(event.party(m.party_id), m.alias))))
    for pair in event.wording:
        for hit in term_pattern(pair.loaded).finditer(text):
            found.append((hit.start(), LoadedTerm(hit.group(0), pair.neutral)))
    found.sort(key=lambda x: x[0])
    out: list[LoadedTerm] = []
    for _, t in found:
        if t not in out:
            out.append(t)
    return out


@functools.lru_cache(maxsize=1)
def head_classes() -> dict[str, str]:
    """Head noun -> its class (wording_heads.toml)."""
    data = tomllib.loads(_HEADS_FILE.read_text(encoding="utf-8"))
    return {w.lower(): cls for cls, words in data["classes"].items() for w in words}


def _heads(term: str) -> list[str]:
    """The term's last word, and for a hyphenated last word its last part too ("far-right" -> far-right, right)."""
    words = _TERM_WORD.findall(term.lower())
    if not words:
        return []
    last = words[-1]
    return [last] + ([last.rsplit("-", 1)[1]] if "-" in last else [])


def _stem(word: str) -> str:
    return word[:5]


def names_alike(loaded: str, other: str, party_name: str) -> bool:
    """Do a party's loaded alias and another of its aliases name the same thing? Their head nouns are alike
    ("illegal Armenian armed forces" / "Armenian forces", "Democrat caucus" / "Democratic caucus") or of one class
    ("Russian invaders" / "Russian troops"), a "state" head stands for the party itself ("Israeli regime" /
    "Israel"), or the other alias is the party's name or a name of two words or more inside the loaded one ("Islamic Jihad terrorist
    organization" / "Islamic Jihad"). A bare demonym ("Armenian"), a person ("Matt Gaetz") or another body ("Defense
    Ministry") is not the neutral word for "illegal Armenian armed troops" or "nihilist"."""
    classes = head_classes()
    hl, ho = _heads(loaded), _heads(other)
    if not hl or not ho:
        return False
    if {_stem(w) for w in hl} & {_stem(w) for w in ho}:
        return True
    cl = {classes[w] for w in hl if w in classes}
    co = {classes[w] for w in ho if w in classes}
    if cl & co:
        return True
    if other.lower() == party_name.lower():
        return True
    if "state" in cl and len(_TERM_WORD.findall(other)) == 1 and not co:
        return True
    # a name of two words or more inside the loaded term (a lone demonym inside it says nothing)
    return len(_TERM_WORD.findall(other)) >= 2 and re.search(
        rf"(?<!\w){re.escape(other.lower())}(?!\w)", loaded.lower()) is not None

