"""Bounded reading: lines split with the cap enforced before allocation, compressed streams, stdin."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wiresift.ingest.sources import read_sources
from wiresift.ingest.streams import Overlong, capped_lines, compression_of, read_capped
from wiresift.model import Document, IngestError


class Trickle(io.RawIOBase):
    """A pipe that hands out a few bytes per read, as a slow producer does."""

    def __init__(self, data: bytes, step: int) -> None:
        self.data, self.step = data, step

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        n = min(len(buffer), self.step, len(self.data))
        buffer[:n] = self.data[:n]
        self.data = self.data[n:]
        return n


def reference(data: bytes, cap: int) -> list[bytes | Overlong]:
    return [Overlong(len(line)) if len(line) > cap + 2 else line for line in data.splitlines(keepends=True)]


@settings(max_examples=200, deadline=None)
@given(
    lengths=st.lists(st.integers(0, 40), max_size=12),
    cap=st.integers(1, 30),
    crlf=st.booleans(),
    last_newline=st.booleans(),
    step=st.integers(1, 17),
)
def test_lines_split_like_splitlines_with_long_ones_skipped(
    lengths: list[int], cap: int, crlf: bool, last_newline: bool, step: int
) -> None:
    end = b"\r\n" if crlf else b"\n"
    data = end.join(bytes([97 + i % 26]) * n for i, n in enumerate(lengths))
    if lengths and last_newline:
        data += end
    got = list(capped_lines(io.BufferedReader(Trickle(data, step)), cap, chunk_size=7))  # lines cross chunks
    assert got == reference(data, cap)


def test_a_line_of_exactly_the_cap_is_kept_and_a_longer_one_is_refused() -> None:
    from wiresift.ingest.jsonl import read_jsonl

    data = b"a" * 10 + b"\r\n" + b"b" * 13 + b"\n" + b"c" * 3
    assert list(capped_lines(io.BytesIO(data), 10)) == [b"a" * 10 + b"\r\n", Overlong(14), b"c" * 3]
    ok, over = list(read_jsonl(io.BytesIO(b'{"text": "1234"}\n{"text": "12345"}\n'), "x.jsonl", max_bytes=16))
    assert isinstance(ok, Document)
    assert isinstance(over, IngestError) and over.cause.startswith("too large: 0.0 KB is over")


def test_read_capped_stops_one_byte_over() -> None:
    stream = io.BytesIO(b"x" * 100)
    assert read_capped(stream, 99) is None and stream.tell() == 100
    assert read_capped(io.BytesIO(b"x" * 99), 99) == b"x" * 99


@pytest.mark.parametrize(
    ("pack", "kind"), [(gzip.compress, "gzip"), (bz2.compress, "bzip2"), (lzma.compress, "xz")]
)
def test_compressed_jsonl_files_and_stdin(pack: object, kind: str, tmp_path: object) -> None:
    lines = [json.dumps({"id": f"n{i}", "text": f"Convoy {i} crossed the bridge at dawn."}) for i in range(5)]
    data = pack("\n".join(lines).encode())  # type: ignore[operator]
    assert compression_of(data) == kind
    suffix = {"gzip": ".gz", "bzip2": ".bz2", "xz": ".xz"}[kind]
    path = tmp_path / f"wire.jsonl{suffix}"  # type: ignore[operator]
    path.write_bytes(data)
    for items in (
        list(read_sources([path])),
        list(read_sources(["-"], stdin=io.BufferedReader(Trickle(data, 5)))),
    ):
        assert [d.id for d in items if isinstance(d, Document)] == [f"n{i}" for i in range(5)]


def test_stdin_jsonl_streams_past_a_bad_line_and_a_too_long_one() -> None:
    data = b"\n".join(
        [
            json.dumps({"id": "a", "text": "The pass reopened on Monday."}).encode(),
            b'{"id": "b", "text": "' + b"x" * 5000 + b'"}',
            b"[" * 1200 + b"]" * 1200,
            json.dumps({"id": "c", "text": "Ferries resumed on Tuesday."}).encode(),
        ]
    )
    items = list(
        read_sources(["-"], stdin=io.BufferedReader(Trickle(gzip.compress(data), 3)), max_bytes=3000)
    )
    assert [type(i).__name__ for i in items] == ["Document", "IngestError", "IngestError", "Document"]
    errors = [i for i in items if isinstance(i, IngestError)]
    assert errors[0].source == "<stdin>:line 2" and errors[0].cause.startswith("line too large:")
    assert errors[1].source == "<stdin>:line 3" and "nested too deeply" in errors[1].cause


def test_stdin_single_document_over_the_cap_is_refused_without_reading_on() -> None:
    stream = io.BytesIO(b"<html><body><p>" + b"word " * 100_000)
    (err,) = read_sources(["-"], stdin=stream, max_bytes=10_000)
    assert isinstance(err, IngestError) and err.source == "<stdin>"
    assert err.cause.startswith("too large: over the 9.8 KB per-document cap (reading stopped there")
    assert stream.tell() < 100_000  # the rest was never read


def test_a_truncated_bzip2_page_is_one_error(tmp_path: object) -> None:
    path = tmp_path / "page.txt.bz2"  # type: ignore[operator]
    data = bz2.compress(b"A long enough line of text about the harbour and the ferries. " * 200)
    path.write_bytes(data[: len(data) - 20])
    (err,) = read_sources([path])
    assert isinstance(err, IngestError) and err.cause.startswith("truncated bzip2")
