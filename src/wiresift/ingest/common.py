"""Helpers shared by the source readers: the size cap, gzip, dates, and the calls into html/text."""

from __future__ import annotations

import logging
import re
import time
from typing import TYPE_CHECKING

from wiresift.ingest import IngestFailure
from wiresift.model import Document

if TYPE_CHECKING:
    from wiresift.ingest.boilerplate import BoilerplateModel

log = logging.getLogger(__name__)

#: Largest single document (an HTML page, a text file, a feed, one WARC record, one JSONL line)
#: read into memory. The biggest real news pages seen are 2-5 MB of markup; 20 MB leaves room for
#: inline images while stopping a log dump or a mislabelled archive from eating the run's memory.
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

_ISO_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?\s*$")
_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029")


def human_size(n: int) -> str:
    """``20 MB``-style size for error messages (binary megabytes, one decimal when small)."""
    mb = n / (1024 * 1024)
    if mb >= 10:
        return f"{mb:.0f} MB"
    if mb >= 0.1:
        return f"{mb:.1f} MB"
    return f"{n / 1024:.1f} KB"


def too_large(size: int, cap: int) -> IngestFailure:
    return IngestFailure(
        f"too large: {human_size(size)} is over the {human_size(cap)} per-document cap "
        "(split the file, or raise max_bytes)"
    )


def too_large_unknown(cap: int, *, compressed: bool) -> IngestFailure:
    """The cause for a stream that went past the cap before its size was known: reading stopped there."""
    where = " once decompressed" if compressed else ""
    return IngestFailure(
        f"too large: over the {human_size(cap)} per-document cap{where} "
        "(reading stopped there; split the input, or raise max_bytes)"
    )


def crashed(what: str, source: str, exc: Exception) -> IngestFailure:
    """The one-line cause for a bug met on one source; the traceback goes to the debug log only."""
    log.debug("%s failed on %s", what, source, exc_info=exc)
    detail = " ".join(str(exc).split())[:120]
    return IngestFailure(f"internal error in the {what} ({type(exc).__name__}: {detail}); please report it")


def normalise_newlines(text: str) -> str:
    """``\\r\\n``, ``\\r`` and Unicode line/paragraph separators become ``\\n``; nothing else changes."""
    return _NEWLINES.sub("\n", text)


def iso_date(value: object) -> str | None:
    """YYYY-MM-DD (or YYYY-MM, YYYY: precision kept) from an ISO string or a ``time.struct_time``."""
    if isinstance(value, time.struct_time):
        return time.strftime("%Y-%m-%d", value)
    if not isinstance(value, str):
        return None
    match = _ISO_DATE.match(value)
    if not match:
        return None
    return "-".join(part for part in match.groups() if part)


def html_document(html: str, *, source: str, url: str | None = None) -> Document:
    """``from_html`` with a clear failure when no article body comes out."""
    from wiresift.ingest.html import from_html

    try:
        doc = from_html(html, source=source, url=url)
    except IngestFailure:
        raise
    except Exception as exc:  # a bug on one page must not stop the batch: report it, log the traceback
        raise crashed("HTML extractor", source, exc) from exc
    if not doc.text.strip():
        raise IngestFailure("no article text found in the HTML")
    return doc


def text_document(
    raw: str, *, source: str, boilerplate: BoilerplateModel | None = None, site: str | None = None
) -> Document:
    """``from_text`` (the scraped-text cleaner) with a clear failure for empty results."""
    from wiresift.ingest.text import from_text

    if not raw.strip():
        raise IngestFailure("empty file (only whitespace)")
    try:
        doc = from_text(raw, source=source, boilerplate=boilerplate, site=site)
    except IngestFailure:
        raise
    except Exception as exc:
        raise crashed("scraped-text cleaner", source, exc) from exc
    if not doc.text.strip():
        raise IngestFailure("no article text left after removing page chrome")
    return doc
