"""The fact sheet at the top of an event's report: per outlet, who started it in its own words, whom the sources
it quotes blame (and deny), casualty figures by side with whose figure they are, the places it names most and the
names it gives operations, and the weapon systems it names.
Read from the view `outlet_facts`; every value links to its first evidence sentence when the report shows it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import duckdb

from . import store

COLUMNS = (  # slot, heading
    ("initiator", "Who started it (own words)"),
    ("blames", "Blame in the sources it quotes"),
    ("denies", "Denials it quotes"),
    ("killed", "Killed"),
    ("wounded", "Wounded"),
    ("captured", "Captured or missing"),
    ("place", "Places named most"),
    ("operation", "Operation named"),
    ("weapon", "Weapons named"),
)
OPTIONAL = {"weapon"}   # a column shown only when some outlet names one (most events name no weapon system)
PLACES_SHOWN = 3


@dataclass
class Fact:
    text: str               # what the cell says, e.g. "2 (Armenia, per the Defence Ministry)"
    sentence_id: str | None  # its first evidence sentence, when the report shows it


@dataclass
class FactRow:
    outlet_id: str
    name: str
    cells: dict[str, list[Fact]] = field(default_factory=dict)


def _party(party_names: dict[str, str], party: str | None) -> str:
    return party_names.get(party or "", party or "side not named")


def _what(r: dict[str, Any], party_names: dict[str, str]) -> str:
    """The value without its source: a party, a place, or a figure with its side."""
    if r["slot"] in ("initiator", "blames", "denies"):
        return _party(party_names, r["value"])
    if r["slot"] in ("place", "weapon"):
        return r["value"]
    if r["slot"] == "operation":   # "Revenge" (Azerbaijan's)
        return f"“{r['value']}”" + (f" ({_party(party_names, r['side'])})" if r["side"] else "")
    # a side the sentence does not name, taken from the article's or the event's other figures (`casualty_figures`)
    inferred = ", inferred" if r.get("side_from") in ("article", "event") else ""
    return f"{r['value']} ({_party(party_names, r['side'])}{inferred})"


def fact_rows(con: duckdb.DuckDBPyConnection, event_id: str, outlet_ids: list[str], names: dict[str, str],
              party_names: dict[str, str], anchors: set[str]) -> list[FactRow]:
    rows = {o: FactRow(o, names.get(o, o)) for o in outlet_ids}
    # (outlet, slot) -> value -> [sources], first evidence sentence the report shows
    found: dict[tuple[str, str], dict[str, tuple[list[str], str | None, int]]] = defaultdict(dict)
    for r in store.rows(con, "select_report_facts", event_id=event_id):
        if r["outlet_id"] not in rows:
            continue
        slot = "captured" if r["slot"] == "missing" else r["slot"]
        if slot not in dict(COLUMNS):
            continue
        what = _what(r, party_names)
        whose, first, n = found[(r["outlet_id"], slot)].get(what, ([], None, 0))
        if r["whose"] != "own" and r["whose"] not in whose:
            whose.append(r["whose"])
        first = first or next((s for s in r["sentence_ids"] or [] if s in anchors), None)
        found[(r["outlet_id"], slot)][what] = (whose, first, n + int(r["n_sentences"] or 0))
    for (outlet, slot), values in found.items():
        items = sorted(values.items(), key=lambda kv: (-kv[1][2], kv[0])) if slot == "place" else values.items()
        if slot == "place":
            items = items[:PLACES_SHOWN]
        rows[outlet].cells[slot] = [
            Fact(what + (f" (per {'; '.join(whose)})" if whose and slot in ("blames", "denies") else "")
                 + (f", per {'; '.join(whose)}" if whose and slot not in ("blames", "denies", "place") else ""), first)
            for what, (whose, first, _) in items]
    return list(rows.values())


def fact_columns(rows: list[FactRow]) -> tuple[tuple[str, str], ...]:
    """The sheet's columns: every slot, but an optional one only when some outlet has a value in it."""
    return tuple((slot, heading) for slot, heading in COLUMNS
                 if slot not in OPTIONAL or any(r.cells.get(slot) for r in rows))
