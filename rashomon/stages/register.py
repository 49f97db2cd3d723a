"""The register and discover stages: the event and its outlets, then the items the feeds listed."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Iterable, Sequence

import duckdb

from .. import store
from ..discover import Item
from ..sources import Event, Outlet


def register(con: duckdb.DuckDBPyConnection, event: Event, outlets: Iterable[Outlet]) -> None:
    """Upsert the event and the outlets it draws on."""
    parties = json.dumps([asdict(p) for p in event.parties])
    with store.transaction(con):
        store.run(
            con,
            "upsert_event",
            event_id=event.id,
            title=event.title,
            summary=event.summary,
            window_start=event.window_start,
            window_end=event.window_end,
            keywords=list(event.keywords),
            parties=parties,
        )
        for o in outlets:
            store.run(
                con,
                "upsert_outlet",
                outlet_id=o.id,
                name=o.name,
                homepage=o.homepage,
                language=o.language,
                country=o.country,
                perspective=o.perspective,
                description=o.description,
            )


# --- discover -------------------------------------------------------------------------------------------------


def record_discovery(con: duckdb.DuckDBPyConnection, event_id: str, items: Sequence[Item]) -> int:
    """Store discovered items (a URL already known for the event is kept as first seen). Returns new rows."""
    before = store.rows(con, "count_discovered_items", event_id=event_id)[0]["n"]
    with store.transaction(con):
        for it in items:
            store.run(
                con,
                "insert_discovered_item",
                event_id=event_id,
                outlet_id=it.outlet_id,
                url=it.url,
                source=it.source,
                listed_in=it.listed_in,
                title=it.title,
                summary=it.summary,
                published_at=it.published_at,
            )
    after = store.rows(con, "count_discovered_items", event_id=event_id)[0]["n"]
    return after - before
