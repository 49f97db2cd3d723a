"""Synthetic news coverage for the benchmarks: news-like sentences, and whole events (outlets' HTML pages + RSS feeds).

A synthetic event is a fictional border clash (Aldoria vs Belmark near the Verdan ridge) covered by N outlets with M
articles each. Every article mixes the event's facts, told by each outlet in its own words (so alignment finds
claims across outlets), with attributed claims, casualty figures, reactions, background and filler that only one
article carries. `write_event` writes what a real run needs: sources/<outlet>.toml, <event>/event.toml with an
[offline] section, and <event>/site/<outlet>/{rss.xml, news/*.html} plus robots.txt, to be served with
rashomon.localsite.serve_folder.
"""

from __future__ import annotations

import datetime as dt
import html
import random
from dataclasses import dataclass
from pathlib import Path

WINDOW_START = dt.datetime(2023, 5, 2, tzinfo=dt.timezone.utc)
WINDOW_END = dt.datetime(2023, 5, 9, tzinfo=dt.timezone.utc)
EVENT_DAY = "Wednesday"

PARTIES = {
    "aldoria": ["Aldoria", "Aldorian forces", "the Aldorian army", "Aldorian troops", "the Aldorian Defence Ministry"],
    "belmark": ["Belmark", "Belmarkian forces", "the Belmarkian army", "Belmarkian units", "Belmark's Defence Ministry"],
}
SOURCES = [
    "the Aldorian Defence Ministry", "Belmark's Defence Ministry", "Aldoria's foreign ministry", "Belmark's foreign ministry",
    "a spokesperson for the Sorvian peacekeeping contingent", "the European Union's foreign policy spokesperson",
    "the U.S. State Department", "local officials in Tamsk", "a military source in Hollin", "the UN Secretary-General's office",
    "the governor of the Lirin district", "Belmark's human rights ombudsman", "an Aldorian presidential aide",
]
CUES = ["said", "said in a statement", "told reporters", "claimed", "reported", "said on its website", "alleged", "stated"]
PLACES = [
    "the Verdan ridge", "the Kessel height", "the Orlo pass", "the village of Tamsk", "the Lirin district",
    "the Verdan corridor", "the town of Hollin", "the Marrow crossing", "the Sarn valley", "the Dunmore heights",
]
TIMES = [
    f"on {EVENT_DAY}", f"early on {EVENT_DAY}", "overnight", "on Tuesday evening", "at around 6 a.m. local time",
    "on May 3", f"late on {EVENT_DAY}", "shortly before dawn", "in the afternoon", "for several hours",
]
ACTIONS = [
    ("opened fire on", "opening fire on"), ("shelled", "shelling"), ("attacked", "attacking"),
    ("launched drones against", "launching drones against"), ("fired mortars at", "firing mortars at"),
    ("tried to seize", "trying to seize"), ("ambushed", "ambushing"), ("advanced on", "advancing on"),
]
UNITS = ["soldiers", "servicemen", "troops", "civilians", "conscripts", "border guards"]
CASUALTY = ["killed", "wounded", "injured", "reported missing", "taken prisoner"]
APPEALS = [
    "exercise restraint", "return to the negotiating table", "respect the ceasefire", "de-escalate immediately",
    "refrain from actions that could endanger civilians", "resume talks under international mediation",
    "withdraw their forces to the 2019 line of contact", "allow humanitarian access to the area",
]
ORGS = [
    "The European Union", "The United States", "The United Nations", "Sorvia's foreign ministry", "The OSCE chairman",
    "Turan's president", "The Council of Europe", "The African Union envoy",
]
BACKGROUND = [
    "The two countries fought a six-week war over the region in 2019 that killed more than {n} people.",
    "The Verdan corridor is the only road linking the enclave with Belmark.",
    "Sorvian peacekeepers have been deployed along the line of contact since a ceasefire agreement in late 2019.",
    "Talks on a peace treaty, mediated by the European Union, stalled in {month}.",
    "The region is internationally recognised as part of Aldoria but has been run by ethnic Belmarkians since the 1990s.",
    "About {n} people live in the enclave, according to the last census.",
    "Both sides have accused each other of ceasefire violations almost weekly since the start of the year.",
    "Analysts say the war elsewhere has weakened Sorvia's influence in the region.",
]
MONTHS = ["January", "February", "March", "April", "last autumn", "December"]
FILLER = [
    "Schools in {town} were closed for the rest of the week, the local education department said.",
    "Residents of {town} told reporters they had spent the night in basements.",
    "Images shared on social media showed smoke rising over {place}, though they could not be independently verified.",
    "The {weekday} session of parliament was postponed, a spokesperson said.",
    "Prices of fuel in {town} rose sharply after the road was closed, shop owners said.",
    "Flights to {town} were suspended until further notice, the airport operator said.",
    "The Red Cross said it was ready to help evacuate the wounded from {place}.",
    "{org} said it was monitoring the situation closely and would convene its security council.",
    "Local television broadcast footage of military vehicles moving towards {place}.",
    "A journalist in {town} said mobile internet had been cut for several hours.",
    "The opposition called for an emergency debate on the government's handling of the crisis.",
    "Markets in the capital were calm, with the currency little changed against the dollar.",
    "{n} families were moved to temporary shelters, the emergency ministry said.",
    "The ministry published a video it said showed the destruction of an enemy position near {place}.",
    "Queues formed at petrol stations in {town} on {weekday} morning as drivers feared shortages.",
    "The hospital in {town} said it had treated {n} people, most of them for shrapnel wounds.",
    "About {n} residents of {town} left their homes overnight, the local mayor said.",
    "Power lines near {place} were damaged and {n} households were left without electricity.",
    "The road between {town} and {town2} was closed to civilian traffic until {weekday}.",
    "Journalists were not allowed within {km} kilometres of {place}, the defence ministry said.",
    "A ceasefire monitoring group said it had recorded {n} violations in the past {hours} hours.",
    "{org} said it had not been able to reach its staff in {town} for {hours} hours.",
    "Officials in {town} said {n} buildings had been damaged, including a school and a clinic.",
    "Mobile operators said coverage in {town} had been restored by {weekday} evening.",
]
TOWNS = ["Hollin", "Tamsk", "Lirin", "Dunmore", "Sarnow", "Keld", "Ostra", "Varnel", "Brisk", "Talen", "Morrow",
         "Essel", "Quarn", "Vidmar", "Olsk", "Pellin"]
WEEKDAYS = ["Thursday", "Friday", "Monday"]


@dataclass(frozen=True)
class Fact:
    """One thing that happened, that several outlets report in their own words."""

    kind: str
    actor: str
    other: str
    place: str
    time: str
    action: int
    n: int
    unit: str
    casualty: str
    source: str
    appeal: str
    org: str


def _party_name(rng: random.Random, party: str) -> str:
    return rng.choice(PARTIES[party])


def make_facts(rng: random.Random, k: int = 24) -> list[Fact]:
    kinds = ["attack", "attack", "casualties", "casualties", "accusation", "denial", "appeal", "capture", "mobilisation"]
    facts = []
    for i in range(k):
        actor = rng.choice(["aldoria", "belmark"])
        facts.append(
            Fact(
                kind=kinds[i % len(kinds)], actor=actor, other="belmark" if actor == "aldoria" else "aldoria",
                place=rng.choice(PLACES), time=rng.choice(TIMES), action=rng.randrange(len(ACTIONS)),
                n=rng.choice([1, 2, 3, 4, 5, 7, 12, 19, 24]), unit=rng.choice(UNITS), casualty=rng.choice(CASUALTY),
                source=rng.choice(SOURCES), appeal=rng.choice(APPEALS), org=rng.choice(ORGS),
            )
        )
    return facts


def render_fact(rng: random.Random, f: Fact) -> str:
    """The fact in one of several wordings (a different outlet, a different sentence)."""
    a, o = _party_name(rng, f.actor), _party_name(rng, f.other)
    verb, gerund = ACTIONS[f.action]
    cue = rng.choice(CUES)
    if f.kind == "attack":
        options = [
            f"{a[0].upper() + a[1:]} {verb} {o} positions near {f.place} {f.time}, {f.source} {cue}.",
            f"According to {f.source}, {a} {verb} {o} near {f.place} {f.time}.",
            f"{f.source[0].upper() + f.source[1:]} {cue} that {a} had {verb.split()[0]} {o} positions around {f.place}.",
            f"Fighting broke out near {f.place} {f.time} when {a} {verb} {o}, {f.source} {cue}.",
        ]
    elif f.kind == "casualties":
        options = [
            f"{f.n} {f.unit} were {f.casualty} in the fighting near {f.place}, {f.source} {cue}.",
            f"{f.source[0].upper() + f.source[1:]} {cue} that {f.n} {f.unit} had been {f.casualty} near {f.place}.",
            f"At least {f.n} {f.unit} were {f.casualty}, according to {f.source}.",
            f"The clashes left {f.n} {f.unit} {f.casualty}, {f.source} {cue}.",
        ]
    elif f.kind == "accusation":
        options = [
            f"{f.source[0].upper() + f.source[1:]} accused {a} of violating the ceasefire near {f.place}.",
            f"{o[0].upper() + o[1:]} accused {a} of {gerund} its positions near {f.place} in breach of the truce.",
            f"{a[0].upper() + a[1:]} broke the ceasefire near {f.place} {f.time}, {f.source} {cue}.",
        ]
    elif f.kind == "denial":
        options = [
            f"{a[0].upper() + a[1:]} denied the accusations and said its forces had only responded to provocations.",
            f"{a[0].upper() + a[1:]} rejected the claims as disinformation, saying its units had come under fire first.",
            f"Officials in {rng.choice(TOWNS)} denied that {a} had opened fire first.",
        ]
    elif f.kind == "appeal":
        options = [
            f"{f.org} called on both sides to {f.appeal}.",
            f"{f.org} urged the two countries to {f.appeal}, a spokesperson said.",
            f"\"We call on both sides to {f.appeal},\" {f.org[0].lower() + f.org[1:]} said in a statement.",
        ]
    elif f.kind == "capture":
        options = [
            f"{a[0].upper() + a[1:]} said it had taken control of {f.place} after {f.time[3:] if f.time.startswith('on ') else 'the'} fighting.",
            f"{a[0].upper() + a[1:]} captured {f.place} in what it called a retaliation operation, {f.source} {cue}.",
            f"{f.place[0].upper() + f.place[1:]} came under the control of {a}, {f.source} {cue}.",
        ]
    else:
        options = [
            f"Authorities in {rng.choice(TOWNS)} announced a partial mobilisation {f.time}.",
            f"{o[0].upper() + o[1:]} declared a partial mobilisation of reservists after the clashes.",
            f"A partial mobilisation was announced {f.time}, {f.source} {cue}.",
        ]
    return rng.choice(options)


def filler_sentence(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return rng.choice(BACKGROUND).format(n=rng.choice([2500, 6500, 120000, 30000]), month=rng.choice(MONTHS))
    return rng.choice(FILLER).format(
        town=rng.choice(TOWNS), town2=rng.choice(TOWNS), place=rng.choice(PLACES), weekday=rng.choice(WEEKDAYS),
        org=rng.choice(ORGS), n=rng.randint(12, 900), km=rng.choice([5, 10, 15, 20, 30]), hours=rng.choice([12, 24, 48, 72]),
    )


def sentences(n: int, seed: int = 0) -> list[str]:
    """`n` distinct news-like sentences about the synthetic event (facts in various wordings, reactions, background, filler)."""
    rng = random.Random(seed)
    facts = make_facts(rng, max(60, n // 2))
    out: list[str] = []
    seen: set[str] = set()
    while len(out) < n:
        s = render_fact(rng, rng.choice(facts)) if rng.random() < 0.7 else filler_sentence(rng)
        if s not in seen:  # distinct texts: each one costs an embedding
            seen.add(s)
            out.append(s)
    return out


@dataclass(frozen=True)
class SynthArticle:
    outlet_id: str
    slug: str
    title: str
    published_at: dt.datetime
    paragraphs: list[str]


CLAUSES = [
    " in a statement posted online", " citing military sources", " in a televised briefing", " late on Wednesday",
    " without giving evidence", " in a post on Telegram", ", a claim that could not be independently verified",
    " at a news conference", " according to local media", " in comments carried by state television",
    " for the second day running", " after an emergency meeting", ", without giving further details",
]


def _vary(rng: random.Random, sentence: str) -> str:
    """The same statement with an outlet's own detail added (outlets rarely print identical sentences)."""
    clause = rng.choice(CLAUSES)
    if sentence.endswith('."') or not sentence.endswith("."):
        return sentence
    return sentence[:-1] + clause + "."


def make_articles(n_outlets: int, per_outlet: int, seed: int = 0, sentences_per_article: tuple[int, int] = (16, 26)) -> list[SynthArticle]:
    """Articles sharing a core of the event's facts (the claims alignment should find), each with its own wording,
    attributed details and filler. Most sentences are distinct, as in real coverage; a few repeat (wire copy)."""
    rng = random.Random(seed)
    core = make_facts(rng, 24)
    seen: set[str] = set()

    def distinct(make) -> str:
        for _ in range(12):
            s = make()
            if s not in seen:
                break
            s = _vary(rng, s)
            if s not in seen:
                break
        seen.add(s)
        return s

    out = []
    for o in range(n_outlets):
        outlet = f"outlet_{o:02d}"
        for m in range(per_outlet):
            k = rng.randint(*sentences_per_article)
            own = make_facts(rng, 4)  # details only this article reports
            n_core = min(len(core), rng.randint(k // 4, k // 3))
            body = [distinct(lambda f=f: render_fact(rng, f)) for f in rng.sample(core, n_core)]
            body += [distinct(lambda f=f: render_fact(rng, f)) for f in own]
            body += [distinct(lambda: filler_sentence(rng)) for _ in range(max(0, k - len(body)))]
            rng.shuffle(body)
            lead = core[0]
            title = (
                f"{rng.choice(['Clashes', 'Fighting', 'Deadly clashes', 'Shelling'])} near {lead.place} as Aldoria and "
                f"Belmark trade blame ({outlet} report {m + 1})"
            )
            paragraphs, i = [], 0
            while i < len(body):
                step = rng.randint(1, 3)
                paragraphs.append(" ".join(body[i : i + step]))
                i += step
            published = WINDOW_START + dt.timedelta(days=1, minutes=rng.randint(0, 4 * 24 * 60))
            out.append(SynthArticle(outlet, f"2023-05-03-verdan-clashes-{m:04d}", title, published, paragraphs))
    return out


def _host(outlet_id: str) -> str:
    return outlet_id.replace("_", "-") + ".example"


def _page(a: SynthArticle) -> str:
    paras = "\n".join(f"      <p>{html.escape(p)}</p>" for p in a.paragraphs)
    name = a.outlet_id.replace("_", " ").title()
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{html.escape(a.title)} | {name}</title>
<link rel="canonical" href="https://{_host(a.outlet_id)}/news/{a.slug}">
<meta property="og:title" content="{html.escape(a.title)}">
<meta property="og:site_name" content="{name}">
<meta property="article:published_time" content="{a.published_at.isoformat()}">
<meta name="author" content="{name} staff">
</head>
<body>
<header><a href="/">{name}</a><nav><a href="/world/">World</a> <a href="/politics/">Politics</a> <a href="/business/">Business</a></nav></header>
<main>
  <article>
    <h1>{html.escape(a.title)}</h1>
    <div class="byline">By {name} staff, <time datetime="{a.published_at.isoformat()}">{a.published_at:%d %B %Y %H:%M}</time></div>
    <div class="article-body">
{paras}
    </div>
  </article>
  <aside><h2>Most read</h2><ul><li><a href="/a">Central bank holds rates</a></li><li><a href="/b">Storm warning for the coast</a></li></ul></aside>
</main>
<footer><p>&copy; 2023 {name}. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body>
</html>
"""


def _feed(outlet_id: str, articles: list[SynthArticle]) -> str:
    items = []
    for a in articles:
        items.append(
            f"""<item>
  <title>{html.escape(a.title)}</title>
  <link>news/{a.slug}.html</link>
  <description>{html.escape(a.paragraphs[0][:200])}</description>
  <pubDate>{a.published_at:%a, %d %b %Y %H:%M:%S +0000}</pubDate>
  <guid isPermaLink="false">{outlet_id}-{a.slug}</guid>
</item>"""
        )
    # unrelated items (no keyword): discovery must drop them before fetching
    items.append(
        """<item><title>Central bank holds rates steady</title><link>news/rates.html</link>
  <pubDate>Thu, 04 May 2023 10:00:00 +0000</pubDate></item>"""
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>\n'
        f"<title>{outlet_id} news</title><link>https://{_host(outlet_id)}/</link><description>news</description>\n"
        + "\n".join(items)
        + "\n</channel></rss>\n"
    )


@dataclass(frozen=True)
class SynthEvent:
    event_dir: Path
    sources_dir: Path
    site: Path
    event_id: str
    n_articles: int
    n_outlets: int


def write_event(root: Path, n_outlets: int, per_outlet: int, seed: int = 0) -> SynthEvent:
    """Write a synthetic event of `n_outlets` × `per_outlet` articles under `root` (sources/, <event>/)."""
    root = Path(root)
    event_id = f"synthetic-{n_outlets}x{per_outlet}"
    event_dir = root / event_id
    site = event_dir / "site"
    sources = root / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    site.mkdir(parents=True, exist_ok=True)
    (site / "robots.txt").write_text("User-agent: *\nAllow: /\n")
    articles = make_articles(n_outlets, per_outlet, seed)
    by_outlet: dict[str, list[SynthArticle]] = {}
    for a in articles:
        by_outlet.setdefault(a.outlet_id, []).append(a)
    for outlet_id, arts in by_outlet.items():
        (sources / f"{outlet_id}.toml").write_text(
            f'id = "{outlet_id}"\nname = "{outlet_id.replace("_", " ").title()}"\nhomepage = "https://{_host(outlet_id)}"\n'
            f'language = "en"\ncountry = "XX"\nperspective = "synthetic"\nfeeds = ["https://{_host(outlet_id)}/rss.xml"]\n'
        )
        folder = site / outlet_id / "news"
        folder.mkdir(parents=True, exist_ok=True)
        for a in arts:
            (folder / f"{a.slug}.html").write_text(_page(a), encoding="utf-8")
        (site / outlet_id / "rss.xml").write_text(_feed(outlet_id, arts), encoding="utf-8")
    outlets = sorted(by_outlet)
    feeds = ", ".join(f'{o} = "{o}/rss.xml"' for o in outlets)
    aliases = {p: [n for n in names if not n.startswith("the ")] for p, names in PARTIES.items()}
    (event_dir / "event.toml").write_text(
        f'''id = "{event_id}"
title = "Synthetic clashes near the Verdan ridge ({n_outlets} outlets x {per_outlet} articles)"
summary = "A fictional border clash between Aldoria and Belmark, generated for the benchmarks."
window_start = {WINDOW_START:%Y-%m-%dT%H:%M:%SZ}
window_end = {WINDOW_END:%Y-%m-%dT%H:%M:%SZ}
keywords = ["Verdan", "Aldoria", "Belmark", "Kessel", "Orlo"]
outlets = [{", ".join(f'"{o}"' for o in outlets)}]

[[parties]]
id = "aldoria"
name = "Aldoria"
aliases = [{", ".join(f'"{a}"' for a in aliases["aldoria"])}, "Aldorian"]

[[parties]]
id = "belmark"
name = "Belmark"
aliases = [{", ".join(f'"{a}"' for a in aliases["belmark"])}, "Belmarkian"]

[offline]
site = "site"
feeds = {{ {feeds} }}
''',
        encoding="utf-8",
    )
    return SynthEvent(event_dir, sources, site, event_id, len(articles), n_outlets)


if __name__ == "__main__":  # a quick look
    for s in sentences(12, seed=1):
        print(s)
