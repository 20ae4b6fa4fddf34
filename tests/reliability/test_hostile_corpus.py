"""The hostile-input corpus (``make_corpus.py``) through the real command line, in a subprocess.

Every bad input gives exactly its one expected error line (escaped: one line, whatever the name),
every good input is stored, no traceback is printed, and the exit status is 0 (something stored),
2 (nothing stored) or 1 (usage error) — never anything else.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

from make_corpus import Case, make_corpus

SRC = Path(__file__).resolve().parents[2] / "src"


def wiresift(*args: str | bytes | Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    env.pop("WIRESIFT_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "wiresift.cli", *[os.fsencode(a) for a in args]],
        input=stdin,
        capture_output=True,
        env=env,
        timeout=300,
    )


def check_error_lines(stderr: bytes, cases: list[Case]) -> None:
    """Each line is one expected ``source: cause`` error; each expected error is printed exactly once."""
    text = stderr.decode("utf-8")  # escaped names always encode
    assert "Traceback" not in text
    expected = [(case.path, src, cause) for case in cases for src, cause in case.errors]
    seen = [0] * len(expected)
    for line in text.splitlines():
        if line.startswith("analyze: "):  # the run's one-line summary (stderr is not a terminal)
            continue
        hits = [
            i
            for i, (_, src, cause) in enumerate(expected)
            if (m := re.match(rf"({src}): (.*)$", line)) and re.search(cause, m.group(2))
        ]
        assert hits, f"unexpected stderr line: {line!r}"
        seen[hits[0]] += 1
    missing = [
        f"{path.name!r}: /{cause}/" for (path, _, cause), n in zip(expected, seen, strict=True) if n != 1
    ]
    assert not missing, f"error lines missing or repeated: {missing}\n{text}"


def test_hostile_corpus_ingest(tmp_path: Path) -> None:
    cases = make_corpus(tmp_path / "corpus")
    db = tmp_path / "h.db"
    paths = [case.path for case in cases]
    first = wiresift("ingest", *paths, "--db", db, "--only", "extract")
    assert first.returncode == 0, first.stderr
    check_error_lines(first.stderr, cases)
    good = sorted(doc for case in cases for doc in case.docs)
    errors = sum(len(case.errors) for case in cases)
    ingested, duplicates, near, failed = (int(n) for n in re.findall(rb"\d+", first.stdout))
    assert (ingested + near, duplicates, failed) == (len(good), 0, errors), first.stdout
    with closing(sqlite3.connect(db)) as conn:
        assert sorted(r[0] for r in conn.execute("SELECT source FROM documents")) == good
        assert conn.execute("SELECT count(*) FROM errors").fetchone()[0] == errors

    again = wiresift("ingest", *paths, "--db", db, "--only", "extract")  # idempotent: nothing new
    assert again.returncode == 0
    check_error_lines(again.stderr, cases)
    assert (
        again.stdout.decode().strip()
        == f"ingested 0, duplicates {len(good)}, near-duplicates 0, failed {errors}"
    )
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == len(good)


def test_hostile_corpus_analyze(tmp_path: Path) -> None:
    cases = make_corpus(tmp_path / "corpus")
    result = wiresift("analyze", *[case.path for case in cases], "--only", "extract", "--format", "jsonl")
    assert result.returncode == 0
    check_error_lines(result.stderr, cases)
    records = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert sorted(r["source"] for r in records) == sorted(doc for case in cases for doc in case.docs)


def test_exit_status_2_when_nothing_is_stored_1_for_usage(tmp_path: Path) -> None:
    cases = [case for case in make_corpus(tmp_path / "corpus", bomb_mb=21) if not case.docs]
    db = tmp_path / "bad.db"
    result = wiresift("ingest", *[case.path for case in cases], "--db", db, "--only", "extract")
    assert result.returncode == 2
    check_error_lines(result.stderr, cases)
    assert result.stdout.decode().startswith("ingested 0, duplicates 0, near-duplicates 0, failed ")
    usage = wiresift("ingest", cases[0].path, "--db", db, "--only", "everything")
    assert usage.returncode == 1 and b"Traceback" not in usage.stderr
    assert wiresift("ingest").returncode == 1  # no path at all


def test_names_and_texts_are_printed_escaped(tmp_path: Path) -> None:
    """Terminal escapes and bidi controls in a file name, a title and a text come out escaped, never raw."""
    text = (
        "Delegations met in the capital on Monday \x1b[31mand agreed\x1b[0m to resume talks next month, "
        "a spokesman for the foreign ministry said \u202eafter\u202c the meeting ended.\x1b]0;owned\x07"
    )
    source = tmp_path / "evil\x1b]0;owned\x07.jsonl"
    source.write_text(json.dumps({"id": "t1", "title": "Talks \u202eresume\x1b[2J", "text": text}) + "\n")
    db = tmp_path / "e.db"
    assert wiresift("ingest", source, "--db", db, "--only", "extract").returncode == 0
    outputs = [
        wiresift(*args, "--db", db)
        for args in (("search", "talks"), ("search", "talks", "--json"), ("show", "t1"), ("stats",))
    ]
    for out in outputs:
        assert out.returncode == 0, out.stderr
        for raw in (b"\x1b", b"\x07", "\u202e".encode()):
            assert raw not in out.stdout + out.stderr, out.stdout
    assert b"evil\\u001b]0;owned\\u0007.jsonl#line-1" in outputs[2].stdout  # the source, escaped
    record = wiresift("show", "t1", "--db", db, "--format", "json")
    assert b"\x1b" not in record.stdout and "\u202e".encode() not in record.stdout
    assert json.loads(record.stdout)["text"] == text  # the escapes are JSON's own: the same value
