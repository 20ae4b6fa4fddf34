from __future__ import annotations

from pathlib import Path

import pytest
from tests.web.corpus import build_bulk_store, build_odd_store, build_store

#: Articles in the store of the search-cost tests: enough for a pathological query to take seconds
#: without the limits (200 × `a*` took 4.7 s on 22 documents), few enough to build in a second or two.
BULK_DOCS = 1500


@pytest.fixture(scope="session")
def workbench_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("workbench") / "wb.db")


@pytest.fixture(scope="session")
def workbench_pg(pg_cluster) -> str:  # type: ignore[no-untyped-def]
    """The workbench corpus in a PostgreSQL store (its URL)."""
    url = pg_cluster.createdb("workbench")
    build_store(url)
    return str(url)


@pytest.fixture(scope="session")
def odd_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_odd_store(tmp_path_factory.mktemp("odd") / "odd.db")


@pytest.fixture(scope="session")
def bulk_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_bulk_store(tmp_path_factory.mktemp("bulk") / "bulk.db", BULK_DOCS)
