"""discover.discover_event and its parts on small in-memory feeds: a fake fetcher answers each feed URL with a few
RSS items; no network, no server."""

from __future__ import annotations

import datetime as dt

from rashomon.discover import Item, discover_event, matches_event, parse_feed
from rashomon.fetch import FetchResult
from rashomon.sources import Event, EventUrl, Outlet, Party

EVENT = Event(
    id="tiny-clash", title="A tiny clash", summary="",
    window_start=dt.datetime(2022, 9, 12, tzinfo=dt.timezone.utc),
    window_end=dt.datetime(2022, 9, 20, tzinfo=dt.timezone.utc),
    keywords=("shelling",), parties=(Party("north", "Northland", ()),),
)


def rss(*items: tuple[str, str, str]) -> bytes:
    """(link, title, pubDate) → an RSS 2.0 feed."""
    body = "".join(f"<item><link>{link}</link><title>{title}</title><pubDate>{date}</pubDate></item>"
                   for link, title, date in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{body}</channel></rss>'.encode()


IN_WINDOW = "Tue, 13 Sep 2022 06:00:00 GMT"
BEFORE = "Mon, 01 Aug 2022 06:00:00 GMT"


class FeedFetcher:
    """Answers the URLs it knows with their bytes, any other with a 404."""

    def __init__(self, pages: dict[str, bytes]):
        self.pages, self.asked = pages, []

    def fetch(self, url, max_bytes=None):
        self.asked.append(url)
        if url in self.pages:
            return FetchResult(url, url, "ok", 200, self.pages[url], "application/rss+xml", "utf-8", None, None, (), None)
        return FetchResult(url, url, "http_error", 404, None, None, None, None, None, (), "404 Not Found")


def test_parse_feed_resolves_links_drops_other_schemes_and_strips_tracking():
    feed = rss(("/news/1?utm_source=rss", "Shelling one", IN_WINDOW), ("mailto:desk@wire.example", "Mail us", IN_WINDOW))
    items = parse_feed(feed, "https://wire.example/rss", "wire")
    assert [(i.url, i.title, i.source, i.listed_in) for i in items] == [
        ("https://wire.example/news/1", "Shelling one", "feed", "https://wire.example/rss")]
    assert items[0].published_at == dt.datetime(2022, 9, 13, 6, 0, tzinfo=dt.timezone.utc)


def test_matches_event_needs_a_keyword_and_a_date_inside_the_window():
    def item(title, when):
        return Item("wire", "https://wire.example/x", "feed", None, title, None, when)

    inside = dt.datetime(2022, 9, 13, tzinfo=dt.timezone.utc)
    assert matches_event(item("Overnight SHELLING near the border", inside), EVENT)
    assert matches_event(item("Overnight shelling", None), EVENT)          # undated: the keyword decides
    assert not matches_event(item("Overnight shelling", inside - dt.timedelta(days=30)), EVENT)
    assert not matches_event(item("Football results", inside), EVENT)


def test_discover_event_keeps_the_event_items_lists_failures_and_puts_hand_listed_urls_first():
    outlets = {
        "wire": Outlet("wire", "Wire", "https://wire.example", "en", "INT", "wire", feeds=("https://wire.example/rss",)),
        "daily": Outlet("daily", "Daily", "https://daily.example", "en", "NL", "daily",
                        feeds=("https://daily.example/rss",)),
    }
    event = EVENT.__class__(**{**EVENT.__dict__, "outlets": ("wire", "daily", "ghost"),
                               "urls": (EventUrl("daily", url="https://daily.example/by-hand"),)})
    fetcher = FeedFetcher({"https://wire.example/rss": rss(
        ("https://wire.example/a", "Shelling overnight", IN_WINDOW),
        ("https://wire.example/a", "Shelling overnight (again)", IN_WINDOW),
        ("https://wire.example/old", "Shelling last month", BEFORE),
        ("https://wire.example/sport", "Cup final", IN_WINDOW))})
    found = discover_event(event, outlets, fetcher, max_per_run=10)
    assert [(i.outlet_id, i.url, i.source) for i in found.items] == [
        ("daily", "https://daily.example/by-hand", "event_url"),
        ("wire", "https://wire.example/a", "feed"),
    ]
    assert found.listed == 4
    reasons = dict(found.failures)
    assert "no file in sources/" in reasons["ghost"]
    assert reasons["https://daily.example/rss"].startswith("feed not fetched: http_error")
    assert [f.url for f in found.fetches] == fetcher.asked == ["https://wire.example/rss", "https://daily.example/rss"]


def test_discover_event_caps_a_feed_and_says_what_it_left_out():
    outlets = {"wire": Outlet("wire", "Wire", "https://wire.example", "en", "INT", "wire",
                              feeds=("https://wire.example/rss",))}
    feed = rss(*[(f"https://wire.example/{n}", f"Shelling {n}", IN_WINDOW) for n in range(5)])
    found = discover_event(EVENT, outlets, FeedFetcher({"https://wire.example/rss": feed}), max_per_feed=2)
    assert [i.url for i in found.items] == ["https://wire.example/0", "https://wire.example/1"]
    (where, why), = found.left_out
    assert where == "https://wire.example/rss" and "3 of 5 matching items left out" in why
