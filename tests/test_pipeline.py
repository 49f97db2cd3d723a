"""The demo flow, end to end and offline: local HTTP server, real httpx, trafilatura, model, DuckDB and Prefect."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from rashomon import store

pytestmark = pytest.mark.slow

SEED_OUTLETS = {"anadolu_agency", "armenpress", "tass", "reuters", "rferl", "azertac"}


def test_every_outlet_fetched_and_extracted(demo_run):
    result, settings = demo_run
    assert result.counts["outlets"] == len(SEED_OUTLETS)
    assert result.counts["articles"] == len(SEED_OUTLETS)
    with store.connect(settings.db, read_only=True) as con:
        rows = con.execute("select outlet_id, title, length(text), published_at from articles").fetchall()
        assert {r[0] for r in rows} == SEED_OUTLETS
        assert all(r[1] and r[2] > 1000 and r[3] is not None for r in rows)
        # unrelated feed items (sport, economy) were filtered out before fetching
        urls = [r[0] for r in con.execute("select url from discovered_items").fetchall()]
        assert len(urls) == len(SEED_OUTLETS)
        ok = con.execute("select count(*) from fetch_log where outcome = 'ok'").fetchone()[0]
        assert ok >= 2 * len(SEED_OUTLETS)  # a feed and an article per outlet


def test_raw_bytes_kept_compressed_and_sentences_have_offsets(demo_run):
    _, settings = demo_run
    with store.connect(settings.db, read_only=True) as con:
        assert con.execute("select count(*) from raw_pages where compression = 'zstd'").fetchone()[0] >= 12
        bad = con.execute(
            """select count(*) from sentences s join articles a using (article_id)
               where s.part = 'body' and substr(a.text, s.char_start + 1, s.char_end - s.char_start) <> s.text"""
        ).fetchone()[0]
        assert bad == 0


def test_killed_azerbaijani_soldier_is_one_claim_across_outlets(demo_run):
    _, settings = demo_run
    with store.connect(settings.db, read_only=True) as con:
        claims = con.execute(
            """select claim_id, list(outlet_id), list(sentence) from alignments
               group by claim_id having bool_or(sentence ilike '%soldier%' and sentence ilike '%azerbaijani%'
                                                and (sentence ilike '%kill%' or sentence ilike '%died%' or sentence ilike '%martyr%'))"""
        ).fetchall()
    assert claims, "no aligned claim mentions the killed Azerbaijani soldier"
    widest = max(claims, key=lambda c: len(c[1]))
    assert len(widest[1]) >= 3, widest
    assert all(widest[1].count(o) <= 2 for o in widest[1])  # at most two sentences per outlet


def test_background_does_not_glue_to_event_claims(demo_run):
    _, settings = demo_run
    with store.connect(settings.db, read_only=True) as con:
        mixed = con.execute(
            """select list(sentence) from alignments group by claim_id
               having bool_or(sentence ilike '%1991%') and bool_or(sentence ilike '%August 3%' or sentence ilike '%Aug. 3%')"""
        ).fetchall()
    assert mixed == []


def test_claims_hold_one_sentence_per_outlet_and_only_pairs_judged_the_same_fact(demo_run):
    _, settings = demo_run
    with store.connect(settings.db, read_only=True) as con:
        per_outlet = con.execute("select claim_id from claim_sentences group by claim_id, outlet_id having count(*) > 1").fetchall()
        # every two members from different outlets were a candidate pair scored at the threshold or above
        unjudged = con.execute(
            """
            select x.claim_id, x.sentence_id, y.sentence_id
            from claim_sentences x join claim_sentences y on x.claim_id = y.claim_id and x.sentence_id < y.sentence_id
            where x.outlet_id <> y.outlet_id
              and not exists (select 1 from alignment_candidates c
                              where least(c.sentence_a, c.sentence_b) = x.sentence_id
                                and greatest(c.sentence_a, c.sentence_b) = y.sentence_id
                                and c.same_fact >= ?)
            """, [settings.align_min_same_fact]).fetchall()
        in_two = con.execute("select count(*) from (select sentence_id from claim_sentences group by 1 having count(*) > 1)").fetchone()[0]
        claims = con.execute("select count(*) from claims").fetchone()[0]
        marked = dict(con.execute("select not_content, count(*) from sentences where not_content is not null group by 1").fetchall())
        marked_in_claims = con.execute("select count(*) from claim_sentences join sentences using (sentence_id) "
                                       "where not_content is not null").fetchone()[0]
    assert per_outlet == [] and unjudged == []
    assert marked.get("dateline", 0) >= 1 and marked_in_claims == 0   # TASS's "MOSCOW, August 3. /TASS/." is kept, never a claim
    assert claims > 0 and in_two < claims   # a sentence may state two facts; most do not


class _Cells(HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows, self._row, self._cell, self.scripts = [], None, None, 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if tag == "tr" and a.get("data-claim"):
            self._row = {"claim": a["data-claim"], "cells": {}}
        elif tag == "td" and self._row is not None:
            self._cell = a.get("data-outlet")
            self._row["cells"][self._cell] = {"empty": "empty" in (a.get("class") or ""), "text": ""}

    def handle_data(self, data):
        if self._row is not None and self._cell:
            self._row["cells"][self._cell]["text"] += data

    def handle_endtag(self, tag):
        if tag == "td":
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None


def test_report_has_the_side_by_side_row(demo_run):
    result, settings = demo_run
    html = Path(result.report).read_text(encoding="utf-8")
    parser = _Cells()
    parser.feed(html)
    assert parser.scripts == 0
    assert parser.rows, "no claim rows in the report"
    soldier = [r for r in parser.rows if sum("soldier" in c["text"] for c in r["cells"].values()) >= 3]
    assert soldier, "the soldier's death is not a side-by-side row"
    row = soldier[0]
    assert set(row["cells"]) == SEED_OUTLETS  # one column per outlet, blanks included
    assert any(c["empty"] for r in parser.rows for c in r["cells"].values())  # omissions shown as blank cells
    with store.connect(settings.db, read_only=True) as con:
        cells = con.execute("select sentence_id, outlet_id, sentence from alignments").fetchall()
    by_text = {}
    for _, outlet, text in cells:
        by_text.setdefault(" ".join(text.split()), set()).add(outlet)
    for r in parser.rows:
        for outlet, cell in r["cells"].items():
            if not cell["empty"]:
                text = " ".join(cell["text"].split())
                assert any(t in text and outlet in o for t, o in by_text.items()), (outlet, text)
    assert (Path(settings.reports_dir) / "index.html").is_file()


@pytest.mark.heavy   # a second whole flow over the demo's database (13 s): CI runs it in make test-heavy
def test_rerun_adds_nothing_and_embeds_nothing(demo_run, seed_event_dir, seed_site):
    from rashomon.flows.pipeline import pipeline

    result, settings = demo_run
    with store.connect(settings.db, read_only=True) as con:
        before = {t: con.execute(f"select count(*) from {t}").fetchone()[0]
                  for t in ("articles", "article_revisions", "sentences", "embeddings", "claims", "raw_pages", "discovered_items")}
    again = pipeline(str(seed_event_dir), settings, base_url=seed_site)
    assert again.counts["embedded_now"] == 0
    with store.connect(settings.db, read_only=True) as con:
        after = {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in before}
    assert after == before
    assert again.counts["claims"] == result.counts["claims"]


@pytest.mark.heavy   # a whole flow of its own (15 s): CI runs it in make test-heavy
def test_unreachable_outlet_is_recorded_and_the_others_go_on(prefect_harness, tmp_path, seed_event_dir, sources_dir):
    """One outlet's feed is missing from the mirror: the run finishes the other five and records the failure."""
    import shutil

    from rashomon.flows.pipeline import pipeline
    from rashomon.localsite import serve_folder
    from rashomon.settings import load_settings
    from rashomon.sources import load_event

    event_dir = tmp_path / seed_event_dir.name
    shutil.copytree(seed_event_dir, event_dir)
    (event_dir / "site" / "tass" / "rss.xml").unlink()
    # and one outlet's article page is empty
    page = next((event_dir / "site" / "rferl" / "news").glob("*.html"))
    page.write_text("<html><body></body></html>")
    settings = load_settings(env={}, db=tmp_path / "x.duckdb", reports_dir=tmp_path / "reports", sources_dir=sources_dir,
                             min_interval=0.0)   # one loopback host for every outlet (conftest.demo_run)
    with serve_folder(load_event(event_dir).offline.site) as base_url:
        result = pipeline(str(event_dir), settings, base_url=base_url)
    assert result.status == "completed_with_failures"
    assert result.counts["articles"] == 4
    where = " ".join(w for w, _ in result.failures)
    assert "tass/rss.xml" in where and "rferl" in where
    with store.connect(settings.db, read_only=True) as con:
        log = con.execute("select url, outcome from fetch_log where outcome not in ('ok', 'retry', 'redirect')").fetchall()
    outcomes = {(u.rsplit("/", 2)[-2], o) for u, o in log}
    assert ("tass", "http_error") in outcomes
    assert ("news", "extract_failed") in outcomes
