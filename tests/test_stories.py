"""Stories found in the stream: the clusterer on hand-made vectors, then the whole `stories discover` path on a
mixed local site of 7 outlets and 7 stories, and the event drafted from the seed story."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

from rashomon.stories.cluster import ArticleFeatures, StoryClusterer, StoryParams

P = StoryParams(min_join=0.6, min_merge=0.75, entity_weight=0.2, day_penalty=0.05, window_days=3, retire_days=7)


def _vec(*weights: float, dim: int = 8) -> np.ndarray:
    v = np.zeros(dim, np.float32)
    v[: len(weights)] = weights
    return v / np.linalg.norm(v)


def _art(key, vec, day=0.0, ents=(), outlet="o"):
    return ArticleFeatures(key, outlet, vec, frozenset(ents), day)


def test_similar_articles_join_and_different_ones_start_stories():
    c = StoryClusterer(P, dim=8)
    a = c.add(_art("a", _vec(1, 0.1), outlet="x"))
    b = c.add(_art("b", _vec(1, 0.2), outlet="y"))
    d = c.add(_art("d", _vec(0, 0, 1), outlet="z"))
    assert a.score is None and b.story == a.story and b.score > 0.9
    assert d.story != a.story and d.score is None
    assert sorted(map(sorted, _groups(c))) == [["a", "b"], ["d"]]


def test_the_same_topic_far_apart_in_time_is_another_story():
    c = StoryClusterer(P, dim=8)
    first = c.add(_art("a", _vec(1, 0.1), day=100.0))
    later = c.add(_art("b", _vec(1, 0.1), day=120.0))
    assert later.story != first.story


def test_shared_entities_lift_a_borderline_article_over_the_threshold():
    v1, v2 = _vec(1, 0.0), _vec(1, 1.1)   # cosine ≈ 0.67 < 0.6 + what the entities add
    without = StoryClusterer(replace_params(min_join=0.7), dim=8)
    without.add(_art("a", v1, ents={"lachin", "karabakh"}))
    assert without.add(_art("b", v2)).score is None
    with_ = StoryClusterer(replace_params(min_join=0.7), dim=8)
    with_.add(_art("a", v1, ents={"lachin", "karabakh"}))
    assert with_.add(_art("b", v2, ents={"lachin", "karabakh"})).score is not None


def test_an_article_that_links_two_stories_merges_them():
    c = StoryClusterer(replace_params(min_join=0.6, min_merge=0.6, entity_weight=0.0), dim=8)
    a = c.add(_art("a", _vec(1, 0)))
    b = c.add(_art("b", _vec(0, 1)))
    assert a.story != b.story
    link = c.add(_art("link", _vec(1, 1)))
    assert link.merged and c.root(b.story) == c.root(a.story)
    assert sorted(map(sorted, _groups(c))) == [["a", "b", "link"]]


def test_restored_stories_resume_where_they_stopped():
    arts = [_art(f"k{i}", _vec(1, i * 0.01), day=float(i)) for i in range(3)]
    c = StoryClusterer(P, dim=8)
    c.restore([(0, arts[0]), (0, arts[1])])
    assert c.add(arts[2]).story == 0


def replace_params(**kw) -> StoryParams:
    import dataclasses

    return dataclasses.replace(P, **kw)


def _groups(c: StoryClusterer) -> list[list[str]]:
    return [c.stories[i].members for i in c.live()]


def test_params_file_refuses_unknown_keys(tmp_path):
    from rashomon.errors import ConfigError
    from rashomon.stories.params import load_params

    f = tmp_path / "p.toml"
    f.write_text("min_join = 0.5\nmin_jion = 0.6\n")
    with pytest.raises(ConfigError, match="min_jion"):
        load_params(f)


# ----------------------------------------------------------------------------------------------- the local site
@pytest.fixture(scope="module")
def stream(tmp_path_factory, model, nlp):
    """`stories discover` run twice on the mixed site served on 127.0.0.1; yields (settings, outcomes)."""
    from fixtures.stories_site import write_site

    from rashomon.localsite import serve_folder
    from rashomon.settings import load_settings
    from rashomon.sources import load_outlets
    from rashomon.stories.ingest import discover_stories

    site = tmp_path_factory.mktemp("stories-site")
    with serve_folder(site) as base_url:
        sources = write_site(site, base_url)
        settings = load_settings(env={}, db=site / "stories.duckdb", sources_dir=sources, min_interval=0.0,
                                 allow_private=True)
        outlets = load_outlets(sources)
        first = discover_stories(settings, outlets, allow_private=True, model=model, nlp=nlp)
        again = discover_stories(settings, outlets, allow_private=True, model=model, nlp=nlp)
    yield settings, first, again, base_url


def _assignments(settings) -> dict[str, str]:
    from rashomon import store

    with store.connect(settings.db) as con:
        rows = con.execute(
            "select a.url, m.story_id from story_articles m join articles a using (article_id)").fetchall()
    return dict(rows)


@pytest.mark.slow
def test_stories_are_recovered_from_the_feeds(stream):
    from fixtures.stories_site import STORY_OF

    settings, first, _, base_url = stream
    assert first.failures == []
    got = _assignments(settings)
    paths = sorted(STORY_OF)
    assert sorted(u.removeprefix(base_url) for u in got) == paths, "every article of every feed is in a story"
    truth = [STORY_OF[p] for p in paths]
    pred = [got[base_url + p] for p in paths]
    ari = adjusted_rand_score(truth, pred)
    print(f"offline stories: ARI {ari:.3f}, {len(set(pred))} stories found for {len(set(truth))}")
    assert ari >= 0.9
    # the Colombian city of Armenia is not the Karabakh story, and the two Karabakh days are two stories
    story = {p: got[base_url + p] for p in paths}
    k1 = {story[p] for p, s in STORY_OF.items() if s == "karabakh-aug3"}
    assert len(k1) == 1
    assert not k1 & {story[p] for p, s in STORY_OF.items() if s in ("armenia-colombia-quake", "lachin-handover")}


@pytest.mark.slow
def test_a_second_run_adds_nothing(stream):
    _, first, again, _ = stream
    assert first.assigned.articles == 25
    assert again.fetched == 0 and again.assigned.articles == 0
    assert again.assigned.stories == first.assigned.stories


@pytest.mark.slow
def test_the_seed_story_becomes_a_draft_event_with_its_parties(stream, nlp, tmp_path, capsys):
    from fixtures.stories_site import STORY_OF

    from rashomon import store
    from rashomon.cli import main
    from rashomon.sources import load_event
    from rashomon.stories.propose import draft_event, write_draft

    settings, _, _, base_url = stream
    seed_path = next(p for p, s in STORY_OF.items() if s == "karabakh-aug3")
    story_id = _assignments(settings)[base_url + seed_path]
    with store.connect(settings.db) as con:
        draft = draft_event(con, story_id, nlp)
    parties = {p.name: set(p.aliases) for p in draft.parties}
    assert {"Armenia", "Azerbaijan"} <= set(parties)
    assert {"Armenian", "Armenians"} & parties["Armenia"] and "Armenian Foreign Ministry" in parties["Armenia"]
    assert "Azerbaijani" in parties["Azerbaijan"] and "Azerbaijani Defence Ministry" in parties["Azerbaijan"]
    assert len(draft.outlets) == 6 and len(draft.urls) == 6
    assert {"Karabakh", "Lachin"} <= set(draft.keywords) and "Wednesday" not in draft.keywords
    folder = write_draft(draft, tmp_path)
    event = load_event(folder)   # the draft is a valid event as it stands
    assert event.window_start.date().isoformat() <= "2022-08-03" < event.window_end.date().isoformat()
    assert {"armenia", "azerbaijan"} <= {p.id for p in event.parties}
    assert event.story == story_id and len(event.urls) == 6
    # the command line: list shows the story and its outlets; an unknown story is one clear line
    assert main(["stories", "list", "--db", str(settings.db)]) == 0
    out = capsys.readouterr().out
    assert story_id in out and "armenpress" in out and "anadolu_agency" in out
    assert main(["stories", "propose", "s-nope", "--db", str(settings.db), "--out", str(tmp_path)]) == 2
    assert "unknown story 's-nope'" in capsys.readouterr().err


def test_the_stream_fetches_with_the_pipelines_policy():
    """ingest builds the fetch policy itself (no Prefect import): it must stay the pipeline's."""
    from rashomon.flows.tasks import fetch_policy as pipeline_policy

    from rashomon.settings import load_settings
    from rashomon.stories.ingest import fetch_policy

    s = load_settings(env={}, min_interval=0.25, max_attempts=2)
    for allow in (False, True):
        assert fetch_policy(s, allow_private=allow) == pipeline_policy(s, allow_private=allow)


def test_the_index_section_lists_stories_with_their_outlets_and_escapes_titles(db):
    from html.parser import HTMLParser

    from rashomon import store
    from rashomon.stories.index import stories_section

    with store.connect(db) as con:
        con.execute("insert into stories (story_id, title, first_published, last_published, n_articles, n_outlets) "
                    "values ('s-1', '<script>alert(1)</script> Clashes', '2022-08-03', '2022-08-04', 3, 2), "
                    "('s-2', 'One outlet only', '2022-08-05', '2022-08-05', 1, 1)")
        con.execute("insert into story_articles (article_id, story_id, outlet_id, entities, model, vector) values "
                    "('a1', 's-1', 'tass', [], 'm', [1.0]), ('a2', 's-1', 'reuters', [], 'm', [1.0]), "
                    "('a3', 's-1', 'tass', [], 'm', [1.0]), ('a4', 's-2', 'efe', [], 'm', [1.0])")
        html = str(stories_section(con))
        from rashomon import report

        index = report.render_index(con, db.parent / "reports").read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'id="stories"' in index and 'data-story="s-1"' in index and 'data-story="s-2"' not in index
    assert "<script>" not in index

    class Rows(HTMLParser):
        def __init__(self):
            super().__init__()
            self.rows: list[dict] = []

        def handle_starttag(self, tag, attrs):
            if tag == "tr" and dict(attrs).get("data-story"):
                self.rows.append({"story": dict(attrs)["data-story"], "cells": []})

        def handle_data(self, data):
            if self.rows and data.strip():
                self.rows[-1]["cells"].append(data.strip())

    p = Rows()
    p.feed(html)
    assert [r["story"] for r in p.rows] == ["s-1"], "a one-outlet story is not listed"
    assert "2: reuters, tass" in p.rows[0]["cells"]


def test_title_lead_does_not_repeat_a_headline_the_text_starts_with():
    from rashomon.stories.features import title_lead

    assert title_lead("Quake hits Armenia", "Quake hits Armenia\nA strong quake hit the city. More later.") == \
        "Quake hits Armenia. A strong quake hit the city. More later."


@pytest.mark.slow
def test_auto_drafts_every_story_enough_outlets_cover_and_keeps_edited_drafts(stream, tmp_path, capsys):
    from rashomon.cli import main
    from rashomon.sources import load_event

    settings, _, _, _ = stream
    args = ["stories", "propose", "--auto", "4", "--no-run", "--db", str(settings.db), "--out", str(tmp_path)]
    assert main(args) == 0
    folders = sorted(p.parent for p in tmp_path.glob("*/event.toml"))
    # Karabakh (6 outlets), Lachin, Taiwan, the French fire (4 each); not the quake or the grain harvest (3)
    assert len(folders) == 4
    titles = [load_event(f).title for f in folders]
    assert any("Lachin" in t for t in titles) and not any("Quake" in t or "grain" in t for t in titles)
    edited = folders[0] / "event.toml"
    edited.write_text(edited.read_text().replace('summary = ""', 'summary = "checked by hand"'))
    capsys.readouterr()
    assert main(args) == 0
    assert "kept as it is" in capsys.readouterr().out
    assert load_event(folders[0]).summary == "checked by hand"
    assert main(["stories", "propose", "--db", str(settings.db)]) == 2


def test_stories_commands_on_a_database_without_stories_say_what_to_do(tmp_path, capsys):
    import duckdb

    from rashomon.cli import main

    old = tmp_path / "old.duckdb"
    duckdb.connect(str(old)).close()   # a database from before the stories tables (read-only opens do not migrate)
    assert main(["stories", "list", "--db", str(old)]) == 2
    assert "no stories yet: run `rashomon stories discover`" in capsys.readouterr().err
    assert main(["stories", "propose", "s-1", "--db", str(old)]) == 2
    assert "no stories yet" in capsys.readouterr().err
    empty_sources = tmp_path / "sources"
    empty_sources.mkdir()
    assert main(["stories", "discover", "--db", str(tmp_path / "n.duckdb"), "--sources", str(empty_sources)]) == 2
    assert "no outlet files" in capsys.readouterr().err


def test_a_story_merged_twice_still_leads_to_the_live_story(db):
    from rashomon import store

    with store.connect(db) as con:
        con.execute("insert into stories (story_id, title, n_articles, n_outlets) values "
                    "('s-a', 'a', 1, 1), ('s-b', 'b', 1, 1), ('s-c', 'c', 1, 1)")
        con.execute("insert into story_articles (article_id, story_id, outlet_id, entities, model, vector) values "
                    "('x1', 's-a', 'tass', [], 'm', [1.0]), ('x2', 's-b', 'efe', [], 'm', [1.0]), "
                    "('x3', 's-c', 'rferl', [], 'm', [1.0])")
        store.run(con, "update_story_merged", into="s-b", gone="s-a")
        store.run(con, "update_story_merged", into="s-c", gone="s-b")
        merged = dict(con.execute("select story_id, merged_into from stories").fetchall())
        members = con.execute("select count(*) from story_articles where story_id = 's-c'").fetchone()[0]
    assert merged == {"s-a": "s-c", "s-b": "s-c", "s-c": None} and members == 3


@pytest.mark.slow
def test_a_later_article_joins_its_story_in_the_next_run_and_old_stories_are_not_reloaded(stream, model, nlp):
    import datetime as dt

    from rashomon import stages, store
    from rashomon.extract import Article
    from rashomon.stories.assign import STREAM_EVENT, assign_pending
    from rashomon.stories.params import load_params

    settings, _, _, _ = stream
    body = ("A day after Azerbaijani troops entered Lachin, the former Armenian residents of the town said they had "
            "been given no new homes, and traffic moved along the new road that now bypasses Lachin.")
    art = Article(title="Lachin residents still without homes a day after the handover", text=body, author=None,
                  site_name=None, published_at=dt.datetime(2022, 8, 27, 9, tzinfo=dt.UTC),
                  canonical_url=None, language="en")
    url = "https://example.org/efe/lachin-day-after"
    with store.connect(settings.db) as con:
        lachin = con.execute("select story_id from stories where title like '%Lachin%'").fetchone()[0]
        state = store.rows(con, "select_story_state", model=settings.model, retire_days=7.0)
        stages.save_article(con, STREAM_EVENT, "efe", url, art, None, None)
        out = assign_pending(con, model, nlp, settings.model, load_params())
        joined = con.execute("select story_id from story_articles join articles using (article_id) where url = ?",
                             [url]).fetchone()[0]
    assert out.articles == 1 and out.joined == 1 and joined == lachin
    # the Lachin story (26 August) is the newest: the stories idle more than 7 days before it are not reloaded
    assert {r["story_id"] for r in state} == {lachin}


def test_serve_schedules_story_discovery(tmp_path, seed_event_dir):
    from rashomon.serving import build_deployments
    from rashomon.settings import load_settings

    settings = load_settings(env={}, db=tmp_path / "s.duckdb", discovery_cron="0 * * * *")
    stories = {d.name: d for d in build_deployments(settings, [seed_event_dir], seed_event_dir.parent)}["stories"]
    assert stories.schedules[0].schedule.cron == "0 * * * *"
    assert stories.parameters["db"] == str((tmp_path / "s.duckdb").resolve())
    assert stories.parameters["events_root"] == str(seed_event_dir.parent.resolve())


@pytest.mark.slow
def test_the_scheduled_stories_flow_reads_the_stream(prefect_harness, tmp_path_factory):
    import os

    from fixtures.stories_site import write_site
    from rashomon.flows.stories import scheduled_stories

    from rashomon.localsite import serve_folder

    site = tmp_path_factory.mktemp("stories-flow")
    with serve_folder(site) as base_url:
        sources = write_site(site, base_url)
        os.environ["RASHOMON_MIN_INTERVAL"], os.environ["RASHOMON_ALLOW_PRIVATE"] = "0", "1"
        try:
            out = scheduled_stories(str(site / "f.duckdb"), str(sources), str(site / "reports"), "all-MiniLM-L6-v2",
                                    str(site / "events"))
        finally:
            del os.environ["RASHOMON_MIN_INTERVAL"], os.environ["RASHOMON_ALLOW_PRIVATE"]
    assert out["placed"] == 25 and out["stories"] == 7 and out["failures"] == 0 and out["events"] == []
