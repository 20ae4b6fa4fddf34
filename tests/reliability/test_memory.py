"""Peak memory of one ingest per kind of oversized input: bombs, a 1 GiB line, a 1 GiB WARC record, stdin.

Each input is ingested (``--only extract``: reading is what is measured) by a fresh Python process,
which reports its own peak resident size (``VmHWM``; ``resource.getrusage`` where there is no /proc). The goal is at most 1 GB for any
single input, whatever its size or compression; the assertion is tighter (``PEAK_LIMIT_MB``) so that
a reader holding even a quarter of a 1 GiB line fails it. Before #17 the 1 GiB ``.jsonl.gz`` line
took 2.3 GB, 3.3 GB on stdin.

    python tests/reliability/test_memory.py     # prints the table of peaks (docs/reliability.md)
"""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"
MIB = 1 << 20
GIB = 1 << 30

#: A fresh interpreter with wiresift's readers imported holds 60-100 MB; a reader that keeps one
#: 20 MB document (and its decoded text) stays under 250 MB. A quarter of a 1 GiB line would not.
PEAK_LIMIT_MB = 350

GOOD = {"id": "after", "text": "Rescue teams reached the flooded villages on Monday, officials said."}

_CHILD = """
import json, os, resource, sys, threading, time
from wiresift import api

def feed(path, fd):  # a real pipe on stdin's side, as with `zcat ... | wiresift ingest -`
    with open(path, "rb") as src, os.fdopen(fd, "wb") as out:
        try:
            while chunk := src.read(1 << 20):
                out.write(chunk)
        except BrokenPipeError:
            pass

def peak_mb():
    # Linux keeps the parent's peak in getrusage's ru_maxrss across fork and exec (a child of a
    # 1.5 GB pytest starts at 1.5 GB); VmHWM is the peak of this program's own memory alone.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

for n, (path, via_stdin) in enumerate(json.loads(sys.argv[1])):
    started = time.monotonic()
    stdin = None
    if via_stdin:
        read_end, write_end = os.pipe()
        threading.Thread(target=feed, args=(path, write_end), daemon=True).start()
        stdin = os.fdopen(read_end, "rb")
    report = api.ingest(["-" if via_stdin else path], db=f"{path}.db", only="extract", stdin=stdin)
    if stdin is not None:
        stdin.close()
    print(json.dumps({
        "peak_mb": peak_mb(),
        "seconds": time.monotonic() - started,
        "ingested": report.ingested,
        "errors": report.errors,
    }), flush=True)
"""


def _members(pack: Callable[[bytes], bytes], head: bytes, unit: bytes, count: int, tail: bytes) -> bytes:
    """Compressed ``head + unit * count + tail`` as repeated members: built in milliseconds."""
    return pack(head) + pack(unit) * count + pack(tail)


def _line_bomb(pack: Callable[[bytes], bytes], size: int) -> bytes:
    """JSONL whose first line holds ``size`` bytes of text, then a good line."""
    tail = b'"}\n' + json.dumps(GOOD).encode() + b"\n"
    return _members(pack, b'{"id": "bomb", "text": "', b"a" * MIB, size // MIB, tail)


def _page_bomb(pack: Callable[[bytes], bytes], size: int) -> bytes:
    return _members(pack, b"<html><body><p>", b"\0" * MIB, size // MIB, b"</p></body></html>")


def _sparse_warc(path: Path, size: int) -> None:
    """An uncompressed WARC whose one response record claims ``size`` bytes of zeros (a sparse file)."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    header = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/huge\r\n"
        b"WARC-Date: 2024-05-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
        b"Content-Type: application/http; msgtype=response\r\n"
        b"Content-Length: " + str(len(http) + size).encode() + b"\r\n\r\n"
    )
    with path.open("wb") as fh:
        fh.write(header + http)
        fh.truncate(len(header) + len(http) + size)
        fh.seek(0, 2)
        fh.write(b"\r\n\r\n")


def _sparse(path: Path, size: int) -> None:
    with path.open("wb") as fh:
        fh.truncate(size)


Case = tuple[str, Callable[[Path], None], bool, str, int]


def make_cases(line: int, stdin_line: int, record: int) -> dict[str, Case]:
    """name -> (file name, writer of the input, through stdin?, expected cause, documents stored).

    ``line``, ``stdin_line`` and ``record`` size the inputs that must be read to their end to be
    skipped (decompression is what takes the time); bombs stop at the cap, so they are always 1 GiB.
    """
    size = lambda n: f"{n // GIB} GiB" if n >= GIB else f"{n // MIB} MiB"  # noqa: E731
    return {
        f"jsonl.gz, {size(line)} line (file)": (
            "bomb.jsonl.gz", lambda p: p.write_bytes(_line_bomb(gzip.compress, line)), False, "line too large", 1,
        ),
        f"jsonl.gz, {size(stdin_line)} line (stdin)": (
            "bomb.jsonl.gz", lambda p: p.write_bytes(_line_bomb(gzip.compress, stdin_line)), True, "line too large", 1,
        ),
        f"jsonl.xz, {size(stdin_line)} line (file)": (
            "bomb.jsonl.xz", lambda p: p.write_bytes(_line_bomb(lzma.compress, stdin_line)), False, "line too large", 1,
        ),
        "html.gz bomb, 1 GiB unpacked": (
            "bomb.html.gz", lambda p: p.write_bytes(_page_bomb(gzip.compress, GIB)), False, "once decompressed", 0,
        ),
        "txt.bz2 bomb, 1 GiB unpacked": (
            "bomb.txt.bz2", lambda p: p.write_bytes(_page_bomb(bz2.compress, GIB)), False, "once decompressed", 0,
        ),
        "html.xz bomb, 1 GiB unpacked (stdin)": (
            "bomb.html.xz", lambda p: p.write_bytes(_page_bomb(lzma.compress, GIB)), True, "once decompressed", 0,
        ),
        f"warc, one {size(record)} record (sparse file)": (
            "huge.warc", lambda p: _sparse_warc(p, record), False, "too large", 0,
        ),
        "txt, 1 GiB (sparse file)": ("huge.txt", lambda p: _sparse(p, GIB), False, "1024 MB is over", 0),
    }  # fmt: skip


#: The suite's sizes: enough that a reader holding a whole line would pass ``PEAK_LIMIT_MB`` (the
#: 256 MiB line cost about 600 MB before #17), small enough to run in seconds. ``python
#: tests/reliability/test_memory.py`` measures the full 1 GiB sizes of the issue.
CASES = make_cases(line=256 * MIB, stdin_line=128 * MIB, record=256 * MIB)


def measure(names: list[str], tmp: Path, cases: dict[str, Case] = CASES) -> list[dict[str, object]]:
    """Ingest the inputs of ``names`` one after the other in one fresh process, each as its own run.

    Each result holds the process's peak resident size so far, the run's time, documents and errors;
    peaks only grow, so a case that needs more memory than the ones before it shows as a step.
    """
    inputs = []
    for name in names:
        file_name, write, via_stdin, _, _ = cases[name]
        path = tmp / file_name.replace("bomb", f"bomb-{len(inputs)}")
        write(path)
        inputs.append((str(path), via_stdin))
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, json.dumps(inputs)],
        capture_output=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")[-2000:]
    results = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    for result, (path, _) in zip(results, inputs, strict=True):
        result["compressed_mb"] = round(Path(path).stat().st_size / MIB, 2)
        Path(path).unlink()
    return results


def test_peak_memory_of_oversized_inputs(tmp_path: Path) -> None:
    names = list(CASES)
    results = measure(names, tmp_path)
    for name, result in zip(names, results, strict=True):
        *_, cause, documents = CASES[name]
        errors = result["errors"]
        assert isinstance(errors, list) and len(errors) == 1 and cause in errors[0], (name, errors)
        assert result["ingested"] == documents, name  # the good line after a bomb line is still stored
        assert isinstance(result["peak_mb"], float) and result["peak_mb"] < PEAK_LIMIT_MB, (name, results)


def _table(tmp: Path) -> Iterator[str]:
    yield "| input | on disk | peak RSS | time |"
    yield "|---|---|---|---|"
    full = make_cases(line=GIB, stdin_line=GIB, record=GIB)
    for name in full:  # one process per input: each peak is that input's alone
        (r,) = measure([name], tmp, full)
        yield f"| {name} | {r['compressed_mb']} MB | {r['peak_mb']:.0f} MB | {r['seconds']:.1f} s |"


if __name__ == "__main__":
    import tempfile

    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        for row in _table(Path(tmp)):
            print(row, flush=True)
    print(f"total {time.monotonic() - started:.0f} s")
