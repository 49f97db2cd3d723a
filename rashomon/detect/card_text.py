"""Text helpers for card templates: a disagreement's text is a ``str.format`` template (``{outlet_a}``,
``{outlet_b}``), so any article words put into it have their braces doubled, and long sentences are shortened."""
from __future__ import annotations


def esc(text: str | None) -> str:
    """Article text made safe inside a card's format template (braces doubled)."""
    return (text or "").replace("{", "{{").replace("}", "}}")


def short(text: str, limit: int = 160) -> str:
    """The text on one line, cut to ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
