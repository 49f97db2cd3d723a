""""Officials in X said …" speaks for the party the event file lists as "X authorities" (GUIDE §10: sources normalised
to party + institution); a place alone names no party. Sentences written for the test, on the seed event's parties."""

from __future__ import annotations

from spacy.language import Language

from rashomon.detect.sentence import analyse_article
from rashomon.sources import load_event
from rashomon.settings import REPO_ROOT

SEED = REPO_ROOT / "seeds" / "karabakh-2022-08-03"   # its parties list "Nagorno-Karabakh authorities"


def test_officials_in_a_region_speak_for_its_listed_authorities(nlp: Language) -> None:
    out = analyse_article(["Azerbaijan said one of its soldiers was killed on Wednesday.",
                           "Officials in Nagorno-Karabakh said two of their soldiers were killed."], load_event(SEED),
                          nlp=nlp)
    assert out[1].voice.attributed_party == "armenia", out[1].voice


def test_officials_in_a_place_no_party_runs_stay_unresolved(nlp: Language) -> None:
    out = analyse_article(["Officials in Geneva said talks would resume."], load_event(SEED), nlp=nlp)
    assert out[0].voice.attributed and out[0].voice.attributed_party is None, out[0].voice
