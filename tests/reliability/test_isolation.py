"""A failure stays with its source or document: reading, analysis, storing, and the store's own bookkeeping.

These drive ``wiresift.api.ingest`` in-process with faults injected where each kind of failure
starts; the hostile corpus (``test_hostile_corpus.py``) covers real bad inputs end to end.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from wiresift import api, batch
from wiresift.ingest.dedup import Deduplicator
from wiresift.model import Document, Entity
from wiresift.nlp.pipeline import PipelineError
from wiresift.store import SQLiteStore


def _jsonl(path: Path, texts: list[str]) -> Path:
    path.write_text("".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(texts)))
    return path


TEXTS = [
    f"Dispatch {i}: the convoy reached checkpoint {i * 3} before noon, officials said." for i in range(70)
]
BAD = 37  # in the second batch of 32


class FakePipeline:
    """Stands in for the NLP pipeline: one entity per document, and a parser that chokes on one text.

    Like spaCy's ``nlp.pipe``, it fails a whole minibatch before yielding any of its documents.
    """

    def __init__(self, choke_on: str, error: Exception | None = None) -> None:
        self.choke_on, self.error = (
            choke_on,
            error or ValueError("[E088] Text of length 1200000 exceeds maximum"),
        )
        self.calls: list[int] = []

    def run(self, docs: Iterable[Document]) -> Iterator[Document]:
        batch = list(docs)
        self.calls.append(len(batch))
        if any(self.choke_on in d.text for d in batch):
            raise self.error
        for doc in batch:
            doc.entities = [Entity(id="e1", name="Convoy Command", type="ORG", mentions=[(0, 8)])]
            doc.stages["fake"] = "1"
            yield doc


def test_a_document_the_analysis_cannot_take_is_stored_without_layers_and_its_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakePipeline(choke_on=f"checkpoint {BAD * 3} ")
    monkeypatch.setattr(api, "build_pipeline", lambda model=None, stages=None: fake)
    db = tmp_path / "n.db"
    report = api.ingest([_jsonl(tmp_path / "in.jsonl", TEXTS)], db=db)
    assert (report.ingested, report.failed) == (len(TEXTS), 0)
    assert fake.calls[:2] == [32, 32] and fake.calls.count(1) == 32  # the failed batch, one by one
    with SQLiteStore(db) as store:
        bad = store.load(f"d{BAD}")
        assert bad.entities == [] and bad.errors == [
            "nlp: ValueError: [E088] Text of length 1200000 exceeds maximum"
        ]
        assert all(store.load(f"d{i}").stages == {"fake": "1"} for i in range(len(TEXTS)) if i != BAD)
        [error] = api.errors(store)
        assert (error.stage, error.doc_id, error.source) == (
            "nlp",
            f"d{BAD}",
            f"{tmp_path / 'in.jsonl'}#line-{BAD + 1}",
        )


def test_a_pipeline_that_cannot_run_at_all_stops_the_run_with_its_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakePipeline(choke_on="Dispatch", error=PipelineError("cannot load spaCy model 'nope'"))
    monkeypatch.setattr(api, "build_pipeline", lambda model=None, stages=None: fake)
    with pytest.raises(PipelineError, match="cannot load"):
        api.ingest([_jsonl(tmp_path / "in.jsonl", TEXTS[:3])], db=tmp_path / "n.db")


def test_a_reader_bug_on_one_source_is_one_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import wiresift.ingest.sources as sources

    def broken(data: bytes, source: str) -> Iterator[Document]:
        yield Document(text="The first entry of the feed was read.", source=f"{source}#entry-1")
        raise KeyError("guid")

    monkeypatch.setattr(sources, "read_feed", broken)
    feed = tmp_path / "a.rss"
    feed.write_text("<rss><channel><item><title>x</title></item></channel></rss>")
    report = api.ingest([feed, _jsonl(tmp_path / "b.jsonl", TEXTS[:2])], db=tmp_path / "r.db", only="extract")
    assert report.ingested == 3
    assert report.errors == [f"{feed}: internal error in the reader (KeyError: 'guid'); please report it"]


def test_a_bug_on_one_jsonl_line_is_that_lines_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import wiresift.ingest.jsonl as jsonl

    real = jsonl.object_document

    def flaky(obj: dict[str, object], **kwargs: object) -> Document:
        if obj.get("id") == "d1":
            raise IndexError("list index out of range")
        return real(obj, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(jsonl, "object_document", flaky)
    path = _jsonl(tmp_path / "in.jsonl", TEXTS[:3])
    report = api.ingest([path], db=tmp_path / "j.db", only="extract")
    assert report.ingested == 2
    assert report.errors == [
        f"{path}:line 2: internal error in the JSONL reader (IndexError: list index out of range); please report it"
    ]


def test_a_store_that_refuses_bookkeeping_does_not_stop_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = api.open_store(tmp_path / "s.db")

    def locked(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(store, "record_error", locked)
    monkeypatch.setattr(store, "set_state", locked)
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json}\n" + json.dumps({"id": "ok", "text": TEXTS[0]}) + "\n")
    report = api.ingest([bad], db=store, only="extract")
    assert (report.ingested, report.failed) == (1, 1) and report.errors[0].startswith(
        f"{bad}:line 1: invalid JSON"
    )
    store.close()


def test_near_copies_stored_by_another_process_are_linked_at_commit(tmp_path: Path) -> None:
    """Two handles on one file, as two processes: B started before A stored the original, yet links to it."""
    db = tmp_path / "near.db"
    original = Document(text=" ".join(TEXTS[:12]), id="original").finalize()
    copy = Document(text=" ".join(TEXTS[:12]) + " Reporting by the night desk.", id="copy").finalize()
    with SQLiteStore(db) as a, SQLiteStore(db) as b:
        run_a = batch.IngestRun(a, batch.IngestReport(), lambda e, m: None)
        run_b = batch.IngestRun(
            b, batch.IngestReport(), lambda e, m: None
        )  # its index is empty: nothing stored yet
        run_a.save(original)
        run_b.save(copy)
        assert run_b.report.near_duplicates == 1
        assert b.load("copy").duplicate_of == "original"
        later = Document(text=" ".join(TEXTS[:12]) + " Reporting by the day desk.", id="later").finalize()
        run_a.save(later)  # A learns of B's copy too, and links to the story's root
        assert a.load("later").duplicate_of == "original"


def test_an_index_rebuilt_from_the_store_matches_one_built_while_saving(tmp_path: Path) -> None:
    db = tmp_path / "idx.db"
    api.ingest([_jsonl(tmp_path / "in.jsonl", TEXTS[:20])], db=db, only="extract")
    with SQLiteStore(db) as store:
        rows = list(store.signatures())
        assert [r.position for r in rows] == sorted(r.position for r in rows)
        assert list(store.signatures(after=rows[9].position)) == rows[10:]
        rebuilt = Deduplicator.from_signatures((r.doc_id, r.signature) for r in rows)
        assert len(rebuilt) == 20
