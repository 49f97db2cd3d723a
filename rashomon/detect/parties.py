"""Find the event's parties in text: aliases, loaded aliases and demonyms derived from the party's name.

Matching rules:

- Every alias (the party's `name`, its `aliases` and its `loaded_aliases`) matches case-insensitively as a whole
  phrase (not inside a longer word); inner spaces match any run of spaces or a hyphen.
- Short all-capital acronyms ("US", "EU", "UN": at most four letters, dots allowed) match case-sensitively, so
  the pronoun "us" is not the United States.
- Demonyms are derived from a one-word party name by generic English rules, not lists (see `demonyms`):
  Armenia → Armenian(s), Russia → Russian(s), Azerbaijan → Azerbaijani(s), Israel → Israeli(s),
  Ukraine → Ukrainian(s). A derived form that is another party's alias is dropped.
- Overlapping matches are resolved longest first, so "illegal Armenian armed detachments" (a loaded alias) wins
  over "Armenian" inside it; `match` returns the party of the longest alias found, the earliest on a tie.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import NamedTuple

from ..sources import Party

log = logging.getLogger(__name__)

_ACRONYM = re.compile(r"^(?:[A-Z]\.?){1,4}$")
_VOWELS = set("aeiou")


class PartyMention(NamedTuple):
    """One occurrence of a party in a text: character offsets, party id, the alias text matched, and whether that
    alias is one of the party's loaded aliases."""

    start: int
    end: int
    party_id: str
    alias: str
    loaded: bool


class _Alias(NamedTuple):
    pattern: re.Pattern[str]
    party_id: str
    alias: str
    loaded: bool


def demonyms(name: str) -> list[str]:
    """Generic demonyms of a one-word place name, by English suffix rules (several candidates; over-generation is
    harmless because a candidate that never occurs in text never matches).

    -ia → +n (Armenian, Russian); -a → +n, -ese (Cuban, Chinese); -e → -ian (Ukrainian); -y → -ian (Italian);
    -o → -an (Mexican); consonant → +i, +ian, +ese (Azerbaijani, Israeli, Iranian, Sudanese). Forms ending in
    -n or -i also get a plural -s.
    """
    if not name or " " in name.strip() or not name.isalpha():
        return []
    low = name.lower()
    forms: list[str] = []
    if low.endswith("ia") or low.endswith("a"):
        forms += [name + "n"]
        if not low.endswith("ia"):
            forms += [name[:-1] + "ese"]
    elif low.endswith("e"):
        forms += [name[:-1] + "ian"]
    elif low.endswith("y"):
        forms += [name[:-1] + "ian"]
    elif low.endswith("o"):
        forms += [name[:-1] + "an"]
    elif low[-1] not in _VOWELS:
        forms += [name + "i", name + "ian", name + "ese"]
    plurals = [f + "s" for f in forms if f.endswith(("n", "i"))]
    return forms + plurals


#: An apostrophe as pages write it: "Lebanon's government" is also "Lebanon’s government".
_APOSTROPHE = re.compile("['\u2019\u2018\u02bc]")


def _compile(alias: str) -> re.Pattern[str]:
    parts = [_APOSTROPHE.sub(lambda _: _APOSTROPHE.pattern, re.escape(p)) for p in alias.split()]
    body = r"[\s\-]+".join(parts)
    flags = 0 if _ACRONYM.match(alias.replace(" ", "")) else re.IGNORECASE
    return re.compile(rf"(?<![\w]){body}(?![\w])", flags)


def _resolve(found: list[PartyMention]) -> list[PartyMention]:
    """Non-overlapping mentions in text order, the longest winning an overlap."""
    found.sort(key=lambda pm: (-(pm.end - pm.start), pm.start))
    kept: list[PartyMention] = []
    for pm in found:
        if all(pm.end <= k.start or pm.start >= k.end for k in kept):
            kept.append(pm)
    return sorted(kept, key=lambda pm: pm.start)


class PartyMatcher:
    """Match the parties of an event in text (see the module docstring for the rules)."""

    def __init__(self, parties: Iterable[Party]):
        self.parties: tuple[Party, ...] = tuple(parties)
        self.names: dict[str, str] = {p.id: p.name for p in self.parties}
        explicit: dict[str, str] = {}
        for p in self.parties:
            for alias in p.all_aliases:
                explicit.setdefault(alias.lower(), p.id)
        aliases: list[_Alias] = []
        seen: set[tuple[str, str]] = set()
        for p in self.parties:
            loaded = {a.lower() for a in p.loaded_aliases}
            candidates = [(a, a.lower() in loaded) for a in p.all_aliases]
            for form in demonyms(p.name):
                owner = explicit.get(form.lower())
                if owner is None or owner == p.id:
                    candidates.append((form, False))
            for alias, is_loaded in candidates:
                key = (alias.lower(), p.id)
                if key in seen or not alias.strip():
                    continue
                seen.add(key)
                aliases.append(_Alias(_compile(alias), p.id, alias, is_loaded))
        self._aliases: tuple[_Alias, ...] = tuple(aliases)
        # the places an event file lists for a party (`places`): where, never who, so kept apart from the aliases
        self._places: tuple[_Alias, ...] = tuple(
            _Alias(_compile(place), p.id, place, False)
            for p in self.parties for place in dict.fromkeys(getattr(p, "places", ())) if place.strip())
        log.debug("party matcher: %d parties, %d alias patterns", len(self.parties), len(self._aliases))

    def find_all(self, text: str) -> list[PartyMention]:
        """All non-overlapping party mentions in `text`, in text order (longest alias wins an overlap)."""
        return _resolve([PartyMention(hit.start(), hit.end(), a.party_id, hit.group(0), a.loaded)
                         for a in self._aliases for hit in a.pattern.finditer(text)])

    def party_by_head(self, word: str, besides: str) -> str | None:
        """The one party other than `besides` with a several-word alias ending in `word` ("rebels" of "Houthi
        rebels"): whom "the Iran-backed rebels" names. None when no party or several have one."""
        word = word.lower()
        owners = {a.party_id for a in self._aliases
                  if a.party_id != besides and " " in a.alias.strip() and a.alias.lower().split()[-1] == word}
        return owners.pop() if len(owners) == 1 else None

    def find_places(self, text: str) -> list[PartyMention]:
        """The parties' listed places in `text` (event.toml `places`), in text order, longest first on overlap."""
        return _resolve([PartyMention(hit.start(), hit.end(), a.party_id, hit.group(0), False)
                         for a in self._places for hit in a.pattern.finditer(text)])

    def match(self, text: str) -> str | None:
        """The party id of the longest alias in `text` (earliest on a tie), or None."""
        mentions = self.find_all(text)
        if not mentions:
            return None
        best = max(mentions, key=lambda m: (m.end - m.start, -m.start))
        return best.party_id

    def name(self, party_id: str | None) -> str:
        """The display name of a party id ("unknown" for None or an id not in the event)."""
        if party_id is None:
            return "unknown"
        return self.names.get(party_id, party_id)
