"""Issue: real outlets, polite and robust fetching, nothing lost. Offline: every network case is a local server."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hostile_site import serve_hostile
from rashomon import store
from rashomon.localsite import serve_folder
from rashomon.settings import load_settings
from rashomon.sources import load_event

REPO = Path(__file__).resolve().parent.parent
HOSTILE_PATHS = {
    # path: expected outcome of the page fetch (the last attempt's row in fetch_log)
    "/429?k=r": "ok",
    "/500-then-200?k=r": "ok",
    "/cp1251.html?k=r": "ok",
    "/latin1-nodecl.html?k=r": "ok",
    "/slow?k=r": "timeout",
    "/huge?k=r": "too_large",
    "/gzip-bomb?k=r": "too_large",
    "/redirect-loop?k=r": "redirect_error",
    "/redirect-private?k=r": "refused_address",
    "/404?k=r": "http_error",
    "/always-500?k=r": "http_error",
    "/private/page.html?k=r": "robots_disallowed",
    "/empty.html?k=r": "ok",      # fetched, then refused by extraction (extract_failed)
    "/garbage?k=r": "ok",         # fetched, then refused by extraction
}


def _hostile_feed(base: str) -> str:
    items = "\n".join(
        f"<item><title>Karabakh report {i}</title><link>{base.rstrip('/')}{path}</link>"
        f"<pubDate>Wed, 03 Aug 2022 12:{i:02d}:00 GMT</pubDate></item>"
        for i, path in enumerate(HOSTILE_PATHS)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title>{items}</channel></rss>'


def _event_with_hostile_outlet(tmp_path: Path, seed_event_dir: Path, sources_dir: Path, hostile_base: str):
    event_dir = tmp_path / seed_event_dir.name
    shutil.copytree(seed_event_dir, event_dir)
    (event_dir / "site" / "hostile_site").mkdir()
    (event_dir / "site" / "hostile_site" / "rss.xml").write_text(_hostile_feed(hostile_base))
    text = (event_dir / "event.toml").read_text()
    text = text.replace('outlets = ["', 'outlets = ["hostile_site", "', 1)
    text = text.replace("[offline.feeds]", '[offline.feeds]\nhostile_site = "hostile_site/rss.xml"', 1)
    if "hostile_site = " not in text:  # inline-table style: feeds = { a = "...", ... }
        text = text.replace("feeds = {", 'feeds = { hostile_site = "hostile_site/rss.xml",', 1)
    (event_dir / "event.toml").write_text(text)
    srcs = tmp_path / "sources"
    shutil.copytree(sources_dir, srcs)
    (srcs / "hostile_site.toml").write_text(
        'id = "hostile_site"\nname = "Hostile Site"\nhomepage = "https://hostile.example"\nlanguage = "en"\n'
        'country = "XX"\nperspective = "regional_independent"\nfeeds = ["https://hostile.example/rss.xml"]\n'
    )
    event = load_event(event_dir)
    assert "hostile_site" in event.outlets and "hostile_site" in event.offline.feeds
    return event_dir, srcs


@pytest.mark.slow
@pytest.mark.heavy
def test_hostile_site_fails_alone_and_every_good_article_lands_once(prefect_harness, tmp_path, seed_event_dir, sources_dir):
    from rashomon.flows.pipeline import pipeline

    with serve_hostile() as hostile:
        event_dir, srcs = _event_with_hostile_outlet(tmp_path, seed_event_dir, sources_dir, hostile)
        # the hostile pages are on a second local server, not the mirror: loopback must be allowed for any host
        settings = load_settings(env={}, db=tmp_path / "h.duckdb", reports_dir=tmp_path / "reports", sources_dir=srcs,
                                 total_timeout=3, min_interval=0.05, allow_private=True)
        with serve_folder(load_event(event_dir).offline.site) as base_url:
            result = pipeline(str(event_dir), settings, base_url=base_url)
            again = pipeline(str(event_dir), settings, base_url=base_url)
    assert result.status == "completed_with_failures"
    with store.connect(settings.db, read_only=True) as con:
        last = dict(con.execute(
            """select regexp_extract(url, '://[^/]+(/.*)$', 1), arg_max(outcome, started_at)
               from fetch_log where url like ? and outcome not in ('retry', 'redirect', 'extract_failed') group by 1""",
            [hostile + "%"],
        ).fetchall())
        extract_failed = {r[0] for r in con.execute(
            "select regexp_extract(url, '://[^/]+(/.*)$', 1) from fetch_log where outcome = 'extract_failed'").fetchall()}
        articles = con.execute("select outlet_id, url, text from articles").fetchall()
        dup = con.execute("select url, count(*) from articles group by url having count(*) > 1").fetchall()
        attempts_429 = con.execute("select list(status order by started_at) from fetch_log where url like '%/429?k=r'").fetchone()[0]
    for path, outcome in HOSTILE_PATHS.items():
        assert last.get(path) == outcome, (path, last.get(path))
    assert {"/empty.html?k=r", "/garbage?k=r"} <= extract_failed
    assert attempts_429[:2] == [429, 200]
    # the six seed outlets and the hostile site's four good pages, each exactly once, also after a second run
    seed = [a for a in articles if a[0] != "hostile_site"]
    assert len({a[0] for a in seed}) == 6 and len(seed) == 6
    hostile_urls = sorted(a[1].split("/", 3)[-1] for a in articles if a[0] == "hostile_site")
    assert hostile_urls == sorted(p.lstrip("/") for p in ("/429?k=r", "/500-then-200?k=r", "/cp1251.html?k=r", "/latin1-nodecl.html?k=r"))
    assert dup == []
    cyrillic = [a[2] for a in articles if "cp1251" in a[1]][0]
    assert "переговоры" in cyrillic
    assert again.counts["articles"] == result.counts["articles"]


def _demo_cmd(db: Path, reports: Path) -> list[str]:
    return [sys.executable, "-m", "rashomon.cli", "demo", "--db", str(db), "--reports", str(reports)]


@pytest.mark.slow
@pytest.mark.heavy
def test_killed_run_resumes_without_duplicates(tmp_path, demo_run):
    """SIGKILL the demo right after it wrote its sentences, run it again: same result as an uninterrupted run."""
    clean, clean_settings = demo_run
    db, reports = tmp_path / "k.duckdb", tmp_path / "reports"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(_demo_cmd(db, reports), cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True)
    killed_at = None
    deadline = time.monotonic() + 240
    for line in proc.stdout:
        if "segment:" in line and "sentences written" in line:
            os.killpg(proc.pid, signal.SIGKILL)
            killed_at = line.strip()
            break
        if time.monotonic() > deadline:
            break
    proc.wait(timeout=30)
    assert killed_at, "the run never reached the segment stage"
    assert proc.returncode == -signal.SIGKILL
    done = subprocess.run(_demo_cmd(db, reports), cwd=tmp_path, env=env, capture_output=True, text=True, timeout=400)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    console = done.stdout + done.stderr   # the whole demo's console: the stages' counts, no library chatter
    assert "embed: " in console and "disagreements" in console
    for chatter in ("Finished in state Completed()", "Loading weights", "prefect.io/docs", "DeprecationWarning"):
        assert chatter not in console, chatter
    tables = ("articles", "article_revisions", "sentences", "embeddings", "claims", "claim_sentences", "raw_pages")
    with store.connect(db, read_only=True) as con:
        resumed = {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in tables}
        dups = con.execute("select article_id, position from sentences group by all having count(*) > 1").fetchall()
    with store.connect(clean_settings.db, read_only=True) as con:
        expected = {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in tables}
    assert dups == []
    assert resumed == expected
    with store.connect(db, read_only=True) as con:  # the killed run is marked failed by the rerun (issue 15 item 7)
        outcomes = con.execute("select status, error from runs order by started_at").fetchall()
    assert outcomes[0][0] == "failed" and "ended without finishing (killed?)" in outcomes[0][1], outcomes
    assert outcomes[-1][0].startswith("completed"), outcomes


def test_a_second_run_on_the_same_database_fails_clearly(tmp_path):
    from rashomon.runlock import RunLockedError, run_lock

    db = tmp_path / "x.duckdb"
    with run_lock(db):
        with pytest.raises(RunLockedError, match="another run is writing"):
            with run_lock(db, wait_s=0.2):
                pass
    with run_lock(db, wait_s=0.2):  # released: the next run goes ahead
        pass


@pytest.mark.slow
@pytest.mark.heavy
def test_a_changed_page_becomes_a_revision_with_what_changed(prefect_harness, tmp_path, seed_event_dir, sources_dir):
    from rashomon.flows.pipeline import pipeline

    event_dir = tmp_path / seed_event_dir.name
    shutil.copytree(seed_event_dir, event_dir)
    page = next((event_dir / "site" / "reuters" / "news").glob("*.html"))
    settings = load_settings(env={}, db=tmp_path / "r.duckdb", reports_dir=tmp_path / "reports", sources_dir=sources_dir)
    with serve_folder(load_event(event_dir).offline.site) as base_url:
        pipeline(str(event_dir), settings, base_url=base_url)
        html = page.read_text()
        assert "two of their soldiers had been killed" in html
        page.write_text(html.replace("two of their soldiers had been killed", "three of their soldiers had been killed"))
        later = time.time() + 5
        os.utime(page, (later, later))
        result = pipeline(str(event_dir), settings, base_url=base_url)
    assert result.counts["embedded_now"] <= 3  # only the changed sentence(s) are new
    with store.connect(settings.db, read_only=True) as con:
        rev = con.execute("select revision from articles where outlet_id = 'reuters'").fetchone()[0]
        revisions = con.execute(
            "select count(*) from article_revisions join articles using (article_id) where outlet_id = 'reuters'").fetchone()[0]
        changes = con.execute("select kind, summary, new_sentence from article_changes").fetchall()
        current = con.execute(
            "select count(*) from current_sentences where outlet_id = 'reuters' and text like '%three of their soldiers%'").fetchone()[0]
    assert rev == 2 and revisions == 2
    assert any(k == "changed" and "from two to three" in s for k, s, _ in changes), changes
    assert current == 1
    html = Path(result.report).read_text(encoding="utf-8")
    assert "revision 2" in html and "a figure changed from two to three" in html
