"""Page bytes → Article text and metadata, with trafilatura."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from dataclasses import dataclass
from typing import Any

import trafilatura

from .errors import ExtractError
from .moments import aware, parse_iso

log = logging.getLogger(__name__)

MIN_TEXT_CHARS = 100  # below this a page is a stub, an error page or a paywall teaser, not an article
DATE_PARAMS = {"extensive_search": True, "original_date": True, "outputformat": "%Y-%m-%dT%H:%M:%S%z"}


@dataclass(frozen=True)
class Article:
    title: str | None
    text: str
    author: str | None
    site_name: str | None
    published_at: dt.datetime | None
    canonical_url: str | None
    language: str | None

    @property
    def text_sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def _parse_date(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    for fmt in ("%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d"):
        try:
            parsed = dt.datetime.strptime(value, fmt)
        except ValueError:
            continue
        return aware(parsed)
    return None


_TIME_META = (
    "//meta[@property='article:published_time']/@content",
    "//meta[@itemprop='datePublished']/@content",
    "//meta[@name='pubdate']/@content",
    "//meta[@name='publish-date']/@content",
    "//meta[@name='date']/@content",
    "//time[@itemprop='datePublished']/@datetime",
)


def _meta_time(html: str | bytes) -> dt.datetime | None:
    """The page's own machine-readable publication time (Open Graph / schema.org meta), when it has one."""
    try:
        from lxml import html as lxml_html

        tree = lxml_html.fromstring(html[:500_000])
    except Exception:
        return None
    for xpath in _TIME_META:
        for value in tree.xpath(xpath):
            parsed = parse_iso(str(value))
            if parsed is not None:
                return parsed
    return None


def _best_date(found: dt.datetime | None, html: str | bytes) -> dt.datetime | None:
    """htmldate sometimes returns only the day (midnight), e.g. when the URL carries the date: the page's own
    published_time meta of that same day gives the time as well."""
    if found is not None and (found.hour, found.minute, found.second) != (0, 0, 0):
        return found
    meta = _meta_time(html)
    if meta is None:
        return found
    if found is None or meta.astimezone(dt.timezone.utc).date() == found.date() or meta.date() == found.date():
        return meta
    return found


def _clean_text(text: str) -> str:
    # One paragraph per line, no trailing spaces, no runs of blank lines.
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def extract_article(html: str | bytes, url: str, hints: dict[str, Any] | None = None) -> Article:
    """Extract the main text and metadata of a news page; raise ExtractError when there is no article."""
    hints = hints or {}
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            include_comments=False,
            include_tables=False,
            with_metadata=True,
            favor_precision=bool(hints.get("favor_precision", False)),
            favor_recall=bool(hints.get("favor_recall", False)),
            date_extraction_params=DATE_PARAMS,
            deduplicate=False,
        )
    except Exception as exc:  # trafilatura raises many kinds on hostile markup
        raise ExtractError(f"{url}: extraction failed: {type(exc).__name__}: {exc}") from exc
    if doc is None or not (doc.text or "").strip():
        raise ExtractError(f"{url}: no article text found on the page")
    text = _clean_text(doc.text)
    if len(text) < MIN_TEXT_CHARS:
        raise ExtractError(f"{url}: only {len(text)} characters of text (under {MIN_TEXT_CHARS}): not an article")
    canonical = doc.url if doc.url and doc.url != url else None
    return Article(
        title=(doc.title or "").strip() or None,
        text=text,
        author=(doc.author or "").strip() or None,
        site_name=(doc.sitename or "").strip() or None,
        published_at=_best_date(_parse_date(doc.date), html),
        canonical_url=canonical or url,
        language=doc.language,
    )
