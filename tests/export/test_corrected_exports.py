"""Every export format shows the corrected view: rejected items gone, reassigned speakers changed."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from export_stores import full_document

from wiresift import api
from wiresift.export import FORMATS
from wiresift.model import Document, Event

#: A speaker name no fixture text holds: it can only come from the correction.
NEW_SPEAKER = "Dana Okoye"


def _doc(n: int) -> Document:
    """``full_document`` with one event in Lima (p2), so that GDELT rows carry a place."""
    doc = full_document(n)
    at = doc.text.index("gathered")
    doc.events = [Event(id="v1", text="gathered", start=at, end=at + 8, plover="MOBILIZE", place="p2")]
    return doc


def _export_text(db: Path, fmt: str, out: Path) -> str:
    """The export as one text: every file of a directory format, Parquet tables as their rows."""
    with api.open_store(db) as store:
        files = api.export_file(store, fmt, out)
    parts = []
    for path in sorted(files if out.is_file() else out.iterdir()):
        if path.suffix == ".parquet":
            parts.append(json.dumps(pq.read_table(path).to_pylist(), default=str, ensure_ascii=False))
        else:
            parts.append(path.read_text(encoding="utf-8"))
    return "\n".join(parts)


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The same two documents, uncorrected and corrected."""
    root = tmp_path_factory.mktemp("corrected")
    plain, fixed = root / "plain.db", root / "fixed.db"
    for db in (plain, fixed):
        with api.open_store(db) as store:
            store.save(_doc(1))
            store.save(_doc(2))
    with api.open_store(fixed) as store:
        for doc_id in ("doc-1", "doc-2"):
            api.reject_place(store, doc_id, "p2", who="ana", why="Lima is not in this story")
        api.reject_quote(store, "doc-1", "q1", who="ana")
        api.reassign_speaker(store, "doc-2", "q1", speaker_name=NEW_SPEAKER, who="ana")
        api.reject_claim(store, "doc-2", "c1", who="ana")
    return plain, fixed


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_is_the_corrected_view(fmt: str, stores: tuple[Path, Path], tmp_path: Path) -> None:
    plain, fixed = stores
    before = _export_text(plain, fmt, tmp_path / f"plain-{fmt}")
    after = _export_text(fixed, fmt, tmp_path / f"fixed-{fmt}")
    assert "Lima" in before and "Lima" not in after  # the rejected place, in every format
    if fmt in ("geojson", "gdelt-events"):
        return  # places and events only: no quotes or claims in these formats
    assert NEW_SPEAKER not in before and NEW_SPEAKER in after
    assert after.count("We are ready") < before.count("We are ready")
    assert after.count("nearly 2,000 fighters") < before.count("nearly 2,000 fighters")


def test_jsonl_records_are_corrected_and_load_again(stores: tuple[Path, Path], tmp_path: Path) -> None:
    """Rejected items are absent from the lossless records (not marked): a re-import holds the corrected view."""
    _, fixed = stores
    text = _export_text(fixed, "jsonl", tmp_path / "out.jsonl")
    docs = {d.id: d for d in (Document.from_record(json.loads(line)) for line in text.splitlines())}
    assert [q.id for q in docs["doc-1"].quotes] == [] and [c.id for c in docs["doc-2"].claims] == []
    assert docs["doc-2"].quotes[0].speaker_name == NEW_SPEAKER
    assert all(p.id != "p2" for d in docs.values() for p in d.places)
    assert all(e.place is None for d in docs.values() for e in d.events)
    report = api.import_jsonl([tmp_path / "out.jsonl"], db=tmp_path / "again.db")
    assert report.errors == []
    with api.open_store(tmp_path / "again.db") as store:
        assert [q.speaker_name for q in api.quotes(store)] == [NEW_SPEAKER]
