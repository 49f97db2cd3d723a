"""Validate the hand-labelled gold set: python3 tests/gold/validate_gold.py

Checks that every line parses, required keys and enumerations are present, every sentence text occurs verbatim
in its account under texts/, party ids exist in the event's toml, attributed_to uses the fixed vocabulary, pairs
join different outlets of the same event, and prints the counts.
"""
import collections
import json
import pathlib
import sys
import tomllib

HERE = pathlib.Path(__file__).resolve().parent
SEED = pathlib.Path("/work/shared/seeds/000_828b70871abc4a80.txt")  # original of texts/karabakh-2022-08-03/anadolu_agency.txt

ACTIONS = {"attack", "fire", "shell", "kill", "violate_ceasefire", "provoke", "seize", "retaliate", "operation", "strike"}
QUANTITIES = {"killed", "wounded", "dead", "other"}
QUALIFIERS = {"exact", "at_least", "about", "range", "more_than"}
SOURCES = {  # attributed_to vocabulary -> party of the source (None: not a party)
    "Azerbaijan Defence Ministry": "azerbaijan", "Azerbaijan Foreign Ministry": "azerbaijan",
    "Azerbaijan President": "azerbaijan", "Azerbaijan officials": "azerbaijan",
    "Armenian Defence Ministry": "armenia", "Armenian Foreign Ministry": "armenia",
    "Armenian Prime Minister": "armenia", "Armenian officials": "armenia", "Karabakh authorities": "armenia",
    "Russian Defence Ministry": "russia", "Russian Foreign Ministry": "russia", "Kremlin": "russia",
    "Russian officials": "russia", "EU spokesperson": "eu", "EU officials": "eu",
    "US State Department": "us", "US officials": "us", "French President": "france", "CSTO": "csto",
    "Ukrainian President": "ukraine", "Ukrainian officials": "ukraine", "UN Secretary-General": "un",
    "witnesses": None, "analysts": None, "both sides": None, "unnamed sources": None,
}
SENT_KEYS = {"id", "event_id", "outlet", "text", "hostile_act", "actor", "action", "target", "initiator", "background",
             "voice", "attributed_to", "attributed_party", "numbers"}
PAIR_KEYS = {"id", "event_id", "a", "b", "outlet_a", "outlet_b", "same_claim", "relation", "note"}


def main() -> int:
    errors = []
    events = {}
    for f in sorted((HERE / "events").glob("*.toml")):
        ev = tomllib.loads(f.read_text())
        if ev["id"] != f.stem:
            errors.append(f"{f.name}: id {ev['id']!r} != file stem")
        for key in ("title", "window_start", "window_end", "keywords", "parties"):
            if key not in ev:
                errors.append(f"{f.name}: missing {key}")
        events[ev["id"]] = {p["id"] for p in ev["parties"]}

    texts = {}
    for f in (HERE / "texts").glob("*/*.txt"):
        texts[(f.parent.name, f.stem)] = f.read_text()
    if SEED.exists():
        texts.setdefault(("karabakh-2022-08-03", "anadolu_agency"), "")
        texts[("karabakh-2022-08-03", "anadolu_agency")] += "\n" + SEED.read_text()

    sentences, ids = [], set()
    for n, line in enumerate((HERE / "sentences.jsonl").read_text().splitlines(), 1):
        try:
            s = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"sentences.jsonl:{n}: {e}")
            continue
        where = f"sentences.jsonl:{n} ({s.get('id')})"
        if missing := SENT_KEYS - s.keys():
            errors.append(f"{where}: missing {sorted(missing)}")
            continue
        if s["id"] in ids:
            errors.append(f"{where}: duplicate id")
        ids.add(s["id"])
        parties = events.get(s["event_id"])
        if parties is None:
            errors.append(f"{where}: unknown event {s['event_id']}")
            continue
        if s["text"] not in texts.get((s["event_id"], s["outlet"]), ""):
            errors.append(f"{where}: text not found verbatim in texts/{s['event_id']}/{s['outlet']}.txt")
        ok_party = parties | {"unknown"}
        if s["hostile_act"]:
            for k in ("actor", "target"):
                if s[k] not in ok_party:
                    errors.append(f"{where}: {k}={s[k]!r} not a party id/unknown")
            if s["action"] not in ACTIONS:
                errors.append(f"{where}: action={s['action']!r}")
        elif any(s[k] is not None for k in ("actor", "action", "target")):
            errors.append(f"{where}: actor/action/target must be null when hostile_act is false")
        if s["initiator"] is not None and s["initiator"] not in ok_party:
            errors.append(f"{where}: initiator={s['initiator']!r}")
        if s["background"] and s["initiator"] is not None:
            errors.append(f"{where}: background sentence with an initiator")
        if s["voice"] == "own":
            if s["attributed_to"] is not None or s["attributed_party"] is not None:
                errors.append(f"{where}: own voice but attributed_to/party set")
        elif s["voice"] == "attributed":
            if s["attributed_to"] not in SOURCES:
                errors.append(f"{where}: attributed_to={s['attributed_to']!r} not in vocabulary")
            elif SOURCES[s["attributed_to"]] != s["attributed_party"]:
                errors.append(f"{where}: attributed_party {s['attributed_party']!r} != vocabulary party")
            if s["attributed_party"] is not None and s["attributed_party"] not in parties:
                errors.append(f"{where}: attributed_party {s['attributed_party']!r} not in event parties")
        else:
            errors.append(f"{where}: voice={s['voice']!r}")
        for num in s["numbers"]:
            if num.get("quantity") not in QUANTITIES or num.get("qualifier") not in QUALIFIERS:
                errors.append(f"{where}: bad number {num}")
            if num.get("party") is not None and num["party"] not in parties:
                errors.append(f"{where}: number party {num['party']!r}")
            if num.get("qualifier") == "range" and not (num.get("low") is not None and num.get("high") is not None):
                errors.append(f"{where}: range without low/high")
        sentences.append(s)

    # coverage: every account is labelled completely (its labelled sentences, in order, rebuild the text)
    for (ev, outlet), text in texts.items():
        if not (HERE / "texts" / ev / f"{outlet}.txt").exists():
            continue
        own = [s["text"] for s in sentences if s["event_id"] == ev and s["outlet"] == outlet]
        if "".join(own).replace(" ", "") != "".join((HERE / "texts" / ev / f"{outlet}.txt").read_text().split()):
            errors.append(f"texts/{ev}/{outlet}.txt: labelled sentences do not cover the whole account in order")

    by_text = collections.defaultdict(set)
    for s in sentences:
        by_text[(s["event_id"], s["outlet"])].add(s["text"])
    pairs, keys = [], set()
    for n, line in enumerate((HERE / "pairs.jsonl").read_text().splitlines(), 1):
        try:
            p = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"pairs.jsonl:{n}: {e}")
            continue
        where = f"pairs.jsonl:{n} ({p.get('id')})"
        if missing := PAIR_KEYS - p.keys():
            errors.append(f"{where}: missing {sorted(missing)}")
            continue
        if p["outlet_a"] == p["outlet_b"]:
            errors.append(f"{where}: same outlet")
        for side in "ab":
            if p[side] not in by_text[(p["event_id"], p[f"outlet_{side}"])]:
                errors.append(f"{where}: {side} is not a labelled sentence of {p[f'outlet_{side}']}")
        if p["same_claim"] and p["relation"] not in ("agree", "contradict"):
            errors.append(f"{where}: same_claim true needs agree/contradict")
        if not p["same_claim"] and p["relation"] != "unrelated":
            errors.append(f"{where}: same_claim false needs unrelated")
        key = (p["event_id"], frozenset((p["a"], p["b"])))
        if key in keys:
            errors.append(f"{where}: duplicate pair")
        keys.add(key)
        pairs.append(p)

    for e in errors:
        print("ERROR", e)
    print(f"events: {len(events)}  sentences: {len(sentences)}  pairs: {len(pairs)}")
    for ev, c in sorted(collections.Counter(s["event_id"] for s in sentences).items()):
        sub = [s for s in sentences if s["event_id"] == ev]
        print(f"  {ev}: {c} sentences, hostile {sum(s['hostile_act'] for s in sub)}, "
              f"attributed {sum(s['voice'] == 'attributed' for s in sub)}, background {sum(s['background'] for s in sub)}, "
              f"with initiator {sum(s['initiator'] is not None for s in sub)}, with numbers {sum(bool(s['numbers']) for s in sub)}")
    rel = collections.Counter(p["relation"] for p in pairs)
    pos = sum(p["same_claim"] for p in pairs)
    print(f"  pairs: same_claim {pos} ({pos / max(len(pairs), 1):.0%}), agree {rel['agree']}, "
          f"contradict {rel['contradict']}, unrelated {rel['unrelated']}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
