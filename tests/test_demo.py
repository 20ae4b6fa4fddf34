"""The README's `make demo` on the bundled corpus: every document in, the copy linked, layers filled."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from wiresift import api

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    report = api.ingest([REPO / "examples"], db=db)
    assert report.failed == 0, report
    return db


def test_demo_corpus_is_ingested_with_its_copy_linked(demo_db: Path) -> None:
    store = api.open_store(demo_db)
    docs = list(store.documents())
    assert len(docs) == 27
    copies = [d for d in docs if d.duplicate_of]
    assert len(copies) == 1
    original = next(d for d in docs if d.id == copies[0].duplicate_of)
    assert "Aktau" in original.text and "Aktau" in copies[0].text
    assert sum(len(d.quotes) for d in docs) >= 15
    assert sum(len(d.claims) for d in docs) >= 15
    assert sum(len(d.places) for d in docs) >= 15
    for doc in docs:
        assert doc.check_spans() == [], doc.source


def test_demo_border_story_numbers_differ_by_outlet(demo_db: Path) -> None:
    store = api.open_store(demo_db)
    border = {d.id for d in store.documents() if "militant" in d.text and "Tajik" in d.text}
    assert len(border) >= 3
    amounts = {row.value for row in store.claims(limit=1000) if row.doc_id in border}
    assert {5000.0, 6000.0, 4500.0} <= amounts, amounts


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_demo_without_serving(tmp_path: Path) -> None:
    """The README's first command, stopping before the server (SERVE=0)."""
    db = tmp_path / "demo.db"
    run = subprocess.run(
        ["make", "-s", "demo", "SERVE=0", f"DB={db}"], cwd=REPO, capture_output=True, text=True, timeout=900
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert "ingested 26" in run.stdout + run.stderr
    assert db.exists()
