"""Discovery: which article URLs belong to an event (feeds, explicit URLs and local files in event.toml).

Feeds are parsed with feedparser rather than trafilatura's feed helper: feedparser returns each item's title,
summary and date (trafilatura's helper returns links only), and the event is selected by keywords and time window.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import courlan
import feedparser

from . import stopping
from .sources import Event

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Item:
    outlet_id: str
    url: str
    source: str                 # feed | sitemap | event_url | event_file
    listed_in: str | None
    title: str | None = None
    summary: str | None = None
    published_at: dt.datetime | None = None


def _entry_time(entry) -> dt.datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return dt.datetime.fromtimestamp(calendar.timegm(value), tz=dt.timezone.utc)
    return None


def normalise_url(url: str) -> str:
    """Lower-case host, default port dropped, tracking parameters (utm_*, fbclid, …) and fragments removed."""
    try:
        url = courlan.normalize_url(url)
    except Exception:  # courlan rejects some odd but fetchable URLs: keep them as they are
        pass
    return url.split("#", 1)[0]


def parse_feed(content: bytes, feed_url: str, outlet_id: str) -> list[Item]:
    """Items of an RSS/Atom feed; relative links are resolved against the feed's URL."""
    parsed = feedparser.parse(content)
    items = []
    for entry in parsed.entries:
        link = entry.get("link") or next((l.get("href") for l in entry.get("links", []) if l.get("href")), None)
        if not link:
            continue
        url = urljoin(feed_url, link.strip())
        if urlsplit(url).scheme not in ("http", "https"):
            continue
        url = normalise_url(url)
        summary = re.sub(r"<[^>]+>", " ", entry.get("summary", "") or "")
        items.append(Item(outlet_id, url, "feed", feed_url, entry.get("title"), summary.strip() or None, _entry_time(entry)))
    if not items and parsed.bozo:
        log.warning("feed %s: not a readable feed (%s)", feed_url, parsed.get("bozo_exception"))
    return items


def is_feed(content: bytes) -> bool:
    parsed = feedparser.parse(content)
    return bool(parsed.entries) or bool(parsed.get("version"))


def matches_event(item: Item, event: Event) -> bool:
    """In the event's window (when the item is dated) and naming one of its keywords in title, summary or URL."""
    if item.published_at is not None and not (event.window_start <= item.published_at < event.window_end):
        return False
    haystack = " ".join(filter(None, (item.title, item.summary, item.url))).lower()
    return any(k.lower() in haystack for k in event.keywords)


@dataclass(frozen=True)
class Discovery:
    items: list[Item]
    listed: int                      # items read from feeds before filtering
    failures: list[tuple[str, str]]  # (feed or outlet, reason)
    fetches: list                    # FetchResults of the feeds, for fetch_log
    skipped: list[tuple[Item, str]] = field(default_factory=list)  # event items not fetched, and why
    left_out: list[tuple[str, str]] = field(default_factory=list)  # (feed, sitemap or "run", why): over a cap


def url_filter(outlets: dict, base_url: str | None):
    """Outlet id -> compiled `article_url_pattern`. Not applied to the offline mirror (`base_url` given): its URLs
    are the mirror's, not the outlet's."""
    if base_url is not None:
        return {}
    return {o.id: re.compile(o.article_url_pattern) for o in outlets.values() if o.article_url_pattern}


def off_pattern(item: Item, patterns: dict, outlets: dict) -> str | None:
    """Why a listed item is not an article of its outlet (its URL does not match the outlet's pattern), or None."""
    pattern = patterns.get(item.outlet_id)
    if pattern is None or pattern.match(item.url):
        return None
    where = getattr(outlets[item.outlet_id], "path", None)
    where = where.name if where is not None else f"{item.outlet_id}.toml"
    return f"not fetched: the URL does not match article_url_pattern of {where} ({pattern.pattern})"


def _wanted_outlets(event: Event, outlets: dict) -> list[str]:
    """The outlets an event draws on: its `outlets` list, or every outlet in the registry."""
    return list(event.outlets) if event.outlets is not None else sorted(outlets)


def feed_urls(event: Event, outlets: dict, base_url: str | None = None) -> dict[str, list[str]]:
    """Outlet id → the feeds to read: the offline mirror's feeds when `base_url` is given, else the outlets' own."""
    wanted = _wanted_outlets(event, outlets)
    if base_url is not None:
        if event.offline is None:
            from .errors import ConfigError

            raise ConfigError(f"event {event.id} has no [offline] section: it cannot run offline")
        return {o: [urljoin(base_url.rstrip("/") + "/", event.offline.feeds[o])] for o in wanted if o in event.offline.feeds}
    return {o: list(outlets[o].feeds) for o in wanted if o in outlets}


def _fetch_listing(fetcher, url: str, max_bytes: int | None):
    """A feed or sitemap file, under its own size cap when one is given."""
    return fetcher.fetch(url) if max_bytes is None else fetcher.fetch(url, max_bytes=max_bytes)


def sitemap_items(fetcher, url: str, outlet_id: str, *, max_sitemaps: int = 20,
                  max_bytes: int | None = None) -> tuple[list[Item], list, list[tuple[str, str]]]:
    """The entries of a news sitemap, following a sitemap index (breadth first, at most `max_sitemaps` files)."""
    from .sitemaps import parse_sitemap

    items: list[Item] = []
    fetches, failures = [], []
    queue, seen = [url], set()
    while queue and len(seen) < max_sitemaps:
        current = queue.pop(0)
        if current in seen:
            continue
        seen.add(current)
        result = _fetch_listing(fetcher, current, max_bytes)
        fetches.append(result)
        if not result.ok:
            failures.append((current, f"sitemap not fetched: {result.outcome}: {result.error or result.status}"))
            continue
        sm = parse_sitemap(result.content)
        if not sm.entries and not sm.children:
            failures.append((current, "not a sitemap"))
        queue.extend(urljoin(current, c) for c in sm.children)
        for e in sm.entries:
            u = urljoin(current, e.url)
            if urlsplit(u).scheme in ("http", "https"):
                items.append(Item(outlet_id, normalise_url(u), "sitemap", current, e.title, None, e.published_at))
    return items, fetches, failures


def sitemap_urls(event: Event, outlets: dict, base_url: str | None = None) -> dict[str, list[str]]:
    """Outlet id → the sitemaps to read (the offline mirror lists none unless its event says so)."""
    wanted = _wanted_outlets(event, outlets)
    if base_url is not None:
        return {o: [urljoin(base_url.rstrip("/") + "/", p)] for o, p in (event.offline.sitemaps or {}).items() if o in wanted}
    return {o: list(outlets[o].sitemaps) for o in wanted if o in outlets}


def cap(found: list[Item], limit: int | None, where: str, setting: str) -> tuple[list[Item], tuple[str, str] | None]:
    """The first `limit` items (in the order the feed lists them) and, when some are left out, (where, why)."""
    if limit is None or len(found) <= limit:
        return found, None
    why = (f"{len(found) - limit} of {len(found)} matching items left out: more than {setting} = {limit} "
           f"(raise it in rashomon.toml or RASHOMON_{setting.upper()} to take more)")
    log.warning("%s: %s", where, why)
    return found[:limit], (where, why)


def discover_event(event: Event, outlets: dict, fetcher, base_url: str | None = None, *,
                   max_per_feed: int | None = None, max_per_run: int | None = None,
                   max_feed_bytes: int | None = None) -> Discovery:
    """Read the event's outlets' feeds and news sitemaps, keep the items of the event; add the URLs and files the
    event lists. A feed or sitemap file gives at most `max_per_feed` matching items, the run at most `max_per_run`
    (the event's own URLs and files first); what is left out is listed in `left_out`. A feed or sitemap file over
    `max_feed_bytes` is not read (a failure: too_large)."""
    items: list[Item] = []
    left_out: list[tuple[str, str]] = []
    failures: list[tuple[str, str]] = []
    fetches = []
    listed = 0
    unknown = [o for o in (event.outlets or ()) if o not in outlets]
    for o in unknown:
        failures.append((o, f"outlet {o!r} is listed in the event but has no file in sources/"))
    patterns = url_filter(outlets, base_url)
    skipped: list[tuple[Item, str]] = []

    def keep(found: list[Item], where: str) -> list[Item]:
        kept = []
        for i in found:
            if not matches_event(i, event):
                continue
            why = off_pattern(i, patterns, outlets)
            if why is None:
                kept.append(i)
            else:
                skipped.append((i, why))
        kept, over = cap(kept, max_per_feed, where, "max_items_per_feed")
        if over:
            left_out.append(over)
        return kept

    maps = sitemap_urls(event, outlets, base_url)
    for outlet_id, urls in maps.items():
        for url in urls:
            stopping.check("in discovery")
            found, got, failed = sitemap_items(fetcher, url, outlet_id, max_bytes=max_feed_bytes)
            fetches.extend(got)
            failures.extend(failed)
            listed += len(found)
            items.extend(keep(found, url))
    for outlet_id, urls in feed_urls(event, outlets, base_url).items():
        if not urls and not maps.get(outlet_id):
            failures.append((outlet_id, "outlet has no feeds or sitemaps to read"))
        for url in urls:
            stopping.check("in discovery")
            result = _fetch_listing(fetcher, url, max_feed_bytes)
            fetches.append(result)
            if not result.ok:
                failures.append((url, f"feed not fetched: {result.outcome}: {result.error or result.status}"))
                continue
            found = parse_feed(result.content, result.final_url or url, outlet_id)
            if not found and not is_feed(result.content):
                failures.append((url, "not an RSS/Atom feed"))
            listed += len(found)
            items.extend(keep(found, url))
    by_hand = []
    for extra in event.urls:  # listed by hand: taken as they are (article_url_pattern filters what feeds list)
        if extra.url:
            by_hand.append(Item(extra.outlet, normalise_url(extra.url), "event_url", None))
        elif extra.file is not None:
            by_hand.append(Item(extra.outlet, extra.file.resolve().as_uri(), "event_file", None))
    # One item per URL (first sighting wins); under the run's cap, the event's own URLs come first.
    seen: set[str] = set()
    unique = [i for i in items + by_hand if not (i.url in seen or seen.add(i.url))]
    hand = {i.url for i in by_hand}
    unique = [i for i in unique if i.url in hand] + [i for i in unique if i.url not in hand]
    unique, over = cap(unique, max_per_run, "run", "max_items_per_run")
    if over:
        left_out.append(over)
    # A URL skipped once is reported once, and not at all if it was kept (e.g. also listed by hand).
    skipped = [(i, why) for i, why in skipped if not (i.url in seen or seen.add(i.url))]
    log.info("discovered %d items for %s (%d listed in feeds, %d off their outlet's article_url_pattern)",
             len(unique), event.id, listed, len(skipped))
    return Discovery(unique, listed, failures, fetches, skipped, left_out)
