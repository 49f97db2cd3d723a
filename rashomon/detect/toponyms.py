"""Places with several names in use (rules as data: `toponyms.toml`): which name a sentence uses.

`toponym_names(text)` gives "<place>=<name>" for every name of a listed contested place the text uses (<place> is
the entry's first name), in text order. The view `place_names` reads them per outlet; outlets that use different names of one
contested place, and never each other's, make a `framing` card. `same_toponym(a, b)` tells compare.py that two
place names are one place (no `place` card for "Khankendi" vs "Stepanakert", or "Kerch Bridge" vs "Crimean bridge").
`within(inner, outer)` tells it that one named place lies in a listed area (`[[area]]`: "Donetsk" in "Donbas"), so a
sentence naming the area and one naming a place inside it do not disagree on where.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .quoted_text import inside, quoted_spans

TOPONYMS_PATH = Path(__file__).with_name("toponyms.toml")


@dataclass(frozen=True)
class Toponym:
    place: str                 # the entry's first name: the key
    names: tuple[str, ...]
    contested: bool            # false: neutral synonyms, never a framing card


@functools.lru_cache(maxsize=4)
def load_toponyms(path: Path = TOPONYMS_PATH) -> tuple[Toponym, ...]:
    from ..errors import ConfigError

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    out = []
    for i, entry in enumerate(data.get("place", [])):
        names = entry.get("names")
        if not isinstance(names, list) or len(names) < 2 or not all(isinstance(n, str) and n for n in names):
            raise ConfigError(f"{path}: place[{i}].names: a list of two or more names is needed")
        out.append(Toponym(names[0], tuple(names), bool(entry.get("contested", True))))
    return tuple(out)


@functools.lru_cache(maxsize=4)
def load_areas(path: Path = TOPONYMS_PATH) -> dict[str, frozenset[str]]:
    """Area name (lower case) -> the lower-case names of the places it holds (`[[area]]` entries)."""
    from ..errors import ConfigError

    data = tomllib.loads(path.read_text(encoding="utf-8"))
    out: dict[str, frozenset[str]] = {}
    for i, entry in enumerate(data.get("area", [])):
        name, holds = entry.get("name"), entry.get("holds")
        if not isinstance(name, str) or not isinstance(holds, list) or not all(isinstance(h, str) for h in holds):
            raise ConfigError(f"{path}: area[{i}]: a name and a list of names it holds are needed")
        out[name.lower()] = frozenset(h.lower() for h in holds)
    return out


def within(inner: str, outer: str) -> bool:
    """Does the place named `inner` lie in the listed area named `outer` ("Donetsk" in "Donbas")?"""
    holds = load_areas().get(outer.lower().removeprefix("the ").strip())
    return bool(holds) and inner.lower().removeprefix("the ").strip() in holds


@functools.lru_cache(maxsize=4)
def _patterns(path: Path = TOPONYMS_PATH) -> tuple[tuple[re.Pattern[str], Toponym, str], ...]:
    out = []
    for t in load_toponyms(path):
        for name in sorted(t.names, key=len, reverse=True):   # "Kosovo and Metohija" before "Kosovo"
            out.append((re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])"), t, name))
    return tuple(out)


def toponym_names(text: str, *, contested_only: bool = True, own_words: bool = False) -> tuple[str, ...]:
    """"<place>=<name>" for each name of a listed (by default: contested) place in `text`, in text order, each once;
    a name inside a longer listed name ("Kosovo" in "Kosovo and Metohija") is not counted again. `own_words`: not a
    name inside quotation marks (a US statement's "Nagorno-Karabakh" quoted by an outlet that says "Karabakh")."""
    hits: list[tuple[int, int, str]] = []
    quoted = quoted_spans(text) if own_words else []
    for pattern, topo, name in _patterns():
        if contested_only and not topo.contested:
            continue
        for m in pattern.finditer(text):
            if inside(quoted, m.start(), m.end()):
                continue
            if not any(a <= m.start() < b for a, b, _ in hits):
                hits.append((m.start(), m.end(), f"{topo.place}={name}"))
    out: list[str] = []
    for _, _, key in sorted(hits):
        if key not in out:
            out.append(key)
    return tuple(out)


def toponym_places(name: str) -> frozenset[str]:
    """The listed places (their keys) a place name as written names."""
    low = name.lower()
    return frozenset(t.place for t in load_toponyms() for n in t.names if n.lower() in low)


def same_toponym(name_a: str, name_b: str) -> bool:
    """Do two place names (as written) name one listed place?"""
    return bool(toponym_places(name_a) & toponym_places(name_b))

