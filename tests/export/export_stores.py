"""Stores for the export tests: empty, every layer filled, and hostile text.

All texts are invented. Offsets are computed from the text, so every span satisfies
``text[start:end] == item.text``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from wiresift import api
from wiresift.model import Claim, Document, Entity, Place, Quote, Related, SpanRef, Timex

#: Text a spreadsheet, a terminal or a bidi-aware viewer would misread if written raw.
HOSTILE_TITLE = '=HYPERLINK("http://evil.invalid","open")\u202e\x1b[31m'
HOSTILE_TEXT = (
    '-2+3 counted, said "the = sign" @home\ttab\r\n'
    "Line two\x07 has a bell, a \u202eright-to-left override\u202c and a \x00NUL.\n"
    "+44 020 7946 0000 was the number; 'quoted' and \"double\" and a comma, here.\n"
    'Mayor Ilse Brandt said "=SUM(A1:A9)" was on the screen in Tromsø.'
)


def _span(text: str, piece: str, after: int = 0) -> tuple[int, int]:
    start = text.index(piece, after)
    return start, start + len(piece)


def full_document(n: int = 1, site: str = "Steppe Courier") -> Document:
    """An article with every layer: entities, quotes (cue span, speaker mention), claims, dates, places."""
    text = (
        f"Defence Minister Arman Duisen said on Thursday that nearly {n},000 fighters had gathered near "
        f'the border. "We are ready," he said in Astana, where {n + 2} drones were seen over the south.'
    )
    person, quote, he = _span(text, "Arman Duisen"), _span(text, '"We are ready,"'), _span(text, "he", 170)
    cue, claim, day = (
        _span(text, "said", quote[1]),
        _span(text, f"nearly {n},000 fighters"),
        _span(text, "Thursday"),
    )
    astana = _span(text, "Astana")
    return Document(
        id=f"doc-{n}",
        text=text,
        title=f"Fighters mass near the border ({n})",
        site=site,
        url=f"https://steppe.invalid/border/{n}",
        published="2026-03-12",
        authors=["Desk One", "Desk Two"],
        language="en",
        tags=["border", "security"],
        captions=["A checkpoint at dawn."],
        related=[Related(title="Earlier: talks stall", url="https://steppe.invalid/talks")],
        format="text",
        entities=[
            Entity(
                id="e1",
                name="Arman Duisen",
                type="PERSON",
                titles=["Defence Minister"],
                aliases=["Duisen"],
                mentions=[person],
            ),
            Entity(id="e2", name="Astana", type="GPE", mentions=[astana]),
        ],
        quotes=[
            Quote(
                id="q1",
                text=text[quote[0] : quote[1]],
                start=quote[0],
                end=quote[1],
                kind="direct",
                cue="said",
                cue_span=cue,
                speaker_mention=SpanRef(start=he[0], end=he[1], text="he"),
                speaker="e1",
                speaker_name="Arman Duisen",
                stage="quotes",
            ),
        ],
        claims=[
            Claim(
                id="c1",
                text=text[claim[0] : claim[1]],
                start=claim[0],
                end=claim[1],
                value=n * 1000.0,
                qualifier="nearly",
                counted="fighters",
                count_type="people",
                claimant="e1",
                claimant_name="Arman Duisen",
                claimant_mention=SpanRef(start=person[0], end=person[1], text="Arman Duisen"),
                place="p1",
                time="2026-03-12",
            ),
        ],
        timexes=[Timex(text="Thursday", start=day[0], end=day[1], type="DATE", value="2026-03-12")],
        places=[
            Place(
                id="p1",
                name="Astana",
                geonames_id=1526273,
                lat=51.18,
                lon=71.45,
                country="KZ",
                admin1="Astana",
                kind="city",
                confidence=0.9,
                mentions=[astana],
            ),
            Place(
                id="p2",
                name="Lima",
                geonames_id=3936456,
                lat=-12.04,
                lon=-77.03,
                country="PE",
                kind="city",
                mentions=[],
            ),
            Place(id="p3", name="the south", mentions=[]),
        ],
        stages={"entities": "1", "quotes": "2", "claims": "1", "timexes": "1", "places": "1"},
        errors=["places: a warning kept with the document"],
    ).finalize()


def hostile_document() -> Document:
    """Control characters, bidi overrides, quotes, newlines and formula-like cells in every field."""
    text = HOSTILE_TEXT
    name, quote = _span(text, "Ilse Brandt"), _span(text, '"=SUM(A1:A9)"')
    lead, place = _span(text, "-2+3 counted"), _span(text, "Tromsø")
    bidi = _span(text, "\u202eright-to-left override\u202c")
    return Document(
        id="-hostile\u202e\n1",
        text=text,
        title=HOSTILE_TITLE,
        site="@site\r\nwith newline",
        url="javascript:alert(1)",
        published="2026-13-45",  # not a real date: exports must not choke on it
        authors=["=1+1", "+cmd", "@x"],
        entities=[
            Entity(
                id="=e1",
                name="Ilse Brandt",
                type="PERSON",
                titles=["-Mayor"],
                aliases=["\x1b]0;pwned\x07"],
                mentions=[name],
            ),
            Entity(id="e2", name="\u202eOrg\ttab", type="ORG", mentions=[bidi]),
        ],
        quotes=[
            Quote(
                id="q1",
                text=text[quote[0] : quote[1]],
                start=quote[0],
                end=quote[1],
                kind="direct",
                cue="said",
                speaker="=e1",
                speaker_name="Ilse Brandt",
            ),
            Quote(
                id="q2",
                text=text[lead[0] : lead[1]],
                start=lead[0],
                end=lead[1],
                kind="indirect",
                speaker="missing-entity",
            ),
        ],
        claims=[
            Claim(
                id="c1",
                text=text[lead[0] : lead[1]],
                start=lead[0],
                end=lead[1],
                value=-2.0,
                low=-3.0,
                high=3.0,
                unit="=unit",
                counted="@people",
                claimant="nobody",
            ),
        ],
        timexes=[
            Timex(text="Line two", start=text.index("Line two"), end=text.index("Line two") + 8, type="DATE")
        ],
        places=[
            Place(id="p1", name="Tromsø", lat=69.65, lon=18.96, country="NO", mentions=[place]),
            Place(id="p2", name="Nowhere", lat=95.0, lon=200.0, mentions=[]),  # out of range: no STIX point
        ],
    ).finalize()


#: The documents of each export store, by its name.
DOCUMENTS: dict[str, Callable[[], list[Document]]] = {
    "empty": lambda: [],
    "full": lambda: [full_document(1), full_document(2, site="Harbour Ledger"), full_document(3)],
    "hostile": lambda: [hostile_document(), full_document(4)],
}


def fill(db: Path, docs: list[Document]) -> Path:
    with api.open_store(db) as store:
        for doc in docs:
            store.save(doc)
    return db


def build(kind: str, tmp: Path) -> Path:
    """A SQLite store ``<kind>.db`` in ``tmp`` holding the documents of ``kind``."""
    return fill(tmp / f"{kind}.db", DOCUMENTS[kind]())


STORES: dict[str, Callable[[Path], Path]] = {kind: functools.partial(build, kind) for kind in DOCUMENTS}
