"""Corrections in the store: applied to every read, undone exactly, kept over a new analysis."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from wiresift import api
from wiresift.model import Document, Entity, Quote
from wiresift.store.base import Store, StoreError
from wiresift.store.migrations import MIGRATIONS

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "export"))
from export_stores import full_document


def _two_speakers(n: int = 1) -> Document:
    """``full_document`` with a second person, so a quote can be given to someone else."""
    doc = full_document(n)
    at = doc.text.index("Astana")
    doc.entities.append(Entity(id="e9", name="Astana Bureau", type="ORG", mentions=[(at, at + 6)]))
    return doc


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """A store on each backend with two documents."""
    s = api.open_store(store_url)
    s.save(_two_speakers(1))
    s.save(_two_speakers(2))
    yield s
    s.close()


def _quote(store: Store, doc_id: str, quote_id: str = "q1") -> Quote | None:
    return next((q for q in store.load(doc_id).quotes if q.id == quote_id), None)


def test_schema_has_the_corrections_step() -> None:
    assert sum("CREATE TABLE corrections" in step for step in MIGRATIONS) == 1


def test_reject_quote_everywhere_then_undo(store: Store) -> None:
    before = _quote(store, "doc-1")
    row = api.reject_quote(store, "doc-1", "q1", who="ana", why="a headline, not a quote")
    assert (row.kind, row.doc_id, row.item_id, row.who, row.why, row.active) == (
        "reject_quote", "doc-1", "q1", "ana", "a headline, not a quote", True,
    )  # fmt: skip
    assert before is not None and (row.start, row.end) == (before.start, before.end)
    assert row.made_at.endswith("+00:00")
    assert _quote(store, "doc-1") is None
    assert [q.doc_id for q in api.quotes(store)] == ["doc-2"]
    assert store.entity("Arman Duisen") is not None
    assert all(q.doc_id != "doc-1" for q in store.entity("Arman Duisen").quotes)  # type: ignore[union-attr]
    with pytest.raises(StoreError, match="no quote 'q1'"):
        api.reject_quote(store, "doc-1", "q1", who="ana")
    undone = api.undo_correction(store, row.id, who="bo")
    assert (undone.active, undone.undone_by) == (False, "bo")
    assert _quote(store, "doc-1") == before
    assert sorted(q.doc_id for q in api.quotes(store)) == ["doc-1", "doc-2"]
    with pytest.raises(StoreError, match="already undone"):
        api.undo_correction(store, row.id, who="bo")


def test_reassign_speaker_to_entity_and_to_a_name(store: Store) -> None:
    row = api.reassign_speaker(store, "doc-1", "q1", speaker="e9", who="ana")
    assert row.payload == {
        "speaker": "e9", "speaker_name": "Astana Bureau", "was": "Arman Duisen", "text": '"We are ready,"',
    }  # fmt: skip
    quote = _quote(store, "doc-1")
    assert quote is not None and (quote.speaker, quote.speaker_name, quote.speaker_mention) == (
        "e9", "Astana Bureau", None,
    )  # fmt: skip
    listed = {q.doc_id: q.speaker_name for q in api.quotes(store)}
    assert listed == {"doc-1": "Astana Bureau", "doc-2": "Arman Duisen"}
    typed = api.reassign_speaker(store, "doc-1", "q1", speaker_name="Dana Okoye", who="ana")
    assert {q.doc_id: q.speaker_name for q in api.quotes(store)}["doc-1"] == "Dana Okoye"
    assert _quote(store, "doc-1").speaker == f"x{typed.id}"  # type: ignore[union-attr]
    okoye = store.entity("Dana Okoye")  # a typed name is an entity: the quote is on its page
    assert okoye is not None and [q.doc_id for q in okoye.quotes] == ["doc-1"]
    # a name that is an entity of another document joins that entity
    api.reassign_speaker(store, "doc-2", "q1", speaker_name="Dana Okoye", who="ana")
    assert sorted(q.doc_id for q in store.entity("Dana Okoye").quotes) == ["doc-1", "doc-2"]  # type: ignore[union-attr]
    for row in api.corrections(store, active=True)[:2]:
        api.undo_correction(store, row.id, who="ana")
    assert store.entity("Dana Okoye") is None  # gone with the corrections that named it
    assert {q.doc_id: q.speaker_name for q in api.quotes(store)}["doc-1"] == "Astana Bureau"
    with pytest.raises(StoreError, match="no entity 'e404'"):
        api.reassign_speaker(store, "doc-1", "q1", speaker="e404", who="ana")
    with pytest.raises(StoreError, match="needs a speaker"):
        api.reassign_speaker(store, "doc-1", "q1", who="ana")


def test_reject_claim_and_place(store: Store) -> None:
    api.reject_claim(store, "doc-1", "c1", who="ana", why="not a count")
    assert [c.doc_id for c in api.claims(store)] == ["doc-2"]
    api.reject_place(store, "doc-2", "p1", who="ana", why="wrong city")
    doc = store.load("doc-2")
    assert "p1" not in {p.id for p in doc.places} and doc.claims[0].place is None
    assert [p.doc_ids for p in api.places(store) if p.name == "Astana"] == [["doc-1"]]
    assert [c.kind for c in api.corrections(store)] == ["reject_place", "reject_claim"]
    assert api.corrections(store, doc_id="doc-2", active=True)[0].why == "wrong city"


def test_bad_corrections_are_one_line_errors(store: Store) -> None:
    with pytest.raises(StoreError, match="unknown correction kind"):
        api.correct(store, "delete_everything", who="x")
    with pytest.raises(StoreError, match="no document with id"):
        api.reject_quote(store, "nope", "q1", who="x")
    with pytest.raises(StoreError, match="needs who"):
        api.reject_quote(store, "doc-1", "q1", who="  ")
    with pytest.raises(StoreError, match="no correction with id 99"):
        api.undo_correction(store, 99, who="x")
    assert api.corrections(store) == []


def test_merge_and_split_are_recorded_and_undone(store: Store) -> None:
    a = store.entity("Arman Duisen")
    b = store.entity("Astana Bureau")
    assert a is not None and b is not None and a.id != b.id
    into = api.merge_entities(store, [a.id, b.id], who="ana", why="same desk")
    assert into == a.id
    assert {m.name for m in store.entity(str(a.id)).members} == {"Arman Duisen", "Astana Bureau"}  # type: ignore[union-attr]
    merged = api.corrections(store)[0]
    assert merged.kind == "merge_entities" and merged.canonical_ids == [a.id, b.id]
    api.undo_correction(store, merged.id, who="ana")
    again = store.entity("Astana Bureau")
    assert again is not None and again.id != a.id
    new = api.split_entity(store, again.id, ["doc-1:e9"], who="ana", why="two bureaus")
    assert {m.doc_id for m in store.entity(str(new)).members} == {"doc-1"}  # type: ignore[union-attr]
    split = api.corrections(store)[0]
    api.undo_correction(store, split.id, who="ana")
    assert {m.doc_id for m in store.entity("Astana Bureau").members} == {"doc-1", "doc-2"}  # type: ignore[union-attr]


class _Rerun:
    """A stand-in pipeline that analyses again as the first analysis did (numbering items anew)."""

    def run(self, docs: list[Document]) -> list[Document]:
        for doc in docs:
            fresh = _two_speakers(int(doc.id.split("-")[1]))
            for q in fresh.quotes:
                q.id = "q-new"  # a re-analysis may number items differently: spans still match
            doc.entities, doc.quotes, doc.claims = fresh.entities, fresh.quotes, fresh.claims
            doc.places, doc.timexes = fresh.places, fresh.timexes
        return docs


def test_corrections_survive_reanalysis(store: Store) -> None:
    api.reassign_speaker(store, "doc-1", "q1", speaker="e9", who="ana")
    api.reject_claim(store, "doc-2", "c1", who="ana")
    bureau = store.entity("Astana Bureau")
    assert bureau is not None
    new = api.split_entity(store, bureau.id, ["doc-2:e9"], who="ana")
    assert api.reanalyze(store, pipeline=_Rerun()) == 2  # type: ignore[arg-type]
    assert {q.doc_id: q.speaker_name for q in api.quotes(store)} == {
        "doc-1": "Astana Bureau", "doc-2": "Arman Duisen",
    }  # fmt: skip
    assert [c.doc_id for c in api.claims(store)] == ["doc-1"]
    assert {m.doc_id for m in store.entity(str(new)).members} == {"doc-2"}  # type: ignore[union-attr]
    assert {m.doc_id for m in store.entity(str(bureau.id)).members} == {"doc-1"}  # type: ignore[union-attr]
    # undo after the re-analysis brings back the new analysis's item
    claim = api.corrections(store, doc_id="doc-2")[0]
    api.undo_correction(store, claim.id, who="ana")
    assert sorted(c.doc_id for c in api.claims(store)) == ["doc-1", "doc-2"]
