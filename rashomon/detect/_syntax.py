"""Dependency-parse helpers shared by the detectors (quotation spans, noun phrases, subjects, party lookup)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .lexicon import (_ACT_WORDS, ACCUSE_VERBS, ADMIT_VERBS, FIRST_PERSON, FORCE_NOUNS, RECIPROCAL_OBJECTS,
                      RECIPROCAL_VERBS, REFERRING_PRONOUNS, RESORT_VERBS, SPEECH_VERBS)
from .parties import PartyMatcher, PartyMention

#: An alias that is only an institution's name, no party's: "Defence Ministry", "the Ministry of Defense", "MoD".
_BARE_INSTITUTION = re.compile(
    r"(?i)(?:the\s+)?(?:(?:defen[cs]e|foreign(?:\s+affairs)?|interior)\s+ministry|ministry\s+of\s+(?:defen[cs]e|"
    r"foreign\s+affairs|(?:the\s+)?interior|internal\s+affairs)|mod|mfa|general\s+staff|armed\s+forces)")

OPEN_QUOTES = {"“", "«", "„"}
CLOSE_QUOTES = {"”", "»"}
PLAIN_QUOTES = {'"', "``", "''"}
SUBJECT_DEPS = {"nsubj", "csubj", "expl"}
NP_DEPS = {"compound", "amod", "poss", "nmod", "det", "nummod", "quantmod", "case", "flat", "npadvmod"}


def as_span(obj: Span | Doc) -> Span:
    """A Span for a Doc or a Span."""
    return obj[:] if isinstance(obj, Doc) else obj


def quote_mask(sent: Span) -> set[int]:
    """Doc indices of the tokens inside double quotation marks in `sent` (the marks themselves excluded).

    A sentence whose first quotation mark closes a quote (tagged '' or ”) started inside a quotation: the tokens
    before that mark are inside.
    """
    marks = [t for t in sent if t.text in OPEN_QUOTES | CLOSE_QUOTES | PLAIN_QUOTES]
    inside: set[int] = set()
    if not marks:
        return inside
    state = False
    first = marks[0]
    if first.text in CLOSE_QUOTES or (first.text == '"' and first.tag_ == "''" and len(marks) % 2 == 1):
        inside.update(t.i for t in sent if t.i < first.i)
        marks = marks[1:]
    start = None
    for m in marks:
        if m.text in OPEN_QUOTES:
            state, start = True, m.i
        elif m.text in CLOSE_QUOTES:
            if state and start is not None:
                inside.update(range(start + 1, m.i))
            state, start = False, None
        elif not state:
            state, start = True, m.i
        else:
            inside.update(range(start + 1, m.i))  # type: ignore[operator]
            state, start = False, None
    if state and start is not None:  # an unclosed quotation runs to the end of the sentence
        inside.update(t.i for t in sent if t.i > start)
    return inside


def np_tokens(token: Token, *, with_of: bool = True, preps: frozenset[str] = frozenset({"of"}),
              appos: bool = False) -> list[Token]:
    """The tokens of the noun phrase headed by `token`, without relative clauses or prepositional phrases other
    than `preps` ("of": "the armed forces of X"). Conjuncts are left out ("A and B" → A); appositions only with
    `appos`."""
    out: list[Token] = []

    def walk(t: Token) -> None:
        out.append(t)
        for c in t.children:
            if c.dep_ in NP_DEPS or (appos and c.dep_ == "appos"):
                walk(c)
            elif with_of and c.dep_ == "prep" and c.lower_ in preps and any(p.dep_ == "pobj" for p in c.children):
                out.append(c)
                for p in c.children:
                    if p.dep_ == "pobj":
                        walk(p)

    walk(token)
    return sorted(out, key=lambda t: t.i)


def np_text(token: Token, **kw: object) -> str:
    """The text of `np_tokens(token)` (a gap in the phrase becomes one space)."""
    toks = np_tokens(token, **kw)  # type: ignore[arg-type]
    return " ".join(t.text for t in toks)


_BACKER = re.compile(r"\s*-\s*(?:backed|supported|sponsored|allied|aligned|funded|armed|trained)\b", re.I)


def _backed_by_head(sent: Span, start: int, end: int, backer: str, matcher: PartyMatcher) -> PartyMention | None:
    """The noun "Iran-backed" (characters start-end of `sent`) modifies, when it ends a several-word alias of one
    other party ("the Iran-backed rebels", an alias "Houthi rebels"): that party's mention."""
    span = sent.doc.char_span(sent.start_char + start, sent.start_char + end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    noun = span[-1].head
    if noun.i <= span[-1].i or noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    party = matcher.party_by_head(noun.text, backer)
    at = noun.idx - sent.start_char
    return None if party is None else PartyMention(at, at + len(noun.text), party, noun.text, False)


@dataclass
class PartyIndex:
    """Party mentions of one Doc mapped to token indices, plus the context for resolving pronouns."""

    doc: Doc
    matcher: PartyMatcher
    voice_party: str | None = None  # the quoted source's party: "we" inside its quotation
    previous_party: str | None = None  # the previous sentence's source party: "it" with no antecedent here
    quoted: set[int] = field(default_factory=set)
    mentions: list[tuple[int, int, PartyMention]] = field(default_factory=list)  # (first token, last token, mention)
    by_token: dict[int, PartyMention] = field(default_factory=dict)

    @classmethod
    def build(cls, sent: Span, matcher: PartyMatcher, *, voice_party: str | None = None,
              previous_party: str | None = None) -> PartyIndex:
        doc = sent.doc
        idx = cls(doc, matcher, voice_party, previous_party, quote_mask(sent))
        offset = sent.start_char
        found = matcher.find_all(sent.text)
        for m in found:   # (a mention appended below is read in its turn)
            if (b := _BACKER.match(sent.text, m.end)) and any(
                    o.party_id != m.party_id and b.end() <= o.start <= b.end() + 30 for o in found):
                continue   # "the Iran-backed Houthis", "Rwanda-backed M23": the backed party is who the phrase names
                # (a proxy the event file gives no party of its own, "Russia-backed separatists", stays the backer's)
            if b and (backed := _backed_by_head(sent, m.start, b.end(), m.party_id, matcher)) is not None:
                found.append(backed)   # "the Iran-backed rebels", one party's alias ending in "rebels": that party
                continue
            span = doc.char_span(offset + m.start, offset + m.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            idx.mentions.append((span.start, span.end - 1, m))
            for i in range(span.start, span.end):
                idx.by_token[i] = m
        return idx

    def party_of_tokens(self, tokens: list[Token]) -> PartyMention | None:
        """The longest mention lying entirely within `tokens` (earliest on a tie); but a possessor party ("Russia's
        defence ministry") wins over an alias that is only an institution's name ("Defence Ministry", which an event
        file may give one party for its usual speaker)."""
        best: PartyMention | None = None
        best_key: tuple[int, int] | None = None
        possessor: PartyMention | None = None
        for first, last, m in self._inside(tokens):
            key = (m.end - m.start, -first)
            if best_key is None or key > best_key:
                best, best_key = m, key
            if possessor is None and self.doc[last].dep_ == "poss":
                possessor = m
        if best is not None and possessor is not None and possessor.party_id != best.party_id \
                and _BARE_INSTITUTION.fullmatch(best.alias.strip()):
            return possessor
        return best

    def _inside(self, tokens: list[Token]) -> list[tuple[int, int, PartyMention]]:
        """The mentions lying entirely within `tokens` (a hyphen or quote inside a mention, "right-flank Republicans",
        is not part of the phrase's tokens)."""
        ids = {t.i for t in tokens}
        return [(first, last, m) for first, last, m in self.mentions
                if all(i in ids or self.doc[i].is_punct for i in range(first, last + 1))
                and any(i in ids for i in range(first, last + 1))]

    def _both_sides(self, token: Token, own: list[Token]) -> bool:
        """Whether `token`, the subject of a verb two sides do to each other (act_words.toml [reciprocal]), joins two
        parties by "and" or a comma ("Thai and Cambodian soldiers clashed", "Thailand and Cambodia clashed", "Thai,
        Cambodian troops clash"), and the verb has no other side to act on ("fought smugglers", "clashed with police";
        "exchanged fire" is mutual)."""
        verb = token.head
        if token.dep_ != "nsubj" or verb.lemma_.lower() not in RECIPROCAL_VERBS or any(
                (c.dep_ == "dobj" and c.lemma_.lower() not in RECIPROCAL_OBJECTS)
                or (c.dep_ == "prep" and c.lower_ in {"with", "against"}
                    and not any(g.lower_ in {"other", "another"} for g in c.subtree))
                for c in verb.children):
            return False
        joined = own + [c for t in own for c in t.children if c.dep_ == "conj"]
        inside = self._inside(joined) + [x for x in self.mentions if x[0] <= token.i <= x[1]]
        span_of = {i: m.party_id for first, last, m in inside for i in range(first, last + 1)}
        return any(self.doc[i].dep_ == "conj" and self.doc[i].head.i in span_of
                   and span_of[self.doc[i].head.i] != m.party_id
                   and not any(c.dep_ == "cc" and c.lower_ in {"or", "nor"} for c in self.doc[i].head.children)
                   for first, last, m in inside for i in range(first, last + 1))

    def party_of(self, token: Token | None, *, preps: frozenset[str] = frozenset({"of"})) -> str | None:
        """The party a noun phrase (given by its head) refers to, resolving pronouns; None if none."""
        if token is None:
            return None
        if (token.pos_ == "PRON" or token.lower_ in FIRST_PERSON) and token.i not in self.by_token:
            # ("US" in "a US airstrike", tagged a pronoun, is the party the alias names)
            if token.lower_ in FIRST_PERSON or token.lower_ in REFERRING_PRONOUNS:
                return self.resolve_pronoun(token)
            return None
        toks = np_tokens(token, preps=preps)
        # the head's own words first ("the Azerbaijan Army positions"), then its of-phrase
        own = np_tokens(token, with_of=False)
        if self._both_sides(token, own):
            return None   # "Thai and Cambodian soldiers clashed": two sides doing it to each other are neither one
        m = self.by_token.get(token.i)   # the head's own mention names the referent ("Florida Republican Matt Gaetz")
        if m is None:
            m = self.party_of_tokens(own)
        if m is None:
            m = self.party_of_tokens(toks)
        if m is not None:
            return m.party_id
        # "its forces", "their troops": a possessive pronoun inside the phrase
        for t in toks:
            if t.dep_ == "poss" and t.pos_ == "PRON":
                return self.resolve_pronoun(t)
        return None

    def resolve_pronoun(self, tok: Token) -> str | None:
        """Resolve a pronoun to a party: first person inside a quotation is the quoted source; a possessive
        "its/their" is first the party subject of its own clause or of an enclosing one ("X, which blamed Y, said 50
        of its soldiers …" → X); "it/its" is the nearest party named before it in the sentence; "they/them/their"
        prefers the nearest armed-group noun with a party; failing that, the previous sentence's source party."""
        low = tok.lower_
        if low in FIRST_PERSON:
            return self.voice_party if (tok.i in self.quoted or self.voice_party) else None
        if low in {"its", "their"} or (low in {"it", "they"} and tok.dep_ in {"nsubj", "nsubjpass"}):
            # a possessive refers first to the subject of its own clause ("Ukraine shelled its own town"), then to
            # the subject of an enclosing clause ("X, which blamed Y, said 50 of its soldiers were killed"); so does
            # a subject "it"/"they" ("X rejected claims by Y's media that it had attacked the town": X)
            for a in tok.ancestors:
                if a.pos_ not in {"VERB", "AUX"}:
                    continue
                for c in a.children:
                    if c.dep_ in {"nsubj", "nsubjpass"} and not (c.left_edge.i <= tok.i <= c.right_edge.i) \
                            and c.pos_ != "PRON":
                        m = self.party_of_tokens(np_tokens(c, preps=frozenset()))
                        if m is not None:
                            return m.party_id
        plural = low in {"they", "them", "their", "theirs"}
        before = [t for t in tok.doc[: tok.i]][::-1]
        if plural:
            for t in before:
                if t.tag_ in {"NNS", "NNPS"} and t.lemma_.lower() in FORCE_NOUNS:
                    p = self.party_of(t)
                    if p is not None:
                        return p
        for t in before:
            m = self.by_token.get(t.i)
            if m is not None and t.pos_ in {"PROPN", "NOUN", "ADJ"}:
                return m.party_id
        return self.previous_party


def accused_of(gov: Token) -> Token | None:
    """The accused of an accusation verb: "accused [Baku] of …", "[Baku] was accused of …"."""
    objs = [c for c in gov.children if c.dep_ in {"dobj", "nsubjpass"}]
    return objs[0] if objs else None


def accusing_verb(prep: Token) -> Token | None:
    """The accusation verb an "of/for" preposition belongs to: "accused Y [of] …", and the common misparse that hangs
    the preposition on the accused ("blamed [Russian forces] [for] the explosion"). None when it belongs to none."""
    gov = prep.head if prep.head.lemma_.lower() in ACCUSE_VERBS or prep.head.dep_ not in {"dobj", "nsubjpass"} \
        else prep.head.head   # ("with" only after "charge", its charger named: not "troops were charged with …")
    ok = gov.lemma_.lower() in ACCUSE_VERBS and (prep.lower_ != "with" or gov.lemma_.lower() == "charge")
    return gov if ok and (prep.lower_ != "with" or named_accuser(gov)) else None


def named_accuser(gov: Token) -> bool:
    """An accusation verb with its accuser named: a subject, a "by" agent, or a speech cue elsewhere in the sentence
    ("Ukraine was accused of the attack, the Kremlin said")."""
    return any(c.dep_ in {"nsubj", "agent"} for c in gov.children) or any(
        t.i != gov.i and t.pos_ == "VERB" and t.dep_ != "amod" and t.lemma_.lower() in SPEECH_VERBS for t in gov.sent)


#: Verbs whose object is the means of their infinitive's act, so its subject acts: "X used HIMARS to hit the base" (not
#: "ordered troops to fire": the troops fire). act_words.toml [instrument].
INSTRUMENT_VERBS = frozenset(_ACT_WORDS["instrument"]["verbs"])


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, following conjunction, control and accusation structure:
    "Armenia attacked and killed" (conj) → Armenia; "forces tried to seize" (xcomp) → forces;
    "ordered troops to fire" → troops; "accused Baku of violating" → Baku; "that/which/who" → the antecedent;
    "violating the truce by bombarding" (means) → the subject of "violating"; "is resorting to shelling" → the
    subject of "resorting"."""
    seen = 0
    v = verb
    while v is not None and seen < 8:
        seen += 1
        for c in v.children:
            if c.dep_ in SUBJECT_DEPS and c.dep_ != "expl":
                if c.tag_ in {"WDT", "WP"} and v.dep_ == "relcl":
                    return v.head
                return c
        if v.dep_ == "conj" and v.tag_ == "VBG" and v.head.lemma_.lower() in ACCUSE_VERBS \
                and v.head.tag_ != "VBG" and accused_of(v.head) is not None:
            # misparsed "accused Armenia of mining roads and [shelling] positions": the second gerund continues the
            # accusation, not the accuser's own clause
            return accused_of(v.head)
        if v.dep_ == "conj" and v.head.pos_ in {"VERB", "AUX"}:
            v = v.head
            continue
        if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.lower_ in {"by", "through", "while"} \
                and v.head.head.pos_ in {"VERB", "AUX"}:
            v = v.head.head  # "violated the truce by bombarding …": the means has the act's subject
            continue
        if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head.lemma_.lower() in RESORT_VERBS:
            v = v.head.head  # "is resorting to shelling hospitals"
            continue
        if v.dep_ == "xcomp":
            objs = [c for c in v.head.children if c.dep_ == "dobj"]
            if objs and v.head.lemma_.lower() not in INSTRUMENT_VERBS:   # "used HIMARS to hit": the user hit
                return objs[0]
            v = v.head
            continue
        if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.lower_ in {"of", "for", "with"}:
            gov = accusing_verb(v.head)
            return accused_of(gov) if gov is not None else None
        if v.dep_ == "advcl" and v.tag_ == "VBG":
            v = v.head
            continue
        if v.dep_ == "acomp" and v.head.pos_ in {"VERB", "AUX"}:
            v = v.head  # "X were quick to blame": the adjective's subject
            continue
        if v.dep_ in {"relcl", "acl"} and v.tag_ == "VBG":
            return v.head
        for m in v.children:   # misparsed "after [Azerbaijan] began shelling": the subject hung on the "after"
            if m.dep_ == "mark" and m.i < v.i and (obj := next((g for g in m.children if g.dep_ == "pobj"), None)):
                return obj
        return None
    return None


def is_passive(verb: Token) -> bool:
    """True for a passive verb: it has a passive subject or auxiliary, or a by-agent; or it is a past participle
    modifying a noun ("provocations instigated by them"; not one with its own subject: "accusations that Russia had
    staged a provocation")."""
    if {c.dep_ for c in verb.children} & {"nsubjpass", "auxpass", "agent"}:
        return True
    return verb.tag_ == "VBN" and verb.dep_ in {"acl", "amod"} and not any(c.dep_ == "nsubj" for c in verb.children)


def agent_of(verb: Token) -> Token | None:
    """The by-phrase object of a passive verb."""
    for c in verb.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    return None


def child(token: Token, *deps: str) -> Token | None:
    """The first child of `token` with one of `deps`."""
    for c in token.children:
        if c.dep_ in deps:
            return c
    return None


def prep_object(token: Token, *preps: str) -> Token | None:
    """The object of the first prepositional child of `token` whose preposition is in `preps`."""
    for c in token.children:
        if c.dep_ in {"prep", "agent"} and c.lower_ in preps:
            for p in c.children:
                if p.dep_ in {"pobj", "pcomp"}:
                    return p
    return None


#: Verbs that take back what the verb under them says: "declined to confirm the strike", "refused to claim it".
WITHHOLDING_VERBS = frozenset({"decline", "refuse", "fail", "deny", "reject"})


def withheld(verb: Token) -> bool:
    """"has not claimed", "never admitted", "declined to confirm", "has yet to claim", "has not confirmed or claimed":
    what the verb says is denied or withheld."""
    if any(c.dep_ == "neg" or c.lower_ in {"never", "neither", "nor"} for c in verb.children):
        return True
    if verb.dep_ == "xcomp" and (verb.head.lemma_.lower() in WITHHOLDING_VERBS
                                 or any(c.lower_ == "yet" for c in verb.head.children)):
        return True
    return verb.dep_ == "conj" and verb.head is not verb and withheld(verb.head) and any(
        c.dep_ == "cc" and c.lower_ in {"or", "nor"} for c in verb.head.children)


def withheld_claim(verb: Token) -> bool:
    """"X has not claimed / admitted / taken responsibility": no claim, and no denial either ("does not accept
    responsibility" is one)."""
    return verb.lemma_.lower() in ADMIT_VERBS - {"accept"} and withheld(verb)
