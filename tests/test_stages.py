"""Each stage function of rashomon.stages on small in-memory inputs: a fresh DuckDB in a temporary folder, two
outlets, a page or two, a handful of sentences; hand-made vectors instead of the model (the whole pipeline is
test_pipeline's). What is asserted is what a user would look at in the database afterwards."""

from __future__ import annotations

import datetime as dt
import hashlib

import numpy as np
import pytest

from rashomon import stages, store
from rashomon.discover import Item
from rashomon.extract import Article
from rashomon.fetch import Attempt, FetchResult
from rashomon.sources import Event, Outlet, Party

T0 = dt.datetime(2022, 9, 13, 6, 0, tzinfo=dt.timezone.utc)
EVENT = Event(
    id="tiny-clash", title="A tiny clash", summary="Two outlets, one night of shelling.",
    window_start=dt.datetime(2022, 9, 12, tzinfo=dt.timezone.utc),
    window_end=dt.datetime(2022, 9, 20, tzinfo=dt.timezone.utc),
    keywords=("shelling",), parties=(Party("north", "Northland", ("Northern",)), Party("south", "Southland", ())),
)
OUTLETS = {
    "wire": Outlet("wire", "The Wire", "https://wire.example", "en", "INT", "wire service"),
    "daily": Outlet("daily", "The Daily", "https://daily.example", "en", "NL", "national daily"),
}
PAGE = """<html><head><title>Shelling on the border</title></head><body><article><h1>Shelling on the border</h1>
<p>Northern forces shelled three villages near the border overnight, the defence ministry said on Tuesday.</p>
<p>Two soldiers were wounded in the attack, according to the ministry. Talks are planned for Friday.</p>
</article></body></html>"""


def article(text: str, url: str = "https://wire.example/a", title: str = "Shelling on the border") -> Article:
    return Article(title, text, None, None, T0, url, "en")


TEXT_1 = ("Northern forces shelled three villages near the border overnight. "
          "Two soldiers were wounded in the attack, the ministry said.")
TEXT_2 = ("Northern forces shelled five villages near the border overnight. "
          "Two soldiers were wounded in the attack, the ministry said.")


@pytest.fixture()
def con(tmp_path):
    with store.connect(tmp_path / "stages.duckdb") as con:
        stages.register(con, EVENT, OUTLETS.values())
        yield con


def one(con, sql: str, *params):
    return con.execute(sql, list(params)).fetchall()


def ok_result(url: str, body: bytes, *, etag: str | None = None, redirect_from: str | None = None) -> FetchResult:
    hops = []
    if redirect_from:
        hops.append(Attempt(redirect_from, 1, 301, None, 0, 0.01, T0))
    hops.append(Attempt(url, 1, 200, None, len(body), 0.02, T0))
    return FetchResult(redirect_from or url, url, "ok", 200, body, "text/html; charset=utf-8", "utf-8", etag, None,
                       tuple(hops), None)


# --- register and discover ------------------------------------------------------------------------------------


def test_register_upserts_the_event_and_its_outlets_once(con):
    stages.register(con, EVENT, OUTLETS.values())   # a second run changes nothing
    assert one(con, "select event_id, title, keywords from events") == [("tiny-clash", "A tiny clash", ["shelling"])]
    assert one(con, "select outlet_id, name from outlets order by 1") == [("daily", "The Daily"), ("wire", "The Wire")]
    renamed = Event(**{**EVENT.__dict__, "title": "A tiny clash, renamed"})
    stages.register(con, renamed, [])
    assert one(con, "select title from events") == [("A tiny clash, renamed",)]


def test_record_discovery_counts_only_new_urls_and_keeps_the_first_sighting(con):
    first = [Item("wire", "https://wire.example/a", "feed", "https://wire.example/rss", "Shelling", None, T0),
             Item("daily", "https://daily.example/b", "feed", "https://daily.example/rss", "Shelling too", None, T0)]
    assert stages.record_discovery(con, EVENT.id, first) == 2
    again = [Item("wire", "https://wire.example/a", "sitemap", "https://wire.example/map.xml", "Renamed", None, T0),
             Item("wire", "https://wire.example/c", "feed", "https://wire.example/rss", "New", None, T0)]
    assert stages.record_discovery(con, EVENT.id, again) == 1
    assert one(con, "select url, source, title from discovered_items order by url") == [
        ("https://daily.example/b", "feed", "Shelling too"),
        ("https://wire.example/a", "feed", "Shelling"),
        ("https://wire.example/c", "feed", "New"),
    ]


# --- fetch ----------------------------------------------------------------------------------------------------


def test_store_fetch_logs_every_hop_keeps_the_body_and_its_validators(con):
    stages.record_discovery(con, EVENT.id, [Item("wire", "http://wire.example/a", "feed", None)])
    body = PAGE.encode()
    result = ok_result("https://wire.example/a", body, etag='"v1"', redirect_from="http://wire.example/a")
    stages.store_fetch(con, "run-1", result)
    assert one(con, "select hop_url, status, outcome from fetch_log order by started_at, status desc") == [
        ("http://wire.example/a", 301, "redirect"), ("https://wire.example/a", 200, "ok")]
    sha = hashlib.sha256(body).hexdigest()
    assert one(con, "select content_sha256, etag from page_fetches") == [(sha, '"v1"')]
    assert stages.raw_body(con, sha) == body   # stored compressed, given back as it came
    # the next run asks with the validators of this fetch (conditional GET); URLs not found this run are not asked
    wanted = stages.pages_to_fetch(con, EVENT.id, ["http://wire.example/a", "https://wire.example/gone"])
    assert wanted == [stages.PageToFetch("http://wire.example/a", "wire", '"v1"', None)]


def test_store_fetch_of_a_refusal_logs_one_row_and_stores_no_page(con):
    refused = FetchResult("http://10.0.0.1/x", "http://10.0.0.1/x", "refused", None, None, None, None, None, None,
                          (), "private address")
    stages.store_fetch(con, "run-1", refused)
    assert one(con, "select attempt, outcome, error from fetch_log") == [(0, "refused", "private address")]
    assert one(con, "select count(*) from page_fetches") == [(0,)]
    assert one(con, "select count(*) from raw_pages") == [(0,)]


def test_read_local_page_reads_inside_the_event_folder_only(tmp_path):
    folder = tmp_path / "event"
    (folder / "pages").mkdir(parents=True)
    (folder / "pages" / "a.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "secret.html").write_text("secret", encoding="utf-8")
    event = Event(**{**EVENT.__dict__, "folder": folder})
    inside = stages.read_local_page((folder / "pages" / "a.html").as_uri(), event)
    assert inside.ok and inside.content == PAGE.encode() and inside.status == 200
    outside = stages.read_local_page((tmp_path / "secret.html").as_uri(), event)
    assert not outside.ok and outside.content is None and "outside the event folder" in outside.error
    missing = stages.read_local_page((folder / "pages" / "none.html").as_uri(), event)
    assert missing.outcome == "bad_url" and "not found" in missing.error


class FakeFetcher:
    """Records what it was asked; answers every URL with a small page."""

    def __init__(self):
        self.asked: list[tuple[list[str], dict]] = []

    def fetch_many(self, urls, *, validators, progress=None, on_result=None, should_stop=None):
        self.asked.append((list(urls), dict(validators)))
        out = [ok_result(u, f"<p>{u}</p>".encode()) for u in urls]
        for u, r in zip(urls, out):
            if on_result:
                on_result(u, r)
        return out


def test_fetch_pages_reads_files_fetches_the_rest_and_keeps_the_order(tmp_path):
    folder = tmp_path / "event"
    folder.mkdir()
    (folder / "saved.html").write_text(PAGE, encoding="utf-8")
    event = Event(**{**EVENT.__dict__, "folder": folder})
    todo = [stages.PageToFetch("https://wire.example/a", "wire", '"e"', None),
            stages.PageToFetch((folder / "saved.html").as_uri(), "daily", None, None),
            stages.PageToFetch("https://daily.example/b", "daily", None, "Tue, 13 Sep 2022 06:00:00 GMT")]
    fetcher, seen = FakeFetcher(), []
    results = stages.fetch_pages(fetcher, todo, event, on_result=lambda url, r: seen.append(url))
    assert [r.url for r in results] == [p.url for p in todo]
    assert results[1].content == PAGE.encode()
    # only the remote pages went to the fetcher, each with its validators
    assert fetcher.asked == [(["https://wire.example/a", "https://daily.example/b"],
                              {"https://wire.example/a": ('"e"', None),
                               "https://daily.example/b": (None, "Tue, 13 Sep 2022 06:00:00 GMT")})]
    assert sorted(seen) == sorted(p.url for p in todo)


# --- extract --------------------------------------------------------------------------------------------------


def test_extract_pending_turns_fetched_pages_into_articles_once_and_logs_failures(con):
    good, bad = "https://wire.example/a", "https://daily.example/b"
    stages.record_discovery(con, EVENT.id, [Item("wire", good, "feed", None), Item("daily", bad, "feed", None)])
    stages.store_fetch(con, "run-1", ok_result(good, PAGE.encode()))
    stages.store_fetch(con, "run-1", ok_result(bad, b"<html><body><nav>Home</nav></body></html>"))
    out = stages.extract_pending(con, EVENT, OUTLETS, "run-1")
    assert (out.extracted, out.unchanged) == (1, 0)
    assert [url for url, _ in out.failures] == [bad]
    (title, text), = one(con, "select title, text from articles")
    assert title == "Shelling on the border" and "three villages" in text and "Talks are planned" in text
    assert one(con, "select url from fetch_log where outcome = 'extract_failed'") == [(bad,)]
    again = stages.extract_pending(con, EVENT, OUTLETS, "run-2")   # nothing new: neither page is tried again
    assert (again.extracted, again.unchanged, again.failures) == (0, 0, [])


def test_save_article_keeps_revisions_records_what_changed_and_marks_wire_copies(con):
    assert stages.save_article(con, EVENT.id, "wire", "https://wire.example/a", article(TEXT_1), "sha-1", T0)
    # the same text fetched again: no new revision, the article points at the latest bytes
    assert not stages.save_article(con, EVENT.id, "wire", "https://wire.example/a", article(TEXT_1), "sha-2", T0)
    assert one(con, "select revision, content_sha256 from articles") == [(1, "sha-2")]
    # the outlet edits a figure: revision 2, the old text kept, the change summarised
    assert stages.save_article(con, EVENT.id, "wire", "https://wire.example/a", article(TEXT_2), "sha-3", T0)
    assert one(con, "select revision, text from articles") == [(2, TEXT_2)]
    assert one(con, "select revision from article_revisions order by 1") == [(1,), (2,)]
    assert one(con, "select kind, summary from article_changes") == [("changed", "a figure changed from three to five")]
    # another outlet publishes the very same text: kept, and marked as a copy of the first
    assert stages.save_article(con, EVENT.id, "daily", "https://daily.example/b",
                               article(TEXT_2, "https://daily.example/b"), "sha-3", T0)
    wire_id = one(con, "select article_id from articles where outlet_id = 'wire'")[0][0]
    assert one(con, "select same_text_as from articles where outlet_id = 'daily'") == [(wire_id,)]
    assert one(con, "select same_text_as from articles where outlet_id = 'wire'") == [(None,)]


# --- segment and embed ----------------------------------------------------------------------------------------


def test_segment_pending_splits_each_current_revision_once(con):
    stages.save_article(con, EVENT.id, "wire", "https://wire.example/a", article(TEXT_1), "sha-1", T0)
    articles, sentences = stages.segment_pending(con, EVENT.id)
    assert articles == 1 and sentences >= 3   # the title and the two sentences of the text
    texts = [t for t, in one(con, "select text from sentences where part <> 'title' order by position")]
    assert texts == ["Northern forces shelled three villages near the border overnight.",
                     "Two soldiers were wounded in the attack, the ministry said."]
    assert stages.segment_pending(con, EVENT.id) == (0, 0)
    # a new revision replaces the article's sentences
    stages.save_article(con, EVENT.id, "wire", "https://wire.example/a", article(TEXT_2), "sha-2", T0)
    assert stages.segment_pending(con, EVENT.id)[0] == 1
    texts = [t for t, in one(con, "select text from sentences")]
    assert "Northern forces shelled five villages near the border overnight." in texts
    assert not any("three villages" in t for t in texts)
    assert all("-r2-" in sid for sid, in one(con, "select sentence_id from sentences"))


def test_embeddings_are_asked_for_once_per_sentence_and_model(con):
    stages.save_article(con, EVENT.id, "wire", "https://wire.example/a", article(TEXT_1), "sha-1", T0)
    stages.segment_pending(con, EVENT.id)
    todo = stages.sentences_to_embed(con, EVENT.id, "tiny-model")
    assert {text for _, text in todo} >= {"Two soldiers were wounded in the attack, the ministry said."}
    assert len({h for h, _ in todo}) == len(todo)
    vectors = np.eye(len(todo), 4, dtype=np.float32)
    stages.store_embeddings(con, "tiny-model", [h for h, _ in todo], vectors)
    assert stages.sentences_to_embed(con, EVENT.id, "tiny-model") == []
    assert len(stages.sentences_to_embed(con, EVENT.id, "other-model")) == len(todo)
    stages.store_embeddings(con, "tiny-model", [h for h, _ in todo], vectors * 2)   # a vector is never replaced
    stages.store_embeddings(con, "tiny-model", [], np.zeros((0, 4), np.float32))
    stored = one(con, "select dim, vector from embeddings where sentence_sha256 = ?", todo[0][0])
    assert stored == [(4, [1.0, 0.0, 0.0, 0.0])]


# --- align ----------------------------------------------------------------------------------------------------


WIRE = ("Northern forces shelled three villages near the border overnight. "
        "The foreign ministry summoned the ambassador of Southland on Tuesday. "
        "Heavy rain flooded the coastal roads for a third day running.")
DAILY = ("Three border villages were shelled overnight by Northern forces. "
         "Southland's ambassador was summoned by the foreign ministry on Tuesday. "
         "Local football fans celebrated the cup win late into the night.")


def _aligned_db(con, vectors_by_text):
    for outlet, text, title in (("wire", WIRE, "Shelling on the northern border"),
                                ("daily", DAILY, "What the daily saw last night")):
        stages.save_article(con, EVENT.id, outlet, f"https://{outlet}.example/a",
                            article(text, f"https://{outlet}.example/a", title), None, T0)
    stages.segment_pending(con, EVENT.id)
    todo = stages.sentences_to_embed(con, EVENT.id, "hand")
    vectors = np.array([vectors_by_text[text] for _, text in todo], np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    stages.store_embeddings(con, "hand", [h for h, _ in todo], vectors)


def test_align_event_groups_the_same_claim_across_outlets_and_replaces_old_claims(con):
    """Hand-made vectors: the shelling sentences point one way, the ambassador sentences another, the rain and the
    football elsewhere: two claims of two outlets each, and the unrelated sentences stay alone."""
    axes = {
        "Northern forces shelled three villages near the border overnight.": [1, 0.05, 0, 0, 0, 0, 0, 0],
        "Three border villages were shelled overnight by Northern forces.": [1, 0, 0.05, 0, 0, 0, 0, 0],
        "The foreign ministry summoned the ambassador of Southland on Tuesday.": [0, 0, 1, 0.05, 0, 0, 0, 0],
        "Southland's ambassador was summoned by the foreign ministry on Tuesday.": [0, 0.05, 1, 0, 0, 0, 0, 0],
        "Heavy rain flooded the coastal roads for a third day running.": [0, 0, 0, 1, 0, 0, 0, 0],
        "Local football fans celebrated the cup win late into the night.": [0, 0, 0, 0, 1, 0, 0, 0],
        "Shelling on the northern border": [0, 0, 0, 0, 0, 1, 0, 0],
        "What the daily saw last night": [0, 0, 0, 0, 0, 0, 1, 0],
    }
    _aligned_db(con, axes)
    params = dict(k=2, min_cosine=0.5, min_margin=1.0, method="margin")
    out = stages.align_event(con, EVENT.id, "hand", **params)
    assert out.claims == 2 and out.candidates > 0
    claims = one(con, "select c.n_outlets, list(s.text order by cs.outlet_id) from claims c "
                      "join claim_sentences cs using (claim_id) join sentences s using (sentence_id) "
                      "group by c.claim_id, c.n_outlets order by 2")
    assert claims == [
        (2, ["Southland's ambassador was summoned by the foreign ministry on Tuesday.",
             "The foreign ministry summoned the ambassador of Southland on Tuesday."]),
        (2, ["Three border villages were shelled overnight by Northern forces.",
             "Northern forces shelled three villages near the border overnight."]),
    ]
    # run again: the claims are replaced, not added to
    again = stages.align_event(con, EVENT.id, "hand", **params)
    assert again == out
    assert one(con, "select count(*) from claims") == [(2,)]
    assert one(con, "select count(*) from claim_sentences") == [(4,)]
    # a floor nothing passes: the old claims go, no new ones come
    assert stages.align_event(con, EVENT.id, "hand", k=2, min_cosine=0.999, min_margin=9.0, method="margin").claims == 0
    assert one(con, "select count(*) from claims") == [(0,)]


def test_align_event_with_no_embeddings_writes_nothing(con):
    out = stages.align_event(con, EVENT.id, "hand", k=2, min_cosine=0.5, min_margin=1.0, method="margin")
    assert out == stages.AlignOutcome(0, 0, 0, 0)
    assert one(con, "select count(*) from alignment_candidates") == [(0,)]
