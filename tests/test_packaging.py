"""The wheel carries everything the demo, `rashomon sql` and `rashomon eval` read, and installs only `rashomon`.

Builds the wheel offline (`pip wheel --no-deps --no-build-isolation`, a few seconds) and unpacks it; the full check,
a fresh virtualenv with `pip install .` then `rashomon demo` from an empty folder, is `.ci/check-wheel` (README).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # from a clean copy: a checkout's ignored build/ folder may hold files the package list no longer names
    src = tmp_path_factory.mktemp("src") / "rashomon"
    shutil.copytree(REPO, src, ignore=shutil.ignore_patterns(
        "build", "*.egg-info", ".venv", ".git", "__pycache__", "reports", "test-artifacts", "*.duckdb*"))
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q",
         "-w", str(out), str(src)],
        capture_output=True, text=True, cwd=out,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    (path,) = out.glob("rashomon-*.whl")
    return path


@pytest.fixture(scope="module")
def names(wheel) -> set[str]:
    with zipfile.ZipFile(wheel) as z:
        return set(z.namelist())


@pytest.fixture(scope="module")
def unpacked(wheel, tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("site")
    with zipfile.ZipFile(wheel) as z:
        z.extractall(site)
    return site


def _repo_files(folder: str, pattern: str = "**/*") -> list[str]:
    return sorted(p.relative_to(REPO / folder).as_posix() for p in (REPO / folder).glob(pattern) if p.is_file())


def test_the_wheel_installs_only_the_rashomon_package(names):
    tops = {n.split("/", 1)[0] for n in names}
    assert {t for t in tops if not t.endswith(".dist-info")} == {"rashomon"}
    assert not any(n.startswith(("flows/", "sql/", "seeds/", "sources/")) for n in names)


def test_the_wheel_carries_the_flows_the_sql_the_seed_the_outlets_and_the_gold_set(names):
    assert {f"rashomon/flows/{f}" for f in _repo_files("flows", "*.py")} <= names
    sql = _repo_files("sql")
    assert "schema/CHECKSUMS" in sql and "views.sql" in sql and "queries/select_event_counts.sql" in sql
    assert {f"rashomon/data/sql/{f}" for f in sql} <= names
    seeds = _repo_files("seeds")
    assert "karabakh-2022-08-03/event.toml" in seeds and any(f.endswith("rss.xml") for f in seeds)
    assert {f"rashomon/data/seeds/{f}" for f in seeds} <= names
    assert {f"rashomon/data/sources/{f}" for f in _repo_files("sources", "*.toml")} <= names
    gold = [f for f in _repo_files("tests/gold") if not f.endswith(".py")]
    assert {f"rashomon/data/gold/{f}" for f in gold} <= names
    assert {f"rashomon/templates/{f}" for f in _repo_files("rashomon/templates")} <= names


def test_the_wheel_carries_every_module_and_rule_file_of_the_package(names):
    """A subpackage or rules file added later must not be left out of the explicit package list (rashomon.fetch
    once was: the installed demo failed with "No module named 'rashomon.fetch'")."""
    package = REPO / "rashomon"
    files = {p.relative_to(REPO).as_posix() for pattern in ("*.py", "*.toml", "*.txt", "*.json")
             for p in package.rglob(pattern) if "__pycache__" not in p.parts}
    assert files and files <= names, sorted(files - names)[:10]


def test_dask_is_an_extra_not_a_requirement(wheel):
    with zipfile.ZipFile(wheel) as z:
        meta = Parser().parsestr(z.read(next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))).decode())
    requires = meta.get_all("Requires-Dist")
    dask = [r for r in requires if r.startswith(("distributed", "prefect-dask", "prefect_dask", "dask"))]
    assert dask and all('extra == "dask"' in r for r in dask), dask
    assert "dask" in meta.get_all("Provides-Extra")


def test_the_installed_layout_finds_its_data_and_flows(unpacked, tmp_path):
    """The unpacked wheel, imported from an empty folder: SQL, seed, outlets and flows all come from the wheel."""
    code = (
        "import json, rashomon, rashomon.store as store, rashomon.evaluate as ev, rashomon.cli as cli\n"
        "from rashomon.settings import Settings\n"
        "import rashomon.flows.pipeline as fp\n"
        "print(json.dumps({'pkg': rashomon.__file__, 'sql': str(store.SQL_DIR), 'gold': str(ev.GOLD_DIR),\n"
        "  'sources': str(Settings().sources_dir), 'event': str(cli._default_event_dir()), 'flows': fp.__file__,\n"
        "  'query': store.sql_text('select_event_counts').splitlines()[0],\n"
        "  'migrations': len(store.migration_files())}))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(unpacked)}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    import json

    got = json.loads(proc.stdout.strip().splitlines()[-1])
    for key in ("pkg", "sql", "gold", "sources", "event", "flows"):
        assert Path(got[key]).resolve().is_relative_to(unpacked.resolve()), (key, got[key])
    assert got["query"].startswith("-- purpose:")
    assert got["migrations"] == len(list((REPO / "sql" / "schema").glob("[0-9][0-9][0-9]_*.sql")))


def test_the_extras_are_declared_for_make_test():
    """`make test` installs '.[dev]', which must bring the dask extra so the heavy Dask test runs in CI."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert not any(d.startswith(("distributed", "prefect-dask")) for d in project["dependencies"])
    assert "rashomon[dask]" in project["optional-dependencies"]["dev"]
