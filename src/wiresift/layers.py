"""The stored fields of every layer, declared once.

Each table a document is written to (documents, entities, mentions, quotes, claims, timexes, places,
events) is a :class:`Layer`: its fields in the CSV export's order, each with the SQL columns that hold
it and how their values come out of the document. Both stores write their rows from here
(:func:`insert_sql`, :meth:`Layer.rows`), the CSV export takes its headers from here
(:meth:`Layer.csv_columns`), and a test checks the declared columns against the latest schema on
SQLite and on PostgreSQL: a field added in one place only fails it. Migrations stay as they were
written (they are history); what the store keeps by itself (positions, resolution, the search index)
is listed in :attr:`Layer.kept`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NamedTuple

from pydantic import BaseModel

from wiresift.model import Claim, Document, Entity, Event, Place, Quote, SpanRef, Timex

#: A field's SQL values for one row: from the document, the item (the document itself for
#: ``documents``) and the item's position in its layer.
Values = Callable[[Document, Any, int], tuple[object, ...]]


@dataclass(frozen=True)
class LayerField:
    """One field of a layer: its name (the model's and the CSV header), its SQL columns and values."""

    name: str
    columns: tuple[str, ...]  # () when the layer's table has no column for it (it lives elsewhere)
    csv: bool  # whether the CSV table shows it (its cell comes from the item's ``model_dump()``)
    values: Values | None = None  # None when ``columns`` is empty


@dataclass(frozen=True)
class Layer:
    """A table of the store: the declared fields, in the CSV export's order."""

    table: str
    fields: tuple[LayerField, ...]
    items: Callable[[Document], list[Any]]
    model: type[BaseModel] | None = None  # the record of one item
    kept: tuple[str, ...] = ()  # columns the store fills itself, on either backend
    elsewhere: tuple[str, ...] = ()  # model fields with no column here: the JSON record, other tables

    @property
    def columns(self) -> tuple[str, ...]:
        """The SQL columns the store writes, in the order :meth:`rows` gives their values."""
        return tuple(c for f in self.fields for c in f.columns)

    @property
    def csv_columns(self) -> tuple[str, ...]:
        """The CSV table's header."""
        return tuple(f.name for f in self.fields if f.csv)

    def row(self, doc: Document, item: Any, index: int) -> tuple[object, ...]:
        return tuple(v for f in self.fields if f.values is not None for v in f.values(doc, item, index))

    def rows(self, doc: Document) -> list[tuple[object, ...]]:
        """One SQL row per item of the document, values in :attr:`columns` order."""
        return [self.row(doc, item, i) for i, item in enumerate(self.items(doc))]


def insert_sql(layer: Layer) -> str:
    """``INSERT INTO table(columns) VALUES (?, ...)`` for :meth:`Layer.rows`."""
    names = ", ".join(f'"{c}"' for c in layer.columns)
    return f"INSERT INTO {layer.table}({names}) VALUES ({', '.join('?' * len(layer.columns))})"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _attr(name: str) -> Values:
    return lambda doc, item, index: (getattr(item, name),)


def both(name: str, values: Values | None = None) -> LayerField:
    """A field with a column of its name and a CSV cell (the item's attribute unless ``values``)."""
    return LayerField(name, (name,), True, values or _attr(name))


def stored(*columns: str, name: str = "", values: Values | None = None) -> LayerField:
    """Columns the CSV table does not show."""
    return LayerField(name or columns[0], columns, False, values or _attr(columns[0]))


def shown(name: str) -> LayerField:
    """A CSV cell kept in another table of the store (an item's mentions)."""
    return LayerField(name, (), True)


def _doc_id(doc: Document, item: Any, index: int) -> tuple[object, ...]:
    return (doc.id,)


def _stage(default: str) -> LayerField:
    """The stage that made the item (its own, else the layer's) and that stage's version."""

    def values(doc: Document, item: Any, index: int) -> tuple[object, ...]:
        stage = item.stage or default
        return stage, doc.stages.get(stage)

    return stored("stage", "stage_version", values=values)


def _json(name: str) -> Values:
    return lambda doc, item, index: (json.dumps(getattr(item, name)),)


def _span(name: str) -> Values:
    """A ``[start, end)`` pair (or None) as two columns."""

    def values(doc: Document, item: Any, index: int) -> tuple[object, ...]:
        span = getattr(item, name)
        return (span[0], span[1]) if span else (None, None)

    return values


def _mention(doc: Document, item: Any, index: int) -> tuple[object, ...]:
    m: SpanRef | None = item.speaker_mention
    return (m.start, m.end, m.text) if m else (None, None, None)


def _actor(role: str, *parts: str) -> Values:
    def values(doc: Document, item: Event, index: int) -> tuple[object, ...]:
        actor = getattr(item, role)
        return tuple(getattr(actor, p) if actor else None for p in parts)

    return values


def _actor_fields(role: str) -> tuple[LayerField, ...]:
    """An event's actor: its text (shown as ``source``/``target``) with span and entity, code, sector."""
    return (
        LayerField(
            role,
            (f"{role}_text", f"{role}_start", f"{role}_end", f"{role}_entity"),
            True,
            _actor(role, "text", "start", "end", "entity"),
        ),
        LayerField(f"{role}_code", (f"{role}_code",), True, _actor(role, "code")),
        LayerField(f"{role}_sector", (f"{role}_sector",), True, _actor(role, "sector")),
    )


def _also_fields(role: str) -> tuple[LayerField, ...]:
    """An event's coordinated actors of a role (``also_sources``/``also_targets``): stored as the JSON
    array of the actors, shown in CSV as their texts and, in a second cell, their codes."""
    name = f"also_{role}s"

    def values(doc: Document, item: Event, index: int) -> tuple[object, ...]:
        return (json.dumps([a.model_dump() for a in getattr(item, name)], ensure_ascii=False),)

    return LayerField(name, (name,), True, values), shown(f"also_{role}_codes")


_DOC_ID = both("doc_id", _doc_id)

DOCUMENTS = Layer(
    "documents",
    (
        both("id"), both("title"), both("site"), both("url"), both("published"),
        both("authors", _json("authors")), both("language"), both("duplicate_of"), both("source"),
        stored("content_hash"), stored("format"), stored("text"),
        stored("record", values=lambda doc, item, index: (json.dumps(doc.to_record(), ensure_ascii=False),)),
        stored("ingested_at", values=lambda doc, item, index: (_now(),)),
    ),
    items=lambda doc: [doc],
    model=Document,
    kept=("num", "fts"),  # the storage position; PostgreSQL's search vector
    elsewhere=(
        "schema_", "captions", "tags", "related", "stages", "errors",  # in the record
        "entities", "quotes", "claims", "timexes", "places", "events",  # the layers' tables
    ),
)  # fmt: skip
ENTITIES = Layer(
    "entities",
    (
        _DOC_ID, both("id"), both("name"), both("type"), both("titles", _json("titles")),
        both("aliases", _json("aliases")), shown("mentions"), _stage("entities"),
    ),
    items=lambda doc: doc.entities,
    model=Entity,
    kept=("canonical_id", "num"),  # set by entity resolution; PostgreSQL's insertion position
)  # fmt: skip
QUOTES = Layer(
    "quotes",
    (
        _DOC_ID, both("id"), both("start"), both("end"), both("kind"), both("mode"), both("cue"),
        both("speaker"), both("speaker_name"),
        LayerField("speaker_mention", ("speaker_start", "speaker_end", "speaker_text"), True, _mention),
        both("speaker_confidence"), both("text"),
        stored("cue_start", "cue_end", name="cue_span", values=_span("cue_span")), _stage("quotes"),
    ),
    items=lambda doc: doc.quotes,
    model=Quote,
)  # fmt: skip
CLAIMS = Layer(
    "claims",
    (
        _DOC_ID, both("id"), both("start"), both("end"), both("value"), both("low"), both("high"),
        both("qualifier"), both("unit"), both("counted"), both("count_type"), both("claimant"),
        both("claimant_name"), both("place"), both("time"), both("text"), _stage("claims"),
    ),
    items=lambda doc: doc.claims,
    model=Claim,
    elsewhere=("claimant_mention",),  # in the record
)  # fmt: skip
TIMEXES = Layer(
    "timexes",
    (
        _DOC_ID, both("start"), both("end"), both("type"), both("value"), both("mod"), both("text"),
        stored("idx", values=lambda doc, item, index: (index,)), _stage("timexes"),
    ),
    items=lambda doc: doc.timexes,
    model=Timex,
)  # fmt: skip
PLACES = Layer(
    "places",
    (
        _DOC_ID, both("id"), both("name"), both("geonames_id"), both("lat"), both("lon"), both("country"),
        both("admin1"), both("kind"), both("adjectival", lambda doc, item, index: (int(item.adjectival),)),
        shown("mentions"), stored("confidence"), _stage("places"),
    ),
    items=lambda doc: doc.places,
    model=Place,
)  # fmt: skip
EVENTS = Layer(
    "events",
    (
        _DOC_ID, both("id"), both("start"), both("end"), both("plover"), both("quad"), both("mode"),
        both("cameo"), both("acled"), both("negated", lambda doc, item, index: (int(item.negated),)),
        both("hypothetical"), both("reported_by"), *_actor_fields("source"), *_actor_fields("target"),
        *_also_fields("source"), *_also_fields("target"), both("place"), both("time"), both("dead"),
        both("injured"), both("size"), both("confidence"), both("text"), _stage("events"),
    ),
    items=lambda doc: doc.events,
    model=Event,
)  # fmt: skip


class Mention(NamedTuple):
    """One mention of an entity or a place: its layer, the item it names and its span."""

    layer: str
    item: Any
    start: int
    end: int


def _mentions(doc: Document) -> list[Mention]:
    return [
        Mention(layer, item, start, end)
        for layer, items in (("entities", doc.entities), ("places", doc.places))
        for item in items
        for start, end in item.mentions
    ]


def _mention_stage(doc: Document, m: Mention, index: int) -> tuple[object, ...]:
    stage = m.item.stage or m.layer
    return stage, doc.stages.get(stage)


MENTIONS = Layer(
    "mentions",
    (
        _DOC_ID, stored("layer"), stored("item_id", values=lambda doc, m, index: (m.item.id,)),
        stored("start"), stored("end"),
        stored("text", values=lambda doc, m, index: (doc.text[m.start : m.end],)),
        stored("stage", "stage_version", values=_mention_stage),
    ),
    items=_mentions,
    kept=("num",),  # PostgreSQL's insertion position
)  # fmt: skip

#: Every table a document is written to, in writing order (the document first).
TABLES: tuple[Layer, ...] = (DOCUMENTS, ENTITIES, QUOTES, CLAIMS, TIMEXES, PLACES, EVENTS, MENTIONS)
#: The layers a correction may change (rewritten with the document's place mentions).
FACTS: tuple[Layer, ...] = (QUOTES, CLAIMS, TIMEXES, PLACES, EVENTS)
#: The tables of the CSV export, by name.
CSV_LAYERS: tuple[Layer, ...] = (DOCUMENTS, ENTITIES, QUOTES, CLAIMS, TIMEXES, PLACES, EVENTS)


def mentions_of(doc: Document, layer: str) -> Iterator[tuple[object, ...]]:
    """The ``mentions`` rows of one layer of the document (``entities`` or ``places``)."""
    for i, m in enumerate(_mentions(doc)):
        if m.layer == layer:
            yield MENTIONS.row(doc, m, i)
