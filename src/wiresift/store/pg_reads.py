"""The read queries of the PostgreSQL store: search, the layers' lists, entity profiles, stats.

Each mirrors the SQLite store's query and its order, so both give the same rows: ``NULLS LAST`` on a
descending date and ``NULLS FIRST`` on an ascending one (SQLite's NULL order), ``ILIKE`` for SQLite's
case-insensitive ``LIKE``, and ``num`` (storage order) to break ties.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wiresift.identity import Resolver
from wiresift.store.base import (
    ErrorRow,
    PlaceRow,
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

_QUOTE_COLUMNS = (
    'q.doc_id, d.title, d.published, q.id, q.text, q.start, q."end", q.kind, q.cue, '
    "coalesce(q.speaker_name, e.name), e.canonical_id, q.mode, q.speaker_confidence"
)


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

    def errors(self, limit: int = 100) -> list[ErrorRow]:
        rows = self._rows(
            "SELECT source, cause, stage, doc_id, time, count FROM errors ORDER BY time DESC, id DESC LIMIT %s",
            (limit,),
        )
        return [ErrorRow(*r) for r in rows]

    def stats(self) -> dict[str, object]:
        return store_stats(self.sql, self.path, current_version(self.conn))

    def places(self, country: str | None = None, limit: int = 100) -> list[PlaceRow]:
        """Places across articles (grouped by GeoNames id, else by name), most articles first."""
        where, params = "", list[Any]()
        if country:
            where, params = "WHERE p.country = %s", [country.upper()]
        rows = self._rows(
            "SELECT min(p.name) AS name, p.geonames_id, min(p.lat), min(p.lon), min(p.country), "
            "min(p.admin1), min(p.kind), count(DISTINCT p.doc_id), "
            "string_agg(DISTINCT p.doc_id, ','), "
            "(SELECT count(*) FROM mentions m JOIN places o ON m.doc_id = o.doc_id AND m.item_id = o.id "
            " WHERE m.layer = 'places' AND (CASE WHEN p.geonames_id IS NOT NULL THEN o.geonames_id = p.geonames_id "
            " ELSE o.geonames_id IS NULL AND lower(o.name) = min(lower(p.name)) END)) "
            f"FROM places p {where} "
            "GROUP BY coalesce(CAST(p.geonames_id AS TEXT), 'name:' || lower(p.name)), p.geonames_id "
            "ORDER BY 8 DESC, 1 LIMIT %s",
            (*params, limit),
        )
        return [
            PlaceRow(
                name=r[0], geonames_id=r[1], lat=r[2], lon=r[3], country=r[4], admin1=r[5], kind=r[6],
                articles=int(r[7]), mentions=int(r[9]), doc_ids=sorted(r[8].split(",")) if r[8] else [],
            )
            for r in rows
        ]  # fmt: skip
