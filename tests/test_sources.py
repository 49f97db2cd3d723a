from __future__ import annotations

import shutil

import pytest

from rashomon.errors import ConfigError
from rashomon.sources import load_event, load_outlet, load_outlets


def test_every_shipped_outlet_loads(sources_dir):
    outlets = load_outlets(sources_dir)
    assert len(outlets) >= 15
    perspectives = {o.perspective for o in outlets.values()}
    assert {"armenian_state", "azerbaijani_state", "russian_state", "turkish_state", "international_wire"} <= perspectives
    for o in outlets.values():
        assert o.id == o.path.stem


def test_seed_event_loads_with_parties_and_offline_mirror(seed_event_dir):
    event = load_event(seed_event_dir)
    assert event.id == "karabakh-2022-08-03"
    assert {p.id for p in event.parties} >= {"armenia", "azerbaijan", "russia", "eu", "us"}
    armenia = event.party("armenia")
    assert "illegal Armenian armed detachments" in armenia.all_aliases
    assert event.offline is not None and len(event.offline.feeds) >= 5
    for path in event.offline.feeds.values():
        assert (event.offline.site / path).is_file()


def test_missing_event_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_event(tmp_path / "no-such-event")


def test_bad_outlet_field_names_file_and_field(tmp_path):
    bad = tmp_path / "bad_outlet.toml"
    bad.write_text('id = "bad_outlet"\nname = "X"\nhomepage = "ftp://x"\nlanguage = "en"\ncountry = "XX"\nperspective = "p"\n')
    with pytest.raises(ConfigError, match=r"bad_outlet\.toml: field 'homepage'"):
        load_outlet(bad)


def test_outlet_id_must_match_file_stem(tmp_path):
    path = tmp_path / "one.toml"
    path.write_text('id = "two"\nname = "X"\nhomepage = "https://x.org"\nlanguage = "en"\ncountry = "XX"\nperspective = "p"\n')
    with pytest.raises(ConfigError, match="file name stem"):
        load_outlet(path)


def test_event_window_must_be_ordered(tmp_path, seed_event_dir):
    folder = tmp_path / "karabakh-2022-08-03"
    shutil.copytree(seed_event_dir, folder, ignore=shutil.ignore_patterns("site"))
    (folder / "site").mkdir()
    text = (folder / "event.toml").read_text()
    import re

    text = re.sub(r"window_end\s*=.*", "window_end = 2000-01-01T00:00:00Z", text)
    (folder / "event.toml").write_text(text)
    with pytest.raises(ConfigError, match="window_end"):
        load_event(folder)


def test_broken_toml_is_reported_with_its_path(tmp_path):
    path = tmp_path / "x.toml"
    path.write_text("id = \n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_outlet(path)


@pytest.mark.parametrize(("extra", "field"), [
    ('article_url_patern = "^https://x.org/"\n', "article_url_patern"),
    ('\n[politeness]\nrequests_per_second = 0.5\ndelay = 2\n', "politeness.delay"),
])
def test_unknown_outlet_field_is_refused_naming_file_and_field(tmp_path, extra, field):
    path = tmp_path / "typo.toml"
    path.write_text('id = "typo"\nname = "X"\nhomepage = "https://x.org"\nlanguage = "en"\ncountry = "XX"\n'
                    'perspective = "p"\n' + extra)
    with pytest.raises(ConfigError, match=rf"typo\.toml: field '{field}' is not a known field"):
        load_outlet(path)
