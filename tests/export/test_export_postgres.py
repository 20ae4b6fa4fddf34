"""The export stores (every layer, hostile text with NUL, bidi and formula cells) give byte-identical
exports from PostgreSQL and from SQLite."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_stores import STORES

from wiresift import api

#: Formats with no creation time stamped in (STIX stamps one); CSV is a directory of tables.
FORMATS = ("jsonl", "geojson", "ftm", "gdelt-events")


@pytest.mark.parametrize("kind", sorted(STORES))
def test_postgres_exports_equal_sqlite(kind: str, tmp_path: Path, pg_url: str) -> None:
    with api.open_store(STORES[kind](tmp_path)) as sqlite, api.open_store(pg_url) as postgres:
        for doc in sqlite.documents():
            assert postgres.save(doc).status == "new"
        for fmt in FORMATS:
            assert "".join(api.export(postgres, fmt)) == "".join(api.export(sqlite, fmt)), fmt
        left = api.export_file(sqlite, "csv", tmp_path / "csv-sqlite")
        right = api.export_file(postgres, "csv", tmp_path / "csv-postgres")
        for a, b in zip(left, right, strict=True):
            assert a.read_bytes() == b.read_bytes(), a.name
