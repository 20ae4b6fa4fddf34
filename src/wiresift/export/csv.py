"""CSV per table: documents, entities, quotes, claims, timexes, places and events, one file each (and the
story tables: stories, story_articles, tracked_claims, tracked_quotes).

Each row keeps the document id and the span, so a spreadsheet user can still find the sentence.
Written with the standard ``csv`` module (RFC 4180 quoting, UTF-8 with a header row), one
document at a time, into temporary files that replace the tables only when all are complete.

Cells are made for spreadsheets, which evaluate any cell starting with ``=``, ``+``, ``-`` or
``@`` as a formula: text cells starting with one of those, a tab, a carriage return or a NUL get a
leading ``'`` (the OWASP "CSV injection" rule), see :func:`cell`.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from wiresift.export.output import atomic_files, check_directory
from wiresift.export.stories import STORY_TABLES, StorySource, csv_rows
from wiresift.layers import CSV_LAYERS
from wiresift.model import Document, Event

#: Table name to its header: the layers' CSV fields as declared in :mod:`wiresift.layers`.
TABLES: dict[str, tuple[str, ...]] = {layer.table: layer.csv_columns for layer in CSV_LAYERS}

#: First characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection": = + - @
#: tab and carriage return; ASVS 5 1.2.10 adds NUL).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")


def escape(text: str) -> str:
    """``text`` with a leading ``'`` when a spreadsheet would evaluate it as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _text(value: Any) -> str:
    """A list, span or nested record as one readable string (before escaping)."""
    if isinstance(value, BaseModel):
        value = value.model_dump()
    if isinstance(value, dict):
        return (
            str(value.get("text", ""))
            if "text" in value
            else "; ".join(f"{k}={_text(v)}" for k, v in value.items())
        )
    if isinstance(value, list | tuple):
        if len(value) == 2 and all(isinstance(v, int) for v in value):
            return f"{value[0]}-{value[1]}"  # a [start, end) span
        return "; ".join(_text(v) for v in value)
    return "" if value is None else str(value)


def cell(value: Any) -> str | int | float:
    """One CSV cell: finite numbers as numbers, everything else as escaped text.

    Numbers from the model (offsets, counts, coordinates) are typed ``int``/``float``: Python writes
    them as ``-?digits[.digits][e±digits]``, which a spreadsheet reads as a number, never a formula,
    so a negative latitude stays numeric. Text never reaches that branch, whatever it looks like:
    the claim text "-5 degrees" or a title "-12" is text and is escaped.
    """
    if isinstance(value, int | float) and math.isfinite(value):  # bools too: True / False
        return value
    return escape(_text(value))


def rows(doc: Document) -> dict[str, list[dict[str, Any]]]:
    """The raw rows (model values, not yet cells) of every table for one document."""
    return {
        "documents": [doc.model_dump(include=set(TABLES["documents"]))],
        "entities": [{"doc_id": doc.id, **e.model_dump()} for e in doc.entities],
        "quotes": [{"doc_id": doc.id, **q.model_dump()} for q in doc.quotes],
        "claims": [{"doc_id": doc.id, **c.model_dump()} for c in doc.claims],
        "timexes": [{"doc_id": doc.id, **t.model_dump()} for t in doc.timexes],
        "places": [{"doc_id": doc.id, **p.model_dump()} for p in doc.places],
        "events": [event_row(doc.id, e) for e in doc.events],
    }


def event_row(doc_id: str, event: Event) -> dict[str, Any]:
    """An event flattened: each actor as its text, code and sector columns; the coordinated actors of
    a role as their texts in one cell and their codes in another, joined with "; "."""
    exclude = {"source", "target", "also_sources", "also_targets"}
    row: dict[str, Any] = {"doc_id": doc_id, **event.model_dump(exclude=exclude)}
    for role, actor in (("source", event.source), ("target", event.target)):
        row[role] = actor.text if actor else None
        row[f"{role}_code"] = actor.code if actor else None
        row[f"{role}_sector"] = actor.sector if actor else None
    for role, also in (("source", event.also_sources), ("target", event.also_targets)):
        row[f"also_{role}s"] = "; ".join(a.text for a in also) or None
        row[f"also_{role}_codes"] = "; ".join(a.code or "" for a in also) or None
    return row


def write_tables(
    docs: Iterable[Document], directory: str | Path, stories: StorySource | None = None
) -> list[Path]:
    """Write ``<table>.csv`` files into ``directory`` (created if needed); returns their paths.

    ``directory`` must be a directory (not a symbolic link) or absent; each table file must be a
    regular file or absent (see ``wiresift.export.output``). Nothing is replaced unless every
    table was written in full. With ``stories``, the story tables (:data:`STORY_TABLES`) follow,
    holding the stories with an exported article.
    """
    folder = Path(directory)
    check_directory(folder)
    tables = {**TABLES, **STORY_TABLES} if stories is not None else TABLES
    paths = [folder / f"{name}.csv" for name in tables]
    exported: set[str] = set()
    with atomic_files(paths) as handles:
        writers = {name: csv.writer(handle) for name, handle in zip(tables, handles, strict=True)}
        for name, columns in tables.items():
            writers[name].writerow(columns)
        for doc in docs:
            exported.add(doc.id)
            for table, items in rows(doc).items():
                columns = TABLES[table]
                writers[table].writerows([cell(item.get(col)) for col in columns] for item in items)
        for detail in stories(exported) if stories is not None else ():
            for table, items in csv_rows(detail).items():
                columns = STORY_TABLES[table]
                writers[table].writerows([cell(item.get(col)) for col in columns] for item in items)
    return paths
