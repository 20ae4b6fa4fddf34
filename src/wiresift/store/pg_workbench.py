"""The workbench queries (faceted search, timeline, map, entity neighbourhood) on PostgreSQL.

The same methods and rows as :class:`~wiresift.store.workbench.WorkbenchQueries` for SQLite: the hits
of a search go to a per-connection temporary table ``_hits`` once, and the facets and the page are
read from it. A request's time budget is PostgreSQL's ``statement_timeout``: the server cancels a
statement past it and the request gets :class:`~wiresift.store.budget.QueryTimeout`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Any

from wiresift.store.base import QueryTimeout, StoreError
from wiresift.store.pg_search import CONFIG, SEARCH_TABLE, tsquery
from wiresift.store.search_window import FACET_SIZE
from wiresift.store.sql import Sql
from wiresift.store.workbench import MarkedHit, MentionRow, join_marked, marked_hit, sentence_around
from wiresift.store.workbench_reads import WorkbenchReads
from wiresift.store.workbench_rows import place_condition

#: The workbench's 4:1 title weight (its SQLite twin ranks with ``bm25(documents_fts, 4.0, 1.0)``).
_RANK = "ts_rank('{0.25, 0.25, 0.25, 1.0}', d.fts, q.r, 1)"
_OPEN, _CLOSE = "\ue000", "\ue001"
_MARKS = re.compile(f"([{_OPEN}{_CLOSE}])")
_SNIPPET = (
    f"StartSel={_OPEN}, StopSel={_CLOSE}, MaxWords=24, MinWords=12, MaxFragments=1, FragmentDelimiter=…"
)


def unmark_text(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Plain text and highlight spans of a ``ts_headline`` marked with ``_OPEN`` / ``_CLOSE``."""
    return join_marked(_MARKS.split(marked), _OPEN, _CLOSE)


class PgTimeBudget:
    """``with store.time_budget(0.8):`` the connection's statements stop after 0.8 s (QueryTimeout)."""

    def __init__(self, conn: Any, seconds: float) -> None:
        self.conn = conn
        self.seconds = seconds
        self.healthy = True

    def __enter__(self) -> PgTimeBudget:
        self.conn.execute(
            "SELECT set_config('statement_timeout', %s, false)", (f"{int(self.seconds * 1000)}ms",)
        )
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            self.conn.execute("SELECT set_config('statement_timeout', '0', false)")
        except Exception:  # a broken connection: the pool discards it
            self.healthy = False
        cause = exc.__cause__ if isinstance(exc, StoreError) else exc
        if type(cause).__name__ == "QueryCanceled" and not isinstance(exc, QueryTimeout):
            raise QueryTimeout(
                f"stopped after the {self.seconds:g} s time budget of one request: "
                "narrow the search (more words, fewer or longer * prefixes) or add a filter"
            ) from exc


class PostgresWorkbench(WorkbenchReads):
    conn: Any
    sql: Sql

    def _all(self, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        rows: list[tuple[Any, ...]] = self.conn.execute(sql, params).fetchall()
        return rows

    def time_budget(self, seconds: float) -> PgTimeBudget:
        return PgTimeBudget(self.conn, seconds)

    def _has_words(self, query: str) -> bool:
        return tsquery(query) is not None

    @contextmanager
    def _window(self) -> Iterator[None]:
        """``with self._window():`` one transaction around a search's window and its reads.

        ``_hits`` empties itself at each commit (``ON COMMIT DELETE ROWS``, a truncation): emptied by
        ``DELETE`` alone, as SQLite's is, the temporary table (which autovacuum never visits) kept
        every dead row, the planner's estimate of it grew with each search, and after a few dozen
        searches it hashed all of ``places`` and ``entities`` for the facets (300 ms at 100,000
        documents instead of 2,000 index probes). A caller's open transaction is kept: the window
        is then a savepoint, and :meth:`_reset_hits` deletes the rows of an earlier search.
        """
        with self.conn.transaction():
            yield

    def _reset_hits(self) -> None:
        if not getattr(self, "_hits_ready", False):
            self.conn.execute(
                "CREATE TEMP TABLE IF NOT EXISTS _hits "
                '(num BIGINT NOT NULL, id TEXT COLLATE "C" NOT NULL, rank REAL NOT NULL, '
                'site TEXT COLLATE "C", published TEXT COLLATE "C") ON COMMIT DELETE ROWS'
            )
            self._hits_ready = True
        self.conn.execute("DELETE FROM _hits")  # already empty after the last commit, unless in a caller's

    def _insert_matches(
        self, query: str, where: list[str], args: list[object], *, rank: bool, limit: int
    ) -> int:
        """The newest ``limit`` matches of the narrow search table (:data:`SEARCH_TABLE`), then
        ``ts_rank`` of only those rows.

        The tsquery is written into the match (not a CTE the planner cannot see through), so that the
        planner weighs the word's frequency: a common word walks the primary key backwards and stops
        after ``limit`` matches; a rare one takes its few matches from the GIN index and sorts them.
        Reading every match, as an exact total must, cost a page per match on PostgreSQL (its bitmap
        scans fetch each matching row): 10,000 pages for a word in a tenth of 100,000 articles.
        """
        match = tsquery(query)
        assert match is not None
        score = f"-{_RANK}" if rank else "0.0"
        condition = " AND ".join([f"d.fts @@ ({match.match})", *where]).replace("?", "%s")
        # The kept rows carry their tsvector to the rank: joined back by number, the 2,000 rows made the
        # planner hash the whole search table.
        sql = (
            f"WITH d AS (SELECT d.num, d.id, d.site, d.published, d.fts FROM {SEARCH_TABLE} d "
            f"WHERE {condition} ORDER BY d.num DESC LIMIT %s), q AS (SELECT ({match.rank}) AS r) "
            f"INSERT INTO _hits SELECT d.num, d.id, {score}, d.site, d.published FROM d, q"
        )
        params = [*match.match_params, *args, limit, *match.rank_params]
        # Never prepared: psycopg prepares a statement run five times, and PostgreSQL's generic plan of
        # it cannot weigh the word (its tsquery is a parameter), so it read every match of a common
        # word (220 ms at 100,000 documents instead of 3 ms).
        return int(self.conn.execute(sql, params, prepare=False).rowcount)

    def _matched_hits(self, nums: list[int], query: str) -> dict[int, MarkedHit]:
        """The listed documents with ``ts_headline`` snippets and ``ts_rank`` scores, by number."""
        match = tsquery(query)
        assert match is not None
        rows = self._all(
            f"WITH q AS (SELECT ({match.match}) AS q, ({match.rank}) AS r) "
            f"SELECT d.num, d.id, d.title, d.site, d.published, ts_headline('{CONFIG}', d.text, q.q, %s), "
            f"-{_RANK} FROM documents d, q WHERE d.num = ANY(%s)",
            (*match.match_params, *match.rank_params, _SNIPPET, nums),
        )
        return {r[0]: marked_hit(r, unmark_text(r[5] or "")) for r in rows}

    def search_facets(self) -> dict[str, list[tuple[str, str, int]]]:
        """Outlet, country, entity and month counts over ``_hits`` (the search's window; call it in the
        :meth:`_window` transaction that filled it, as :meth:`search_page` does).

        Each hit's distinct countries and entities are read through their ``doc_id`` index (a
        ``LATERAL`` subquery with ``DISTINCT`` keeps the planner from flattening the probe into a hash
        join over the whole layer table, SQLite's ``CROSS JOIN``), so each hit counts once without a
        ``count(DISTINCT ...)`` sort, and the entity counts are grouped before their names are joined.
        """
        docs = "_hits"
        places = (
            "_hits h CROSS JOIN LATERAL (SELECT DISTINCT p.country FROM places p WHERE p.doc_id = h.id "
            "AND p.country IS NOT NULL AND p.adjectival = 0) p"
        )
        entities = (
            "_hits h CROSS JOIN LATERAL (SELECT DISTINCT e.canonical_id FROM entities e "
            "WHERE e.doc_id = h.id AND e.type IN ('PERSON', 'ORG')) e"
        )
        queries = {
            "site": f"SELECT site, site, count(*) n FROM {docs} WHERE site IS NOT NULL "
            "GROUP BY site ORDER BY n DESC, site LIMIT %s",
            "country": f"SELECT p.country, p.country, count(*) n FROM {places} "
            "GROUP BY p.country ORDER BY n DESC, p.country LIMIT %s",
            "entity": "SELECT t.canonical_id::text, c.name, t.n FROM (SELECT e.canonical_id, "
            f"count(*) n FROM {entities} GROUP BY e.canonical_id) t "
            "JOIN canonical_entities c ON c.id = t.canonical_id ORDER BY t.n DESC, c.name LIMIT %s",
            "month": f"SELECT substr(published, 1, 7) m, substr(published, 1, 7), count(*) n FROM {docs} "
            "WHERE published IS NOT NULL GROUP BY m ORDER BY m DESC LIMIT %s",
        }
        # One statement for the four facets: on a busy server each round trip costs more than the query.
        union = " UNION ALL ".join(
            f"(SELECT %s::text AS facet, * FROM ({sql}) AS {name}_rows)" for name, sql in queries.items()
        )
        params: list[object] = []
        for name in queries:
            params += [name, FACET_SIZE]
        out: dict[str, list[tuple[str, str, int]]] = {name: [] for name in queries}
        for facet, value, label, n in self._all(union, params):
            out[facet].append((str(value), str(label), int(n)))
        return out

    def term_spans(self, doc_id: str, query: str) -> tuple[str, tuple[tuple[int, int], ...]]:
        """The document's text and the ``[start, end)`` of every word of ``query`` in it."""
        match = tsquery(query)
        if match is None:
            return "", ()
        rows = self._all(
            f"WITH q AS (SELECT ({match.match}) AS q) SELECT ts_headline('{CONFIG}', d.text, q.q, %s) "
            "FROM documents d, q WHERE d.id = %s AND d.fts @@ q.q",
            (*match.match_params, f"HighlightAll=true, StartSel={_OPEN}, StopSel={_CLOSE}", doc_id),
        )
        return unmark_text(rows[0][0] or "") if rows else ("", ())

    def place_mentions(
        self, name: str | None, country: str | None = None, limit: int = 50, admin1: str | None = None
    ) -> list[MentionRow]:
        """The articles naming a place (or any place of a country or province), as in SQLite."""
        cond, args = place_condition(name, country, admin1)
        cond = cond.replace("?", "%s")
        rows = self._all(
            "WITH newest AS (SELECT d.id, d.num, d.title, d.published FROM documents d WHERE d.id IN "
            f"(SELECT p.doc_id FROM places p WHERE {cond}) "
            f"ORDER BY d.published DESC NULLS LAST, d.num LIMIT {int(limit)}) "
            "SELECT * FROM (SELECT DISTINCT ON (p.doc_id) p.doc_id, n.title, n.published, d.text, m.start, "
            'm."end", p.id, n.num FROM newest n JOIN places p ON p.doc_id = n.id JOIN documents d ON d.id = n.id '
            "JOIN mentions m ON m.doc_id = p.doc_id AND m.layer = 'places' AND m.item_id = p.id "
            f"WHERE {cond} ORDER BY p.doc_id, m.start) t ORDER BY published DESC NULLS LAST, num",
            (*args, *args),
        )
        return [MentionRow(r[0], r[1], r[2], sentence_around(r[3], r[4], r[5]), r[6]) for r in rows]
