"""Whose voice a sentence speaks in: the outlet's own, or a source it attributes the claim to.

A sentence is **attributed** when

- a speech or cognition verb with a source subject governs it ("the ministry said", "X said in a statement",
  "X claimed / stated / added / noted / announced / reported / warned / urged / vowed / told / denied …");
- it carries "according to X";
- it reports an accusation ("X accused Y of …", "X blamed Y for …");
- it names something "in what X calls …";
- it is a quotation: with its own attribution, or — with no attribution — continuing the previous attributed
  sentence (pass that sentence's Voice as `previous`);
- its source is a pronoun ("it said", "he added"), resolved to the previous sentence's source; in "in response to
  what it called …" with no previous source, the pronoun is the subject of the enclosing clause;
- its source phrase ends the sentence after a comma but was attached elsewhere by the parser ("…, a source in X's
  security service said", "…, regional governor Oleh Syniehubov said").

Cues inside quotation marks are the quoted speaker's words, not attributions of the sentence.

**Canonical source names** (`Voice.attributed_to`), one scheme:

1. ``"<party name> <institution>"`` when the source phrase names a party (through the event's aliases, demonyms,
   or a possessive such as "its defence ministry") and a generic institution, e.g. "Azerbaijan Defence Ministry",
   "Azerbaijan Foreign Ministry", "Russia Defence Ministry", "Russia peacekeepers", "United States State
   Department". Institutions, in priority order: Defence Ministry (defense/defence ministry or minister, ministry of
   defence, MoD), Foreign Ministry, Interior Ministry, State Department, Prime Minister, President, peacekeepers,
   military (army, armed forces, troops, forces, command), government, ministry, spokesperson, officials,
   authorities.
2. ``"<party name>"`` for a party with no institution ("Russia accused …" → "Russia"; a named individual who is an
   alias of a party, e.g. "Ned Price" listed under the United States, → "United States").
3. The person's name for a named individual with no party ("Josep Borrell").
4. The bare institution ("ministry", "spokesperson") when no party can be found, or the source phrase itself
   ("analysts", "witnesses") when nothing else applies.

A source with no party of its own inherits the previous sentence's source when it is clearly the same one:
a pronoun ("it said"), a document ("the statement read"), a generic institution the previous source has ("the
ministry said" after "Azerbaijan's Foreign Ministry said"), or a surname that the previous source phrase contains
("Price called for …" after "spokesperson Ned Price said"). When a sentence has two source phrases, one naming only
the party and the other only the institution ("The U.S. voiced …, a State Department spokesperson said"), they are
combined.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from spacy.tokens import Span

from ._syntax import PartyIndex, np_text, np_tokens, quote_mask
from .dash_sources import dash_speaker
from .lexicon import DOCUMENT_NOUNS, REFERRING_PRONOUNS
from .parties import PartyMatcher
from .source_names import (_canonical, _compatible, _person, controlled_by, institution_of, officials_in,
                           source_tokens)
from .voice_cues import Cue, _outermost, find_cues  # noqa: F401  (Cue, find_cues: act_speakers.py imports them here)

log = logging.getLogger(__name__)

OWN = "own"
ATTRIBUTED = "attributed"


@dataclass(frozen=True)
class Voice:
    """Whose voice a sentence speaks in.

    voice: "own" (the outlet's) or "attributed"; attributed_to: canonical source name (module docstring);
    source_text: the source phrase as written; attributed_party: the source's party id; cue: the word that
    attributes ("said", "according to", "accused", "calls", or "quote" for an unattributed quotation).
    """

    voice: str = OWN
    attributed_to: str | None = None
    source_text: str | None = None
    attributed_party: str | None = None
    cue: str | None = None

    @property
    def attributed(self) -> bool:
        return self.voice == ATTRIBUTED


OWN_VOICE = Voice()


@dataclass
class _Source:
    party: str | None
    institution: str | None
    person: str | None
    text: str
    voice: Voice

    @property
    def specificity(self) -> int:
        v = self.voice
        inst = institution_of(v.attributed_to or "")
        return (2 if inst else 0) + (1 if v.attributed_party else 0) + (1 if self.person else 0)


def _inherit(previous: Voice, cue: str, text: str) -> Voice:
    return Voice(ATTRIBUTED, previous.attributed_to, text, previous.attributed_party, cue)


def _describe(cue: Cue, pidx: PartyIndex, previous: Voice | None, root_party: str | None) -> _Source:
    src = cue.source
    if src is None:
        v = Voice(ATTRIBUTED, None, None, None, cue.text)
        return _Source(None, None, None, "", _inherit(previous, cue.text, "") if previous and previous.attributed
                       else v)
    verb = cue.token
    tokens = source_tokens(src, verb if cue.kind == "verb" else None)
    if cue.kind == "verb" and tokens and tokens[-1].i < verb.i:
        # "a spokesperson for EU foreign policy chief Josep Borrell said": the whole run up to the verb
        gap = list(verb.doc[tokens[-1].i + 1: verb.i])
        if gap and all(not g.is_punct and g.pos_ not in {"VERB", "AUX", "SCONJ"} for g in gap):
            tokens = sorted({*tokens, *gap}, key=lambda x: x.i)
    text = " ".join(t.text for t in tokens)
    prev = previous if previous is not None and previous.attributed else None
    if src.pos_ == "PRON" and src.lower_ in REFERRING_PRONOUNS:
        if cue.kind == "calls":
            # "X launched … in response to what it called …", "Ryan hammered Obama for what he called …": the pronoun
            # is the subject of the enclosing clause, whoever spoke in the sentences before
            for a in verb.ancestors:
                subj = next((c for c in a.children if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ != "PRON"), None)
                if subj is not None:
                    party = pidx.party_of(subj)
                    subj_tokens = np_tokens(subj)
                    person = _person(subj_tokens, pidx)
                    if party is not None or person is not None:
                        name = _canonical(party, institution_of(np_text(subj)), person, text, pidx.matcher)
                        return _Source(party, institution_of(name), person, text,
                                       Voice(ATTRIBUTED, name, text, party, cue.text))
                    break
        named = prev is not None and (prev.attributed_party or institution_of(prev.attributed_to or "") or any(
            w[:1].isupper() for w in (prev.attributed_to or "").split()))
        if prev is not None and (named or src.lower_ not in {"he", "she"}):
            # "he"/"she" is a person: never a source named by a common noun ("The press conference underscored …")
            return _Source(prev.attributed_party, institution_of(prev.attributed_to or ""), None, text,
                           _inherit(prev, cue.text, text))
        return _Source(None, None, None, text, Voice(ATTRIBUTED, None, text, None, cue.text))
    mention = pidx.party_of_tokens(tokens)
    party = mention.party_id if mention is not None else None
    if party is None:
        party = controlled_by(src, pidx.matcher)   # "the Hamas-controlled authorities", "officials in Hamas-run Gaza"
    if party is None:
        party = officials_in(src, pidx.matcher)     # "officials in Nagorno-Karabakh" = "Nagorno-Karabakh authorities"
    if party is None:
        poss = [t for t in tokens if t.dep_ == "poss" and t.pos_ == "PRON"]
        if poss:  # "according to its defence ministry": the party whose statement the sentence reports
            party = root_party or (prev.attributed_party if prev else None) or pidx.resolve_pronoun(poss[0])
    institution = institution_of(text)
    person = _person(tokens, pidx)
    if party is None and prev is not None:
        capitalised = [t.text for t in tokens if (t.text[:1].isupper() or t.pos_ == "PROPN") and not t.is_stop]
        prev_text = prev.source_text or ""
        same_name = any(re.search(rf"\b{re.escape(w)}\b", prev_text) for w in capitalised
                        if w.lower() not in {"the", "a", "an"} and institution_of(w) is None)
        document = src.lemma_.lower() in DOCUMENT_NOUNS and institution in {None, "ministry"}
        if same_name or document or _compatible(prev, institution):
            return _Source(prev.attributed_party, institution_of(prev.attributed_to or ""), person, text,
                           _inherit(prev, cue.text, text))
    name = _canonical(party, institution, person, text, pidx.matcher)
    return _Source(party, institution, person, text, Voice(ATTRIBUTED, name, text, party, cue.text))


_DASHES = frozenset({"-", "–", "—"})


def _colon_source(sent: Span, matcher: PartyMatcher) -> tuple[Voice, set[int]] | None:
    """"Ukraine: worker wounded in new Russian strike" (a live blog's entry, a subhead): a party named alone before
    a colon opening the sentence is its source, and what follows is its claim; so is a party's institution or
    spokesperson ("Putin's spokesman: US was behind drone attack", "Russian Defence Ministry: …"). So is one after a
    spaced dash closing a headline ("Ukraine is to blame for the crash - Kremlin", "… – Russian Defence Ministry";
    not the hyphen of "Russia-Ukraine")."""
    colon = next((t for t in sent[:6] if t.text == ":"), None)
    dash = next((t for t in reversed(sent[-7:]) if t.text in _DASHES and t.whitespace_ and t.i > sent.start + 2
                 and t.doc[t.i - 1].whitespace_), None) if len(sent) and sent[-1].text not in {".", "!", "?"} else None
    # "Russian missiles hit the capital overnight – Kyiv": the place named again (an apposition), not a source,
    # unless the words are a speaker phrase (dash_sources.py: "… – Iran's envoy")
    appos = colon is None and dash is not None and sent.doc[dash.i + 1:sent.end].root.dep_ == "appos"
    if colon is not None and colon.i != sent.start:
        words, scope = sent.doc[sent.start:colon.i], {t.i for t in sent if t.i > colon.i}
    elif colon is None and dash is not None:
        words, scope = sent.doc[dash.i + 1:sent.end], {t.i for t in sent if t.i < dash.i}
    else:
        return None
    label = re.sub(r"(?i)^the\s+", "", words.text.strip(" ."))   # "- the Kremlin"
    party = None if appos else next((p.id for p in matcher.parties
                                     if label.lower() in {a.lower() for a in p.all_aliases}), None)
    named = {m.party_id for m in matcher.find_all(label)} if party is None else set()
    if not appos and len(named) == 1 and institution_of(label) is not None \
            and not any(t.pos_ in {"VERB", "AUX"} for t in words):   # a name, not a clause
        party = named.pop()
    if party is None and colon is None:
        speaker, party = dash_speaker(words, named)   # "… – Iran's envoy", "… — Russian PM": a speaker phrase
        if speaker:
            return Voice(ATTRIBUTED, matcher.name(party) if party else label, label, party, "-"), scope
    if party is None:
        return None   # only a party's own name or alias, alone: "Sudan unrest: …" is a topic, not a source
    return Voice(ATTRIBUTED, matcher.name(party), label, party, ":" if colon is not None else "-"), scope


def analyse_voice_detail(sent: Span, matcher: PartyMatcher, previous: Voice | None = None) -> tuple[Voice, set[int]]:
    """`analyse_voice` plus the doc indices of the tokens the sentence attributes to someone (every cue's scope and,
    when attributed, the quoted words)."""
    quoted = quote_mask(sent)
    words = [t for t in sent if not t.is_punct and not t.is_space]
    pidx = PartyIndex.build(sent, matcher, previous_party=previous.attributed_party if previous else None)
    cues = find_cues(sent)
    if not cues and (labelled := _colon_source(sent, matcher)) is not None:
        return labelled
    if not cues:
        in_quote = sum(1 for t in words if t.i in quoted)
        if words and in_quote / len(words) >= 0.5:
            if previous is not None and previous.attributed:
                return _inherit(previous, "quote", previous.source_text or ""), {t.i for t in sent}
            return Voice(ATTRIBUTED, None, None, None, "quote"), {t.i for t in sent}
        return OWN_VOICE, set()
    outer = _outermost(cues)
    root_subjects = [c for c in outer if c.kind == "verb" and c.source is not None and c.source.pos_ != "PRON"]
    root_party = None
    for c in root_subjects:
        m = pidx.party_of_tokens(np_tokens(c.source))  # type: ignore[arg-type]
        if m is not None:
            root_party = m.party_id
            break
    described = [(c, _describe(c, pidx, previous, root_party)) for c in outer]
    best_cue, best = max(described, key=lambda cs: (cs[1].specificity, cs[0].token.dep_ == "ROOT",
                                                    -cs[0].token.i))
    if best.voice.attributed_party is None and best_cue.kind == "according":   # "Guterres condemned Israel's
        inner = [(c, _describe(c, pidx, previous, root_party)) for c in cues if c not in outer and c.kind == "verb"]
        best_cue, best = next(((c, d) for c, d in inner if d.voice.attributed_party),   # strikes, according to
                              (best_cue, best))                                         # Reuters": the speaker
    voice = best.voice
    # combine a party-only source with an institution-only one ("The U.S. voiced …, a State Department
    # spokesperson said")
    if voice.attributed_party is None or institution_of(voice.attributed_to or "") is None:
        for c, s in described:
            if c is best_cue:
                continue
            party = voice.attributed_party or s.voice.attributed_party
            inst = institution_of(voice.attributed_to or "") or institution_of(s.voice.attributed_to or "")
            if party and inst and (voice.attributed_party is None) != (s.voice.attributed_party is None):
                voice = Voice(ATTRIBUTED, f"{matcher.name(party)} {inst}", voice.source_text, party, voice.cue)
                break
    scope: set[int] = set()
    for c in cues:
        scope |= c.scope
    scope |= quoted
    log.debug("voice %r for %r (cue %s)", voice.attributed_to, sent.text[:60], voice.cue)
    return voice, scope


def analyse_voice(sent: Span, matcher: PartyMatcher, previous: Voice | None = None) -> Voice:
    """Whose voice `sent` speaks in (module docstring). `previous` is the voice of the sentence before it (or of the
    last attributed sentence), used for quote continuations and pronoun/generic sources."""
    return analyse_voice_detail(sent, matcher, previous)[0]
