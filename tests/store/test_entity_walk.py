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
            [(n.id, n.shared_articles) for n in view.neighbours],
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


def _plans(db: Path) -> list[str]:
    """The query plans of an entity page's statements that read the entity's newest articles."""
    store = api.open_store(db)
    try:
        seen: list[str] = []
        store.conn.set_trace_callback(seen.append)
        assert workbench.entity(store, "Arman Duisen") is not None
        store.conn.set_trace_callback(None)
        return [
            " / ".join(r[3] for r in store.conn.execute("EXPLAIN QUERY PLAN " + sql))
            for sql in seen
            if sql.lstrip().startswith("WITH recent")
        ]
    finally:
        store.close()


@pytest.mark.parametrize("walk", [False, True])
def test_entity_page_looks_up_rows_without_scanning_tables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, walk: bool
) -> None:
    """The newest articles' count is written into the SQL: with ``LIMIT ?`` SQLite cannot tell that they
    are few and builds a Bloom filter over every quote, claim and entity of the store for each page."""
    db = build_store(tmp_path / "wb.db")
    # Statistics of a store of 100,000 articles (with them SQLite weighs Bloom filters against lookups;
    # the tables of this small store would make a filter the right choice).
    store = api.open_store(db)
    store.conn.execute("ANALYZE")
    store.conn.execute("UPDATE sqlite_stat1 SET stat = '100000' || substr(stat, instr(stat || ' ', ' '))")
    store.conn.commit()
    store.close()
    if walk:
        monkeypatch.setattr(lists, "WALK_FROM", 1)
        monkeypatch.setattr(lists, "WALK_SHARE", 1000)
    plans = _plans(db)
    assert len(plans) == 4  # members, quotes, claims, co-occurring entities
    assert not [p for p in plans if "BLOOM FILTER" in p], plans
    if not walk:
        return
    # the control: walking with a count SQLite cannot read (as a bound one) builds the Bloom filters
    for name in ("RECENT_ARTICLES", "RECENT_ARTICLES_WALK"):
        monkeypatch.setattr(lists, name, getattr(lists, name).replace("LIMIT {limit}", "LIMIT abs({limit})"))
    control = _plans(db)
    assert [p for p in control if "BLOOM FILTER" in p], control


def test_co_occurring_entities_are_counted_in_the_newest_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = build_store(tmp_path / "wb.db")
    store = api.open_store(db)
    try:
        view = workbench.entity(store, "Arman Duisen")
        assert view is not None and view.articles == 2 and view.neighbours_in == 2
        # within the window every article counts: the same as counting over all the entity's articles
        assert view.neighbours == store.neighbours(view.profile.id) and view.neighbours
        monkeypatch.setattr(workbench, "ENTITY_PAGE_ROWS", 1)
        newest = workbench.entity(store, "Arman Duisen")
        assert newest is not None and newest.neighbours_in == 1
        assert newest.neighbours and all(n.shared_articles == 1 for n in newest.neighbours)
        assert {n.id for n in newest.neighbours} <= {n.id for n in view.neighbours}
    finally:
        store.close()
