"""`rashomon sources check`: fetch each outlet's feeds and sitemaps once and say what came back."""

from __future__ import annotations

from dataclasses import dataclass

from .discover import is_feed, parse_feed
from .sitemaps import parse_sitemap
from .sources import Outlet


@dataclass(frozen=True)
class CheckRow:
    outlet_id: str
    kind: str          # feed | sitemap | none
    url: str
    outcome: str       # ok | unreachable | http_error | refused | not_a_feed | …
    status: int | None
    items: int         # entries found when ok
    detail: str


_UNREACHABLE = {"network_error", "timeout"}


def check_outlets(outlets: list[Outlet], fetcher) -> list[CheckRow]:
    """One fetch per feed/sitemap (different hosts in parallel, each host politely). Never raises."""
    targets = [(o.id, "feed", u) for o in outlets for u in o.feeds]
    targets += [(o.id, "sitemap", u) for o in outlets for u in o.sitemaps]
    results = fetcher.fetch_many([u for _, _, u in targets]) if targets else []
    rows = []
    for (outlet_id, kind, url), r in zip(targets, results):
        if r.ok:
            if kind == "feed":
                n = len(parse_feed(r.content, r.final_url or url, outlet_id))
                outcome = "ok" if n or is_feed(r.content) else "not_a_feed"
            else:
                sm = parse_sitemap(r.content)
                n = len(sm.entries) + len(sm.children)
                outcome = "ok" if n else "not_a_sitemap"
            rows.append(CheckRow(outlet_id, kind, url, outcome, r.status, n, f"{len(r.content or b'')} bytes"))
        else:
            outcome = r.outcome
            # robots.txt could not be fetched because the host did not answer: that is the host being unreachable
            robots_down = r.outcome == "robots_disallowed" and "unavailable (" in (r.error or "") and (
                "connect" in (r.error or "") or "timed out" in (r.error or "") or "resolve" in (r.error or ""))
            if r.outcome in _UNREACHABLE or robots_down:
                outcome = "unreachable"
            rows.append(CheckRow(outlet_id, kind, url, outcome, r.status, 0, r.error or ""))
    for o in outlets:
        if not o.feeds and not o.sitemaps:
            rows.append(CheckRow(o.id, "none", "", "no_feeds", None, 0, "no feeds or sitemaps: list its articles in an event's [[urls]]"))
    return rows
