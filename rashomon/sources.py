"""Load and validate the outlet registry (`sources/*.toml`) and event definitions (`seeds/<event>/event.toml`)."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .moments import utc

OUTLET_ID = re.compile(r"^[a-z][a-z0-9_]*$")
EVENT_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
PARTY_ID = re.compile(r"^[a-z][a-z0-9_]*$")


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


def _read_toml(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise ConfigError(f"{path}: file not found")
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc


class _Fields:
    """Typed access to a TOML table, with errors that name the file and the field."""

    def __init__(self, data: dict[str, Any], path: Path, prefix: str = ""):
        self.data, self.path, self.prefix = data, path, prefix

    def err(self, key: str, msg: str) -> ConfigError:
        return ConfigError(f"{self.path}: field '{self.prefix}{key}' {msg}")

    def get(self, key: str, kind: type | tuple[type, ...], default: Any = ..., *, nonempty: bool = False) -> Any:
        if key not in self.data:
            if default is ...:
                raise self.err(key, "is required")
            return default
        value = self.data[key]
        if not isinstance(value, kind) or isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,)):
            names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            raise self.err(key, f"must be {names}, got {type(value).__name__}: {value!r}")
        if nonempty and not value:
            raise self.err(key, "must not be empty")
        return value

    def strings(self, key: str, default: Any = ()) -> tuple[str, ...]:
        value = self.get(key, list, list(default))
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise self.err(f"{key}[{i}]", f"must be a non-empty string, got {item!r}")
        return tuple(value)

    def refuse_unknown(self, known: tuple[str, ...]) -> None:
        """A key the loader does not read is a typo or a wish: refuse it rather than silently ignore it."""
        for key in self.data:
            if key not in known:
                raise self.err(key, f"is not a known field (known: {', '.join(known)})")

    def table(self, key: str) -> "_Fields":
        return _Fields(self.get(key, dict, {}), self.path, f"{self.prefix}{key}.")


def _check_url(f: _Fields, key: str, url: str) -> None:
    if not re.match(r"^https?://[^/\s]+", url):
        raise f.err(key, f"must be an http(s) URL, got {url!r}")


OUTLET_FIELDS = ("id", "name", "homepage", "language", "country", "perspective", "description", "feeds", "sitemaps",
                 "article_url_pattern", "politeness", "extraction")
POLITENESS_FIELDS = ("requests_per_second", "concurrency")


def load_outlet(path: Path) -> Outlet:
    """Load one `sources/<id>.toml`; raise ConfigError naming the file and field on any problem (an unknown
    field included)."""
    f = _Fields(_read_toml(path), path)
    f.refuse_unknown(OUTLET_FIELDS)
    outlet_id = f.get("id", str, nonempty=True)
    if not OUTLET_ID.match(outlet_id):
        raise f.err("id", f"must be snake_case, got {outlet_id!r}")
    if outlet_id != path.stem:
        raise f.err("id", f"must equal the file name stem {path.stem!r}, got {outlet_id!r}")
    homepage = f.get("homepage", str, nonempty=True)
    _check_url(f, "homepage", homepage)
    feeds, sitemaps = f.strings("feeds"), f.strings("sitemaps")
    for i, url in enumerate(feeds):
        _check_url(f, f"feeds[{i}]", url)
    for i, url in enumerate(sitemaps):
        _check_url(f, f"sitemaps[{i}]", url)
    pattern = f.get("article_url_pattern", str, None)
    if pattern is not None:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise f.err("article_url_pattern", f"is not a valid regular expression: {exc}") from exc
    pol = f.table("politeness")
    pol.refuse_unknown(POLITENESS_FIELDS)
    rps = pol.get("requests_per_second", (int, float), 1.0)
    conc = pol.get("concurrency", int, 1)
    if not 0 < rps <= 100:
        raise pol.err("requests_per_second", f"must be in (0, 100], got {rps}")
    if not 1 <= conc <= 16:
        raise pol.err("concurrency", f"must be in [1, 16], got {conc}")
    return Outlet(
        id=outlet_id,
        name=f.get("name", str, nonempty=True),
        homepage=homepage,
        language=f.get("language", str, nonempty=True),
        country=f.get("country", str, nonempty=True),
        perspective=f.get("perspective", str, nonempty=True),
        description=f.get("description", str, ""),
        feeds=feeds,
        sitemaps=sitemaps,
        article_url_pattern=pattern,
        politeness=Politeness(float(rps), conc),
        extraction=f.get("extraction", dict, {}),
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


def _datetime(f: _Fields, key: str) -> dt.datetime:
    value = f.get(key, (dt.datetime, dt.date))
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day)
    return utc(value)


def load_event(folder_or_file: Path) -> Event:
    """Load `seeds/<event>/event.toml` (given the folder or the file)."""
    path = Path(folder_or_file)
    if path.is_dir():
        path = path / "event.toml"
    elif not path.exists() and path.suffix != ".toml":
        raise ConfigError(f"{folder_or_file}: event folder not found (expected a folder holding event.toml)")
    f = _Fields(_read_toml(path), path)
    event_id = f.get("id", str, nonempty=True)
    if not EVENT_ID.match(event_id):
        raise f.err("id", f"must be kebab-case (a-z, 0-9, -), got {event_id!r}")
    if path.name == "event.toml" and event_id != path.parent.name:
        raise f.err("id", f"must equal the folder name {path.parent.name!r}, got {event_id!r}")
    start, end = _datetime(f, "window_start"), _datetime(f, "window_end")
    if end <= start:
        raise f.err("window_end", "must be after window_start")
    parties = []
    for i, raw in enumerate(f.get("parties", list, nonempty=True)):
        pf = _Fields(raw, path, f"parties[{i}].")
        pid = pf.get("id", str, nonempty=True)
        if not PARTY_ID.match(pid):
            raise pf.err("id", f"must be snake_case, got {pid!r}")
        parties.append(Party(pid, pf.get("name", str, nonempty=True), pf.strings("aliases"), pf.strings("loaded_aliases")))
    if len({p.id for p in parties}) != len(parties):
        raise f.err("parties", "has duplicate ids")
    wording = []
    for i, raw in enumerate(f.get("wording", list, [])):
        wf = _Fields(raw, path, f"wording[{i}].")
        wording.append(WordingPair(wf.get("loaded", str, nonempty=True), wf.get("neutral", str, nonempty=True)))
    urls = []
    for i, raw in enumerate(f.get("urls", list, [])):
        uf = _Fields(raw, path, f"urls[{i}].")
        url, file = uf.get("url", str, None), uf.get("file", str, None)
        if (url is None) == (file is None):
            raise uf.err("url", "or 'file' must be given (exactly one)")
        if url is not None:
            _check_url(uf, "url", url)
        urls.append(EventUrl(uf.get("outlet", str, nonempty=True), url, (path.parent / file) if file else None))
    offline = None
    if "offline" in f.data:
        of = f.table("offline")
        site = path.parent / of.get("site", str, "site")
        feeds = of.get("feeds", dict, {})
        maps = of.get("sitemaps", dict, {})
        if not site.is_dir():
            raise of.err("site", f"folder {site} not found")
        offline = Offline(site, {str(k): str(v) for k, v in feeds.items()}, {str(k): str(v) for k, v in maps.items()})
    outlets = f.get("outlets", list, None)
    return Event(
        id=event_id,
        title=f.get("title", str, nonempty=True),
        summary=f.get("summary", str, ""),
        window_start=start,
        window_end=end,
        keywords=f.strings("keywords"),
        parties=tuple(parties),
        outlets=tuple(outlets) if outlets is not None else None,
        wording=tuple(wording),
        urls=tuple(urls),
        offline=offline,
        folder=path.parent,
        story=f.get("story", str, None),
    )
