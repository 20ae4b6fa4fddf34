"""An entity page reads the same rows whether its articles are found by walking the date index (an
entity named often) or by sorting its articles (a rare one): both plans, forced on one store (#13)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.web.corpus import build_store

from wiresift import api, workbench
from wiresift.store import lists


def _page(db: Path) -> tuple[object, ...]:
    store = api.open_store(db)
    try:
        view = workbench.entity(store, "Arman Duisen")
        assert view is not None
        cid = view.profile.id
        return (
            store.seen_range(cid),
            [(m.doc_id, m.entity_id) for m in view.profile.members],
            [(q.doc_id, q.id) for q in view.profile.quotes],
            [(c["doc_id"], c["id"]) for c in view.claims],
            (view.first_seen, view.last_seen, view.articles),
        )
    finally:
        store.close()


def test_walking_the_date_index_reads_the_same_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = build_store(tmp_path / "wb.db")
    sorted_plan = _page(db)
    monkeypatch.setattr(lists, "WALK_FROM", 1)
    monkeypatch.setattr(lists, "WALK_SHARE", 1000)
    store = api.open_store(db)
    cid = store.canonical_id("Arman Duisen")
    assert cid is not None and lists.walkable(store.conn, cid)
    store.close()
    assert _page(db) == sorted_plan
    assert sorted_plan[0] == ("2026-02-12", "2026-02-13", 2)
