"""Quote modes in the store, the API, the CLI and the exports: statements by default, every mode on
request; an old store gains the columns with its quotes taken for statements. Invented text only."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from wiresift import api
from wiresift.cli.commands import cli
from wiresift.model import Document, Quote
from wiresift.store import SQLiteStore
from wiresift.store.base import StoreError
from wiresift.store.migrations import MIGRATIONS, migrate

TEXT = "Lena Ortiz said the pier will reopen. She believes the tide will help. She wants to swim."


def _doc() -> Document:
    def quote(i: int, words: str, mode: str) -> Quote:
        start = TEXT.index(words)
        return Quote(
            id=f"q{i}",
            text=words,
            start=start,
            end=start + len(words),
            kind="indirect",
            speaker_name="Lena Ortiz",
            mode=mode,  # type: ignore[arg-type]
            speaker_confidence=0.9,
            stage="quotes",
        )

    doc = Document(id="d1", title="Pier", published="2024-05-01", text=TEXT)
    doc.quotes = [
        quote(1, "the pier will reopen", "statement"),
        quote(2, "the tide will help", "belief"),
        quote(3, "to swim", "intention"),
    ]
    return doc.finalize()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "q.db"
    with SQLiteStore(path) as store:
        store.save(_doc())
    return path


def test_statements_by_default_every_mode_on_request(db: Path) -> None:
    with SQLiteStore(db) as store:
        assert [q.mode for q in api.quotes(store)] == ["statement"]
        assert sorted(q.mode for q in api.quotes(store, all_modes=True)) == [
            "belief",
            "intention",
            "statement",
        ]
        assert [q.mode for q in api.quotes(store, modes=("belief",))] == ["belief"]
        assert api.quotes(store)[0].speaker_confidence == 0.9


def test_parse_modes() -> None:
    assert api.parse_modes(None) == ("statement",)
    assert api.parse_modes("all") is None
    assert api.parse_modes("belief, intention") == ("belief", "intention")
    with pytest.raises(StoreError, match="unknown quote mode 'rumour'"):
        api.parse_modes("rumour")


def test_cli_all_modes(db: Path) -> None:
    runner = CliRunner()
    plain = runner.invoke(cli, ["quotes", "--db", str(db), "--json"])
    every = runner.invoke(cli, ["quotes", "--db", str(db), "--json", "--all-modes"])
    assert plain.exit_code == 0 and every.exit_code == 0, plain.output + every.output
    assert [json.loads(line)["mode"] for line in plain.output.splitlines()] == ["statement"]
    assert len(every.output.splitlines()) == 3


def test_csv_export_filters_quotes_and_jsonl_stays_lossless(db: Path, tmp_path: Path) -> None:
    with SQLiteStore(db) as store:
        api.export_csv(store, tmp_path / "some")
        api.export_csv(store, tmp_path / "all", all_modes=True)
        lines = list(api.export(store, "jsonl"))
    for folder, n in (("some", 1), ("all", 3)):
        with open(tmp_path / folder / "quotes.csv", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        assert len(rows) == n and {"mode", "speaker_confidence"} <= set(rows[0])
    assert len(json.loads(lines[0])["quotes"]) == 3


def test_old_store_gains_mode_columns(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, MIGRATIONS[:2])
    conn.execute(
        "INSERT INTO documents(id, content_hash, text, record, ingested_at) VALUES ('d0', 'h', 't', '{}', 'now')"
    )
    conn.execute(
        "INSERT INTO quotes(doc_id, id, text, start, \"end\", kind) VALUES ('d0', 'q1', 't', 0, 1, 'direct')"
    )
    conn.close()
    with SQLiteStore(path) as store:
        assert store.version == len(MIGRATIONS)
        row = store.conn.execute("SELECT mode, speaker_confidence FROM quotes").fetchone()
        assert tuple(row) == ("statement", None)
