"""News sitemaps (sitemaps.org + Google News extension): the article URLs with their titles and dates.

trafilatura's sitemap helper returns links only and fetches by itself; we need the `<news:title>` and
`<news:publication_date>` (or `<lastmod>`) of each entry to select an event's items, and every request must go
through Rashomon's polite fetcher. So this module parses the XML (lxml, with entity resolution and network access off)
and leaves fetching to the caller.
"""

from __future__ import annotations

import datetime as dt
import gzip
import logging
from dataclasses import dataclass

from lxml import etree

from .moments import parse_iso, utc

log = logging.getLogger(__name__)

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)
MAX_ENTRIES = 50_000  # the sitemaps.org limit per file


@dataclass(frozen=True)
class SitemapEntry:
    url: str
    title: str | None
    published_at: dt.datetime | None


@dataclass(frozen=True)
class Sitemap:
    entries: list[SitemapEntry]   # article URLs (a urlset)
    children: list[str]           # further sitemaps (a sitemapindex)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _date(text: str | None) -> dt.datetime | None:
    return utc(parse_iso(text))


def parse_sitemap(content: bytes) -> Sitemap:
    """Parse a sitemap or sitemap index (gzip accepted). Garbage gives an empty Sitemap, never an exception."""
    if content[:2] == b"\x1f\x8b":
        try:
            content = gzip.decompress(content)
        except OSError:
            return Sitemap([], [])
    try:
        root = etree.fromstring(content, _PARSER)
    except etree.XMLSyntaxError:
        return Sitemap([], [])
    if root is None:
        return Sitemap([], [])
    entries, children = [], []
    kind = _local(root.tag)
    for node in root:
        if len(entries) + len(children) >= MAX_ENTRIES:
            break
        fields: dict[str, str] = {}
        for child in node.iter():
            name = _local(child.tag)
            if name in ("loc", "lastmod", "title", "publication_date") and child.text and name not in fields:
                fields[name] = child.text.strip()
        if "loc" not in fields:
            continue
        if kind == "sitemapindex":
            children.append(fields["loc"])
        else:
            published = _date(fields.get("publication_date")) or _date(fields.get("lastmod"))
            entries.append(SitemapEntry(fields["loc"], fields.get("title"), published))
    return Sitemap(entries, children)
