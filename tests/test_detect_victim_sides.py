"""Whose people a casualty count is when its noun names no party (detect/victim_sides.py): the place the sentence
or the article locates the event in, the event file's `places`, elliptical counts, and "killed or injured" figures
that are neither. Every sentence is written for the test, about invented countries (one about the seed event)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from rashomon.detect import extract_numbers
from rashomon.detect.parties import PartyMatcher
from rashomon.detect.sentence import analyse, analyse_article
from rashomon.sources import Event, load_event

EVENT_TOML = """
id = "valoria-2024-03-01"
title = "Strike on a market"
window_start = 2024-03-01T00:00:00Z
window_end = 2024-03-04T00:00:00Z
keywords = ["Valoria"]

[[parties]]
id = "valoria"
name = "Valoria"
aliases = ["Valoria", "Valorian army"]
{places}

[[parties]]
id = "dravenia"
name = "Dravenia"
aliases = ["Dravenia", "Dravenian army"]
"""


def _event(tmp_path_factory, places: str) -> Event:
    folder = tmp_path_factory.mktemp("events") / "valoria-2024-03-01"
    folder.mkdir()
    (folder / "event.toml").write_text(EVENT_TOML.format(places=places), encoding="utf-8")
    return load_event(folder)


@pytest.fixture(scope="module")
def plain(tmp_path_factory) -> Event:
    """An event file without `places` (they are optional)."""
    return _event(tmp_path_factory, "")


@pytest.fixture(scope="module")
def with_places(tmp_path_factory) -> Event:
    return _event(tmp_path_factory, 'places = ["Port Ostrin", "Ostrin Bay"]')


def _sides(nlp: Language, text: str, event: Event, source: str | None = None):
    return [(c.quantity, c.value, c.side)
            for c in extract_numbers(nlp(text)[:], PartyMatcher(event.parties), source)]


@pytest.mark.parametrize("text", [
    "A rocket hit a bus depot in the western Valorian city of Kessel, killing 12 people.",
    "Twelve people died when a rocket hit a bus depot in Kessel in northern Valoria.",
    "Twelve dead after rocket strikes Valorian bus depot",
])
def test_people_hit_in_a_partys_place_are_its_people(nlp: Language, plain: Event, text: str) -> None:
    assert [side for *_, side in _sides(nlp, text, plain)] == ["valoria"]


def test_the_place_outranks_the_reporting_side_for_people(nlp: Language, plain: Event) -> None:
    text = "Dravenia said it had not fired at the market in Valoria, where at least 12 people were killed."
    assert _sides(nlp, text, plain, "dravenia") == [("killed", 12, "valoria")]


def test_soldiers_get_no_side_from_a_place(nlp: Language, plain: Event) -> None:
    assert _sides(nlp, "Four soldiers were killed in Valoria on Monday.", plain) == [("killed", 4, None)]


@pytest.mark.parametrize("text", [
    "A missile fired from Dravenia killed six people.",     # the origin, not the place of the victims
    "The Dravenian army's attack killed six people.",       # the attacker
])
def test_an_origin_or_an_attacker_is_no_place(nlp: Language, plain: Event, text: str) -> None:
    assert [side for *_, side in _sides(nlp, text, plain)] == [None]


def test_an_event_files_places_locate(nlp: Language, plain: Event, with_places: Event) -> None:
    text = "A drone struck a clinic in Port Ostrin, killing nine civilians."
    assert _sides(nlp, text, with_places) == [("killed", 9, "valoria")]
    assert _sides(nlp, text, plain) == [("killed", 9, None)]   # without the field, a bare town names no side


def test_the_place_is_carried_to_the_next_sentences(nlp: Language, with_places: Event) -> None:
    out = analyse_article(["A drone struck a clinic in Port Ostrin on Monday night.",
                           "Nine people died and 20 were injured, medics said."], with_places, nlp=nlp)
    assert out[0].victim_place == "valoria"
    assert [(c.quantity, c.value, c.side) for c in out[1].numbers] == [("dead", 9, "valoria"),
                                                                      ("wounded", 20, "valoria")]
    # a sentence alone carries nothing
    alone = analyse("Nine people died and 20 were injured, medics said.", with_places, nlp=nlp)
    assert [c.side for c in alone.numbers] == [None, None]


def test_a_count_without_a_noun_shares_the_previous_counts_side(nlp: Language, plain: Event) -> None:
    assert _sides(nlp, "Six Valorian soldiers were killed and two more were wounded.", plain) == [
        ("killed", 6, "valoria"), ("wounded", 2, "valoria")]
    # "martyred" is killed (Azerbaijani, Turkish, Iranian outlets): the wounded after it are the same side's
    assert _sides(nlp, "On Sunday, four Valorian soldiers were martyred and another four wounded.", plain,
                  "dravenia") == [("killed", 4, "valoria"), ("wounded", 4, "valoria")]


@pytest.mark.parametrize("text", [
    "Intercepts suggest 40 soldiers of the Dravenian army were killed or badly injured.",
    "Reports put the toll at 40 injured or dead on the Dravenian side.",
])
def test_killed_or_injured_is_neither_figure(nlp: Language, plain: Event, text: str) -> None:
    assert [q for q, *_ in _sides(nlp, text, plain)] in ([], ["other"])


def test_find_places_is_apart_from_the_aliases(with_places: Event) -> None:
    m = PartyMatcher(with_places.parties)
    assert [(p.party_id, p.alias) for p in m.find_places("Boats left Ostrin Bay for Port Ostrin.")] == [
        ("valoria", "Ostrin Bay"), ("valoria", "Port Ostrin")]
    assert m.find_all("Boats left Port Ostrin.") == []   # a place names no party: it is where, not who


def test_a_sentence_dated_outside_the_window_counts_another_incident(nlp: Language, plain: Event) -> None:
    # the event's window is 1-4 March 2024
    other = analyse("It looked like the rocket that hit a school in Kessel on January 20 and killed 11 people.",
                    plain, nlp=nlp)
    assert [c.quantity for c in other.numbers] == ["other"]
    this = analyse("The rocket that hit a school in Kessel on March 2 killed 11 people.", plain, nlp=nlp)
    assert [c.quantity for c in this.numbers] == ["killed"]


def test_a_sentence_dated_by_a_month_outside_the_window_counts_another_incident(nlp: Language,
                                                                                 plain: Event) -> None:
    a = analyse("In November, three Valorian soldiers were killed and five others wounded near the river.", plain,
                nlp=nlp)
    assert {c.quantity for c in a.numbers} == {"other"}


@pytest.mark.parametrize("text, other", [
    ("In 2021, clashes between the two armies killed 50 people.", True),
    ("Last year's fighting between the two armies killed more than 50 people.", True),
    ("Clashes between the two armies killed 50 people two years ago.", True),
    ("In 2024, clashes between the two armies killed 50 people.", False),   # the event's year (March 2024)
    # a year inside the sentence is often a place's or a party's background, not the date of the count
    ("In Kessel, a town Valoria seized in 1967, a rocket killed 50 people.", False),
])
def test_a_sentence_dated_another_year_counts_another_incident(nlp: Language, plain: Event, text: str,
                                                               other: bool) -> None:
    quantities = {c.quantity for c in analyse(text, plain, nlp=nlp).numbers}
    assert quantities <= {"killed", "other"}   # "two armies" is no casualty count
    assert ("killed" not in quantities) == other


def test_a_conjoined_person_shares_the_first_ones_quantity(nlp: Language, plain: Event) -> None:
    # "two privates" hang on "a captain", not on "the deaths of": one figure, 3 dead
    assert _sides(nlp, "The army confirmed the deaths of a Valorian captain and two privates.", plain) == [
        ("dead", 3, "valoria")]


def test_a_casualty_verb_just_before_the_count_gives_its_quantity(nlp: Language, plain: Event) -> None:
    assert _sides(nlp, "Rescuers were digging at the market, a blast Valoria's medics said killed at least 40 people "
                       "was the worst of the week, with more feared.", plain)[0][0] == "killed"


def test_found_dead_so_far(nlp: Language, plain: Event) -> None:
    assert _sides(nlp, "Medics said four people had so far been found dead under the rubble.", plain) == [
        ("dead", 4, None)]


def test_a_toll_two_sides_report_together_is_no_sides_figure(nlp: Language, plain: Event) -> None:
    assert [q for q, *_ in _sides(nlp, "Valoria and Dravenia reported nearly 60 troop deaths on Monday.", plain)] \
        == ["other"]
    assert _sides(nlp, "Valoria reported nearly 60 troop deaths on Monday.", plain)[0][2] == "valoria"


def test_an_undated_sentence_right_after_another_incident_goes_on_about_it(nlp: Language, plain: Event) -> None:
    out = analyse_article(["On January 20 a rocket hit a school in Kessel.", "The strike killed 11 people.",
                           "Then on Monday a rocket hit the market in Valoria.", "It killed 14 people."],
                          plain, nlp=nlp)
    assert [[c.quantity for c in a.numbers] for a in out] == [[], ["other"], [], ["killed"]]


def test_a_headline_verb_read_as_a_noun_still_counts(nlp: Language, with_places: Event) -> None:
    # the parser hangs "12" on "kills" as a bare modifier (npadvmod), not as its object
    assert _sides(nlp, "Kessel bus depot attack: Dravenian Grad-M rocket kills at least 12", with_places) == [
        ("killed", 12, None)]


def test_a_count_without_a_noun_is_elliptical(nlp: Language, plain: Event) -> None:
    assert _sides(nlp, "Six Valorian soldiers were killed and at least 9 wounded, Dravenia said.", plain,
                  "dravenia") == [("killed", 6, "valoria"), ("wounded", 9, "valoria")]


def test_the_party_stays_the_named_or_reported_side_for_comparisons(nlp: Language, plain: Event) -> None:
    # compare.py matches figures across outlets on `party` (named or reported); `side` adds the place's people
    (c,) = extract_numbers(nlp("Dravenia said 12 people were killed at the market in Valoria.")[:],
                           PartyMatcher(plain.parties), "dravenia")
    assert (c.party, c.side) == ("dravenia", "valoria")


def test_part_of_a_count_gets_no_side_from_the_place(nlp: Language, plain: Event) -> None:
    assert _sides(nlp, "A rocket hit the market in Valoria, killing 12 people, including four children.", plain) \
        == [("killed", 12, "valoria"), ("killed", 4, None)]


def test_others_share_the_previous_counts_side(nlp: Language, plain: Event) -> None:
    assert _sides(nlp, "Valorian officials said the shelling killed four Dravenian villagers and wounded 14 others.",
                  plain) == [("killed", 4, "dravenia"), ("wounded", 14, "dravenia")]


def test_a_place_in_a_clause_beside_the_counts_does_not_locate_its_victims(nlp: Language, plain: Event) -> None:
    text = "Valoria sent jets to bomb targets in Dravenia after shelling from both sides killed at least 11 civilians."
    assert _sides(nlp, text, plain) == [("killed", 11, None)]


@pytest.mark.parametrize("text, expected", [
    ("Two soldiers and two civilians were reported wounded on the Valorian side.",   # two figures (soldiers, civilians)
     [("wounded", 2, "valoria"), ("wounded", 2, "valoria")]),
    ("Dravenia said three soldiers were killed on the Valorian side.", [("killed", 3, "valoria")]),
    ("Three soldiers were reported wounded.", [("wounded", 3, None)]),
])
def test_on_the_x_side_says_whose_people_a_count_is(nlp: Language, plain: Event, text: str, expected: list) -> None:
    assert _sides(nlp, text, plain) == expected


def _article_sides(nlp: Language, event: Event, sentences: list[str]):
    return [[(c.quantity, c.value, c.side) for c in a.numbers] for a in analyse_article(sentences, event, nlp=nlp)]


def test_a_count_that_goes_on_from_the_last_sentence_shares_its_side(nlp: Language, plain: Event) -> None:
    out = _article_sides(nlp, plain, ["Three Valorian soldiers were killed on Saturday in a drone attack.",
                                      "Two dozen more were seriously wounded.",
                                      "The ministry said 12 others were wounded in the attack."])
    assert out == [[("killed", 3, "valoria")], [("wounded", 24, "valoria")], [("wounded", 12, "valoria")]]
    # the same sentences alone: nothing to go on from
    assert _sides(nlp, "Two dozen more were seriously wounded.", plain) == [("wounded", 24, None)]


def test_a_counted_noun_keeps_the_party_the_article_named_it_with(nlp: Language, plain: Event) -> None:
    out = _article_sides(nlp, plain, ["The shelling hit a camp holding dozens of Valorian prisoners of war.",
                                      "Forty prisoners were killed, officials said."])
    assert out[1] == [("killed", 40, "valoria")]
    # a source's own party still outranks an earlier sentence for a count without a noun
    out = _article_sides(nlp, plain, ["Six Valorian soldiers were killed, Valoria said.",
                                      "Dravenia said 3 were killed."])
    assert out[1] == [("killed", 3, "dravenia")]


def test_the_second_count_of_a_sentence_shares_the_firsts_side_even_when_it_has_none(nlp: Language,
                                                                                     plain: Event) -> None:
    # "40 prisoners … and 75 wounded": the 75 are the prisoners, not the source's own people
    assert _sides(nlp, "Forty prisoners were killed and 75 wounded.", plain, "dravenia") == [
        ("killed", 40, None), ("wounded", 75, None)]


def test_soldiers_and_civilians_are_two_figures(nlp: Language, plain: Event) -> None:
    assert _sides(nlp, "Two Valorian officers were killed and six soldiers and five civilians wounded.", plain) == [
        ("killed", 2, "valoria"), ("wounded", 6, "valoria"), ("wounded", 5, "valoria")]
    # soldiers of two ranks are one figure, as a reader counts them
    assert _sides(nlp, "An officer and two Valorian soldiers were killed.", plain) == [("killed", 3, "valoria")]


@pytest.mark.parametrize("text", ["The death toll now stands at 50 people, medics said.",
                                  "The death toll is 50 people, medics said."])
def test_a_death_toll_that_stands_at_a_figure_counts_the_dead(nlp: Language, plain: Event, text: str) -> None:
    assert [(q, v) for q, v, _ in _sides(nlp, text, plain)] == [("dead", 50)]


@pytest.mark.parametrize("text", ["A Valorian sniper killed him.", "Two Valorian gunmen killed a guard."])
def test_who_killed_is_no_casualty(nlp: Language, plain: Event, text: str) -> None:
    assert [(q, v) for q, v, _ in _sides(nlp, text, plain) if q != "other"] in ([], [("killed", 1)])
    assert ("killed", 2) not in [(q, v) for q, v, _ in _sides(nlp, text, plain)]


@pytest.mark.parametrize("text, expected", [
    ("Valorian officials said nobody was killed or hurt in the attack.",
     [("killed", 0, "valoria"), ("wounded", 0, "valoria")]),
    ("The debris caused no injuries, Valoria said.", [("wounded", 0, "valoria")]),
    ("No Valorians have been reported injured.", [("wounded", 0, "valoria")]),
    ("Valoria said the attack did not result in any casualties among officers of the Valorian army.",
     [("killed", 0, "valoria"), ("wounded", 0, "valoria")]),
])
def test_nobody_hurt_is_a_figure_of_none(nlp: Language, plain: Event, text: str, expected: list) -> None:
    assert _sides(nlp, text, plain, "valoria") == expected


@pytest.mark.parametrize("text", ["There were casualties, Valoria said.", "Any casualties will be counted.",
                                  "No one knows how many were hurt."])
def test_no_zero_without_a_negation_of_harm(nlp: Language, plain: Event, text: str) -> None:
    assert [v for _, v, _ in _sides(nlp, text, plain)] == []


@pytest.mark.parametrize("text", ["Valoria confirmed no casualties but accused Dravenia of crossing the border.",
                                  "The footage showed destroyed barracks but no casualties could be seen."])
def test_no_figure_given_is_no_zero(nlp: Language, plain: Event, text: str) -> None:
    assert [v for _, v, _ in _sides(nlp, text, plain)] == []


def test_a_countrys_place_before_the_strike_names_the_target_not_the_striker(nlp: Language, with_places: Event) -> None:
    an = analyse("Dravenia breaks its silence on Valoria's Port Ostrin missile strike", with_places, nlp=nlp)
    assert an.own_initiator is None
    assert analyse("Dravenia's missile strike killed 34 people.", with_places, nlp=nlp).own_initiator == "dravenia"


@pytest.mark.parametrize("text, expected", [
    ("Valoria struck the port a day after six Valorian civilians were killed in an attack on a market.", []),
    ("The strike came after Monday's attack on the market, in which six people died.", []),
    ("Six people were killed after the strike hit the market.", [("killed", 6)]),
    ("The strike killed six people after hitting a market.", [("killed", 6)]),
])
def test_a_count_in_a_clause_set_before_the_event_is_another_incident(nlp: Language, plain: Event, text: str,
                                                                       expected: list) -> None:
    assert [(q, v) for q, v, _ in _sides(nlp, text, plain) if q != "other"] == expected


@pytest.mark.parametrize("text", [
    "Valoria declared a day of mourning after the attack on the market in which at least 130 people were killed.",
    "Dravenia said it owns the valley, a day after Valoria lost 20 of its soldiers in the clash.",
])
def test_a_count_after_a_reaction_is_this_events(nlp: Language, plain: Event, text: str) -> None:
    assert [q for q, _, _ in _sides(nlp, text, plain) if q != "other"]


def test_their_soldiers_are_the_speakers_not_the_last_counted_sides(nlp: Language) -> None:
    """Seed event, Reuters: after "an Azerbaijani conscript was killed", "officials in Nagorno-Karabakh said two of
    their soldiers had been killed" counts the officials' side, not the conscript's."""
    seed = load_event(Path(__file__).parents[1] / "seeds" / "karabakh-2022-08-03")
    out = analyse_article(["An Azerbaijani conscript was killed on Wednesday, Baku said.",
                           "Officials in Nagorno-Karabakh said two of their soldiers had been killed and 19 wounded."],
                          seed, nlp=nlp)
    assert out[1].voice.attributed_party == "armenia"
    assert [(c.quantity, c.value, c.side) for c in out[1].numbers] == [("killed", 2, "armenia"),
                                                                      ("wounded", 19, "armenia")]


@pytest.mark.parametrize("text", [
    # the place sits in a clause about the victims, not beside the killing
    "Troops opened fire on villagers waiting for food trucks in Port Ostrin, killing at least 30 people.",
    "Troops opened fire on crowds who were queuing for bread in Port Ostrin, killing at least 30 people.",
    # "of X" after a direction locates
    "Troops opened fire on crowds south-west of Port Ostrin, killing at least 30 people.",
])
def test_a_place_in_a_clause_about_the_victims_or_after_a_direction(nlp: Language, with_places: Event,
                                                                       text: str) -> None:
    assert _sides(nlp, text, with_places) == [("killed", 30, "valoria")]


def test_a_count_named_by_its_casualty_word_takes_the_place(nlp: Language, with_places: Event) -> None:
    text = "Shelling hit the harbour in Port Ostrin, leaving at least 12 dead and 40 wounded."
    assert [(q, v, side) for q, v, side in _sides(nlp, text, with_places)] == [
        ("dead", 12, "valoria"), ("wounded", 40, "valoria")]

