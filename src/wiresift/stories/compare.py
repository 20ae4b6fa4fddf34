"""Compare articles read from files (``wiresift compare A B``) or pairs from JSONL (``--pairs``).

Both read and analyse with the normal pipeline and score with :func:`similarity`. A pairs line is
``{"id", "a": {"text", ...}, "b": {"text", ...}}``, ``a`` and ``b`` holding the fields of a JSONL
input record; a bad line is one :class:`~wiresift.model.IngestError` naming ``path:line N`` and
the other lines go on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wiresift.model import Document, IngestError
from wiresift.stories.similarity import Similarity, similarity

if TYPE_CHECKING:
    from wiresift.nlp.pipeline import Pipeline

#: Pairs analysed together (two documents each).
PAIR_BATCH = 16


class CompareError(Exception):
    """An input of ``compare`` that gives no single article; ``str(exc)`` names it and the cause."""


def _one_document(path: str | Path) -> Document:
    from wiresift import api

    docs = []
    for item in api.read([path]):
        if isinstance(item, IngestError):
            raise CompareError(item.line())
        docs.append(item)
    if len(docs) != 1:
        raise CompareError(f"{path}: holds {len(docs)} articles, compare needs exactly one")
    return docs[0]


def _pipeline(model: str | None) -> Pipeline:
    from wiresift import api

    return api.build_pipeline(model)


def compare(a: str | Path, b: str | Path, *, model: str | None = None) -> Similarity:
    """Read and analyse one article from each of ``a`` and ``b`` (any input ``analyze`` reads) and
    score the pair. Raises :class:`CompareError` when an input is unreadable or holds other than one
    article."""
    doc_a, doc_b = _one_document(a), _one_document(b)
    list(_pipeline(model).run([doc_a, doc_b]))
    return similarity(doc_a, doc_b)


def _side(obj: dict[str, Any], key: str, source: str) -> Document:
    from wiresift.ingest import IngestFailure
    from wiresift.ingest.jsonl import object_document

    side = obj.get(key)
    if not isinstance(side, dict):
        raise IngestFailure(f'field "{key}" must be an object with the fields of a JSONL record')
    try:
        return object_document(side, source=f"{source}:{key}")
    except IngestFailure as exc:
        raise IngestFailure(f'field "{key}": {exc}') from None


def parse_pair(line: str, source: str) -> tuple[str, Document, Document]:
    """One pairs line as ``(id, a, b)``; raises ``IngestFailure`` with the cause."""
    from wiresift.ingest import IngestFailure

    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise IngestFailure(f"invalid JSON ({exc.msg}, column {exc.colno})") from None
    if not isinstance(obj, dict):
        raise IngestFailure(f"expected a JSON object, got {type(obj).__name__}")
    ident = obj.get("id")
    if not isinstance(ident, str | int) or isinstance(ident, bool) or str(ident) == "":
        raise IngestFailure('field "id" must be a non-empty string or integer')
    return str(ident), _side(obj, "a", source), _side(obj, "b", source)


def _lines(path: str | Path) -> Iterator[tuple[str, str]]:
    with open(path, "rb") as raw:
        for n, data in enumerate(raw, start=1):
            source = f"{path}:line {n}"
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                yield source, f"\0not UTF-8 (byte {exc.start}): JSONL must be UTF-8"
                continue
            if text.strip():
                yield source, text


def _parsed(path: str | Path) -> Iterator[tuple[str, Document, Document] | IngestError]:
    from wiresift.ingest import IngestFailure

    for source, text in _lines(path):
        if text.startswith("\0"):
            yield IngestError(source=source, cause=text[1:])
            continue
        try:
            yield parse_pair(text, source)
        except IngestFailure as exc:
            yield IngestError(source=source, cause=str(exc))


def _batches(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def compare_pairs(path: str | Path, *, model: str | None = None) -> Iterator[dict[str, Any] | IngestError]:
    """For each line of the pairs file, in order, ``{"id", "similarity", "same_story", "evidence"}``
    or the line's error. Raises ``OSError`` when the file cannot be opened."""
    pipeline: Pipeline | None = None
    for batch in _batches(_parsed(path), PAIR_BATCH):
        docs = [doc for item in batch if not isinstance(item, IngestError) for doc in item[1:]]
        if docs:
            pipeline = pipeline or _pipeline(model)
            list(pipeline.run(docs))
        for item in batch:
            if isinstance(item, IngestError):
                yield item
            else:
                ident, a, b = item
                yield {"id": ident, **similarity(a, b).as_dict()}
