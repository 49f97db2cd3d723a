"""Issue 15 items 3 and 7, end to end: the demo with a hostile outlet whose feed lists 30,000 matching items, stopped
with SIGINT, then SIGTERM, then kill -9, then run to the end. Each stop ends the run within seconds with what was
fetched saved and the run marked failed; kill -9 loses at most the batch in flight and leaves no Prefect server
behind; the last run finishes the work and marks the killed run failed."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import psutil
import pytest
from rashomon.flows.tasks import FETCH_BATCH

from rashomon import store
from rashomon.sources import load_event

try:
    from tests.hostile_site import HostileSite, big_feed, serve_hostile_site
except ImportError:  # pragma: no cover - run from tests/
    from hostile_site import HostileSite, big_feed, serve_hostile_site

REPO = Path(__file__).resolve().parent.parent
FEED_ITEMS = 30_000      # about 3 MB: under max_feed_bytes, so the item caps are what bounds the run
PER_FEED = 60            # RASHOMON_MAX_ITEMS_PER_FEED for these runs
STOP_AFTER = 10          # hostile pages served in a run before it is stopped


def _event(tmp_path: Path, seed_event_dir: Path, sources_dir: Path, hostile_base: str) -> tuple[Path, Path]:
    event_dir = tmp_path / seed_event_dir.name
    shutil.copytree(seed_event_dir, event_dir)
    (event_dir / "site" / "flood").mkdir()
    (event_dir / "site" / "flood" / "rss.xml").write_bytes(big_feed(hostile_base, range(FEED_ITEMS), "Karabakh"))
    text = (event_dir / "event.toml").read_text()
    text = text.replace('outlets = ["', 'outlets = ["flood", "', 1)
    text = text.replace("[offline.feeds]", '[offline.feeds]\nflood = "flood/rss.xml"', 1)
    if "flood = " not in text:
        text = text.replace("feeds = {", 'feeds = { flood = "flood/rss.xml",', 1)
    (event_dir / "event.toml").write_text(text)
    assert "flood" in load_event(event_dir).offline.feeds
    sources = tmp_path / "sources"
    shutil.copytree(sources_dir, sources)
    (sources / "flood.toml").write_text(
        'id = "flood"\nname = "Flood"\nhomepage = "https://flood.example"\nlanguage = "en"\ncountry = "XX"\n'
        'perspective = "regional_independent"\nfeeds = ["https://flood.example/rss.xml"]\n')
    return event_dir, sources


def _wait_for(condition: Callable[[], bool], what: str, timeout: float, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert proc.poll() is None, f"the run ended before {what}: {log.read_text()[-3000:]}"
        assert time.monotonic() < deadline, f"no {what} after {timeout:.0f} s: {log.read_text()[-3000:]}"
        time.sleep(0.1)


def _served(site: HostileSite) -> int:
    return len(site.requests("/delay"))


def _saved(db: Path, run_id: str | None = None) -> set[str]:
    """Hostile pages whose fetch this run (or any run) saved."""
    with store.connect(db, read_only=True, wait_s=60) as con:
        rows = con.execute("select distinct url from fetch_log where outcome = 'ok' and url like '%/delay?%' "
                           "and ($run_id is null or run_id = $run_id)", {"run_id": run_id}).fetchall()
    return {r[0] for r in rows}


def _runs(db: Path) -> list[tuple[str, str, str | None]]:
    with store.connect(db, read_only=True, wait_s=60) as con:
        return con.execute("select run_id, status, error from runs order by started_at").fetchall()


@pytest.mark.slow
@pytest.mark.heavy
def test_stopped_and_killed_runs_lose_nothing_fetched_and_leave_nothing_running(tmp_path, seed_event_dir, sources_dir):
    db, reports, log = tmp_path / "s.duckdb", tmp_path / "reports", tmp_path / "run.log"
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(REPO), "RASHOMON_ALLOW_PRIVATE": "1",
           "RASHOMON_MAX_ITEMS_PER_FEED": str(PER_FEED), "RASHOMON_MIN_INTERVAL": "0.2"}
    with serve_hostile_site() as site:
        event_dir, sources = _event(tmp_path, seed_event_dir, sources_dir, site.base_url)
        cmd = [sys.executable, "-m", "rashomon.cli", "demo", str(event_dir), "--db", str(db), "--reports",
               str(reports), "--sources", str(sources)]

        def start() -> subprocess.Popen:
            site.reset()
            with log.open("w") as out:
                return subprocess.Popen(cmd, cwd=tmp_path, env=env, stdout=out, stderr=subprocess.STDOUT, text=True)

        # 1. SIGINT while fetching; meanwhile a reader gets in (discovery and fetch hold the file only per batch)
        proc = start()
        _wait_for(lambda: _served(site) >= 3, "hostile page fetched", 300, proc, log)
        with store.connect(db, read_only=True, wait_s=30) as con:
            assert con.execute("select count(*) from discovered_items where outlet_id = 'flood'").fetchone()[0] \
                == PER_FEED
            left_out = con.execute("select error from fetch_log where outcome = 'over_limit'").fetchall()
        why = (f"{FEED_ITEMS - PER_FEED} of {FEED_ITEMS} matching items left out: more than max_items_per_feed = "
               f"{PER_FEED} (raise it in rashomon.toml or RASHOMON_MAX_ITEMS_PER_FEED to take more)")
        assert left_out == [(why,)]
        _wait_for(lambda: _served(site) >= STOP_AFTER, f"{STOP_AFTER} hostile pages fetched", 120, proc, log)
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=60) == 130, log.read_text()[-3000:]
        assert "rashomon: interrupted: SIGINT received" in log.read_text()
        served = _served(site)
        assert served < PER_FEED, "the run was not stopped before it fetched everything"
        first_run, status, error = _runs(db)[-1]
        assert status == "failed" and error.startswith("RunInterrupted: SIGINT received; stopped while fetching")
        assert len(_saved(db, first_run)) >= served - 1  # every page served was saved, but one in flight

        # 2. SIGTERM, the same
        proc = start()
        _wait_for(lambda: _served(site) >= STOP_AFTER, f"{STOP_AFTER} hostile pages fetched", 300, proc, log)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 130, log.read_text()[-3000:]
        run_id, status, error = _runs(db)[-1]
        assert status == "failed" and error.startswith("RunInterrupted: SIGTERM received"), error
        assert len(_saved(db, run_id)) >= _served(site) - 1

        # 3. kill -9 of the run's process alone: its Prefect API server goes with it; at most a batch is lost
        proc = start()
        _wait_for(lambda: _served(site) >= STOP_AFTER, f"{STOP_AFTER} hostile pages fetched", 300, proc, log)
        children = psutil.Process(proc.pid).children(recursive=True)
        assert any("uvicorn" in " ".join(c.cmdline()) for c in children), "no Prefect server child to watch"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        served = _served(site)
        _, alive = psutil.wait_procs(children, timeout=20)
        assert alive == [], f"still running after the run was killed: {[p.cmdline()[:4] for p in alive]}"
        killed_run, status, _ = _runs(db)[-1]
        assert status == "running"
        assert len(_saved(db, killed_run)) >= served - FETCH_BATCH - 1
        saved_before = _saved(db)

        # 4. run to the end: every page fetched, the killed run marked failed
        proc = start()
        assert proc.wait(timeout=900) == 0, log.read_text()[-3000:]
    runs = {run_id: (status, error) for run_id, status, error in _runs(db)}
    assert runs[killed_run][0] == "failed" and "ended without finishing (killed?)" in runs[killed_run][1]
    assert list(runs.values())[-1][0].startswith("completed")
    everything = _saved(db)
    assert saved_before <= everything and len({u for u in everything}) == PER_FEED
    with store.connect(db, read_only=True) as con:
        assert con.execute("select url, count(*) from articles group by url having count(*) > 1").fetchall() == []
