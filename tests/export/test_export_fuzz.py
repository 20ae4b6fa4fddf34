"""Every export format accepts any document the model accepts (hypothesis), and its output parses."""

from __future__ import annotations

import csv
import json
import tempfile
from pathlib import Path

import stix2
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wiresift.export import ftm, stix
from wiresift.export.csv import TABLES, write_tables
from wiresift.export.geojson import features
from wiresift.export.jsonl import dumps
from wiresift.model import Claim, Document, Entity, Place, Quote, SpanRef, Timex

text = st.text(max_size=12)
maybe_text = st.none() | text
offset = st.integers(min_value=-3, max_value=60)
number = st.none() | st.floats(allow_nan=False, allow_infinity=False) | st.integers(-(10**6), 10**6)
span = st.tuples(offset, offset)
ids = st.sampled_from(["e1", "e2", "q1", "", "-x", "=1"])

entities = st.builds(
    Entity, id=ids, name=text, type=st.sampled_from(["PERSON", "ORG", "NORP", "GPE", ""]),
    aliases=st.lists(text, max_size=2), titles=st.lists(text, max_size=2), mentions=st.lists(span, max_size=2),
)  # fmt: skip
quotes = st.builds(
    Quote, id=ids, text=text, start=offset, end=offset, kind=st.sampled_from(["direct", "indirect", "mixed"]),
    cue=maybe_text, cue_span=st.none() | span, speaker=st.none() | ids, speaker_name=maybe_text,
    speaker_mention=st.none() | st.builds(SpanRef, start=offset, end=offset, text=text),
)  # fmt: skip
claims = st.builds(
    Claim, id=ids, text=text, start=offset, end=offset, value=number, low=number, high=number,
    qualifier=maybe_text, unit=maybe_text, counted=maybe_text, claimant=st.none() | ids, time=maybe_text,
)  # fmt: skip
timexes = st.builds(
    Timex, text=text, start=offset, end=offset, type=st.sampled_from(["DATE", "TIME", "DURATION", "SET"]),
    value=maybe_text,
)  # fmt: skip
places = st.builds(
    Place, id=ids, name=text, geonames_id=st.none() | st.integers(-5, 10**7), lat=number, lon=number,
    country=maybe_text, admin1=maybe_text, mentions=st.lists(span, max_size=2),
)  # fmt: skip
documents = st.builds(
    Document, id=st.text(min_size=1, max_size=10), text=st.text(max_size=80), title=maybe_text,
    site=maybe_text, url=maybe_text, published=st.none() | st.sampled_from(["2026-02-30", "2026", "x"]) | text,
    authors=st.lists(text, max_size=2), entities=st.lists(entities, max_size=3),
    quotes=st.lists(quotes, max_size=3), claims=st.lists(claims, max_size=2),
    timexes=st.lists(timexes, max_size=2), places=st.lists(places, max_size=3),
)  # fmt: skip


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(documents, min_size=0, max_size=3, unique_by=lambda d: d.id))
def test_every_format_accepts_any_document(docs: list[Document]) -> None:
    docs = [d.finalize() for d in docs]
    bundle = stix2.parse(stix.dumps(docs), allow_custom=True)
    assert sum(o.type == "report" for o in bundle.objects) == len(docs)
    for line in ftm.dumps(docs).splitlines():
        json.loads(line)
    json.dumps(features(docs), allow_nan=False)
    for doc in docs:
        assert Document.from_record(json.loads(dumps(doc))) == doc
    with tempfile.TemporaryDirectory() as tmp:
        write_tables(docs, tmp)
        with (Path(tmp) / "documents.csv").open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        assert len(rows) == len(docs) + 1 and all(len(r) == len(TABLES["documents"]) for r in rows)
