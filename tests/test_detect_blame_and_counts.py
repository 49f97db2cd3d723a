"""Detector rules found on the benchmark's dev split (tests/realcov), each on sentences written for the test:
explosions as acts, accusations whose "of/for" the parser hangs on the accused, vague plurals that are no figure,
whose casualties a figure counts when its noun names no party, and counts that are one figure."""

from __future__ import annotations

import pytest
from spacy.language import Language

from rashomon.detect import extract_acts, extract_numbers
from rashomon.detect.initiator import initiator_of
from rashomon.detect.parties import PartyMatcher
from rashomon.detect.sentence import analyse
from rashomon.detect.voice import analyse_voice_detail
from rashomon.sources import Event


@pytest.fixture(scope="module")
def um(ukraine: Event) -> PartyMatcher:
    return PartyMatcher(ukraine.parties)


def _acts(nlp: Language, text: str, matcher: PartyMatcher):
    s = nlp(text)[:]
    voice, scope = analyse_voice_detail(s, matcher, None)
    return voice, extract_acts(s, matcher, event_year=2023, voice=voice, reported_tokens=scope)


@pytest.mark.parametrize("text", [
    "Russia blew up the dam on Tuesday.",
    "The dam has been blown up by Russia.",
    "Russia has detonated a bomb of mass destruction.",
])
def test_explosions_are_acts_of_their_author(nlp: Language, um: PartyMatcher, text: str) -> None:
    _, acts = _acts(nlp, text, um)
    assert [(a.actor, a.action, a.initiating) for a in acts] == [("russia", "attack", True)]


def test_blowing_up_a_bridge_is_not_blowing_a_whistle(nlp: Language, um: PartyMatcher) -> None:
    _, acts = _acts(nlp, "Kyiv blew the whistle on the deal.", um)
    assert acts == []


def test_accused_of_hung_on_the_accused(nlp: Language, um: PartyMatcher) -> None:
    # the parser hangs "of blowing up" on "Moscow's forces", not on "accused": the act is still Russia's, in Kyiv's words
    voice, acts = _acts(nlp, "Kyiv, for its part, has accused Moscow's forces of blowing up the dam.", um)
    assert voice.attributed_party == "ukraine"
    assert [(a.actor, a.reported) for a in acts] == [("russia", True)]
    assert "of" not in acts[0].actor_text.split()


def test_blamed_for_hung_on_the_accused(nlp: Language, um: PartyMatcher) -> None:
    voice, acts = _acts(nlp, "On the other side, Kyiv has blamed Moscow's forces for the dam explosion.", um)
    assert voice.attributed_party == "ukraine"
    assert [(a.actor, a.action) for a in acts] == [("russia", "provoke")]


def _counts(nlp: Language, text: str, matcher: PartyMatcher, source: str | None = None):
    return [(c.quantity, c.value, c.qualifier, c.party)
            for c in extract_numbers(nlp(text)[:], matcher, source)]


def test_vague_plurals_are_no_figure(nlp: Language, um: PartyMatcher) -> None:
    (c,) = extract_numbers(nlp("Hundreds of people were killed in the blast.")[:], um)
    assert (c.quantity, c.value, c.qualifier, c.low, c.high) == ("killed", None, "vague", 200, 999)


def test_a_side_reports_its_own_losses(nlp: Language, um: PartyMatcher, ukraine: Event) -> None:
    a = analyse("Three soldiers were killed and five wounded in the shelling, Kyiv said.", ukraine, nlp=nlp)
    assert [(c.quantity, c.value, c.party) for c in a.numbers] == [("killed", 3, "ukraine"), ("wounded", 5, "ukraine")]
    # the nearest speaker with a party wins over the sentence's source
    assert _counts(nlp, "The IDF said the blast, in which Hamas claims 500 people were killed, was a misfire.", um,
                   "israel") == [("killed", 500, "exact", "hamas")]


@pytest.mark.parametrize("text", [
    "Israel said it killed 30 people in the raid.",         # what the source's side did
    "Israel said 30 militants were killed in the raid.",    # the other side's fighters
])
def test_not_the_sources_losses(nlp: Language, um: PartyMatcher, text: str) -> None:
    assert [party for *_, party in _counts(nlp, text, um, "israel")] == [None]


def test_own_voice_figures_keep_no_side(nlp: Language, um: PartyMatcher, ukraine: Event) -> None:
    a = analyse("Three soldiers were killed in the shelling.", ukraine, nlp=nlp)
    assert [(c.value, c.party) for c in a.numbers] == [(3, None)]


def test_conjoined_counts_are_one_figure(nlp: Language, um: PartyMatcher) -> None:
    assert _counts(nlp, "An officer and two soldiers have been killed in the clash.", um) == [
        ("killed", 3, "exact", None)]
    # different quantities, or a qualifier, stay apart
    assert _counts(nlp, "Two soldiers were killed and at least 14 wounded.", um) == [
        ("killed", 2, "exact", None), ("wounded", 14, "at_least", None)]


def test_conjoined_exact_and_about_is_about_the_sum(nlp: Language, um: PartyMatcher) -> None:
    (c,) = extract_numbers(nlp("One of its officers and around 20 soldiers had been killed in the clash.")[:], um)
    assert (c.quantity, c.value, c.qualifier) == ("killed", 21, "about")
    assert c.low < 21 < c.high


def test_a_names_number_is_no_count(nlp: Language, um: PartyMatcher) -> None:
    assert _counts(nlp, "Gas leaked from the Nord Stream 1 pipeline near Bornholm.", um) == []
    assert _counts(nlp, "In Gaza 500 people died.", um) == [("dead", 500, "exact", None)]


def test_a_call_or_an_unknown_speaker_gives_no_side(nlp: Language, um: PartyMatcher, ukraine: Event) -> None:
    # "urged" does not report a figure; "officials in the region" are no known party: no side, not the wrong one
    a = analyse("Kyiv urged calm in the region, where at least three soldiers were reported killed.", ukraine, nlp=nlp)
    assert [(c.value, c.party) for c in a.numbers] == [(3, None)]
    assert _counts(nlp, "Officials in the region said two soldiers had been killed.", um, "russia") == [
        ("killed", 2, "exact", None)]


@pytest.mark.parametrize("text", [
    "Russia and Ukraine have accused each other over the attack on the dam.",
    "Thousands fled, while Moscow and Kyiv blame each other for the destruction.",
    "Moscow and Kyiv traded blame for the attack.",
])
def test_mutual_blame_is_two_attributed_blames_and_no_verdict(nlp: Language, um: PartyMatcher, ukraine: Event,
                                                              text: str) -> None:
    a = analyse(text, ukraine, nlp=nlp)
    mutual = {(x.claimed_by, x.actor) for x in a.acts if x.claimed_by}
    assert mutual == {("russia", "ukraine"), ("ukraine", "russia")}
    assert a.own_initiator is None and a.reported_initiator is None   # GUIDE §10.4: never one voice's verdict


def test_blaming_each_other_needs_two_parties_or_both_sides(nlp: Language, ukraine: Event) -> None:
    # "both sides" names the event's two principal sides, like "each side blamed the other" (docs/formats.md)
    a = analyse("Both sides blamed each other for the attack.", ukraine, nlp=nlp)
    assert {(x.claimed_by, x.actor) for x in a.acts if x.claimed_by} == {("ukraine", "russia"), ("russia", "ukraine")}
    a = analyse("The villagers blamed each other for the attack.", ukraine, nlp=nlp)
    assert not any(x.claimed_by for x in a.acts)


@pytest.mark.parametrize("text, source, blamed", [
    ("Hamas immediately blamed Israel, saying it was a deliberate strike.", "hamas", "israel"),   # no "for …"
    ("Arab governments were quick to blame Israel.", None, "israel"),       # through "were quick to"; no party
    ("The IDF placed the blame on Hamas, which rejected the accusations.", "israel", "hamas"),
    ("Hamas declared Israel responsible for the blast at once.", "hamas", "israel"),
    # the day's "on" phrase is not the one blamed; "for the crash" hung on the verb (MH17, benchmark dev split)
    ("Moscow on Thursday put the blame for the crash of the airliner on Kyiv.", "russia", "ukraine"),
    ("Ukraine 'Bears Responsibility' for Jet Crash, Kremlin Says", "russia", "ukraine"),
])
def test_blame_without_an_act_word(nlp: Language, ukraine: Event, text: str, source: str | None,
                                   blamed: str) -> None:
    a = analyse(text, ukraine, nlp=nlp)
    assert a.voice.attributed, text    # a blame is someone's claim, never the outlet's own verdict
    assert a.reported_initiator == blamed and a.own_initiator is None
    assert a.voice.attributed_party == source


@pytest.mark.parametrize("text, blamed", [
    ("Israel laid the blame for the attack on Ukraine on Russia.", "russia"),   # the attack's target comes first
    ("Ukraine put the blame for the attack on Israel on Hamas.", "hamas"),
    ("Moscow on Thursday put the blame on Kyiv.", "ukraine"),                  # a day's "on" is never the one blamed
    ("On Thursday Moscow put the blame on Kyiv.", "ukraine"),
    ("Moscow put the blame on Kyiv on Thursday.", "ukraine"),
    ("Kyiv laid the blame for the blast on Moscow.", "russia"),
])
def test_the_blame_is_put_on_the_last_on_phrase_that_names_no_day(nlp: Language, ukraine: Event, text: str,
                                                                   blamed: str) -> None:
    assert analyse(text, ukraine, nlp=nlp).reported_initiator == blamed


def test_denying_involvement_is_a_denial_of_ones_own_act(nlp: Language, ukraine: Event) -> None:
    a = analyse("Israel has denied any involvement.", ukraine, nlp=nlp)
    assert a.voice.attributed_party == "israel"
    assert [(x.actor, x.negated, x.initiating, x.reported) for x in a.acts] == [("israel", True, False, True)]
    assert a.reported_initiator is None     # a denial, never a blame (GUIDE §10.5)


def test_a_shared_denial_is_each_partys_own(nlp: Language, ukraine: Event) -> None:
    a = analyse("Israel and the militant group Hamas have both denied responsibility for the attack.", ukraine, nlp=nlp)
    denied = {(x.actor, x.claimed_by) for x in a.acts if x.negated}
    assert ("hamas", "hamas") in denied and any(actor == "israel" for actor, _ in denied)
    assert a.reported_initiator is None and a.own_initiator is None


@pytest.mark.parametrize("text, background", [
    ("The blast comes less than two weeks after Moscow annexed four regions of Ukraine.", True),
    ("The clash came a month after Russia attacked the town.", True),
    ("Kyiv struck the bridge days after Russia attacked the town.", False),   # days: the same incident's cause
])
def test_an_act_weeks_apart_is_another_incident(nlp: Language, um: PartyMatcher, text: str, background: bool) -> None:
    _, acts = _acts(nlp, text, um)
    russian = [a for a in acts if a.actor == "russia"]
    assert russian and all(a.background == background for a in russian)
    assert all(not a.initiating for a in russian) if background else any(a.initiating for a in russian)


def test_a_sides_operations_going_on_are_background_but_a_denied_operation_is_a_denial(nlp: Language,
                                                                                        um: PartyMatcher) -> None:
    _, acts = _acts(nlp, "The bridge is vital to Moscow's military operations in the south.", um)
    assert acts and all(a.background and not a.initiating for a in acts)
    _, acts = _acts(nlp, "Kyiv said its army was not carrying out air operations near the town.", um)
    assert any(a.negated and not a.background for a in acts)


@pytest.mark.parametrize("text", [
    "The Hamas-controlled authorities in Gaza immediately blamed Israel.",
    "Officials in Hamas-run Gaza were quick to blame Israel for the blast.",
])
def test_a_source_run_by_a_party_speaks_for_it(nlp: Language, ukraine: Event, text: str) -> None:
    a = analyse(text, ukraine, nlp=nlp)
    assert a.voice.attributed_party == "hamas" and a.reported_initiator == "israel"


def test_each_side_blamed_the_other_names_the_event_s_two_sides(nlp: Language, ukraine: Event) -> None:
    # no party named: "each side ... the other" is blame between the event's first two parties (docs/formats.md)
    a = analyse("Each side blamed the other for the attack on the dam.", ukraine, nlp=nlp)
    first_two = {p.id for p in ukraine.parties[:2]}
    assert {(x.claimed_by, x.actor) for x in a.acts if x.claimed_by} == {
        (p, q) for p in first_two for q in first_two if p != q}
    assert a.own_initiator is None


def test_a_quote_running_over_sentences_takes_the_speaker_named_where_it_closes(nlp: Language,
                                                                                ukraine: Event) -> None:
    from rashomon.detect.quote_runs import QuoteRun, quote_runs
    from rashomon.detect.sentence import analyse_article

    texts = ["Officials met on Tuesday.", "“Russian troops blew up the dam at night.",
             "It was a terrorist act,” the Ukrainian Defence Ministry said.", "Water levels rose."]
    assert quote_runs(texts) == [QuoteRun(1, 2, True)]
    out = analyse_article(texts, ukraine, nlp=nlp)
    assert out[1].voice.attributed_party == "ukraine"
    assert (out[1].own_initiator, out[1].reported_initiator) == (None, "russia")
    assert not out[0].voice.attributed and not out[3].voice.attributed


@pytest.mark.parametrize("text, source, own_act", [
    ("The Kremlin said Russian units had seized the ridge above the village and would hold it.", "russia", "russia"),
    ("Kyiv said its forces had struck a fuel depot near the border overnight.", "ukraine", "ukraine"),
])
def test_a_source_reporting_its_own_sides_act_blames_no_one(nlp: Language, ukraine: Event, text: str, source: str,
                                                              own_act: str) -> None:
    """The act stays an act of the sentence; it is no blame by the source of its own side."""
    a = analyse(text, ukraine, nlp=nlp)
    assert a.voice.attributed_party == source
    assert any(x.actor == own_act and x.reported for x in a.acts)
    assert a.reported_initiator is None


def test_a_source_still_blames_the_other_side(nlp: Language, ukraine: Event) -> None:
    a = analyse("Kyiv said Russian units had attacked its positions near the border overnight.", ukraine, nlp=nlp)
    assert a.voice.attributed_party == "ukraine" and a.reported_initiator == "russia"


@pytest.mark.parametrize("text", ["Russia, Ukraine Exchange Fire Across Frontier Overnight",
                                  "Russia, Ukraine exchange fire across the frontier overnight"])
def test_an_exchange_of_fire_has_no_one_actor(nlp: Language, ukraine: Event, text: str) -> None:
    a = analyse(text, ukraine, nlp=nlp)
    assert a.own_initiator is None and a.initiator is None
    assert analyse("Russian fire hit a frontier post overnight.", ukraine, nlp=nlp).own_initiator == "russia"


def test_the_second_of_two_conjoined_act_nouns_takes_the_first_ones_verb(nlp: Language, ukraine: Event) -> None:
    """"opened artillery and UAV fire on X": the verb of "artillery" carries "fire", so its subject is the actor."""
    a = analyse("According to the Ukrainian Defence Ministry, Russian forces opened intensive artillery and UAV fire on Ukrainian forces in the Lyman, Siversk and Bilohorivka areas.",
                ukraine, nlp=nlp)
    assert a.voice.attributed_party == "ukraine" and a.reported_initiator == "russia"


@pytest.mark.parametrize("text, expected", [
    # losing a limb is a wound, not a death; losing one's life is a death
    ("Two Ukrainian soldiers lost their legs in the blast.", [("wounded", 2, "exact", "ukraine")]),
    ("Three Russian soldiers lost their lives in the blast.", [("dead", 3, "exact", "russia")]),
    # an ordinal is which one, not how many: "a second soldier" is no count of one
    ("A second Russian soldier was wounded by a mine on Tuesday.", []),
    ("A Russian soldier was wounded by a mine on Tuesday.", [("wounded", 1, "exact", "russia")]),
])
def test_a_lost_limb_is_a_wound_and_an_ordinal_no_count(nlp: Language, um: PartyMatcher, text: str,
                                                         expected: list) -> None:
    assert _counts(nlp, text, um) == expected


@pytest.mark.parametrize("text, source, expected", [
    # prisoners said to have died are the dead, not the captured
    ("At least 20 Ukrainian prisoners feared dead after the strike on the camp", None,
     [("dead", 20, "at_least", "ukraine")]),
    ("Kyiv said 30 prisoners of war were killed in the blast.", "ukraine", [("killed", 30, "exact", None)]),
    # and a side reporting the prisoners it holds does not report its own losses
    ("Moscow says 40 prisoners were killed in the blast.", "russia", [("killed", 40, "exact", None)]),
    ("Moscow says 40 soldiers were killed in the blast.", "russia", [("killed", 40, "exact", "russia")]),
    ("The army took 12 prisoners near the river.", None, [("captured", 12, "exact", None)]),
])
def test_prisoners_killed_are_dead_and_not_their_captors_losses(nlp: Language, um: PartyMatcher, text: str,
                                                                source: str | None, expected: list) -> None:
    assert _counts(nlp, text, um, source) == expected


@pytest.mark.parametrize("text", [
    "Blasts shook the capital as Russian and Ukrainian troops attacked each other's positions.",
    "Russian and Ukrainian forces shelled one another near the river.",
])
def test_attacking_each_other_names_no_initiator(nlp: Language, um: PartyMatcher, text: str) -> None:
    _, acts = _acts(nlp, text, um)
    assert initiator_of(list(acts)) is None
    _, acts = _acts(nlp, "Russian troops attacked Ukrainian positions near the river.", um)
    assert initiator_of(list(acts)) == "russia"


@pytest.mark.parametrize("text", [
    "Russian forces seized the town hall on Sunday after heavy fighting with the Ukrainian army.",
    "Russian forces seized the town hall amid fierce clashes.",
    "Russian troops captured the town hall as the fighting raged.",
    "Russian troops capture town hall as violence rages",   # "rages" tagged a noun, "violence" its compound
])
def test_an_act_after_or_amid_the_fighting_did_not_start_it(nlp: Language, um: PartyMatcher, text: str) -> None:
    _, acts = _acts(nlp, text, um)
    assert [a.actor for a in acts if a.action == "seize"] == ["russia"]
    assert initiator_of(list(acts)) is None


def test_retaliation_for_an_unnamed_attack_names_no_initiator(nlp: Language, um: PartyMatcher) -> None:
    _, acts = _acts(nlp, "Ukraine's air force struck Russian targets in retaliation for a missile attack on Kyiv.", um)
    assert initiator_of(list(acts)) is None
    # a source that strikes X in retaliation presents X as the attacker: its claim (test_other_conflict_initiators)
    _, acts = _acts(nlp, "Ukraine's army said it struck Russian targets in retaliation for a missile attack.", um)
    assert initiator_of(list(acts)) == "russia"
    _, acts = _acts(nlp, "Ukraine's air force struck Russian targets in retaliation for Russia's attack on Kyiv.", um)
    assert initiator_of(list(acts)) == "russia"


def test_a_subject_it_refers_to_the_enclosing_clauses_subject(nlp: Language, um: PartyMatcher) -> None:
    _, acts = _acts(nlp, "Russia said it fired one missile at a Ukrainian army base, though it has denied attacking "
                         "the town.", um)
    assert [(a.actor, a.negated) for a in acts if a.action == "attack"] == [("russia", True)]


@pytest.mark.parametrize("text", [
    "The depot was flattened in a suspected Russian air strike.",
    "Six people died in the alleged Russian strike on the depot.",
])
def test_a_hedged_act_asserts_no_initiator(nlp: Language, um: PartyMatcher, text: str) -> None:
    _, acts = _acts(nlp, text, um)
    assert initiator_of(list(acts)) is None
    _, acts = _acts(nlp, "Six people died in the Russian strike on the depot.", um)
    assert initiator_of(list(acts)) == "russia"


def test_a_campaign_since_an_earlier_date_is_background(nlp: Language, um: PartyMatcher) -> None:
    _, acts = _acts(nlp, "Since Ukrainian drones hit a refinery in 2021, Russia has stepped up strikes on "
                         "Ukrainian ports.", um)
    assert initiator_of(list(acts)) is None


def test_the_worst_fighting_since_a_year_is_no_background(nlp: Language, um: PartyMatcher) -> None:
    _, acts = _acts(nlp, "At least 49 soldiers were killed when Russian forces attacked targets inside Ukraine "
                         "overnight, the worst fighting between the two since 2020.", um)
    assert initiator_of(list(acts)) == "russia"


@pytest.mark.parametrize("text, quantity, value", [
    ("The authorities put the death toll at 53.", "dead", 53),
    ("Officials raised the number of wounded to 75 on Saturday.", "wounded", 75),
    ("The strike brought the death toll to 16.", "dead", 16),
    ("Medics estimated the number of injured at 30.", "wounded", 30),
])
def test_a_verb_that_sets_the_toll_gives_its_quantity(nlp: Language, um: PartyMatcher, text: str, quantity: str,
                                                      value: int) -> None:
    assert [(c.quantity, c.value) for c in extract_numbers(nlp(text)[:], um)] == [(quantity, value)]


@pytest.mark.parametrize("text", ["The army put 40 soldiers at the border.", "Russia fired 30 missiles at 12 cities."])
def test_an_object_that_is_no_toll_gives_no_casualty(nlp: Language, um: PartyMatcher, text: str) -> None:
    assert {c.quantity for c in extract_numbers(nlp(text)[:], um)} == {"other"}
