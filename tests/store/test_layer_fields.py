"""The layer fields declared in ``wiresift.layers`` are the columns the latest schema has, on both
backends, and cover every field of the record model: a field added in one place only fails here."""

from __future__ import annotations

from typing import Any

import pytest

from wiresift.export import csv as csv_export
from wiresift.layers import CSV_LAYERS, TABLES, Layer, insert_sql
from wiresift.model import Document, Entity, EventActor, Place, Quote, SpanRef


def _schema_columns(store: Any, table: str) -> set[str]:
    if store.sql.dialect.name == "sqlite":
        return {r[1] for r in store.sql.rows(f"PRAGMA table_xinfo({table})")}
    rows = store.sql.rows(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND table_name = ?",
        (table,),
    )
    return {r[0] for r in rows}


@pytest.mark.parametrize("layer", TABLES, ids=lambda layer: layer.table)
def test_declared_columns_are_the_schema_columns(any_store: Any, layer: Layer) -> None:
    schema = _schema_columns(any_store, layer.table)
    assert schema, f"no table {layer.table}"
    declared = set(layer.columns)
    assert len(declared) == len(layer.columns), "a column declared twice"
    assert declared <= schema, f"declared but not in the schema: {sorted(declared - schema)}"
    assert schema - set(layer.kept) == declared, f"in the schema, not declared: {sorted(schema - declared)}"


@pytest.mark.parametrize("layer", [t for t in TABLES if t.model is not None], ids=lambda layer: layer.table)
def test_every_model_field_is_declared(layer: Layer) -> None:
    assert layer.model is not None
    names = {f.name for f in layer.fields} | set(layer.elsewhere)
    missing = set(layer.model.model_fields) - names
    assert not missing, f"{layer.model.__name__} fields not declared in {layer.table}: {sorted(missing)}"
    assert not set(layer.elsewhere) & {f.name for f in layer.fields}, "a field both declared and elsewhere"


def test_csv_headers_come_from_the_declared_fields() -> None:
    assert {layer.table: layer.csv_columns for layer in CSV_LAYERS} == csv_export.TABLES
    assert csv_export.TABLES["quotes"][:4] == ("doc_id", "id", "start", "end")
    assert "stage_version" not in {c for cols in csv_export.TABLES.values() for c in cols}


def test_rows_follow_the_declared_columns() -> None:
    text = "Mayor Ilse Brandt said the ferry left Tromsø at dawn."
    doc = Document(
        id="d1",
        text=text,
        entities=[Entity(id="e1", name="Ilse Brandt", type="PERSON", mentions=[(6, 17)], stage="coref")],
        quotes=[
            Quote(
                id="q1", text=text[18:52], start=18, end=52, kind="indirect", cue_span=(18, 22),
                speaker_mention=SpanRef(start=6, end=17, text="Ilse Brandt"), speaker="e1",
            )
        ],
        places=[Place(id="p1", name="Tromsø", mentions=[(38, 44)], adjectival=True)],
        stages={"coref": "3", "quotes": "2"},
    ).finalize()  # fmt: skip
    from wiresift.layers import ENTITIES, MENTIONS, PLACES, QUOTES

    quote = dict(zip(QUOTES.columns, QUOTES.rows(doc)[0], strict=True))
    assert quote["cue_start"] == 18 and quote["cue_end"] == 22
    assert (quote["speaker_start"], quote["speaker_end"], quote["speaker_text"]) == (6, 17, "Ilse Brandt")
    assert (quote["stage"], quote["stage_version"]) == ("quotes", "2")
    entity = dict(zip(ENTITIES.columns, ENTITIES.rows(doc)[0], strict=True))
    assert (entity["stage"], entity["stage_version"], entity["aliases"]) == ("coref", "3", "[]")
    assert dict(zip(PLACES.columns, PLACES.rows(doc)[0], strict=True))["adjectival"] == 1
    mentions = [dict(zip(MENTIONS.columns, r, strict=True)) for r in MENTIONS.rows(doc)]
    assert [(m["layer"], m["item_id"], m["text"], m["stage"]) for m in mentions] == [
        ("entities", "e1", "Ilse Brandt", "coref"),
        ("places", "p1", "Tromsø", "places"),
    ]
    assert insert_sql(QUOTES).count("?") == len(QUOTES.columns)


def test_event_actor_columns_cover_the_actor() -> None:
    from wiresift.layers import EVENTS

    parts = {c.removeprefix("source_") for c in EVENTS.columns if c.startswith("source_")}
    assert parts == set(EventActor.model_fields)
