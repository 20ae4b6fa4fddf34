"""Bounded reading: every cap is enforced before the bytes are held.

A source is read as a stream: compressed sources (gzip, bzip2, xz) are decompressed as they are
read, a whole-document source is read up to its cap plus one byte and refused beyond it, and a
JSONL line is read with a bounded ``readline`` and skipped, without being held, when it is longer
than the cap. So no input, whatever its size or compression ratio, makes a reader hold more than
about one cap (20 MB) at a time: a 1 GiB line inside a 1 MB ``.jsonl.gz`` costs 20 MB, not 1 GiB.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO, cast

from wiresift.ingest import IngestFailure

#: Read step of line splitting: bounded memory, few calls.
READ_CHUNK = 1024 * 1024

#: Compression formats by their magic bytes; each is decompressed while it is read.
COMPRESSIONS: tuple[tuple[bytes, str], ...] = (
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
)

#: File name endings of compressed sources, stripped before the format is read from the name.
COMPRESSED_SUFFIXES = (".gz", ".bz2", ".xz")


def compression_of(head: bytes) -> str | None:
    """``gzip``, ``bzip2`` or ``xz`` when ``head`` starts with that format's magic, else None."""
    for magic, name in COMPRESSIONS:
        if head.startswith(magic):
            return name
    return None


def decompressing(stream: BinaryIO, kind: str) -> BinaryIO:
    """A stream of the decompressed bytes of ``stream`` (multi-member gzip included)."""
    if kind == "gzip":
        return cast(BinaryIO, gzip.GzipFile(fileobj=stream, mode="rb"))
    if kind == "bzip2":
        return cast(BinaryIO, bz2.BZ2File(stream))
    if kind == "xz":
        return cast(BinaryIO, lzma.LZMAFile(stream))
    raise ValueError(f"unknown compression {kind!r}")


def stream_failure(exc: BaseException, kind: str | None) -> IngestFailure | None:
    """The one-line cause for an error raised while reading a (compressed) stream, or None for others."""
    what = kind or "compressed"
    if isinstance(exc, EOFError):
        return IngestFailure(f"truncated {what}: the compressed stream ends early")
    if isinstance(exc, zlib.error | lzma.LZMAError | gzip.BadGzipFile) or (
        kind is not None and isinstance(exc, OSError) and not exc.errno
    ):
        detail = " ".join(str(exc).split())[:120] or type(exc).__name__
        return IngestFailure(f"corrupt {what} data ({detail})")
    return None


class _Prefixed(io.RawIOBase):
    """``head`` (bytes already read) followed by the rest of ``stream``: un-reads a sniff, even on a pipe."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head = memoryview(head)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def read_up_to(stream: BinaryIO, limit: int) -> bytes:
    """At most ``limit`` bytes; fewer only at the end of the stream (pipes return short reads)."""
    parts: list[bytes] = []
    left = limit
    while left > 0:
        part = stream.read(left)
        if not part:
            break
        parts.append(part)
        left -= len(part)
    return b"".join(parts)


def prefixed(head: bytes, stream: BinaryIO) -> BinaryIO:
    """A buffered stream of ``head`` and then the rest of ``stream`` (``head`` was read from it)."""
    return cast(BinaryIO, io.BufferedReader(_Prefixed(head, stream)))


def read_capped(stream: BinaryIO, cap: int) -> bytes | None:
    """The whole stream when it holds at most ``cap`` bytes, else None (reading stops at ``cap + 1``)."""
    data = read_up_to(stream, cap + 1)
    return data if len(data) <= cap else None


@dataclass(frozen=True)
class Overlong:
    """A line longer than the cap, skipped without being held: only its size is known."""

    size: int


def capped_lines(stream: BinaryIO, cap: int, chunk_size: int = READ_CHUNK) -> Iterator[bytes | Overlong]:
    """Lines of ``stream`` (with their newline) of at most ``cap`` bytes; longer ones as :class:`Overlong`.

    A line is over-long when it holds more than ``cap + 2`` bytes with its line ending (the caller
    checks the cap exactly, without the ending). The stream is read in ``chunk_size`` steps and split
    here: at most the cap plus one chunk is held, and the rest of an over-long line is counted and
    dropped as it streams past.
    """
    read = getattr(stream, "read1", stream.read)  # read1: what a pipe has now, without waiting for more
    parts: list[bytes] = []  # the current line so far
    held = 0
    skipped = -1  # bytes of an over-long line dropped so far; -1 when not dropping one
    while True:
        chunk = read(chunk_size)
        if not chunk:
            break
        start = 0
        while start < len(chunk):
            newline = chunk.find(b"\n", start)
            end = len(chunk) if newline < 0 else newline + 1
            if skipped >= 0:
                skipped += end - start
            elif held + end - start > cap + 2:  # + 2: a CRLF ending does not count against the cap
                skipped = held + end - start
                parts, held = [], 0
            else:
                parts.append(chunk[start:end])
                held += end - start
            start = end
            if newline >= 0:
                if skipped >= 0:
                    yield Overlong(skipped)
                else:
                    yield b"".join(parts)
                parts, held, skipped = [], 0, -1
    if skipped >= 0:
        yield Overlong(skipped)
    elif parts:
        yield b"".join(parts)
