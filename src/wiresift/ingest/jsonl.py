"""JSONL / NDJSON: one article object per line.

``{"id", "text" or "html", "url", "title", "site", "published"}`` (plus optional ``authors``,
``tags``, ``language``). ``text`` is already clean body text and is kept verbatim except that line
endings become ``\\n``; ``html`` goes through ``from_html`` and the line's fields override what it
found. A bad line is one error naming ``path:line N``; the other lines go on.
"""

from __future__ import annotations

import json
import lzma
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from wiresift.ingest import IngestFailure
from wiresift.ingest.common import (
    MAX_DOCUMENT_BYTES,
    crashed,
    html_document,
    human_size,
    iso_date,
    normalise_newlines,
    too_large,
)
from wiresift.ingest.streams import Overlong, capped_lines, stream_failure
from wiresift.model import Document, IngestError

_STRING_FIELDS = ("url", "title", "site", "language")
_LIST_FIELDS = ("authors", "tags")
#: Python's JSON parser recurses once per level and stops near 1,000 levels; no article is that deep.
NESTED_TOO_DEEPLY = "invalid JSON (nested too deeply: over about 1,000 levels of arrays or objects)"


def read_jsonl(
    stream: BinaryIO, source: str, *, max_bytes: int = MAX_DOCUMENT_BYTES, compression: str | None = None
) -> Iterator[Document | IngestError]:
    """Documents from a JSONL byte stream (``source#line-N``); errors carry ``source:line N``.

    Lines are read with a bounded ``readline``: a line over ``max_bytes`` is skipped without being held
    (one error). Blank lines are skipped. A line that fails in any way is one error and the next line
    goes on; a read error part-way (a truncated gzip) ends the file with one error.
    """
    n = 0
    try:
        for n, raw in enumerate(capped_lines(stream, max_bytes), start=1):
            if isinstance(raw, Overlong):
                cause = f"line too large: {human_size(raw.size)} is over the {human_size(max_bytes)} per-document cap"
                yield IngestError(source=f"{source}:line {n}", cause=f"{cause} (skipped)")
                continue
            if not raw.strip():
                continue
            yield _line_item(raw, source=source, n=n, max_bytes=max_bytes)
    except (OSError, EOFError, zlib.error, lzma.LZMAError) as exc:
        failure = stream_failure(exc, compression)
        detail = str(failure) if failure else " ".join(str(exc).split()) or type(exc).__name__
        yield IngestError(source=f"{source}:line {n + 1}", cause=f"read failed part-way ({detail})")


def _line_item(raw: bytes, *, source: str, n: int, max_bytes: int) -> Document | IngestError:
    try:
        return line_document(raw, source=f"{source}#line-{n}", max_bytes=max_bytes)
    except IngestFailure as exc:
        return IngestError(source=f"{source}:line {n}", cause=str(exc))
    except Exception as exc:  # a bug on one line never stops the file: report it, log the traceback
        return IngestError(
            source=f"{source}:line {n}", cause=str(crashed("JSONL reader", f"{source}:line {n}", exc))
        )


def read_json(data: bytes, source: str) -> Iterator[Document | IngestError]:
    """A whole JSON file: one article object, or a list of them (``source#item-N``, N from 1)."""
    try:
        obj = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        yield IngestError(source=source, cause=f"not UTF-8 (byte {exc.start}): JSON must be UTF-8")
        return
    except json.JSONDecodeError as exc:
        yield IngestError(
            source=source, cause=f"invalid JSON ({exc.msg}, line {exc.lineno} column {exc.colno})"
        )
        return
    except RecursionError:
        yield IngestError(source=source, cause=NESTED_TOO_DEEPLY)
        return
    if isinstance(obj, dict):
        try:
            yield object_document(obj, source=source, fmt="json")
        except IngestFailure as exc:
            yield IngestError(source=source, cause=str(exc))
        return
    if not isinstance(obj, list):
        yield IngestError(
            source=source, cause=f"expected a JSON object or a list of objects, got {type(obj).__name__}"
        )
        return
    for n, item in enumerate(obj, start=1):
        item_source = f"{source}#item-{n}"
        try:
            if not isinstance(item, dict):
                raise IngestFailure(f"expected a JSON object, got {type(item).__name__}")
            yield object_document(item, source=item_source, fmt="json")
        except IngestFailure as exc:
            yield IngestError(source=item_source, cause=str(exc))


def line_document(raw: bytes, *, source: str, max_bytes: int = MAX_DOCUMENT_BYTES) -> Document:
    """One JSONL line as a document; raises :class:`IngestFailure` with the cause."""
    raw = raw.rstrip(b"\r\n")
    if len(raw) > max_bytes:
        raise too_large(len(raw), max_bytes)
    try:
        obj = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise IngestFailure(f"not UTF-8 (byte {exc.start}): JSONL must be UTF-8") from None
    except json.JSONDecodeError as exc:
        raise IngestFailure(f"invalid JSON ({exc.msg.removesuffix(' at')}, column {exc.colno})") from None
    except RecursionError:
        raise IngestFailure(NESTED_TOO_DEEPLY) from None
    if not isinstance(obj, dict):
        raise IngestFailure(f"expected a JSON object, got {type(obj).__name__}")
    return object_document(obj, source=source)


def object_document(obj: dict[str, Any], *, source: str, fmt: str = "jsonl") -> Document:
    """A parsed JSONL object as a document (see the module docstring for the fields)."""
    text, html = obj.get("text"), obj.get("html")
    for name, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            raise IngestFailure(f'field "{name}" must be a string, got {type(value).__name__}')
    url = _string(obj, "url")
    if isinstance(text, str) and text.strip():
        doc = Document(text=normalise_newlines(text), source=source)
    elif isinstance(html, str) and html.strip():
        doc = html_document(html, source=source, url=url)
    elif text is None and html is None:
        raise IngestFailure('no "text" or "html" field')
    else:
        raise IngestFailure('empty "text"/"html" field')
    doc.source = source
    doc.format = fmt
    for name in _STRING_FIELDS:
        value = _string(obj, name)
        if value is not None:
            setattr(doc, name, value)
    for name in _LIST_FIELDS:
        items = obj.get(name)
        if items is None:
            continue
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise IngestFailure(f'field "{name}" must be a list of strings')
        setattr(doc, name, items)
    published = obj.get("published")
    if published is not None:
        date = iso_date(published)
        if date is None:
            raise IngestFailure(f'field "published" is not an ISO date (YYYY-MM-DD): {str(published)[:40]!r}')
        doc.published = date
    ident = obj.get("id")
    if ident is not None:
        if not isinstance(ident, str | int) or isinstance(ident, bool) or str(ident) == "":
            raise IngestFailure('field "id" must be a non-empty string or integer')
        doc.id = str(ident)
    return doc.finalize()


def _string(obj: dict[str, Any], name: str) -> str | None:
    value = obj.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise IngestFailure(f'field "{name}" must be a string, got {type(value).__name__}')
    return value or None
