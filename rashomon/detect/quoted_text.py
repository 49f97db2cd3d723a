"""Where a sentence's text quotes someone: spans inside quotation marks (“…”, "…", «…», ‘…’). A word inside them is
the source's, not the outlet's: no wording or place-name framing of the outlet's own (compare.py, toponyms.py)."""

from __future__ import annotations

import re

_QUOTED = re.compile(r'“[^”]*”|"[^"]*"|«[^»]*»|‘[^’]*’')


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of each quoted stretch of `text`, marks included."""
    return [m.span() for m in _QUOTED.finditer(text)]


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does the stretch [start, end) of the text lie inside one of the quoted `spans`?"""
    return any(lo < start and end <= hi for lo, hi in spans)
