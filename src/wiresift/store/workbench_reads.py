"""The workbench reads both stores share: the map, the timeline and an entity's neighbourhood.

Written once with ``?`` placeholders (:mod:`.sql`); the search behind a filtered map or timeline is
each backend's own (FTS5 or ``tsvector``): it fills the temporary table ``_hits`` with the search's
window (:meth:`_fill_window`), and the statements here read it.
"""

from __future__ import annotations

from wiresift.store.base import PlaceRow
from wiresift.store.lists import recent_articles
from wiresift.store.search_window import SearchWindow
from wiresift.store.sql import Sql
from wiresift.store.timeline import TimelineItem, timeline_items
from wiresift.store.workbench_rows import Neighbour, SearchFilters


class WorkbenchReads(SearchWindow):
    """A mixin of both stores' workbench queries (needs ``sql`` and the backend's part of
    :class:`~wiresift.store.search_window.SearchWindow`)."""

    sql: Sql

    def map_places(
        self,
        country: str | None = None,
        limit: int = 2000,
        query: str = "",
        filters: SearchFilters | None = None,
    ) -> list[PlaceRow]:
        """Resolved, non-adjectival places with article counts, most-cited first.

        Without a search or filter the counts come from ``place_counts`` (kept at write time); with
        one, from the places of the search's window, as the facets are.
        """
        with self._window():  # _hits lives until the end of the window (PostgreSQL: the commit)
            return self._map_places(country, limit, query, filters or SearchFilters())

    def _map_places(
        self, country: str | None, limit: int, query: str, filters: SearchFilters
    ) -> list[PlaceRow]:
        args: list[object] = []
        if self._fill_window(query, filters):
            sql = (
                "SELECT p.name, max(p.geonames_id), p.lat, p.lon, p.country, max(p.admin1), max(p.kind), "
                f"count(DISTINCT p.doc_id), count(*) FROM _hits h {self.sql.dialect.cross_join} places p "
                "ON p.doc_id = h.id WHERE p.lat IS NOT NULL AND p.lon IS NOT NULL AND p.adjectival = 0"
            )
            if country:
                sql += " AND p.country = ?"
                args.append(country.upper())
            sql += " GROUP BY p.name, p.country, p.lat, p.lon ORDER BY 8 DESC, 1 LIMIT ?"
        else:
            sql = (
                "SELECT name, geonames_id, lat, lon, nullif(country, ''), admin1, kind, articles, mentions "
                "FROM place_counts"
            )
            if country:
                sql += " WHERE country = ?"
                args.append(country.upper())
            sql += " ORDER BY articles DESC, name LIMIT ?"
        args.append(limit)
        return [PlaceRow(*r) for r in self.sql.rows(sql, args)]

    def timeline(
        self, limit: int = 500, query: str = "", filters: SearchFilters | None = None
    ) -> list[TimelineItem]:
        """Articles, events, quotes (statements) and claims of the newest articles, or of the search's
        window when a search or filter is given; at most ``limit`` per lane (:mod:`store.timeline`)."""
        with self._window():
            if not self._fill_window(query, filters or SearchFilters()):  # the newest, by the date index
                self.sql.run(
                    "INSERT INTO _hits SELECT num, id, 0.0, site, published FROM documents "
                    "WHERE published IS NOT NULL ORDER BY published DESC, num DESC LIMIT ?",
                    (limit,),
                )
            return timeline_items(self.sql, limit)

    def neighbours(self, canonical_id: int, limit: int = 25, articles: int | None = None) -> list[Neighbour]:
        """Canonical entities that share articles with this one, most shared first: in all its articles,
        or in its newest ``articles`` (an entity page: grouping every entity of 11,000 articles grows
        with the store)."""
        recent = recent_articles(self.sql, canonical_id, articles) if articles is not None else ""
        docs = (
            f"recent d {self.sql.dialect.cross_join} entities o ON o.doc_id = d.id"
            if recent
            else "entities e JOIN entities o ON o.doc_id = e.doc_id AND e.canonical_id = ?"
        )
        rows = self.sql.rows(
            f"{recent}SELECT c.id, c.name, c.type, count(DISTINCT o.doc_id) n FROM {docs} "
            "JOIN canonical_entities c ON c.id = o.canonical_id "
            "WHERE o.canonical_id != ? AND c.type IN ('PERSON', 'ORG', 'GPE', 'NORP') "
            "GROUP BY c.id ORDER BY n DESC, c.name, c.id LIMIT ?",
            (canonical_id, canonical_id, limit),
        )
        return [Neighbour(r[0], r[1], r[2], r[3]) for r in rows]

    def seen_range(self, canonical_id: int) -> tuple[str | None, str | None, int]:
        """First and last publication date of the articles naming the entity, and how many there are."""
        row = self.sql.rows(
            "SELECT min(d.published), max(d.published), count(DISTINCT d.id) FROM entities e "
            "JOIN documents d ON d.id = e.doc_id WHERE e.canonical_id = ?",
            (canonical_id,),
        )
        return (row[0][0], row[0][1], int(row[0][2])) if row else (None, None, 0)

    def claims_by(self, canonical_id: int, limit: int = 200) -> list[dict[str, object]]:
        """The entity's claims in its newest ``limit`` articles, newest first (at most ``limit``)."""
        d = self.sql.dialect
        rows = self.sql.rows(
            recent_articles(self.sql, canonical_id, limit)
            + "SELECT c.doc_id, d.title, d.published, c.id, c.text, c.value, c.qualifier, c.unit, c.counted "
            f"FROM recent d {d.cross_join} claims c ON c.doc_id = d.id "
            "JOIN entities e ON e.doc_id = c.doc_id AND e.id = c.claimant WHERE e.canonical_id = ? "
            f"ORDER BY d.published {d.desc}, d.num DESC, c.start LIMIT ?",
            (canonical_id, canonical_id, limit),
        )
        keys = ("doc_id", "title", "published", "id", "text", "value", "qualifier", "unit", "counted")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def related_copies(self, doc_id: str) -> list[tuple[str, str | None, str | None]]:
        """(id, title, site) of the near-duplicates of a document: its original and its copies."""
        row = self.sql.rows("SELECT duplicate_of FROM documents WHERE id = ?", (doc_id,))
        root = row[0][0] if row and row[0][0] else doc_id
        # Two indexed lookups: "id = ? OR duplicate_of = ?" scanned the whole table (480 ms at 100,000).
        rows = self.sql.rows(
            "SELECT id, title, site, num FROM documents WHERE id = ? UNION "
            "SELECT id, title, site, num FROM documents WHERE duplicate_of = ? ORDER BY 4",
            (root, root),
        )
        return [(r[0], r[1], r[2]) for r in rows if r[0] != doc_id]
