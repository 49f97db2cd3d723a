"""The current stories as a section of reports/index.html (template `_stories.html.j2`).

`stories_context(con)` gives the rows the events index (rashomon/report.py: render_index) passes to its template,
which includes `_stories.html.j2` after the events table (autoescaped: titles are untrusted article text);
`stories_section(con)` renders the section alone."""

from __future__ import annotations

import duckdb
import markupsafe

from .. import store


def stories_context(con: duckdb.DuckDBPyConnection, *, min_outlets: int = 2, limit: int = 100) -> list[dict]:
    """The live stories covered by at least `min_outlets` outlets, most outlets first (at most `limit`)."""
    try:
        return store.rows(con, "select_stories", min_outlets=min_outlets, since=None)[:limit]
    except duckdb.CatalogException:   # a read-only database made before migration 009: no stories yet
        return []


def stories_section(con: duckdb.DuckDBPyConnection, *, min_outlets: int = 2, limit: int = 100, env=None) -> markupsafe.Markup:
    """The HTML section listing the current stories and their outlets."""
    if env is None:
        from ..report import environment

        env = environment()
    html = env.get_template("_stories.html.j2").render(
        stories=stories_context(con, min_outlets=min_outlets, limit=limit), min_outlets=min_outlets)
    return markupsafe.Markup(html)
