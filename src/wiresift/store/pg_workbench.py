"""The workbench queries (faceted search, timeline, map, entity neighbourhood) on PostgreSQL.

The same methods and rows as :class:`~wiresift.store.workbench.WorkbenchQueries` for SQLite: the hits
of a search go to a per-connection temporary table ``_hits`` once, and the facets and the page are
read from it. A request's time budget is PostgreSQL's ``statement_timeout``: the server cancels a
statement past it and the request gets :class:`~wiresift.store.budget.QueryTimeout`.
"""

from __future__ import annotations

import re
from types import TracebackType
from typing import Any

from wiresift.store.base import PlaceRow, QueryTimeout, StoreError
from wiresift.store.pg_search import CONFIG, tsquery
from wiresift.store.workbench import (
    FACET_SIZE,
    MarkedHit,
    MentionRow,
    Neighbour,
    SearchFilters,
    SearchPage,
    Sort,
    TimelineItem,
    sentence_around,
)

#: The workbench's 4:1 title weight (its SQLite twin ranks with ``bm25(documents_fts, 4.0, 1.0)``).
_RANK = "ts_rank('{0.25, 0.25, 0.25, 1.0}', d.fts, q.r, 1)"
_OPEN, _CLOSE = "\ue000", "\ue001"
_MARKS = re.compile(f"([{_OPEN}{_CLOSE}])")
_SNIPPET = (
    f"StartSel={_OPEN}, StopSel={_CLOSE}, MaxWords=24, MinWords=12, MaxFragments=1, FragmentDelimiter=…"
)


def unmark_text(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Plain text and highlight spans of a ``ts_headline`` marked with ``_OPEN`` / ``_CLOSE``."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    size, start = 0, None
    for piece in _MARKS.split(marked):
        if piece == _OPEN:
            start = size
        elif piece == _CLOSE:
            if start is not None and size > start:
                spans.append((start, size))
            start = None
        elif piece:
            out.append(piece)
            size += len(piece)
    return "".join(out), tuple(spans)


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


class PostgresWorkbench:
    conn: Any

    def _all(self, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        rows: list[tuple[Any, ...]] = self.conn.execute(sql, params).fetchall()
        return rows

    def time_budget(self, seconds: float) -> PgTimeBudget:
        return PgTimeBudget(self.conn, seconds)

    def _filter_sql(self, filters: SearchFilters) -> tuple[list[str], list[object]]:
        where: list[str] = []
        args: list[object] = []
        if filters.site:
            where.append("d.site = %s")
            args.append(filters.site)
        if filters.since:
            where.append('d.published >= %s COLLATE "C"')
            args.append(filters.since)
        if filters.until:
            where.append('d.published <= %s COLLATE "C"')
            args.append(filters.until + "\uffff")  # "2022-02" includes every day of February
        if filters.entity is not None:
            where.append("d.id IN (SELECT doc_id FROM entities WHERE canonical_id = %s)")
            args.append(filters.entity)
        if filters.country:
            where.append("d.id IN (SELECT doc_id FROM places WHERE country = %s AND adjectival = 0)")
            args.append(filters.country.upper())
        return where, args

    def _collect(self, query: str, filters: SearchFilters, *, rank: bool) -> tuple[bool, int]:
        """Put the matching documents in the temp table ``_hits``; returns (scoped, count)."""
        match = tsquery(query)
        where, args = self._filter_sql(filters)
        if match is None and not where:
            return False, int(self._all("SELECT count(*) FROM documents")[0][0])
        if not getattr(self, "_hits_ready", False):
            self.conn.execute(
                "CREATE TEMP TABLE IF NOT EXISTS _hits "
                "(num BIGINT PRIMARY KEY, id TEXT NOT NULL, rank REAL NOT NULL, site TEXT, published TEXT)"
            )
            self._hits_ready = True
        self.conn.execute("DELETE FROM _hits")
        if match is not None:
            score = f"-{_RANK}" if rank else "0.0"
            sql = (
                f"WITH q AS (SELECT ({match.match}) AS q, ({match.rank}) AS r) "
                f"INSERT INTO _hits SELECT d.num, d.id, {score}, d.site, d.published FROM documents d, q "
                "WHERE d.fts @@ q.q"
            )
            args = [*match.match_params, *match.rank_params, *args]
            if where:
                sql += " AND " + " AND ".join(where)
        else:
            sql = "INSERT INTO _hits SELECT d.num, d.id, 0.0, d.site, d.published FROM documents d WHERE "
            sql += " AND ".join(where)
        return True, int(self.conn.execute(sql, args).rowcount)

    def search_page(
        self,
        query: str,
        filters: SearchFilters | None = None,
        *,
        sort: Sort = "relevance",
        limit: int = 20,
        offset: int = 0,
        facets: bool = True,
    ) -> SearchPage:
        filters = filters or SearchFilters()
        match = tsquery(query)
        by_rank = sort == "relevance" and match is not None
        scoped, total = self._collect(query, filters, rank=by_rank)
        table = "_hits" if scoped else "documents"
        order = "rank, num" if by_rank else "published DESC NULLS LAST, num DESC"
        nums = [
            r[0]
            for r in self._all(
                f"SELECT num FROM {table} ORDER BY {order} LIMIT %s OFFSET %s", (limit, offset)
            )
        ]
        page = SearchPage(self._hits_for(nums, query), total)
        if facets:
            page.facets = self.search_facets(scoped)
        return page

    def _hits_for(self, nums: list[int], query: str) -> list[MarkedHit]:
        if not nums:
            return []
        match = tsquery(query)
        if match is not None:
            rows = self._all(
                f"WITH q AS (SELECT ({match.match}) AS q, ({match.rank}) AS r) "
                f"SELECT d.num, d.id, d.title, d.site, d.published, ts_headline('{CONFIG}', d.text, q.q, %s), "
                f"-{_RANK} FROM documents d, q WHERE d.num = ANY(%s)",
                (*match.match_params, *match.rank_params, _SNIPPET, nums),
            )
            snippets = {r[0]: unmark_text(r[5] or "") for r in rows}
        else:
            rows = self._all(
                "SELECT num, id, title, site, published, substr(text, 1, 220), 0.0 FROM documents "
                "WHERE num = ANY(%s)",
                (nums,),
            )
            snippets = {r[0]: (r[5] or "", ()) for r in rows}
        by_num = {
            r[0]: MarkedHit(r[1], r[2], r[3], r[4], snippets[r[0]][0], float(r[6]), snippets[r[0]][1])
            for r in rows
        }
        return [by_num[n] for n in nums if n in by_num]

    def search_facets(self, scoped: bool) -> dict[str, list[tuple[str, str, int]]]:
        docs = "_hits" if scoped else "documents"
        places = "_hits h JOIN places p ON p.doc_id = h.id" if scoped else "places p"
        entities = "_hits h JOIN entities e ON e.doc_id = h.id" if scoped else "entities e"
        queries = {
            "site": f"SELECT site, site, count(*) n FROM {docs} WHERE site IS NOT NULL "
            "GROUP BY site ORDER BY n DESC, site LIMIT %s",
            "country": f"SELECT p.country, p.country, count(DISTINCT p.doc_id) n FROM {places} "
            "WHERE p.country IS NOT NULL AND p.adjectival = 0 GROUP BY p.country ORDER BY n DESC, p.country LIMIT %s",
            "entity": f"SELECT e.canonical_id::text, c.name, count(DISTINCT e.doc_id) n FROM {entities} "
            "JOIN canonical_entities c ON c.id = e.canonical_id WHERE e.type IN ('PERSON', 'ORG') "
            "GROUP BY e.canonical_id, c.name ORDER BY n DESC, c.name LIMIT %s",
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

    def map_places(self, country: str | None = None, limit: int = 2000) -> list[PlaceRow]:
        sql = (
            "SELECT name, min(geonames_id), lat, lon, country, min(admin1), min(kind), count(DISTINCT doc_id), "
            "count(*) FROM places WHERE lat IS NOT NULL AND lon IS NOT NULL AND adjectival = 0"
        )
        args: list[object] = []
        if country:
            sql += " AND country = %s"
            args.append(country.upper())
        sql += " GROUP BY name, country, lat, lon ORDER BY 8 DESC, name LIMIT %s"
        args.append(limit)
        return [PlaceRow(*r) for r in self._all(sql, args)]

    def timeline(self, limit: int = 500) -> list[TimelineItem]:
        items: list[TimelineItem] = []
        for doc_id, title, published in self._all(
            "SELECT id, title, published FROM documents WHERE published IS NOT NULL "
            "ORDER BY published DESC, num LIMIT %s",
            (limit,),
        ):
            items.append(TimelineItem("article", published, title or doc_id, doc_id))
        for doc_id, qid, text, speaker, published in self._all(
            "SELECT q.doc_id, q.id, q.text, q.speaker_name, d.published FROM quotes q "
            "JOIN documents d ON d.id = q.doc_id WHERE d.published IS NOT NULL AND q.mode = 'statement' "
            "ORDER BY d.published DESC, d.num, q.start LIMIT %s",
            (limit,),
        ):
            items.append(
                TimelineItem("quote", published, f"{speaker or 'unknown'}: {text[:90]}", doc_id, qid)
            )
        for doc_id, cid, text, claimant, time, published in self._all(
            "SELECT c.doc_id, c.id, c.text, c.claimant_name, c.time, d.published FROM claims c "
            "JOIN documents d ON d.id = c.doc_id WHERE coalesce(c.time, d.published) IS NOT NULL "
            "ORDER BY coalesce(c.time, d.published) DESC, d.num, c.start LIMIT %s",
            (limit,),
        ):
            date = time if time and re.match(r"^\d{4}(-\d\d){0,2}$", time) else published
            if date:
                items.append(TimelineItem("claim", date, f"{text} ({claimant or 'outlet'})", doc_id, cid))
        return items

    def place_mentions(self, name: str, country: str | None = None, limit: int = 50) -> list[MentionRow]:
        """The articles naming a place, each with the sentence of its first mention."""
        cond, args = "p.name = %s", [name]
        if country:
            cond += " AND p.country = %s"
            args.append(country)
        rows = self._all(
            "SELECT * FROM (SELECT DISTINCT ON (p.doc_id) p.doc_id, d.title, d.published, d.text, m.start, "
            'm."end", p.id, d.num FROM places p JOIN documents d ON d.id = p.doc_id '
            "JOIN mentions m ON m.doc_id = p.doc_id AND m.layer = 'places' AND m.item_id = p.id "
            f"WHERE {cond} ORDER BY p.doc_id, m.start) t ORDER BY published DESC NULLS LAST, num LIMIT %s",
            (*args, limit),
        )
        return [MentionRow(r[0], r[1], r[2], sentence_around(r[3], r[4], r[5]), r[6]) for r in rows]

    def neighbours(self, canonical_id: int, limit: int = 25) -> list[Neighbour]:
        rows = self._all(
            "SELECT c.id, c.name, c.type, count(DISTINCT o.doc_id) n FROM entities e "
            "JOIN entities o ON o.doc_id = e.doc_id AND o.canonical_id != e.canonical_id "
            "JOIN canonical_entities c ON c.id = o.canonical_id "
            "WHERE e.canonical_id = %s AND c.type IN ('PERSON', 'ORG', 'GPE', 'NORP') "
            "GROUP BY c.id ORDER BY n DESC, c.name, c.id LIMIT %s",
            (canonical_id, limit),
        )
        return [Neighbour(r[0], r[1], r[2], r[3]) for r in rows]

    def seen_range(self, canonical_id: int) -> tuple[str | None, str | None, int]:
        row = self._all(
            "SELECT min(d.published), max(d.published), count(DISTINCT d.id) FROM entities e "
            "JOIN documents d ON d.id = e.doc_id WHERE e.canonical_id = %s",
            (canonical_id,),
        )[0]
        return row[0], row[1], int(row[2])

    def claims_by(self, canonical_id: int, limit: int = 200) -> list[dict[str, object]]:
        rows = self._all(
            "SELECT c.doc_id, d.title, d.published, c.id, c.text, c.value, c.qualifier, c.unit, c.counted "
            "FROM claims c JOIN entities e ON e.doc_id = c.doc_id AND e.id = c.claimant "
            "JOIN documents d ON d.id = c.doc_id WHERE e.canonical_id = %s "
            "ORDER BY d.published DESC NULLS LAST, d.num, c.start LIMIT %s",
            (canonical_id, limit),
        )
        keys = ("doc_id", "title", "published", "id", "text", "value", "qualifier", "unit", "counted")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def related_copies(self, doc_id: str) -> list[tuple[str, str | None, str | None]]:
        rows = self._all("SELECT duplicate_of FROM documents WHERE id = %s", (doc_id,))
        root = rows[0][0] if rows and rows[0][0] else doc_id
        found = self._all(
            "SELECT id, title, site FROM documents WHERE (id = %s OR duplicate_of = %s) AND id != %s ORDER BY num",
            (root, root, doc_id),
        )
        return [(r[0], r[1], r[2]) for r in found]
