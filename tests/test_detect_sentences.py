"""Per-sentence detectors on the real spaCy pipeline: voice, acts and initiator, numbers, places, times.

Karabakh sentences are copied from the seed article (Anadolu Agency, 3–4 Aug 2022); the others are written for
other conflicts, with other party names, to show nothing is Karabakh-specific.
"""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from spacy.tokens import Span

from rashomon.detect import (
    Voice,
    analyse_voice,
    extract_acts,
    extract_numbers,
    extract_place_mentions,
    extract_places,
    extract_times,
    initiator_of,
)
from rashomon.detect.parties import PartyMatcher
from rashomon.detect.voice import analyse_voice_detail
from rashomon.sources import Event



# From the seed article.
HEADLINE = ("Azerbaijan announced that it has regained control of several strategic locations in the Karabakh region, "
            "in a new escalation after Armenia attacked and killed an Azerbaijani soldier")
FOREIGN_MINISTRY = ('Armenia accusing Azerbaijan of violating the fall 2020 agreement ending the 44-day Karabakh War '
                    'is "nothing but mere hypocrisy," Azerbaijan\'s Foreign Ministry said on Thursday.')
MINISTRY_STATEMENT = ("Azerbaijan has repeatedly pointed to Armenia's failure to meet the provisions of the Nov. 10, "
                      "2020 agreement signed by the two nations plus Russia, and especially how Armenian armed groups "
                      "have not yet pulled out of Azerbaijan territories in Karabakh, said a ministry statement.")
IT_SAID = ("In addition to ample evidence of the presence of illegal Armenian armed forces on the territory of "
           "Azerbaijan, this fact has also been acknowledged by Armenian officials, it said.")
RETALIATION = ("Azerbaijan said it launched a retaliatory operation against Armenian forces in Karabakh after Armenia "
               "opened fire and killed an Azerbaijani soldier, according to its defense ministry.")
SUBJECTED = ('"On the morning of Aug. 3, members of illegal Armenian armed detachments in the territory of '
             'Azerbaijan, where the Russian peacekeeping contingent is temporarily deployed, were subjected to '
             'intensive fire from the Azerbaijan Army positions stationed in direction of the Lachin region," the '
             'ministry said in a statement on Wednesday.')
RETALIATORY_MOVE = ('The retaliatory move comes after an Azerbaijani soldier was killed "as a result of the terrorist '
                    'and sabotage action carried out by illegal Armenian forces this morning," it said.')
COUNTER_OPERATION = ('The ministry said Azerbaijan "took relevant measures" and launched a counter operation after '
                     'Armenian forces tried to seize the Kyrghgiz hill and establish new combat positions.')
REVENGE = ('"As a result of the \'Revenge\' retaliatory measure carried out by the Azerbaijani Army Units, the '
           'Girkhgiz peak, as well as Saribaba along the Karabakh ridge of the Lesser Caucasus and a number of other '
           'important heights were taken under control," it added.')
RUSSIA_ACCUSED = "Russia accused Azerbaijan of breaking the cease-fire and vowed to stabilize the situation."
RUSSIA_MOD = ('"The cease-fire regime was violated by the armed forces of Azerbaijan around the Saribaba height," the '
              'Russian Defense Ministry said in a statement.')
RUSSIA_QUOTE = ('"The command of the Russian peacekeeping force, with representatives of Azerbaijan and Armenia, are '
                'taking measures to stabilize the situation."')
US_VOICED = ('The U.S. similarly voiced that it is "deeply concerned" by fighting between Armenia and Azerbaijan, a '
             'State Department spokesperson said on the same day.')
NED_PRICE = ('"We urge immediate steps to reduce tensions and avoid further escalation," State Department '
             'spokesperson Ned Price said in a statement.')
SINCE_1991 = ("Relations between the former Soviet republics of Armenia and Azerbaijan have been tense since 1991 when "
              "the Armenian military illegally occupied Karabakh, a territory internationally recognized as part of "
              "Azerbaijan, and seven adjacent regions.")
SEPT_2020 = ("Clashes erupted on Sept. 27, 2020, with the Armenian Army attacking civilians and Azerbaijani forces and "
             "violating several humanitarian cease-fire agreements.")
DURING_WAR = ("During the 44-day conflict, Azerbaijan liberated several cities and around 300 settlements and villages "
              "that had been occupied by Armenia for almost 30 years.")
GREAT_RETURN = ('In July, Azerbaijan began the process of returning its people to land recaptured from Armenian forces '
                'in what Baku calls "The Great Return."')
OWN_BACKGROUND = "The ministry also shared footage of the operation."




@pytest.fixture(scope="module")
def km(karabakh: Event) -> PartyMatcher:
    return PartyMatcher(karabakh.parties)


@pytest.fixture(scope="module")
def um(ukraine: Event) -> PartyMatcher:
    return PartyMatcher(ukraine.parties)


def span(nlp: Language, text: str) -> Span:
    return nlp(text)[:]


def acts_of(nlp: Language, text: str, matcher: PartyMatcher, year: int = 2022, previous: Voice | None = None):
    s = span(nlp, text)
    voice, scope = analyse_voice_detail(s, matcher, previous)
    return voice, extract_acts(s, matcher, event_year=year, voice=voice, reported_tokens=scope)


# --- voice -----------------------------------------------------------------------------------------------------------

def test_own_voice(nlp: Language, km: PartyMatcher) -> None:
    v = analyse_voice(span(nlp, SEPT_2020), km)
    assert v.voice == "own" and v.attributed_to is None


def test_possessive_ministry_said(nlp: Language, km: PartyMatcher) -> None:
    v = analyse_voice(span(nlp, FOREIGN_MINISTRY), km)
    assert (v.voice, v.attributed_to, v.attributed_party, v.cue) == (
        "attributed", "Azerbaijan Foreign Ministry", "azerbaijan", "said")


def test_generic_ministry_inherits_previous_source(nlp: Language, km: PartyMatcher) -> None:
    previous = analyse_voice(span(nlp, FOREIGN_MINISTRY), km)
    v = analyse_voice(span(nlp, MINISTRY_STATEMENT), km, previous)
    assert v.attributed_to == "Azerbaijan Foreign Ministry"
    v = analyse_voice(span(nlp, IT_SAID), km, previous)
    assert (v.attributed_to, v.cue, v.source_text) == ("Azerbaijan Foreign Ministry", "said", "it")


def test_according_to_its_defence_ministry(nlp: Language, km: PartyMatcher) -> None:
    v = analyse_voice(span(nlp, RETALIATION), km)
    assert (v.attributed_to, v.attributed_party, v.cue) == ("Azerbaijan Defence Ministry", "azerbaijan",
                                                           "according to")


def test_quote_with_the_ministry_said_and_it_added(nlp: Language, km: PartyMatcher) -> None:
    first = analyse_voice(span(nlp, RETALIATION), km)
    quote = analyse_voice(span(nlp, SUBJECTED), km, first)
    assert quote.attributed_to == "Azerbaijan Defence Ministry"
    added = analyse_voice(span(nlp, REVENGE), km, quote)
    assert (added.voice, added.attributed_to, added.cue) == ("attributed", "Azerbaijan Defence Ministry", "added")


def test_it_said_without_previous_is_attributed_to_nobody_known(nlp: Language, km: PartyMatcher) -> None:
    v = analyse_voice(span(nlp, RETALIATORY_MOVE), km)
    assert v.voice == "attributed" and v.attributed_to is None and v.source_text == "it"


def test_unattributed_quote_continues_previous(nlp: Language, km: PartyMatcher) -> None:
    previous = analyse_voice(span(nlp, RUSSIA_MOD), km)
    assert previous.attributed_to == "Russia Defence Ministry"
    v = analyse_voice(span(nlp, RUSSIA_QUOTE), km, previous)
    assert (v.voice, v.attributed_to, v.cue) == ("attributed", "Russia Defence Ministry", "quote")
    assert analyse_voice(span(nlp, RUSSIA_QUOTE), km).attributed_to is None


def test_accusation_and_what_x_calls(nlp: Language, km: PartyMatcher) -> None:
    v = analyse_voice(span(nlp, RUSSIA_ACCUSED), km)
    assert (v.attributed_to, v.cue) == ("Russia", "accused")
    v = analyse_voice(span(nlp, GREAT_RETURN), km)
    assert (v.attributed_to, v.cue) == ("Azerbaijan", "calls")


def test_party_and_institution_from_two_source_phrases(nlp: Language, km: PartyMatcher) -> None:
    v = analyse_voice(span(nlp, US_VOICED), km)
    assert v.attributed_to == "United States State Department"
    follow = analyse_voice(span(nlp, NED_PRICE), km, v)
    assert follow.attributed_to == "United States State Department"


def test_named_person_without_party(nlp: Language, km: PartyMatcher) -> None:
    assert analyse_voice(span(nlp, NED_PRICE), km).attributed_to == "Ned Price"


def test_named_person_who_is_a_party_alias(nlp: Language, km: PartyMatcher, karabakh: Event) -> None:
    parties = [p if p.id != "us" else type(p)(p.id, p.name, (*p.aliases, "Ned Price"), p.loaded_aliases)
               for p in karabakh.parties]
    v = analyse_voice(span(nlp, NED_PRICE), PartyMatcher(parties))
    assert (v.attributed_to, v.attributed_party) == ("United States State Department", "us")


def test_voice_other_conflict(nlp: Language, um: PartyMatcher) -> None:
    v = analyse_voice(span(nlp, "Ukraine's military said Russian forces shelled the village overnight."), um)
    assert (v.attributed_to, v.attributed_party) == ("Ukraine military", "ukraine")
    v = analyse_voice(span(nlp, "A Ukrainian soldier was killed near Bakhmut, according to the regional governor."),
                      um)
    assert (v.attributed_to, v.cue) == ("regional governor", "according to")
    v = analyse_voice(span(nlp, "The Kremlin's spokesman told reporters that Kyiv had shelled the town."), um)
    assert v.attributed_to == "Russia spokesperson"


# --- acts and initiator --------------------------------------------------------------------------------------------

def _by_action(acts, action):
    return [a for a in acts if a.action == action]


def test_headline_own_voice_attack_and_reported_recovery(nlp: Language, km: PartyMatcher) -> None:
    voice, acts = acts_of(nlp, HEADLINE, km)
    assert voice.attributed_to == "Azerbaijan"
    assert initiator_of(acts) == "armenia"
    attack = _by_action(acts, "attack")[0]
    assert (attack.actor, attack.initiating, attack.reported) == ("armenia", True, False)
    kill = _by_action(acts, "kill")[0]
    assert (kill.actor, kill.target) == ("armenia", "azerbaijan")
    regained = _by_action(acts, "seize")[0]
    assert (regained.actor, regained.initiating, regained.reported) == ("azerbaijan", False, True)


def test_passive_subjected_to_fire_from(nlp: Language, km: PartyMatcher) -> None:
    _, acts = acts_of(nlp, SUBJECTED, km)
    fire = _by_action(acts, "fire")[0]
    assert (fire.actor, fire.target, fire.initiating, fire.reported) == ("azerbaijan", "armenia", True, True)
    assert "subjected to intensive fire from the Azerbaijan Army positions" in fire.evidence
    assert initiator_of(acts) == "azerbaijan"


def test_passive_violated_by(nlp: Language, km: PartyMatcher) -> None:
    _, acts = acts_of(nlp, RUSSIA_MOD, km)
    assert [(a.action, a.actor) for a in acts] == [("violate_ceasefire", "azerbaijan")]
    assert initiator_of(acts) == "azerbaijan"


def test_agentless_passive(nlp: Language, km: PartyMatcher, um: PartyMatcher) -> None:
    _, acts = acts_of(nlp, "An Azerbaijani soldier was killed.", km)
    assert [(a.action, a.actor, a.target) for a in acts] == [("kill", "unknown", "azerbaijan")]
    assert initiator_of(acts) is None
    _, acts = acts_of(nlp, "Two Ukrainian servicemen were wounded and a village was shelled.", um)
    assert {a.actor for a in acts} == {"unknown"}


def test_agentless_passive_takes_actor_from_cause(nlp: Language, km: PartyMatcher) -> None:
    _, acts = acts_of(nlp, RETALIATORY_MOVE, km)
    kill = _by_action(acts, "kill")[0]
    assert (kill.actor, kill.target) == ("armenia", "azerbaijan")
    move = _by_action(acts, "retaliate")[0]
    assert not move.initiating
    assert initiator_of(acts) == "armenia"


def test_nominalisation_by_them(nlp: Language, km: PartyMatcher) -> None:
    text = ('"We emphasize that the reason for the recent tension is the presence of illegal Armenian armed troops in '
            'the territories of Azerbaijan and provocations instigated by them."')
    _, acts = acts_of(nlp, text, km)
    provoke = _by_action(acts, "provoke")[0]
    assert provoke.actor == "armenia" and provoke.initiating


def test_retaliation_after_clause(nlp: Language, km: PartyMatcher) -> None:
    _, acts = acts_of(nlp, RETALIATION, km)
    ret = _by_action(acts, "retaliate")[0]
    assert (ret.actor, ret.target, ret.initiating) == ("azerbaijan", "armenia", False)
    fire = _by_action(acts, "fire")[0]
    assert (fire.actor, fire.initiating) == ("armenia", True)
    assert initiator_of(acts) == "armenia"


def test_counter_operation_after_attempted_seizure(nlp: Language, km: PartyMatcher) -> None:
    _, acts = acts_of(nlp, COUNTER_OPERATION, km)
    assert [(a.action, a.actor, a.initiating) for a in acts] == [("retaliate", "azerbaijan", False),
                                                                 ("seize", "armenia", True)]
    assert initiator_of(acts) == "armenia"


def test_retaliation_result_does_not_initiate(nlp: Language, km: PartyMatcher) -> None:
    _, acts = acts_of(nlp, REVENGE, km)
    assert acts and all(not a.initiating for a in acts)
    assert {a.actor for a in acts} == {"azerbaijan"}
    assert initiator_of(acts) is None


def test_accusation_actor_is_the_accused(nlp: Language, km: PartyMatcher) -> None:
    voice, acts = acts_of(nlp, RUSSIA_ACCUSED, km)
    assert voice.attributed_to == "Russia"
    assert [(a.action, a.actor, a.reported) for a in acts] == [("violate_ceasefire", "azerbaijan", True)]
    assert initiator_of(acts) == "azerbaijan"


def test_dismissed_accusation_is_negated(nlp: Language, km: PartyMatcher) -> None:
    _, acts = acts_of(nlp, FOREIGN_MINISTRY, km)
    # the Foreign Ministry's denial, and Armenia's accusation kept as Armenia's claim (act_speakers.py)
    assert [(a.action, a.actor, a.negated, a.claimed_by) for a in acts] == [
        ("violate_ceasefire", "azerbaijan", True, None), ("violate_ceasefire", "azerbaijan", False, "armenia")]
    assert initiator_of(acts) is None


@pytest.mark.parametrize("text", [SINCE_1991, SEPT_2020, DURING_WAR])
def test_background_acts_never_initiate(nlp: Language, km: PartyMatcher, text: str) -> None:
    _, acts = acts_of(nlp, text, km)
    assert acts and all(a.background and not a.initiating for a in acts)
    assert initiator_of(acts) is None


def test_same_year_is_not_background(nlp: Language, km: PartyMatcher) -> None:
    text = "Clashes erupted on Aug. 3, 2022, with Armenian forces attacking Azerbaijani positions."
    _, acts = acts_of(nlp, text, km)
    assert [(a.actor, a.background) for a in acts] == [("armenia", False)]
    _, acts = acts_of(nlp, "Hamas fighters infiltrated Israel in 2014 and killed two soldiers.", km, year=2023)
    assert all(a.background for a in acts)


def test_the_year_in_an_object_does_not_date_the_act(nlp: Language, km: PartyMatcher) -> None:
    _, acts = acts_of(nlp, "Azerbaijan violated the 2020 ceasefire agreement on Wednesday.", km)
    assert [(a.action, a.actor, a.background) for a in acts] == [("violate_ceasefire", "azerbaijan", False)]


def test_own_voice_operation_has_unknown_actor(nlp: Language, km: PartyMatcher) -> None:
    _, acts = acts_of(nlp, OWN_BACKGROUND, km)
    assert [(a.action, a.actor) for a in acts] == [("operation", "unknown")]
    assert initiator_of(acts) is None


@pytest.mark.parametrize(
    ("text", "initiator", "negated"),
    [
        ("Kyiv denied that its troops had opened fire on the convoy.", None, True),
        ("Ukrainian forces did not open fire, the spokesman added.", None, True),
        ("Moscow blamed Kyiv for the attack on the bridge.", "ukraine", False),
        ("Russia accused Ukraine of shelling the Zaporizhzhia nuclear plant.", "ukraine", False),
        ("Israeli troops were attacked by Hamas militants near the border, the Israeli army said.", "hamas", False),
        ("The Israeli army said it struck Hamas targets in Gaza in retaliation for rocket fire.", "hamas", False),
        ("Russia's Defence Ministry said it had carried out strikes in response to Ukrainian attacks on Belgorod.",
         "ukraine", False),
        ("The Ukrainian military launched a counteroffensive after Russian troops seized the town.", "russia", False),
        ("Moscow says Kyiv started the fighting.", "ukraine", False),
        ("Kyiv said its forces had thwarted an attempt by Russian units to seize the bridge.", "russia", False),
        ("Ukraine's military said Russian forces shelled the village overnight, killing three civilians.", "russia",
         False),
    ],
)
def test_other_conflict_initiators(nlp: Language, um: PartyMatcher, text: str, initiator: str | None,
                                   negated: bool) -> None:
    _, acts = acts_of(nlp, text, um, year=2023)
    assert initiator_of(acts) == initiator
    assert any(a.negated for a in acts) == negated


def test_we_inside_a_quote_is_the_quoted_party(nlp: Language, um: PartyMatcher) -> None:
    previous = analyse_voice(span(nlp, "Russia's Defence Ministry said the situation was tense."), um)
    voice, acts = acts_of(nlp, '"We attacked the bridge," the ministry said.', um, previous=previous)
    assert voice.attributed_party == "russia"
    assert [(a.action, a.actor) for a in acts] == [("attack", "russia")]


# --- numbers -------------------------------------------------------------------------------------------------------

def _counts(nlp: Language, text: str, matcher: PartyMatcher):
    return [(c.quantity, c.value, c.low, c.high, c.qualifier, c.party) for c in extract_numbers(span(nlp, text),
                                                                                               matcher)]


def test_numbers_two_and_at_least(nlp: Language, km: PartyMatcher) -> None:
    assert _counts(nlp, "Two Armenian soldiers were killed and at least 14 wounded in the shelling.", km) == [
        ("killed", 2, 2, 2, "exact", "armenia"),
        ("wounded", 14, 14, None, "at_least", None),
    ]


def test_numbers_dozen_range_dozens(nlp: Language, km: PartyMatcher) -> None:
    text = "More than a dozen civilians were injured, between 50 and 60 people are missing and dozens were captured."
    assert _counts(nlp, text, km) == [
        ("wounded", 12, 13, None, "more_than", None),
        ("missing", None, 50, 60, "range", None),
        ("captured", None, 24, 99, "vague", None),
    ]


def test_numbers_a_and_one_soldier(nlp: Language, km: PartyMatcher) -> None:
    assert _counts(nlp, HEADLINE, km) == [("killed", 1, 1, 1, "exact", "azerbaijan")]
    assert _counts(nlp, "One Azerbaijani soldier died and two Armenian servicemen were wounded.", km) == [
        ("dead", 1, 1, 1, "exact", "azerbaijan"),
        ("wounded", 2, 2, 2, "exact", "armenia"),
    ]
    assert _counts(nlp, "A soldier stood guard.", km) == []


def test_numbers_about_up_to_side_and_toll(nlp: Language, um: PartyMatcher) -> None:
    assert _counts(nlp, "The death toll rose to 12, with about 40 people injured.", um) == [
        ("dead", 12, 12, 12, "exact", None),
        ("wounded", 40, 34, 46, "about", None),
    ]
    assert _counts(nlp, "Up to 30 Ukrainian soldiers were taken prisoner.", um) == [
        ("captured", 30, None, 30, "up_to", "ukraine")]
    assert _counts(nlp, "Three people were killed on the Russian side.", um) == [
        ("killed", 3, 3, 3, "exact", "russia")]
    assert _counts(nlp, "Kyiv said 49 of its soldiers were killed.", um) == [("killed", 49, 49, 49, "exact", "ukraine")]


def test_numbers_ignore_years_dates_times_and_units(nlp: Language, um: PartyMatcher) -> None:
    text = ("The 44-day war ended on Nov. 10, 2020, at 10:30, when the 5th brigade left the Su-25 base 10 km "
            "away after two days.")
    assert _counts(nlp, text, um) == []


# --- places and times ------------------------------------------------------------------------------------------------

def test_places_heights_and_variants(nlp: Language, km: PartyMatcher) -> None:
    revenge = extract_place_mentions(span(nlp, REVENGE), km)
    assert [(p.name, p.kind) for p in revenge][:1] == [("Girkhgiz", "height")]
    assert "Saribaba" in [p.name for p in revenge]
    hill = extract_place_mentions(span(nlp, COUNTER_OPERATION), km)
    assert [(p.name, p.kind) for p in hill] == [("Kyrghgiz", "height")]
    assert hill[0].key == revenge[0].key
    assert extract_places(span(nlp, RUSSIA_MOD), km) == ["Saribaba"]
    assert "Lachin" in extract_places(span(nlp, SUBJECTED), km)


def test_places_leave_out_parties_and_wars(nlp: Language, km: PartyMatcher, um: PartyMatcher) -> None:
    assert extract_places(span(nlp, FOREIGN_MINISTRY), km) == []
    text = "Russian forces shelled the village of Velyka Novosilka and Kyiv."
    assert extract_place_mentions(span(nlp, text), um)[0].name == "Velyka Novosilka"
    assert "Kyiv" not in extract_places(span(nlp, text), um)


def test_times(nlp: Language) -> None:
    assert extract_times(span(nlp, SUBJECTED)) == ["morning", "08-03"]  # "on Wednesday" dates the statement
    assert "wednesday" in extract_times(span(nlp, SUBJECTED), skip_attribution=False)
    assert extract_times(span(nlp, SEPT_2020)) == ["2020-09-27"]
    assert extract_times(span(nlp, "Shelling began at 10:30 p.m. on Tuesday, officials said.")) == [
        "22:30", "tuesday"]


# --- blame, responsibility and attribution that name an initiator (other wording than the seed) ---------------------

WINDOW_2023 = (dt.date(2023, 5, 1), dt.date(2023, 5, 5))


def acts_in_window(nlp: Language, text: str, matcher: PartyMatcher):
    s = span(nlp, text)
    voice, scope = analyse_voice_detail(s, matcher)
    return extract_acts(s, matcher, event_year=2023, voice=voice, reported_tokens=scope, window=WINDOW_2023)


@pytest.mark.parametrize(
    ("text", "initiator"),
    [
        # accused of staging / blamed for an event that is no act word of its own
        ("Kyiv accused Moscow of orchestrating the blast to justify a new mobilisation.", "russia"),
        ("Moscow blamed Kyiv for the explosion.", "ukraine"),
        ("Moscow, which blamed Kyiv for the clashes, said the situation was tense.", "ukraine"),
        # the act's author inside a relative clause of a speech verb, or a by-phrase after "committed"
        ("The raid, which officials said was carried out by Hamas gunmen, left the kibbutz in ruins.", "hamas"),
        ("Ukraine called the shelling of the station another war crime committed by Russia.", "russia"),
        ("Kyiv said the attack was planned by foreign agents and carried out by Russia.", "russia"),
        # turning to hostile acts, responsibility, being behind it
        ("The Kremlin says Kyiv is resorting to sabotage because its counteroffensive has stalled.", "ukraine"),
        ("Kyiv bears full responsibility for the escalation, the Kremlin said.", "ukraine"),
        ("Hamas is behind the massacre, Israel said.", "hamas"),
        # the responder's source names the other side's act
        ("The Israeli army said it was responding to repeated rocket fire by Hamas.", "hamas"),
        ("Israel struck Gaza in response to what it called a terrorist act by Hamas.", "hamas"),
        ("Hamas said its incursion was a response to Israeli aggression.", "israel"),
        ("Kyiv denied striking the city and said it was repelling Russian aggression.", "russia"),
        # munitions: launched by / used by / intercepted
        ("Moscow said the drone was of a model used only by the Ukrainian army.", "ukraine"),
        ("The Kremlin said the drones were launched by Ukraine.", "ukraine"),
        ("Air defences intercepted eight Russian missiles over Kyiv.", "russia"),
        # sentence-initial actor with a trailing attribution; a demonym the parser detached from its noun
        ("Russian forces launched a massive attack on Kyiv overnight, the ministry said.", "russia"),
        ("Kyiv called the Russian shelling a flagrant violation of the truce.", "russia"),
        # "because …" with no act in it does not make the act a response
        ("Russia attacked the town because it did not want to negotiate.", "russia"),
    ],
)
def test_blame_and_responsibility_name_the_initiator(nlp: Language, um: PartyMatcher, text: str,
                                                     initiator: str) -> None:
    _, acts = acts_of(nlp, text, um, year=2023)
    assert initiator_of(acts) == initiator


@pytest.mark.parametrize(
    "text",
    [
        # a claim dismissed as false, or responsibility denied
        "Ukraine's claims that Russian forces shelled the dam are lies, the Kremlin said.",
        "Israel's claims of Hamas attacks on the hospital were baseless, Hamas said.",
        "Russia bears no responsibility for the tragedy, the Kremlin said.",
        # acts that have not happened
        "Troops are digging in ahead of an anticipated Russian assault.",
        "Russia will keep striking Ukrainian energy facilities, Moscow said.",
        "Russia has threatened to attack the bridge.",
        "Analysts expect Russia to launch an offensive in the spring.",
        "Moscow warned it would retaliate every time Kyiv shelled Belgorod.",
        # shooting down is defensive
        "Ukraine's air force said it shot down a helicopter.",
    ],
)
def test_no_initiator_when_dismissed_hypothetical_or_defensive(nlp: Language, um: PartyMatcher, text: str) -> None:
    _, acts = acts_of(nlp, text, um, year=2023)
    assert initiator_of(acts) is None


def test_dismissed_and_hypothetical_acts_are_flagged(nlp: Language, um: PartyMatcher) -> None:
    _, acts = acts_of(nlp, "Ukraine's claims that Russian forces shelled the dam are lies, the Kremlin said.", um)
    # the Kremlin's denial; the claim itself stays Ukraine's (act_speakers.py)
    assert [(a.action, a.actor, a.negated, a.claimed_by) for a in acts] == [
        ("shell", "russia", True, None), ("shell", "russia", False, "ukraine")]
    _, acts = acts_of(nlp, "Troops are digging in ahead of an anticipated Russian assault.", um)
    assert [(a.actor, a.irrealis, a.initiating) for a in acts] == [("russia", True, False)]


def test_a_date_apart_from_the_window_is_background(nlp: Language, um: PartyMatcher) -> None:
    acts = acts_in_window(nlp, "Russia began its invasion of Ukraine on February 24.", um)
    assert acts and all(a.background for a in acts) and initiator_of(acts) is None
    acts = acts_in_window(nlp, "Russia began the offensive in February.", um)
    assert acts and all(a.background for a in acts)
    acts = acts_in_window(nlp, "Russian forces shelled the town on May 3.", um)
    assert [(a.actor, a.background) for a in acts] == [("russia", False)]
    # without a window only the year counts
    _, acts = acts_of(nlp, "Russia began its invasion of Ukraine on February 24.", um, year=2023)
    assert initiator_of(acts) == "russia"


def test_after_clause_without_an_act_is_no_response(nlp: Language, um: PartyMatcher) -> None:
    _, acts = acts_of(nlp, "Ukraine launched the operation after talks collapsed.", um, year=2023)
    assert initiator_of(acts) == "ukraine"
    _, acts = acts_of(nlp, "Ukraine launched the operation after Russian troops shelled Kherson.", um, year=2023)
    assert initiator_of(acts) == "russia"


def test_possessive_refers_to_the_speaker_not_the_nearest_party(nlp: Language, um: PartyMatcher) -> None:
    assert _counts(nlp, "Moscow, which blamed Kyiv for the attack, said 12 of its soldiers were killed.", um) == [
        ("killed", 12, 12, 12, "exact", "russia")]


def test_voice_trailing_source_and_what_it_called(nlp: Language, um: PartyMatcher) -> None:
    v = analyse_voice(span(nlp, "Eleven people were wounded, regional governor Ivan Fedorov said."), um)
    assert v.voice == "attributed" and v.attributed_to == "Ivan Fedorov"
    v = analyse_voice(span(nlp, "Drones hit a depot in Crimea, a source in Ukraine's security service said."), um)
    assert (v.voice, v.attributed_party) == ("attributed", "ukraine")
    v = analyse_voice(span(nlp, "Israel launched the operation in response to what it called Hamas aggression."), um)
    assert (v.cue, v.attributed_party) == ("called", "israel")


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        # a range the tagger reads as a date
        ("Between 30 and 40 Ukrainian servicemen were killed, Moscow claimed.",
         [("killed", None, 30, 40, "range", "ukraine")]),
        ("The strike killed nine people and injured 25 others.",
         [("killed", 9, 9, 9, "exact", None), ("wounded", 25, 25, 25, "exact", None)]),
        ("Rescuers recovered the bodies of 17 civilians.", [("dead", 17, 17, 17, "exact", None)]),
        ("Hamas said air strikes had killed 22 Palestinians, including nine children.",
         [("killed", 22, 22, 22, "exact", None), ("killed", 9, 9, 9, "exact", None)]),
        ("Three soldiers were reported missing after the ambush.", [("missing", 3, 3, 3, "exact", None)]),
        ("Israeli bombardment killed four hostages.", [("killed", 4, 4, 4, "exact", None)]),
        ("The Russian side lost 38 servicemen.", [("dead", 38, 38, 38, "exact", "russia")]),
        ("Two Ukrainian soldiers lost their lives and 14 others were injured.",
         [("dead", 2, 2, 2, "exact", "ukraine"), ("wounded", 14, 14, 14, "exact", None)]),
        ("A missile killed at least 31 tourists.", [("killed", 31, 31, None, "at_least", None)]),
    ],
)
def test_numbers_in_varied_forms(nlp: Language, um: PartyMatcher, text: str, counts: list) -> None:
    assert _counts(nlp, text, um) == counts


def test_headline_passive_without_auxiliary_makes_the_dead_the_target_not_the_actor(nlp: Language, um: PartyMatcher) -> None:
    for text in ("20 Ukrainian soldiers killed, 43 Russian casualties",
                 "Ukrainian soldiers reportedly killed in border stand-off with Russia"):
        _, acts = acts_of(nlp, text, um)
        kills = [a for a in acts if a.action == "kill"]
        assert kills and all(a.actor == "unknown" and a.target == "ukraine" for a in kills), (text, acts)
        assert initiator_of(list(acts)) is None
    _, acts = acts_of(nlp, "Russian troops killed two Ukrainian soldiers", um)
    assert [(a.actor, a.target) for a in acts if a.action == "kill"] == [("russia", "ukraine")]
    # a person named by post and name is the one killed, not the killer
    for text in ("Ukrainian commander Oleksandr Petrenko killed in Donetsk",
                 "Ukrainian Defence Minister Oleksii Reznikov Killed in Kyiv"):
        _, acts = acts_of(nlp, text, um)
        assert all(a.actor != "ukraine" for a in acts if a.action == "kill"), (text, acts)
    # an object on the second verb: "killed and wounded" is active, its subject the actor
    _, acts = acts_of(nlp, "Russian gunmen killed and wounded dozens of Ukrainian civilians", um)
    assert any(a.actor == "russia" for a in acts if a.action == "kill"), acts


def test_a_source_that_calls_an_act_sabotage_makes_the_sentence_its_claim(nlp: Language, um: PartyMatcher) -> None:
    v = analyse_voice(span(nlp, "Kremlin calls damage to the Kakhovka dam deliberate sabotage by Ukrainian side"), um)
    assert (v.voice, v.attributed_party, v.cue) == ("attributed", "russia", "calls")   # the Kremlin is an alias of Russia
    assert analyse_voice(span(nlp, "Zelensky calls a meeting of the security council"), um).voice == "own"


def test_no_unit_fired_and_a_report_labelled_disinformation_are_denials_not_blame(nlp: Language, um: PartyMatcher) -> None:
    _, acts = acts_of(nlp, '"The claims that our units opened fire first are lies," the statement said, stressing that '
                           "no Ukrainian unit had fired on Russian positions.", um)
    assert [(a.actor, a.negated) for a in acts if a.actor == "ukraine"] == [("ukraine", True)]
    _, acts = acts_of(nlp, "The ministry described the reports circulated by Kyiv about a Russian attack as "
                           "disinformation.", um)
    assert [(a.actor, a.negated) for a in acts] == [("russia", True)]
    _, acts = acts_of(nlp, "The ministry described the Russian attack on the town in detail.", um)
    assert [(a.actor, a.negated) for a in acts] == [("russia", False)]


def test_an_operation_codenamed_retribution_is_a_response_not_the_start(nlp: Language, um: PartyMatcher) -> None:
    _, acts = acts_of(nlp, 'Moscow said its units had then carried out an operation codenamed "Retribution".', um)
    assert acts and not any(a.initiating for a in acts)
    assert initiator_of(list(acts)) != "russia"


def test_the_person_before_a_killing_noun_was_killed_not_the_killer(nlp: Language, um: PartyMatcher) -> None:
    for text in ("Ministers celebrate Ukrainian commander Petrenko's killing", "Ukrainian leader's assassination shocks Kyiv"):
        _, acts = acts_of(nlp, text, um)
        assert all(a.actor != "ukraine" for a in acts if a.action == "kill"), (text, acts)
    _, acts = acts_of(nlp, "Russia's killing of the Ukrainian commander drew condemnation", um)
    assert [a.actor for a in acts if a.action == "kill"] == ["russia"]
    _, acts = acts_of(nlp, "Russian agents assassinated a Ukrainian officer in Kyiv", um)
    assert [a.actor for a in acts if a.action == "kill"] == ["russia"]


def test_who_launched_strikes_from_the_air_and_whose_weapon_named_the_attacks(nlp: Language, um: PartyMatcher) -> None:
    _, acts = acts_of(nlp, "Russia launched strikes from the air and sea on Ukrainian positions", um)
    assert {a.actor for a in acts if a.action == "strike"} == {"russia"}
    # the party on a weapon noun that names the attacks (an nmod), not the day before them ("Thursday's strikes")
    _, acts = acts_of(nlp, "Kyiv ordered Thursday's strikes in response to a string of Russian drone and missile "
                           "attacks", um)
    assert "russia" in {a.actor for a in acts if a.action == "attack"}
    assert all(a.actor_text != "Thursday 's" for a in acts), acts


def test_the_backer_in_x_backed_is_not_who_the_phrase_names(nlp: Language, um: PartyMatcher) -> None:
    _, acts = acts_of(nlp, "Attacks by the Israel-backed Hamas fighters on ships continued", um)
    assert {a.actor for a in acts if a.action == "attack"} == {"hamas"}
    # a proxy with no party of its own stays the backer's ("Russia-backed separatists" in an event that gives the
    # separatists to Russia)
    _, acts = acts_of(nlp, "Attacks by the Russia-backed separatists on the town continued", um)
    assert {a.actor for a in acts if a.action == "attack"} == {"russia"}


@pytest.mark.parametrize("text, actor", [
    # at sea: a vessel or a mission intercepted, boarded, blocked or rammed, sailors injured
    ("Russian coast guard ships intercepted and foiled a Ukrainian resupply mission on Monday", "russia"),
    ("A Ukrainian supply mission was intercepted by Russian forces near the shoal", "russia"),
    ("It was the first time Russian forces had boarded a Ukrainian vessel", "russia"),
    ("Russia injures Ukrainian sailors in a clash at sea", "russia"),
    ("A Russian patrol ship rammed the Ukrainian tugboat", "russia"),
    ("Ukrainian vessels illegally intruded into the waters near the strait", "ukraine"),
])
def test_acts_at_sea(nlp: Language, um: PartyMatcher, text: str, actor: str) -> None:
    _, acts = acts_of(nlp, text, um)
    assert initiator_of(list(acts)) == actor, acts


def test_boarding_a_plane_or_blocking_a_road_is_no_act(nlp: Language, um: PartyMatcher) -> None:
    for text in ("Ukrainian passengers boarded the plane in Kyiv", "Russian protesters blocked the road to the port"):
        _, acts = acts_of(nlp, text, um)
        assert not acts, (text, acts)


def test_a_verb_sharing_the_acts_subject_can_make_it_a_response(nlp: Language, um: PartyMatcher) -> None:
    _, acts = acts_of(nlp, "The strikes hit several sites in the city and came after a series of Ukrainian attacks on "
                           "Russian vessels", um)
    strike = next(a for a in acts if a.action == "strike")
    assert not strike.initiating
    assert initiator_of(list(acts)) == "ukraine"


def test_wounded_in_a_casualty_report_is_no_act_of_whoever_reports_it(nlp: Language, um: PartyMatcher) -> None:
    for text in ("The Ukrainian army said shelling killed at least nine civilians and wounded 14 others",
                 "Both countries said several Russian soldiers had been killed and Ukrainian officers wounded"):
        _, acts = acts_of(nlp, text, um)
        assert all(a.actor not in {"ukraine", "russia"} or a.action != "attack" for a in acts), (text, acts)


def test_a_headline_claim_read_as_a_compound_still_attributes_what_follows(nlp: Language) -> None:
    from pathlib import Path

    from rashomon.sources import load_event

    event = load_event(Path(__file__).parent / "realcov" / "events" / "abqaiq-khurais-2019-09-14")
    voice, acts = acts_of(nlp, "Yemen's Houthis claim drone attack that hit two Saudi oil plants",
                          PartyMatcher(event.parties))
    assert voice.attributed_party == "houthis"
    assert acts and all(a.reported for a in acts), acts


def test_an_act_inside_accusations_or_reports_of_no_named_source_is_not_the_outlets_own(nlp: Language,
                                                                                        um: PartyMatcher) -> None:
    for text in ("The step comes after accusations that Russian forces carried out a deadly attack on a base",
                 "Amid reports of a Russian attack on the base, the government closed the airspace"):
        _, acts = acts_of(nlp, text, um)
        assert [a.reported for a in acts if a.actor == "russia"] == [True], (text, acts)


def test_a_military_response_is_a_retaliation(nlp: Language, um: PartyMatcher) -> None:
    _, acts = acts_of(nlp, "Ukraine's president ordered a military response to a deadly attack by Russian forces",
                      um)
    assert initiator_of(list(acts)) == "russia"
    assert [a.action for a in acts if a.actor != "russia"] == ["retaliate"]


def test_holding_someone_responsible_is_the_holders_claim(nlp: Language, um: PartyMatcher) -> None:
    voice, acts = acts_of(nlp, "Ukraine's foreign minister holds Russian forces responsible for the attack on the "
                               "station", um)
    assert voice.attributed_party == "ukraine"
    assert all(a.reported for a in acts), acts


def test_threats_of_strikes_are_no_strikes(nlp: Language, um: PartyMatcher) -> None:
    _, acts = acts_of(nlp, "Amid Russian threats of strikes on Ukrainian ports, shipping stopped", um)
    assert initiator_of(list(acts)) is None, acts


def test_an_act_meant_to_stop_another_is_a_response_to_it(nlp: Language, um: PartyMatcher) -> None:
    _, acts = acts_of(nlp, "On Thursday Ukrainian forces launched missile strikes on Crimea as part of the effort to put "
                           "an end to Russian attacks on shipping", um)
    assert initiator_of(list(acts)) == "russia"
    assert [a.initiating for a in acts if a.actor == "ukraine"] == [False]
    # a claim's words are no purpose of the act: Ukraine's blame stays an initiating act of Russia's
    _, acts = acts_of(nlp, "Ukraine has blamed Russian forces for the dam explosion, with Zelensky saying that the "
                           "explosion will not stop Ukraine from taking back its land", um)
    assert [a.initiating for a in acts if a.actor == "russia"] == [True]
    # "the end of" a street, a week … is no stopping
    _, acts = acts_of(nlp, "Ukrainian troops struck Russian positions at the end of a week of attacks", um)
    assert initiator_of(list(acts)) == "ukraine"


def test_an_act_that_only_appears_to_have_happened_is_hedged(nlp: Language, um: PartyMatcher) -> None:
    for text in ("The commander is dead after what appears to have been a Russian missile strike on the airport",
                 "Russia seems to have struck the convoy"):
        _, acts = acts_of(nlp, text, um)
        assert initiator_of(list(acts)) is None, (text, acts)
    _, acts = acts_of(nlp, "Russia struck the convoy", um)
    assert initiator_of(list(acts)) == "russia"


def test_several_is_a_vague_casualty_count_only(nlp: Language, km: PartyMatcher) -> None:
    counts = _counts(nlp, "Karabakh's army reported that two of its servicemen had been killed and several others "
                          "wounded.", km)
    assert counts[1][1:5] == (None, 3, 9, "vague")
    assert _counts(nlp, "Azerbaijan said it had captured several strategic heights.", km) == []


def test_a_which_clause_on_an_acts_object_is_the_acts_doing(nlp: Language, um: PartyMatcher) -> None:
    # "which killed" hangs on "airspace" in the parse; the violation killed them, so its actor did
    _, acts = acts_of(nlp, "Russia's violation of Ukrainian airspace, which killed two children, drew condemnation", um)
    assert {a.actor for a in acts if a.action == "kill"} == {"russia"}, acts
    # an act with no actor gives its clause none, rather than the party attacked
    _, acts = acts_of(nlp, "The attack on Ukrainian positions that killed three soldiers was condemned", um)
    assert "ukraine" not in {a.actor for a in acts}, acts
    # people named before "who" did it themselves
    _, acts = acts_of(nlp, "Russian troops who fired on the village killed two", um)
    assert {a.actor for a in acts} == {"russia"}, acts
    # a clause that is no outcome of the act tells what its object did: the units shelled, not the strike's side
    _, acts = acts_of(nlp, "Russia's retaliatory strike on Ukrainian units that had shelled Russian positions", um)
    assert {a.actor for a in acts if a.action == "shell"} == {"ukraine"}, acts


def test_an_act_that_follows_another_is_its_response(nlp: Language, um: PartyMatcher) -> None:
    _, acts = acts_of(nlp, "Ukraine's strikes follow Russia's missile attack on Kyiv", um)
    assert initiator_of(list(acts)) == "russia", acts
    _, acts = acts_of(nlp, "The Ukrainian strikes come after Russia's missile attack on Kyiv", um)
    assert initiator_of(list(acts)) == "russia", acts
    # following talks is no response to an act, nor is following one's own acts
    _, acts = acts_of(nlp, "Ukraine's strikes follow talks in Geneva", um)
    assert initiator_of(list(acts)) == "ukraine", acts
    _, acts = acts_of(nlp, "Russia's attack follows weeks of Russian shelling", um)
    assert [a.initiating for a in acts if a.action == "attack"] == [True], acts


def test_taking_responsibility_is_the_takers_claim(nlp: Language, um: PartyMatcher) -> None:
    voice, acts = acts_of(nlp, "Kyiv takes responsibility for the deadly strike on the barracks", um)
    assert voice.attributed_party == "ukraine"
    assert all(a.reported for a in acts), acts
    # nobody taking it, or a call to take it, is no one's claim
    voice, _ = acts_of(nlp, "No group has taken responsibility for the attack on the village", um)
    assert voice.voice == "own", voice
    voice, acts = acts_of(nlp, "Ukraine urged Russia to take responsibility for the shelling", um)
    assert voice.attributed_party == "ukraine", voice


def test_a_trailing_source_may_hold_a_name_with_a_participle(nlp: Language, um: PartyMatcher) -> None:
    # the parser hangs "the ministry and the Qatar-based channel" on the place before the comma
    voice, acts = acts_of(nlp, "The Russian army has shot and killed a reporter in the occupied West Bank, the "
                               "Ukrainian Health Ministry and the Qatar-based news channel said.", um)
    assert voice.voice == "attributed", voice
    assert all(a.reported for a in acts), acts


def test_a_verb_in_scare_quotes_is_not_the_outlets_own(nlp: Language, um: PartyMatcher) -> None:
    _, acts = acts_of(nlp, "Russian troops 'shoot dead' journalist in occupied Kherson", um)
    assert acts and all(a.reported for a in acts), acts
    _, acts = acts_of(nlp, "Russian troops shoot dead journalist in occupied Kherson", um)
    assert initiator_of(list(acts)) == "russia", acts
    # the outlet's own verb between two quoted words is its own
    _, acts = acts_of(nlp, 'The Russian "troops" shelled "Ukrainian" villages', um)
    assert initiator_of(list(acts)) == "russia", acts


def test_killed_during_a_raid_does_not_say_who_killed(nlp: Language, um: PartyMatcher) -> None:
    _, acts = acts_of(nlp, "A reporter was killed during a Russian army raid in Kherson", um)
    assert {a.actor for a in acts if a.action == "kill"} == {"unknown"}, acts
    # a deadly act named as the cause still gives its actor
    _, acts = acts_of(nlp, "A reporter was killed during Russian shelling of Kherson", um)
    assert {a.actor for a in acts if a.action == "kill"} == {"russia"}, acts


def test_hitting_back_with_strikes_is_a_reprisal_and_provoking_outrage_no_act(nlp: Language, um: PartyMatcher) -> None:
    _, acts = acts_of(nlp, "Ukraine hit back with a missile strike on Russian positions", um)
    assert [a.action for a in acts if a.actor == "ukraine"][:1] == ["retaliate"], acts
    _, acts = acts_of(nlp, "Ukraine hit back at Moscow's accusations on Tuesday", um)   # a retort
    assert not acts, acts
    _, acts = acts_of(nlp, "The Russia-Ukraine war has provoked international outrage", um)
    assert not [a for a in acts if a.action == "provoke"], acts
