"""`rashomon sources list/check`, `rashomon add`, and news sitemaps: offline, against local servers."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path


from rashomon.cli import main
from rashomon.fetch import Fetcher, FetchPolicy
from rashomon.localsite import serve_folder
from rashomon.sitemaps import parse_sitemap
from rashomon.sourcecheck import check_outlets
from rashomon.sources import load_event, load_outlets


def _outlet(folder: Path, oid: str, feeds: list[str], sitemaps: list[str] = ()) -> None:
    feeds_s = ", ".join(f'"{u}"' for u in feeds)
    maps_s = ", ".join(f'"{u}"' for u in sitemaps)
    (folder / f"{oid}.toml").write_text(
        f'id = "{oid}"\nname = "{oid.title()}"\nhomepage = "https://{oid}.example"\nlanguage = "en"\ncountry = "XX"\n'
        f'perspective = "international_wire"\nfeeds = [{feeds_s}]\nsitemaps = [{maps_s}]\n'
    )


def test_sources_list_prints_every_outlet(capsys, sources_dir):
    assert main(["sources", "list", "--sources", str(sources_dir)]) == 0
    out = capsys.readouterr().out
    assert "anadolu_agency" in out and "armenpress" in out
    assert f"{len(load_outlets(sources_dir))} outlets" in out


def test_sources_check_reports_each_feed(tmp_path, seed_event_dir):
    site = seed_event_dir / "site"
    srcs = tmp_path / "sources"
    srcs.mkdir()
    with serve_folder(site) as base:
        _outlet(srcs, "good", [base + "tass/rss.xml"])
        _outlet(srcs, "gone", [base + "nope/rss.xml"])
        _outlet(srcs, "notfeed", [base + "robots.txt"])
        _outlet(srcs, "down", ["http://127.0.0.1:9/rss.xml"])
        with Fetcher(FetchPolicy(allow_private=True, max_attempts=1, total_timeout=5, min_interval=0)) as f:
            rows = {r.outlet_id: r for r in check_outlets(list(load_outlets(srcs).values()), f)}
    assert rows["good"].outcome == "ok" and rows["good"].items >= 4
    assert rows["gone"].outcome == "http_error" and rows["gone"].status == 404
    assert rows["notfeed"].outcome == "not_a_feed"
    assert rows["down"].outcome == "unreachable"


def test_sources_check_cli_refuses_loopback_by_default(tmp_path, capsys):
    srcs = tmp_path / "sources"
    srcs.mkdir()
    _outlet(srcs, "local", ["http://127.0.0.1:9/rss.xml"])
    assert main(["sources", "check", "--sources", str(srcs), "--timeout", "2"]) == 1
    out = capsys.readouterr().out
    assert "refused_address" in out and "0 of 1 reachable" in out


def test_add_url_and_file_to_an_event(tmp_path, seed_event_dir, sources_dir):
    event_dir = tmp_path / seed_event_dir.name
    shutil.copytree(seed_event_dir, event_dir, ignore=shutil.ignore_patterns("site"))
    (event_dir / "site").mkdir()
    saved = tmp_path / "saved page.html"
    saved.write_text("<html><body><article><p>Saved by hand.</p></article></body></html>")
    assert main(["add", str(event_dir), "--outlet", "reuters", "https://www.reuters.com/world/x-2022-08-03/",
                 "--sources", str(sources_dir)]) == 0
    assert main(["add", str(event_dir), "--outlet", "tass", str(saved), "--sources", str(sources_dir)]) == 0
    event = load_event(event_dir)
    assert any(u.url == "https://www.reuters.com/world/x-2022-08-03/" for u in event.urls)
    files = [u.file for u in event.urls if u.file]
    assert files and files[0].is_file() and files[0].parent == event_dir / "pages"
    tomllib.loads((event_dir / "event.toml").read_text())  # still valid TOML


def test_add_refuses_bad_input_clearly(tmp_path, seed_event_dir, sources_dir, capsys):
    event_dir = tmp_path / seed_event_dir.name
    shutil.copytree(seed_event_dir, event_dir, ignore=shutil.ignore_patterns("site"))
    (event_dir / "site").mkdir()
    before = (event_dir / "event.toml").read_text()
    assert main(["add", str(event_dir), "--outlet", "nosuch", "https://x.org/a", "--sources", str(sources_dir)]) == 2
    assert "unknown outlet 'nosuch'" in capsys.readouterr().err
    assert main(["add", str(event_dir), "--outlet", "tass", str(tmp_path / "missing.html"), "--sources", str(sources_dir)]) == 2
    assert "file not found" in capsys.readouterr().err
    assert main(["add", str(event_dir), "--outlet", "tass", "ftp://x.org/a", "--sources", str(sources_dir)]) == 2
    assert (event_dir / "event.toml").read_text() == before  # nothing written on bad input


def test_news_sitemap_and_index_are_parsed():
    urlset = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
 <url><loc>https://x.org/a</loc><news:news><news:publication_date>2022-08-03T10:00:00+04:00</news:publication_date>
 <news:title>Clashes in Karabakh</news:title></news:news></url>
 <url><loc>https://x.org/b</loc><lastmod>2022-08-01</lastmod></url>
</urlset>"""
    sm = parse_sitemap(urlset)
    assert [e.url for e in sm.entries] == ["https://x.org/a", "https://x.org/b"]
    assert sm.entries[0].title == "Clashes in Karabakh" and sm.entries[0].published_at.hour == 6
    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://x.org/s1.xml</loc></sitemap></sitemapindex>"""
    assert parse_sitemap(index).children == ["https://x.org/s1.xml"]
    assert parse_sitemap(b"\x00garbage<<").entries == []
    evil = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><urlset><url><loc>&e;</loc></url></urlset>'
    assert all("root:" not in e.url for e in parse_sitemap(evil).entries)
