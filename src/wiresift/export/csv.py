"""CSV per table: documents, entities, quotes, claims, timexes and places, one file each.

Each row keeps the document id and the span, so a spreadsheet user can still find the sentence.
Written with the standard ``csv`` module (RFC 4180 quoting, UTF-8 with a header row).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from wiresift.model import Document

TABLES: dict[str, tuple[str, ...]] = {
    "documents": ("id", "title", "site", "url", "published", "authors", "language", "duplicate_of", "source"),
    "entities": ("doc_id", "id", "name", "type", "titles", "aliases", "mentions"),
    "quotes": ("doc_id", "id", "start", "end", "kind", "mode", "cue", "speaker", "speaker_name", "speaker_mention",
               "speaker_confidence", "text"),
    "claims": (
        "doc_id", "id", "start", "end", "value", "low", "high", "qualifier", "unit", "counted", "count_type",
        "claimant", "claimant_name", "place", "time", "text",
    ),
    "timexes": ("doc_id", "start", "end", "type", "value", "mod", "text"),
    "places": ("doc_id", "id", "name", "geonames_id", "lat", "lon", "country", "admin1", "kind", "adjectival", "mentions"),
}  # fmt: skip


def _cell(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return "; ".join(_cell(v) if not isinstance(v, list | tuple) else f"{v[0]}-{v[1]}" for v in value)
    return "" if value is None else value


def rows(doc: Document) -> dict[str, list[dict[str, Any]]]:
    """The rows of every table for one document."""
    out: dict[str, list[dict[str, Any]]] = {"documents": [doc.model_dump(include=set(TABLES["documents"]))]}
    out["entities"] = [{"doc_id": doc.id, **e.model_dump()} for e in doc.entities]
    out["quotes"] = [
        {
            "doc_id": doc.id,
            **q.model_dump(),
            "speaker_mention": q.speaker_mention.text if q.speaker_mention else None,
        }
        for q in doc.quotes
    ]
    out["claims"] = [{"doc_id": doc.id, **c.model_dump()} for c in doc.claims]
    out["timexes"] = [{"doc_id": doc.id, **t.model_dump()} for t in doc.timexes]
    out["places"] = [{"doc_id": doc.id, **p.model_dump()} for p in doc.places]
    return out


def write_tables(docs: Iterable[Document], directory: str | Path) -> list[Path]:
    """Write ``<table>.csv`` files into ``directory`` (created if needed); returns their paths."""
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    paths = {name: folder / f"{name}.csv" for name in TABLES}
    handles = {name: path.open("w", encoding="utf-8", newline="") for name, path in paths.items()}
    try:
        writers = {
            name: csv.DictWriter(handles[name], fieldnames=cols, extrasaction="ignore")
            for name, cols in TABLES.items()
        }
        for writer in writers.values():
            writer.writeheader()
        for doc in docs:
            for table, items in rows(doc).items():
                for item in items:
                    writers[table].writerow({k: _cell(v) for k, v in item.items()})
    finally:
        for handle in handles.values():
            handle.close()
    return list(paths.values())
