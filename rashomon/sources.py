"""Load the outlet registry (`sources/*.toml`) and event definitions (`seeds/<event>/event.toml`) into the dataclasses
the code uses; the files are validated by the pydantic models of rashomon.sourcefiles."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .sourcefiles import EVENT_ID, OUTLET_ID, PARTY_ID, EventFile, OutletFile, PolitenessFile, validate

__all__ = ["EVENT_ID", "OUTLET_ID", "PARTY_ID", "Event", "EventUrl", "Offline", "Outlet", "Party", "Politeness",
           "WordingPair", "load_event", "load_outlet", "load_outlets"]


@dataclass(frozen=True)
class Politeness:
    requests_per_second: float = 1.0
    concurrency: int = 1


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    homepage: str
    language: str
    country: str
    perspective: str
    description: str = ""
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    article_url_pattern: str | None = None
    politeness: Politeness = Politeness()
    extraction: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None


@dataclass(frozen=True)
class Party:
    id: str
    name: str
    aliases: tuple[str, ...]
    loaded_aliases: tuple[str, ...] = ()
    part_of: str | None = None   # the party this one belongs to: "the rebels" within "the Republicans"
    places: tuple[str, ...] = ()  # places that are this party's: civilians hit there are its people

    @property
    def all_aliases(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.name, *self.aliases, *self.loaded_aliases)))


@dataclass(frozen=True)
class WordingPair:
    loaded: str
    neutral: str


@dataclass(frozen=True)
class EventUrl:
    outlet: str
    url: str | None = None
    file: Path | None = None


@dataclass(frozen=True)
class Offline:
    site: Path
    feeds: dict[str, str]
    sitemaps: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Event:
    id: str
    title: str
    summary: str
    window_start: dt.datetime
    window_end: dt.datetime
    keywords: tuple[str, ...]
    parties: tuple[Party, ...]
    outlets: tuple[str, ...] | None = None
    wording: tuple[WordingPair, ...] = ()
    urls: tuple[EventUrl, ...] = ()
    offline: Offline | None = None
    folder: Path | None = None
    story: str | None = None       # the story it was proposed from (`rashomon stories propose`), if any

    def party(self, party_id: str) -> Party:
        for p in self.parties:
            if p.id == party_id:
                return p
        raise KeyError(party_id)

    def same_side(self, a: str | None, b: str | None) -> bool:
        """Are `a` and `b` the same party, or one a part of the other ("the rebels" are Republicans)? Saying either
        started it is no contradiction."""
        if a is None or b is None:
            return False
        parent = {p.id: p.part_of for p in self.parties}
        return a == b or parent.get(a) == b or parent.get(b) == a


def _read_toml(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise ConfigError(f"{path}: file not found")
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc


OUTLET_FIELDS = tuple(OutletFile.model_fields)
POLITENESS_FIELDS = tuple(PolitenessFile.model_fields)


def load_outlet(path: Path) -> Outlet:
    """Load one `sources/<id>.toml`; raise ConfigError naming the file and field on any problem (an unknown
    field included)."""
    f = validate(OutletFile, _read_toml(path), path)
    return Outlet(
        id=f.id,
        name=f.name,
        homepage=f.homepage,
        language=f.language,
        country=f.country,
        perspective=f.perspective,
        description=f.description,
        feeds=tuple(f.feeds),
        sitemaps=tuple(f.sitemaps),
        article_url_pattern=f.article_url_pattern,
        politeness=Politeness(float(f.politeness.requests_per_second), f.politeness.concurrency),
        extraction=dict(f.extraction),
        path=path,
    )


def load_outlets(folder: Path) -> dict[str, Outlet]:
    """Load every outlet in a sources folder, keyed by id."""
    if not folder.is_dir():
        raise ConfigError(f"{folder}: sources folder not found")
    outlets = {}
    for path in sorted(folder.glob("*.toml")):
        outlet = load_outlet(path)
        outlets[outlet.id] = outlet
    if not outlets:
        raise ConfigError(f"{folder}: no outlet files (*.toml)")
    return outlets


def load_event(folder_or_file: Path) -> Event:
    """Load `seeds/<event>/event.toml` (given the folder or the file); raise ConfigError naming the file and field
    on any problem (unknown fields are ignored)."""
    path = Path(folder_or_file)
    if path.is_dir():
        path = path / "event.toml"
    elif not path.exists() and path.suffix != ".toml":
        raise ConfigError(f"{folder_or_file}: event folder not found (expected a folder holding event.toml)")
    f = validate(EventFile, _read_toml(path), path)
    offline = None
    if f.offline is not None:
        offline = Offline(path.parent / f.offline.site, {str(k): str(v) for k, v in f.offline.feeds.items()},
                          {str(k): str(v) for k, v in f.offline.sitemaps.items()})
    return Event(
        id=f.id,
        title=f.title,
        summary=f.summary,
        window_start=f.window_start,
        window_end=f.window_end,
        keywords=tuple(f.keywords),
        parties=tuple(Party(p.id, p.name, tuple(p.aliases), tuple(p.loaded_aliases), p.part_of,
                             tuple(p.places)) for p in f.parties),
        outlets=tuple(f.outlets) if f.outlets is not None else None,
        wording=tuple(WordingPair(w.loaded, w.neutral) for w in f.wording),
        urls=tuple(EventUrl(u.outlet, u.url, (path.parent / u.file) if u.file else None) for u in f.urls),
        offline=offline,
        folder=path.parent,
        story=f.story,
    )
