"""CSV tables: every layer written (spans included), formula cells escaped, nothing half-written."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from export_stores import full_document, hostile_document
from hypothesis import given
from hypothesis import strategies as st

from wiresift import api
from wiresift.export.csv import FORMULA_STARTS, TABLES, cell, escape, write_tables
from wiresift.export.stories import STORY_TABLES
from wiresift.model import Document

#: Columns holding model numbers (int/float), by table.
NUMERIC = {
    **{table: {"start", "end"} for table in ("quotes", "claims", "timexes")},
    "claims": {"start", "end", "value", "low", "high"},
    "places": {"geonames_id", "lat", "lon"},
}


def read_tables(folder: Path) -> dict[str, list[dict[str, str]]]:
    tables = {}
    for name in TABLES:
        with (folder / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            tables[name] = list(csv.DictReader(handle))
    return tables


def test_quotes_with_cue_spans_are_written(tmp_path: Path) -> None:
    """The crash of issue 17: a quote's ``cue_span`` (two integers) broke every store with quotes."""
    doc = full_document()
    assert doc.quotes[0].cue_span is not None
    tables = read_tables(tmp_path) if write_tables([doc], tmp_path) else {}
    [quote] = tables["quotes"]
    assert doc.text[int(quote["start"]) : int(quote["end"])] == quote["text"]
    assert quote["speaker_mention"] == "he" and quote["cue"] == "said"
    assert tables["entities"][0]["mentions"] == "{}-{}".format(*doc.entities[0].mentions[0])
    assert tables["documents"][0]["authors"] == "Desk One; Desk Two"


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ('=HYPERLINK("http://x.invalid")', '\'=HYPERLINK("http://x.invalid")'),
        ("+44 20 7946 0000", "'+44 20 7946 0000"),
        ("-2+3", "'-2+3"),
        ("-12", "'-12"),  # text that looks like a number is still text: OWASP escapes it
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("\0x", "'\0x"),
        ("Mayor said =1", "Mayor said =1"),  # only the first character counts
        ("'quoted", "'quoted"),
        ("", ""),
    ],
)
def test_formula_cells_are_escaped(text: str, written: str) -> None:
    assert cell(text) == written


def test_numbers_stay_numbers() -> None:
    assert cell(-12.04) == -12.04 and cell(-3) == -3 and cell(0.0) == 0.0
    assert cell(float("-inf")) == "'-inf" and cell(None) == "" and cell((3, 9)) == "3-9"


@given(st.text())
def test_no_text_cell_starts_a_formula(text: str) -> None:
    out = escape(text)
    assert not out.startswith(FORMULA_STARTS)
    assert out == text or (out == "'" + text and text.startswith(FORMULA_STARTS))


def test_hostile_store_has_no_live_formula(tmp_path: Path) -> None:
    write_tables([hostile_document(), full_document()], tmp_path)
    tables = read_tables(tmp_path)
    checked = 0
    for name, rows in tables.items():
        for row in rows:
            for column, value in row.items():
                if column in NUMERIC.get(name, ()) and value:
                    float(value)  # a number, written as one (negative coordinates stay numeric)
                    continue
                checked += 1
                assert not value.startswith(FORMULA_STARTS), (name, column, value)
    assert checked > 50
    [hostile] = [d for d in tables["documents"] if d["id"].startswith("'")]
    assert hostile["id"] == "'" + hostile_document().id and "\n" in hostile["site"]
    assert [p["lat"] for p in tables["places"] if p["name"] == "Lima"] == ["-12.04"]


def test_a_failed_export_leaves_the_old_tables(tmp_path: Path) -> None:
    folder = tmp_path / "tables"
    write_tables([full_document(1)], folder)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}

    def broken() -> Iterator[Document]:
        yield full_document(2)
        raise RuntimeError("disk gone")

    with pytest.raises(RuntimeError, match="disk gone"):
        write_tables(broken(), folder)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # no partial or temporary file


def test_cli_csv_export_of_a_store_with_quotes(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from wiresift.cli import cli

    db = tmp_path / "q.db"
    with api.open_store(db) as store:
        store.save(full_document())
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["export", "--format", "csv", "--db", str(db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    tables = [*TABLES, *STORY_TABLES]  # the store's export adds the story tables
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.csv" for t in tables)
    assert result.stdout.splitlines() == [str(out / f"{t}.csv") for t in tables]
