"""A long invented article for the permalink tests: its quote lies far below the first screen.

Its place has a GeoNames-style id (``gn:…``) and its event an id of the events stage's form, so
the anchors of both kinds (an id of the layer's own form, an id that needs encoding) are exercised.
"""

from __future__ import annotations

from pathlib import Path

from wiresift.model import Claim, Document, Entity, Event, Place, Quote, SpanRef, Timex

DOC_ID = "harbour/berth report#2"
FILLER = (
    "Paragraph {n}: the harbour commission reviewed ferry timetables, berth fees and the dredging "
    "schedule for the season, and the minutes list every vote on the tariff tables."
)
QUOTE = '"We will reopen the northern berth by spring,"'
TAIL = (
    f"\n\n{QUOTE} said Harbour Master Ilse Varga on Tuesday. Dredgers removed about 40,000 tonnes "
    "of silt near Port Veyra, the commission said."
)


def long_document() -> Document:
    text = "\n\n".join(FILLER.format(n=n) for n in range(1, 61)) + TAIL

    def span(piece: str, after: int = 0) -> tuple[int, int]:
        start = text.index(piece, after)
        return start, start + len(piece)

    qs, qe = span(QUOTE)
    ms, me = span("Ilse Varga", qe)
    ts, te = span("Tuesday", qe)
    cs, ce = span("about 40,000 tonnes", qe)
    ps, pe = span("Port Veyra", qe)
    vs, ve = span("removed", qe)
    doc = Document(
        id=DOC_ID,
        title="Harbour commission plans to reopen the northern berth",
        site="Harbour Ledger",
        published="2026-04-07",
        text=text,
        entities=[
            Entity(id="e1", name="Ilse Varga", type="PERSON", titles=["Harbour Master"], mentions=[(ms, me)])
        ],
        quotes=[
            Quote(
                id="q1",
                text=QUOTE,
                start=qs,
                end=qe,
                kind="direct",
                cue="said",
                speaker_mention=SpanRef(start=ms, end=me, text="Ilse Varga"),
                speaker="e1",
                speaker_name="Ilse Varga",
                speaker_confidence=0.91,
            )
        ],
        claims=[
            Claim(
                id="c1",
                text="about 40,000 tonnes",
                start=cs,
                end=ce,
                value=40000.0,
                qualifier="about",
                unit="tonnes",
            )
        ],
        timexes=[Timex(text="Tuesday", start=ts, end=te, type="DATE", value="2026-04-07")],
        places=[
            Place(
                id="gn:4242001",
                name="Port Veyra",
                geonames_id=4242001,
                lat=54.1,
                lon=19.2,
                country="PL",
                kind="city",
                mentions=[(ps, pe)],
                confidence=0.8,
            )
        ],
        events=[Event(id="v1", text="removed", start=vs, end=ve, plover="OTHER", confidence=0.5)],
        stages={"quotes": "test-1", "places": "test-2"},
    ).finalize()
    assert doc.check_spans() == []
    return doc


def build_permalink_store(path: Path) -> Path:
    from wiresift import api

    store = api.open_store(path)
    store.save(long_document())
    store.close()
    return path
