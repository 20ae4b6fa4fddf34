"""Events in the CSV, GeoJSON, STIX 2.1 and FollowTheMoney exports, on a hand-built document."""

from __future__ import annotations

import json

import stix2

from wiresift.export import csv as wcsv
from wiresift.export import ftm, geojson, stix
from wiresift.model import Document, Entity, Event, EventActor, Place

TEXT = "Border guards of Freedonia detained two smugglers near Sylvania on Friday."


def document() -> Document:
    return Document(
        id="doc1",
        text=TEXT,
        title="Arrests at the border",
        site="news.example",
        published="2024-03-09",
        entities=[Entity(id="e1", name="Freedonia Border Guard", type="ORG", mentions=[(0, 26)])],
        places=[Place(id="p1", name="Sylvania", lat=45.5, lon=-12.25, country="SY", mentions=[(55, 63)])],
        events=[
            Event(
                id="v1", text="detained", start=27, end=35, plover="COERCE", quad="MATERIAL_CONFLICT",
                cameo="173", acled="Arrests", source=EventActor(text="Border guards of Freedonia", start=0,
                end=26, entity="e1", code="FRE", sector="COP"),
                target=EventActor(text="two smugglers", start=36, end=49, sector="CRM"),
                place="p1", time="2024-03-08", stage="events",
            ),
            Event(id="v2", text="smugglers", start=40, end=49, acled="Organized crime", stage="events"),
        ],
    )  # fmt: skip


def test_csv_has_an_events_table_with_flat_actors() -> None:
    rows = wcsv.rows(document())["events"]
    assert [r["id"] for r in rows] == ["v1", "v2"]
    assert rows[0]["source_code"] == "FRE" and rows[0]["target_sector"] == "CRM" and rows[0]["cameo"] == "173"
    assert set(wcsv.TABLES["events"]) >= {"plover", "acled", "source", "target", "place", "time"}


def test_geojson_has_a_point_per_placed_event() -> None:
    feats = geojson.event_features(document())
    assert len(feats) == 1  # v2 has no place
    assert feats[0]["geometry"]["coordinates"] == [-12.25, 45.5]
    assert feats[0]["properties"]["layer"] == "event" and feats[0]["properties"]["plover"] == "COERCE"


def test_stix_observed_data_with_relationships() -> None:
    bundle = stix2.parse(stix.dumps([document()]), allow_custom=True)
    by_id = {o.id: o for o in bundle.objects}
    observed = [o for o in bundle.objects if o.type == "observed-data"]
    assert len(observed) == 2
    first = observed[0]
    assert first.x_wiresift_event["plover"] == "COERCE" and str(first.first_observed).startswith("2024-03-08")
    targets = {by_id[ref].target_ref.split("--")[0] for ref in first.object_refs}
    assert targets == {"report", "identity", "location"}
    report = next(o for o in bundle.objects if o.type == "report")
    assert first.id in report.object_refs


def test_ftm_event_entities() -> None:
    rows = [r for r in ftm.to_dicts([document()]) if r["schema"] == "Event"]
    assert len(rows) == 2
    props = rows[0]["properties"]
    assert props["date"] == ["2024-03-08"] and props["location"] == ["Sylvania"]
    org = next(r for r in ftm.to_dicts([document()]) if r["schema"] == "Organization")
    assert props["organizer"] == [org["id"]] and props["namesMentioned"] == ["two smugglers"]
    assert json.loads(props["summary"][0])["acled"] == "Arrests"
