from __future__ import annotations


import pytest

from rashomon.errors import ConfigError
from rashomon.settings import load_settings


def test_layers_defaults_file_env_cli(tmp_path):
    cfg = tmp_path / "rashomon.toml"
    cfg.write_text('model = "from-file"\nembed_batch_size = 16\nalign_min_margin = 1.2\n')
    s = load_settings(cfg, env={"RASHOMON_EMBED_BATCH_SIZE": "8"}, db=tmp_path / "x.duckdb")
    assert s.model == "from-file"          # file beats default
    assert s.embed_batch_size == 8          # env beats file
    assert s.align_min_margin == 1.2
    assert s.db == tmp_path / "x.duckdb"    # CLI beats all
    assert load_settings(cfg, env={}, model="cli").model == "cli"


def test_unknown_setting_is_an_error(tmp_path):
    cfg = tmp_path / "rashomon.toml"
    cfg.write_text("modle = 'typo'\n")
    with pytest.raises(ConfigError, match="unknown setting 'modle'"):
        load_settings(cfg, env={})


def test_bad_env_value_is_an_error():
    with pytest.raises(ConfigError, match="RASHOMON_EMBED_BATCH_SIZE"):
        load_settings(env={"RASHOMON_EMBED_BATCH_SIZE": "many"})


def test_missing_config_file_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="config file not found"):
        load_settings(tmp_path / "nope.toml", env={})
