"""Per-host politeness asked for by the outlet files (`[politeness]` in `sources/*.toml`).

An outlet's `requests_per_second` and `concurrency` apply to the hosts it is fetched from: its homepage's, feeds'
and sitemaps' hosts, and the hosts of the article URLs discovered for it. The fetcher spaces requests to such a host
by the slower of its global `min_interval` and the outlet's own rate, and keeps at most the smaller of the two
concurrencies in flight. When two outlets share a host, the stricter of their limits holds.

Loopback hosts (`localhost`, `127.0.0.0/8`, `::1` written as such in the URL) are left out: they are the offline
mirror of `rashomon demo`, the tests and the benchmark, which serves every outlet from one local address; there the
global `min_interval` alone applies (0 in the benchmark). A real outlet host name always gets its outlet's limit, in
every mode, even if it resolves to a loopback address.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import httpx


@dataclass(frozen=True)
class HostLimit:
    """What one host asked for: request starts at least `interval` seconds apart, at most `concurrency` in flight."""

    interval: float
    concurrency: int

    def stricter(self, other: HostLimit | None) -> HostLimit:
        if other is None:
            return self
        return HostLimit(max(self.interval, other.interval), min(self.concurrency, other.concurrency))


def host_of(url: str) -> str:
    """The lower-cased host of a URL, "" when it has none or cannot be parsed."""
    try:
        return httpx.URL(url).host.lower()
    except Exception:  # noqa: BLE001
        return ""


def is_loopback_host(host: str) -> bool:
    """True for `localhost` and loopback IP literals: the local mirror, not an outlet's own server."""
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def outlet_limit(outlet) -> HostLimit:  # outlet: a sources.Outlet
    pol = outlet.politeness
    return HostLimit(1.0 / pol.requests_per_second, pol.concurrency)


def host_limits(outlets: Mapping[str, object] | Iterable[object],
                urls: Iterable[tuple[str, str]] = ()) -> dict[str, HostLimit]:
    """Host -> the strictest limit of the outlets fetched from it. `outlets`: Outlet objects (or a dict of them);
    `urls`: (outlet id, URL) pairs, e.g. the discovered articles, whose hosts get their outlet's limit too."""
    chosen = list(outlets.values()) if isinstance(outlets, Mapping) else list(outlets)
    by_id = {o.id: o for o in chosen}
    limits: dict[str, HostLimit] = {}

    def add(url: str, limit: HostLimit) -> None:
        host = host_of(url)
        if host and not is_loopback_host(host):
            limits[host] = limit.stricter(limits.get(host))

    for o in chosen:
        limit = outlet_limit(o)
        for url in (o.homepage, *o.feeds, *o.sitemaps):
            add(url, limit)
    for outlet_id, url in urls:
        if outlet_id in by_id:
            add(url, outlet_limit(by_id[outlet_id]))
    return limits
