"""Blame said in idioms the benchmark's dev split showed the detectors misreading, each on sentences written for the
test: "blamed the attack on X" (X is blamed, not attacked), "X and Y have each blamed the other" and "X and Y traded
accusations" (mutual blame), "blamed X for the alleged attack" (the outlet's hedge does not take back the source's
blame), "X is to blame" (X is the one blamed, never a speaker), "X was behind the Kremlin drone attack" (X, not the
Kremlin), "charged X with the attack" (X blamed), "…, a claim X denied" (X's denial), "the only one to blame is X",
"the attack was the work of X" and "X used rockets to hit …" (X did it), "X's violation of Y's airspace" (an act of
X's)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from rashomon.detect import extract_acts
from rashomon.detect.parties import PartyMatcher
from rashomon.detect.voice import analyse_voice_detail
from rashomon.sources import Event


@pytest.fixture(scope="module")
def um(ukraine: Event) -> PartyMatcher:
    return PartyMatcher(ukraine.parties)


def _blames(nlp: Language, text: str, matcher: PartyMatcher):
    """The sentence's voice party, and (actor, target, reported, negated, claimed_by) of each act that can carry a
    verdict (initiating or negated)."""
    s = nlp(text)[:]
    voice, scope = analyse_voice_detail(s, matcher, None)
    acts = extract_acts(s, matcher, event_year=2023, voice=voice, reported_tokens=scope)
    return voice.attributed_party, [(a.actor, a.target, a.reported, a.negated, a.claimed_by)
                                    for a in acts if a.initiating or a.negated]


@pytest.mark.parametrize("text", [
    "Russia blamed the attack on Ukraine.",                       # "on Ukraine" hung on the noun by the parser
    "Russia blamed the shelling of the plant on Ukraine.",        # hung on the noun of its "of" phrase
    "Moscow blamed the attack on civilians on Kyiv.",             # the last "on" is the one blamed
])
def test_blamed_the_attack_on_x_blames_x(nlp: Language, um: PartyMatcher, text: str) -> None:
    party, acts = _blames(nlp, text, um)
    assert party == "russia"
    assert [(actor, target, reported) for actor, target, reported, _, _ in acts] == [("ukraine", None, True)]


def test_an_attack_on_x_still_targets_x(nlp: Language, um: PartyMatcher) -> None:
    # without "blame" the "on" phrase is the target, as before
    _, acts = _blames(nlp, "Russia launched an attack on Ukraine on Monday.", um)
    assert [(actor, target) for actor, target, *_ in acts] == [("russia", "ukraine")]


@pytest.mark.parametrize("text", [
    "Ukraine and Russia have each blamed the other for the attacks.",
    "Russia and Ukraine each blamed the other for the shelling.",
    # "traded" is a two-sided verb: the parties joined before it were read as no one party
    "Ukraine and Russia traded accusations on Friday after the strike.",
])
def test_each_blamed_the_other_is_mutual_blame(nlp: Language, um: PartyMatcher, text: str) -> None:
    _, acts = _blames(nlp, text, um)
    mutual = {(actor, claimed_by) for actor, _, _, _, claimed_by in acts if claimed_by is not None}
    assert mutual == {("russia", "ukraine"), ("ukraine", "russia")}


def test_blamed_for_the_alleged_attack_is_still_a_blame(nlp: Language, um: PartyMatcher) -> None:
    party, acts = _blames(nlp, "The Kremlin on Thursday blamed Ukraine for the alleged drone attack.", um)
    assert party == "russia"
    assert [(actor, reported) for actor, _, reported, *_ in acts] == [("ukraine", True)]


def test_a_possible_attack_is_not_made_done_by_an_accusation(nlp: Language, um: PartyMatcher) -> None:
    # only the outlet's hedges ("alleged", "suspected") are lifted, not what has not happened
    _, acts = _blames(nlp, "Russia accused Ukraine of a possible attack.", um)
    assert acts == []


@pytest.mark.parametrize("text", [
    "Russia is to blame for the strike, Kyiv said.",
    "Russia is to blame, Kyiv said.",
    "Kyiv said Russia is to blame for the strike.",
])
def test_x_is_to_blame_blames_x_in_the_speakers_words(nlp: Language, um: PartyMatcher, text: str) -> None:
    party, acts = _blames(nlp, text, um)
    assert party == "ukraine"
    assert [(actor, reported, claimed_by) for actor, _, reported, _, claimed_by in acts] == [("russia", True, None)]


def test_a_headline_source_after_a_dash_is_the_speaker_not_the_one_blamed(nlp: Language, um: PartyMatcher) -> None:
    # the parser makes "Kremlin" the object of "blame": it was read as Kyiv blaming Russia; the dash closing a
    # headline sets off its source
    party, acts = _blames(nlp, "Ukraine is to blame for the missile strike on the apartment building - Kremlin", um)
    assert party == "russia"
    assert [(actor, reported) for actor, _, reported, *_ in acts] == [("ukraine", True)]


def test_a_hyphen_inside_a_name_is_no_headline_source(nlp: Language, um: PartyMatcher) -> None:
    party, _ = _blames(nlp, "Talks on the Russia-Ukraine war resume in Geneva", um)
    assert party is None


def test_an_aim_to_blame_y_blames_y(nlp: Language, um: PartyMatcher) -> None:
    # "to blame" with an object of its own is no "X is to blame" (a reviewer's case)
    party, acts = _blames(nlp, "Moscow's aim is to blame Kyiv for the attack on the dam.", um)
    assert party == "russia"
    assert [(actor, reported) for actor, _, reported, *_ in acts] == [("ukraine", True)]


@pytest.mark.parametrize("text, accused", [
    ("Ukraine is not to blame for the strike, Kyiv said.", "ukraine"),
    ("Ukraine is not behind the strike, Kyiv said.", "ukraine"),
    ("Kyiv said Russia is not to blame for the strike.", "russia"),
])
def test_not_to_blame_is_a_denial(nlp: Language, um: PartyMatcher, text: str, accused: str) -> None:
    party, acts = _blames(nlp, text, um)
    assert party == "ukraine"
    assert [(actor, negated) for actor, _, _, negated, _ in acts] == [(accused, True)]


@pytest.mark.parametrize("text, actor, target", [
    # "blame X for Y" blames the attack, it puts it on no one (a reviewer's case)
    ("Russia blamed the attack on Ukraine for the rise in tensions.", "unknown", "ukraine"),
    ("Kyiv blamed the Russian attack on the plant for the blackout.", "russia", None),
    # the act noun names its party: the "on" phrase is where it hit
    ("Kyiv blamed the Russian strike on Israel.", "russia", "israel"),
])
def test_blame_on_only_when_nothing_else_says_whose_act_it_is(
        nlp: Language, um: PartyMatcher, text: str, actor: str, target: str | None) -> None:
    _, acts = _blames(nlp, text, um)
    assert [(a, t) for a, t, *_ in acts] == [(actor, target)]


def test_who_is_behind_it_wins_over_a_party_named_on_the_act(nlp: Language, um: PartyMatcher) -> None:
    # "the Kremlin drone attack": the Kremlin is where it hit, and the sentence says who was behind it
    party, acts = _blames(nlp, "Moscow's spokesman: Ukraine was behind Kremlin drone attack", um)
    assert party == "russia"
    assert [(actor, reported) for actor, _, reported, *_ in acts] == [("ukraine", True)]


@pytest.mark.parametrize("text", [
    "Kyiv said Russian troops opened fire first, a claim Moscow denied.",
    "Kyiv said Russian troops opened fire first, an accusation which Moscow has rejected.",
])
def test_a_claim_x_denied_is_xs_denial(nlp: Language, um: PartyMatcher, text: str) -> None:
    party, acts = _blames(nlp, text, um)
    assert party == "ukraine"
    assert ("russia", None, True, False, None) in acts          # Kyiv's claim stays
    assert ("russia", None, True, True, "russia") in acts       # and Moscow denies it


def test_a_claim_x_repeated_is_no_denial(nlp: Language, um: PartyMatcher) -> None:
    _, acts = _blames(nlp, "Kyiv said Russian troops opened fire first, a claim Moscow repeated.", um)
    assert all(not negated for *_, negated, _ in acts)


@pytest.mark.parametrize("text, accuser, accused", [
    ("Kyiv has charged Russian forces with carrying out the attack on the camp.", "ukraine", "russia"),
    ("The Kremlin charged Kyiv with a drone attack on the Kremlin.", "russia", "ukraine"),
])
def test_charged_x_with_an_act_blames_x(nlp: Language, um: PartyMatcher, text: str, accuser: str,
                                        accused: str) -> None:
    # "with" after "charge" says what the accused did, as "of" after "accuse" (it was an act by no one, in the
    # outlet's own voice)
    party, acts = _blames(nlp, text, um)
    assert party == accuser
    assert [(actor, reported) for actor, _, reported, *_ in acts if actor != "unknown"] == [(accused, True)]


def test_a_claim_x_did_not_deny_is_no_denial(nlp: Language, um: PartyMatcher) -> None:
    _, acts = _blames(nlp, "Kyiv said Russian troops opened fire first, a claim Moscow did not deny.", um)
    assert all(not negated for *_, negated, _ in acts)


def test_the_outlets_own_alleged_is_still_a_hedge(nlp: Language, um: PartyMatcher) -> None:
    # no one named accuses: "alleged" is the outlet's own hedge, as before
    _, acts = _blames(nlp, "Ukraine was accused of the alleged attack.", um)
    assert acts == []


def test_charged_with_a_task_is_no_accusation(nlp: Language, um: PartyMatcher) -> None:
    s = nlp("Russian troops were charged with capturing the town.")[:]
    voice, scope = analyse_voice_detail(s, um, None)
    acts = extract_acts(s, um, event_year=2023, voice=voice, reported_tokens=scope)
    assert all(a.actor != "russia" for a in acts), acts


def test_a_holder_who_is_no_party_leaves_the_party_on_the_act(nlp: Language, um: PartyMatcher) -> None:
    # "responsible for" decides the actor first only when it names a party (a reviewer's case)
    _, acts = _blames(nlp, "The unit responsible for the Russian strike on Kyiv was identified.", um)
    assert [actor for actor, *_ in acts] == ["russia"]


@pytest.mark.parametrize("text, actor", [
    ("Russia is not only responsible for the strike but also for the blackout.", "russia"),   # (helper-269's cases)
    ("Is Russia not behind the strike?", None),
])
def test_not_only_and_a_question_deny_nothing(nlp: Language, um: PartyMatcher, text: str, actor: str | None) -> None:
    s = nlp(text)[:]
    voice, scope = analyse_voice_detail(s, um, None)
    acts = extract_acts(s, um, event_year=2023, voice=voice, reported_tokens=scope)
    assert not any(a.negated for a in acts), acts
    assert [a.actor for a in acts if a.initiating] == ([actor] if actor else [])


@pytest.mark.parametrize("text", [
    "Russian missiles hit the capital overnight – Kyiv",            # the place named again after the dash
    "Ukrainian drones struck an apartment block in the capital – Moscow",
    "Russian missiles hit the capital overnight - Kyiv.",           # no headline: it ends with a full stop
])
def test_a_place_after_a_closing_dash_is_no_source(nlp: Language, um: PartyMatcher, text: str) -> None:
    party, _ = _blames(nlp, text, um)
    assert party is None


def test_a_passive_accusation_in_a_speakers_words(nlp: Language, um: PartyMatcher) -> None:
    party, acts = _blames(nlp, "Ukraine was charged with the attack, the Kremlin said.", um)
    assert party == "russia"
    assert [(actor, reported) for actor, _, reported, *_ in acts] == [("ukraine", True)]


def test_a_claim_denied_after_two_joined_clauses_denies_both(nlp: Language, um: PartyMatcher) -> None:
    text = "Kyiv said Russian troops opened fire first and shelled the plant, a claim Moscow denied."
    _, acts = _blames(nlp, text, um)
    assert len([a for a in acts if a[3] and a[4] == "russia"]) == 2, acts


def test_an_empty_sentence_has_the_outlets_voice(nlp: Language, um: PartyMatcher) -> None:
    # an empty title span crashed the closing-dash check on the benchmark (IndexError); it has no source
    voice, scope = analyse_voice_detail(nlp("")[:], um, None)
    assert (voice.voice, voice.attributed_party, scope) == ("own", None, set())


@pytest.mark.parametrize("text", [
    "\u201cThe only one to blame for the strike is Ukraine,\u201d the Kremlin said.",   # benchmark dev (Zvecan)
    "The Kremlin said the one to blame was Ukraine.",
])
def test_the_one_to_blame_is_x_blames_x(nlp: Language, um: PartyMatcher, text: str) -> None:
    party, acts = _blames(nlp, text, um)
    assert party == "russia"
    assert {(actor, reported, negated) for actor, _, reported, negated, _ in acts if actor != "unknown"} \
        == {("ukraine", True, False)}


def test_the_one_to_lose_blames_no_one(nlp: Language, um: PartyMatcher) -> None:
    _, acts = _blames(nlp, "The only one to lose from the strike is Ukraine, the Kremlin said.", um)
    assert [actor for actor, *_ in acts if actor == "ukraine"] == []


@pytest.mark.parametrize("text", [
    "According to the Kremlin, this act of terror was the work of Ukraine.",   # benchmark dev (Soleimani)
    "The Kremlin said the attack was the handiwork of Kyiv.",
])
def test_the_work_of_x_is_xs_act(nlp: Language, um: PartyMatcher, text: str) -> None:
    party, acts = _blames(nlp, text, um)
    assert party == "russia"
    assert [(actor, reported) for actor, _, reported, *_ in acts] == [("ukraine", True)]


def test_the_work_of_months_is_no_actor(nlp: Language, um: PartyMatcher) -> None:
    _, acts = _blames(nlp, "The Kremlin said the attack was the work of months of planning.", um)
    assert [actor for actor, *_ in acts] == ["unknown"]


@pytest.mark.parametrize("text, actor", [
    ("The Russian ministry said Ukraine used HIMARS to hit the base in Makiivka.", "ukraine"),   # benchmark dev
    ("Moscow said Ukraine had used drones to strike the depot.", "ukraine"),
    # the object of a verb that is no instrument still acts, as before
    ("Moscow said the commander ordered Ukrainian troops to fire on the village.", "ukraine"),
])
def test_whoever_uses_a_weapon_to_strike_strikes(nlp: Language, um: PartyMatcher, text: str, actor: str) -> None:
    party, acts = _blames(nlp, text, um)
    assert party == "russia"
    assert {a for a, *_ in acts} == {actor}   # "used drones" is itself a strike of the user's


def _actions(nlp: Language, text: str, matcher: PartyMatcher) -> list[tuple[str | None, str]]:
    s = nlp(text)[:]
    voice, scope = analyse_voice_detail(s, matcher, None)
    return [(a.actor, a.action) for a in extract_acts(s, matcher, event_year=2023, voice=voice, reported_tokens=scope)]


@pytest.mark.parametrize("text", [
    "Moscow condemned Ukraine's violation of its airspace, which killed two children.",   # benchmark dev
    "Moscow Condemns Airspace Violation By Ukraine",
])
def test_violating_airspace_is_an_attack(nlp: Language, um: PartyMatcher, text: str) -> None:
    assert ("ukraine", "attack") in _actions(nlp, text, um)


@pytest.mark.parametrize("text, action", [
    ("Moscow condemned Ukraine's violation of human rights.", "provoke"),    # a blame, as before; no attack
    ("Moscow condemned Ukraine's violation of the ceasefire.", "violate_ceasefire"),
])
def test_other_violations_are_no_attack(nlp: Language, um: PartyMatcher, text: str, action: str) -> None:
    assert _actions(nlp, text, um) == [("ukraine", action)]


@pytest.mark.parametrize("text", [
    # the review's cases (helper-276): each was read as a blame or an attack by the first version of the rules
    "Moscow said the last one to blame for the escalation was Ukraine.",     # the least to blame
    "The shelling of the plant was the work of neither Ukraine nor Russia, the agency said.",
])
def test_the_least_to_blame_and_the_work_of_neither_blame_no_one(nlp: Language, um: PartyMatcher, text: str) -> None:
    _, acts = _blames(nlp, text, um)
    assert [actor for actor, *_ in acts if actor not in (None, "unknown")] == []


def test_not_using_a_weapon_to_strike_is_a_denial(nlp: Language, um: PartyMatcher) -> None:
    _, acts = _blames(nlp, "Ukraine has not used HIMARS to hit targets inside Russia, Moscow said.", um)
    assert {(actor, negated) for actor, _, _, negated, _ in acts} == {("ukraine", True)}


def test_a_violation_of_sovereignty_is_a_label_not_an_attack(nlp: Language, um: PartyMatcher) -> None:
    assert ("ukraine", "attack") not in _actions(nlp, "Moscow accused Kyiv of a violation of Russia's sovereignty.", um)
