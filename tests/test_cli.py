"""Every command has help and is documented; bad input gets one clear line and exit code 2."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pytest

from rashomon.cli import build_parser, main

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield prefix + (name,), sub
                yield from _commands(sub, prefix + (name,))


COMMANDS = [c for c, _ in _commands(build_parser())]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([*command, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: rashomon " + " ".join(command))


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_is_in_the_readme(command):
    assert "rashomon " + " ".join(command) in README


def test_a_missing_event_folder_is_one_clear_line(tmp_path, capsys):
    assert main(["run", str(tmp_path / "no-such-event")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("rashomon: error: ") and "event folder not found" in err
    assert "Traceback" not in err


def test_report_for_an_unknown_event_is_a_clear_error(tmp_path, capsys):
    from rashomon import store

    with store.connect(tmp_path / "x.duckdb"):   # an existing database without the event
        pass
    assert main(["report", "nope", "--db", str(tmp_path / "x.duckdb"), "--reports", str(tmp_path / "r")]) == 2
    assert "is not in the database" in capsys.readouterr().err


def test_the_dask_runner_without_the_dask_extra_is_one_clear_line(monkeypatch, tmp_path, capsys):
    monkeypatch.setitem(sys.modules, "prefect_dask", None)   # as if `rashomon[dask]` were not installed
    db = tmp_path / "d.duckdb"
    assert main(["demo", "--task-runner", "dask", "--db", str(db), "--reports", str(tmp_path / "r")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("rashomon: error: the Dask task runner needs") and "pip install 'rashomon[dask]'" in err
    assert "Traceback" not in err and not db.exists()


def test_python_dash_m_rashomon_is_the_same_command_line():
    import subprocess

    out = subprocess.run([sys.executable, "-m", "rashomon", "--help"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.startswith("usage: rashomon")
