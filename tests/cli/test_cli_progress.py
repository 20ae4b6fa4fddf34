"""Progress of `ingest` and `analyze`: a bar with rate and ETA on a terminal, one line otherwise."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

from click.testing import CliRunner

from wiresift import api
from wiresift.cli import cli
from wiresift.cli.progress import BatchProgress


def _corpus(tmp_path: Path, n: int = 6) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(n):
        (folder / f"note{i}.txt").write_text(
            f"Harbour note {i}.\n\nThe ferry to Vardø ran {i} times today.\n"
        )
    (folder / "broken.jsonl").write_text("{not json\n")
    return folder


def test_the_api_reports_sources_found_and_read(tmp_path: Path) -> None:
    events: list[tuple[str, str]] = []
    report = api.ingest([_corpus(tmp_path)], db=tmp_path / "w.db", only="extract",
                        progress=lambda e, m: events.append((e, m)))  # fmt: skip
    assert events[0] == ("sources", "7")
    assert sum(e == "read" for e, _ in events) == 7
    assert sum(e == "ingested" for e, _ in events) == report.ingested == 6
    assert [e for e, _ in events].count("failed") == 1


def test_bar_counts_sources_documents_and_failures(capsys: object) -> None:
    progress = BatchProgress("ingest", bar=False)
    for event, message in [("sources", "3"), ("ingested", "a"), ("read", "a"), ("failed", "b: bad"),
                           ("read", "b"), ("duplicate", "c"), ("read", "c")]:  # fmt: skip
        progress(event, message)
    assert progress.read == 3 and progress.sources == 3
    line = progress.close()
    assert re.fullmatch(
        r"ingest: 2 documents, 1 failed, from 3 sources in \d+\.\d s \(\d+\.\d documents/s\)", line
    )


def test_not_a_terminal_gives_one_summary_line(tmp_path: Path) -> None:
    runner = CliRunner()
    folder = _corpus(tmp_path)
    ingest = runner.invoke(cli, ["ingest", str(folder), "--db", str(tmp_path / "w.db"), "--only", "extract"])
    assert ingest.stdout.strip() == "ingested 6, duplicates 0, near-duplicates 0, failed 1"
    assert len(ingest.stderr.strip().splitlines()) == 1  # the failure only: no bar in a pipe
    analyze = runner.invoke(cli, ["analyze", str(folder), "--only", "extract", "--format", "jsonl"])
    lines = analyze.stderr.strip().splitlines()
    assert len(lines) == 2 and "broken.jsonl" in lines[0]
    assert lines[1].startswith("analyze: 6 documents, 1 failed, from 7 sources in ")
    assert "\r" not in analyze.stderr and "%|" not in analyze.stderr


def _on_a_terminal(args: list[str], cwd: Path) -> str:
    """Run the CLI with stderr on a pseudo-terminal (stdout to a pipe); return what the terminal got."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))  # a 120-column terminal
    env = {**os.environ, "COLUMNS": "120", "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "wiresift", *args], cwd=cwd, stdout=subprocess.PIPE, stderr=follower, env=env
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed: the process is done with it
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.communicate(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_a_terminal_shows_a_bar_with_rate_and_eta(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    screen = _on_a_terminal(
        ["ingest", str(folder), "--db", str(tmp_path / "w.db"), "--only", "extract"], tmp_path
    )
    assert "ingest: 100%" in screen and "7/7" in screen
    assert re.search(r"\d+:\d\d<\d+:\d\d", screen)  # elapsed<ETA
    assert re.search(r"source/s|s/source", screen)  # the rate
    assert "docs=6" in screen and "failed=1" in screen
    assert "broken.jsonl" in screen  # the failure line, written above the bar


def test_analyze_to_a_file_shows_the_bar_not_the_summary_line(tmp_path: Path) -> None:
    screen = _on_a_terminal(["analyze", str(_corpus(tmp_path)), "--only", "extract"], tmp_path)
    assert "analyze: 100%" in screen and "docs=6" in screen
    assert "documents/s" not in screen  # the bar is the summary on a terminal
