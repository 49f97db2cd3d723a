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
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ._syntax import (
    CLOSE_QUOTES, OPEN_QUOTES, PLAIN_QUOTES, PartyIndex, child, np_text, np_tokens, quote_mask, subject_of,
)
from .lexicon import (
    ACT_OF_NOUNS,
    BLAME_PLACING_VERBS,
    DOCUMENT_NOUNS,
    FIRST_PERSON,
    HOSTILE_NOUNS,
    REFERRING_PRONOUNS,
    RESPONSIBILITY_WORDS,
    SPEECH_VERBS,
    SPEECH_VERBS_NEEDING_PREP,
)
from .parties import PartyMatcher
from .voice_scope import _scope, _subtree_ids
from .source_names import _canonical, _compatible, _person, controlled_by, institution_of, officials_in

log = logging.getLogger(__name__)

OWN = "own"
ATTRIBUTED = "attributed"
_QUOTE_MARKS = frozenset(OPEN_QUOTES | CLOSE_QUOTES | PLAIN_QUOTES)


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
class Cue:
    """One attribution cue in a sentence: the cue token, the head of its source phrase, and the doc indices of the
    tokens it attributes (its scope)."""

    token: Token
    kind: str  # "verb" | "according" | "calls"
    source: Token | None
    scope: set[int] = field(default_factory=set)

    @property
    def text(self) -> str:
        return "according to" if self.kind == "according" else self.token.lower_


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


def _is_speech_verb(t: Token) -> bool:
    lemma = t.lemma_.lower()
    if lemma in BLAME_PLACING_VERBS and t.pos_ == "VERB" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in RESPONSIBILITY_WORDS for c in t.children):
        return True  # "X lays the blame on Y": X's claim
    if lemma not in SPEECH_VERBS or t.pos_ not in {"VERB", "AUX"}:
        return False
    if t.tag_ == "VBN" and t.dep_ in {"acl", "amod"}:  # "deaths and injuries reported"
        return False
    needs = SPEECH_VERBS_NEEDING_PREP.get(lemma)
    if needs is not None:
        if lemma == "call" and any(c.dep_ == "oprd" or (c.dep_ == "dobj" and c.tag_ in {"WP", "WDT"})
                                   for c in t.children):
            return True
        if lemma == "call" and child(t, "dobj") is not None and child(t, "prt") is None and any(
                w.lemma_.lower() in ACT_OF_NOUNS | HOSTILE_NOUNS.keys() for w in t.subtree if w.i > t.i):
            return True  # "Kremlin calls damage to the dam deliberate sabotage by …" (the complement misparsed)
        if lemma == "call" and child(t, "dobj") is not None and any(
                w.text in _QUOTE_MARKS for w in t.subtree if w.i > t.i):
            return True  # "X called the nomination “shocking”": the quoted words are X's
        if lemma == "put":   # "put the attack down to X", not "put down the revolt"
            return any(c.dep_ == "prt" and c.lower_ == "down" for c in t.children) and any(
                c.dep_ == "prep" and c.lower_ == "to" for c in t.children)
        return any(c.dep_ in {"prt", "prep"} and c.lower_ in needs for c in t.children)
    return True


def _trailing_source(t: Token, quoted: set[int]) -> Token | None:
    """The head of a source phrase between the last comma and a sentence-final speech verb that the parser attached
    elsewhere ("…, a source in X's security service said", "…, regional governor Oleh Syniehubov said")."""
    sent = t.sent
    if t.dep_ != "ROOT" or any(c.dep_ in {"nsubj", "nsubjpass", "csubj"} and c.i not in quoted for c in t.children):
        return None
    comma = next((x for x in reversed(list(t.doc[sent.start:t.i])) if x.text == ","), None)
    if comma is None or comma.i in quoted:
        return None
    span = t.doc[comma.i + 1:t.i]
    if not 0 < len(span) <= 12 or any(x.pos_ in {"VERB", "AUX"} or x.i in quoted for x in span):
        return None
    heads = [x for x in span if not (span.start <= x.head.i < span.end)]
    nouns = [x for x in heads if x.pos_ in {"NOUN", "PROPN"}]
    return nouns[0] if len(heads) == 1 and nouns else None


def _subject(t: Token, quoted: set[int]) -> Token | None:
    agent = child(t, "agent") if any(c.dep_ == "auxpass" for c in t.children) else None
    if agent is not None and (by := child(agent, "pobj")) is not None and by.i not in quoted:
        return by   # "the attack has been blamed on X by Y": Y speaks
    subj = subject_of(t)
    if subj is not None and subj.i in quoted:
        # the speaker is never inside the quotation ("“…, thousands of lawsuits, …,” Bloomberg said"): another
        # subject of the verb outside it, if the parser gave one
        # or apposed to the quoted words ("“… villages of X and Y,” the ministry spokesman said", misparsed)
        inside = subj
        subj = next((c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i not in quoted), None)
        if subj is None:
            subj = next((c for c in inside.children if c.dep_ == "appos" and c.i not in quoted and c.i > inside.i),
                        None)
    if subj is None:
        subj = _trailing_source(t, quoted)
    if subj is None or subj.head.i != t.i:
        # misparsed "..., a State Department spokesperson said": the noun right before the verb
        prev = t.doc[t.i - 1] if t.i > t.sent.start else None
        if prev is not None and prev.pos_ in {"NOUN", "PROPN"} and prev.i not in quoted and t.tag_ != "VBG" and t.i not in [
                a.i for a in prev.ancestors]:
            subj = prev
    return subj


def _main(t: Token) -> bool:
    return t.dep_ == "ROOT" or (t.dep_ == "conj" and t.head.dep_ == "ROOT" and _is_speech_verb(t.head))


def _trailing(t: Token, sent: Span) -> bool:
    """Does the clause of `t` end the sentence (only punctuation after it)?"""
    return all(x.is_punct for x in sent.doc[t.right_edge.i + 1:sent.end]) and t.left_edge.i > sent.start


def find_cues(sent: Span) -> list[Cue]:
    """All attribution cues of `sent` outside quotation marks, with their scopes."""
    quoted = quote_mask(sent)
    cues: list[Cue] = []
    all_ids = {t.i for t in sent}
    for t in sent:
        if t.i in quoted:
            continue
        if (t.lower_ == "according" and t.i + 1 < sent.end and t.doc[t.i + 1].lower_ == "to") or (
                t.lower_ == "as" and t.i + 1 < sent.end and t.doc[t.i + 1].lower_ == "per"):   # "…, as per the ministry"
            to = t.doc[t.i + 1]
            src = next((c for c in to.children if c.dep_ == "pobj"), None)
            if src is None:
                src = next((c for c in t.children if c.dep_ == "pobj"), None)
            phrase = _subtree_ids(t) | _subtree_ids(to)
            cues.append(Cue(t, "according", src, {i for i in all_ids - phrase if not t.doc[i].is_punct}))
            continue
        if not _is_speech_verb(t):
            continue
        if t.lemma_.lower() == "cite" and t.tag_ == "VBG" and t.dep_ in {"acl", "advcl", "xcomp"} \
                and (obj := child(t, "dobj")) is not None:
            # "…, Interfax reported, citing X": X is the source of the reporting verb's cue (below); "P, Trend reports
            # citing X" with "reports" read as a noun: X's cue over P
            if not _is_speech_verb(t.head):
                drop = _subtree_ids(t) | {t.head.i} | {c.i for c in t.head.children if c.dep_ in {"compound", "nsubj"}}
                cues.append(Cue(t, "verb", obj, {x.i for x in t.head.subtree if not x.is_punct} - drop))
            continue
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in t.children) \
                and not any(c.dep_ in {"dobj", "ccomp"} for c in t.children) and not _trailing(t, sent):
            continue   # "As X pointed out, P": the outlet asserts P itself, citing X ("… as X blames Y": X's claim;
            # "P, as officials from both countries reported.": a source's, as "P, officials reported")
        subj = _subject(t, quoted)
        cited = next((c for c in t.children if c.lemma_.lower() == "cite" and c.dep_ in {"advcl", "acl", "xcomp"}
                      and child(c, "dobj") is not None), None)
        if cited is not None and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in child(cited, "dobj").children):
            cited = None   # "Citing its border service, a Tajik news portal said …": "its" is the portal's side
        if subj is None and cited is not None:
            subj = child(cited, "dobj")   # "P, the agency reports citing X" ("agency" read as a compound)
        if subj is None or subj.lower_ in FIRST_PERSON or subj.tag_ in {"WDT", "WP"}:
            continue
        if t.lemma_.lower() == "read" and subj.lemma_.lower() not in DOCUMENT_NOUNS:
            continue
        kind = "calls" if t.lemma_.lower() == "call" and any(c.dep_ == "oprd" for c in t.children) else "verb"
        scope = _scope(t, subj, _main(t))
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in t.children) and not scope:
            scope = {i for i in all_ids - _subtree_ids(t) if not t.doc[i].is_punct}   # "P, as X reported.": P
        if cited is not None:   # "X reports citing the border service": the service is the source, not X
            scope -= _subtree_ids(cited) | _subtree_ids(subj) | {c.i for c in t.children if c.dep_ == "compound"}
            subj = child(cited, "dobj")
        cues.append(Cue(t, kind, subj, scope))
    return cues


def _outermost(cues: list[Cue]) -> list[Cue]:
    out = []
    for c in cues:
        nested = any(c.token.i in d.scope and d.token.i not in c.scope for d in cues if d is not c)
        if not nested:
            out.append(c)
    return out or cues


def _inherit(previous: Voice, cue: str, text: str) -> Voice:
    return Voice(ATTRIBUTED, previous.attributed_to, text, previous.attributed_party, cue)


def _describe(cue: Cue, pidx: PartyIndex, previous: Voice | None, root_party: str | None) -> _Source:
    src = cue.source
    if src is None:
        v = Voice(ATTRIBUTED, None, None, None, cue.text)
        return _Source(None, None, None, "", _inherit(previous, cue.text, "") if previous and previous.attributed
                       else v)
    tokens = np_tokens(src, preps=frozenset({"of", "for"}), appos=True)
    verb = cue.token
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


def _colon_source(sent: Span, matcher: PartyMatcher) -> tuple[Voice, set[int]] | None:
    """"Ukraine: worker wounded in new Russian strike" (a live blog's entry, a subhead): a party named alone before
    a colon opening the sentence is its source, and what follows is its claim."""
    colon = next((t for t in sent[:6] if t.text == ":"), None)
    if colon is None or colon.i == sent.start:
        return None
    label = sent.doc[sent.start:colon.i].text.strip()
    party = next((p.id for p in matcher.parties if label.lower() in {a.lower() for a in p.all_aliases}), None)
    if party is None:
        return None   # only a party's own name or alias, alone: "Sudan unrest: …" is a topic, not a source
    return (Voice(ATTRIBUTED, matcher.name(party), label, party, ":"), {t.i for t in sent if t.i > colon.i})


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
