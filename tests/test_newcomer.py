"""What a new user meets first: the README's commands run after `make demo`, a missing database is a clear error
(never an empty file), a re-run of the demo sees the same URLs, the console shows the stages and not the libraries'
chatter, and the run's disagreement count is the report's."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest

from rashomon import store
from rashomon.cli import main
from rashomon.localsite import DEMO_PORT, demo_port, serve_folder

REPO = Path(__file__).resolve().parent.parent


# ------------------------------------------------------------------ README and Makefile: the commands are found
def test_the_readme_says_how_to_reach_the_command_before_listing_it():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    first_command = readme.index("rashomon demo [EVENT_DIR]")
    assert "source .venv/bin/activate" in readme[:first_command]


def test_make_demo_ends_by_saying_how_to_run_the_commands():
    out = subprocess.run(["make", "-n", "demo"], cwd=REPO, capture_output=True, text=True).stdout
    assert "source .venv/bin/activate" in out and ".venv/bin/rashomon" in out


# ------------------------------------------------------------------ a missing database
MISSING_DB_COMMANDS = [["report", "karabakh-2022-08-03"], ["export", "karabakh-2022-08-03", "--to", "out"],
                       ["sql", "select 1"]]


@pytest.mark.parametrize("command", MISSING_DB_COMMANDS, ids=lambda c: c[0])
def test_a_missing_database_is_a_clear_error_and_no_file_is_created(command, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "missing.duckdb"
    assert main([*command, "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("rashomon: error: ") and "database not found" in err and str(db) in err
    assert not db.exists() and not (tmp_path / "out").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == []


# ------------------------------------------------------------------ the demo's mirror keeps its URLs
def test_a_new_database_serves_the_mirror_on_the_fixed_port(tmp_path):
    assert demo_port(tmp_path / "none.duckdb", "karabakh-2022-08-03") == DEMO_PORT
    assert not (tmp_path / "none.duckdb").exists()


def test_a_rerun_serves_the_mirror_on_the_port_its_pages_were_discovered_on(demo_run, seed_site):
    """demo_run discovered its pages on the session's mirror (a free port): the next demo on that database comes
    back to that port, so its URLs are the same and the pages are known (304s, nothing newly discovered)."""
    result, settings = demo_run
    port = int(seed_site.rsplit(":", 1)[1].strip("/"))
    assert demo_port(settings.db, result.event_id) == port
    assert demo_port(settings.db, "another-event") == DEMO_PORT


def test_a_busy_port_falls_back_to_a_free_one(tmp_path, caplog):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        taken = busy.getsockname()[1]
        with serve_folder(tmp_path, port=taken) as base_url:
            assert base_url.startswith("http://127.0.0.1:") and f":{taken}/" not in base_url
    assert f"port {taken} is busy" in caplog.text


# ------------------------------------------------------------------ the log's disagreement count is the report's
def test_the_runs_disagreement_count_is_the_reports(demo_run):
    result, settings = demo_run
    with store.connect(settings.db, read_only=True) as con:
        shown = store.rows(con, "select_report_disagreements", event_id=result.event_id)
        detected = con.execute("select count(*) from claim_disagreements where event_id = ?",
                               [result.event_id]).fetchone()[0]
    assert result.counts["disagreements"] == len(shown) > 0
    assert len(shown) != detected   # the view adds initiator pairs and omissions to the detectors' rows
    doc = lxml.html.fromstring(Path(result.report).read_text(encoding="utf-8"))
    cards = doc.xpath('//section[@id="disagreements"]//article[contains(@class,"card")]')
    assert len(cards) == result.counts["disagreements"]


# ------------------------------------------------------------------ a quiet console
QUIET_PROBE = """
import logging, warnings
from rashomon import console
console.setup(verbose={verbose})
from prefect import flow  # noqa: F401  (as `rashomon demo` does after the setup: Prefect sets up its logging)
log = logging.getLogger("prefect.task_runs")
log.info("fetch: 6 pages, 6 fetched")
log.info("Finished in state Completed()")
log.error("Finished in state Failed('boom')")
logging.getLogger("prefect").info("Starting temporary server on http://127.0.0.1:1\\nSee https://www.prefect.io/docs")
warnings.warn("old API", DeprecationWarning)
warnings.warn("will change", FutureWarning)
from transformers.utils import logging as hf_logging
print("progress bars:", hf_logging.is_progress_bar_enabled())
"""


def _probe(verbose: bool) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HF_HUB_DISABLE", "TRANSFORMERS_VERB"))}
    proc = subprocess.run([sys.executable, "-W", "default", "-c", QUIET_PROBE.format(verbose=verbose)],
                          capture_output=True, text=True, cwd=REPO, env=env)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout + proc.stderr


def test_the_console_keeps_the_stages_and_drops_the_routine_lines():
    out = _probe(verbose=False)
    assert "fetch: 6 pages, 6 fetched" in out and "Finished in state Failed('boom')" in out
    assert "Completed()" not in out and "prefect.io/docs" not in out
    assert "DeprecationWarning" not in out and "FutureWarning" not in out
    assert "progress bars: False" in out


def test_verbose_keeps_everything():
    out = _probe(verbose=True)
    assert "Finished in state Completed()" in out and "Starting temporary server" in out
    assert re.search(r"progress bars: True", out)
