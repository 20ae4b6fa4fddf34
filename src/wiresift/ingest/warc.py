"""WARC and WARC.gz (warcio): every successful HTML response record becomes a document.

A record is used when it is a ``response`` with HTTP status 200 and an HTML content type (or a
``resource`` record whose own content type is HTML, as wget and browsertrix write for local
captures). The target URI is the url; the HTTP ``charset`` is the declared encoding; the page's own
publication date wins over WARC-Date, which is only the crawl time and is the fallback.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator

from wiresift.ingest import IngestFailure
from wiresift.ingest.common import MAX_DOCUMENT_BYTES, html_document, iso_date, too_large
from wiresift.ingest.encoding import charset_from_header, decode_bytes
from wiresift.model import Document, IngestError

_CONTENT_LENGTH = re.compile(rb"^content-length:[ \t]*(\d+)[ \t]*$", re.I | re.M)
#: WARC record headers are a few hundred bytes; 64 KB is a generous bound for finding their end.
_MAX_HEADER = 64 * 1024
#: Read and decompression step when checking the last gzip member (bounded memory on huge records).
_CHUNK = 1024 * 1024
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(
    stream: BinaryIO, source: str, *, max_bytes: int = MAX_DOCUMENT_BYTES
) -> Iterator[Document | IngestError]:
    """Documents from the HTML responses in a (gzipped) WARC stream; ``source#record-OFFSET`` each.

    A truncated or corrupt archive ends with one error naming the offset; the records before it
    have already been yielded.
    """
    gzipped = _starts_gzipped(stream)
    archive = ArchiveIterator(stream)
    records = iter(archive)
    seen = used = 0
    end = 0  # where the last complete record ended: the truncation point is after it
    offset_of_last = -1
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except Exception as exc:  # warcio raises assorted types for cut or damaged archives
            yield IngestError(source=f"{source}#record-{end}", cause=_broken(seen, exc))
            return
        seen += 1
        if record.length is None:  # headers cut off before their Content-Length
            yield IngestError(
                source=f"{source}#record-{end}",
                cause=f"truncated or corrupt WARC: a record header has no Content-Length (after {seen - 1} "
                "complete records)",
            )
            return
        payload: bytes | None = None
        try:
            if _is_html_page(record):
                payload = record.content_stream().read(max_bytes + 1)
            # Only valid once the record is read: warcio reads to its end to learn the offset.
            offset, length = archive.get_record_offset(), archive.get_record_length()
        except Exception as exc:
            yield IngestError(source=f"{source}#record-{end}", cause=_broken(seen - 1, exc))
            return
        end, offset_of_last = offset + length, offset
        missing = getattr(record.raw_stream, "limit", 0)
        if missing:  # the archive ends inside this record's body
            yield IngestError(
                source=f"{source}#record-{offset}",
                cause=f"truncated or corrupt WARC: a record ends {missing} bytes early (after {seen - 1} complete records)",
            )
            return
        if payload is None:
            continue
        used += 1
        record_source = f"{source}#record-{offset}"
        try:
            yield _document(record, payload, source=record_source, max_bytes=max_bytes)
        except IngestFailure as exc:
            yield IngestError(source=record_source, cause=str(exc))
    last_cut = _last_member_cut if gzipped else _last_record_cut
    if _unread_tail(stream, end) or last_cut(stream, offset_of_last):
        # warcio stops quietly when a gzip member is cut off: the unread tail is the evidence.
        yield IngestError(
            source=f"{source}#record-{end}",
            cause=f"truncated or corrupt WARC: unreadable data follows the last complete record "
            f"(after {seen} complete records)",
        )
        return
    if seen == 0:
        yield IngestError(source=source, cause="empty WARC: no records")
    elif used == 0:
        yield IngestError(
            source=source, cause=f"no HTML response records with status 200 among {seen} records"
        )


def _is_html_page(record: Any) -> bool:
    if record.rec_type == "response":
        headers = record.http_headers
        if headers is None or headers.get_statuscode() != "200":
            return False
        content_type = headers.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return False
    return content_type.split(";")[0].strip().lower() in _HTML_TYPES


def _document(record: Any, payload: bytes, *, source: str, max_bytes: int) -> Document:
    if len(payload) > max_bytes:
        raise too_large(len(payload), max_bytes)
    if not payload.strip():
        raise IngestFailure("empty HTML response")
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    declared = charset_from_header(headers.get_header("Content-Type"))
    html, _ = decode_bytes(payload, declared=declared, html=True)
    url = record.rec_headers.get_header("WARC-Target-URI") or None
    doc = html_document(html, source=source, url=url)
    doc.source = source
    doc.format = "warc"
    doc.url = url or doc.url
    doc.published = doc.published or iso_date(record.rec_headers.get_header("WARC-Date") or "")
    return doc.finalize()


#: Bytes after the last record that may be padding (the record separator, a trailing newline).
_TAIL_SLACK = 64


def _unread_tail(stream: BinaryIO, end: int) -> bool:
    """Whether real data follows the last complete record (which warcio skips without a word)."""
    try:
        size = stream.seek(0, 2)
        if size <= end:
            return False
        if size - end > _TAIL_SLACK:
            return True
        stream.seek(end)
        return bool(stream.read(_TAIL_SLACK).strip())
    except (OSError, ValueError, AttributeError):
        return False  # not seekable (a pipe): nothing more can be checked


def _starts_gzipped(stream: BinaryIO) -> bool:
    try:
        here = stream.tell()
        head = stream.read(2)
        stream.seek(here)
    except (OSError, ValueError, AttributeError):
        return True  # unknown: skip the checks that only hold for uncompressed files
    return head == b"\x1f\x8b"


def _last_record_cut(stream: BinaryIO, offset: int) -> bool:
    """Whether the last record of an uncompressed WARC ends before its header block and Content-Length do."""
    if offset < 0:
        return False
    try:
        size = stream.seek(0, 2)
        stream.seek(offset)
        head = stream.read(_MAX_HEADER)
    except (OSError, ValueError, AttributeError):
        return False
    split = head.find(b"\r\n\r\n")
    match = _CONTENT_LENGTH.search(head[:split]) if split >= 0 else None
    if match is None:
        return True
    return offset + split + 4 + int(match.group(1)) > size


def _last_member_cut(stream: BinaryIO, offset: int) -> bool:
    """Whether the last gzip member lacks its end (warcio accepts a member cut inside its trailer)."""
    if offset < 0:
        return False
    d = zlib.decompressobj(wbits=31)
    try:
        stream.seek(offset)
        if stream.read(2) != b"\x1f\x8b":
            return False
        stream.seek(offset)
        while not d.eof:
            chunk = stream.read(_CHUNK)
            if not chunk:
                return True
            d.decompress(chunk, _CHUNK)  # output is not needed: only whether the member ends
            while d.unconsumed_tail and not d.eof:
                d.decompress(d.unconsumed_tail, _CHUNK)
    except zlib.error:
        return True
    except (OSError, ValueError, AttributeError):
        return False
    return False


def _broken(records_read: int, exc: BaseException) -> str:
    if isinstance(exc, AttributeError | TypeError | ValueError | KeyError):
        detail = "the data ends or breaks inside a record"  # warcio's internal errors say nothing useful
    else:
        detail = " ".join(str(exc).split())[:160] or type(exc).__name__
    return f"truncated or corrupt WARC: {detail} (after {records_read} complete records)"
