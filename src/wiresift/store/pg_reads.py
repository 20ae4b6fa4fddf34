"""The read queries of the PostgreSQL store of its own: search and stats (the rest is shared).

Each mirrors the SQLite store's query and its order, so both give the same rows: ``NULLS LAST`` on a
descending date and ``NULLS FIRST`` on an ascending one (SQLite's NULL order), ``ILIKE`` for SQLite's
case-insensitive ``LIKE``, and ``num`` (storage order) to break ties.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wiresift.identity import Resolver
from wiresift.store.base import (
    SearchHit,
    StoreError,
)
from wiresift.store.pg_migrations import current_version
from wiresift.store.pg_search import TsQuery, ranked_sql, tsquery
from wiresift.store.sql import Sql
from wiresift.store.stats import store_stats

#: Words of context in a search snippet (about the SQLite store's 16 tokens).
SNIPPET_WORDS = 16
#: Private-use characters marking highlights inside ``ts_headline``; replaced by the caller's markers.
_OPEN, _CLOSE = "\ue000", "\ue001"


class PostgresReads:
    conn: Any
    sql: Sql
    path: str
    resolver: Resolver

    def _tsquery(self, query: str) -> TsQuery | None:
        return tsquery(query)

    def _rows(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        rows: list[tuple[Any, ...]] = self.conn.execute(sql, params).fetchall()
        return rows

    def search(
        self, query: str, limit: int = 20, offset: int = 0, highlight: tuple[str, str] = ("[", "]")
    ) -> list[SearchHit]:
        """Ranked (``ts_rank``, title 5:1 text) matches, each with a highlighted snippet."""
        match = self._tsquery(query)
        if match is None:
            return []
        options = (
            f"StartSel={_OPEN}, StopSel={_CLOSE}, MaxWords={SNIPPET_WORDS}, MinWords={SNIPPET_WORDS // 2}, "
            "MaxFragments=1, FragmentDelimiter=…"
        )
        try:
            sql, params = ranked_sql(match)
            rows = self._rows(sql, (*params, limit, offset, options))
        except Exception as exc:  # psycopg.Error: a query the engine refuses
            raise StoreError(f"cannot search for {query!r}: {exc}") from exc
        open_, close = highlight
        return [
            SearchHit(r[0], r[1], r[2], r[3], r[4].replace(_OPEN, open_).replace(_CLOSE, close), float(r[5]))
            for r in rows
        ]

    def stats(self) -> dict[str, object]:
        return store_stats(self.sql, self.path, current_version(self.conn))
