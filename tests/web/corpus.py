"""A small hand-written store for the workbench tests: three articles with every layer filled.

Offsets are computed from the text, so every span satisfies ``text[start:end] == item.text``.
One article carries script and event-handler payloads to prove that the pages render them inert.
"""

from __future__ import annotations

import random
from pathlib import Path

from wiresift.model import Claim, Document, Entity, Place, Quote, SpanRef, Timex

#: The gazetteer's first-level subdivision of each place (its ``admin1``, as the map's province shapes
#: are named by training/build_provinces.py).
ADMIN1 = {"Khorog": "Kŭhistoni Badakhshon"}
XSS = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'

ARTICLES = [
    {
        "title": "Militants gather near the Tajik border, alliance says",
        "site": "Steppe Courier",
        "published": "2026-02-12",
        "text": (
            "General Arman Duisen, chief of the alliance joint staff, said on Thursday that more than 5,000 "
            "militants had gathered in camps near Khorog.\n\n"
            '"The threat is growing every week," Duisen said. "We will hold exercises in Dushanbe," he added.'
        ),
        "entities": [
            ("Arman Duisen", "PERSON", ["General", "chief of the alliance joint staff"], ["Duisen"])
        ],
        "quotes": [
            ('"The threat is growing every week,"', "Duisen", "Arman Duisen", 1),
            ('"We will hold exercises in Dushanbe,"', "he", "Arman Duisen", 1),
        ],
        "claims": [("more than 5,000 militants", 5000.0, "more_than", "militants", "Arman Duisen")],
        "timexes": [("Thursday", "DATE", "2026-02-12")],
        "places": [
            ("Khorog", 1221874, 37.49, 71.55, "TJ", "city"),
            ("Dushanbe", 1221874 + 1, 38.54, 68.78, "TJ", "city"),
        ],
    },
    {
        "title": "Border buildup: nearly 6,000 fighters, ministry claims",
        "site": "Harbour Ledger",
        "published": "2026-02-13",
        "text": (
            "Defence Minister Lena Sorokina said nearly 6,000 fighters were massing south of Khorog last month. "
            "Arman Duisen said the alliance was ready."
        ),
        "entities": [
            ("Lena Sorokina", "PERSON", ["Defence Minister"], []),
            ("Arman Duisen", "PERSON", [], []),
        ],
        "quotes": [],
        "claims": [("nearly 6,000 fighters", 6000.0, "nearly", "fighters", "Lena Sorokina")],
        "timexes": [("last month", "DATE", "2026-01")],
        "places": [("Khorog", 1221874, 37.49, 71.55, "TJ", "city")],
    },
    {
        "title": "Hostile markup test " + XSS,
        "site": "Northline Wire",
        "published": "2026-03-01",
        "text": "An analyst pasted this payload into a report: " + XSS + " It must render as text in Almaty.",
        "entities": [],
        "quotes": [],
        "claims": [],
        "timexes": [],
        "places": [("Almaty", 1526384, 43.25, 76.92, "KZ", "city")],
    },
]


def _span(text: str, piece: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return start, start + len(piece)


def build_documents() -> list[Document]:
    docs = []
    for spec in ARTICLES:
        text = spec["text"]
        entities = []
        ids = {}
        for i, (name, typ, titles, aliases) in enumerate(spec["entities"]):
            mentions = [_span(text, name)] + [_span(text, a, 0) for a in aliases if a in text]
            entities.append(
                Entity(id=f"e{i}", name=name, type=typ, titles=titles, aliases=aliases, mentions=mentions)
            )
            ids[name] = f"e{i}"
        quotes = []
        for i, (qtext, mention, speaker, _n) in enumerate(spec["quotes"]):
            s, e = _span(text, qtext)
            ms = text.index(mention, e)
            quotes.append(
                Quote(
                    id=f"q{i}",
                    text=qtext,
                    start=s,
                    end=e,
                    kind="direct",
                    cue="said",
                    speaker_mention=SpanRef(start=ms, end=ms + len(mention), text=mention),
                    speaker=ids[speaker],
                    speaker_name=speaker,
                )
            )
        claims = []
        for i, (ctext, value, qual, counted, claimant) in enumerate(spec["claims"]):
            s, e = _span(text, ctext)
            claims.append(
                Claim(
                    id=f"c{i}",
                    text=ctext,
                    start=s,
                    end=e,
                    value=value,
                    qualifier=qual,
                    counted=counted,
                    claimant=ids.get(claimant),
                    claimant_name=claimant,
                )
            )
        timexes = [
            Timex(text=t, start=_span(text, t)[0], end=_span(text, t)[1], type=ty, value=v)
            for t, ty, v in spec["timexes"]
        ]
        places = [
            Place(
                id=f"p{i}",
                name=n,
                geonames_id=g,
                lat=la,
                lon=lo,
                country=c,
                kind=k,
                admin1=ADMIN1.get(n),
                mentions=[_span(text, n)],
            )
            for i, (n, g, la, lo, c, k) in enumerate(spec["places"])
        ]
        doc = Document(
            text=text,
            title=spec["title"],
            site=spec["site"],
            published=spec["published"],
            entities=entities,
            quotes=quotes,
            claims=claims,
            timexes=timexes,
            places=places,
            stages={"entities": "test", "quotes": "test"},
        ).finalize()
        assert doc.check_spans() == []
        docs.append(doc)
    return docs


def build_store(path: Path | str) -> Path | str:
    from wiresift import api

    store = api.open_store(path)
    for doc in build_documents():
        store.save(doc)
    store.close()
    return path


#: Documents whose ids need URL encoding, and one whose text carries STX/ETX control characters
#: (once used as highlight markers) around a word that is not searched for.
ODD_IDS = [
    "feeds/steppe/2026/03/convoy.html",
    "report?id=7&lang=en",
    "bulletin#part-2",
    "100% sure",
    "dépêche/Алматы 雪",
    "/leading/slash",
]
CONTROL_TEXT = "Ferry crossings resumed at \x02Kerch\x03 on Monday; the \x02port\x03 authority confirmed the ferry timetable."


def build_odd_store(path: Path) -> Path:
    """A store of short articles with awkward ids, a control-character text and an entity named with '/'."""
    from wiresift import api

    store = api.open_store(path)
    for i, doc_id in enumerate(ODD_IDS):
        text = f"Tariff talks on the harbour levy, round {i}. Delegates of Northgate/Southgate Transit Board met."
        name = "Northgate/Southgate Transit Board"
        start = text.index(name)
        entity = Entity(id="e1", name=name, type="ORG", mentions=[(start, start + len(name))])
        store.save(Document(id=doc_id, title=f"Levy round {i}", text=text, entities=[entity]).finalize())
    store.save(Document(id="ctrl", title="Ferry timetable", text=CONTROL_TEXT).finalize())
    store.close()
    return path


#: Syllables of the invented words of the bulk store: 24 × 24 × 24 = 13,824 possible words, so
#: a three-letter prefix matches a few dozen of them and a one-letter prefix hundreds.
_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"][:24]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(3))


def build_bulk_store(path: Path, count: int) -> Path:
    """``count`` articles of invented words (a large vocabulary, like real news) and a few real ones."""
    from wiresift import api

    rng = random.Random(17)
    common = ["border", "talks", "patrol", "ministry", "agency", "said", "the", "near", "camps", "levy"]
    store = api.open_store(path)
    for i in range(count):
        words = [_word(rng) for _ in range(120)] + rng.sample(common, 6)
        rng.shuffle(words)
        store.save(
            Document(
                id=f"bulk-{i}",
                title=" ".join(words[:6]).capitalize(),
                text=" ".join(words) + ".",
                site=rng.choice(["Steppe Courier", "Harbour Ledger", "Northline Wire"]),
                published=f"2025-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
            ).finalize()
        )
    store.close()
    return path
