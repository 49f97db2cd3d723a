"""Is an act background: dated apart from the event's window ("on February 24" for an October event, "since 1991",
"two weeks after X annexed …"), the topic of a speech, a standing condition ("occupied by X") or a campaign going
on? Used by initiator.py."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Token

from ._syntax import child
from .act_words import _DECADE, _TEMPORAL_PREPS, _YEAR, _Draft, _noun_action, _verb_action
from .lexicon import (DOCUMENT_NOUNS, GAP_NOUNS, LONG_DURATION_NOUNS, MONTHS, SPEECH_VERBS, STANDING_PARTICIPLES,
                      WAR_NOUNS, WEEKDAYS)
from .number_words import run_value
from .times import normalise_time

#: Modifiers that make an invasion the war as a whole ("Russia's full-scale invasion"), not an incident of it.
WHOLE_WAR_MODIFIERS = frozenset({"full-scale", "all-out", "full-blown", "large-scale"})
#: Modifiers that make acts a campaign going on ("fled to escape X's daily bombardments"), not this incident.
CAMPAIGN_MODIFIERS = frozenset({"daily", "nightly", "constant", "relentless", "incessant", "non-stop", "nonstop",
                                "months-long", "weeks-long", "years-long", "round-the-clock"})

#: Adverbs that make an act a practice going on ("Kiev keeps continually attacking the plant"), unless it is dated.
HABITUAL_ADVERBS = frozenset({"continually", "continuously", "constantly", "repeatedly", "regularly", "routinely",
                              "systematically", "habitually"})

#: Occasions of speaking: an act in their "on/about" phrase is their topic ("in a speech on the annexation").
SPEECH_EVENT_NOUNS = frozenset({"speech", "address", "briefing", "conference", "interview", "remarks", "lecture",
                                "article", "op-ed", "session", "debate", "meeting", "summit"})


def _ancestors_until_speech(t: Token) -> list[Token]:
    path = [t]
    for a in t.ancestors:
        path.append(a)
        if a.lemma_.lower() in SPEECH_VERBS and a.pos_ in {"VERB", "AUX"}:
            break
    return path


def _years_in(tokens: list[Token]) -> list[int]:
    return [int(t.text) for t in tokens if _YEAR.match(t.text)]


#: Statements about an event ("his claim came a day after the clash"): what follows them is not another incident.
STATEMENT_NOUNS = DOCUMENT_NOUNS | {"claim", "remark", "comment", "announcement", "speech", "warning", "threat"}

Window = tuple[dt.date, dt.date]
#: Days either side of the event's window within which a dated act still belongs to the event.
WINDOW_MARGIN_DAYS = 3


def _date_outside(sub: list[Token], event_year: int | None, window: Window | None) -> bool:
    """Does the phrase `sub` name a day (or a month, with no day) apart from the event's window: "on February 24"
    for an October event?"""
    if window is None:
        return False
    start, end = window
    lo, hi = start - dt.timedelta(days=WINDOW_MARGIN_DAYS), end + dt.timedelta(days=WINDOW_MARGIN_DAYS)
    months = [t for t in sub if t.lower_.rstrip(".") in MONTHS and t.text[:1].isupper()
              and not (t.lower_ == "may" and t.pos_ != "PROPN")]
    if not months:
        return False
    text = " ".join(t.text for t in sub)
    tm = normalise_time(text)
    year = event_year or start.year
    if tm.kind == "date":
        parts = tm.value.split("-")
        try:
            day = dt.date(int(parts[0]), int(parts[1]), int(parts[2])) if len(parts) == 3 else \
                dt.date(year, int(parts[0]), int(parts[1]))
        except ValueError:
            return False
        return not lo <= day <= hi
    if tm.kind == "month" or len(months) == 1 and not any(t.like_num for t in sub):
        mon = MONTHS[months[0].lower_.rstrip(".")]
        y = int(tm.value[:4]) if tm.kind == "month" else year
        first = dt.date(y, mon, 1)
        last = (dt.date(y + (mon == 12), mon % 12 + 1, 1) - dt.timedelta(days=1))
        return last < lo or first > hi
    return False


def _temporal_background(mod: Token, event_year: int | None, window: Window | None = None) -> bool:
    """Is the modifier subtree `mod` (a preposition or adverbial) a date apart from the event?"""
    sub = list(mod.subtree)
    low = mod.lower_
    if any(_DECADE.match(t.lower_) for t in sub):
        return True
    if event_year is not None and any(y != event_year for y in _years_in(sub)):
        return True
    if (low in _TEMPORAL_PREPS - {"for", "by", "between"} or mod.dep_ in {"nmod", "compound"}
            and mod.ent_type_ == "DATE") and _date_outside(sub, event_year, window):   # "the Oct. 7 attack"
        return True
    if low == "for" and any(t.lemma_.lower() in LONG_DURATION_NOUNS or t.lower_ in LONG_DURATION_NOUNS
                            for t in sub):
        return True
    if any(t.lower_ == "ago" for t in sub) and any(t.lemma_.lower() in GAP_NOUNS for t in sub):
        return True   # "before Russia invaded 18 months ago", "two weeks ago": weeks or more before a few-days event
    if low in {"during", "throughout", "in"}:
        obj = child(mod, "pobj")
        if obj is not None and obj.lemma_.lower() in WAR_NOUNS:
            mods = [c for c in obj.children if c.dep_ in {"compound", "amod", "nummod", "nmod", "poss"}]
            if mods:
                return True
    return False


def _topic_of_speech(tok: Token) -> bool:
    """"in a speech on Russia's annexation of …", "at a briefing about the offensive": the act is what someone spoke
    about on the occasion, another matter, not this event's act."""
    prev = tok
    for a in tok.ancestors:
        if a.dep_ == "prep" and a.lower_ in {"on", "about"} and prev.dep_ == "pobj" \
                and a.head.lemma_.lower() in SPEECH_EVENT_NOUNS:
            return True
        if a.pos_ in {"VERB", "AUX"}:
            return False
        prev = a
    return False


def _is_background(d: _Draft, event_year: int | None, window: Window | None = None) -> bool:
    if d.token.pos_ in {"NOUN", "PROPN"} and _topic_of_speech(d.token):
        return True
    if d.action == "operation" and d.token.tag_ == "NNS" and any(c.dep_ == "poss" for c in d.token.children):
        return True   # "the Kremlin's military operations in Ukraine": a campaign going on, not this incident's act
    mods = {c.lower_ for c in d.token.children if c.dep_ in {"amod", "compound"}}
    if d.action == "operation" and "special" in mods and ("military" in mods or d.token.text == "Operation" and any(
            c.dep_ == "poss" for c in d.token.children)):   # (the name as a proper noun, with whose it is)
        return True   # "the special military operation", "Russia's Special Operation": Moscow's name for the war
        # (not "a special operation in Nuseirat", one raid, nor a title-case headline's "Conduct Special Operation")
    if d.token.lemma_.lower() in {"invasion", "war"} and any(
            m in d.token.doc[d.token.left_edge.i:d.token.i].text.lower() for m in WHOLE_WAR_MODIFIERS):
        return True   # "developments in Russia's full-scale invasion": the war the event happens in
    if d.token.pos_ == "NOUN" and d.token.tag_ == "NNS" and any(
            c.dep_ == "amod" and c.lower_ in CAMPAIGN_MODIFIERS for c in d.token.children):
        return True   # "to escape Israel's daily bombardments": a campaign going on
    if d.anchor.tag_ in {"VBG", "VBZ", "VBP"} and any(
            c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS for c in d.anchor.children) and not any(
            t.ent_type_ in {"DATE", "TIME"} for t in d.anchor.sent):
        return True   # "continually attacking the Zaporozhye plant": a practice going on, undated (not "repeatedly
        # shelled Kherson overnight", one night's act)
    if d.token.lemma_.lower() in STANDING_PARTICIPLES and d.token.dep_ in {"acl", "amod"} and d.token.tag_ == "VBN" \
            and not any(t.ent_type_ in {"DATE", "TIME"} for t in d.token.subtree):
        return True   # "everything occupied by X must go": a standing condition (GUIDE §10.3), undated
    starts = [d.token] + ([d.anchor] if d.anchor is not d.token else [])
    for start in starts:
        path = _ancestors_until_speech(start)
        ids = {p.i for p in path}
        for node in path:
            if node is not start and (_YEAR.match(node.text) and event_year is not None and int(node.text) != event_year
                                      or _DECADE.match(node.lower_)):
                return True  # "since 1991 when the military occupied …"
            if _weeks_apart(node) or _day_before(node) or _day_after(node, window):
                return True  # "comes less than two weeks after Putin annexed four regions": another incident
            for c in node.children:
                if c.i in ids:
                    continue
                if c.dep_ in {"prep", "npadvmod", "advmod", "pobj"} and (
                        c.lower_ in _TEMPORAL_PREPS or c.ent_type_ == "DATE" or c.dep_ == "npadvmod") or (
                        c.dep_ in {"nmod", "compound"} and c.ent_type_ == "DATE"):   # "Hamas' Oct. 7 attack"
                    if _temporal_background(c, event_year, window):
                        return True
                elif c.dep_ == "advcl" and any(m.lower_ in {"when", "while"} or m.dep_ == "mark" and m.lower_ == "since"
                                               for m in c.children):   # not "the worst fighting since 2020"
                    if any(_temporal_background(g, event_year, window) for g in c.children if g.dep_ == "prep"):
                        return True
    return False


def _weeks_apart(node: Token) -> bool:
    """Is `node` a clause or phrase set weeks or more before or after the event: "two weeks after X annexed …",
    "a month before the offensive", "years after the war" (lexicon.GAP_NOUNS)?"""
    if node.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"after", "before", "since"}
                                    for m in node.children):
        holder = node
    elif node.dep_ == "pobj" and node.head.lower_ in {"after", "before", "since"}:
        holder = node.head
    else:
        return False
    return any(c.dep_ == "npadvmod" and c.lemma_.lower() in GAP_NOUNS for c in holder.children)


def _day_before(node: Token) -> bool:
    """Is `node` the earlier act of "the attack came a day after X's strikes" / "…, which followed X's bombardment the
    day before": an act a day or more before the act that "came after" or "followed" it is another incident ("hours
    after" is not: the same fighting)."""
    if node.dep_ == "advcl" and node.head.lemma_.lower() == "come" and any(
            m.dep_ == "mark" and m.lower_ in {"after", "following"} for m in node.children):
        if any(c.dep_ == "nsubj" and c.lemma_.lower() in STATEMENT_NOUNS for c in node.head.children):
            return False   # "his claim came a day after the clash": a statement about the event, not another act
        holder = node
    elif node.dep_ == "dobj" and node.head.lemma_.lower() in {"follow", "come"}:
        holder = node.head
    else:
        return False
    return any(c.dep_ == "npadvmod" and c.lemma_.lower() == "day" for c in holder.children)


def _day_after(node: Token, window: Window | None) -> bool:
    """Is `node` the earlier act of "X struck Hodeidah on Saturday, a day after a Houthi drone killed a man",
    "… traded fire on Sunday, a day after the attack by Hamas": an act a day or days before another act of the
    sentence, and so before the event's window, is another incident (GUIDE §10.3), not this event's start. The later
    act's day is the weekday the sentence names outside the "after" phrase, placed in the window, else the window's
    first day ("Israel pounded Gaza on Tuesday, a day after Hamas fired rockets" in a window from Monday keeps the
    rockets). Only when the clause it is set against is itself an act (a hostile verb, or one whose subject or object
    is a hostile noun): "China said …, a day after India lost 20 soldiers" is about the event itself."""
    if window is None:
        return False
    marks = [m for m in node.children if m.dep_ == "mark" and m.lower_ == "after"] or [
        p for c in node.children if c.dep_ == "npadvmod" for p in c.children   # "…, a day after an attack by X
        if p.dep_ == "prep" and p.lower_ == "after" and not any(g.dep_ == "pobj" for g in p.children)]   # killed …"
    if node.dep_ in {"advcl", "conj"} and marks:
        days = [c for c in [*node.children, *marks[0].children] if c.dep_ == "npadvmod"]
        head, phrase = node.head, node
    elif node.dep_ == "pobj" and node.head.lower_ == "after":
        prep = node.head
        days = [c for c in prep.children if c.dep_ == "npadvmod"]
        days += [prep.head] if prep.head.dep_ == "npadvmod" else []
        head = prep.head.head if prep.head.dep_ == "npadvmod" else prep.head
        phrase = prep.head if prep.head.dep_ == "npadvmod" else prep
    else:
        return False
    day = next((d for d in days if d.lemma_.lower() == "day"), None)
    if day is None:
        return False
    # "two days after", "3 days after"; "a day", "the day" one; "days after" two
    gap = next((int(v) for c in day.children if c.dep_ == "nummod" and (v := run_value([c.text]))),
               2 if day.tag_ == "NNS" else 1)
    inside = {t.i for t in phrase.subtree} | {t.i for t in day.subtree}
    named = [t.lower_ for t in node.sent if t.lower_ in WEEKDAYS and t.i not in inside]
    start, end = window
    later = next((start + dt.timedelta(days=k) for k in range((end - start).days + 1)
                  if named and (start + dt.timedelta(days=k)).weekday() == WEEKDAYS.index(named[0])), start)
    if later - dt.timedelta(days=gap) >= start:
        return False
    verb = head if head.pos_ in {"VERB", "AUX"} else next((a for a in head.ancestors if a.pos_ in {"VERB", "AUX"}),
                                                          None)
    for _ in range(3):   # "traded fire …, raising fears …, a day after": up the participles to the act
        if verb is None or verb.lemma_.lower() in SPEECH_VERBS:
            return False
        if _is_act_clause(verb):
            return True
        verb = verb.head if verb.dep_ in {"advcl", "conj", "xcomp"} else None
    return False


def _is_act_clause(verb: Token) -> bool:
    """A hostile verb ("struck"), or a verb whose subject or object is a hostile noun ("traded fire", "the strike
    left …")."""
    if _verb_action(verb) is not None:
        return True
    return any(c.dep_ in {"nsubj", "nsubjpass", "dobj"} and _noun_action(c) is not None for c in verb.children)
