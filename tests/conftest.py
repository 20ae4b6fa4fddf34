"""Shared fixtures: the spaCy pipeline (loaded once), the shared eval data, the sample article."""

from __future__ import annotations

from pathlib import Path

import pytest

from gate import shared_eval

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = REPO.parent / "shared" / "samples" / "000_59a197cb52f7444e.txt"


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    """``../shared/eval``; tests that need it skip with the reason when it is absent."""
    path = shared_eval()
    if path is None:
        pytest.skip("../shared/eval is absent (a fresh clone): evaluation gates run in CI only")
    return path


@pytest.fixture(scope="session")
def sample_path() -> Path:
    if not SAMPLE.is_file():
        pytest.skip(f"{SAMPLE} is absent: the shared sample article is needed for this check")
    return SAMPLE


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from wiresift.nlp.pipeline import load_model

    return load_model()


@pytest.fixture(scope="module")
def pipeline(request, nlp):  # type: ignore[no-untyped-def]
    """The stages a test module names in ``PIPELINE_STAGES`` ("all": every stage), by default the
    entities and quotes stages; made once per test module (a module may define its own)."""
    from wiresift.nlp.pipeline import Pipeline

    stages = getattr(request.module, "PIPELINE_STAGES", ("entities", "quotes"))
    return Pipeline() if stages == "all" else Pipeline(stages=stages)


# -- store backends -------------------------------------------------------------------------------
#: The backends every store test runs against (``store_url`` / ``any_store``).
BACKENDS = ("sqlite", "postgres")


@pytest.fixture(scope="session")
def pg_cluster():  # type: ignore[no-untyped-def]
    """One throwaway PostgreSQL cluster for the session; skips with the reason when it cannot run."""
    from pgcluster import Cluster, pg_bin

    if pg_bin() is None:
        pytest.skip("PostgreSQL binaries (initdb, pg_ctl) are not installed: apt-get install postgresql")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("psycopg is not installed: pip install -e '.[postgres]'")
    cluster = Cluster().start()
    yield cluster
    cluster.stop()


@pytest.fixture
def pg_url(pg_cluster) -> str:  # type: ignore[no-untyped-def]
    """A fresh, empty PostgreSQL database for one test."""
    return str(pg_cluster.createdb())


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a fresh store lives, once per backend: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def any_store(store_url: str):  # type: ignore[no-untyped-def]
    """A fresh store of each backend (the tests using it run once per backend)."""
    from wiresift import api

    with api.open_store(store_url) as store:
        yield store
