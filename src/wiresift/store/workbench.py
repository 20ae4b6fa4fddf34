"""The queries behind the workbench pages: faceted search, timeline, map, entity neighbourhood.

A mixin for :class:`~wiresift.store.sqlite.SQLiteStore` (it needs only ``self.conn``): the FTS5 side
of the shared search (:mod:`.search_window`) and reads; :mod:`.pg_workbench` is the PostgreSQL side. A search hit carries its snippet
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
from collections.abc import Sequence
from typing import Any

from wiresift.store.budget import TimeBudget
from wiresift.store.lists import walkable
from wiresift.store.query import fts_query
from wiresift.store.search_window import FACET_SIZE, SEARCH_WINDOW
from wiresift.store.timeline import TimelineItem
from wiresift.store.workbench_reads import WorkbenchReads
from wiresift.store.workbench_rows import (
    MarkedHit,
    MentionRow,
    Neighbour,
    SearchFilters,
    SearchPage,
    Sort,
    place_condition,
)

#: Highlight markers of FTS5 snippets: the bytes 0xFE and 0xFF, which never occur in UTF-8, so no
#: text can contain them (control characters such as STX/ETX can, and did become highlights).
#: ``hex(snippet(...))`` returns the raw bytes, which :func:`unmark` splits at the markers.
_OPEN, _CLOSE = b"\xfe", b"\xff"
_MARKERS = re.compile(b"([\xfe\xff])")
__all__ = [
    "FACET_SIZE",
    "SEARCH_WINDOW",
    "MarkedHit",
    "MentionRow",
    "Neighbour",
    "SearchFilters",
    "SearchPage",
    "Sort",
    "TimelineItem",
    "WorkbenchQueries",
    "join_marked",
    "marked_hit",
    "sentence_around",
    "unmark",
]


def _match(query: str) -> str:
    """The FTS5 query for what the user typed, or "" when it has no searchable word."""
    match = fts_query(query)
    return "" if match == '""' else match


def unmark(raw: bytes) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Plain text and highlight spans of a snippet's bytes marked with ``_OPEN`` / ``_CLOSE``."""
    pieces = [p if p in (_OPEN, _CLOSE) else p.decode("utf-8", "replace") for p in _MARKERS.split(raw)]
    return join_marked(pieces, _OPEN, _CLOSE)


def marked_hit(row: Sequence[Any], snippet: tuple[str, tuple[tuple[int, int], ...]]) -> MarkedHit:
    """The hit of a row (num, id, title, site, published, raw snippet, score) with its read snippet."""
    return MarkedHit(row[1], row[2], row[3], row[4], snippet[0], float(row[6]), snippet[1])


def join_marked(
    pieces: Sequence[str | bytes], open_mark: str | bytes, close_mark: str | bytes
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The text of ``pieces`` (text and the two markers, as a split at the markers gives them) and
    the ``[start, end)`` of each marked stretch in it; both stores' snippets are read with it."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    size = 0
    start: int | None = None
    for piece in pieces:
        if piece == open_mark:
            start = size
        elif piece == close_mark:
            if start is not None and size > start:
                spans.append((start, size))
            start = None
        elif isinstance(piece, str) and piece:
            out.append(piece)
            size += len(piece)
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


class WorkbenchQueries(WorkbenchReads):
    conn: sqlite3.Connection

    def time_budget(self, seconds: float) -> TimeBudget:
        """``with store.time_budget(0.8):`` stops this connection's queries after 0.8 s (QueryTimeout)."""
        return TimeBudget(self.conn, seconds)

    def _has_words(self, query: str) -> bool:
        return bool(_match(query))

    def _reset_hits(self) -> None:
        self.conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS _hits "
            "(num INTEGER PRIMARY KEY, id TEXT NOT NULL, rank REAL NOT NULL, site TEXT, published TEXT)"
        )
        self.conn.execute("DELETE FROM _hits")

    def _insert_matches(
        self, query: str, where: list[str], args: list[object], *, rank: bool, limit: int
    ) -> int:
        """FTS5 walks its matches by descending rowid and stops at ``limit``, scoring (bm25, with
        ``rank``) only the rows it keeps; ``documents_meta`` covers num/id/site/published, so the
        large document rows are never read."""
        score = "bm25(documents_fts, 4.0, 1.0)" if rank else "0.0"
        sql = (
            f"INSERT INTO _hits SELECT d.num, d.id, {score}, d.site, d.published FROM documents_fts "
            "JOIN documents d INDEXED BY documents_meta ON d.num = documents_fts.rowid "
            "WHERE documents_fts MATCH ?"
        )
        if where:
            sql += " AND " + " AND ".join(where)
        sql += " ORDER BY documents_fts.rowid DESC LIMIT ?"
        return int(self.conn.execute(sql, [_match(query), *args, limit]).rowcount)

    def _matched_hits(self, nums: list[int], query: str) -> dict[int, MarkedHit]:
        """The listed documents matching ``query``, with FTS5 snippets and bm25 scores, by number: one
        pass over the match, bounded by the rowid range, keeping the listed rows."""
        marks = ",".join("?" * len(nums))
        rows = self.conn.execute(
            "SELECT documents_fts.rowid, d.id, d.title, d.site, d.published, "
            "hex(snippet(documents_fts, 1, X'FE', X'FF', '…', 24)), bm25(documents_fts, 4.0, 1.0) "
            "FROM documents_fts CROSS JOIN documents d ON d.num = documents_fts.rowid "
            "WHERE documents_fts MATCH ? AND documents_fts.rowid BETWEEN ? AND ? "
            f"AND +documents_fts.rowid IN ({marks})",
            [_match(query), min(nums), max(nums), *nums],
        ).fetchall()
        return {r[0]: marked_hit(r, unmark(bytes.fromhex(r[5] or ""))) for r in rows}

    def search_facets(self) -> dict[str, list[tuple[str, str, int]]]:
        """Outlet, country, entity and month counts over ``_hits`` (the search's window).

        CROSS JOIN keeps SQLite driving from the (small) hit list. The layer filters are counted
        inside the aggregate (``CASE``), not in a ``WHERE``: a ``WHERE`` on the joined layer made
        SQLite build a Bloom filter over the whole layer table first (40 ms at 100,000 documents),
        where the hit list alone reads a covering index (3 ms).
        """
        rows: dict[str, list[tuple[str, str, int]]] = {}
        rows["site"] = self._facet(
            "SELECT site, site, count(*) n FROM _hits WHERE site IS NOT NULL GROUP BY site ORDER BY n DESC, site"
        )
        countries = self._facet(
            "SELECT p.country, p.country, count(DISTINCT CASE WHEN p.adjectival = 0 THEN p.doc_id END) n "
            "FROM _hits h CROSS JOIN places p ON p.doc_id = h.id GROUP BY p.country ORDER BY n DESC, p.country",
            cap=None,
        )
        rows["country"] = [r for r in countries if r[2] > 0][:FACET_SIZE]
        rows["entity"] = self._facet(
            "SELECT t.canonical_id, c.name, t.n FROM (SELECT e.canonical_id, "
            "count(DISTINCT CASE WHEN e.type IN ('PERSON', 'ORG') THEN e.doc_id END) n "
            "FROM _hits h CROSS JOIN entities e ON e.doc_id = h.id GROUP BY e.canonical_id) t "
            "CROSS JOIN canonical_entities c ON c.id = t.canonical_id WHERE t.n > 0 ORDER BY t.n DESC, c.name"
        )
        rows["month"] = self._facet(
            "SELECT substr(published, 1, 7) m, substr(published, 1, 7), count(*) n FROM _hits "
            "WHERE published IS NOT NULL GROUP BY m ORDER BY m DESC"
        )
        return rows

    def _facet(self, sql: str, cap: int | None = FACET_SIZE) -> list[tuple[str, str, int]]:
        if cap is not None:
            sql += f" LIMIT {int(cap)}"
        return [(str(r[0]), str(r[1]), int(r[2])) for r in self.conn.execute(sql) if r[0] is not None]

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

    def place_mentions(
        self, name: str | None, country: str | None = None, limit: int = 50, admin1: str | None = None
    ) -> list[MentionRow]:
        """The articles naming a place (or, without a name, any place of a country or province), each
        with the sentence of its first such mention."""
        cond, args = place_condition(name, country, admin1)
        # The newest articles first (their ids only), then their texts: grouping the text of every
        # article naming a country took 700 ms at 100,000 documents.
        sql = (
            f"WITH newest AS (SELECT d.id, d.num, d.title, d.published FROM documents d WHERE d.id IN "
            f"(SELECT p.doc_id FROM places p WHERE {cond}) ORDER BY d.published DESC, d.num LIMIT {int(limit)}) "
            'SELECT p.doc_id, n.title, n.published, d.text, m.start, m."end", p.id, min(m.start) '
            "FROM newest n CROSS JOIN places p ON p.doc_id = n.id JOIN documents d ON d.id = n.id "
            "JOIN mentions m ON m.doc_id = p.doc_id AND m.layer = 'places' AND m.item_id = p.id "
            # min(): the other columns come from the document's first mention (SQLite's bare-column rule)
            f"WHERE {cond} GROUP BY p.doc_id ORDER BY n.published DESC, n.num"
        )
        args = args + args
        return [
            MentionRow(r[0], r[1], r[2], sentence_around(r[3], r[4], r[5]), r[6])
            for r in self.conn.execute(sql, args)
        ]

    def seen_range(self, canonical_id: int) -> tuple[str | None, str | None, int]:
        """First and last publication date of the articles naming the entity, and how many there are."""
        if walkable(self.conn, canonical_id):  # count from the index, dates by walking the date index
            edge = (
                "SELECT d.published FROM documents d INDEXED BY documents_published WHERE d.published IS NOT NULL "
                "AND EXISTS (SELECT 1 FROM entities e WHERE e.doc_id = d.id AND e.canonical_id = ?) "
                "ORDER BY d.published {} LIMIT 1"
            )
            first = self.conn.execute(edge.format("ASC"), (canonical_id,)).fetchone()
            last = self.conn.execute(edge.format("DESC"), (canonical_id,)).fetchone()
            count = self.conn.execute(
                "SELECT count(DISTINCT doc_id) FROM entities WHERE canonical_id = ?", (canonical_id,)
            ).fetchone()
            return (first[0] if first else None, last[0] if last else None, int(count[0]))
        return super().seen_range(canonical_id)
