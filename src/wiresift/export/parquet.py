"""Parquet per layer: documents, entities, mentions, quotes, claims, timexes and places, one file each.

The columns are derived from the document model (``wiresift.model``), so a layer or a field added
there gets its column here without a second declaration; ``events`` and ``stories`` get their own
file as soon as ``Document`` has them. Types follow the model: ``str`` and the literal kinds are
strings, ``int`` is int64, ``float`` float64, ``bool`` boolean, ``X | None`` a nullable column, a
``list[str]`` a list of strings, a ``[start, end)`` span a ``list<int64>`` of two and a list of spans
(``mentions``) a ``list<list<int64>>``. A nested record (a quote's ``speaker_mention``, a claim's
``claimant_mention``) is flattened into ``<field>_<subfield>`` columns, so every offset is a plain
column; the documents' ``related`` links stay a list of structs and ``stages`` a map.

Every row of a layer holds its document id in ``doc_id`` and its own ``id`` (timexes have none:
their key is ``doc_id, start, end``); ``mentions`` has one row per entity mention
(``doc_id, entity_id, start, end, text``). The files are written with ``pyarrow.parquet``, a row
group every ``batch`` documents (fewer when their texts pass :data:`BATCH_TEXT`), so the export holds
one batch at a time, never the store; they go through the same temporary files as the CSV tables
(``wiresift.export.output``) and replace the targets only when all are complete.
"""

from __future__ import annotations

import types
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import BaseModel

from wiresift.export.output import atomic_binary_files, check_directory
from wiresift.model import SCHEMA, Document

#: Document fields holding a layer of items, each written to ``<layer>.parquet`` when the model has it.
LAYERS = tuple(
    name
    for name in ("entities", "quotes", "claims", "timexes", "places", "events", "stories")
    if name in Document.model_fields
)
#: Document fields left out of ``documents.parquet``: the layers (files of their own) and the constant schema.
_NOT_DOCUMENT_COLUMNS = {*LAYERS, "schema_"}
#: Documents per row group; a row group is closed earlier once its texts reach BATCH_TEXT characters.
BATCH = 500
BATCH_TEXT = 64 * 1024 * 1024


def arrow_type(annotation: Any) -> pa.DataType:
    """The Arrow type of a model field's annotation (see the module docstring for the mapping)."""
    origin, args = get_origin(annotation), get_args(annotation)
    if origin in (Union, types.UnionType):
        kept = [arg for arg in args if arg is not type(None)]
        if len(kept) != 1:
            raise TypeError(f"no Parquet type for the union {annotation!r}")
        return arrow_type(kept[0])
    if origin is Literal and all(isinstance(arg, str) for arg in args):
        return pa.string()
    if origin is list:
        return pa.list_(arrow_type(args[0]))
    if origin is tuple and args and all(arg is int for arg in args):
        return pa.list_(pa.int64())  # a [start, end) span
    if origin is dict:
        return pa.map_(arrow_type(args[0]), arrow_type(args[1]))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pa.struct([(name, arrow_type(f.annotation)) for name, f in annotation.model_fields.items()])
    simple = {str: pa.string(), bool: pa.bool_(), int: pa.int64(), float: pa.float64()}
    if annotation in simple:
        return simple[annotation]
    raise TypeError(f"no Parquet type for {annotation!r}")


def _record(annotation: Any) -> type[BaseModel] | None:
    """The model class of a (possibly optional) nested record field, else None."""
    if get_origin(annotation) in (Union, types.UnionType):
        kept = [arg for arg in get_args(annotation) if arg is not type(None)]
        annotation = kept[0] if len(kept) == 1 else None
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


#: A column: its name and the path of keys that reaches its value in an item's ``model_dump()``.
Column = tuple[str, tuple[str, ...], pa.DataType]


def columns(model: type[BaseModel], prefix: tuple[str, ...] = ()) -> list[Column]:
    """The flat columns of ``model``: nested records become ``<field>_<subfield>`` columns."""
    found: list[Column] = []
    for name, field in model.model_fields.items():
        nested = _record(field.annotation)
        if nested is not None:
            found += columns(nested, (*prefix, name))
        else:
            found.append(("_".join((*prefix, name)), (*prefix, name), arrow_type(field.annotation)))
    return found


def _item_model(layer: str) -> type[BaseModel]:
    model = get_args(Document.model_fields[layer].annotation)[0]
    assert issubclass(model, BaseModel), f"Document.{layer} is not a list of records"
    return model


def _document_columns() -> list[Column]:
    kept = [c for c in columns(Document) if c[1][0] not in _NOT_DOCUMENT_COLUMNS]
    return sorted(kept, key=lambda c: c[0] != "id")  # the key first, then the model's order


_KEY: Column = ("doc_id", ("doc_id",), pa.string())
#: One row per entity mention: the entity's key and the span, with its text.
_MENTIONS: list[Column] = [
    _KEY,
    ("entity_id", ("entity_id",), pa.string()),
    ("start", ("start",), pa.int64()),
    ("end", ("end",), pa.int64()),
    ("text", ("text",), pa.string()),
]

#: Table name to its columns; every table but ``documents`` starts with ``doc_id``.
TABLES: dict[str, list[Column]] = {"documents": _document_columns()}
for _layer in LAYERS:
    TABLES[_layer] = [_KEY, *columns(_item_model(_layer))]
    if _layer == "entities":
        TABLES["mentions"] = _MENTIONS


def schema(table: str) -> pa.Schema:
    """The Arrow schema of ``<table>.parquet`` (the model's schema version in its metadata)."""
    return pa.schema(
        [pa.field(name, kind) for name, _, kind in TABLES[table]],
        metadata={"wiresift.schema": SCHEMA, "wiresift.table": table},
    )


def records(doc: Document) -> dict[str, list[dict[str, Any]]]:
    """The rows of every table for one document, as nested ``model_dump`` records."""
    rows: dict[str, list[dict[str, Any]]] = {"documents": [doc.model_dump(exclude=_NOT_DOCUMENT_COLUMNS)]}
    for layer in LAYERS:
        rows[layer] = [{"doc_id": doc.id, **item.model_dump()} for item in getattr(doc, layer)]
    rows["mentions"] = [
        {"doc_id": doc.id, "entity_id": ent.id, "start": start, "end": end, "text": doc.text[start:end]}
        for ent in doc.entities
        for start, end in ent.mentions
    ]
    return rows


def _value(record: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = record
    for key in path:
        if value is None:
            return None
        value = value.get(key)
    return value


def _batches(docs: Iterable[Document], batch: int) -> Iterator[dict[str, list[dict[str, Any]]]]:
    """The rows of ``batch`` documents at a time (fewer when their texts pass BATCH_TEXT characters)."""
    pending: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
    count = size = 0
    for doc in docs:
        for table, rows in records(doc).items():
            pending[table] += rows
        count, size = count + 1, size + len(doc.text)
        if count >= batch or size >= BATCH_TEXT:
            yield pending
            pending = {table: [] for table in TABLES}
            count = size = 0
    if count:
        yield pending


def write_tables(docs: Iterable[Document], directory: str | Path, batch: int = BATCH) -> list[Path]:
    """Write ``<table>.parquet`` files into ``directory`` (created if needed); returns their paths.

    The same rules as the CSV tables: ``directory`` must be a real directory or absent, each file a
    regular file or absent, and nothing is replaced unless every table was written in full.
    """
    folder = Path(directory)
    check_directory(folder)
    names = list(TABLES)
    paths = [folder / f"{name}.parquet" for name in names]
    schemas = {name: schema(name) for name in names}
    with atomic_binary_files(paths) as handles:
        writers = {
            name: pq.ParquetWriter(handle, schemas[name]) for name, handle in zip(names, handles, strict=True)
        }
        try:
            for rows in _batches(docs, batch):
                for name, writer in writers.items():
                    if rows[name]:
                        data = {col: [_value(r, path) for r in rows[name]] for col, path, _ in TABLES[name]}
                        writer.write_table(pa.Table.from_pydict(data, schema=schemas[name]))
        finally:
            for writer in writers.values():
                writer.close()  # writes the footer; the handle stays open for atomic_binary_files
    return paths
