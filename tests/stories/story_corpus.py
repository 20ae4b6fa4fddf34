"""Invented multi-outlet articles with hand-built layers (no NLP) for the story tests.

Three stories — floods in Valdoria, a mine collapse at Brellin, a cup final — told by several
invented outlets that disagree on numbers, copy each other and cite their own sources.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wiresift.model import Claim, Document, Entity, Event, Place, Quote


@dataclass
class Spec:
    id: str
    site: str
    published: str
    title: str
    text: str
    story: str
    entities: list[tuple[str, str]] = field(default_factory=list)  # (name, type)
    places: list[tuple[str, int]] = field(default_factory=list)  # (name, geonames id)
    claims: list[tuple[str, float, str, str | None]] = field(
        default_factory=list
    )  # span, value, counted, who
    quotes: list[tuple[str, str | None]] = field(default_factory=list)  # quoted text, speaker
    events: list[tuple[str, str]] = field(default_factory=list)  # trigger, PLOVER type
    duplicate_of: str | None = None


def _at(text: str, sub: str) -> tuple[int, int]:
    start = text.index(sub)
    return start, start + len(sub)


def build(spec: Spec) -> Document:
    text = f"{spec.title}\n\n{spec.text}"
    ents = []
    for n, (name, kind) in enumerate(spec.entities):
        s, e = _at(text, name)
        ents.append(Entity(id=f"e{n}", name=name, type=kind, mentions=[(s, e)]))  # type: ignore[arg-type]
    places = []
    for n, (name, gid) in enumerate(spec.places):
        s, e = _at(text, name)
        places.append(Place(id=f"p{n}", name=name, geonames_id=gid, country="VD", mentions=[(s, e)]))
    claims = []
    for n, (sub, value, counted, who) in enumerate(spec.claims):
        s, e = _at(text, sub)
        claims.append(
            Claim(id=f"k{n}", text=sub, start=s, end=e, value=value, counted=counted, claimant_name=who)
        )
    quotes = []
    for n, (sub, who) in enumerate(spec.quotes):
        s, e = _at(text, sub)
        quotes.append(Quote(id=f"q{n}", text=sub, start=s, end=e, kind="direct", speaker_name=who))
    events = []
    for n, (sub, plover) in enumerate(spec.events):
        s, e = _at(text, sub)
        events.append(Event(id=f"v{n}", text=sub, start=s, end=e, plover=plover))
    doc = Document(
        id=spec.id, site=spec.site, published=spec.published, title=spec.title, text=text,
        entities=ents, places=places, claims=claims, quotes=quotes, events=events,
        duplicate_of=spec.duplicate_of,
    )  # fmt: skip
    return doc.finalize()


LINDQVIST_SAYS = "We have moved every family we could reach before nightfall"

SPECS = [
    Spec(
        "herald-flood",
        "valdoria-herald.example",
        "2026-03-03",
        "Marrow River floods cut off Kessington villages",
        "Heavy rain sent the Marrow River over its banks near Kessington on Tuesday. Interior minister "
        f'Petra Lindqvist said 1,200 people had been evacuated to shelters. "{LINDQVIST_SAYS}," Lindqvist '
        "said. Army boats reached the flooded hamlets along the valley road.",
        "flood",
        entities=[("Petra Lindqvist", "PERSON"), ("Marrow River", "LOC"), ("Kessington", "GPE")],
        places=[("Kessington", 111)],
        claims=[("1,200 people", 1200, "people", "Petra Lindqvist")],
        quotes=[(LINDQVIST_SAYS, "Petra Lindqvist")],
        events=[("evacuated", "HUMANITARIAN")],
    ),
    Spec(
        "coastline-flood",
        "coastline-post.example",
        "2026-03-03",
        "Floods cut off villages near Kessington",
        "Heavy rain sent the Marrow River over its banks near Kessington on Tuesday. Interior minister "
        f'Petra Lindqvist said 1,200 people had been evacuated to shelters. "{LINDQVIST_SAYS}," Lindqvist '
        "said. Army boats reached the flooded hamlets.",
        "flood",
        entities=[("Petra Lindqvist", "PERSON"), ("Marrow River", "LOC"), ("Kessington", "GPE")],
        places=[("Kessington", 111)],
        claims=[("1,200 people", 1200, "people", "Petra Lindqvist")],
        quotes=[(LINDQVIST_SAYS, "Petra Lindqvist")],
        events=[("evacuated", "HUMANITARIAN")],
        duplicate_of="herald-flood",
    ),
    Spec(
        "wire-flood",
        "northern-wire.example",
        "2026-03-04",
        "Red Cross says flood shelters in Kessington are full",
        "Shelters around Kessington were full on Wednesday as the Marrow River kept rising, the Red Cross "
        "said, putting the number of displaced at about 1,400 people. Minister Petra Lindqvist told "
        'reporters: "We moved every family we could reach before night fell." Relief convoys waited on '
        "the valley road.",
        "flood",
        entities=[
            ("Petra Lindqvist", "PERSON"),
            ("Marrow River", "LOC"),
            ("Kessington", "GPE"),
            ("Red Cross", "ORG"),
        ],
        places=[("Kessington", 111)],
        claims=[("about 1,400 people", 1400, "people", "Red Cross")],
        quotes=[("We moved every family we could reach before night fell.", "Petra Lindqvist")],
        events=[("displaced", "HUMANITARIAN")],
    ),
    Spec(
        "ledger-flood",
        "daily-ledger.example",
        "2026-03-05",
        "Kessington flood: evacuations pass 1,300",
        "More than 1,300 people have now left their homes around Kessington, where the Marrow River flood "
        "is slowly receding, local officials said on Thursday. Army boats and Red Cross volunteers were "
        "still reaching cut-off hamlets.",
        "flood",
        entities=[("Marrow River", "LOC"), ("Kessington", "GPE"), ("Red Cross", "ORG")],
        places=[("Kessington", 111)],
        claims=[("More than 1,300 people", 1300, "people", None)],
        events=[("left their homes", "HUMANITARIAN")],
    ),
    Spec(
        "herald-mine",
        "valdoria-herald.example",
        "2026-03-04",
        "Miners trapped after collapse at Brellin pit",
        "A tunnel collapsed at the Brellin coal mine on Wednesday, trapping 14 miners 300 metres "
        "underground, the operator Orvane Mining said. Rescue teams were drilling a shaft towards them.",
        "mine",
        entities=[("Brellin", "GPE"), ("Orvane Mining", "ORG")],
        places=[("Brellin", 222)],
        claims=[("14 miners", 14, "miners", "Orvane Mining")],
        events=[("collapsed", "ACCIDENT")],
    ),
    Spec(
        "wire-mine",
        "northern-wire.example",
        "2026-03-04",
        "Rescuers drill towards trapped Brellin miners",
        "Rescuers at Brellin drilled through the night towards 15 miners trapped by Wednesday's tunnel "
        'collapse, a union official said. Orvane Mining said air was being pumped into the shaft. "Every '
        'hour counts down there," said union leader Janek Sobota.',
        "mine",
        entities=[("Brellin", "GPE"), ("Orvane Mining", "ORG"), ("Janek Sobota", "PERSON")],
        places=[("Brellin", 222)],
        claims=[("15 miners", 15, "miners", None)],
        quotes=[("Every hour counts down there", "Janek Sobota")],
        events=[("collapse", "ACCIDENT")],
    ),
    Spec(
        "ledger-mine",
        "daily-ledger.example",
        "2026-03-06",
        "All Brellin miners brought out alive",
        "All 15 miners trapped at the Brellin coal mine were brought to the surface alive on Friday, "
        'Orvane Mining said, after rescuers drilled a shaft to the collapsed tunnel. "Every hour counted '
        'down there, and we used them all," union leader Janek Sobota said.',
        "mine",
        entities=[("Brellin", "GPE"), ("Orvane Mining", "ORG"), ("Janek Sobota", "PERSON")],
        places=[("Brellin", 222)],
        claims=[("All 15 miners", 15, "miners", "Orvane Mining")],
        quotes=[("Every hour counted down there, and we used them all", "Janek Sobota")],
        events=[("collapsed", "ACCIDENT")],
    ),
    Spec(
        "post-cup",
        "coastline-post.example",
        "2026-03-07",
        "Harbour City Rovers lift the national cup",
        "Harbour City Rovers beat Eastfield United 3-1 on Saturday to win the national cup for the first "
        "time in a decade, with striker Tomas Brenner scoring twice before a crowd of 40,000.",
        "cup",
        entities=[("Harbour City Rovers", "ORG"), ("Eastfield United", "ORG"), ("Tomas Brenner", "PERSON")],
        claims=[("a crowd of 40,000", 40000, "crowd", None)],
    ),
    Spec(
        "ledger-cup",
        "daily-ledger.example",
        "2026-03-08",
        "Brenner double wins cup for Rovers",
        "Tomas Brenner scored twice as Harbour City Rovers beat Eastfield United 3-1 in the cup final, "
        "ending a ten-year wait for a trophy in front of 41,000 fans.",
        "cup",
        entities=[("Harbour City Rovers", "ORG"), ("Eastfield United", "ORG"), ("Tomas Brenner", "PERSON")],
        claims=[("41,000 fans", 41000, "fans", None)],
    ),
]


def documents() -> list[Document]:
    return [build(s) for s in SPECS]


def gold() -> dict[str, str]:
    return {s.id: s.story for s in SPECS}
