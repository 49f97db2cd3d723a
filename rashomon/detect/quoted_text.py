"""Where a sentence's text quotes someone: spans inside quotation marks (“…”, "…", «…», ‘…’). A word inside them is
the source's, not the outlet's: no wording or place-name framing of the outlet's own (compare.py, toponyms.py)."""

from __future__ import annotations

import re

from .wording import term_pattern

_QUOTED = re.compile(r'“[^”]*”|"[^"]*"|«[^»]*»|‘[^’]*’')


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of each quoted stretch of `text`, marks included."""
    return [m.span() for m in _QUOTED.finditer(text)]


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does the stretch [start, end) of the text lie inside one of the quoted `spans`?"""
    return any(lo < start and end <= hi for lo, hi in spans)


_DISTANCED_BEFORE = re.compile(
    r"(?:so-called|what (?:it|he|she|they|the \w+|\w+) (?:called|calls|termed|described as))\s*$", re.IGNORECASE)


def only_quoted(text: str, term: str) -> bool:
    """Is every use of the term in the text someone else's words: inside quotation marks, or after "so-called" /
    "what it called" (seed event: Reuters' "what it called 'illegal Armenian armed detachments'" is Baku's term, not
    Reuters' wording)?"""
    spans = quoted_spans(text)
    hits = list(term_pattern(term).finditer(text))
    return bool(hits) and all(inside(spans, h.start(), h.end())
                              or _DISTANCED_BEFORE.search(text[: h.start()].rstrip(" '\"“‘«")) for h in hits)
