"""Quotations that run over several sentences: which sentences of an article sit inside one, and whose it is.

A speaker's words often span sentences: “The border is secure. The numbers prove it. We will not change course,”
the minister said. The sentence in the middle carries no quotation mark and no cue, so read alone it is the outlet's
own voice; GUIDE §10.1 says a quote continuation is attributed. News style also opens each new paragraph of a long
quote with a quotation mark and closes only the last one.

`quote_runs` scans the sentences' quotation marks in order (curly marks open or close; a straight mark closes after
punctuation or a word and opens before one, else toggles; one opening a sentence while a quote is still open re-opens
it, the paragraph convention) and returns the runs:
the first sentence inside (the one that opens the quote) to the one that closes it. A run that does not close within
`MAX_RUN` sentences is cut there, so one stray mark cannot turn the rest of an article into a quotation.
"""

from __future__ import annotations

from dataclasses import dataclass

from ._syntax import CLOSE_QUOTES, OPEN_QUOTES

OPEN = "".join(OPEN_QUOTES)     # the quotation marks the token-level quote_mask knows, as characters
CLOSE = "".join(CLOSE_QUOTES)
PLAIN = '"'
MAX_RUN = 6   # sentences a quotation may run over without closing before it is taken for a stray mark


@dataclass(frozen=True)
class QuoteRun:
    start: int      # the sentence that opens the quotation
    end: int        # the sentence that closes it (or the last one of a cut run)
    closed: bool    # False when the quotation never closed within MAX_RUN sentences

    def inside(self) -> range:
        """The sentences of the run after the first: each begins inside the quotation."""
        return range(self.start + 1, self.end + 1)


def _open_after(text: str, open_at_start: bool) -> bool:
    """Whether a quotation is still open at the end of `text`, given whether one was open at its start."""
    state = open_at_start
    stripped = text.lstrip()
    for i, ch in enumerate(stripped):
        if ch in OPEN:
            state = True
        elif ch in CLOSE:
            state = False
        elif ch == PLAIN:
            if i == 0 and state:
                continue          # a new paragraph of the same quotation re-opens it
            state = _plain_opens(stripped, i, state)
    return state


def _plain_opens(text: str, i: int, state: bool) -> bool:
    """Whether a straight mark at `text[i]` leaves a quotation open: its neighbours say which it is ('…threats," the
    ministry said' closes even when the page lost the opening mark; ' "The border' opens), else it toggles."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before in ",.!?;:" or (before.isalnum() and not after.isalnum()):
        return False
    if before.isspace() and after.isalnum():
        return True
    return not state


def quote_runs(texts: list[str]) -> list[QuoteRun]:
    """The multi-sentence quotations of an article's sentences (in order)."""
    runs: list[QuoteRun] = []
    open_now = False
    start = None
    for i, text in enumerate(texts):
        was_open = open_now
        open_now = _open_after(text, was_open)
        if not was_open and open_now:
            start = i
        elif was_open and start is not None:
            if not open_now:
                runs.append(QuoteRun(start, i, True))
                start = None
            elif i - start >= MAX_RUN:
                runs.append(QuoteRun(start, i, False))
                start, open_now = None, False
    if start is not None and start < len(texts) - 1:
        runs.append(QuoteRun(start, len(texts) - 1, False))
    return runs
