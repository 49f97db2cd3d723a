"""addpage.add_page (`rashomon add`) on a tiny event folder: URLs and saved pages are appended to event.toml, which
still loads; what cannot be added is refused with a reason and leaves the file as it was."""

from __future__ import annotations

import pytest

from rashomon.addpage import add_page
from rashomon.errors import ConfigError
from rashomon.sources import load_event

EVENT_TOML = """id = "tiny-clash"
title = "A tiny clash"
window_start = 2022-09-12T00:00:00Z
window_end = 2022-09-20T00:00:00Z
keywords = ["shelling"]

[[parties]]
id = "north"
name = "Northland"
aliases = ["Northern"]
"""


@pytest.fixture()
def event_dir(tmp_path):
    folder = tmp_path / "tiny-clash"
    folder.mkdir()
    (folder / "event.toml").write_text(EVENT_TOML, encoding="utf-8")
    return folder


def test_a_url_is_listed_once(event_dir, sources_dir):
    entry = add_page(event_dir, "reuters", "https://www.reuters.com/world/a-1", sources_dir=sources_dir)
    assert entry == 'url = "https://www.reuters.com/world/a-1"'
    assert [(u.outlet, u.url) for u in load_event(event_dir).urls] == [("reuters", "https://www.reuters.com/world/a-1")]
    with pytest.raises(ConfigError, match="already listed"):
        add_page(event_dir, "reuters", "https://www.reuters.com/world/a-1", sources_dir=sources_dir)


def test_a_saved_page_is_copied_into_pages_and_listed_by_file(event_dir, sources_dir, tmp_path):
    saved = tmp_path / "My saved page!.html"
    saved.write_text("<html><body><p>Shelling overnight.</p></body></html>", encoding="utf-8")
    entry = add_page(event_dir, "reuters", str(saved), sources_dir=sources_dir)
    copied = list((event_dir / "pages").iterdir())
    assert len(copied) == 1 and copied[0].name.startswith("reuters-My-saved-page-") and copied[0].suffix == ".html"
    assert copied[0].read_bytes() == saved.read_bytes()
    assert entry == f'file = "pages/{copied[0].name}"'
    (listed,) = load_event(event_dir).urls
    assert listed.file.resolve() == copied[0].resolve()
    with pytest.raises(ConfigError, match="already listed"):
        add_page(event_dir, "reuters", str(saved), sources_dir=sources_dir)


@pytest.mark.parametrize("outlet,target,reason", [
    ("no_such_outlet", "https://example.com/a", "unknown outlet"),
    ("reuters", "ftp://example.com/a", "only http"),
    ("reuters", "/nonexistent/page.html", "file not found"),
])
def test_what_cannot_be_added_is_refused_and_the_file_is_untouched(event_dir, sources_dir, outlet, target, reason):
    with pytest.raises(ConfigError, match=reason):
        add_page(event_dir, outlet, target, sources_dir=sources_dir)
    assert (event_dir / "event.toml").read_text(encoding="utf-8") == EVENT_TOML


def test_an_empty_file_is_refused(event_dir, sources_dir, tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_text("  \n", encoding="utf-8")
    with pytest.raises(ConfigError, match="empty"):
        add_page(event_dir, "reuters", str(empty), sources_dir=sources_dir)
