"""Comparing two outlets' sentences of one claim, and one article against itself (real spaCy pipeline)."""

from __future__ import annotations


from pathlib import Path

from spacy.language import Language

from rashomon.detect import Disagreement, SentenceAnalysis, analyse, analyse_article, compare, self_contradictions
from rashomon.detect.place_compare import article_places
from rashomon.sources import Event, load_event



# The seed article's sentences that carry an act or an attribution, in article order (Anadolu Agency).
SEED_ARTICLE = [
    "Azerbaijan announced that it has regained control of several strategic locations in the Karabakh region, in a "
    "new escalation after Armenia attacked and killed an Azerbaijani soldier",
    "Fighting has flared up again between Armenia and Azerbaijan over the region of Karabakh with deaths and injuries "
    "reported and the two countries trading barbs on Thursday.",
    'Armenia accusing Azerbaijan of violating the fall 2020 agreement ending the 44-day Karabakh War is "nothing but '
    'mere hypocrisy," Azerbaijan\'s Foreign Ministry said on Thursday.',
    "Azerbaijan said it launched a retaliatory operation against Armenian forces in Karabakh after Armenia opened fire "
    "and killed an Azerbaijani soldier, according to its defense ministry.",
    '"On the morning of Aug. 3, members of illegal Armenian armed detachments in the territory of Azerbaijan, where '
    'the Russian peacekeeping contingent is temporarily deployed, were subjected to intensive fire from the '
    'Azerbaijan Army positions stationed in direction of the Lachin region," the ministry said in a statement on '
    'Wednesday.',
    'The retaliatory move comes after an Azerbaijani soldier was killed "as a result of the terrorist and sabotage '
    'action carried out by illegal Armenian forces this morning," it said.',
    'The ministry said Azerbaijan "took relevant measures" and launched a counter operation after Armenian forces '
    'tried to seize the Kyrghgiz hill and establish new combat positions.',
    "Russia accused Azerbaijan of breaking the cease-fire and vowed to stabilize the situation.",
    '"The cease-fire regime was violated by the armed forces of Azerbaijan around the Saribaba height," the Russian '
    'Defense Ministry said in a statement.',
    "Clashes erupted on Sept. 27, 2020, with the Armenian Army attacking civilians and Azerbaijani forces and "
    "violating several humanitarian cease-fire agreements.",
]




def kinds(ds: list[Disagreement]) -> list[str]:
    return [d.kind for d in ds]


def one(ds: list[Disagreement], kind: str) -> Disagreement:
    found = [d for d in ds if d.kind == kind]
    assert len(found) == 1, ds
    return found[0]


def pair(nlp: Language, event: Event, a: str, b: str) -> list[Disagreement]:
    return compare(analyse(a, event, nlp=nlp), analyse(b, event, nlp=nlp), event)


def test_analyse_returns_every_detector(nlp: Language, karabakh: Event) -> None:
    an = analyse(SEED_ARTICLE[4], karabakh, nlp=nlp)
    assert isinstance(an, SentenceAnalysis)
    assert an.voice.voice == "attributed"
    assert an.initiator == "azerbaijan" and an.reported_initiator == "azerbaijan" and an.own_initiator is None
    assert "Lachin" in an.places and "08-03" in an.times
    assert [t.term for t in an.loaded] == ["illegal Armenian armed detachments"]


def test_initiator_disagreement(nlp: Language, karabakh: Event) -> None:
    d = one(pair(nlp, karabakh, SEED_ARTICLE[0], SEED_ARTICLE[8]), "initiator")
    assert (d.value_a, d.value_b) == ("Armenia", "Azerbaijan")
    text = d.render("Anadolu Agency", "TASS")
    assert text == ("Anadolu Agency (in its own words) presents Armenia as the side that started it; TASS (citing "
                    "the Russia Defence Ministry) presents Azerbaijan.")


def test_number_disagreement_and_overlaps(nlp: Language, karabakh: Event) -> None:
    ds = pair(nlp, karabakh, "Two Armenian soldiers were killed in the shelling.",
              "Three Armenian servicemen were killed, the ministry said.")
    d = one(ds, "number")
    assert (d.value_a, d.value_b) == ("2", "3")
    assert d.render("Reuters", "TASS") == "Reuters says 2 soldiers on Armenia's side were killed; TASS says 3."
    assert "number" not in kinds(pair(nlp, karabakh, "At least two Armenian soldiers were killed.",
                                      "Three Armenian soldiers were killed."))
    assert "number" not in kinds(pair(nlp, karabakh, "Between 50 and 60 people are missing.",
                                      "Dozens of people are missing."))
    # a figure and a bound at the same number agree: "12" and "more than a dozen" (benchmark labels put "30" and
    # "more than 30" killed on one side)
    assert "number" not in kinds(pair(nlp, karabakh, "More than a dozen civilians were injured.",
                                      "Twelve civilians were injured."))
    d = one(pair(nlp, karabakh, "More than a dozen civilians were injured.", "Nine civilians were injured."),
            "number")
    assert (d.value_a, d.value_b) == ("more than 12", "9")
    # different parties are different counts
    assert "number" not in kinds(pair(nlp, karabakh, "Two Armenian soldiers were killed.",
                                      "Three Azerbaijani soldiers were killed."))


def test_place_disagreement_uses_folded_keys(nlp: Language, karabakh: Event) -> None:
    d = one(pair(nlp, karabakh, SEED_ARTICLE[8], "Azerbaijani forces took the Girkhgiz peak."), "place")
    assert d.render("A", "B") == "A names the height as Saribaba height; B names Girkhgiz peak."
    assert "place" not in kinds(pair(nlp, karabakh, SEED_ARTICLE[6],
                                     "Azerbaijani forces took the Gyrkhgyz height."))


def test_time_disagreement(nlp: Language, karabakh: Event) -> None:
    ds = pair(nlp, karabakh, "Armenian forces opened fire on the morning of Aug. 3.",
              "Armenian forces opened fire on the evening of Aug. 4.")
    assert sorted(kinds(ds)) == ["time", "time"]
    assert {(d.value_a, d.value_b) for d in ds} == {("2022-08-03", "2022-08-04"), ("morning", "evening")}
    # Aug. 3, 2022 was a Wednesday
    assert "time" not in kinds(pair(nlp, karabakh, "Armenian forces opened fire on Wednesday.",
                                    "Armenian forces opened fire on Aug. 3."))
    d = one(pair(nlp, karabakh, "Armenian forces opened fire on Thursday.", "Armenian forces opened fire on Aug. 3."),
            "time")
    assert d.render("A", "B") == "A says it happened on a Thursday; B on a Wednesday."


def test_attribution_disagreement(nlp: Language, karabakh: Event) -> None:
    ds = pair(nlp, karabakh, "Armenian forces opened fire on Azerbaijani positions.",
              "Azerbaijan's Defence Ministry said Armenian forces opened fire on its positions.")
    d = one(ds, "attribution")
    assert d.render("A", "B") == "A states this in its own words; B attributes it to the Azerbaijan Defence Ministry."
    assert "initiator" not in kinds(ds)


def test_place_name_variants_are_no_disagreement(nlp: Language, karabakh: Event) -> None:
    assert "place" not in kinds(pair(nlp, karabakh, "A blast damaged the Crimean bridge.",
                                     "A blast damaged the Crimea bridge."))



def test_wording_disagreement(nlp: Language, karabakh: Event) -> None:
    ds = pair(nlp, karabakh, "Members of illegal Armenian armed detachments came under fire.",
              "Armenian forces came under fire.")
    d = one(ds, "wording")
    assert (d.value_a, d.value_b) == ("illegal Armenian armed detachments", "Armenian forces")
    d = one(pair(nlp, karabakh, "Azerbaijan captured two heights.", "Azerbaijan liberated two heights."), "wording")
    assert d.render("A", "B") == 'A says "captured" where B says "liberated".'


def test_wording_needs_two_names_of_the_same_thing(nlp: Language, karabakh: Event) -> None:
    # another alias of the party is the neutral word only when it names the same kind of thing
    d = one(pair(nlp, karabakh, "Illegal Armenian armed detachments shelled a village near the road.",
                 "Armenian armed forces shelled a village near the road."), "wording")
    assert (d.value_a, d.value_b) == ("Illegal Armenian armed detachments", "Armenian armed forces")
    # a bare demonym or the capital is not another name for an armed group
    for other in ("An Armenian village was shelled near the road.", "Yerevan said a village was shelled."):
        assert "wording" not in kinds(pair(nlp, karabakh, "Illegal Armenian armed detachments shelled a village.",
                                           other))


def test_no_wording_card_between_acts_of_different_sides(nlp: Language, karabakh: Event) -> None:
    # "liberated" by one side and "captured" by the other are two acts, not one act named two ways
    assert "wording" not in kinds(pair(nlp, karabakh, "Azerbaijan liberated two heights near the road.",
                                       "Armenian forces captured two heights near the road."))
    assert "wording" in kinds(pair(nlp, karabakh, "Azerbaijan liberated two heights near the road.",
                                   "Azerbaijani forces captured two heights near the road."))


def test_no_wording_card_between_two_sides_dead(nlp: Language, seed_event_dir: Path) -> None:
    karabakh = load_event(seed_event_dir)   # its wording pairs include "martyred" / "killed"
    # the seed report paired Armenpress' Armenian dead with AZERTAC's Azerbaijani soldier: two deaths, not one
    killed = ("Two servicemen of the Defense Army, Gurgen Gasparyan and Artur Khachatryan, were killed as a result of "
              "the Azerbaijani aggression, the ministry reported.")
    martyred = ("As a result of the terrorist and sabotage action, Private Anar Kazimov of the Azerbaijan Army was "
                "martyred, the ministry said.")
    assert "wording" not in kinds(pair(nlp, karabakh, killed, martyred))
    assert "wording" not in kinds(pair(nlp, karabakh, "The strike killed two Armenian soldiers.",
                                       "Two Azerbaijani soldiers were martyred."))
    # the same side's dead, or dead whose side neither sentence names, are one death told two ways
    d = one(pair(nlp, karabakh, "An Azerbaijani soldier was killed by sniper fire.",
                 "Private Anar Kazimov of the Azerbaijan Army was martyred by sniper fire."), "wording")
    assert (d.value_a, d.value_b) == ("killed", "martyred")
    assert "wording" in kinds(pair(nlp, karabakh, "A soldier was killed by sniper fire.",
                                   "Private Anar Kazimov of the Azerbaijan Army was martyred by sniper fire."))


def test_no_number_card_for_one_stated_figure_or_a_combined_toll(nlp: Language, karabakh: Event) -> None:
    # "up to 500" and "more than 500" state one figure
    assert "number" not in kinds(pair(nlp, karabakh, "Up to 500 people were killed in the shelling, officials said.",
                                      "More than 500 people were killed in the shelling, officials said."))
    # the two sides' toll together is not one side's figure
    assert "number" not in kinds(pair(nlp, karabakh, "The two sides together lost 63 soldiers in the fighting.",
                                      "Armenia said 49 of its soldiers were killed in the fighting."))
    assert "number" in kinds(pair(nlp, karabakh, "Armenia said 63 of its soldiers were killed in the fighting.",
                                  "Armenia said 49 of its soldiers were killed in the fighting."))
    # vague plurals of people who are no casualties give no figure to disagree on
    assert "number" not in kinds(pair(nlp, karabakh, "Hundreds of people sheltered in the school.",
                                      "Thousands of people sheltered in the school."))


def test_no_place_card_from_a_broad_area_or_a_place_without_a_name(nlp: Language, karabakh: Event) -> None:
    assert "place" in kinds(pair(nlp, karabakh, "Azerbaijani forces shelled the Lachin region on Wednesday.",
                                 "Azerbaijani forces shelled the Kalbajar region on Wednesday."))
    # "a region of southern Armenia" may hold the other place; "Both regions" names none
    for other in ("Azerbaijani forces shelled a region of southern Armenia on Wednesday.",
                  "Both regions came under Azerbaijani fire on Wednesday."):
        assert "place" not in kinds(pair(nlp, karabakh, "Azerbaijani forces shelled the Lachin region on Wednesday.",
                                         other))


def test_a_place_both_articles_name_is_shared_not_disputed(nlp: Language, karabakh: Event) -> None:
    a = analyse("Azerbaijani forces shelled the Lachin region on Wednesday.", karabakh, nlp=nlp)
    b = analyse("Azerbaijani forces shelled the Kalbajar region on Wednesday.", karabakh, nlp=nlp)
    alone_a, alone_b = article_places([a]), article_places([b])
    assert "place" in kinds(compare(a, b, karabakh, (alone_a, alone_b)))
    # the other outlet's article names the place in another sentence, or under its other name (toponyms.toml)
    for elsewhere in ("The road through Lachin was closed on Thursday.", "Shells also fell near Berdzor."):
        more_b = article_places([b, analyse(elsewhere, karabakh, nlp=nlp)])
        assert "place" not in kinds(compare(a, b, karabakh, (alone_a, more_b))), elsewhere
        assert "place" not in kinds(compare(b, a, karabakh, (more_b, alone_a))), elsewhere
    # a description is no rival name when the other article uses its words ("the Druze town" / "Majdal Shams")
    town = analyse("A rocket hit the Druze town on Saturday.", karabakh, nlp=nlp)
    named = analyse("A rocket hit the town of Majdal Shams on Saturday.", karabakh, nlp=nlp)
    druze = analyse("Most of its residents are Druze.", karabakh, nlp=nlp)
    assert "place" in kinds(compare(town, named, karabakh, (article_places([town]), article_places([named]))))
    assert "place" not in kinds(compare(town, named, karabakh,
                                        (article_places([town]), article_places([named, druze]))))


def test_no_time_card_from_the_day_a_statement_was_put_out(nlp: Language, karabakh: Event) -> None:
    # "On Tuesday, Baku put out a statement ..." dates the statement, not the fire it tells of
    assert "time" not in kinds(pair(nlp, karabakh,
                                    "On Tuesday, Baku put out a statement saying Armenian forces opened fire.",
                                    "Armenian forces opened fire on Wednesday."))
    assert "time" in kinds(pair(nlp, karabakh, "On Tuesday, Armenian forces opened fire.",
                                "Armenian forces opened fire on Wednesday."))


def test_names_alike() -> None:
    from rashomon.detect.wording import names_alike

    assert names_alike("Russian invaders", "Russian troops", "Russia")          # one class of head noun
    assert names_alike("Democrat caucus", "Democratic caucus", "Democratic Party")    # one head noun
    assert names_alike("Zionist regime", "Israel", "Israel")                    # a regime stands for the state
    assert names_alike("Islamic Jihad terrorist organization", "Islamic Jihad", "Palestinian Islamic Jihad")
    assert not names_alike("Democrat caucus", "Democrats", "Democratic Party")
    assert not names_alike("nihilist", "Matt Gaetz", "Matt Gaetz and his allies")
    assert not names_alike("Anglo-Saxons", "American", "United States")
    assert not names_alike("the regime", "Israeli airstrike", "Israel")


def test_other_conflict_compare(nlp: Language, ukraine: Event) -> None:
    ds = pair(nlp, ukraine, "Russian occupiers shelled the town of Orikhiv, killing two civilians.",
              "Kyiv's forces shelled Orikhiv, killing three civilians, the Kremlin said.")
    # no wording card: "the Kremlin" (who speaks) is not another name for the "Russian occupiers" (who shelled)
    assert sorted(kinds(ds)) == ["attribution", "initiator", "number"]
    assert one(ds, "initiator").render("A", "B") == (
        "A (in its own words) presents Russia as the side that started it; B (citing Russia) presents Ukraine.")


def test_explanations_are_safe_to_format(nlp: Language, ukraine: Event) -> None:
    a = analyse("Russia's {weird} ministry said Kyiv attacked.", ukraine, nlp=nlp)
    b = analyse("Ukraine said Russia attacked.", ukraine, nlp=nlp)
    for d in compare(a, b, ukraine):
        assert "{" not in d.render("A", "B").replace("{weird}", "")


def test_analyse_article_threads_previous_voice(nlp: Language, karabakh: Event) -> None:
    res = analyse_article(SEED_ARTICLE, karabakh, nlp=nlp)
    assert [r.voice.attributed_to for r in res] == [
        "Azerbaijan", None, "Azerbaijan Foreign Ministry", "Azerbaijan Defence Ministry", "Azerbaijan Defence Ministry",
        "Azerbaijan Defence Ministry", "Azerbaijan Defence Ministry", "Russia", "Russia Defence Ministry", None,
    ]
    assert [r.initiator for r in res] == [
        "armenia", None, None, "armenia", "azerbaijan", "armenia", "armenia", "azerbaijan", "azerbaijan", None]
    assert res[0].own_initiator == "armenia"


def test_self_contradiction_in_the_seed_article(nlp: Language, karabakh: Event) -> None:
    res = analyse_article(SEED_ARTICLE, karabakh, nlp=nlp)
    ds = self_contradictions(res, karabakh)
    assert len(ds) == 1
    d = ds[0]
    assert (d.kind, d.value_a, d.value_b) == ("self", "Armenia", "Azerbaijan")
    text = d.render("Anadolu Agency")
    assert text.startswith("Anadolu Agency says in its own words that Armenia started it, but the Azerbaijan Defence "
                           "Ministry statement it quotes, read literally, presents Azerbaijan as the side that started "
                           "it:")
    assert "subjected to intensive fire from the Azerbaijan Army positions" in text


def test_no_self_contradiction_when_other_sources_accuse(nlp: Language, ukraine: Event) -> None:
    article = [
        "Russian forces shelled Orikhiv overnight.",
        "The Kremlin accused Kyiv of shelling the town.",
        "Ukraine's military said Russian forces had attacked first.",
    ]
    assert self_contradictions(analyse_article(article, ukraine, nlp=nlp), ukraine) == []


def test_own_voice_with_two_initiators(nlp: Language, ukraine: Event) -> None:
    article = [
        "Russian forces shelled Orikhiv on Monday.",
        "Ukrainian forces opened fire first.",
    ]
    ds = self_contradictions(analyse_article(article, ukraine, nlp=nlp), ukraine)
    assert sorted([(d.kind, d.value_a, d.value_b) for d in ds], key=str) in (
        [("self", "Russia", "Ukraine")], [("self", "Ukraine", "Russia")])
    assert ds[0].render("Kyiv Independent").startswith("Kyiv Independent itself presents both")


def test_a_quoted_source_with_two_initiators_is_no_self_contradiction(nlp: Language, ukraine: Event) -> None:
    # on real coverage this was always a misreading (two sources' claims in one headline), never a source
    # contradicting itself
    article = [
        "Ukraine's military said Russian forces shelled Orikhiv on Monday.",
        '"Ukrainian forces opened fire first," it added.',
    ]
    assert self_contradictions(analyse_article(article, ukraine, nlp=nlp), ukraine) == []


def test_initiator_disagreement_through_responsibility_and_resorting(nlp: Language, ukraine: Event) -> None:
    ds = pair(nlp, ukraine, "Kyiv bears full responsibility for the escalation, the Kremlin said.",
              "Moscow is resorting to provocations along the front, Kyiv said.")
    d = one(ds, "initiator")
    assert (d.value_a, d.value_b) == ("Ukraine", "Russia")


def test_no_initiator_disagreement_from_a_dismissed_claim_or_a_background_date(nlp: Language,
                                                                              ukraine: Event) -> None:
    ds = pair(nlp, ukraine, "Ukraine's claims that Russian forces shelled the dam are lies, the Kremlin said.",
              "Ukrainian forces shelled the dam on Tuesday.")
    assert "initiator" not in kinds(ds)
    # the event's window is 1-5 May 2023: an invasion dated in February is background
    ds = pair(nlp, ukraine, "Russia began its full-scale invasion on February 24.",
              "Ukrainian forces attacked first on May 2.")
    assert "initiator" not in kinds(ds)
    an = analyse("Russia began its full-scale invasion on February 24.", ukraine, nlp=nlp)
    assert an.initiator is None and all(a.background for a in an.acts)


def test_number_disagreement_in_varied_forms(nlp: Language, ukraine: Event) -> None:
    d = one(pair(nlp, ukraine, "Between 30 and 40 Ukrainian servicemen were killed, Moscow claimed.",
                 "Twelve Ukrainian servicemen were killed, Kyiv said."), "number")
    assert (d.value_a, d.value_b) == ("30–40", "12")
    d = one(pair(nlp, ukraine, "The strike killed nine people and injured 25 others.",
                 "The strike killed nine people and wounded 40 more."), "number")
    assert (d.value_a, d.value_b) == ("25", "40")
    d = one(pair(nlp, ukraine, "Kyiv said 50 of its own soldiers had been killed.",
                 "The Ukrainian side lost 80 servicemen."), "number")
    assert (d.value_a, d.value_b) == ("50", "80")
    assert "number" not in kinds(pair(nlp, ukraine, "Rescuers recovered the bodies of 17 civilians.",
                                      "More than a dozen civilians died."))


def test_laying_the_blame_on_a_party_is_the_speakers_claim_against_that_party(nlp: Language, ukraine: Event) -> None:
    """ "X lays the blame on Y" (a headline of the benchmark's al-Ahli event) was read as X starting it, own voice."""
    a = analyse("Russia lays blame for the hospital blast on Ukraine", ukraine)
    assert a.voice.attributed and a.voice.attributed_party == "russia"
    assert a.own_initiator is None and a.reported_initiator == "ukraine"
    b = analyse("Israel pinned the blame for the hospital blast on Hamas.", ukraine)
    assert b.voice.attributed_party == "israel" and b.own_initiator is None and b.reported_initiator == "hamas"
    # a blame-placing verb without a responsibility word is no claim
    c = analyse("Israel laid a new pipeline on the border.", ukraine)
    assert not c.voice.attributed and c.own_initiator is None


def test_no_place_card_when_one_place_is_named_under_two_kinds_or_lies_in_the_others_area(
        nlp: Language, ukraine: Event) -> None:
    # "the Ukrainian city of Sumy" reads as the place "Ukrainian city" and the place "Sumy": the same town as "the
    # city of Sumy"
    assert "place" not in kinds(pair(nlp, ukraine, "A missile hit the bus depot in the city of Sumy.",
                                     "A missile hit the bus depot in the Ukrainian city of Sumy."))
    # Luhansk lies in the Donbas (detect/toponyms.toml [[area]])
    assert "place" not in kinds(pair(nlp, ukraine, "Shells fell on the Donbas region overnight, officials said.",
                                     "Shells fell on the Luhansk region overnight, officials said."))
    assert "place" in kinds(pair(nlp, ukraine, "Shells fell on the Kherson region overnight, officials said.",
                                 "Shells fell on the Luhansk region overnight, officials said."))


def test_no_time_card_from_a_date_of_another_act_away_from_the_event(nlp: Language, ukraine: Event) -> None:
    # the event's window is 1-5 May 2023: the talks of April 10 are another act, not when the shelling happened
    assert "time" not in kinds(pair(nlp, ukraine,
                                    "Russian forces shelled the town, breaking the truce agreed at the talks of April 10.",
                                    "Russian forces shelled the town on May 2."))
    assert "time" in kinds(pair(nlp, ukraine, "Russian forces shelled the town on May 3.",
                                "Russian forces shelled the town on May 2."))
    # both date one act away from the event (a 2020 agreement): they are compared
    assert "time" in kinds(pair(nlp, ukraine, "The war ended with an agreement signed on Nov. 10, 2020.",
                                "The war ended with an agreement signed on November 9, 2020."))


def test_a_sentence_going_on_about_the_act_before_it() -> None:
    from rashomon.detect.compare import continues_act

    assert continues_act("The attack killed eleven people, all of them miners.")
    assert continues_act("That strike, the police said, wounded four.")
    assert not continues_act("The station was crowded with people waiting for trains.")
    assert not continues_act("Shelling killed eleven people.")


def test_two_sides_named_together_before_a_count_give_a_combined_toll(nlp: Language, karabakh: Event) -> None:
    # "Armenia and Azerbaijan reported …" counts both sides' dead: not Armenia's figure
    assert "number" not in kinds(pair(nlp, karabakh, "Armenia and Azerbaijan reported nearly 90 troop deaths.",
                                      "Armenia said 41 of its soldiers were killed in the fighting."))
    # a count that names its side is that side's, whoever else the sentence names
    assert "number" in kinds(pair(nlp, karabakh, "Armenia and Azerbaijan traded fire; 52 Armenian soldiers died.",
                                  "Armenia said 41 of its soldiers were killed in the fighting."))


def test_no_wording_card_for_a_loaded_term_the_sentence_rules_out(nlp: Language, karabakh: Event) -> None:
    # "never liberated": the outlet does not call the capture a liberation
    assert "wording" not in kinds(pair(nlp, karabakh, "Armenia said Azerbaijan had never liberated the two heights.",
                                       "Azerbaijan captured the two heights, Armenia said."))
    assert "wording" in kinds(pair(nlp, karabakh, "Armenia said Azerbaijan had liberated the two heights.",
                                   "Azerbaijan captured the two heights, Armenia said."))


def test_no_place_card_from_a_place_named_only_by_a_party(nlp: Language, ukraine: Event) -> None:
    # "Ukrainian villages" or "areas of Ukraine" tell no place apart from "the village of Stepove"
    for other in ("Russian shells hit Ukrainian villages near the border overnight.",
                  "Russian shells hit areas of Ukraine near the border overnight."):
        assert "place" not in kinds(pair(nlp, ukraine, "Russian shells hit the village of Stepove overnight.", other))
    assert "place" in kinds(pair(nlp, ukraine, "Russian shells hit the village of Stepove overnight.",
                                 "Russian shells hit the village of Lozove overnight."))


def test_a_side_named_in_the_plural_takes_a_bare_apostrophe(nlp: Language) -> None:
    """"on Karabakh Armenians' side", not "Armenians's" (the seed event names a party that way)."""
    from pathlib import Path

    from rashomon.sources import load_event

    seed = load_event(Path(__file__).resolve().parents[1] / "seeds" / "karabakh-2022-08-03")
    d = one(pair(nlp, seed, "Two Armenian soldiers were killed in the shelling.",
                 "Three Armenian servicemen were killed, the ministry said."), "number")
    assert "Karabakh Armenians' side" in d.render("Reuters", "TASS")


def test_no_number_card_from_a_part_an_increment_or_a_running_total(nlp: Language, karabakh: Event) -> None:
    three = "Azerbaijan said three of its soldiers were killed in the fighting."
    # "five more" adds to an earlier figure
    assert "number" not in kinds(pair(nlp, karabakh, three,
                                      "Azerbaijan said five more of its soldiers were killed in the fighting."))
    # a part of another count of the sentence
    assert "number" not in kinds(pair(nlp, karabakh, "Among the dead were two Armenian children, officials said.",
                                      "Armenia said 14 people were killed in the shelling."))
    # the toll so far against one report's figure: two time frames
    assert "number" not in kinds(pair(nlp, karabakh, three,
                                      "With the new losses, 11 Azerbaijani soldiers have now been killed."))
    # the same two figures stated plainly still disagree
    assert "number" in kinds(pair(nlp, karabakh, three,
                                  "Azerbaijan said 11 of its soldiers were killed in the fighting."))


def test_more_after_another_quantity_is_no_increment(nlp: Language, karabakh: Event) -> None:
    out = pair(nlp, karabakh, "Two Armenian soldiers were killed and five more were wounded, Yerevan said.",
               "Two Armenian soldiers were killed and nine were wounded, Yerevan said.")
    assert "number" in kinds(out)



def test_casualty_counts_are_compared_only_for_the_same_side(nlp: Language, karabakh: Event) -> None:
    # neither count names a party; where the wounded were, and whose, does
    assert "number" not in kinds(pair(nlp, karabakh,
                                      "Two soldiers and two civilians were reported wounded on the Armenian side.",
                                      "Shooting in three border areas: two Azerbaijani soldiers killed, 11 wounded"))
    # the same counts on one side still disagree, also when only one count's side is known
    assert "number" in kinds(pair(nlp, karabakh, "Two soldiers were reported wounded on the Armenian side.",
                                  "Eleven soldiers were wounded on the Armenian side."))
    assert "number" in kinds(pair(nlp, karabakh, "Azerbaijan attacks Armenian positions: two servicemen killed, "
                                                 "14 wounded", "Officials said two of their soldiers had been killed "
                                                               "and 19 wounded."))


def test_a_vague_word_against_a_figure_is_left_to_the_fact_sheet(nlp: Language, karabakh: Event) -> None:
    # "dozens in one district" and "2,750 across the country" count different people; the fact sheet sets a side's
    # figure against an outlet that gives only words (sql/views.sql, vague_pairs)
    assert "number" not in kinds(pair(nlp, karabakh, "The blasts injured dozens of people in the southern suburbs.",
                                      "The blasts injured 2,750 people across the country."))


def test_upward_of_is_an_open_bound(nlp: Language, karabakh: Event) -> None:
    assert "number" not in kinds(pair(nlp, karabakh, "The ministry said upward of 700 people were hurt.",
                                      "The ministry said over 750 people were hurt."))


def test_two_days_that_may_name_one_night_are_no_time_card(nlp: Language, karabakh: Event) -> None:
    # Aug. 3, 2022 was a Wednesday
    for a, b in [("Armenian forces opened fire on Wednesday night.", "Armenian forces opened fire early on Thursday."),
                 ("Armenian forces opened fire on Wednesday night.", "Armenian forces opened fire on Thursday."),
                 ("Armenian forces opened fire late on Aug. 3.", "Armenian forces opened fire on Aug. 4."),
                 ("Armenian forces opened fire on Tuesday.", "Armenian forces opened fire on the night of Aug. 3."),
                 ("Armenian forces opened fire at night.", "Armenian forces opened fire in the morning.")]:
        assert "time" not in kinds(pair(nlp, karabakh, a, b)), (a, b)
    # a day apart with no night between them, or morning against evening stay a difference; so do two mornings a day
    # apart, a later "night" and words that only look like it (a reviewer's cases)
    for a, b in [("Armenian forces opened fire on Wednesday.", "Armenian forces opened fire on Thursday."),
                 ("Armenian forces opened fire in the morning.", "Armenian forces opened fire in the evening."),
                 ("Armenian forces opened fire on Wednesday morning.", "Armenian forces opened fire on Thursday morning."),
                 ("Armenian forces opened fire on Wednesday.", "Armenian forces opened fire on Thursday night."),
                 ("Armenian forces opened fire on Wednesday.", "Armenian forces opened fire on Thursday, Dawn reported."),
                 ("Forces loyal to the late commander opened fire on Wednesday.",
                  "Armenian forces opened fire on Thursday."),
                 ("Armenian forces opened fire on Wednesday.",
                  "In an early statement, Baku said Armenian forces opened fire on Thursday.")]:
        assert "time" in kinds(pair(nlp, karabakh, a, b)), (a, b)


def test_weekdays_two_days_apart_date_two_acts(nlp: Language, karabakh: Event) -> None:
    """"Friday" against "Tuesday" is a claim that joined two acts (the strike and a statement, or an earlier attack),
    not one act dated two ways: no time card (benchmark dev split: 5 of 6 such cards showed no labelled
    disagreement). A day apart stays a card, and so do dates, whatever their distance."""
    for a, b in [("Armenian forces opened fire on Friday.", "Armenian forces opened fire on Tuesday."),
                 ("Armenian forces opened fire on Tuesday night.", "Armenian forces opened fire early on Thursday."),
                 ("Armenian forces opened fire on Monday.", "Armenian forces opened fire on Aug. 3.")]:
        assert "time" not in kinds(pair(nlp, karabakh, a, b)), (a, b)
    assert "time" in kinds(pair(nlp, karabakh, "Armenian forces opened fire on Tuesday.",
                                "Armenian forces opened fire on Aug. 3."))
    assert "time" in kinds(pair(nlp, karabakh, "Armenian forces opened fire on Aug. 3.",
                                "Armenian forces opened fire on Aug. 5."))
