"""The filters of the layer lists (quotes, claims, entities), shared by a page's rows and its total.

Each list is one ``FROM ... WHERE ...`` built here once; the rows add ``ORDER BY ... LIMIT ? OFFSET ?``
and :class:`ListCounts` wraps the same clause in ``count(*)``, so a total always counts exactly what
the pages list. Plain SQL (no SQLite-only functions), for the PostgreSQL store to reuse.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

from wiresift.store.base import DEFAULT_MODES
from wiresift.store.sql import Sql

#: The lists walk the documents down their date index (CROSS JOIN keeps that order) and stop at the
#: page: sorting every quote of 100,000 documents by date took 1.4 s.
#: ``{join}`` is the dialect's ``cross_join`` (PostgreSQL plans the join order itself).
QUOTES_FROM = (
    "FROM documents d {join} quotes q ON q.doc_id = d.id "
    "LEFT JOIN entities e ON e.doc_id = q.doc_id AND e.id = q.speaker"
)
CLAIMS_FROM = (
    "FROM documents d {join} claims k ON k.doc_id = d.id "
    "LEFT JOIN entities e ON e.doc_id = k.doc_id AND e.id = k.claimant "
    "LEFT JOIN places p ON p.doc_id = k.doc_id AND p.id = k.place"
)

#: ``WITH recent``: the newest ``{limit}`` articles naming canonical entity ``?``. An entity page reads
#: its quotes, claims and members from these: sorting every quote of an entity named in 11,000 articles
#: took 340 ms; picking its articles first reads only their rows. The count is written into the SQL, not
#: bound: with ``LIMIT ?`` SQLite cannot tell that ``recent`` is small and, once ANALYZE has run, builds
#: Bloom filters over the whole quotes, claims and entities tables for every page (90 of the entity
#: page's 145 ms at 100,000 documents).
RECENT_ARTICLES = (
    "WITH recent AS (SELECT d.id, d.num, d.title, d.published FROM documents d WHERE d.id IN "
    "(SELECT e.doc_id FROM entities e WHERE e.canonical_id = ?) ORDER BY d.published DESC, d.num DESC LIMIT {limit}) "
)
#: The same for an entity in many articles: walking the date index and stopping at the ``{limit}``-th
#: article that names it beats sorting all its articles (35 ms instead of 60 at 11,000 articles), but
#: a rare entity would walk the whole index.
RECENT_ARTICLES_WALK = (
    "WITH recent AS (SELECT d.id, d.num, d.title, d.published FROM documents d INDEXED BY documents_published "
    "WHERE EXISTS (SELECT 1 FROM entities e WHERE e.doc_id = d.id AND e.canonical_id = ?) "
    "ORDER BY d.published DESC, d.num DESC LIMIT {limit}) "
)
#: Members (document entities) from which an entity's articles are found by walking the date index,
#: when they also name at least one document in :data:`WALK_SHARE` (else the walk would be long).
WALK_FROM = 2000
WALK_SHARE = 20


def walkable(conn: sqlite3.Connection | Sql, canonical_id: int) -> bool:
    """Whether the entity is named often enough that walking the date index finds its articles soon."""
    members = conn.execute("SELECT members FROM canonical_entities WHERE id = ?", (canonical_id,)).fetchone()
    documents = conn.execute("SELECT max(num) FROM documents").fetchone()
    return (
        bool(members and documents and documents[0])
        and members[0] >= WALK_FROM
        and (members[0] * WALK_SHARE >= documents[0])
    )


def recent_articles(conn: sqlite3.Connection | Sql, canonical_id: int, limit: int) -> str:
    """``RECENT_ARTICLES`` or ``RECENT_ARTICLES_WALK`` for the newest ``limit`` articles, whichever is
    cheaper for this entity (the walk names a SQLite index: PostgreSQL chooses its own plan). One ``?``
    is left: the entity's id."""
    if not isinstance(conn, sqlite3.Connection) and conn.dialect.name != "sqlite":
        sql = RECENT_ARTICLES.replace("d.published DESC", f"d.published {conn.dialect.desc}")
    else:
        sql = RECENT_ARTICLES_WALK if walkable(conn, canonical_id) else RECENT_ARTICLES
    return sql.format(limit=int(limit))


def _counted_from(table: str, where: str, joins: dict[str, str]) -> str:
    """``FROM`` for a count: only the joins the ``WHERE`` refers to. Every row has its document and
    at most one speaker, claimant or place (primary keys), so the count is the same."""
    used = [join for alias, join in joins.items() if f"{alias}." in where]
    return " ".join([f"FROM {table}", *used])


def quotes_where(
    ids: Sequence[int],
    speaker: str | None,
    since: str | None,
    modes: Sequence[str] | None,
    like: str = "LIKE",
) -> tuple[str, list[Any]]:
    """``WHERE`` of the quote list: ``ids`` are the canonical entities ``speaker`` names (if any)."""
    where: list[str] = ["1 = 1"]
    params: list[Any] = []
    if modes is not None:
        where.append(f"q.mode IN ({','.join('?' * len(modes))})")
        params += list(modes)
    if speaker:
        marks = ",".join("?" * len(ids))
        where.append(
            f"(e.canonical_id IN ({marks}) OR q.speaker_name {like} ?)" if ids else f"q.speaker_name {like} ?"
        )
        params += [*ids, f"%{speaker}%"]
    if since:
        where.append("d.published >= ?")
        params.append(since)
    return "WHERE " + " AND ".join(where), params


def claims_where(
    ids: Sequence[int],
    counted: str | None,
    place: str | None,
    claimant: str | None,
    like: str = "LIKE",
) -> tuple[str, list[Any]]:
    """``WHERE`` of the claim list: ``ids`` are the canonical entities ``claimant`` names (if any)."""
    where: list[str] = ["1 = 1"]
    params: list[Any] = []
    if counted:
        where.append(f"(k.counted {like} ? OR k.text {like} ?)")
        params += [f"%{counted}%", f"%{counted}%"]
    if place:
        where.append(f"(p.name {like} ? OR p.country = ?)")
        params += [f"%{place}%", place.upper()]
    if claimant:
        marks = ",".join("?" * len(ids))
        where.append(
            f"(e.canonical_id IN ({marks}) OR k.claimant_name {like} ?)"
            if ids
            else f"k.claimant_name {like} ?"
        )
        params += [*ids, f"%{claimant}%"]
    return "WHERE " + " AND ".join(where), params


class ListCounts:
    """Totals of the lists, for pages that say "1–100 of 12,345" (a mixin of both stores)."""

    sql: Sql
    _canonical_ids: Callable[[str], list[int]]

    def _count_rows(self, sql: str, params: Sequence[Any]) -> int:
        return int(self.sql.rows(sql, list(params))[0][0])

    def count_quotes(
        self,
        speaker: str | None = None,
        since: str | None = None,
        modes: Sequence[str] | None = DEFAULT_MODES,
    ) -> int:
        ids = self._canonical_ids(speaker)[:1] if speaker else []
        where, params = quotes_where(ids, speaker, since, modes, self.sql.dialect.like)
        joins = {
            "d": "JOIN documents d ON d.id = q.doc_id",
            "e": "LEFT JOIN entities e ON e.doc_id = q.doc_id AND e.id = q.speaker",
        }
        return self._count_rows(f"SELECT count(*) {_counted_from('quotes q', where, joins)} {where}", params)

    def count_claims(
        self, counted: str | None = None, place: str | None = None, claimant: str | None = None
    ) -> int:
        ids = self._canonical_ids(claimant)[:1] if claimant else []
        where, params = claims_where(ids, counted, place, claimant, self.sql.dialect.like)
        joins = {
            "e": "LEFT JOIN entities e ON e.doc_id = k.doc_id AND e.id = k.claimant",
            "p": "LEFT JOIN places p ON p.doc_id = k.doc_id AND p.id = k.place",
        }
        return self._count_rows(f"SELECT count(*) {_counted_from('claims k', where, joins)} {where}", params)

    def canonical_id(self, name_or_id: str) -> int | None:
        """The canonical entity a typed name or id refers to (the best of several), or None."""
        ids = self._canonical_ids(name_or_id)
        return ids[0] if ids else None

    def count_entities(self, type: str | None = None) -> int:
        if type:
            return self._count_rows("SELECT count(*) FROM canonical_entities WHERE type = ?", [type.upper()])
        return self._count_rows("SELECT count(*) FROM canonical_entities", [])
