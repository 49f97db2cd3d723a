"""Outlet files mean what they say (issue 15): `[politeness]` spaces and limits requests to the outlet's hosts,
`article_url_pattern` keeps only the outlet's article URLs among what its feeds and sitemaps list."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest

from rashomon.fetch import Fetcher, FetchPolicy
from rashomon.sources import load_outlets

try:
    from tests.hostile_site import HostileSite, serve_hostile_site
except ImportError:  # pragma: no cover - run from tests/
    from hostile_site import HostileSite, serve_hostile_site

SERVER_SKEW = 0.1  # as in test_fetch.py: the server sees request starts through thread scheduling


@pytest.fixture(scope="module")
def site() -> Iterator[HostileSite]:
    with serve_hostile_site() as s:
        yield s


def _policy(**overrides: object) -> FetchPolicy:
    values: dict[str, object] = {"allow_private": True, "min_interval": 0.0, "total_timeout": 10.0, "max_attempts": 1}
    values.update(overrides)
    return FetchPolicy(**values)  # type: ignore[arg-type]


def _gaps(times: list[float]) -> list[float]:
    times = sorted(times)
    return [b - a for a, b in pairwise(times)]


def test_outlet_rate_spaces_its_host_even_when_the_global_interval_is_zero(site: HostileSite) -> None:
    from rashomon.hostlimits import HostLimit

    site.reset()
    port = site.base_url.rsplit(":", 1)[1]
    limited = [f"http://127.0.0.1:{port}/ok.html?key=a{i}" for i in range(4)]  # the outlet asks 4 requests/s
    free = [f"http://localhost:{port}/ok.html?key=b{i}" for i in range(4)]  # no outlet: the global 0 s
    with Fetcher(_policy(), host_limits={"127.0.0.1": HostLimit(0.25, 1)}) as fetcher:
        assert all(r.ok for r in fetcher.fetch_many(limited + free))
    at = {h: [r.at for r in site.requests() if r.host.startswith(h)] for h in ("127.0.0.1", "localhost")}
    assert len(at["127.0.0.1"]) == 5  # robots.txt + 4 pages
    assert min(_gaps(at["127.0.0.1"])) >= 0.25 - SERVER_SKEW
    assert sum(_gaps(at["127.0.0.1"])) >= 4 * 0.25 - SERVER_SKEW
    assert sum(_gaps(at["localhost"])) < 0.6  # the other host is not slowed down


def test_outlet_concurrency_caps_requests_in_flight(site: HostileSite) -> None:
    from rashomon.hostlimits import HostLimit

    site.reset()
    urls = [site.url(f"/delay?ms=150&key={i}") for i in range(3)]
    with Fetcher(_policy(per_host_concurrency=3), host_limits={"127.0.0.1": HostLimit(0.0, 1)}) as fetcher:
        assert all(r.ok for r in fetcher.fetch_many(urls))
    assert site.max_in_flight == 1
    site.reset()
    with Fetcher(_policy(per_host_concurrency=3)) as fetcher:  # without the outlet's limit: 3 at once
        assert all(r.ok for r in fetcher.fetch_many(urls))
    assert site.max_in_flight >= 2


def test_the_slower_of_global_and_outlet_wins() -> None:
    from rashomon.hostlimits import HostLimit

    with Fetcher(_policy(min_interval=3.0, per_host_concurrency=2),
                 host_limits={"slow.example": HostLimit(5.0, 4), "fast.example": HostLimit(0.1, 1)}) as fetcher:
        assert fetcher.limit_for("slow.example") == HostLimit(5.0, 2)
        assert fetcher.limit_for("fast.example") == HostLimit(3.0, 1)
        assert fetcher.limit_for("other.example") == HostLimit(3.0, 2)


def _outlet(folder: Path, outlet_id: str, homepage: str, rps: float, conc: int = 1, feeds: str = "[]") -> None:
    (folder / f"{outlet_id}.toml").write_text(
        f'id = "{outlet_id}"\nname = "{outlet_id}"\nhomepage = "{homepage}"\nlanguage = "en"\ncountry = "US"\n'
        f'perspective = "x"\nfeeds = {feeds}\n\n[politeness]\nrequests_per_second = {rps}\nconcurrency = {conc}\n')


def test_host_limits_from_outlet_files(tmp_path: Path) -> None:
    from rashomon.hostlimits import HostLimit, host_limits

    _outlet(tmp_path, "slow", "https://www.slow.example/", 0.5, feeds='["https://feeds.slow.example/rss"]')
    _outlet(tmp_path, "wire", "https://wire.example/", 2.0, conc=3)
    _outlet(tmp_path, "twin", "https://wire.example/en", 1.0, conc=4)  # shares wire's host: the stricter holds
    outlets = load_outlets(tmp_path)
    limits = host_limits(outlets, [("slow", "https://cdn.slow.example/a.html"), ("slow", "http://127.0.0.1:8765/a"),
                                   ("unknown", "https://elsewhere.example/")])
    assert limits == {
        "www.slow.example": HostLimit(2.0, 1),
        "feeds.slow.example": HostLimit(2.0, 1),
        "cdn.slow.example": HostLimit(2.0, 1),  # a discovered article's host gets its outlet's rate
        "wire.example": HostLimit(1.0, 3),
    }  # the offline mirror on 127.0.0.1 serves every outlet: left to the global min_interval


def test_fetch_and_discover_tasks_give_the_fetcher_the_outlets_limits() -> None:
    import inspect

    from rashomon.flows import tasks

    assert "host_limits=" in inspect.getsource(tasks.discover_task.fn)
    assert "outlets" in inspect.signature(tasks.fetch_task.fn).parameters
    assert "host_limits=" in inspect.getsource(tasks.fetch_task.fn)


FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>Clash at the border</title><link>https://www.slow.example/news/2022/08/03/clash-at-the-border</link></item>
<item><title>Clash at the border: live page</title><link>https://www.slow.example/live/clash</link></item>
<item><title>Clash video</title><link>https://video.slow.example/clash</link></item>
<item><title>Weather</title><link>https://www.slow.example/news/2022/08/03/weather</link></item>
</channel></rss>"""


class _FeedFetcher:
    """Stands in for Fetcher in discovery: every feed answers with FEED, its links on the feed's own site."""

    def fetch(self, url: str):
        from rashomon.fetch import FetchResult

        body = FEED.replace(b"slow.example", url.split("/")[2].removeprefix("www.").encode())
        return FetchResult(url, url, "ok", 200, body, "application/rss+xml", "utf-8", None, None, (), None)


def _event(tmp_path: Path, outlet_ids: list[str], urls: str = ""):
    from rashomon.sources import load_event

    folder = tmp_path / "clash-2022-08-03"
    folder.mkdir()
    outlets = ", ".join(f'"{o}"' for o in outlet_ids)
    (folder / "event.toml").write_text(
        'id = "clash-2022-08-03"\ntitle = "Clash"\nsummary = "A clash."\nwindow_start = 2022-08-01T00:00:00Z\n'
        f'window_end = 2022-08-10T00:00:00Z\nkeywords = ["clash"]\noutlets = [{outlets}]\n'
        '[[parties]]\nid = "a"\nname = "A"\naliases = []\n[[parties]]\nid = "b"\nname = "B"\naliases = []\n' + urls)
    return load_event(folder)


def test_article_url_pattern_drops_other_urls_listed_in_feeds(tmp_path: Path) -> None:
    from rashomon.discover import discover_event

    sources = tmp_path / "sources"
    sources.mkdir()
    _outlet(sources, "slow", "https://www.slow.example/", 0.5, feeds='["https://www.slow.example/rss"]')
    (sources / "slow.toml").write_text((sources / "slow.toml").read_text().replace(
        "feeds =", "article_url_pattern = '^https://www\\.slow\\.example/news/\\d{4}/'\nfeeds ="))
    _outlet(sources, "open", "https://open.example/", 1.0, feeds='["https://open.example/rss"]')  # no pattern
    outlets = load_outlets(sources)
    hand = '[[urls]]\noutlet = "slow"\nurl = "https://www.slow.example/live/clash"\n'  # listed by hand: kept
    found = discover_event(_event(tmp_path, ["slow", "open"], hand), outlets, _FeedFetcher())
    by_outlet = {o: sorted(i.url for i in found.items if i.outlet_id == o) for o in ("slow", "open")}
    assert by_outlet["slow"] == ["https://www.slow.example/live/clash",
                                 "https://www.slow.example/news/2022/08/03/clash-at-the-border"]
    assert len(by_outlet["open"]) == 3  # every item naming the event: the outlet has no pattern
    assert [i.url for i, _ in found.skipped] == ["https://video.slow.example/clash"]
    assert all("article_url_pattern of slow.toml" in why for _, why in found.skipped)


def test_article_url_pattern_is_not_applied_to_the_offline_mirror(tmp_path: Path) -> None:
    from rashomon.discover import url_filter

    sources = tmp_path / "sources"
    sources.mkdir()
    _outlet(sources, "slow", "https://www.slow.example/", 0.5)
    (sources / "slow.toml").write_text((sources / "slow.toml").read_text().replace(
        "feeds =", "article_url_pattern = '^https://www\\.slow\\.example/news/'\nfeeds ="))
    outlets = load_outlets(sources)
    assert url_filter(outlets, "http://127.0.0.1:8765") == {}
    assert set(url_filter(outlets, None)) == {"slow"}
