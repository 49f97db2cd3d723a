"""Carry a realcov event's labels over to a new listing when the segmenter joins sentences the labellers saw apart.

    python -m rashomon.realcov.relisting tests/realcov/events/<event-id> LABELS.json [LABELS.json …]

Labels refer to sentences by "outlet:N" of the listing they were made on (`labels/<event-id>.sentences.txt`). When
the segmenter later joins pieces it cut wrongly ("… near Prasat Ta Muen" | "Thom temple …"), each new sentence is the
concatenation of consecutive old ones: it takes the union of their fact ids (a sentence stating two facts has both,
GUIDELINES.md F), and every evidence reference moves to the sentence that now holds it. Nothing is relabelled; a new
sentence that is not a run of old ones stops the carry-over with an error. The files are rewritten in place and the
listing is replaced by the new one.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from .labels import read_listing
from .listing import main as listing_main

_WS = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _WS.sub("", text.removeprefix("(title) "))


def unit_map(old: dict[str, str], new: dict[str, str]) -> dict[str, str]:
    """old ref -> new ref, each new sentence being a run of consecutive old sentences of its outlet."""
    by_outlet: dict[str, list[str]] = {}
    for ref in old:
        by_outlet.setdefault(ref.split(":", 1)[0], []).append(ref)
    out: dict[str, str] = {}
    cursor = {o: 0 for o in by_outlet}
    for ref, text in new.items():
        outlet = ref.split(":", 1)[0]
        refs, i, have, want = by_outlet.get(outlet, []), cursor.get(outlet, 0), "", _norm(text)
        while i < len(refs) and len(have) < len(want):
            have += _norm(old[refs[i]])
            out[refs[i]] = ref
            i += 1
        if have != want:
            raise ValueError(f"{ref} is not a run of the old listing's sentences: {text[:80]!r}")
        cursor[outlet] = i
    missing = sorted(set(old) - set(out))
    if missing:
        raise ValueError(f"old sentences left over: {missing[:5]}")
    return out


def carry(labels: dict, moved: dict[str, str]) -> dict:
    sentences: dict[str, object] = {}
    for ref, value in labels["sentences"].items():
        new = moved[ref]
        have = sentences.get(new)
        if isinstance(value, list):
            sentences[new] = (have if isinstance(have, list) else []) + [f for f in value if f not in (have or [])]
        elif have is None or (have == "boilerplate" and value == "unique"):
            sentences[new] = value
    labels["sentences"] = sentences

    def refs(xs):
        return list(dict.fromkeys(moved[x] for x in xs))

    for art in labels.get("articles", {}).values():
        art["own_voice_evidence"] = refs(art.get("own_voice_evidence") or [])
        for row in art.get("attributed", []) + art.get("casualties", []):
            row["evidence"] = refs(row.get("evidence") or [])
    for d in labels.get("disagreements", []):
        for side in d.get("sides", []):
            side["evidence"] = refs(side.get("evidence") or [])
    return labels


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m rashomon.realcov.relisting", description=__doc__.splitlines()[0])
    ap.add_argument("event_dir", type=Path)
    ap.add_argument("labels", type=Path, nargs="+")
    args = ap.parse_args(argv)
    event_id = args.event_dir.name
    listing = args.labels[0].parent / f"{event_id}.sentences.txt"
    fresh = listing.with_suffix(".new")
    listing_main([str(args.event_dir), "--out", str(fresh)])
    try:
        moved = unit_map(read_listing(listing), read_listing(fresh))
    except ValueError as e:
        fresh.unlink()
        print(f"relisting: {e}", file=sys.stderr)
        return 1
    joined = sum(1 for a, b in moved.items() if a != b)
    for path in args.labels:
        data = carry(json.loads(path.read_text(encoding="utf-8")), moved)
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    fresh.replace(listing)
    print(f"{event_id}: {len(moved)} sentences -> {len(set(moved.values()))}; {joined} references moved")
    return 0


if __name__ == "__main__":
    sys.exit(main())
