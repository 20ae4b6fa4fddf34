"""Coordinated event actors (#14) in CSV, GeoJSON, STIX 2.1, FollowTheMoney, the GDELT-style table and
the article view's event line, on a hand-built invented document."""

from __future__ import annotations

import stix2

from wiresift.export import csv as wcsv
from wiresift.export import ftm, gdelt, geojson, stix
from wiresift.model import Document, Entity, Event, EventActor, Place
from wiresift.web.highlight import event_line

TEXT = "Ruritania and Brea shelled Fort Lisk and Camp Ode near Tarvo on Monday."


def _actor(text: str, entity: str, code: str) -> EventActor:
    start = TEXT.index(text)
    return EventActor(text=text, start=start, end=start + len(text), entity=entity, code=code)


def document() -> Document:
    return Document(
        id="doc1",
        text=TEXT,
        url="https://news.example/a",
        published="2025-04-07",
        entities=[
            Entity(id="e1", name="Ruritania", type="ORG", mentions=[(0, 9)]),
            Entity(id="e2", name="Brea", type="ORG", mentions=[(14, 18)]),
            Entity(id="e3", name="Fort Lisk", type="ORG", mentions=[(27, 36)]),
            Entity(id="e4", name="Camp Ode", type="ORG", mentions=[(41, 49)]),
        ],
        places=[Place(id="p1", name="Tarvo", lat=44.0, lon=21.5, country="RU", mentions=[(55, 60)])],
        events=[
            Event(
                id="v1", text="shelled", start=19, end=26, plover="ASSAULT", quad="MATERIAL_CONFLICT",
                cameo="195", source=_actor("Ruritania", "e1", "RUR"), also_sources=[_actor("Brea", "e2", "BRE")],
                target=_actor("Fort Lisk", "e3", "LSK"), also_targets=[_actor("Camp Ode", "e4", "ODE")],
                place="p1", stage="events",
            )
        ],
    )  # fmt: skip


def test_the_record_keeps_the_lists_and_checks_their_spans() -> None:
    doc = document()
    assert doc.check_spans() == []
    again = Document.from_record(doc.to_record())
    assert again.events[0].also_sources[0].code == "BRE"
    assert (
        Document.from_record({"text": "x", "events": [{"id": "v1", "text": "x", "start": 0, "end": 1}]})
        .events[0]
        .also_sources
        == []
    )  # a record written before the lists loads
    doc.events[0].also_targets[0].start = 0
    assert doc.check_spans() != []  # a coordinated actor's span is checked like the first's


def test_csv_joins_the_names_and_codes() -> None:
    row = wcsv.rows(document())["events"][0]
    assert row["also_sources"] == "Brea" and row["also_source_codes"] == "BRE"
    assert row["also_targets"] == "Camp Ode" and row["also_target_codes"] == "ODE"
    assert {"also_sources", "also_source_codes", "also_targets", "also_target_codes"} <= set(
        wcsv.TABLES["events"]
    )


def test_geojson_lists_the_codes() -> None:
    props = geojson.event_features(document())[0]["properties"]
    assert props["source"] == "RUR" and props["also_sources"] == ["BRE"] and props["also_targets"] == ["ODE"]


def test_stix_relates_every_actor() -> None:
    bundle = stix2.parse(stix.dumps([document()]), allow_custom=True)
    by_id = {o.id: o for o in bundle.objects}
    observed = next(o for o in bundle.objects if o.type == "observed-data")
    rels = [by_id[ref] for ref in observed.object_refs]
    names = {by_id[r.target_ref].name for r in rels if r.target_ref.startswith("identity--")}
    assert names == {"Ruritania", "Brea", "Fort Lisk", "Camp Ode"}


def test_ftm_names_every_organizer_and_involved() -> None:
    rows = list(ftm.to_dicts([document()]))
    ids = {r["properties"]["name"][0]: r["id"] for r in rows if r["schema"] == "Organization"}
    props = next(r for r in rows if r["schema"] == "Event")["properties"]
    assert set(props["organizer"]) == {ids["Ruritania"], ids["Brea"]}
    assert set(props["involved"]) == {ids["Fort Lisk"], ids["Camp Ode"]}


def test_gdelt_has_one_row_per_actor_pair() -> None:
    rows = list(gdelt.event_rows(document()))
    pairs = [(r[gdelt.COLUMNS.index("Actor1Name")], r[gdelt.COLUMNS.index("Actor2Name")]) for r in rows]
    assert pairs == [
        ("Ruritania", "Fort Lisk"),
        ("Ruritania", "Camp Ode"),
        ("Brea", "Fort Lisk"),
        ("Brea", "Camp Ode"),
    ]
    assert [r[0] for r in rows] == ["doc1-v1", "doc1-v1-2", "doc1-v1-3", "doc1-v1-4"]
    assert {r[gdelt.COLUMNS.index("TriggerStart")] for r in rows} == {19}  # one event


def test_the_article_view_marks_every_actor() -> None:
    doc = document()
    assert event_line(doc.events[0], doc).startswith(
        "Ruritania [RUR] + Brea [BRE] → Fort Lisk [LSK] + Camp Ode [ODE]"
    )
