"""The queries behind the workbench pages: faceted search, timeline, map, entity neighbourhood.

A mixin for :class:`~wiresift.store.sqlite.SQLiteStore` (it needs only ``self.conn``); the
PostgreSQL store will implement the same methods with its own SQL. A search hit carries its snippet
as plain text and the ``[start, end)`` of each highlight in it, never markup: the web layer escapes
the pieces and wraps the highlights in ``<mark>``.

FTS5 evaluates ``rowid IN (...)`` beside a MATCH by running the whole match once per listed row (a
prefix term re-merges every matching word's document list each time: 25 s for a filtered ``a*``
over 10,000 documents), and a filter ``d.id IN (SELECT ...)`` made the planner probe the document
index once per listed id for every match (5 s for a country filter). A unary ``+`` keeps such a
column out of the index choice: the match runs once and the lists only filter its rows.
"""

from __future__ import annotations

import re
import sqlite3

from wiresift.store.base import PlaceRow
from wiresift.store.budget import TimeBudget
from wiresift.store.query import fts_query
from wiresift.store.workbench_rows import (
    MarkedHit,
    MentionRow,
    Neighbour,
    SearchFilters,
    SearchPage,
    Sort,
    TimelineItem,
)

#: Highlight markers of FTS5 snippets: the bytes 0xFE and 0xFF, which never occur in UTF-8, so no
#: text can contain them (control characters such as STX/ETX can, and did become highlights).
#: ``hex(snippet(...))`` returns the raw bytes, which :func:`unmark` splits at the markers.
_OPEN, _CLOSE = b"\xfe", b"\xff"
_MARKERS = re.compile(b"([\xfe\xff])")
__all__ = [
    "FACET_SIZE",
    "MarkedHit",
    "MentionRow",
    "Neighbour",
    "SearchFilters",
    "SearchPage",
    "Sort",
    "TimelineItem",
    "WorkbenchQueries",
    "sentence_around",
    "unmark",
]
#: How many values each facet lists: enough to narrow down, few enough to stay fast on 10k docs.
FACET_SIZE = 12


def _match(query: str) -> str:
    """The FTS5 query for what the user typed, or "" when it has no searchable word."""
    match = fts_query(query)
    return "" if match == '""' else match


def unmark(raw: bytes) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Plain text and highlight spans of a snippet's bytes marked with ``_OPEN`` / ``_CLOSE``."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    size = 0
    start: int | None = None
    for piece in _MARKERS.split(raw):
        if piece == _OPEN:
            start = size
        elif piece == _CLOSE:
            if start is not None and size > start:
                spans.append((start, size))
            start = None
        elif piece:
            text = piece.decode("utf-8", "replace")
            out.append(text)
            size += len(text)
    return "".join(out), tuple(spans)


def sentence_around(text: str, start: int, end: int, limit: int = 320) -> str:
    """The sentence holding ``text[start:end]``, cut to ``limit`` characters around it."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    left = left + 1 if left >= 0 else 0
    if right - left > limit:
        left = max(left, start - limit // 2)
        right = min(right, end + limit // 2)
    return text[left:right].strip()


class WorkbenchQueries:
    conn: sqlite3.Connection

    def time_budget(self, seconds: float) -> TimeBudget:
        """``with store.time_budget(0.8):`` stops this connection's queries after 0.8 s (QueryTimeout)."""
        return TimeBudget(self.conn, seconds)

    def _filter_sql(self, filters: SearchFilters) -> tuple[list[str], list[object]]:
        where: list[str] = []
        args: list[object] = []
        if filters.site:
            where.append("d.site = ?")
            args.append(filters.site)
        if filters.since:
            where.append("d.published >= ?")
            args.append(filters.since)
        if filters.until:
            where.append("d.published <= ?")
            args.append(filters.until + "\uffff")  # "2022-02" includes every day of February
        if filters.entity is not None:
            where.append("+d.id IN (SELECT doc_id FROM entities WHERE canonical_id = ?)")
            args.append(filters.entity)
        if filters.country:
            where.append("+d.id IN (SELECT doc_id FROM places WHERE country = ? AND adjectival = 0)")
            args.append(filters.country.upper())
        return where, args

    def _collect(self, match: str, filters: SearchFilters, *, rank: bool) -> tuple[bool, int]:
        """Put the matching documents in the temp table ``_hits``; returns (scoped, count).

        ``scoped`` is False when nothing narrows the search (no words, no filters): then the facets
        read the covering indexes of the whole store instead. Matching once and joining the facets
        against this small table keeps a faceted search over 10,000 documents far under the 50 ms
        goal; re-running the FTS query for each facet took 300 ms. With ``rank`` each row gets its
        bm25 score here, in the same pass, so the page is read from ``_hits`` without matching again.
        """
        where, args = self._filter_sql(filters)
        if not match and not where:
            return False, int(self.conn.execute("SELECT count(*) FROM documents").fetchone()[0])
        self.conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS _hits "
            "(num INTEGER PRIMARY KEY, id TEXT NOT NULL, rank REAL NOT NULL, site TEXT, published TEXT)"
        )
        self.conn.execute("DELETE FROM _hits")
        if match:
            # documents_meta covers num/id/site/published, so the large document rows are never read.
            score = "bm25(documents_fts, 4.0, 1.0)" if rank else "0.0"
            sql = (
                f"INSERT INTO _hits SELECT d.num, d.id, {score}, d.site, d.published FROM documents_fts "
                "JOIN documents d INDEXED BY documents_meta ON d.num = documents_fts.rowid "
                "WHERE documents_fts MATCH ?"
            )
            args = [match, *args]
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
        match = _match(query)
        by_rank = sort == "relevance" and bool(match)
        scoped, total = self._collect(match, filters, rank=by_rank)
        table = "_hits" if scoped else "documents"
        order = "rank, num" if by_rank else "published DESC, num DESC"
        nums = [
            r[0]
            for r in self.conn.execute(
                f"SELECT num FROM {table} ORDER BY {order} LIMIT ? OFFSET ?", (limit, offset)
            )
        ]
        hits = self._hits_for(nums, match)
        page = SearchPage(hits, total)
        if facets:
            page.facets = self.search_facets(scoped)
        return page

    def _hits_for(self, nums: list[int], match: str) -> list[MarkedHit]:
        """Titles and snippets of the given documents, in the given order."""
        if not nums:
            return []
        marks = ",".join("?" * len(nums))
        if match:
            # One pass over the match, bounded by the rowid range, keeping the listed rows.
            rows = self.conn.execute(
                "SELECT documents_fts.rowid, d.id, d.title, d.site, d.published, "
                "hex(snippet(documents_fts, 1, X'FE', X'FF', '…', 24)), bm25(documents_fts, 4.0, 1.0) "
                "FROM documents_fts CROSS JOIN documents d ON d.num = documents_fts.rowid "
                "WHERE documents_fts MATCH ? AND documents_fts.rowid BETWEEN ? AND ? "
                f"AND +documents_fts.rowid IN ({marks})",
                [match, min(nums), max(nums), *nums],
            ).fetchall()
            snippets = {r[0]: unmark(bytes.fromhex(r[5] or "")) for r in rows}
        else:
            rows = self.conn.execute(
                f"SELECT num, id, title, site, published, substr(text, 1, 220), 0.0 FROM documents WHERE num IN ({marks})",
                nums,
            ).fetchall()
            snippets = {r[0]: (r[5] or "", ()) for r in rows}
        by_num = {
            r[0]: MarkedHit(r[1], r[2], r[3], r[4], snippets[r[0]][0], float(r[6]), snippets[r[0]][1])
            for r in rows
        }
        return [by_num[n] for n in nums if n in by_num]

    def search_facets(self, scoped: bool) -> dict[str, list[tuple[str, str, int]]]:
        """Outlet, country, entity and month counts over ``_hits`` (or the whole store)."""
        docs = "_hits" if scoped else "documents"
        # CROSS JOIN keeps SQLite driving from the (small) hit list rather than scanning the layer.
        places = "_hits h CROSS JOIN places p ON p.doc_id = h.id" if scoped else "places p"
        entities = "_hits h CROSS JOIN entities e ON e.doc_id = h.id" if scoped else "entities e"
        queries = {
            "site": f"SELECT site, site, count(*) n FROM {docs} WHERE site IS NOT NULL "
            "GROUP BY site ORDER BY n DESC, site LIMIT ?",
            "country": f"SELECT p.country, p.country, count(DISTINCT p.doc_id) n FROM {places} "
            "WHERE p.country IS NOT NULL AND p.adjectival = 0 GROUP BY p.country ORDER BY n DESC, p.country LIMIT ?",
            "entity": f"SELECT e.canonical_id, c.name, count(DISTINCT e.doc_id) n FROM {entities} "
            "JOIN canonical_entities c ON c.id = e.canonical_id WHERE e.type IN ('PERSON', 'ORG') "
            "GROUP BY e.canonical_id ORDER BY n DESC, c.name LIMIT ?",
            "month": f"SELECT substr(published, 1, 7) m, substr(published, 1, 7), count(*) n FROM {docs} "
            "WHERE published IS NOT NULL GROUP BY m ORDER BY m DESC LIMIT ?",
        }
        return {
            name: [(str(r[0]), str(r[1]), int(r[2])) for r in self.conn.execute(sql, (FACET_SIZE,))]
            for name, sql in queries.items()
        }

    def term_spans(self, doc_id: str, query: str) -> tuple[str, tuple[tuple[int, int], ...]]:
        """The document's text and the ``[start, end)`` of every word of ``query`` in it, as FTS5
        matches them (stems, prefixes, phrases): its ``highlight()`` with the snippet markers.

        ("", ()) when the query has no word or the document does not match it.
        Raises :class:`~wiresift.store.query.QueryTooCostly` for a query over the search limits.
        """
        match = _match(query)
        if not match:
            return "", ()
        row = self.conn.execute(
            "SELECT hex(highlight(documents_fts, 1, X'FE', X'FF')) FROM documents_fts "
            "WHERE documents_fts MATCH ? AND rowid = (SELECT num FROM documents WHERE id = ?)",
            (match, doc_id),
        ).fetchone()
        return unmark(bytes.fromhex(row[0] or "")) if row else ("", ())

    def map_places(self, country: str | None = None, limit: int = 2000) -> list[PlaceRow]:
        """Resolved, non-adjectival places with article counts (no per-place id lists: the map is lean)."""
        sql = (
            "SELECT name, geonames_id, lat, lon, country, admin1, kind, count(DISTINCT doc_id), count(*) "
            "FROM places WHERE lat IS NOT NULL AND lon IS NOT NULL AND adjectival = 0"
        )
        args: list[object] = []
        if country:
            sql += " AND country = ?"
            args.append(country.upper())
        sql += " GROUP BY name, country, lat, lon ORDER BY 8 DESC, name LIMIT ?"
        args.append(limit)
        return [PlaceRow(*r) for r in self.conn.execute(sql, args)]

    def timeline(self, limit: int = 500) -> list[TimelineItem]:
        """Articles by publication date, quotes (statements) by their article's date, claims by their own
        time."""
        items: list[TimelineItem] = []
        for doc_id, title, published in self.conn.execute(
            "SELECT id, title, published FROM documents WHERE published IS NOT NULL "
            "ORDER BY published DESC, num LIMIT ?",
            (limit,),
        ):
            items.append(TimelineItem("article", published, title or doc_id, doc_id))
        for doc_id, qid, text, speaker, published in self.conn.execute(
            "SELECT q.doc_id, q.id, q.text, q.speaker_name, d.published FROM quotes q "
            "JOIN documents d ON d.id = q.doc_id WHERE d.published IS NOT NULL AND q.mode = 'statement' "
            "ORDER BY d.published DESC, d.num, q.start LIMIT ?",
            (limit,),
        ):
            label = f"{speaker or 'unknown'}: {text[:90]}"
            items.append(TimelineItem("quote", published, label, doc_id, qid))
        for doc_id, cid, text, claimant, time, published in self.conn.execute(
            "SELECT c.doc_id, c.id, c.text, c.claimant_name, c.time, d.published FROM claims c "
            "JOIN documents d ON d.id = c.doc_id WHERE coalesce(c.time, d.published) IS NOT NULL "
            "ORDER BY coalesce(c.time, d.published) DESC, d.num, c.start LIMIT ?",
            (limit,),
        ):
            date = time if time and re.match(r"^\d{4}(-\d\d){0,2}$", time) else published
            if date:
                items.append(TimelineItem("claim", date, f"{text} ({claimant or 'outlet'})", doc_id, cid))
        return items

    def place_mentions(self, name: str, country: str | None = None, limit: int = 50) -> list[MentionRow]:
        """The articles naming a place, each with the sentence of its first mention."""
        sql = (
            # min(): SQLite takes the bare columns (m."end", p.id) from that row, the first mention
            'SELECT p.doc_id, d.title, d.published, d.text, min(m.start), m."end", p.id FROM places p '
            "JOIN documents d ON d.id = p.doc_id "
            "JOIN mentions m ON m.doc_id = p.doc_id AND m.layer = 'places' AND m.item_id = p.id "
            "WHERE p.name = ?"
        )
        args: list[object] = [name]
        if country:
            sql += " AND p.country = ?"
            args.append(country)
        sql += " GROUP BY p.doc_id ORDER BY d.published DESC, d.num LIMIT ?"
        args.append(limit)
        return [
            MentionRow(r[0], r[1], r[2], sentence_around(r[3], r[4], r[5]), r[6])
            for r in self.conn.execute(sql, args)
        ]

    def neighbours(self, canonical_id: int, limit: int = 25) -> list[Neighbour]:
        """Canonical entities that share articles with this one, most shared first."""
        rows = self.conn.execute(
            "SELECT c.id, c.name, c.type, count(DISTINCT o.doc_id) n FROM entities e "
            "JOIN entities o ON o.doc_id = e.doc_id AND o.canonical_id != e.canonical_id "
            "JOIN canonical_entities c ON c.id = o.canonical_id "
            "WHERE e.canonical_id = ? AND c.type IN ('PERSON', 'ORG', 'GPE', 'NORP') "
            "GROUP BY c.id ORDER BY n DESC, c.name, c.id LIMIT ?",
            (canonical_id, limit),
        ).fetchall()
        return [Neighbour(r[0], r[1], r[2], r[3]) for r in rows]

    def seen_range(self, canonical_id: int) -> tuple[str | None, str | None, int]:
        """First and last publication date of the articles naming the entity, and how many there are."""
        row = self.conn.execute(
            "SELECT min(d.published), max(d.published), count(DISTINCT d.id) FROM entities e "
            "JOIN documents d ON d.id = e.doc_id WHERE e.canonical_id = ?",
            (canonical_id,),
        ).fetchone()
        return (row[0], row[1], int(row[2])) if row else (None, None, 0)

    def claims_by(self, canonical_id: int, limit: int = 200) -> list[dict[str, object]]:
        rows = self.conn.execute(
            "SELECT c.doc_id, d.title, d.published, c.id, c.text, c.value, c.qualifier, c.unit, c.counted "
            "FROM claims c JOIN entities e ON e.doc_id = c.doc_id AND e.id = c.claimant "
            "JOIN documents d ON d.id = c.doc_id WHERE e.canonical_id = ? "
            "ORDER BY d.published DESC, d.num, c.start LIMIT ?",
            (canonical_id, limit),
        ).fetchall()
        keys = ("doc_id", "title", "published", "id", "text", "value", "qualifier", "unit", "counted")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def related_copies(self, doc_id: str) -> list[tuple[str, str | None, str | None]]:
        """(id, title, site) of the near-duplicates of a document: its original and its copies."""
        row = self.conn.execute("SELECT duplicate_of FROM documents WHERE id = ?", (doc_id,)).fetchone()
        root = row[0] if row and row[0] else doc_id
        rows = self.conn.execute(
            "SELECT id, title, site FROM documents WHERE (id = ? OR duplicate_of = ?) AND id != ? ORDER BY num",
            (root, root, doc_id),
        ).fetchall()
        return [(r[0], r[1], r[2]) for r in rows]
