"""Issue 15 item 3, the fast part: a hostile feed cannot decide the work (items per feed, per run, feed bytes), what is
left out is recorded, results are saved in batches as they arrive, and a stop request ends fetching at once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from rashomon import stopping, store
from rashomon.batchwriter import BatchWriter
from rashomon.discover import discover_event
from rashomon.errors import RunInterrupted
from rashomon.fetch import Fetcher, FetchPolicy
from rashomon.sources import load_event, load_outlets

try:
    from tests.hostile_site import HostileSite
except ImportError:  # pragma: no cover - run from tests/
    from hostile_site import HostileSite

REPO = Path(__file__).resolve().parent.parent


def _policy(**overrides: object) -> FetchPolicy:
    values: dict[str, object] = {"allow_private": True, "min_interval": 0.0, "total_timeout": 100.0,
                                 "max_attempts": 1}
    values.update(overrides)
    return FetchPolicy(**values)  # type: ignore[arg-type]


def _setup(tmp_path: Path, feeds: dict[str, list[str]]):
    """An event on Karabakh whose outlets read the given feeds."""
    sources = tmp_path / "sources"
    sources.mkdir()
    for outlet, urls in feeds.items():
        listed = ", ".join(f'"{u}"' for u in urls)
        (sources / f"{outlet}.toml").write_text(
            f'id = "{outlet}"\nname = "{outlet}"\nhomepage = "https://{outlet}.example/"\nlanguage = "en"\n'
            f'country = "XX"\nperspective = "regional_independent"\nfeeds = [{listed}]\n')
    folder = tmp_path / "karabakh-2022-08-03"
    folder.mkdir()
    outlets = ", ".join(f'"{o}"' for o in feeds)
    (folder / "event.toml").write_text(
        'id = "karabakh-2022-08-03"\ntitle = "Clash"\nsummary = "A clash."\nwindow_start = 2022-08-01T00:00:00Z\n'
        f'window_end = 2022-08-10T00:00:00Z\nkeywords = ["karabakh"]\noutlets = [{outlets}]\n'
        '[[parties]]\nid = "a"\nname = "A"\naliases = []\n[[parties]]\nid = "b"\nname = "B"\naliases = []\n')
    return load_event(folder), load_outlets(sources)


def test_a_feed_gives_at_most_max_items_per_feed_and_the_rest_is_recorded(site: HostileSite, tmp_path: Path) -> None:
    event, outlets = _setup(tmp_path, {"flood": [site.url("/feed?n=3000")]})
    with Fetcher(_policy()) as fetcher:
        found = discover_event(event, outlets, fetcher, max_per_feed=50, max_per_run=1000)
    assert found.listed == 3000
    assert [i.url for i in found.items] == [site.url(f"/delay?ms=0&n={i}") for i in range(50)]  # the first 50
    (where, why), = found.left_out
    assert where == site.url("/feed?n=3000")
    assert why.startswith("2950 of 3000 matching items left out: more than max_items_per_feed = 50")


def test_a_run_takes_at_most_max_items_per_run(site: HostileSite, tmp_path: Path) -> None:
    event, outlets = _setup(tmp_path, {"one": [site.url("/feed?n=300")], "two": [site.url("/feed?n=300&from=300")]})
    with Fetcher(_policy()) as fetcher:
        found = discover_event(event, outlets, fetcher, max_per_feed=500, max_per_run=400)
    assert len(found.items) == 400 and len({i.url for i in found.items}) == 400
    why = ("200 of 600 matching items left out: more than max_items_per_run = 400 "
           "(raise it in rashomon.toml or RASHOMON_MAX_ITEMS_PER_RUN to take more)")
    assert found.left_out == [("run", why)]


def test_a_feed_over_max_feed_bytes_is_not_read(site: HostileSite, tmp_path: Path) -> None:
    event, outlets = _setup(tmp_path, {"flood": [site.url("/feed?n=100000")]})  # about 10 MB
    with Fetcher(_policy()) as fetcher:
        found = discover_event(event, outlets, fetcher, max_feed_bytes=4 * 1024 * 1024)
    assert found.items == [] and found.listed == 0
    (where, why), = found.failures
    assert where == site.url("/feed?n=100000") and why.startswith("feed not fetched: too_large")


def test_batch_writer_saves_each_batch_through_its_own_connection(tmp_path: Path) -> None:
    db = tmp_path / "b.duckdb"
    with store.connect(db) as con:
        con.execute("create table seen (n integer)")
    seen_between: list[int] = []

    def write(con, batch: list[int]) -> None:
        con.executemany("insert into seen values (?)", [[n] for n in batch])

    with BatchWriter(db, write, size=3) as writer:
        for n in range(7):
            writer.add(n)
            with store.connect(db, read_only=True, wait_s=5) as con:  # the file is free between batches
                seen_between.append(con.execute("select count(*) from seen").fetchone()[0])
    with store.connect(db, read_only=True) as con:
        assert con.execute("select count(*) from seen").fetchone()[0] == 7
    assert seen_between == [0, 0, 3, 3, 3, 6, 6]
    assert writer.batches == 3


def test_a_stop_request_aborts_requests_in_flight_and_keeps_what_was_delivered(site: HostileSite) -> None:
    """/slow drips a byte a second for 120 s; the deadline is 100 s: only the abort can end it soon."""
    delivered: list[str] = []
    outcome: list[BaseException] = []
    urls = [site.url("/ok.html?key=first"), site.url("/slow?key=stop")]

    def run() -> None:
        with Fetcher(_policy()) as fetcher:
            try:
                fetcher.fetch_many(urls, on_result=lambda url, r: delivered.append(url),
                                   should_stop=lambda: len(site.requests("/slow")) > 0)
            except BaseException as exc:  # noqa: BLE001 - the test looks at it
                outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=30)
    assert not worker.is_alive(), "fetch_many did not stop"
    assert len(outcome) == 1 and isinstance(outcome[0], RunInterrupted), outcome
    assert "1 of 2 pages not fetched" in str(outcome[0])
    assert delivered == [urls[0]]


def test_pages_fetched_while_the_caller_saves_are_delivered_when_a_stop_comes(site: HostileSite) -> None:
    """The caller is slow with the first page (a batch write on a loaded machine); meanwhile the lane fetches the next
    two; a stop that comes then must hand those two over to be saved, not drop them (they were fetched)."""
    delivered: list[str] = []
    urls = [site.url(f"/ok.html?key=p{n}") for n in range(3)] + [site.url("/slow?key=last")]

    def slow_save(url: str, result: object) -> None:
        delivered.append(url)
        if len(delivered) == 1:
            deadline = time.monotonic() + 20
            while len(site.requests("/ok.html")) < 3 and time.monotonic() < deadline:
                time.sleep(0.05)   # the lane goes on while the first page is being saved
            time.sleep(0.3)

    with Fetcher(_policy()) as fetcher, pytest.raises(RunInterrupted, match="1 of 4 pages not fetched"):
        fetcher.fetch_many(urls, on_result=slow_save, should_stop=lambda: len(delivered) >= 1)
    assert delivered == urls[:3]


def test_first_signal_asks_to_stop_and_check_says_why() -> None:
    with stopping.handle_signals():
        os.kill(os.getpid(), signal.SIGTERM)
        assert stopping.requested()
        with pytest.raises(RunInterrupted, match="SIGTERM received; stopped while testing"):
            stopping.check("while testing")
    assert signal.getsignal(signal.SIGTERM) is not stopping._handler
    stopping.reset()


SECOND_SIGNAL = """
import sys, time
from rashomon import stopping
with stopping.handle_signals():
    print("ready", flush=True)
    time.sleep(60)
print("not reached", flush=True)
"""


def test_second_signal_exits_at_once() -> None:
    proc = subprocess.Popen([sys.executable, "-c", SECOND_SIGNAL], cwd=REPO, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        assert proc.stdout.readline().strip() == "ready"
        proc.send_signal(signal.SIGINT)
        first = proc.stderr.readline() + proc.stderr.readline()  # a blank line, then the message
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
        err = first + err
    finally:
        proc.kill()
    assert proc.returncode == 130
    assert "SIGINT received: stopping after saving what is done" in err and "SIGINT again: exiting now" in err
    assert "not reached" not in out
