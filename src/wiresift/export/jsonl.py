"""Lossless JSONL: one ``wiresift/1`` record per line, in storage order, and its importer."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from wiresift.model import SCHEMA, Document, IngestError
from wiresift.store.base import Store


def dumps(doc: Document) -> str:
    """One record as a single JSON line (keys in model order, non-ASCII kept)."""
    return json.dumps(doc.to_record(), ensure_ascii=False, separators=(",", ":"))


def export_jsonl(store: Store, query: str | None = None) -> Iterator[str]:
    for doc in store.documents(query):
        yield dumps(doc) + "\n"


def read_records(lines: Iterable[str], source: str) -> Iterator[Document | IngestError]:
    """Documents from full ``wiresift/1`` records, e.g. an earlier ``export --format jsonl``."""
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}:line {n}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(source=where, cause=f"invalid JSON: {exc.msg} at column {exc.colno}")
            continue
        except RecursionError:  # a line nested deeper than the parser's recursion limit (#17)
            yield IngestError(source=where, cause="invalid JSON: nested too deeply")
            continue
        if not isinstance(record, dict) or record.get("schema") != SCHEMA:
            yield IngestError(source=where, cause=f'not a {SCHEMA} record (its "schema" field differs)')
            continue
        try:
            yield Document.from_record(record)
        except ValueError as exc:
            first = str(exc).splitlines()[0]
            yield IngestError(source=where, cause=f"invalid record: {first}")


def import_jsonl(
    store: Store, lines: Iterable[str], source: str
) -> Iterator[tuple[str, Document | IngestError]]:
    """Save every record (``new``/``exact``) or pass its error on (``failed``)."""
    for item in read_records(lines, source):
        if isinstance(item, IngestError):
            yield "failed", item
            continue
        yield store.save(item).status, item
