"""`rashomon stories propose <story>`: a draft event folder (event.toml) from a story's articles, for a person to
edit: id, title, window, keywords, outlets and URLs, and parties with aliases drawn from the articles (places whose
people the articles name, their demonyms, and institutions: "Azerbaijani Defence Ministry" -> Azerbaijan)."""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import duckdb

from .. import atomic, store
from ..detect.parties import demonyms
from ..errors import ConfigError, RashomonError
from ..sources import EVENT_ID
from .features import ENTITY_LABELS, title_lead

RULES_FILE = Path(__file__).resolve().parent / "party_rules.toml"


@lru_cache(maxsize=1)
def rules() -> dict:
    return tomllib.loads(RULES_FILE.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class DraftParty:
    id: str
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Draft:
    event_id: str
    story_id: str
    title: str
    window_start: dt.datetime
    window_end: dt.datetime
    keywords: tuple[str, ...]
    outlets: tuple[str, ...]
    urls: tuple[tuple[str, str], ...]     # (outlet, url)
    parties: tuple[DraftParty, ...]


def slug(text: str, max_len: int = 48) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s[:max_len].rstrip("-") or "story"


def _institutions(text: str, head: str) -> set[str]:
    """Phrases in `text` made of `head` (a place or demonym) and capitalised words or an institution noun."""
    r = rules()
    skip = set(r["not_institution"])
    found = set()
    for m in re.finditer(rf"\b{re.escape(head)}(?:['’]s)?((?:\s+[A-Z][a-z]+){{1,3}})", text):
        words = [w for w in m.group(1).split()]
        while words and words[-1] in skip:
            words.pop()
        if words and words[0] not in skip:
            found.add(f"{head} {' '.join(words)}")
    nouns = "|".join(re.escape(n) for n in sorted(r["institution_nouns"], key=len, reverse=True))
    for m in re.finditer(rf"\b{re.escape(head)}\s+({nouns})\b", text):
        found.add(f"{head} {m.group(1)}")
    return found


def find_parties(nlp, texts: list[str]) -> tuple[list[DraftParty], Counter]:
    """Parties (places whose demonym the texts use) and every entity's number of texts, in their written form."""
    places: Counter = Counter()
    norps: Counter = Counter()
    named: Counter = Counter()
    for doc in nlp.pipe(texts, disable=["parser", "lemmatizer"]):
        seen = set()
        for e in doc.ents:
            if e.label_ not in ENTITY_LABELS:   # dates, numbers, money: not keywords
                continue
            name = re.sub(r"^the\s+", "", e.text.strip(), flags=re.IGNORECASE).strip(" .,'’")
            if not name or (name, e.label_) in seen:
                continue
            seen.add((name, e.label_))
            named[name] += 1
            if e.label_ in ("GPE", "LOC"):
                places[name] += 1
            elif e.label_ == "NORP":
                norps[name] += 1
    joined = "\n".join(texts)
    parties = []
    for place, _ in places.most_common():
        forms = [f for f in demonyms(place) if re.search(rf"\b{re.escape(f)}\b", joined)]
        if not forms:
            continue
        aliases: dict[str, None] = dict.fromkeys([place, *forms])
        for head in [place, *forms]:
            for phrase in sorted(_institutions(joined, head)):
                aliases.setdefault(phrase)
        pid = re.sub(r"[^a-z0-9]+", "_", place.lower()).strip("_")
        if pid and re.match(r"^[a-z]", pid):
            parties.append(DraftParty(pid, place, tuple(a for a in aliases if a != place)))
        if len(parties) >= rules()["max_parties"]:
            break
    return parties, named


def draft_event(con: duckdb.DuckDBPyConnection, story_id: str, nlp) -> Draft:
    """The draft for a stored story; RashomonError naming the story when it is unknown."""
    arts = store.rows(con, "select_story_articles", story_id=story_id)
    if not arts:
        known = store.rows(con, "select_stories", min_outlets=0, since=None)
        hint = f" (known: {', '.join(s['story_id'] for s in known[:5])}{' …' if len(known) > 5 else ''})" if known \
            else " (no stories yet: run `rashomon stories discover`)"
        raise RashomonError(f"unknown story {story_id!r}{hint}; see `rashomon stories list`")
    r = rules()
    texts = [title_lead(a["title"], a["text"], 2000) for a in arts]
    parties, named = find_parties(nlp, texts)
    aliases = {a.lower() for p in parties for a in (p.name, *p.aliases)}
    keywords = [p.name for p in parties]
    for name, n in named.most_common():
        if len(keywords) >= r["max_keywords"]:
            break
        if n >= 2 and name.lower() not in aliases and name not in keywords and not re.fullmatch(r"[\d\W]+", name):
            keywords.append(name)
    times = [a["published_at"] for a in arts if a["published_at"] is not None]
    first = min(times) if times else dt.datetime.now(dt.UTC)
    last = max(times) if times else first
    start = dt.datetime.combine(first.date(), dt.time(), dt.UTC) - dt.timedelta(days=r["window_before_days"])
    end = dt.datetime.combine(last.date(), dt.time(), dt.UTC) + dt.timedelta(days=r["window_after_days"])
    title = max(arts, key=lambda a: a["score"] or 0.0)["title"] or story_id
    stored_title = store.rows(con, "select_stories", min_outlets=0, since=None)
    title = next((s["title"] for s in stored_title if s["story_id"] == arts[0]["story_id"]), title)
    event_id = f"{first:%Y-%m-%d}-{slug(title, 40)}-{arts[0]['story_id'][2:6]}"
    if not EVENT_ID.match(event_id):
        raise RashomonError(f"cannot make an event id from story {story_id!r} ({event_id!r})")
    outlets = tuple(dict.fromkeys(sorted(a["outlet_id"] for a in arts)))
    urls = tuple((a["outlet_id"], a["canonical_url"] or a["url"]) for a in arts)
    return Draft(event_id, arts[0]["story_id"], title, start, end, tuple(keywords), outlets, urls, tuple(parties))


def _q(s: str) -> str:
    """A TOML basic string (JSON's escapes are valid TOML)."""
    return json.dumps(s, ensure_ascii=False)


def _list(items) -> str:
    return "[" + ", ".join(_q(i) for i in items) + "]"


def render_toml(d: Draft) -> str:
    lines = [
        f"# DRAFT proposed by `rashomon stories propose {d.story_id}`: check every field before running it.",
        "# Parties and aliases were drawn from the articles (places, their demonyms, institutions): merge, rename,",
        "# drop or add as the event needs (format: docs/formats.md).",
        "",
        f"id = {_q(d.event_id)}",
        f"title = {_q(d.title)}",
        f"story = {_q(d.story_id)}",
        'summary = ""',
        f"window_start = {d.window_start:%Y-%m-%dT%H:%M:%SZ}",
        f"window_end   = {d.window_end:%Y-%m-%dT%H:%M:%SZ}",
        f"keywords = {_list(d.keywords)}",
        f"outlets = {_list(d.outlets)}",
    ]
    for p in d.parties:
        lines += ["", "[[parties]]", f"id = {_q(p.id)}", f"name = {_q(p.name)}", f"aliases = {_list(p.aliases)}",
                  "loaded_aliases = []"]
    if not d.parties:
        lines += ["", "# No party was found in the articles: name at least one.", "[[parties]]", 'id = "todo"',
                  'name = "TODO"', "aliases = []"]
    for outlet, url in d.urls:
        lines += ["", "[[urls]]", f"outlet = {_q(outlet)}", f"url = {_q(url)}"]
    return "\n".join(lines) + "\n"


def write_draft(d: Draft, root: Path, *, force: bool = False) -> Path:
    """Write `<root>/<event id>/event.toml` atomically; refuse to overwrite an existing event unless `force`."""
    root = Path(root).resolve()
    folder = (root / d.event_id).resolve()
    if folder.parent != root:
        raise ConfigError(f"event id {d.event_id!r} would leave {root}")
    target = folder / "event.toml"
    if target.exists() and not force:
        raise RashomonError(f"{target} exists: edit it, or pass --force to replace it with a new draft")
    folder.mkdir(parents=True, exist_ok=True)
    atomic.write_text(target, render_toml(d), mode=0o600)
    return folder
