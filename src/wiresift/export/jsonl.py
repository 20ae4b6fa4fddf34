"""Lossless JSONL: one ``wiresift/1`` record per line, in storage order, and its importer.

The importer reads bytes, one line at a time and never more than :data:`MAX_RECORD_BYTES` of a
line, so any input (a PNG, a 1 GiB line, a file of NULs) costs bounded memory. Each bad line is one
:class:`IngestError` naming ``file:line N`` and the cause, and the file goes on. A file whose first
record is binary or not a ``wiresift/1`` record is not an export at all: one error names it and
the rest of it is skipped (an article JSONL belongs to ``wiresift ingest``).

Values derived from the text are recomputed, never trusted from the file: the content hash, and
the MinHash signature the near-duplicate index needs (without it a document imported from an
export would be invisible to near-duplicate detection).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO

from pydantic import ValidationError

from wiresift.model import SCHEMA, Document, IngestError, content_hash
from wiresift.store.base import Store

#: Longest record line imported. A record holds a body (ingest caps sources at 20 MiB) and its layers,
#: whose quote, claim and mention texts repeat parts of the body: four times the ingest cap is ample
#: for any record wiresift wrote, and bounded.
MAX_RECORD_BYTES = 80 * 1024 * 1024
#: Bytes read at a time while skipping the rest of an over-long line.
_SKIP_CHUNK = 1024 * 1024

Signer = Callable[[Document], bytes | None]


def dumps(doc: Document) -> str:
    """One record as a single JSON line (keys in model order, non-ASCII kept)."""
    return json.dumps(doc.to_record(), ensure_ascii=False, separators=(",", ":"))


def export_jsonl(store: Store, query: str | None = None, modes: Sequence[str] | None = None) -> Iterator[str]:
    """Every record as stored: ``modes`` is ignored, each quote keeps its ``mode`` field (lossless).

    After the documents, one ``wiresift-story/1`` line per story with an exported article
    (:mod:`wiresift.export.stories`); ``import`` skips those lines.
    """
    from wiresift.export.stories import jsonl_lines, story_source

    exported: set[str] | None = set() if query else None
    for doc in store.documents(query):
        if exported is not None:
            exported.add(doc.id)
        yield dumps(doc) + "\n"
    yield from jsonl_lines(story_source(store)(exported))


class _BadLine(Exception):
    """A line that is not a JSON object; ``binary`` when it is not text at all."""

    def __init__(self, cause: str, *, binary: bool = False) -> None:
        super().__init__(cause)
        self.binary = binary


def _lines(handle: IO[bytes], max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, bytes)``; ``None`` for a line over ``max_bytes``, skipped without holding it."""
    n = 0
    while True:
        raw = handle.readline(max_bytes + 1)
        if not raw:
            return
        n += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            while (chunk := handle.readline(_SKIP_CHUNK)) and not chunk.endswith(b"\n"):
                pass
            yield n, None
            continue
        yield n, raw


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"number {text[:20]} is out of range")
    return value


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not a JSON number")


def _decode(raw: bytes) -> str:
    """One line's text; raises :class:`_BadLine` (``binary``) when it is not UTF-8."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _BadLine(f"not UTF-8 (byte {exc.start}): an export record must be UTF-8", binary=True) from None


def _parse(text: str) -> object:
    """The JSON value of one line; raises :class:`_BadLine` with a one-line cause."""
    nul = text.find("\0")
    if nul >= 0:
        raise _BadLine(f"NUL character at column {nul + 1}: binary data, not JSON text", binary=True)
    try:
        value = json.loads(text, parse_float=_finite, parse_constant=_reject_constant)
        if "\\u" in text and re.search(r"\\u[dD][89a-fA-F]", text):  # surrogate escapes: paired?
            json.dumps(value, ensure_ascii=False).encode("utf-8")
        return value
    except UnicodeEncodeError as exc:
        lone = exc.object[exc.start : exc.end].encode("utf-8", "backslashreplace").decode("ascii")
        raise _BadLine(f"invalid JSON: lone surrogate {lone} is not Unicode text") from None
    except json.JSONDecodeError as exc:
        raise _BadLine(f"invalid JSON: {exc.msg} at column {exc.colno}") from None
    except RecursionError:
        raise _BadLine("invalid JSON: nested too deeply") from None
    except ValueError as exc:  # a non-finite or over-long number
        raise _BadLine(f"invalid JSON: {str(exc).splitlines()[0]}") from None


def _invalid(exc: Exception) -> str:
    """The first problem of a record that does not validate, in one line."""
    if isinstance(exc, ValidationError):
        errors = exc.errors()
        first = errors[0]
        where = ".".join(str(part) for part in first["loc"]) or "record"
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        return f"invalid record: {where}: {first['msg']}{more}"
    return f"invalid record: {' '.join(str(exc).split())[:200] or type(exc).__name__}"


Line = str | _BadLine
"""A line's text, or why it could not be read (too long, not UTF-8)."""


#: The schema of the story lines after the documents (``wiresift.export.stories.STORY_SCHEMA``).
STORY_SCHEMA = "wiresift-story/1"


def _records(lines: Iterable[tuple[int, Line]], source: str) -> Iterator[tuple[str, Document | IngestError]]:
    """``(file:line N, document or error)`` for each non-blank numbered line."""
    first = True  # the first record decides whether the file is an export at all
    for n, line in lines:
        where = f"{source}:line {n}"
        try:
            if isinstance(line, _BadLine):
                raise line
            if n == 1:
                line = line.removeprefix("\ufeff")  # a UTF-8 byte order mark
            if not line.strip():
                continue
            record = _parse(line)
        except _BadLine as exc:
            if first and exc.binary:
                yield where, IngestError(source=source, cause=f"not a {SCHEMA} JSONL export: line {n}: {exc}")
                return
            first = False
            yield where, IngestError(source=where, cause=str(exc))
            continue
        if not first and isinstance(record, dict) and record.get("schema") == STORY_SCHEMA:
            continue  # a story: derived data, rebuilt when the documents are filed again
        if not isinstance(record, dict) or record.get("schema") != SCHEMA:
            what = f'"schema" is not "{SCHEMA}"' if isinstance(record, dict) else "not a JSON object"
            if first:
                cause = (
                    f"not a {SCHEMA} JSONL export (line {n}: {what}); `wiresift ingest` reads article JSONL"
                )
                yield where, IngestError(source=source, cause=cause)
                return
            yield where, IngestError(source=where, cause=f"not a {SCHEMA} record ({what})")
            continue
        first = False
        try:
            doc = Document.from_record(record)
        except (ValueError, RecursionError) as exc:
            yield where, IngestError(source=where, cause=_invalid(exc))
            continue
        doc.content_hash = content_hash(doc.text)  # derived from the text: never trust the file's
        yield where, doc.finalize()


def _byte_lines(handle: IO[bytes], max_bytes: int) -> Iterator[tuple[int, Line]]:
    for n, raw in _lines(handle, max_bytes):
        if raw is None:
            yield n, _BadLine(f"record over {max_bytes // 2**20} MiB: skipped")
            continue
        try:
            yield n, _decode(raw)
        except _BadLine as exc:
            yield n, exc


def read_records(lines: Iterable[str], source: str) -> Iterator[Document | IngestError]:
    """Documents from full ``wiresift/1`` records given as text lines (numbered from 1)."""
    for _, item in _records(enumerate(lines, start=1), source):
        yield item


def read_export(
    handle: IO[bytes], source: str, *, max_bytes: int = MAX_RECORD_BYTES
) -> Iterator[Document | IngestError]:
    """Documents from an export file opened in binary mode, one bounded line at a time."""
    for _, item in _records(_byte_lines(handle, max_bytes), source):
        yield item


def _signer() -> Signer:
    """The near-duplicate signature of a document, as ``ingest`` stores it (None without datasketch)."""
    try:
        from wiresift.ingest.dedup import Deduplicator
    except ImportError:
        return lambda doc: None
    return Deduplicator().signature  # hashes each body, indexes nothing


def import_jsonl(
    store: Store, handle: IO[bytes], source: str
) -> Iterator[tuple[str, Document | IngestError]]:
    """Save every record with its signature (``new``/``exact``) or pass its error on (``failed``)."""
    sign = _signer()
    for where, item in _records(_byte_lines(handle, MAX_RECORD_BYTES), source):
        if isinstance(item, IngestError):
            yield "failed", item
            continue
        try:
            result = store.save(item, signature=sign(item))
        except Exception as exc:  # one record that cannot be stored never stops the file
            cause = " ".join(f"cannot store: {type(exc).__name__}: {exc}".split())[:300]
            yield "failed", IngestError(source=where, cause=cause)
            continue
        yield result.status, item
