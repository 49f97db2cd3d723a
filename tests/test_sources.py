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


OUTLET = 'name = "X"\nhomepage = "https://x.org"\nlanguage = "en"\ncountry = "XX"\nperspective = "p"\n'


@pytest.mark.parametrize(("text", "message"), [
    (OUTLET.replace('name = "X"\n', ""), "field 'name' is required"),
    (OUTLET.replace('name = "X"', "name = 5"), "field 'name' must be str, got int: 5"),
    (OUTLET.replace('language = "en"', 'language = ""'), "field 'language' must not be empty"),
    (OUTLET + 'feeds = ["https://x.org/rss", "ftp://x.org/rss"]\n',
     "field 'feeds[1]' must be an http(s) URL, got 'ftp://x.org/rss'"),
    (OUTLET + 'feeds = ["", 3]\n', "field 'feeds[0]' must be a non-empty string, got ''; "
                                   "field 'feeds[1]' must be a non-empty string, got 3"),
    (OUTLET + 'sitemaps = "https://x.org/sitemap.xml"\n',
     "field 'sitemaps' must be list, got str: 'https://x.org/sitemap.xml'"),
    (OUTLET + 'article_url_pattern = "(open"\n', "field 'article_url_pattern' is not a valid regular expression"),
    (OUTLET + "politeness = 3\n", "field 'politeness' must be dict, got int: 3"),
    (OUTLET + '[politeness]\nrequests_per_second = "fast"\nconcurrency = true\n',
     "field 'politeness.requests_per_second' must be int or float, got str: 'fast'; "
     "field 'politeness.concurrency' must be int, got bool: True"),
    (OUTLET + "[politeness]\nrequests_per_second = 0\nconcurrency = 20\n",
     "field 'politeness.requests_per_second' must be in (0, 100], got 0; "
     "field 'politeness.concurrency' must be in [1, 16], got 20"),
    (OUTLET.replace('perspective = "p"\n', "") + "extra = 1\n",
     "field 'perspective' is required; field 'extra' is not a known field (known: id, name, homepage,"),
])
def test_outlet_file_mistakes_name_file_and_field(tmp_path, text, message):
    path = tmp_path / "x.toml"
    path.write_text('id = "x"\n' + text)
    with pytest.raises(ConfigError) as error:
        load_outlet(path)
    assert str(error.value).startswith(f"{path}: {message}")


EVENT = ('title = "T"\nwindow_start = 2022-08-02T00:00:00Z\nwindow_end = 2022-08-07\n'
         'keywords = ["Karabakh"]\n')
PARTY = '[[parties]]\nid = "armenia"\nname = "Armenia"\naliases = ["Yerevan"]\n'


@pytest.mark.parametrize(("text", "message"), [
    (EVENT.replace('title = "T"\n', "") + PARTY, "field 'title' is required"),
    (EVENT.replace("window_start = 2022-08-02T00:00:00Z", 'window_start = "2022-08-02"') + PARTY,
     "field 'window_start' must be datetime or date, got str: '2022-08-02'"),
    (EVENT.replace("window_end = 2022-08-07", "window_end = 2022-08-01") + PARTY,
     "field 'window_end' must be after window_start"),
    (EVENT + PARTY + PARTY, "field 'parties' has duplicate ids: 'armenia'"),
    (EVENT + "parties = []\n", "field 'parties' must not be empty"),
    (EVENT + 'parties = ["armenia"]\n', "field 'parties[0]' must be dict, got str: 'armenia'"),
    (EVENT + '[[parties]]\nid = "Armenia"\n',
     "field 'parties[0].id' must be snake_case, got 'Armenia'; field 'parties[0].name' is required"),
    (EVENT + PARTY.replace('["Yerevan"]', '["Yerevan", " "]'),
     "field 'parties[0].aliases[1]' must be a non-empty string, got ' '"),
    (EVENT + PARTY + '[[urls]]\noutlet = "reuters"\nurl = "ftp://r.com/a"\n',
     "field 'urls[0].url' must be an http(s) URL, got 'ftp://r.com/a'"),
    (EVENT + PARTY + '[[urls]]\noutlet = "reuters"\nurl = "https://r.com/a"\nfile = "pages/a.html"\n',
     "field 'urls[0].url' or 'file' must be given (exactly one)"),
    (EVENT + PARTY + '[[wording]]\nloaded = "liberated"\n', "field 'wording[0].neutral' is required"),
    (EVENT + PARTY + '[offline]\nsite = "nowhere"\n', "field 'offline.site' folder {folder}/nowhere not found"),
    ('id = "other-id"\n' + EVENT + PARTY, "field 'id' must equal the folder name 'e-x', got 'other-id'"),
])
def test_event_file_mistakes_name_file_and_field(tmp_path, text, message):
    folder = tmp_path / "e-x"
    folder.mkdir()
    if not text.startswith("id ="):
        text = 'id = "e-x"\n' + text
    (folder / "event.toml").write_text(text)
    with pytest.raises(ConfigError) as error:
        load_event(folder)
    assert str(error.value).startswith(f"{folder / 'event.toml'}: {message.format(folder=folder)}")


def test_event_file_unknown_fields_are_ignored_and_a_date_is_midnight_utc(tmp_path):
    folder = tmp_path / "e-x"
    folder.mkdir()
    (folder / "event.toml").write_text('id = "e-x"\nflavour = "spicy"\n' + EVENT + PARTY)
    event = load_event(folder)
    assert event.window_end.isoformat() == "2022-08-07T00:00:00+00:00"
    assert event.parties[0].all_aliases == ("Armenia", "Yerevan")
