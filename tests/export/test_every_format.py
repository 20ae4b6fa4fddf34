"""Every export format on every kind of store (empty, every layer, hostile text), and streaming."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import stix2
from export_stores import HOSTILE_TEXT, HOSTILE_TITLE, STORES, full_document
from followthemoney import model

from wiresift import api
from wiresift.export import DIRECTORY_FORMATS, EXPORTERS, FORMATS
from wiresift.export.csv import TABLES
from wiresift.export.parquet import TABLES as PARQUET_TABLES
from wiresift.model import Document


def read_export(db: Path, fmt: str, out: Path) -> Path:
    with api.open_store(db) as store:
        [*written] = api.export_file(store, fmt, out)
    assert written
    return out


def check_jsonl(path: Path, docs: int) -> None:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(records) == docs
    for record in records:
        assert Document.from_record(record).check_spans() == []


def check_geojson(path: Path, docs: int) -> None:
    collection = json.loads(path.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    for feature in collection["features"]:
        assert feature["geometry"]["type"] == "Point" and len(feature["geometry"]["coordinates"]) == 2
        assert feature["properties"]["articles"]
    assert bool(collection["features"]) == bool(docs)


def check_stix(path: Path, docs: int) -> None:
    bundle = stix2.parse(path.read_text(encoding="utf-8"), allow_custom=True)
    assert bundle.type == "bundle" and bundle.id.startswith("bundle--")
    reports = [o for o in bundle.objects if o.type == "report"]
    assert len(reports) == docs
    ids = {o.id for o in bundle.objects}
    for report in reports:
        assert set(report.object_refs) <= ids  # every reference resolves inside the bundle


def check_ftm(path: Path, docs: int) -> None:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert sum(r["schema"] == "Article" for r in rows) == docs
    for row in rows:
        assert model.get_proxy(row, cleaned=False).id == row["id"]


def check_csv(path: Path, docs: int) -> None:
    for table, columns in TABLES.items():
        with (path / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        assert tuple(rows[0]) == columns and all(len(r) == len(columns) for r in rows)
        if table == "documents":
            assert len(rows) == docs + 1


def check_gdelt_events(path: Path, docs: int) -> None:
    from wiresift.export.gdelt import COLUMNS

    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    assert tuple(rows[0]) == COLUMNS and all(len(r) == len(COLUMNS) for r in rows)


def check_parquet(path: Path, docs: int) -> None:
    for table in PARQUET_TABLES:
        data = pq.read_table(path / f"{table}.parquet")
        assert data.column_names == [name for name, _, _ in PARQUET_TABLES[table]]
        if table == "documents":
            assert data.num_rows == docs


CHECKS = {
    "jsonl": check_jsonl,
    "csv": check_csv,
    "parquet": check_parquet,
    "geojson": check_geojson,
    "stix": check_stix,
    "ftm": check_ftm,
    "gdelt-events": check_gdelt_events,
}
DOCS = {"empty": 0, "full": 3, "hostile": 2}


def test_every_documented_format_is_exported_and_checked() -> None:
    documented = Path(__file__).parents[2] / "docs" / "exports.md"
    listed = {line.split("`")[1] for line in documented.read_text().splitlines() if line.startswith("| `")}
    assert listed == set(FORMATS) == set(CHECKS) == {*EXPORTERS, *DIRECTORY_FORMATS}


@pytest.mark.parametrize("kind", sorted(STORES))
@pytest.mark.parametrize("fmt", FORMATS)
def test_format_works_on_store(fmt: str, kind: str, tmp_path: Path) -> None:
    db = STORES[kind](tmp_path)
    out = read_export(db, fmt, tmp_path / f"out.{fmt}")
    CHECKS[fmt](out, DOCS[kind])


def test_hostile_text_survives_jsonl_and_stix_exactly(tmp_path: Path) -> None:
    db = STORES["hostile"](tmp_path)
    jsonl = read_export(db, "jsonl", tmp_path / "h.jsonl").read_text(encoding="utf-8")
    first = Document.from_record(json.loads(jsonl.splitlines()[0]))
    assert first.text == HOSTILE_TEXT and first.title == HOSTILE_TITLE
    bundle = stix2.parse(
        read_export(db, "stix", tmp_path / "h.stix").read_text(encoding="utf-8"), allow_custom=True
    )
    report = next(o for o in bundle.objects if o.type == "report" and o.name == HOSTILE_TITLE)
    assert report.description == HOSTILE_TEXT[:500]
    locations = [o for o in bundle.objects if o.type == "location"]
    assert all(-90 <= o.latitude <= 90 for o in locations if "latitude" in o)


def test_jsonl_round_trip_gives_the_same_records(tmp_path: Path) -> None:
    for kind in ("full", "hostile"):
        db = STORES[kind](tmp_path)
        api.rebuild_stories(db)  # import files the records into stories: the same ones, in the same order
        dump = read_export(db, "jsonl", tmp_path / f"{kind}.jsonl")
        copy = tmp_path / f"{kind}-copy.db"
        report = api.import_jsonl([dump], db=copy)
        assert (report.ingested, report.failed) == (DOCS[kind], 0)
        again = read_export(copy, "jsonl", tmp_path / f"{kind}-again.jsonl")
        assert again.read_bytes() == dump.read_bytes()
        for fmt in ("geojson", "ftm"):  # the other exports agree too (STIX stamps creation times)
            assert (
                read_export(copy, fmt, tmp_path / "b").read_bytes()
                == read_export(db, fmt, tmp_path / "a").read_bytes()
            )


class CountingStore:
    """A store stand-in that counts how many documents the exporter has pulled."""

    def __init__(self, docs: list[Document]) -> None:
        self.docs = docs
        self.pulled = 0

    def documents(self, query: str | None = None) -> Iterator[Document]:
        for doc in self.docs:
            self.pulled += 1
            yield doc

    def stories(self, limit: int = 100, offset: int = 0) -> list[object]:
        return []  # no stories: the exports' story part is empty


@pytest.mark.parametrize("fmt", ["jsonl", "stix", "ftm"])
def test_document_exports_stream(fmt: str) -> None:
    store = CountingStore([full_document(n) for n in range(1, 41)])
    pulled_at_each_chunk = [store.pulled for _ in api.export(store, fmt)]  # type: ignore[arg-type]
    assert 1 in pulled_at_each_chunk  # output began while only the first document had been read
    assert store.pulled == 40
