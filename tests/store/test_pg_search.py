"""PostgreSQL's search machinery: the narrow search table follows the documents (and an older store
gets it filled), the window of recent matches and its total ("more than" past the window) are
SQLite's, and the window's temporary table is emptied by each search instead of growing."""

from __future__ import annotations

import pytest

from wiresift.model import Document
from wiresift.store import search_window
from wiresift.store.pg_migrations import PG_MIGRATIONS, migrate
from wiresift.store.postgres import PostgresStore
from wiresift.store.sqlite import SQLiteStore
from wiresift.store.workbench_rows import SearchFilters

#: Invented dispatches: seven mention a convoy, three do not.
CONVOY = [f"A convoy of {n} lorries reached the depot at Varno on day {n}." for n in range(1, 8)]
OTHER = [f"The ferry to Kessel sailed empty on day {n}." for n in range(1, 4)]


def _fill(store: PostgresStore | SQLiteStore) -> None:
    for i, text in enumerate(CONVOY + OTHER):
        store.save(
            Document(title=f"Dispatch {i}", text=text, site="Varno Herald", published=f"2024-03-{i + 1:02d}")
        )


def _search_rows(store: PostgresStore) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = store.conn.execute(
        "SELECT num, id, site, published, fts::text FROM documents_search ORDER BY num"
    ).fetchall()
    return rows


def _document_rows(store: PostgresStore) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = store.conn.execute(
        "SELECT num, id, site, published, fts::text FROM documents ORDER BY num"
    ).fetchall()
    return rows


def test_the_search_table_follows_the_documents(pg_url: str) -> None:
    with PostgresStore(pg_url) as store:
        _fill(store)
        assert len(_search_rows(store)) == 10
        assert _search_rows(store) == _document_rows(store)
        first = _document_rows(store)[0][1]
        store.conn.execute(
            "UPDATE documents SET title = 'Lorries at Varno', site = 'Kessel Post' WHERE id = %s", (first,)
        )
        assert _search_rows(store) == _document_rows(store)
        assert store.search("lorries Varno")[0].title == "Lorries at Varno"
        store.conn.execute("DELETE FROM documents WHERE id = %s", (first,))
        assert len(_search_rows(store)) == 9 and _search_rows(store) == _document_rows(store)


def test_the_search_step_fills_the_table_of_an_older_store(pg_url: str) -> None:
    import psycopg

    step = next(i for i, sql in enumerate(PG_MIGRATIONS) if "CREATE TABLE documents_search" in sql)
    with psycopg.connect(pg_url, autocommit=True) as conn:
        assert migrate(conn, PG_MIGRATIONS[:step]) == step
        for i, text in enumerate(CONVOY[:3]):
            conn.execute(
                "INSERT INTO documents(id, content_hash, title, text, record, ingested_at) "
                "VALUES (%s, %s, %s, %s, '{}', '2024-01-01')",
                (f"d{i}", f"h{i}", f"Dispatch {i}", text),
            )
    with PostgresStore(pg_url) as store:  # opening applies the search step to the older store
        assert store.version == len(PG_MIGRATIONS)
        assert len(_search_rows(store)) == 3 and _search_rows(store) == _document_rows(store)
        assert [h.id for h in store.search("convoy")] == ["d0", "d1", "d2"]


def test_the_window_keeps_the_newest_matches_and_counts_up_to_it(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_window, "SEARCH_WINDOW", 3)
    with PostgresStore(pg_url) as postgres, SQLiteStore(":memory:") as sqlite:
        _fill(postgres)
        _fill(sqlite)
        newest = [
            r[0] for r in postgres.conn.execute("SELECT id FROM documents ORDER BY num DESC").fetchall()
        ]
        window = [i for i in newest if i in {d.id for d in sqlite.documents("convoy")}][:3]
        for store in (postgres, sqlite):
            page = store.search_page("convoy")
            # seven match: the newest three are kept, ranked and paged, and the total says "more than 3"
            assert (page.total, page.total_capped, page.scope, page.ranked_in_scope) == (3, True, 3, True)
            assert sorted(h.id for h in page.hits) == sorted(window)
            assert sum(n for _, _, n in page.facets["site"]) == 3  # facets count the window
            by_date = store.search_page("convoy", sort="date")
            assert sorted(h.id for h in by_date.hits) == sorted(window) and by_date.total_capped
            ferry = store.search_page("ferry")  # as many matches as the window: an exact total
            assert (ferry.total, ferry.total_capped, ferry.ranked_in_scope) == (3, False, False)
            few = store.search_page("lorries", SearchFilters(since="2024-03-06"))
            assert (few.total, few.total_capped) == (2, False)  # the convoys of the 6th and 7th
            listed = store.search_page("", SearchFilters(site="Varno Herald"))  # no words: an exact total
            assert (listed.total, listed.total_capped, listed.scope) == (10, False, 3)
        in_sqlite = [r[0] for r in sqlite.conn.execute("SELECT id FROM _hits ORDER BY num DESC")]
        assert in_sqlite == newest[:3]  # the last search's window: the filtered list


def test_the_window_table_is_emptied_by_each_search(pg_url: str) -> None:
    """Emptied with DELETE, the temporary table kept its dead rows (autovacuum skips temporary
    tables) and grew with every search, until the planner's estimate of it turned the facets into
    hash joins over whole layer tables."""
    with PostgresStore(pg_url) as store:
        _fill(store)
        for _ in range(30):
            store.search_page("convoy OR ferry")
            store.timeline(query="convoy")
            store.map_places(query="convoy")
        size = store.conn.execute("SELECT pg_relation_size('pg_temp._hits')").fetchone()[0]
        assert size == 0
        assert store.search_page("convoy").total == 7
        with store.conn.transaction():  # a caller's open transaction: no commit between two searches
            store.search_page("ferry")
            page = store.search_page("convoy")
            assert sum(n for _, _, n in page.facets["site"]) == 7
