"""What a labeller reads: every article of a benchmark event as the pipeline extracts and segments it.

    python -m rashomon.realcov.listing tests/realcov/events/<event-id> [--out FILE]

prints, per outlet, the headline and the numbered sentences (title sentences first), so that labels can quote
a sentence exactly as the pipeline sees it.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from ..extract import extract_article
from ..segment import Sentence, split_sentences
from ..sources import load_event


@dataclass(frozen=True)
class EventArticle:
    outlet: str
    path: Path
    title: str | None
    sentences: list[Sentence]


def event_pages(event_dir: Path) -> list[tuple[str, Path]]:
    """(outlet, page) for every article page of an offline event folder: site/<outlet>/news/*.html."""
    event = load_event(event_dir)
    if event.offline is None:
        raise SystemExit(f"{event_dir}: the event has no [offline] section")
    pages = []
    for outlet in sorted(event.offline.feeds):
        for page in sorted((event.offline.site / outlet).glob("news/*.html")):
            pages.append((outlet, page))
    return pages


def event_articles(event_dir: Path) -> list[EventArticle]:
    out = []
    for outlet, page in event_pages(event_dir):
        art = extract_article(page.read_bytes(), url=f"http://127.0.0.1/{outlet}/news/{page.name}")
        out.append(EventArticle(outlet, page, art.title, split_sentences(art.title, art.text)))
    return out


def render(articles: list[EventArticle]) -> str:
    lines = []
    for art in articles:
        lines.append(f"=== {art.outlet}  ({art.path.name})")
        for s in art.sentences:
            lines.append(f"[{art.outlet}:{s.position}]{' (title)' if s.part == 'title' else ''} {s.text}")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m rashomon.realcov.listing", description=__doc__.splitlines()[0])
    ap.add_argument("event_dir", type=Path)
    ap.add_argument("--out", type=Path, help="write to this file instead of standard output")
    args = ap.parse_args(argv)
    text = render(event_articles(args.event_dir))
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
