"""Paths, directories and stdin to Documents: format detection and per-source error isolation.

:func:`read_sources` never raises for bad input: each source (or record inside one) that cannot
become a document is yielded as an :class:`~wiresift.model.IngestError` with a one-line cause,
and reading goes on with the next. Scraped-text sources are cleaned in a second pass, with the
boilerplate learned from all of them (``text_batch``); everything else is read lazily, in order.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import stat
from collections.abc import Iterator, MutableSet, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from wiresift.ingest import IngestFailure
from wiresift.ingest.boilerplate import BoilerplateModel
from wiresift.ingest.common import (
    MAX_DOCUMENT_BYTES,
    gunzip,
    html_document,
    iso_date,
    text_document,
    too_large,
)
from wiresift.ingest.encoding import decode_bytes
from wiresift.ingest.feeds import read_feed
from wiresift.ingest.jsonl import read_json, read_jsonl
from wiresift.ingest.text_batch import TextBatch
from wiresift.ingest.warc import read_warc
from wiresift.model import Document, IngestError

Item = Document | IngestError


@dataclass(frozen=True)
class _File:
    path: Path
    size: int


@dataclass(frozen=True)
class _Stdin:
    data: bytes


#: One source found by walking the paths: a regular file, stdin's bytes, or the error that stopped it.
_Entry = _File | _Stdin | IngestError

#: Formats holding one article each: the ``published``/``url``/``site`` overrides apply to these only.
SINGLE_FORMATS = frozenset({"html", "text"})

#: Extension (after any ``.gz``) to format. ``.xml`` is sniffed: it may be a feed or XHTML.
EXTENSIONS = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "xml",
    ".warc": "warc",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
}

#: Names (before the first dot) of files that document a directory rather than belong to its corpus.
_PROJECT_FILES = frozenset(
    {"README", "LICENSE", "LICENCE", "CHANGELOG", "CHANGES", "NOTICE", "COPYING", "AUTHORS"}
)

#: Bytes looked at when sniffing a format: enough to pass an XML prolog, comments and a doctype.
_SNIFF_BYTES = 4096
_GZIP_MAGIC = b"\x1f\x8b"
_ROOT_TAG = re.compile(r"<([A-Za-z][\w:.-]*)")
_PROLOG = re.compile(r"^\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*", re.S | re.I)
_HTML_ROOTS = frozenset(
    [
        "html",
        "head",
        "body",
        "meta",
        "title",
        "link",
        "script",
        "style",
        "div",
        "article",
        "section",
        "main",
        "header",
        "nav",
        "p",
        "span",
        "a",
        "img",
        "figure",
        "table",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "form",
        "iframe",
        "noscript",
    ]
)
_FEED_ROOTS = frozenset({"rss", "feed", "rdf:rdf"})
#: Formats whose extension alone rules out scraped text (``detect_format`` never turns them into text).
_NEVER_TEXT = frozenset({"feed", "warc", "jsonl", "json"})


def read_sources(
    paths: Sequence[str | Path],
    *,
    published: str | None = None,
    url: str | None = None,
    stdin: BinaryIO | None = None,
    max_bytes: int = MAX_DOCUMENT_BYTES,
    site: str | None = None,
    boilerplate: BoilerplateModel | None = None,
    observed: MutableSet[str] | None = None,
) -> Iterator[Item]:
    """Documents (and errors) from files, directories (recursive, sorted, hidden skipped) and ``-``.

    ``published`` (YYYY-MM-DD), ``url`` and ``site`` override what single-article inputs (HTML, text)
    say; feeds, WARCs and JSONL carry their own per-record metadata. ``max_bytes`` caps one document.
    Scraped-text inputs are cleaned with per-site boilerplate learned from every text of the call, added
    to ``boilerplate`` when given (pass one loaded from a store, save it afterwards); ``observed`` holds
    digests of raw texts already counted, so a page read again is not counted twice.
    """
    if published is not None and iso_date(published) is None:
        raise ValueError(f"published must be an ISO date (YYYY-MM-DD), got {published!r}")
    reader = _Reader(
        published=iso_date(published) if published else None, url=url, site=site, max_bytes=max_bytes
    )
    entries: list[_Entry] = []
    for raw in paths:
        if str(raw) == "-":
            entries.append(_Stdin((stdin if stdin is not None else _stdin()).read()))
        else:
            entries.extend(reader.walk(Path(raw), top=True))
    batch = TextBatch(
        boilerplate if boilerplate is not None else BoilerplateModel(), site=site, observed=observed
    )
    for index, entry in enumerate(entries):  # first pass: scraped texts only, to learn their boilerplate
        reader.collect_text(index, entry, batch)
    for index, entry in enumerate(entries):
        if isinstance(entry, IngestError):
            yield entry
        elif index in batch:
            yield reader.take_text(index, entry, batch)
        elif isinstance(entry, _Stdin):
            yield from reader.read_bytes(entry.data, source="<stdin>", name=None)
        else:
            yield from reader.read_file(entry.path, size=entry.size)


def _stdin() -> BinaryIO:
    import sys

    return sys.stdin.buffer


def detect_format(name: str | None, head: bytes) -> str:
    """``html``, ``text``, ``feed``, ``warc``, ``jsonl`` or ``json`` from a file name and its first bytes.

    The extension decides, except that WARC magic always wins, ``.xml`` and unknown extensions are
    sniffed, a ``.txt`` file that is plainly a whole HTML page is read as HTML, and an ``.html`` file
    without a single tag is read as text.
    """
    by_name = EXTENSIONS.get(_suffix(name)) if name else None
    sniffed = sniff_format(head)
    if sniffed == "warc":
        return "warc"
    if by_name in (None, "xml"):
        if by_name == "xml" and sniffed not in ("feed", "html"):
            return "xml"
        return sniffed
    if by_name == "text" and sniffed == "html" and _is_html_page(head):
        return "html"
    if by_name == "html" and sniffed == "text" and head.strip() and "<" not in _head_text(head):
        return "text"  # a scraper saved the page's text under an .html name
    return by_name


def sniff_format(head: bytes) -> str:
    """The format the first bytes of a (decompressed) source look like; ``text`` when unsure."""
    text = _head_text(head)
    stripped = text.lstrip()
    if stripped.startswith(("WARC/", "warc/")):
        return "warc"
    if stripped.startswith("["):
        return "json"
    if stripped.startswith("{"):
        return "jsonl" if _first_line_is_json(stripped) else "json"
    body = _PROLOG.sub("", stripped, count=1)
    match = _ROOT_TAG.match(body)
    if match:
        root = match.group(1).lower()
        if root in _FEED_ROOTS:
            return "feed"
        if root in _HTML_ROOTS or _is_html_page(head):
            return "html"
    return "text"


def _first_line_is_json(text: str) -> bool:
    """JSONL has a whole object on its first line; pretty-printed JSON does not."""
    line = text.split("\n", 1)[0].strip()
    try:
        json.loads(line)
    except ValueError:
        return "\n" not in text  # a single-line sniff window cut short: still JSONL-shaped
    return True


def _is_html_page(head: bytes) -> bool:
    lowered = _head_text(head).lstrip().lower()
    return lowered.startswith(("<!doctype html", "<html")) or "<html" in lowered[:1024]


def _head_text(head: bytes) -> str:
    head = head[:_SNIFF_BYTES]
    for bom, enc in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return head[2:].decode(enc, "ignore")
    return head.decode("latin-1").replace("\x00", "").lstrip("\ufeffï»¿")


def _is_project_file(name: str) -> bool:
    """README, LICENSE, CHANGELOG, ... beside a corpus describe it; they are not articles."""
    return name.split(".", 1)[0].upper() in _PROJECT_FILES


def _suffix(name: str) -> str:
    lowered = name.lower()
    if lowered.endswith(".gz"):
        lowered = lowered[:-3]
    return os.path.splitext(lowered)[1]


class _Reader:
    def __init__(
        self, *, published: str | None, url: str | None, max_bytes: int, site: str | None = None
    ) -> None:
        self.published = published
        self.url = url
        self.site = site
        self.max_bytes = max_bytes

    # -- paths -------------------------------------------------------------------------------------

    def walk(self, path: Path, *, top: bool) -> Iterator[_Entry]:
        source = str(path)
        try:
            info = path.stat()
        except FileNotFoundError:
            if path.is_symlink():
                yield IngestError(
                    source=source, cause=f"broken symbolic link (points to {os.readlink(path)})"
                )
            else:
                yield IngestError(source=source, cause="no such file or directory")
            return
        except OSError as exc:
            yield IngestError(source=source, cause=_os_cause(exc))
            return
        if stat.S_ISDIR(info.st_mode):
            if top or not path.is_symlink():  # symlinked directories inside a walk could loop
                yield from self.walk_dir(path)
        elif not stat.S_ISREG(info.st_mode):
            yield IngestError(source=source, cause="not a regular file (a device, pipe or socket)")
        elif top or EXTENSIONS.get(_suffix(path.name)):
            yield _File(path, info.st_size)

    def walk_dir(self, path: Path) -> Iterator[_Entry]:
        """Files under ``path`` in sorted order, hidden names skipped, symlinked dirs not followed.

        Inside directories only files with a known extension are read (a page's images and stylesheets
        are not articles), and README/LICENSE/CHANGELOG-style files are skipped; name a file explicitly
        to have it read whatever its name.
        """
        try:
            entries = sorted(os.scandir(path), key=lambda e: e.name)
        except OSError as exc:
            yield IngestError(source=str(path), cause=_os_cause(exc))
            return
        for entry in entries:
            if entry.name.startswith(".") or _is_project_file(entry.name):
                continue
            child = Path(entry.path)
            if entry.is_dir(follow_symlinks=False):
                yield from self.walk_dir(child)
            else:
                yield from self.walk(child, top=False)

    def read_file(self, path: Path, *, size: int) -> Iterator[Item]:
        source = str(path)
        if size == 0:
            yield IngestError(source=source, cause="empty file (0 bytes)")
            return
        try:
            with path.open("rb") as fh:
                head = fh.read(_SNIFF_BYTES)
                fmt = self._format_of(path.name, head)
                if fmt == "warc":
                    fh.seek(0)
                    yield from read_warc(fh, source, max_bytes=self.max_bytes)
                    return
                if fmt == "jsonl":
                    fh.seek(0)
                    if head.startswith(_GZIP_MAGIC):
                        with gzip.open(fh) as lines:
                            yield from read_jsonl(lines, source, max_bytes=self.max_bytes)
                    else:
                        yield from read_jsonl(fh, source, max_bytes=self.max_bytes)
                    return
                if size > self.max_bytes:
                    yield IngestError(source=source, cause=str(too_large(size, self.max_bytes)))
                    return
                fh.seek(0)
                data = fh.read()
        except OSError as exc:
            yield IngestError(source=source, cause=_os_cause(exc))
            return
        except IngestFailure as exc:
            yield IngestError(source=source, cause=str(exc))
            return
        yield from self.read_bytes(data, source=source, name=path.name)

    # -- scraped text: two passes -------------------------------------------------------------------

    def collect_text(self, index: int, entry: _Entry, batch: TextBatch) -> None:
        """Hand a scraped-text source's decoded text to the batch; other sources, and any that fail to
        read or decode, are left for the second pass, which reports their errors."""
        if isinstance(entry, IngestError):
            return
        try:
            if isinstance(entry, _Stdin):
                raw = self._scraped_text(entry.data, name=None)
                source, directory = "<stdin>", None
            else:
                if entry.size == 0 or entry.size > self.max_bytes:
                    return
                if EXTENSIONS.get(_suffix(entry.path.name)) in _NEVER_TEXT:
                    return  # read lazily in the second pass, without even sniffing here
                with entry.path.open("rb") as fh:
                    if self._format_of(entry.path.name, fh.read(_SNIFF_BYTES)) != "text":
                        return
                    fh.seek(0)
                    raw = self._scraped_text(fh.read(), name=entry.path.name)
                source, directory = str(entry.path), entry.path.parent
        except (OSError, IngestFailure):
            return
        if raw is not None:
            batch.add(index, raw, source=source, directory=directory)

    def _scraped_text(self, data: bytes, *, name: str | None) -> str | None:
        """The decoded text of a scraped-text source (``read_bytes``'s path for it); None for other formats."""
        if not data or self._format_of(name, data[:_SNIFF_BYTES]) != "text":
            return None
        if data.startswith(_GZIP_MAGIC):
            data = gunzip(data, self.max_bytes)
        if len(data) > self.max_bytes:
            return None
        text, _ = decode_bytes(data)
        return text if text.strip() else None

    def take_text(self, index: int, entry: _File | _Stdin, batch: TextBatch) -> Item:
        source = "<stdin>" if isinstance(entry, _Stdin) else str(entry.path)
        try:
            return self._finish(batch.take(index), source=source, fmt="text")
        except IngestFailure as exc:
            return IngestError(source=source, cause=str(exc))

    # -- bytes -------------------------------------------------------------------------------------

    def read_bytes(self, data: bytes, *, source: str, name: str | None) -> Iterator[Item]:
        """Documents from one source's bytes (a file already read, or stdin)."""
        if not data:
            yield IngestError(source=source, cause="empty file (0 bytes)" if name else "empty input")
            return
        try:
            fmt = self._format_of(name, data[:_SNIFF_BYTES])
            if fmt == "warc":
                yield from read_warc(io.BytesIO(data), source, max_bytes=self.max_bytes)
                return
            if data.startswith(_GZIP_MAGIC):
                data = gunzip(data, self.max_bytes if fmt != "jsonl" else 2**62)
            if fmt == "jsonl":
                yield from read_jsonl(io.BytesIO(data), source, max_bytes=self.max_bytes)
                return
            if len(data) > self.max_bytes:
                raise too_large(len(data), self.max_bytes)
            if fmt == "feed":
                yield from read_feed(data, source)
                return
            if fmt == "json":
                yield from read_json(data, source)
                return
            if fmt == "xml":
                raise IngestFailure("XML that is neither an RSS/Atom feed nor XHTML")
            yield self._single(data, source=source, fmt=fmt)
        except IngestFailure as exc:
            yield IngestError(source=source, cause=str(exc))

    def _format_of(self, name: str | None, head: bytes) -> str:
        if head.startswith(_GZIP_MAGIC):
            inner = _gunzip_head(head)
            if inner.startswith(b"WARC/"):
                return "warc"
            return detect_format(name, inner)
        return detect_format(name, head)

    def _single(self, data: bytes, *, source: str, fmt: str) -> Document:
        text, _ = decode_bytes(data, html=fmt == "html")
        if not text.strip():
            raise IngestFailure("empty file (only whitespace)")
        if fmt == "html":
            doc = html_document(text, source=source, url=self.url)
        else:
            doc = text_document(text, source=source)
        return self._finish(doc, source=source, fmt=fmt)

    def _finish(self, doc: Document, *, source: str, fmt: str) -> Document:
        """Source, format and the caller's overrides on a single-article document."""
        doc.source = source
        doc.format = fmt
        if self.url:
            doc.url = self.url
        if self.site:
            doc.site = self.site
        if self.published:
            doc.published = self.published
        return doc.finalize()


def _gunzip_head(head: bytes) -> bytes:
    """The first decompressed bytes of a gzip stream (for sniffing); empty when unreadable."""
    import zlib

    try:
        return zlib.decompressobj(wbits=31).decompress(head, _SNIFF_BYTES)
    except zlib.error:
        return b""


def _os_cause(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied (check the read permission of the file or directory)"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    reason = exc.strerror or type(exc).__name__
    return f"cannot read: {reason.lower()}"
