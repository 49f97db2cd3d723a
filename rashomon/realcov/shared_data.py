"""The real reference data in ../shared/data (BASIL triplets, NeuS/AllSides stories) as numbered units.

The text stays in ../shared: labels refer to a unit as "<side>:<N>" with N counted from 0 over
  BASIL:  [title] + the sentences of body-paragraphs, in order   (side = fox | nyt | hpo)
  NeuS:   [newsTitle] + the paragraphs of newBody, in order      (side = left | center | right)

    python -m rashomon.realcov.shared_data basil <triplet_id>     # print the numbered units for a labeller
    python -m rashomon.realcov.shared_data neus <story_id>
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from ..settings import REPO_ROOT

SHARED_DATA = REPO_ROOT.parent / "shared" / "data"


@dataclass(frozen=True)
class SharedArticle:
    side: str
    title: str
    units: list[str]          # units[0] is the title


def shared_path(dataset: str, root: Path = SHARED_DATA) -> Path:
    return root / {"basil": "basil/triplets.jsonl", "neus": "neus-allsides/stories.jsonl"}[dataset]


def available(dataset: str, root: Path = SHARED_DATA) -> bool:
    return shared_path(dataset, root).is_file()


def load_group(dataset: str, group_id: str, root: Path = SHARED_DATA) -> list[SharedArticle]:
    """The three articles of one BASIL triplet or NeuS story, as numbered units."""
    with shared_path(dataset, root).open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if dataset == "basil" and row["triplet_id"] == group_id:
                return [
                    SharedArticle(a["source"].lower(), a["title"].strip(),
                                  [a["title"].strip()] + [s for p in a["body-paragraphs"] for s in p])
                    for a in row["articles"]
                ]
            if dataset == "neus" and str(row["id"]) == str(group_id):
                return [
                    SharedArticle(side, n["newsTitle"].strip(), [n["newsTitle"].strip()] + list(n["newBody"]))
                    for side, n in row["news"].items()
                ]
    raise KeyError(f"{dataset}: no group {group_id!r} in {shared_path(dataset, root)}")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2 or argv[0] not in ("basil", "neus"):
        print(__doc__, file=sys.stderr)
        return 2
    for art in load_group(argv[0], argv[1]):
        print(f"=== {art.side}")
        for i, unit in enumerate(art.units):
            print(f"[{art.side}:{i}]{' (title)' if i == 0 else ''} {unit}")
        print()
    return 0




def unit_texts(dataset: str, group_id: str, root: Path = SHARED_DATA) -> dict[str, str]:
    """"<side>:<N>" -> the unit's text, for one group."""
    return {f"{art.side}:{i}": unit for art in load_group(dataset, group_id, root) for i, unit in enumerate(art.units)}


if __name__ == "__main__":
    raise SystemExit(main())
