"""Parquet export: every table, typed columns, spans, joins, streaming, atomic writes, and the docs' queries."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, get_args

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from export_stores import HOSTILE_TEXT, HOSTILE_TITLE, STORES, fill, full_document
from pydantic import BaseModel

from wiresift import api
from wiresift.cli import cli
from wiresift.export import parquet
from wiresift.model import Document, Quote
from wiresift.store.base import DEFAULT_MODES, StoreError

DOCS_PAGE = Path(__file__).parents[2] / "docs" / "exports.md"
TABLES = ("documents", "entities", "mentions", "quotes", "claims", "timexes", "places")


def export(db: Path, out: Path, all_modes: bool = False) -> dict[str, pa.Table]:
    with api.open_store(db) as store:
        written = api.export_file(store, "parquet", out, all_modes=all_modes)
    assert [p.name for p in written] == [f"{t}.parquet" for t in parquet.TABLES]
    return {p.stem: pq.read_table(p) for p in written}


def stored(db: Path) -> list[Document]:
    with api.open_store(db) as store:
        return list(store.documents())


def expected_counts(docs: list[Document], modes: tuple[str, ...] | None = DEFAULT_MODES) -> dict[str, int]:
    return {
        "documents": len(docs),
        "entities": sum(len(d.entities) for d in docs),
        "mentions": sum(len(e.mentions) for d in docs for e in d.entities),
        "quotes": sum(modes is None or q.mode in modes for d in docs for q in d.quotes),
        "claims": sum(len(d.claims) for d in docs),
        "timexes": sum(len(d.timexes) for d in docs),
        "places": sum(len(d.places) for d in docs),
        "events": sum(len(d.events) for d in docs),
    }


def test_every_layer_of_the_model_has_a_table() -> None:
    layers = {
        name
        for name, field in Document.model_fields.items()
        if name != "related"
        and any(isinstance(a, type) and issubclass(a, BaseModel) for a in get_args(field.annotation))
    }
    assert layers == set(parquet.LAYERS)
    assert set(TABLES) <= set(parquet.TABLES) == {"documents", "mentions", *layers}


@pytest.mark.parametrize("kind", sorted(STORES))
def test_every_table_is_written_with_the_store_counts(kind: str, tmp_path: Path) -> None:
    db = STORES[kind](tmp_path)
    tables = export(db, tmp_path / "out")
    counts = expected_counts(stored(db))
    assert {name: table.num_rows for name, table in tables.items()} == counts
    for name, table in tables.items():
        assert table.schema.equals(parquet.schema(name))
        assert table.schema.metadata[b"wiresift.schema"] == b"wiresift/1"
    if kind == "empty":
        assert all(t.num_rows == 0 for t in tables.values())
    assert not list((tmp_path / "out").glob(".*.part"))


def test_columns_are_typed(tmp_path: Path) -> None:
    tables = export(STORES["full"](tmp_path), tmp_path / "out")
    types = {(t, f.name): f.type for t, table in tables.items() for f in table.schema}
    assert types["quotes", "start"] == pa.int64() and types["claims", "value"] == pa.float64()
    assert types["places", "geonames_id"] == pa.int64() and types["places", "adjectival"] == pa.bool_()
    assert types["entities", "mentions"] == pa.list_(pa.list_(pa.int64()))
    assert types["quotes", "cue_span"] == pa.list_(pa.int64())
    assert types["documents", "authors"] == pa.list_(pa.string())
    assert tables["places"].column("lat").to_pylist()[:2] == [51.18, -12.04]


def test_spans_and_values_round_trip(tmp_path: Path) -> None:
    db = STORES["hostile"](tmp_path)
    tables = export(db, tmp_path / "out", all_modes=True)
    docs = {d.id: d for d in stored(db)}
    documents = {r["id"]: r for r in tables["documents"].to_pylist()}
    assert set(documents) == set(docs)
    for doc_id, doc in docs.items():
        assert documents[doc_id]["text"] == doc.text and documents[doc_id]["authors"] == doc.authors
    assert any(r["text"] == HOSTILE_TEXT and r["title"] == HOSTILE_TITLE for r in documents.values())
    for layer in ("quotes", "claims", "timexes"):
        for row in tables[layer].to_pylist():
            assert docs[row["doc_id"]].text[row["start"] : row["end"]] == row["text"]
    for row in tables["quotes"].to_pylist():
        quote = next(q for q in docs[row["doc_id"]].quotes if q.id == row["id"])
        assert (row["cue_span"], row["speaker"]) == (list(quote.cue_span or []) or None, quote.speaker)
        mention = quote.speaker_mention
        assert row["speaker_mention_text"] == (mention.text if mention else None)
    for layer in ("entities", "places"):
        for row in tables[layer].to_pylist():
            item = next(i for i in getattr(docs[row["doc_id"]], layer) if i.id == row["id"])
            assert row["mentions"] == [list(span) for span in item.mentions]
    for row in tables["mentions"].to_pylist():
        assert docs[row["doc_id"]].text[row["start"] : row["end"]] == row["text"]


def test_documents_join_quotes_by_doc_id(tmp_path: Path) -> None:
    out = tmp_path / "out"
    tables = export(STORES["full"](tmp_path), out)
    joined = duckdb.sql(
        f"SELECT q.doc_id, d.title FROM read_parquet('{out}/quotes.parquet') AS q "
        f"JOIN read_parquet('{out}/documents.parquet') AS d ON d.id = q.doc_id ORDER BY q.doc_id"
    ).fetchall()
    assert len(joined) == tables["quotes"].num_rows == 3
    assert joined == [(f"doc-{n}", f"Fighters mass near the border ({n})") for n in (1, 2, 3)]
    keys = tables["documents"].select(["id", "title"])  # pyarrow alone joins on the same key
    assert tables["quotes"].select(["doc_id", "id"]).join(keys, "doc_id", "id").num_rows == 3


def test_quotes_are_statements_unless_all_modes(tmp_path: Path) -> None:
    doc = full_document(1)
    belief = Quote(id="q2", text=doc.text[:8], start=0, end=8, kind="indirect", mode="belief")
    db = fill(tmp_path / "modes.db", [doc.model_copy(update={"quotes": [*doc.quotes, belief]})])
    assert export(db, tmp_path / "some")["quotes"].column("mode").to_pylist() == ["statement"]
    every = export(db, tmp_path / "all", all_modes=True)["quotes"]
    assert sorted(every.column("mode").to_pylist()) == ["belief", "statement"]


class CountingDocs:
    """The documents of an export, counting how many were read before each row group was written."""

    def __init__(self, n: int) -> None:
        self.n, self.pulled = n, 0

    def __iter__(self) -> Iterator[Document]:
        for i in range(1, self.n + 1):
            self.pulled += 1
            yield full_document(i)


def test_written_in_row_groups_of_a_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = CountingDocs(7)
    seen: list[int] = []
    write = pq.ParquetWriter.write_table

    def spy(self: pq.ParquetWriter, table: pa.Table, *args: Any, **kwargs: Any) -> None:
        seen.append(docs.pulled)
        write(self, table, *args, **kwargs)

    monkeypatch.setattr(pq.ParquetWriter, "write_table", spy)
    paths = parquet.write_tables(docs, tmp_path / "out", batch=3)
    assert seen[0] == 3  # the first row groups were written after three documents, not seven
    for path in paths:  # a layer with rows in each document: ceil(7 / 3) row groups
        meta = pq.ParquetFile(path).metadata
        assert meta.num_row_groups == (3 if meta.num_rows else 0), path.name
    assert pq.read_table(tmp_path / "out" / "documents.parquet").num_rows == 7


def test_a_failed_export_leaves_the_previous_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    parquet.write_tables([full_document(1)], out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def broken() -> Iterator[Document]:
        yield from (full_document(n) for n in (2, 3))
        raise RuntimeError("the store went away")

    with pytest.raises(RuntimeError):
        parquet.write_tables(broken(), out, batch=1)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no .part file left either


def test_missing_pyarrow_is_one_clear_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.delitem(sys.modules, "wiresift.export.parquet")
    with api.open_store(STORES["full"](tmp_path)) as store, pytest.raises(StoreError) as err:
        api.export_file(store, "parquet", tmp_path / "out")
    assert str(err.value) == "parquet export needs pyarrow: install it with `pip install 'wiresift[parquet]'`"


def test_cli_writes_the_directory(tmp_path: Path) -> None:
    db, runner = STORES["full"](tmp_path), CliRunner()
    missing = runner.invoke(cli, ["export", "--format", "parquet", "--db", str(db)])
    assert missing.exit_code != 0 and "give a directory with -o DIR" in missing.output
    result = runner.invoke(cli, ["export", "--format", "parquet", "--db", str(db), "-o", str(tmp_path / "p")])
    assert result.exit_code == 0, result.output
    assert [Path(line).name for line in result.output.splitlines()] == [
        f"{t}.parquet" for t in parquet.TABLES
    ]


def _section() -> str:
    return DOCS_PAGE.read_text(encoding="utf-8").split("\n## Parquet\n", 1)[1].split("\n## ", 1)[0]


def _short(kind: pa.DataType) -> str:
    """A type as docs/exports.md writes it."""
    if pa.types.is_list(kind):
        return f"list<{_short(kind.value_type)}>"
    if pa.types.is_map(kind):
        return f"map<{_short(kind.key_type)}, {_short(kind.item_type)}>"
    if pa.types.is_struct(kind):
        return "struct<" + ", ".join(f"{f.name} {_short(f.type)}" for f in kind) + ">"
    return "float64" if kind == pa.float64() else str(kind)


def test_the_documented_schemas_are_the_written_ones() -> None:
    documented = {}
    for line in _section().splitlines():
        if match := re.fullmatch(r"- `(\w+)\.parquet` — (.*)", line):
            documented[match[1]] = re.findall(r"`(\w+)` ([^`]+?)(?:, (?=`)|$)", match[2])
    written = {t: [(f.name, _short(f.type)) for f in parquet.schema(t)] for t in parquet.TABLES}
    assert documented == written


def test_the_documented_duckdb_queries_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    queries = re.findall(r"```sql\n(.*?)```", _section(), flags=re.S)
    assert len(queries) == 2
    db = STORES["full"](tmp_path)
    export(db, tmp_path / "out")
    monkeypatch.chdir(tmp_path / "out")  # the queries name the files relative to the export directory
    con = duckdb.connect()
    by_speaker = con.sql(queries[0]).fetchall()
    assert by_speaker == [("Arman Duisen", "Steppe Courier", 2), ("Arman Duisen", "Harbour Ledger", 1)]
    assert con.sql(queries[1]).fetchall() == person_mentions(stored(db))
    hostile = STORES["hostile"](tmp_path)  # offsets past control, bidi and non-ASCII characters
    export(hostile, tmp_path / "hostile")
    monkeypatch.chdir(tmp_path / "hostile")
    assert con.sql(queries[1]).fetchall() == person_mentions(stored(hostile))


def person_mentions(docs: list[Document]) -> list[tuple[str, str, int, str]]:
    """What the second documented query gives, computed in Python."""
    rows = [
        (e.name, d.id, start, d.text[start:end])
        for d in docs
        for e in d.entities
        if e.type == "PERSON"
        for start, end in e.mentions
    ]
    return sorted(rows, key=lambda r: (r[1], r[2]))
