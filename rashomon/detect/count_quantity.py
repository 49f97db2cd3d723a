"""Which casualty quantity a count is (killed, wounded, dead, missing, captured or other): numbers.py's docstring says
where it is read from; this module reads it.

Held people (lexicon.STATUS_QUANTITY_NOUNS: hostages, prisoners, POWs) are captured only when taken in the event: a
count of them that is freed, still held or only there (`NOT_CAPTURING_VERBS`: "four hostages were rescued", "193 POWs
were at the facility") is "other", and one killed ("40 POWs killed by a strike") is killed. Suspects arrested or
detained over an attack are no casualty (lexicon.QUANTITY_WORDS has no "arrest" / "detain"; the price: a side's
soldiers "detained" by the other are missed too). "Massacre" and "eliminate" are casualty words: a count takes them
only when it counts people (`is_person`: "eliminated four Hamas leaders", not "eliminated 20 targets");
casualty_subjects.py reads them as death words as well.
"""

from __future__ import annotations

from spacy.tokens import Token

from ._syntax import PartyIndex, child
from .count_parts import among_quantity
from .lexicon import CASUALTY_NOUNS, QUANTITY_WORDS, STATUS_QUANTITY_NOUNS, TOLL_SETTING_VERBS

#: Verbs and nouns under which a count of held people (STATUS_QUANTITY_NOUNS) is no capture in the event: the people
#: are freed, exchanged, already held, or only there ("four hostages were rescued", "120 hostages are still held",
#: "193 POWs were at the facility", "a prison which holds 3,000 prisoners", "the freed hostages", "the release of 50
#: hostages", "the exchange involved 103 prisoners"). The price: "gunmen holding 30 hostages" in a siege is missed.
NOT_CAPTURING_VERBS: frozenset[str] = frozenset(
    {"rescue", "free", "release", "liberate", "return", "exchange", "swap", "hold", "keep", "house", "be", "remain",
     "repatriate", "repatriation", "reunite", "evacuate", "transfer", "hand", "handover", "receive", "liberation"})
_AUX_WORDS = {"were", "was", "are", "is", "have", "has", "had", "been", "being", "be", "reportedly", "also", "later",
              "all", "allegedly", "now", "confirmed", "already", "reported", "feared", "believed", "presumed",
              "thought", "still", "officially", "listed", "declared", "said", "understood", "known", "to", "later",
              "subsequently", "either", "both", "each", "so", "far", "found", "seriously", "critically", "lightly",
              "severely", "fatally", "mortally", "badly"}
#: Nouns whose "of" phrase counts the dead: "the bodies of 42 servicemen".
_DEAD_OF = {"body", "remains", "death", "funeral", "corpse", "killing", "murder"}
# what one loses without dying ("two soldiers lost their legs": wounded; "lost their lives": dead)
_BODY_PARTS = {"limb", "leg", "arm", "hand", "foot", "feet", "eye", "eyesight", "sight", "finger", "toe", "hearing"}


def quantity_word(t: Token) -> str | None:
    if t.lemma_.lower() == "lose" and any(c.dep_ == "dobj" and c.lemma_.lower() in _BODY_PARTS for c in t.children):
        return "wounded"   # "lost their legs"
    return QUANTITY_WORDS.get(t.lemma_.lower()) or QUANTITY_WORDS.get(t.lower_)


def is_person(noun: Token | None, pidx: PartyIndex) -> bool:
    if noun is None:
        return True
    lemma = noun.lemma_.lower()
    # "Palestinians", "Israelis": a plural nationality is people, whether or not it is a party
    nationality = noun.ent_type_ == "NORP" and noun.tag_ in {"NNPS", "NNS"}
    return lemma in CASUALTY_NOUNS or noun.lower_ in CASUALTY_NOUNS or noun.i in pidx.by_token or nationality


def _governing_quantity(arg: Token) -> str | None:
    """The casualty verb governing the counted phrase: "X killed two soldiers", "two soldiers died"."""
    head = arg.head
    while head.dep_ == "conj" and arg.dep_ == "conj" and head.pos_ not in {"VERB", "AUX"}:
        head = head.head
    return quantity_word(head) if head.pos_ in {"VERB", "AUX", "ADJ"} else None


def _numbered(arg: Token) -> bool:
    """Does a number count `arg` ("two children"), not an article ("a girl")?"""
    return any(c.dep_ == "nummod" for c in arg.children) or arg.like_num


def _among_quantity(among: Token) -> str | None:
    """The casualty quantity an "among" phrase names: "among the dead", "among the captured", "among those killed",
    "among the 20 people killed"; not held people themselves ("among the 13 hostages released": no capture)."""
    for g in (g for g in among.children if g.dep_ == "pobj"):
        if g.lemma_.lower() in STATUS_QUANTITY_NOUNS:
            continue
        q = quantity_word(g) or next((quantity_word(c) for c in g.children if c.dep_ == "acl"), None)
        if q is not None:
            return q
    return None


def _suffered(verb: Token, injury: Token) -> str:
    """"31 people suffered injuries" are wounded; "sustained fatal wounds", "suffered injuries and died later" dead."""
    if any(m.dep_ == "amod" and m.lower_ in {"fatal", "mortal", "deadly"} for m in injury.children) or any(
            c.dep_ == "conj" and quantity_word(c) in {"dead", "killed"}
            and not any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children) for c in verb.children):
        return "dead"
    return "wounded"


def _loose_subject(arg: Token) -> bool:
    """A counted phrase the parser left loose before its verb: "All 298 people aboard, 80 children among them, are
    reported to have died" hangs "people" on "reported" as "dep" and takes the part for the subject."""
    return arg.dep_ == "dep" and arg.i < arg.head.i and arg.head.pos_ in {"VERB", "AUX"}


def _predicate_quantity(arg: Token) -> str | None:
    """What is said of a counted phrase besides its verb: "53 POWs feared dead", "40 prisoners and eight staff were
    killed" (the phrase misparsed as the object of "saying"): the verb's complement, "two children were among the
    dead" (a number, not "a girl was": a person, count_parts.py), "31 people suffered injuries", or the words right
    after the whole phrase."""
    head = arg.head
    if arg.dep_ in {"nsubj", "nsubjpass"} or _loose_subject(arg):
        for c in head.children:
            if c.dep_ in {"oprd", "acomp", "xcomp"} and (q := quantity_word(c)) is not None:
                return q
            if c.dep_ == "prep" and c.lower_ == "among" and head.lemma_ == "be" and _numbered(arg) and (
                    q := _among_quantity(c)) is not None:
                return q
            if c.dep_ == "dobj" and head.lemma_.lower() in _SUFFER and quantity_word(c) == "wounded":
                return _suffered(head, c)
    doc, i = arg.doc, arg.right_edge.i + 1
    while i < len(doc) and doc[i].lower_ in _AUX_WORDS:
        i += 1
    if i > arg.right_edge.i + 1 and i < len(doc) and doc[i].pos_ in {"VERB", "ADJ"}:
        return quantity_word(doc[i])   # only after an auxiliary: "… were killed", not "… killed" (a new clause)
    return None


#: Verbs of being taken to hospital: "… were taken / rushed / admitted to hospital".
_TO_HOSPITAL = frozenset({"take", "rush", "admit", "carry", "evacuate"})
#: Verbs of being in hospital as a state: "eight people were / remain in hospital", "12 were treated in hospital".
_IN_HOSPITAL = frozenset({"be", "remain", "stay", "treat", "hospitalise", "hospitalize"})
#: Who is in a hospital without being hurt ("300 patients were in hospital"): with "be" only.
_HOSPITAL_PEOPLE = frozenset({"patient", "staff", "newborn", "displaced"})


def _at_a_moment(verb: Token) -> bool:
    """Does a clause or phrase of `verb` set it at a moment ("were in hospital when the missile hit", "at the time of
    the raid", "during the raid")? Then the hospital is where they were, not their state."""
    for c in verb.children:
        if c.dep_ == "advcl" and any(m.dep_ == "advmod" and m.lower_ in {"when", "while"} for m in c.children):
            return True
        if c.dep_ == "prep" and (c.lower_ == "during" or c.lower_ == "at" and any(
                g.lemma_.lower() == "time" for g in c.children)):
            return True
    return False


def _to_hospital(verb: Token, counted: Token | None = None) -> bool:
    """"… were taken / rushed / admitted to (a nearby) hospital", "… remain / were treated in (the) hospital", "…
    were in hospital": the people are wounded; not "… taken to hospital, where they died", nor "as a precaution", nor
    "taken to hospital staff", nor "officers took the suspect to hospital" (someone else taken). With "be", "in
    hospital" is a state only bare (not "in the hospital", "in Nasser hospital"), not of its patients or the
    displaced sheltering there (`counted`), and not at a moment (`_at_a_moment`)."""
    lemma = verb.lemma_.lower()
    if lemma not in _TO_HOSPITAL | _IN_HOSPITAL or any(c.dep_ == "dobj" for c in verb.children) or any(
            w.lemma_.lower() in {"die", "dead", "death", "precaution"} for w in verb.doc[verb.i:verb.sent.end]):
        return False
    if lemma in _IN_HOSPITAL and _at_a_moment(verb):
        return False
    if counted is not None and (lemma == "be" and counted.lemma_.lower() in _HOSPITAL_PEOPLE or lemma in _IN_HOSPITAL
                                and any(m.lower_ == "displaced" for m in counted.children)):
        return False
    preps = {"in", "at"} if lemma in _IN_HOSPITAL else {"to", "into"}
    return any(c.dep_ == "prep" and c.lower_ in preps and any(
        g.dep_ == "pobj" and g.lemma_.lower() == "hospital" and not (lemma == "be" and any(
            d.dep_ in {"det", "compound", "amod", "poss", "nmod", "nummod"} for d in g.children))
        for g in c.children) for c in verb.children)


def _dead_of(arg: Token) -> bool:
    """"the bodies of 42 servicemen", "the remains of three hostages": the count is of the dead."""
    holder = arg.head.head
    return arg.dep_ == "pobj" and arg.head.lower_ == "of" and (
        holder.lemma_.lower() in _DEAD_OF or holder.lower_ in _DEAD_OF)


#: Verbs whose subject has what their object names: "31 people suffered injuries" are wounded.
_SUFFER = frozenset({"suffer", "sustain", "receive"})
#: Verbs whose subject did the harm when they have an object ("two gunmen killed three soldiers"); not "lose" or
#: "suffer", whose subject is the victim ("two soldiers lost their lives").
_DOING_HARM = frozenset({"kill", "wound", "injure", "murder", "slay", "execute", "shoot", "capture", "massacre"})


def _held_status(arg: Token, noun: Token) -> str | None:
    """What is said of a count of held people besides their being held: freed, exchanged, still held or only there
    ("four hostages were rescued", "193 POWs were at the facility", "the freed hostages", "the release of 50 hostages",
    "in exchange for 150 prisoners") they are no capture in the event ("other"); "40 POWs killed by a strike" are
    killed. None when neither is said."""
    said = [c for c in noun.children if c.dep_ in {"acl", "amod", "relcl"}]
    verbs = [*said, arg.head] if arg.dep_ in {"dobj", "nsubjpass", "nsubj"} else list(said)
    if arg.dep_ == "pobj" and arg.head.lower_ in {"of", "for"}:
        verbs.append(arg.head.head)   # "the release of 50 hostages", "in exchange for 150 prisoners"
    if arg.dep_ == "dobj":
        verbs.extend(c for c in arg.head.children if c.dep_ == "nsubj")   # "the exchange involved 103 prisoners"
    if any(v.lemma_.lower() in NOT_CAPTURING_VERBS for v in verbs):
        return "other"
    # "POWs killed by a strike"; not a clause of what they did ("hostages … that killed 274"): no object of its own
    return next((q for c in said if c.dep_ in {"acl", "amod"} and not any(g.dep_ == "dobj" for g in c.children)
                 and (q := quantity_word(c)) not in (None, "captured")), None)


def read_quantity(arg: Token, noun: Token | None, run_end: int, pidx: PartyIndex, *, noun_itself: bool = True) -> str:
    """The casualty quantity of a count (module docstring); `noun_itself`: whether the counted noun may be the
    quantity on its own ("two prisoners" are captured)."""
    doc = arg.doc
    casualty = is_person(noun, pidx)
    if arg.dep_ == "nsubj" and arg.head.lemma_.lower() in _DOING_HARM and any(
            c.dep_ == "dobj" for c in arg.head.children):
        return "other"   # "two gunmen killed three soldiers", "a sniper killed him": who killed, not who died
    if _dead_of(arg):
        return "dead"   # "the bodies of 42 servicemen", "the bodies of six hostages"
    if noun is not None and noun.lemma_.lower() in STATUS_QUANTITY_NOUNS:
        if arg.dep_ in {"dobj", "nsubjpass", "nsubj"}:
            q = _governing_quantity(arg) or _predicate_quantity(arg)  # "killed 13 hostages" are dead, not captured
            if q is not None and q != "captured":
                return q
            if not noun_itself:
                return "other"
        if q := _held_status(arg, noun):
            return q
    # the counted word is itself a quantity: "14 wounded", "three dead", "five deaths", "two prisoners"
    if noun is not None and noun_itself:
        q = quantity_word(noun)
        if q is not None and noun.pos_ in {"NOUN", "ADJ", "VERB"} and noun.i == run_end + 1:
            return q
        if noun.lemma_.lower() in {"death", "fatality", "injury", "prisoner", "hostage", "pow", "body", "dead",
                                   "wounded", "injured"}:
            return quantity_word(noun) or "other"
    # surface: "<number/noun> were killed", "people are missing"
    i = (noun.i if noun is not None else run_end) + 1
    while i < len(doc) and doc[i].lower_ in _AUX_WORDS:
        i += 1
    if i + 1 < len(doc) and casualty and doc[i].lemma_.lower() == "take" and doc[i + 1].lemma_.lower() in {
            "prisoner", "captive", "hostage"}:
        return "captured"  # "were taken prisoner"
    if casualty and (i < len(doc) and _to_hospital(doc[i], noun) or arg.dep_ in {
            "nsubj", "nsubjpass"} and arg.head.lemma_.lower() in _IN_HOSPITAL and _to_hospital(arg.head, noun)):
        return "wounded"   # "two people had been taken to hospital with gunshot wounds", "eight were in hospital"
    if i < len(doc) and casualty:
        q = quantity_word(doc[i])
        if q is not None and doc[i].pos_ in {"VERB", "ADJ", "NOUN", "AUX"}:
            return q
    # modifiers of the counted noun: "wounded soldiers", "soldiers killed in …"
    if noun is not None and casualty:
        for c in noun.children:
            if c.dep_ in {"amod", "acl", "relcl", "compound"}:
                q = quantity_word(c)
                if q is not None:
                    return q
    # the governing verb: "X killed two soldiers", "two soldiers died", "killing three civilians"
    if casualty and (arg.dep_ in {"nsubj", "nsubjpass", "dobj", "conj"} or _loose_subject(arg)):
        q = _governing_quantity(arg) or _predicate_quantity(arg)   # "… soldiers were reported wounded"
        if q is not None:
            return q
    # "the death toll rose to 5", "the death toll now stands at 50 people", "the death toll is 50"; a verb that sets
    # the toll as its object: "officials put the death toll at 53", "the strike brought the number of dead to 16"
    holders: list[Token | None] = []
    if arg.dep_ == "pobj" and arg.head.lower_ in {"to", "at", "as"} or arg.dep_ == "attr":
        verb = arg.head.head if arg.dep_ == "pobj" else arg.head
        holders = [child(verb, "nsubj")] if arg.dep_ == "attr" or arg.head.lower_ != "as" else []
        if arg.dep_ == "pobj" and verb.lemma_.lower() in TOLL_SETTING_VERBS:
            holders.append(child(verb, "dobj"))
        elif arg.dep_ == "pobj" and verb.dep_ == "acl" and verb.head.head.lemma_.lower() in TOLL_SETTING_VERBS:
            holders.append(verb.head)   # "put the number killed at more than 60" ("at" hung on "killed")
    elif arg.dep_ == "dobj" and arg.head.lemma_.lower() in {"reach", "hit"}:
        holder = child(arg.head, "nsubj")   # "the death toll has reached 82"
        holders = [holder] if holder is not None and holder.lemma_.lower() in {"toll", "number"} else []
    for holder in holders:
        for w in holder.subtree if holder is not None else ():
            q = quantity_word(w)
            if q is not None:
                return q
    if casualty and (q := among_quantity(arg)) is not None:
        return q   # "nine children among 20 dead" (count_parts.py)
    # "the deaths of a colonel and two soldiers": a conjoined person shares the first one's quantity
    if arg.dep_ == "conj" and arg.head is not arg and is_person(arg.head, pidx) and casualty:
        return read_quantity(arg.head, arg.head, arg.head.i, pidx, noun_itself=False)
    return "other"
