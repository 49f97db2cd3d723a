"""The settings model (rashomon/settings.py): its layers, its errors, its documentation, and the fetch policy it
gives. All offline and fast: no pipeline runs here."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from rashomon import cli
from rashomon.errors import ConfigError
from rashomon.fetch import FetchPolicy, fetch_policy
from rashomon.fetch.records import FROM_SETTINGS
from rashomon.settings import ALIGN_PARAMS, Settings, load_settings, settings_table

DOC = Path(__file__).resolve().parents[1] / "docs" / "configuration.md"


def test_layers_defaults_file_env_cli(tmp_path):
    cfg = tmp_path / "rashomon.toml"
    cfg.write_text('model = "from-file"\nembed_batch_size = 16\nalign_min_margin = 1.2\n')
    s = load_settings(cfg, env={"RASHOMON_EMBED_BATCH_SIZE": "8"}, db=tmp_path / "x.duckdb")
    assert s.model == "from-file"          # file beats default
    assert s.embed_batch_size == 8          # env beats file
    assert s.align_min_margin == 1.2
    assert s.db == tmp_path / "x.duckdb"    # CLI beats all
    assert s.max_attempts == 3              # default where nothing sets it
    assert load_settings(cfg, env={}, model="cli").model == "cli"
    assert load_settings(cfg, env={"RASHOMON_MODEL": "env"}, model=None).model == "env"  # None: flag not given


def test_the_config_file_is_found_like_before(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert load_settings(env={}).model == Settings.defaults().model            # no rashomon.toml: defaults
    (tmp_path / "rashomon.toml").write_text('model = "here"\n')
    (tmp_path / "other.toml").write_text('model = "other"\n')
    assert load_settings(env={}).model == "here"                                # ./rashomon.toml
    assert load_settings(env={"RASHOMON_CONFIG": "other.toml"}).model == "other"
    assert load_settings(Path("other.toml"), env={"RASHOMON_CONFIG": "rashomon.toml"}).model == "other"


def test_settings_constructed_directly_layer_the_same_way(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rashomon.toml").write_text('model = "file"\nmax_attempts = 5\n')
    monkeypatch.setenv("RASHOMON_MAX_ATTEMPTS", "7")
    s = Settings(db=Path("cli.duckdb"))
    assert (s.model, s.max_attempts, s.db) == ("file", 7, Path("cli.duckdb"))
    assert Settings.defaults() == Settings.defaults().replace() and Settings.defaults().max_attempts == 3


def test_values_are_converted_as_before(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text('min_interval = 2\nallow_private = true\ndb = "d.duckdb"\n')
    env = {"RASHOMON_ALLOW_NETWORKS": "10.1.0.0/16, 192.168.0.0/24", "RASHOMON_TOTAL_TIMEOUT": "5",
           "RASHOMON_MAX_BYTES": "1000"}
    s = load_settings(cfg, env=env)
    assert s.min_interval == 2.0 and isinstance(s.min_interval, float)
    assert s.allow_private is True and s.db == Path("d.duckdb")
    assert (s.total_timeout, s.max_bytes) == (5.0, 1000)
    for text, value in [("1", True), ("yes", True), ("On", True), ("false", False), ("0", False), ("off", False)]:
        assert load_settings(env={"RASHOMON_ALLOW_PRIVATE": text}).allow_private is value
    assert s.networks == ("10.1.0.0/16", " 192.168.0.0/24")


def test_a_bad_value_in_the_file_names_the_file_and_the_key(tmp_path):
    cfg = tmp_path / "rashomon.toml"
    cfg.write_text("max_attempts = 0\n")
    with pytest.raises(ConfigError) as info:
        load_settings(cfg, env={})
    assert str(info.value) == f"{cfg}: setting 'max_attempts' must be at least 1, got 0"
    cfg.write_text('align_min_same_fact = 1.5\nalign_method = "cosine"\nembed_batch_size = "many"\n')
    with pytest.raises(ConfigError) as info:
        load_settings(cfg, env={})
    assert str(info.value) == (
        f"{cfg}: setting 'embed_batch_size' must be an integer, got 'many'; "
        f"{cfg}: setting 'align_method' must be 'same_fact', 'same_fact_tokens' or 'margin', got 'cosine'; "
        f"{cfg}: setting 'align_min_same_fact' must be at most 1, got 1.5")


def test_a_bad_env_value_names_the_variable_and_the_setting(tmp_path):
    with pytest.raises(ConfigError) as info:
        load_settings(env={"RASHOMON_EMBED_BATCH_SIZE": "many"})
    assert str(info.value) == ("environment variable RASHOMON_EMBED_BATCH_SIZE: "
                               "setting 'embed_batch_size' must be an integer, got 'many'")
    with pytest.raises(ConfigError, match=r"^environment variable RASHOMON_MIN_INTERVAL: setting 'min_interval' "
                                          r"must be at least 0, got '-1'$"):
        load_settings(env={"RASHOMON_MIN_INTERVAL": "-1"})
    with pytest.raises(ConfigError, match="RASHOMON_ALLOW_PRIVATE: setting 'allow_private' must be true or false"):
        load_settings(env={"RASHOMON_ALLOW_PRIVATE": "maybe"})
    # the environment overrides the file: its bad value is the one reported, a good one hides the file's
    cfg = tmp_path / "rashomon.toml"
    cfg.write_text("max_attempts = 0\n")
    assert load_settings(cfg, env={"RASHOMON_MAX_ATTEMPTS": "2"}).max_attempts == 2
    with pytest.raises(ConfigError, match=r"^command line: setting 'max_attempts' must be at least 1, got 0$"):
        load_settings(env={}, max_attempts=0)


def test_unknown_setting_is_an_error(tmp_path):
    cfg = tmp_path / "rashomon.toml"
    cfg.write_text("modle = 'typo'\n")
    with pytest.raises(ConfigError, match=rf"^{re.escape(str(cfg))}: unknown setting 'modle' \(known: align_k, "):
        load_settings(cfg, env={})
    cfg.write_text("[align]\nk = 3\n")   # no tables: every key is top-level
    with pytest.raises(ConfigError, match="unknown setting 'align'"):
        load_settings(cfg, env={})
    with pytest.raises(ConfigError, match="^command line: unknown setting 'bogus'"):
        load_settings(env={}, bogus=1)
    assert load_settings(env={"RASHOMON_NOT_A_SETTING": "x"}) == Settings.defaults()  # as before: not ours to judge


def test_invalid_toml_and_missing_file_are_errors(tmp_path):
    cfg = tmp_path / "rashomon.toml"
    cfg.write_text("model = [\n")
    with pytest.raises(ConfigError, match=rf"^{re.escape(str(cfg))}: not valid TOML"):
        load_settings(cfg, env={})
    cfg.write_bytes(b'model = "\xff"\n')
    with pytest.raises(ConfigError, match=rf"^{re.escape(str(cfg))}: not valid TOML"):
        load_settings(cfg, env={})
    with pytest.raises(ConfigError, match="config file not found"):
        load_settings(tmp_path / "nope.toml", env={})


def test_replace_validates():
    s = Settings.defaults()
    assert s.replace(schedule_cron="1 * * * *", model=None).schedule_cron == "1 * * * *"
    with pytest.raises(ConfigError, match="setting 'max_items_per_run' must be at least 1, got 0"):
        s.replace(max_items_per_run=0)


def test_the_cli_prints_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rashomon.toml").write_text("max_items_per_feed = -5\n")
    assert cli.main(["sources", "list"]) == 2
    err = capsys.readouterr().err
    assert err == "rashomon: error: rashomon.toml: setting 'max_items_per_feed' must be at least 1, got -5\n"


def test_the_doc_lists_every_setting_as_the_model_does():
    text = DOC.read_text(encoding="utf-8")
    assert settings_table() in text, "regenerate the table of docs/configuration.md from rashomon.settings"
    documented = re.findall(r"^\| `(\w+)` \| `(RASHOMON_\w+)` \|", text, re.M)
    assert [name for name, _ in documented] == list(Settings.model_fields)
    assert all(var == f"RASHOMON_{name.upper()}" for name, var in documented)


def test_every_documented_setting_loads_from_the_file_and_the_environment(tmp_path):
    """Each default as the doc writes it, read back from a TOML file and from the environment."""
    text = DOC.read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(\w+)` \| `(RASHOMON_\w+)` \| [^|]+ \| `(.+?)` \|", text, re.M)
    assert len(rows) == len(Settings.model_fields) - 1   # sources_dir's default depends on the working directory
    cfg = tmp_path / "rashomon.toml"
    cfg.write_text("".join(f"{name} = {value}\n" for name, _, value in rows))
    defaults = Settings.defaults()
    from_file = load_settings(cfg, env={})
    values = tomllib.loads(cfg.read_text())
    env = {var: str(values[name]).lower() if isinstance(values[name], bool) else str(values[name])
           for name, var, _ in rows}
    from_env = load_settings(env=env)
    for name, _, _ in rows:
        assert getattr(from_file, name) == getattr(defaults, name) == getattr(from_env, name), name


def test_the_align_aliases_and_their_settings():
    s = load_settings(env={"RASHOMON_ALIGN_METHOD": "margin", "RASHOMON_ALIGN_K": "6"})
    assert set(ALIGN_PARAMS.values()) <= set(Settings.model_fields)
    assert s.align_params()["method"] == "margin" and s.align_params()["k"] == 6
    assert list(s.align_params()) == list(ALIGN_PARAMS)


def test_the_fetch_policy_is_derived_from_the_settings():
    defaults = Settings.defaults()
    assert all(getattr(FetchPolicy(), name) == getattr(defaults, name) for name in FROM_SETTINGS)
    assert fetch_policy(defaults) == FetchPolicy()
    s = load_settings(env={"RASHOMON_USER_AGENT": "Test/1", "RASHOMON_MIN_INTERVAL": "0",
                           "RASHOMON_ALLOW_NETWORKS": "10.1.0.0/16", "RASHOMON_MAX_BYTES": "5"})
    policy = fetch_policy(s, mirror="http://127.0.0.1:8765/")
    assert (policy.user_agent, policy.min_interval, policy.max_bytes) == ("Test/1", 0.0, 5)
    assert policy.allow_networks == ("10.1.0.0/16",) and policy.loopback_hosts == frozenset({"127.0.0.1:8765"})
    assert not policy.allow_private and fetch_policy(s, allow_private=True).allow_private
