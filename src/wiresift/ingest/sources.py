"""Paths, directories and stdin to Documents: per-source error isolation and bounded reading.

:func:`read_sources` never raises for bad input: each source (or record inside one) that cannot
become a document is yielded as an :class:`~wiresift.model.IngestError` with a one-line cause,
and reading goes on with the next; even a bug met on one source is one error, not the end of
the run. Every source is streamed (``streams``): compressed sources are decompressed as they are
read and no reader holds more than about one document cap. Scraped-text sources are cleaned in a
second pass, with the boilerplate learned from all of them (``text_batch``); everything else is
read lazily, in order.
"""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Callable, Generator, Iterator, MutableSet, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TypeVar

from wiresift.ingest import IngestFailure
from wiresift.ingest.boilerplate import BoilerplateModel
from wiresift.ingest.common import (
    MAX_DOCUMENT_BYTES,
    crashed,
    html_document,
    iso_date,
    text_document,
    too_large,
    too_large_unknown,
)
from wiresift.ingest.detect import EXTENSIONS, NEVER_TEXT, detect_format, format_of, sniff_format, suffix
from wiresift.ingest.encoding import decode_bytes
from wiresift.ingest.feeds import read_feed
from wiresift.ingest.jsonl import read_json, read_jsonl
from wiresift.ingest.streams import (
    compression_of,
    decompressing,
    prefixed,
    read_capped,
    read_up_to,
    stream_failure,
)
from wiresift.ingest.text_batch import TextBatch
from wiresift.ingest.warc import read_warc
from wiresift.model import Document, IngestError

__all__ = [
    "EXTENSIONS",
    "SINGLE_FORMATS",
    "count_sources",
    "detect_format",
    "read_sources",
    "sniff_format",
    "source_name",
]

Item = Document | IngestError
T = TypeVar("T")

#: Raw bytes read ahead to find the compression and the format. Sniffing needs 4 KB of content; a
#: compressed head needs more input than that to give 4 KB out, and bzip2 decodes nothing before the
#: end of its first block (at most 900 KB of data, so about 1 MB of input covers it).
_RAW_HEAD = 64 * 1024
_BZIP2_HEAD = 1024 * 1024

#: Formats holding one article each: the ``published``/``url``/``site`` overrides apply to these only.
SINGLE_FORMATS = frozenset({"html", "text"})

#: Names (before the first dot) of files that document a directory rather than belong to its corpus.
_PROJECT_FILES = frozenset(
    {"README", "LICENSE", "LICENCE", "CHANGELOG", "CHANGES", "NOTICE", "COPYING", "AUTHORS"}
)

STDIN = "<stdin>"


def source_name(path: Path | str) -> str:
    """A path as text that always encodes: bytes that are not UTF-8 in a file name become ``\\xNN``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


@dataclass(frozen=True)
class _File:
    path: Path
    size: int


@dataclass
class _Opened:
    """A source whose format is known: ``raw`` still starts at its first byte (compressed if it is)."""

    fmt: str
    compression: str | None
    raw: BinaryIO

    def content(self) -> BinaryIO:
        """The decompressed bytes, streamed."""
        return decompressing(self.raw, self.compression) if self.compression else self.raw


@dataclass
class _Stdin:
    """Standard input, opened: ``data`` is read already (single-document formats) or None (streamed)."""

    opened: _Opened
    data: bytes | None


#: One source found by walking the paths: a regular file, stdin, or the error that stopped it.
_Entry = _File | _Stdin | IngestError


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
    progress: Callable[[str, str], None] | None = None,
    chunk: int | None = None,
) -> Iterator[Item]:
    """Documents (and errors) from files, directories (recursive, sorted, hidden skipped) and ``-``.

    ``published`` (YYYY-MM-DD), ``url`` and ``site`` override what single-article inputs (HTML, text)
    say; feeds, WARCs and JSONL carry their own per-record metadata. ``max_bytes`` caps one document
    (one JSONL line, one WARC record, one page after decompression). Scraped-text inputs are cleaned
    with per-site boilerplate learned from every text of the call, added to ``boilerplate`` when given
    (pass one loaded from a store, save it afterwards); ``observed`` holds digests of raw texts already
    counted, so a page read again is not counted twice. ``progress(event, message)`` hears
    ``sources`` (message: how many sources the paths hold) once the paths are walked, then ``read``
    (message: the source) after each source is read.

    ``chunk`` reads the sources lazily, ``chunk`` at a time: the paths are walked as reading goes
    (no list of every source is ever held), scraped texts learn their boilerplate from their own chunk
    and the chunks before it, and ``sources`` is not heard (:func:`count_sources` counts them).
    """
    if published is not None and iso_date(published) is None:
        raise ValueError(f"published must be an ISO date (YYYY-MM-DD), got {published!r}")
    reader = _Reader(
        published=iso_date(published) if published else None, url=url, site=site, max_bytes=max_bytes
    )
    batch = TextBatch(
        boilerplate if boilerplate is not None else BoilerplateModel(), site=site, observed=observed
    )
    notify = progress or (lambda event, message: None)
    entries = _entries(reader, paths, stdin)
    if chunk is None:
        listed = list(entries)
        _first_pass(reader, listed, batch)
        notify("sources", str(len(listed)))
        yield from _second_pass(reader, listed, batch, notify)
        return
    part: list[_Entry] = []
    for entry in entries:
        part.append(entry)
        if len(part) >= chunk:
            _first_pass(reader, part, batch)
            yield from _second_pass(reader, part, batch, notify)
            part = []
    _first_pass(reader, part, batch)
    yield from _second_pass(reader, part, batch, notify)


def count_sources(paths: Sequence[str | Path]) -> int:
    """How many sources ``read_sources`` would read from ``paths`` (``-`` is one), without reading them.

    The walk keeps no list of what it found: a million files are counted in the memory of one
    directory listing."""
    reader = _Reader(published=None, url=None, max_bytes=MAX_DOCUMENT_BYTES)
    count = 0
    for raw in paths:
        if str(raw) == "-":
            count += 1
        else:
            count += sum(1 for _ in _guarded(reader.walk(Path(raw)), source_name(raw), "directory walk"))
    return count


def _entries(reader: _Reader, paths: Sequence[str | Path], stdin: BinaryIO | None) -> Iterator[_Entry]:
    """The sources of ``paths`` in order, walked lazily."""
    for raw in paths:
        if str(raw) == "-":
            yield reader.open_stdin(stdin if stdin is not None else _stdin())
        else:
            yield from _guarded(reader.walk(Path(raw)), source_name(raw), "directory walk")


def _first_pass(reader: _Reader, entries: list[_Entry], batch: TextBatch) -> None:
    """Scraped texts only, to learn their boilerplate before any of them is cleaned."""
    for index, entry in enumerate(entries):
        try:
            reader.collect_text(index, entry, batch)
        except Exception as exc:  # the second pass reads the source again and reports what fails
            crashed("scraped-text first pass", _entry_source(entry), exc)


def _second_pass(
    reader: _Reader, entries: list[_Entry], batch: TextBatch, notify: Callable[[str, str], None]
) -> Iterator[Item]:
    for index, entry in enumerate(entries):
        if isinstance(entry, IngestError):
            yield entry
        elif index in batch:
            yield reader.take_text(index, entry, batch)
        else:
            yield from _guarded(reader.read_entry(entry), _entry_source(entry), "reader")
        notify("read", _entry_source(entry))


def _guarded(items: Iterator[T], source: str, what: str) -> Iterator[T | IngestError]:
    """``items``, and one error naming ``source`` if producing them raised: a bug stops one source only."""
    try:
        yield from items
    except Exception as exc:
        yield IngestError(source=source, cause=str(crashed(what, source, exc)))


def _entry_source(entry: _Entry) -> str:
    if isinstance(entry, _File):
        return source_name(entry.path)
    return STDIN if isinstance(entry, _Stdin) else entry.source


def _stdin() -> BinaryIO:
    import sys

    return sys.stdin.buffer


def _is_project_file(name: str) -> bool:
    """README, LICENSE, CHANGELOG, ... beside a corpus describe it; they are not articles."""
    return name.split(".", 1)[0].upper() in _PROJECT_FILES


class _Reader:
    def __init__(
        self, *, published: str | None, url: str | None, max_bytes: int, site: str | None = None
    ) -> None:
        self.published = published
        self.url = url
        self.site = site
        self.max_bytes = max_bytes

    # -- paths -------------------------------------------------------------------------------------

    def walk(self, root: Path) -> Iterator[_Entry]:
        """Files under ``root`` in sorted order, hidden names skipped, symlinked dirs not followed.

        Inside directories only files with a known extension are read (a page's images and stylesheets
        are not articles), and README/LICENSE/CHANGELOG-style files are skipped; name a file explicitly
        to have it read whatever its name. The walk keeps its own stack: no depth of nesting can
        exhaust Python's recursion limit.
        """
        stack: list[Iterator[Path]] = [iter([root])]
        while stack:
            path = next(stack[-1], None)
            if path is None:
                stack.pop()
                continue
            children = yield from self._visit(path, top=len(stack) == 1)
            if children:
                stack.append(iter(children))

    def _visit(self, path: Path, *, top: bool) -> Generator[_Entry, None, list[Path] | None]:
        """The entry for ``path`` (or its error); a directory to enter returns its children instead."""
        if not top and (path.name.startswith(".") or _is_project_file(path.name)):
            return None
        source = source_name(path)
        try:
            info = path.stat()
        except FileNotFoundError:
            if path.is_symlink():
                target = source_name(os.readlink(path))
                yield IngestError(source=source, cause=f"broken symbolic link (points to {target})")
            else:
                yield IngestError(source=source, cause="no such file or directory")
            return None
        except OSError as exc:
            yield IngestError(source=source, cause=_os_cause(exc))
            return None
        if stat.S_ISDIR(info.st_mode):
            if not top and path.is_symlink():  # symlinked directories inside a walk could loop
                return None
            try:
                return sorted((Path(e.path) for e in os.scandir(path)), key=lambda p: p.name)
            except OSError as exc:
                yield IngestError(source=source, cause=_os_cause(exc))
                return None
        if not stat.S_ISREG(info.st_mode):
            yield IngestError(source=source, cause="not a regular file (a device, pipe or socket)")
        elif top or EXTENSIONS.get(suffix(path.name)):
            yield _File(path, info.st_size)
        return None

    # -- opening -------------------------------------------------------------------------------------

    def _open(self, raw: BinaryIO, name: str | None) -> _Opened:
        """Find the compression and format from the first bytes, without losing them (works on pipes)."""
        head = read_up_to(raw, _RAW_HEAD)
        compression = compression_of(head)
        if compression == "bzip2" and len(head) == _RAW_HEAD:
            head += read_up_to(raw, _BZIP2_HEAD - _RAW_HEAD)
        return _Opened(format_of(name, head, compression), compression, prefixed(head, raw))

    def _whole(self, opened: _Opened, size: int | None) -> bytes:
        """A single-document source's (decompressed) bytes; over the cap is an error, read no further."""
        if opened.compression is None and size is not None and size > self.max_bytes:
            raise too_large(size, self.max_bytes)
        try:
            data = read_capped(opened.content(), self.max_bytes)
        except Exception as exc:
            failure = stream_failure(exc, opened.compression)
            if failure is None:
                raise  # an OSError of the file itself: the caller names it
            raise failure from None
        if data is None:
            raise too_large_unknown(self.max_bytes, compressed=opened.compression is not None)
        return data

    def open_stdin(self, stream: BinaryIO) -> _Entry:
        """Standard input as an entry: JSONL and WARC stay streams, other formats are read (capped) now."""
        try:
            opened = self._open(stream, None)
            if opened.fmt in ("jsonl", "warc"):
                return _Stdin(opened, None)
            return _Stdin(opened, self._whole(opened, None))
        except IngestFailure as exc:
            return IngestError(source=STDIN, cause=str(exc))
        except OSError as exc:
            return IngestError(source=STDIN, cause=_os_cause(exc))

    # -- scraped text: two passes -------------------------------------------------------------------

    def collect_text(self, index: int, entry: _Entry, batch: TextBatch) -> None:
        """Hand a scraped-text source's decoded text to the batch; other sources, and any that fail to
        read or decode, are left for the second pass, which reports their errors."""
        if isinstance(entry, IngestError):
            return
        try:
            if isinstance(entry, _Stdin):
                if entry.data is None or entry.opened.fmt != "text":
                    return
                raw, source, directory = self._scraped_text(entry.data), STDIN, None
            else:
                if entry.size == 0 or EXTENSIONS.get(suffix(entry.path.name)) in NEVER_TEXT:
                    return  # read lazily in the second pass, without even sniffing here
                with entry.path.open("rb") as fh:
                    opened = self._open(fh, entry.path.name)
                    if opened.fmt != "text":
                        return
                    raw = self._scraped_text(self._whole(opened, entry.size))
                source, directory = source_name(entry.path), entry.path.parent
        except (OSError, IngestFailure):
            return
        if raw is not None:
            batch.add(index, raw, source=source, directory=directory)

    def _scraped_text(self, data: bytes) -> str | None:
        """The decoded text of a scraped-text source; None when there is nothing to clean."""
        if not data:
            return None
        text, _ = decode_bytes(data)
        return text if text.strip() else None

    def take_text(self, index: int, entry: _File | _Stdin, batch: TextBatch) -> Item:
        source = STDIN if isinstance(entry, _Stdin) else source_name(entry.path)
        try:
            return self._finish(batch.take(index), source=source, fmt="text")
        except IngestFailure as exc:
            return IngestError(source=source, cause=str(exc))

    # -- reading -------------------------------------------------------------------------------------

    def read_entry(self, entry: _File | _Stdin) -> Iterator[Item]:
        if isinstance(entry, _File):
            yield from self.read_file(entry.path, size=entry.size)
        elif entry.data is not None:
            yield from self._from_bytes(entry.data, fmt=entry.opened.fmt, source=STDIN, empty="empty input")
        else:
            yield from self._read_opened(entry.opened, source=STDIN, size=None, seekable=None)

    def read_file(self, path: Path, *, size: int) -> Iterator[Item]:
        source = source_name(path)
        if size == 0:
            yield IngestError(source=source, cause="empty file (0 bytes)")
            return
        try:
            with path.open("rb") as fh:
                opened = self._open(fh, path.name)
                yield from self._read_opened(opened, source=source, size=size, seekable=fh)
        except OSError as exc:
            yield IngestError(source=source, cause=_os_cause(exc))

    def read_bytes(self, data: bytes, *, source: str, name: str | None) -> Iterator[Item]:
        """Documents from one source's bytes (as if read from a file named ``name``)."""
        if not data:
            yield IngestError(source=source, cause="empty file (0 bytes)" if name else "empty input")
            return
        raw = io.BytesIO(data)
        yield from self._read_opened(self._open(raw, name), source=source, size=len(data), seekable=raw)

    def _read_opened(
        self, opened: _Opened, *, source: str, size: int | None, seekable: BinaryIO | None
    ) -> Iterator[Item]:
        try:
            if opened.fmt == "warc":
                yield from read_warc(self._warc_stream(opened, seekable), source, max_bytes=self.max_bytes)
            elif opened.fmt == "jsonl":
                content = opened.content()
                yield from read_jsonl(
                    content, source, max_bytes=self.max_bytes, compression=opened.compression
                )
            else:
                data = self._whole(opened, size)
                yield from self._from_bytes(data, fmt=opened.fmt, source=source, empty="empty file (0 bytes)")
        except IngestFailure as exc:
            yield IngestError(source=source, cause=str(exc))
        except Exception as exc:  # a broken compressed stream met by a reader that does not know it
            failure = stream_failure(exc, opened.compression)
            if failure is None:
                raise
            yield IngestError(source=source, cause=str(failure))

    def _warc_stream(self, opened: _Opened, seekable: BinaryIO | None) -> BinaryIO:
        """warcio reads gzip members itself (their offsets name the records); bzip2/xz are undone first."""
        if opened.compression not in (None, "gzip"):
            return opened.content()
        if seekable is not None:  # a file: seekable, so the truncation checks can look at its tail
            seekable.seek(0)
            return seekable
        return opened.raw

    def _from_bytes(self, data: bytes, *, fmt: str, source: str, empty: str) -> Iterator[Item]:
        """Documents from a whole single-document source (feed, JSON, HTML, text) already read."""
        try:
            if not data:
                raise IngestFailure(empty)
            if fmt == "feed":
                yield from read_feed(data, source)
            elif fmt == "json":
                yield from read_json(data, source)
            elif fmt == "xml":
                raise IngestFailure("XML that is neither an RSS/Atom feed nor XHTML")
            else:
                yield self._single(data, source=source, fmt=fmt)
        except IngestFailure as exc:
            yield IngestError(source=source, cause=str(exc))

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


def _os_cause(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied (check the read permission of the file or directory)"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    reason = exc.strerror or type(exc).__name__
    return f"cannot read: {reason.lower()}"
