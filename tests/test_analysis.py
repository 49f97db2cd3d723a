from __future__ import annotations

from rashomon.analysis import headline_as_sentence


def test_headline_attribution_by_punctuation_becomes_a_said_clause():
    assert headline_as_sentence("Troops violate ceasefire near the border - Defence Ministry") == (
        "Troops violate ceasefire near the border, Defence Ministry said."
    )
    assert headline_as_sentence("Kremlin spokesman: the truce was broken overnight") == (
        "Kremlin spokesman said the truce was broken overnight."
    )


def test_other_headlines_are_left_alone():
    for title in (
        "Azerbaijan violates ceasefire, attacks Artsakh Defense Army positions: two servicemen killed, 14 wounded",
        "EU, U.S. Urge De-Escalation As Deadly Clashes Flare In Nagorno-Karabakh",
        "Talks resume - live updates",
    ):
        assert headline_as_sentence(title) == title


def test_a_named_person_before_a_colon_is_the_headline_source_but_a_byline_after_a_dash_is_not():
    assert headline_as_sentence("Putin: the bridge explosion was an act of terrorism by Ukrainian security service") == (
        "Putin said the bridge explosion was an act of terrorism by Ukrainian security service."
    )
    assert headline_as_sentence("Volodymyr Zelensky: Russia blew up the dam") == "Volodymyr Zelensky said Russia blew up the dam."
    assert headline_as_sentence("Russia blew up the dam overnight - Reuters") == "Russia blew up the dam overnight - Reuters"
    # a page label before the colon is dropped, never read as a source
    assert headline_as_sentence("live: fighting resumes near the border overnight") == "fighting resumes near the border overnight"


def test_an_inverted_cue_ending_a_headline_is_its_source():
    assert headline_as_sentence("Russia shelled the jail by night, tweets Ukraine FM") == (
        "Russia shelled the jail by night, Ukraine FM said.")
    assert headline_as_sentence("Ceasefire broken again near the river, says Kremlin") == (
        "Ceasefire broken again near the river, Kremlin said.")
    assert headline_as_sentence("Commander killed in strike on the depot, Arab media reports") == (
        "Commander killed in strike on the depot, Arab media said.")
    title = "Troops withdraw from the ridge, says little"   # no source named: left alone
    assert headline_as_sentence(title) == title


def test_a_party_after_a_dash_is_the_headline_source_a_byline_is_not():
    names = frozenset({"Ukraine", "Kyiv", "Russia"})
    assert headline_as_sentence("Fresh Russian strike on the plant wounds worker – Ukraine", names) == (
        "Fresh Russian strike on the plant wounds worker, Ukraine said.")
    assert headline_as_sentence("Fresh Russian strike on the plant wounds worker – Reuters", names) == (
        "Fresh Russian strike on the plant wounds worker – Reuters")


def test_an_unnamed_source_after_a_dash_is_the_headline_source(ukraine):
    # "… - Reports", "… - Source": never a byline; put first, so that a plural in the claim is not read as the speaker
    assert headline_as_sentence("Dozens Injured in Russian Strike on Market - Reports") == (
        "Reports said Dozens Injured in Russian Strike on Market.")
    assert headline_as_sentence("Plane likely brought down by a missile - Source") == (
        "Source said Plane likely brought down by a missile.")
    from rashomon.analysis import analyse_event_sentences

    rows = [{"article_id": "a1", "sentence_id": "s0", "part": "title",
             "text": "At Least 20 Killed, Dozens Injured in Russian Strike on Kramatorsk Market - Reports"},
            {"article_id": "a1", "sentence_id": "s1", "part": "body", "text": "The market was crowded on Tuesday."}]
    head = analyse_event_sentences(rows, ukraine)["s0"]
    assert head.voice.voice == "attributed" and head.own_initiator is None


def test_a_label_before_the_headline_is_no_source():
    assert headline_as_sentence("Live blog: Fresh Russian strike on the plant wounds worker – Ukraine",
                                frozenset({"Ukraine"})) == "Fresh Russian strike on the plant wounds worker, Ukraine said."
    assert headline_as_sentence("BREAKING: Kremlin: the truce was broken overnight") == (
        "Kremlin said the truce was broken overnight.")


def test_a_source_after_a_final_colon_is_the_headline_source():
    assert headline_as_sentence("Ukrainian saboteurs blew up the depot near the river: Putin") == (
        "Putin said Ukrainian saboteurs blew up the depot near the river.")
    # a verbless claim too: "…, ISPR said" would parse "23 soldiers" as a subject of "said"
    assert headline_as_sentence("200 troops killed, 23 soldiers martyred in retaliatory strikes: ISPR",
                                frozenset({"ISPR"})) == (
        "ISPR said 200 troops killed, 23 soldiers martyred in retaliatory strikes.")
    title = "Deadly clash at the border: what we know"
    assert headline_as_sentence(title) == title


def test_a_verbless_claim_after_a_colon_is_the_sources_not_a_second_subject(nlp, ukraine):
    # "Kyiv: 12 killed by Russian missile on station" read as "…, Kyiv said" makes "12" a second subject of "said"
    from rashomon.detect.sentence import analyse

    a = analyse(headline_as_sentence("Kyiv: 12 civilians killed by Russian missile strike on station"), ukraine, nlp=nlp)
    assert a.voice.attributed_party == "ukraine"
    assert (a.own_initiator, a.reported_initiator) == (None, "russia")


def test_a_quoted_denial_is_stored_as_a_denial_never_as_blame(tmp_path, ukraine):
    """GUIDE §10: "the army said it was not behind the blast" is the army's denial, not its blame of anyone."""
    import datetime as dt

    from rashomon import analysis, stages, store
    from rashomon.sources import Outlet

    texts = ["A blast hit the hospital in Gaza on Tuesday night.",
             "The Israeli army said on Tuesday night that it did not attack the hospital.",
             "Hamas said Israel attacked the hospital."]
    now = dt.datetime(2023, 10, 18, tzinfo=dt.timezone.utc)
    with store.connect(tmp_path / "d.duckdb") as con:
        stages.register(con, ukraine, [Outlet("wire", "Wire", "https://wire.example", "en", "INT", "wire")])
        con.execute("insert into articles (article_id, event_id, outlet_id, url, canonical_url, title, text, text_sha256, "
                    "revision, fetched_at, extracted_at) values ('a1', ?, 'wire', 'u', 'u', 't', ?, 'x', 1, ?, ?)",
                    [ukraine.id, " ".join(texts), now, now])
        for i, t in enumerate(texts, start=1):
            con.execute("insert into sentences (sentence_id, article_id, position, part, text, char_start, char_end, "
                        "n_words, sentence_sha256) values (?, 'a1', ?, 'body', ?, 0, ?, ?, ?)",
                        [f"a1-{i}", i, t, len(t), len(t.split()), f"h{i}"])
        analysis.detect_event(con, ukraine)
        denials = con.execute("select source_party, denied_party, sentence_id from denials").fetchall()
        blames = con.execute("select attributed_party, actor_party from sentence_initiators where voice = 'attributed'").fetchall()
    assert denials == [("israel", "israel", "a1-2")]
    assert blames == [("hamas", "israel")]          # the denial is not read as Israel blaming anyone


def test_no_card_from_a_sentence_going_on_about_a_background_act(ukraine):
    """ "On April 10 … fired a rocket at Kharkiv. The attack killed seventeen people.": the seventeen are that earlier
    attack's dead, not a figure to compare with another outlet's toll of the event (window 1-5 May 2023)."""
    from rashomon.analysis import DetectInputs, compute_detections

    def row(article, outlet, i, text):
        return {"article_id": article, "outlet_id": outlet, "sentence_id": f"{article}-{i}", "position": i,
                "part": "body", "text": text}

    rows = [row("a1", "wire", 1, "On April 10, Russian forces fired a rocket at the market in Kharkiv."),
            row("a1", "wire", 2, "The attack killed seventeen people, all of them civilians."),
            row("b1", "daily", 1, "The missile strike on the station killed 30 people, officials said.")]
    members = [{"claim_id": "c1", "sentence_id": "a1-2", "outlet_id": "wire"},
               {"claim_id": "c1", "sentence_id": "b1-1", "outlet_id": "daily"}]
    out = compute_detections(DetectInputs(rows, members, {"wire": "Wire", "daily": "Daily"}), ukraine)
    assert "number" not in [d[1] for d in out.claim_disagreements]
    # the same sentence after a sentence of the event is compared
    rows[0] = row("a1", "wire", 1, "On May 2, Russian forces fired a rocket at the market in Kharkiv.")
    out = compute_detections(DetectInputs(rows, members, {"wire": "Wire", "daily": "Daily"}), ukraine)
    assert "number" in [d[1] for d in out.claim_disagreements]


def test_a_headline_toll_with_no_side_is_where_the_lead_places_it(ukraine):
    """'Fifty killed in strike on train station' names no place; the lead puts the station in Ukraine: the headline's
    dead are Ukraine's (a headline is analysed alone, before its body)."""
    from rashomon.analysis import analyse_event_sentences

    rows = [{"article_id": "a", "sentence_id": "t", "part": "title",
             "text": "Fifty killed in strike on train station as civilians flee"},
            {"article_id": "a", "sentence_id": "b1", "part": "body",
             "text": "Dozens were killed on Friday in a rocket attack on a train station in the eastern Ukrainian "
                     "city of Kramatorsk."}]
    out = analyse_event_sentences(rows, ukraine)
    assert [(n.value, n.side) for n in out["t"].numbers] == [(50, "ukraine")]
    rows[1]["text"] = "Dozens were killed on Friday in a rocket attack on a train station."   # no place: no side
    assert [n.side for n in analyse_event_sentences(rows, ukraine)["t"].numbers] == [None]
