"""Generic English lexicons shared by the detectors.

Nothing here names a conflict, a country or a party: party names come only from the event's `[[parties]]`.
Every set holds lower-case lemmas (what spaCy's lemmatiser returns) unless its name says otherwise.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

# --- attribution -------------------------------------------------------------------------------------------------

#: Verbs that, given a subject, report someone else's speech, writing or belief.
SPEECH_VERBS: frozenset[str] = frozenset(
    {
        "say", "state", "claim", "add", "note", "announce", "report", "warn", "urge", "vow", "tell", "accuse",
        "blame", "insist", "deny", "confirm", "allege", "assert", "declare", "emphasize", "emphasise", "stress",
        "write", "tweet", "post", "argue", "explain", "voice", "reiterate", "acknowledge", "admit", "maintain",
        "charge", "contend", "condemn", "reject", "dismiss", "threaten", "pledge", "promise", "inform", "suggest",
        "believe", "think", "consider", "suspect", "estimate", "describe", "quote", "cite", "repeat", "respond",
        "reply", "retort", "comment", "observe", "mention", "indicate", "specify", "clarify", "underline",
        "underscore", "highlight", "demand", "appeal", "protest", "decry", "denounce", "slam", "criticise",
        "criticize", "affirm", "concede", "recall", "predict", "complain", "assure", "conclude", "disclose",
        "reveal", "publish", "broadcast", "plead", "refute", "rebut", "attribute", "ascribe", "hint", "speculate",
        # characterising what the source names: "Russia labels Ukrainian attack as terrorist" is Russia's account
        "label", "brand", "dub", "term", "characterize", "characterise", "portray",
        # only with a particle or preposition (checked in voice.py): point out / point to, call for / call on,
        # read (only with a document subject: "the statement read"), put down to ("put the attack down to X")
        "point", "call", "read", "put",
    }
)
#: Verbs that attribute an act to someone ("attributed the blast at the depot to X", "ascribed it to X", "put the
#: attack down to X"): the claim sits in their phrases ("put" only with "down": checked where used).
ATTRIBUTING_VERBS = frozenset({"attribute", "ascribe", "put"})
#: Speech verbs that need a particular particle/preposition child to be reporting ("call for", "point to").
SPEECH_VERBS_NEEDING_PREP: dict[str, frozenset[str]] = {
    "point": frozenset({"out", "to"}),
    "call": frozenset({"for", "on", "upon"}),
    "put": frozenset({"down"}),
}
#: Nouns for documents that "read"/"say" on someone's behalf ("the statement read", "a ministry statement said").
DOCUMENT_NOUNS: frozenset[str] = frozenset(
    {"statement", "communique", "communiqué", "message", "letter", "report", "post", "tweet", "release", "note",
     "declaration", "bulletin", "briefing", "notice", "readout", "transcript", "document"}
)
#: Verbs of accusing: "X accused Y of V-ing", "X blamed Y for N". The act's actor is Y.
ACCUSE_VERBS: frozenset[str] = frozenset({"accuse", "blame", "charge", "hold", "condemn", "denounce", "suspect"})
#: Verbs whose party object is blamed for the event even without "for …": "Hamas immediately blamed Israel".
BARE_BLAME_VERBS: frozenset[str] = frozenset({"blame", "condemn"})
#: What one denies having had in an event: "denied any involvement / responsibility / a role".
INVOLVEMENT_NOUNS: frozenset[str] = frozenset({"involvement", "responsibility", "role", "participation", "culpability",
                                               "complicity", "part"})
#: What a party rejects when it denies being blamed: "X rejected the accusations" (no content given) is X's denial.
ACCUSATION_NOUNS: frozenset[str] = frozenset({"accusation", "allegation", "charge", "blame", "claim"})
#: Verbs whose complement is denied: acts inside it are `negated`.
DENIAL_VERBS: frozenset[str] = frozenset({"deny", "reject", "refute", "rebut", "dismiss", "rebuff", "disprove"})
#: Sources named by no party that speak for the place the event happened in ("officials said", "rescuers said").
LOCAL_SOURCES: frozenset[str] = frozenset({
    "officials", "official", "authorities", "local authorities", "local officials", "regional authorities",
    "city officials", "health officials", "governor", "regional governor", "mayor", "rescuers", "emergency services",
    "medics", "paramedics"})
#: Words of invading: in an event that is not itself an invasion or incursion (its title, keywords or wording pairs),
#: "Russia's invasion", "before Russia invaded" is the war the event happens in, background.
INVASION_WORDS: frozenset[str] = frozenset({"invasion", "invade"})
#: What makes an event one (in its title, keywords or a loaded word): also "a cross-border incursion".
INVASION_EVENT_WORDS: re.Pattern[str] = re.compile(r"\b(?:invasion|invade[sd]?|invading|incursion)\b", re.I)
#: Verbs of what befalls someone or where it happens: a denial above them denies the outcome or the place, not the act
#: under them ("rejected reports that its negotiators died in the strike").
UNDERGOING_VERBS: frozenset[str] = frozenset({"die", "come", "suffer", "sustain", "result"})
#: Verbs of where or when something happened: undergoing only with a phrase of place ("took place on its soil").
HAPPENING_VERBS: frozenset[str] = frozenset({"happen", "occur"})
#: Predicates that dismiss an accusation used as a subject ("Armenia accusing X of ... is nothing but hypocrisy").
DISMISSIVE_WORDS: frozenset[str] = frozenset(
    {"hypocrisy", "lie", "lies", "fabrication", "slander", "disinformation", "propaganda", "baseless", "groundless",
     "false", "untrue", "absurd", "fake", "provocation", "nonsense", "unfounded", "fabricated", "fiction", "hoax",
     "invention", "misinformation", "falsehood", "smear", "distortion", "unsubstantiated", "invented", "fantasy",
     "ridiculous", "slanderous", "lying"}
)
#: Subjects that negate their clause: "none of the evidence points to …", "nothing suggests …" (or any "no" subject).
NEGATIVE_SUBJECTS: frozenset[str] = frozenset({"none", "nothing", "nobody", "neither", "no-one"})
#: Adjectives that dismiss a claim when negated ("the claims are not true").
TRUTH_WORDS: frozenset[str] = frozenset({"true", "correct", "accurate", "right", "credible", "valid"})
#: Nouns for a claim: a claim whose predicate is dismissive ("X's claims that … are lies") negates what it holds.
CLAIM_NOUNS: frozenset[str] = frozenset(
    {"claim", "allegation", "accusation", "charge", "assertion", "report", "suggestion", "story", "rumour", "rumor",
     "version", "narrative", "statement", "insinuation", "speculation"}
)
#: Prepositions naming whose claim a claim noun is ("claims by the Ukrainian side that …", "assertions of the
#: ministry that …"; "of" only when the claim has a separate "that"-clause: act_speakers.py).
CLAIMANT_PREPS: frozenset[str] = frozenset({"by", "from", "of"})
#: First-person pronouns: inside a quotation they are the quoted source itself.
FIRST_PERSON: frozenset[str] = frozenset({"i", "we", "us", "our", "ours", "me", "my", "'s", "’s"})  # "let's say"
#: Words that make an act noun two-sided: "Thailand, Cambodia exchange fire", "a mutual shelling": no party before
#: the noun is its one actor (a title-case headline parses "X, Y Exchange Fire" as X's fire).
MUTUAL_MODIFIERS: frozenset[str] = frozenset({"exchange", "trade", "mutual", "reciprocal"})
#: Nouns of places and facilities: a party named before one in a compound says where, not who ("Ukraine train
#: station attack", "Gaza hospital blast"), while "Russian missile attack" names the attacker.
FACILITY_NOUNS: frozenset[str] = frozenset(
    {"station", "hospital", "school", "city", "town", "village", "market", "mall", "bridge", "dam", "plant", "port",
     "airport", "building", "apartment", "residential", "border", "church", "mosque", "camp", "prison", "embassy",
     "consulate", "pipeline", "railway", "rail", "train", "power", "stadium", "theatre", "theater", "shopping",
     "annex", "compound", "facility", "base", "outpost", "depot", "warehouse", "residence", "headquarters"})
#: Pronouns that point back to an earlier source or party.
REFERRING_PRONOUNS: frozenset[str] = frozenset({"it", "he", "she", "they", "its", "his", "her", "their", "them"})

#: Canonical institution names, checked in this order against the lower-cased source phrase (regular expressions).
#: Organisations come before "spokesperson" so a "State Department spokesperson" speaks for the State Department.
INSTITUTIONS: tuple[tuple[str, str], ...] = (
    ("Defence Ministry", r"\b(defen[cs]e\s+(ministry|minister|department)|ministry\s+of\s+defen[cs]e|"
                         r"department\s+of\s+defen[cs]e|mod)\b"),
    ("Foreign Ministry", r"\b(foreign\s+(affairs\s+)?(ministry|minister|office)|ministry\s+of\s+foreign\s+affairs|"
                         r"mfa)\b"),
    ("Interior Ministry", r"\b(interior\s+(ministry|minister)|ministry\s+of\s+(the\s+)?interior|"
                          r"ministry\s+of\s+internal\s+affairs)\b"),
    ("State Department", r"\bstate\s+department\b"),
    ("Prime Minister", r"\b(prime\s+minister|premier)\b"),
    ("President", r"\b(president|presidential|presidency)\b"),
    ("peacekeepers", r"\bpeace-?keep\w*"),
    ("military", r"\b(army|military|armed\s+forces|general\s+staff|troops|forces|command)\b"),
    ("government", r"\b(government|cabinet)\b"),
    ("ministry", r"\bministry\b"),
    ("spokesperson", r"\bspokes(person|man|woman|people)\b"),
    ("officials", r"\bofficials?\b"),
    ("authorities", r"\bauthorities\b"),
)

# --- hostile acts --------------------------------------------------------------------------------------------------

ACTIONS: tuple[str, ...] = (
    "attack", "fire", "shell", "kill", "violate_ceasefire", "provoke", "seize", "retaliate", "operation", "strike",
    "back", "down",
)
#: Verb lemma -> action, noun lemma -> action, and the verbs that are an attack on a vessel (act_words.toml).
_ACT_WORDS = tomllib.loads((Path(__file__).with_name("act_words.toml")).read_text(encoding="utf-8"))
HOSTILE_VERBS: dict[str, str] = dict(_ACT_WORDS["verbs"])
VESSEL_VERBS: frozenset[str] = frozenset(_ACT_WORDS["vessel_verbs"]["verbs"])
VESSEL_NOUNS: frozenset[str] = frozenset(_ACT_WORDS["vessel_verbs"]["objects"])
SUBJECT_VERBS: frozenset[str] = frozenset(_ACT_WORDS["with_subject"]["verbs"])
IMPACT_VERBS: frozenset[str] = frozenset(_ACT_WORDS["weapon_impact"]["verbs"])
OPEN_GROUND_NOUNS: frozenset[str] = frozenset(_ACT_WORDS["weapon_impact"]["open_ground"])
DOWNED_MODIFIERS: frozenset[str] = frozenset(_ACT_WORDS["weapon_impact"]["downed"])
STOPPING_VERBS: frozenset[str] = frozenset(_ACT_WORDS["stopping"]["verbs"])
ANSWERED_NOUNS: frozenset[str] = frozenset(_ACT_WORDS["answered"]["nouns"])
DOMAIN_NOUNS: frozenset[str] = frozenset(_ACT_WORDS["conjoined"]["domain_nouns"])
RECIPROCAL_VERBS: frozenset[str] = frozenset(_ACT_WORDS["reciprocal"]["verbs"])
RECIPROCAL_OBJECTS: frozenset[str] = frozenset(_ACT_WORDS["reciprocal"]["objects"])
#: Phrasal verbs (lemma, particle) -> action: "blew up the dam", "was blown up by X".
PHRASAL_HOSTILE_VERBS: dict[tuple[str, str], str] = {
    ("blow", "up"): "attack", ("wipe", "out"): "kill",   # "Russia wipes out 60 Ukrainian troops"
}
#: Munitions: "launched/used/deployed" with one of these is a strike ("drones launched by X", "X used missiles").
WEAPON_NOUNS: frozenset[str] = frozenset(
    {"missile", "rocket", "drone", "shell", "bomb", "mortar", "projectile", "munition", "grenade", "artillery",
     "warhead", "uav", "interceptor", "torpedo", "ammunition", "explosive"}
)
#: Verbs that put a weapon to use: with a weapon object (or modifying a weapon noun) they are a strike.
WEAPON_USE_VERBS: frozenset[str] = frozenset({"launch", "use", "deploy", "employ", "fire"})
#: Aircraft and munitions: "shot down"/"intercepted" with one of these as object is an interception, a defensive act.
AERIAL_NOUNS: frozenset[str] = WEAPON_NOUNS | frozenset(
    {"jet", "plane", "aircraft", "helicopter", "fighter", "bomber", "warplane", "airplane", "chopper"})
#: Verbs that are a ceasefire violation when their object is a ceasefire-like noun.
VIOLATE_VERBS: frozenset[str] = frozenset({"violate", "breach", "break", "flout", "undermine"})
CEASEFIRE_NOUNS: frozenset[str] = frozenset(
    {"ceasefire", "cease-fire", "truce", "armistice", "agreement", "accord", "deal", "regime", "fire", "statement",
     "arrangement", "commitment", "obligation"}
)
#: Objects whose violation or crossing is an incursion: "violated its airspace", "crossed the border".
SOVEREIGN_NOUNS: frozenset[str] = frozenset({"airspace", "border", "sovereignty", "frontier", "waters"})
#: Verbs of forcing a way into a place: "tried to break into the territory of the Kursk region" is an attack when what
#: follows "into" is a territory or a sovereign noun (not a city: "rebels marched into Goma" is the event's course,
#: not who started it; benchmark dev).
INCURSION_VERBS: frozenset[str] = frozenset({"break", "storm", "infiltrate", "penetrate", "push", "pour", "march",
                                            "advance", "barge", "burst"})
TERRITORY_NOUNS: frozenset[str] = frozenset({"territory", "region", "province", "oblast", "district", "country",
                                            "land"})
#: Verbs that are a seizure when their object is "control" ("took control of", "were taken under control").
CONTROL_VERBS: frozenset[str] = frozenset({"take", "gain", "establish", "regain", "seize", "assume", "retake"})
#: Seizure verbs that describe taking something back: a response, never the initiating act.
RECOVERY_VERBS: frozenset[str] = frozenset({"liberate", "recapture", "regain", "retake", "reclaim"})
#: Support verbs that turn a hostile noun into an act of their subject ("launched an attack", "carried out strikes").
SUPPORT_VERBS: frozenset[str] = frozenset(
    {"launch", "carry", "conduct", "commit", "stage", "mount", "open", "unleash", "perpetrate", "make", "undertake",
     "begin", "start", "initiate", "resume", "continue", "return", "deliver", "inflict", "wage", "take", "instigate",
     "organise", "organize", "orchestrate", "plan", "attempt", "order", "prepare", "plot", "mastermind", "step",
     "intensify", "escalate"}
)
#: "started/triggered the fighting": a verb of starting with an escalation noun as its object is a provocation.
STARTER_VERBS: frozenset[str] = frozenset(
    {"start", "begin", "initiate", "trigger", "spark", "unleash", "ignite", "instigate", "provoke", "launch", "cause",
     "declare", "wage", "incite", "foment", "stoke", "fuel", "escalate"}
)
ESCALATION_NOUNS: frozenset[str] = frozenset(
    {"fighting", "clash", "hostility", "hostilities", "war", "escalation", "conflict", "violence", "flare-up",
     "skirmish", "battle", "confrontation", "incident", "tension", "exchange"}
)
#: Noun lemma -> action.
HOSTILE_NOUNS: dict[str, str] = dict(_ACT_WORDS["nouns"])
#: Generic nouns that are hostile acts only with a hostile or retaliatory modifier ("terrorist action",
#: "retaliatory measure", "counter operation").
GENERIC_ACT_NOUNS: frozenset[str] = frozenset(
    {"action", "measure", "move", "act", "response", "step", "activity", "crime"})
HOSTILE_MODIFIERS: frozenset[str] = frozenset(
    {"terrorist", "sabotage", "military", "armed", "hostile", "aggressive", "subversive", "combat", "punitive", "war",
     "terror"}
)
#: "an act of terror / of war / of aggression": the generic noun with one of these (or a hostile noun) after "of".
ACT_OF_NOUNS: frozenset[str] = frozenset({"war", "terror", "terrorism", "aggression", "sabotage", "violence"})
#: Modifiers that make an act one that has not happened (yet): "an expected offensive", "a possible attack".
IRREALIS_MODIFIERS: frozenset[str] = frozenset(
    {"expected", "anticipated", "possible", "potential", "imminent", "looming", "impending", "planned", "feared",
     "future", "likely", "threatened", "prospective", "upcoming", "hypothetical",
     # hedged: "a suspected Israeli strike", "the alleged attack" do not assert who did it
     "suspected", "alleged", "purported", "presumed", "apparent"}
)
#: Verbs of one party backing another in its fight ("accused X of backing the rebels"): an act `back`, a source's
#: blame of the backer (blame_drafts.backing_drafts), never an own-voice verdict.
BACKING_VERBS: frozenset[str] = frozenset({"back", "support", "arm", "fund", "finance", "sponsor", "bankroll"})
#: Adverbs that hedge the verb they modify: "the drones which allegedly targeted X" does not assert the act.
HEDGE_ADVERBS: frozenset[str] = frozenset({"allegedly", "purportedly", "supposedly", "ostensibly", "reportedly"})
#: Verbs that hedge the act of their complement: "what appears to have been a US strike", "Russia seems to have fired".
HEDGE_VERBS: frozenset[str] = frozenset({"appear", "seem"})
#: Verbs whose participle on a noun names a standing condition, not this event's act ("all land occupied by X").
STANDING_PARTICIPLES: frozenset[str] = frozenset({"occupy", "annex"})
#: Modal auxiliaries: an act under one of these has not happened ("will continue strikes", "could attack").
MODAL_AUX: frozenset[str] = frozenset(
    {"will", "would", "could", "might", "may", "shall", "should", "can", "wo", "must"})
#: Verbs whose infinitive or object is an act not yet carried out ("threatened to attack", "preparing an offensive").
IRREALIS_VERBS: frozenset[str] = frozenset(
    {"threaten", "plan", "intend", "vow", "pledge", "promise", "expect", "prepare", "warn", "want", "hope", "aim",
     "plot", "consider", "contemplate", "fear", "predict", "anticipate", "urge", "ask", "propose", "refuse",
     "appeal", "reconsider", "implore", "beg"}
)
#: Verbs whose direct object is an act not yet carried out ("preparing an offensive", "threatened a strike").
IRREALIS_OBJECT_VERBS: frozenset[str] = frozenset(
    {"prepare", "plan", "plot", "threaten", "contemplate", "consider", "propose", "fear", "expect", "anticipate",
     "predict", "envisage", "rehearse"}
)
#: Prepositions (with "of"/"for") that put an act in the future: "ahead of an offensive", "in preparation for".
IRREALIS_PREP_HEADS: frozenset[str] = frozenset({"ahead", "preparation", "anticipation", "expectation", "prospect",
                                                  "threat", "risk", "danger", "fear", "fears", "warning"})
#: Nouns of responsibility: "X bears (full) responsibility for N", "X is responsible for N", "X is to blame for N".
RESPONSIBILITY_WORDS: frozenset[str] = frozenset({"responsibility", "responsible", "blame", "culpable", "guilty",
                                                  "accountable", "liable"})
#: Verbs with which a party takes responsibility itself: "X claimed responsibility for the attack" (its own claim).
ADMIT_VERBS: frozenset[str] = frozenset({"claim", "admit", "accept", "acknowledge", "assume", "take"})
#: Verbs that put blame on someone when their object is a responsibility word: "X lays the blame on Y", "X placed all
#: responsibility on Y", "X pinned the blame on Y". X speaks (voice.py); Y is the one held responsible (initiator.py).
BLAME_PLACING_VERBS: frozenset[str] = frozenset({"lay", "place", "put", "pin", "shift", "cast"})
#: What one can be held responsible for, besides hostile acts: the escalation or its outcome.
BLAME_OBJECT_NOUNS: frozenset[str] = frozenset(
    {"death", "deaths", "bloodshed", "killing", "casualty", "destruction", "incident", "explosion", "blast", "tragedy",
     "crisis", "situation", "deterioration", "suffering", "loss", "carnage", "attack", "provocation", "aggression",
     "crash", "disaster", "catastrophe"}   # "X bears responsibility for the crash" (a downed airliner)
)
#: Verbs of turning to a course of action: "X is resorting to provocations", "engaged in shelling".
RESORT_VERBS: frozenset[str] = frozenset({"resort", "engage", "embark", "persist", "indulge", "revert", "turn",
                                         "involve"})  # "X was involved in the strike"
#: Verbs of staging an event: inside an accusation ("accused Y of staging it") they make Y its author.
STAGE_VERBS: frozenset[str] = frozenset(
    {"stage", "orchestrate", "mastermind", "plot", "plan", "organise", "organize", "engineer", "perpetrate", "commit",
     "carry", "provoke", "instigate", "cause", "trigger", "spark", "start", "unleash", "initiate", "launch"}
)
#: Verbs whose subject is the author of the incident they take as object ("X masterminded the explosion", "they
#: organised the blasts"); a party subject starts it (initiator.py).
AUTHOR_VERBS: frozenset[str] = frozenset(
    {"stage", "orchestrate", "mastermind", "organise", "organize", "engineer", "perpetrate", "commit", "cause",
     "instigate", "trigger", "provoke", "sabotage"}
)
#: Nouns that say an act was a response: "the attack was a response to …".
RESPONSE_NOUNS: frozenset[str] = frozenset({"response", "retaliation", "reply", "answer", "reaction", "revenge",
                                            "reprisal", "retribution"})
#: Words whose "for"/"to" object is the act answered (act_words.toml [answered]).
ANSWER_GOVERNORS: frozenset[str] = RESPONSE_NOUNS | frozenset(_ACT_WORDS["answered"]["verbs"])
#: Modifiers that make any act a retaliation.
RETALIATION_MODIFIERS: frozenset[str] = frozenset(
    {"retaliatory", "retaliation", "counter", "counter-", "revenge", "reciprocal", "responsive", "response",
     "retribution", "punitive", "counterterrorism", "counter-terrorism"}
)
#: Verbs that put an act after another: "Pakistan's strike follows Iran's violation", "the strikes come a day after
#: Iran's attack" — the act they follow started it (GUIDE §10 rule 3).
SEQUENCE_VERBS: frozenset[str] = frozenset({"follow", "come"})
#: Verbs of an act's outcome: a "which/that" clause with one, hung on the act's object, tells what the act did
#: ("the attack on Armenian positions that killed three").
OUTCOME_VERBS: frozenset[str] = frozenset({"kill", "wound", "injure", "destroy", "damage", "leave", "claim"})
#: Prepositional phrases that make the act they attach to a response to what they contain.
RESPONSE_MARKERS: frozenset[str] = frozenset({"after", "following", "response", "retaliation", "reply", "answer"})
#: What provoking a reaction provokes: "provoked outrage / condemnation" is no provocation of violence.
REACTION_NOUNS: frozenset[str] = frozenset({"outrage", "anger", "condemnation", "criticism", "concern", "fear",
                                            "protest", "backlash", "reaction", "alarm", "fury", "uproar", "outcry",
                                            "debate", "speculation"})
#: Prepositions introducing the cause of an agentless act ("killed as a result of the sabotage carried out by X").
CAUSE_PREPS: frozenset[str] = frozenset({"as", "in", "during", "due", "because", "from", "amid", "by"})
#: Operations during which someone is killed without the operation saying who killed them: "reporter killed during an
#: Israeli army raid", "shot dead amid clashes" name the circumstance, not the killer (with "during" / "amid").
CIRCUMSTANCE_NOUNS: frozenset[str] = frozenset({"raid", "operation", "clash", "fighting", "confrontation"})
#: Modifiers of a nominal that name the target, not the actor ("attack on X", "fire at X").
TARGET_PREPS: frozenset[str] = frozenset({"against", "on", "at", "upon", "into", "toward", "towards", "in"})

#: Nouns for armed groups; "they"/"them" prefer these as antecedents; sent "into/onto" another's land they make an
#: incursion ("sending troops onto its territory": act_words).
FORCE_NOUNS: frozenset[str] = frozenset(
    {"force", "troop", "detachment", "unit", "soldier", "serviceman", "servicemen", "militant", "group", "army",
     "military", "fighter", "separatist", "rebel", "formation", "militia", "battalion", "brigade", "regiment",
     "member", "sniper", "gunman", "personnel", "post", "position", "guard"}
)

# --- time --------------------------------------------------------------------------------------------------------

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAY_PARTS: dict[str, str] = {
    "morning": "morning", "dawn": "morning", "daybreak": "morning", "sunrise": "morning",
    "afternoon": "afternoon", "midday": "afternoon", "noon": "afternoon",
    "evening": "evening", "dusk": "evening", "sunset": "evening",
    "night": "night", "overnight": "night", "midnight": "night", "nighttime": "night",
}
#: Nouns that name a war as a whole: "during the 44-day war" dates an act apart from the event.
WAR_NOUNS: frozenset[str] = frozenset({"war", "conflict", "campaign", "occupation"})
#: A gap of these before "after/before/since" sets an act apart from the event: "two weeks after X annexed …".
GAP_NOUNS: frozenset[str] = frozenset({"week", "month", "year", "decade"})
#: Nouns of duration: "for almost 30 years" dates an act apart from a few-days event.
LONG_DURATION_NOUNS: frozenset[str] = frozenset({"year", "years", "decade", "decades", "century", "centuries"})

# --- numbers: number words, vague quantities and qualifiers are in lexicon_numbers.py ---------------------------

#: Word -> casualty quantity (verbs, adjectives and nouns).
QUANTITY_WORDS: dict[str, str] = {
    "kill": "killed", "killed": "killed", "die": "dead", "dead": "dead", "death": "dead", "fatality": "dead",
    "toll": "dead", "perish": "dead", "body": "dead", "slay": "killed", "murder": "killed", "execute": "killed",
    "martyr": "killed", "martyred": "killed",   # "four soldiers were martyred", "15 martyrs" (not "assassinate": on
    # the benchmark's dev split 4 of its 6 counts were plots or other killings, "an attempt to assassinate an official")
    "wound": "wounded", "wounded": "wounded", "injure": "wounded", "injured": "wounded", "injury": "wounded",
    "hurt": "wounded", "hospitalize": "wounded", "hospitalise": "wounded",
    "miss": "missing", "missing": "missing", "disappear": "missing", "massacre": "killed", "eliminate": "killed",
    "capture": "captured", "captured": "captured", "prisoner": "captured",
    "hostage": "captured", "abduct": "captured", "kidnap": "captured", "seize": "captured", "pow": "captured",
    "lose": "dead",   # not "arrest" / "detain": suspects arrested over an attack are no casualty (count_quantity.py)
}
#: Verbs that set a toll as their object ("officials put the death toll at 53", "the strike brought the death toll to
#: 16", "raised the number of wounded to 75"): the count after "at" / "to" / "as" is the object's quantity.
TOLL_SETTING_VERBS: frozenset[str] = frozenset({"put", "bring", "raise", "revise", "estimate", "place", "set", "lift",
                                               "increase", "update", "give", "push", "take"})
#: Status nouns that are quantities themselves ("13 hostages" are captured), unless a casualty verb says otherwise
#: ("killed 13 hostages").
STATUS_QUANTITY_NOUNS: frozenset[str] = frozenset({"hostage", "prisoner", "captive", "detainee", "pow"})
#: Nouns for people, for which "a"/"an" counts as one ("an Azerbaijani soldier was killed").
CASUALTY_NOUNS: frozenset[str] = frozenset(
    {"soldier", "serviceman", "servicemen", "servicewoman", "troop", "officer", "civilian", "person", "people",
     "fighter", "militant", "guard", "policeman", "police", "man", "woman", "child", "resident", "member",
     "citizen", "journalist", "volunteer", "conscript", "sergeant", "commander", "private", "peacekeeper",
     "border guard", "worker", "medic", "doctor", "boy", "girl", "farmer", "shepherd", "villager", "contractor",
     "sniper", "reservist", "lieutenant", "captain", "major", "colonel", "general", "military", "personnel",
     "tourist", "pilgrim", "passenger", "student", "patient", "refugee", "protester", "protestor", "demonstrator",
     "staff", "staffer", "employee", "rescuer", "firefighter", "teacher", "nurse", "infant", "baby", "toddler",
     "teenager", "adult", "victim", "occupant", "inhabitant", "local", "mercenary", "insurgent", "gunman",
     "attacker", "terrorist", "jihadist", "combatant", "recruit", "paratrooper", "marine", "pilot", "crew",
     "crewman", "sailor", "airman", "trooper", "cadet", "guardsman", "rebel", "separatist", "partisan", "settler",
     "minor", "kid", "son", "daughter", "mother", "father", "family", "relative", "mourner", "guest", "worshipper",
     "hostage", "captive", "prisoner", "detainee", "individual", "human", "life", "soul", "casualty", "servicemember",
     "militiaman", "policeman", "policemen", "cop", "agent", "diplomat", "official", "aid worker", "paramedic",
     "reporter", "correspondent", "producer", "cameraman", "photographer", "photojournalist", "national",
     "others", "other", "more"})
#: People named by their post, killed as often as soldiers in headlines ("Hamas chief Ismail Haniyeh killed in …").
LEADER_NOUNS: frozenset[str] = frozenset({"leader", "chief", "head", "minister", "president", "premier", "spokesman",
                                          "spokesperson", "negotiator", "founder", "deputy", "envoy", "ambassador"})
#: Speech verbs that report a figure (not "urged", "warned", "condemned"): the source of "X said two soldiers were
#: killed" gives its own side's losses.
REPORTING_VERBS: frozenset[str] = frozenset(
    {"say", "report", "claim", "announce", "state", "confirm", "tell", "add", "note", "write", "tweet", "post",
     "reveal", "disclose", "estimate", "allege", "specify", "according", "put", "publish", "inform", "cite"})
#: Counted people who are never the reporting source's own losses: "Israel said it killed 30 militants"; nor are the
#: prisoners and hostages a side holds ("Moscow said 40 prisoners were killed": the other side's men).
ENEMY_PERSON_NOUNS: frozenset[str] = frozenset(
    {"militant", "terrorist", "insurgent", "attacker", "gunman", "jihadist", "separatist", "rebel", "mercenary",
     "saboteur", "infiltrator", "enemy", "invader", "occupier", "fighter", "combatant",
     "prisoner", "pow", "pows", "captive", "hostage", "detainee"})
#: Head nouns after which a number is a measurement, not a head count.
UNIT_NOUNS: frozenset[str] = frozenset(
    {"day", "week", "month", "year", "hour", "minute", "second", "km", "kilometer", "kilometre", "mile", "meter",
     "metre", "percent", "per", "%", "mm", "millimeter", "millimetre", "caliber", "calibre", "degree", "time",
     "o'clock", "am", "pm", "a.m.", "p.m.", "dollar", "euro", "ruble", "rouble", "manat", "dram", "hryvnia"}
)

# --- places --------------------------------------------------------------------------------------------------------

#: Generic place nouns -> place kind. A capitalised name before one of these is a place ("Saribaba height").
PLACE_NOUNS: dict[str, str] = {
    "height": "height", "heights": "height", "hill": "height", "hilltop": "height", "peak": "height",
    "mountain": "height", "mount": "height", "ridge": "height", "summit": "height", "pass": "height",
    "village": "settlement", "town": "settlement", "city": "settlement", "settlement": "settlement",
    "hamlet": "settlement", "district": "region", "region": "region", "province": "region", "oblast": "region",
    "raion": "region", "rayon": "region", "area": "region", "county": "region", "valley": "region",
    "corridor": "route", "road": "route", "highway": "route", "bridge": "route", "river": "water", "lake": "water",
}
