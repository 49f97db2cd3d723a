"""Shared fixtures: offline always; the model, the spaCy pipeline and Prefect's harness load once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from rashomon import prefect_env  # noqa: E402

prefect_env.configure()

REPO = Path(__file__).resolve().parent.parent
SEED_EVENT = REPO / "seeds" / "karabakh-2022-08-03"
ARTIFACTS = REPO / "test-artifacts"


@pytest.fixture(scope="session")
def seed_event_dir() -> Path:
    return SEED_EVENT


@pytest.fixture(scope="session")
def sources_dir() -> Path:
    return REPO / "sources"


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def model():
    from rashomon.embed import load_model

    return load_model("all-MiniLM-L6-v2")


@pytest.fixture(scope="session")
def prefect_harness(tmp_path_factory):
    """One Prefect test harness (a temporary API server and database) for the whole session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield


@pytest.fixture(scope="session")
def seed_site(seed_event_dir):
    """The seed event's offline mirror, served on 127.0.0.1 for the whole session (one base URL for every run)."""
    from rashomon.localsite import serve_folder
    from rashomon.sources import load_event

    with serve_folder(load_event(seed_event_dir).offline.site) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def demo_run(prefect_harness, tmp_path_factory, seed_event_dir, sources_dir, seed_site):
    """The demo flow run once, offline, against the seed event served on 127.0.0.1."""
    from rashomon.flows.pipeline import pipeline

    from rashomon.settings import load_settings

    work = tmp_path_factory.mktemp("demo")
    # min_interval 0: every outlet of the mirror is one loopback host, so the 1 s politeness interval between
    # requests would only serialise the run (politeness itself is tested in test_fetch.py)
    settings = load_settings(env={}, db=work / "demo.duckdb", reports_dir=work / "reports", sources_dir=sources_dir,
                             min_interval=0.0)
    result = pipeline(str(seed_event_dir), settings, base_url=seed_site)
    return result, settings


@pytest.fixture(scope="session")
def nlp():
    from rashomon.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def karabakh(tmp_path_factory):
    """A small Karabakh event (five parties, a wording pair) for the detector tests."""
    from detect_events import KARABAKH_TOML, load_event_text

    return load_event_text(tmp_path_factory, KARABAKH_TOML)


@pytest.fixture(scope="session")
def ukraine(tmp_path_factory):
    """Another war with other parties: nothing in the detectors may be Karabakh-specific."""
    from detect_events import UKRAINE_TOML, load_event_text

    return load_event_text(tmp_path_factory, UKRAINE_TOML)


@pytest.fixture()
def db(tmp_path) -> Path:
    """A freshly migrated, empty Rashomon database (a test file may define its own `db`)."""
    from rashomon import store

    path = tmp_path / "shared.duckdb"
    with store.connect(path):
        pass
    return path


@pytest.fixture(scope="module")
def hostile():
    """A hostile HTTP server on 127.0.0.1 (tests/hostile_site.py), one per test module."""
    try:
        from tests.hostile_site import serve_hostile_site
    except ImportError:
        from hostile_site import serve_hostile_site
    with serve_hostile_site() as site:
        yield site


@pytest.fixture
def site(hostile):
    """The module's hostile server, its counters and switches reset for this test."""
    hostile.reset()
    return hostile
