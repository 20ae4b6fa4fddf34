"""Property tests of the document model: every span of every layer points at its own text.

Documents are generated with random texts and random valid spans for every layer; each must pass
``Document.check_spans()``, survive the JSON record, and come back unchanged from the store.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wiresift.model import Claim, Document, Entity, Place, Quote, Related, SpanRef, Timex
from wiresift.store import SQLiteStore

# Unicode beyond the BMP, combining marks and newlines: offsets are code points, not bytes.
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=0, max_size=200)
WORD = st.text("abcdefghijklmnopqrstuvwxyzé -'", min_size=1, max_size=20)
OPT_WORD = st.none() | WORD
NUMBER = st.none() | st.floats(allow_nan=False, allow_infinity=False, width=32)
DATE = st.none() | st.dates().map(lambda d: d.isoformat()) | st.sampled_from(["2021", "2021-08", "2022-W03"])


@st.composite
def spans(draw: st.DrawFn, text: str) -> tuple[int, int]:
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return start, end


@st.composite
def documents(draw: st.DrawFn) -> Document:
    """A document whose every layer item is a valid span of its text."""
    text = draw(TEXT)
    span = spans(text)
    n = st.integers(0, 4)
    entities = [
        Entity(
            id=f"e{i}", name=draw(WORD), type=draw(st.sampled_from(["PERSON", "ORG", "GPE", "NORP"])),
            aliases=draw(st.lists(WORD, max_size=2)), titles=draw(st.lists(WORD, max_size=2)),
            mentions=draw(st.lists(span, max_size=3)), stage="entities",
        )
        for i in range(draw(n))
    ]  # fmt: skip
    quotes = []
    for i in range(draw(n)):
        s, e = draw(span)
        ms, me = draw(span)
        mention = draw(st.none() | st.just(SpanRef(start=ms, end=me, text=text[ms:me])))
        quotes.append(
            Quote(
                id=f"q{i}", text=text[s:e], start=s, end=e, kind=draw(st.sampled_from(["direct", "indirect", "mixed"])),
                cue=draw(OPT_WORD), cue_span=draw(st.none() | span), speaker_mention=mention,
                speaker=draw(st.none() | st.sampled_from([e.id for e in entities] or ["e0"])),
                speaker_name=draw(OPT_WORD), stage="quotes",
                mode=draw(st.sampled_from(["statement", "belief", "intention", "knowledge", "other"])),
                speaker_confidence=draw(st.none() | st.floats(0, 1)),
            )
        )  # fmt: skip
    claims = []
    for i in range(draw(n)):
        s, e = draw(span)
        claims.append(
            Claim(
                id=f"c{i}", text=text[s:e], start=s, end=e, value=draw(NUMBER), low=draw(NUMBER),
                high=draw(NUMBER), qualifier=draw(OPT_WORD), unit=draw(OPT_WORD), counted=draw(OPT_WORD),
                claimant_name=draw(OPT_WORD), time=draw(DATE), stage="claims",
            )
        )  # fmt: skip
    timexes = []
    for _ in range(draw(n)):
        s, e = draw(span)
        timexes.append(
            Timex(text=text[s:e], start=s, end=e, type=draw(st.sampled_from(["DATE", "TIME", "DURATION", "SET"])),
                  value=draw(DATE), stage="timexes")
        )  # fmt: skip
    places = [
        Place(
            id=f"p{i}", name=draw(WORD), geonames_id=draw(st.none() | st.integers(1, 10**7)),
            lat=draw(st.none() | st.floats(-90, 90)), lon=draw(st.none() | st.floats(-180, 180)),
            country=draw(st.none() | st.sampled_from(["TJ", "AF", "RU"])),
            kind=draw(st.none() | st.sampled_from(["country", "city", "region"])),
            mentions=draw(st.lists(span, max_size=3)), stage="places",
        )
        for i in range(draw(n))
    ]  # fmt: skip
    doc = Document(
        text=text, title=draw(OPT_WORD), url=draw(OPT_WORD), site=draw(OPT_WORD), published=draw(DATE),
        authors=draw(st.lists(WORD, max_size=2)), captions=draw(st.lists(WORD, max_size=2)),
        related=[Related(title=t) for t in draw(st.lists(WORD, max_size=2))],
        entities=entities, quotes=quotes, claims=claims, timexes=timexes, places=places,
        stages={"entities": "1", "quotes": "2", "claims": "1", "timexes": "1", "places": "1"},
    )  # fmt: skip
    return doc.finalize()


@given(documents())
def test_every_generated_span_is_valid(doc: Document) -> None:
    assert doc.check_spans() == []
    for layer in (doc.quotes, doc.claims, doc.timexes):
        for item in layer:
            assert doc.text[item.start : item.end] == item.text


@given(documents())
def test_record_round_trip(doc: Document) -> None:
    record = json.loads(json.dumps(doc.to_record()))
    assert record["schema"] == "wiresift/1"
    assert Document.from_record(record) == doc


def test_a_broken_span_is_reported() -> None:
    doc = Document(text="Kabul fell.", timexes=[Timex(text="fell", start=0, end=4, type="DATE")])
    assert doc.check_spans() == ["Timex 0:4 'fell'"]


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(documents(), min_size=1, max_size=4))
def test_store_round_trip(docs: list[Document]) -> None:
    """Whatever is saved loads back equal, with every span still valid and every fact row stored."""
    with SQLiteStore(":memory:") as store:
        saved = {}
        for doc in docs:
            result = store.save(doc.model_copy(deep=True))
            if result.status == "new":
                saved[result.id] = doc
        for doc_id, doc in saved.items():
            loaded = store.load(doc_id)
            assert loaded.check_spans() == []
            assert loaded.model_copy(update={"id": doc.id}) == doc
        rows = store.conn.execute(
            'SELECT d.text, q.start, q."end", q.text FROM quotes q JOIN documents d ON d.id = q.doc_id'
        )
        for text, start, end, quoted in rows:
            assert text[start:end] == quoted
        counts = store.conn.execute("SELECT count(*) FROM quotes WHERE stage_version IS NULL").fetchone()
        assert counts[0] == 0


def test_published_schema_is_up_to_date() -> None:
    """``docs/schema.json`` is what ``docs/make_schema.py`` generates from the model today."""
    import importlib.util
    from pathlib import Path

    script = Path(__file__).parents[1] / "docs" / "make_schema.py"
    spec = importlib.util.spec_from_file_location("make_schema", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (script.parent / "schema.json").read_text(encoding="utf-8")
    assert committed == module.schema_text(), "the model changed: run `python docs/make_schema.py`"
    assert json.loads(committed)["properties"]["schema"]["default"] == "wiresift/1"
