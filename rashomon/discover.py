"""Discovery: which article URLs belong to an event (feeds, explicit URLs and local files in event.toml).

Feeds are parsed with feedparser rather than trafilatura's feed helper: feedparser returns each item's title,
summary and date (trafilatura's helper returns links only), and the event is selected by keywords and time window.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import feedparser

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


def feed_urls(event: Event, outlets: dict, base_url: str | None = None) -> dict[str, list[str]]:
    """Outlet id → the feeds to read: the offline mirror's feeds when `base_url` is given, else the outlets' own."""
    wanted = list(event.outlets) if event.outlets is not None else sorted(outlets)
    if base_url is not None:
        if event.offline is None:
            from .errors import ConfigError

            raise ConfigError(f"event {event.id} has no [offline] section: it cannot run offline")
        return {o: [urljoin(base_url.rstrip("/") + "/", event.offline.feeds[o])] for o in wanted if o in event.offline.feeds}
    return {o: list(outlets[o].feeds) for o in wanted if o in outlets}


def discover_event(event: Event, outlets: dict, fetcher, base_url: str | None = None) -> Discovery:
    """Read the event's outlets' feeds, keep the items of the event; add the URLs and files the event lists."""
    items: list[Item] = []
    failures: list[tuple[str, str]] = []
    fetches = []
    listed = 0
    unknown = [o for o in (event.outlets or ()) if o not in outlets]
    for o in unknown:
        failures.append((o, f"outlet {o!r} is listed in the event but has no file in sources/"))
    for outlet_id, urls in feed_urls(event, outlets, base_url).items():
        if not urls:
            failures.append((outlet_id, "outlet has no feeds to read"))
        for url in urls:
            result = fetcher.fetch(url)
            fetches.append(result)
            if not result.ok:
                failures.append((url, f"feed not fetched: {result.outcome}: {result.error or result.status}"))
                continue
            found = parse_feed(result.content, result.final_url or url, outlet_id)
            if not found and not is_feed(result.content):
                failures.append((url, "not an RSS/Atom feed"))
            listed += len(found)
            items.extend(i for i in found if matches_event(i, event))
    for extra in event.urls:
        if extra.url:
            items.append(Item(extra.outlet, extra.url, "event_url", None))
        elif extra.file is not None:
            items.append(Item(extra.outlet, extra.file.resolve().as_uri(), "event_file", None))
    # One item per URL (first sighting wins).
    seen: set[str] = set()
    unique = [i for i in items if not (i.url in seen or seen.add(i.url))]
    log.info("discovered %d items for %s (%d listed in feeds)", len(unique), event.id, listed)
    return Discovery(unique, listed, failures, fetches)
