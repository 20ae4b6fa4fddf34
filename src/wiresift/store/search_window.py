"""The workbench search both stores share: filters, the search's window, its total and the page.

A search with words keeps its :data:`SEARCH_WINDOW` most recently stored matches in the temporary
table ``_hits``, where they are ranked, paged and counted by facet. Its total counts the matches up
to the window and then says "more than" (``SearchPage.total_capped``): an exact total visits every
match, which PostgreSQL can only do by reading each matching row (its bitmap scans fetch every page
they count), so a word in a tenth of 100,000 articles read 10,000 pages, most of the search's time.
Both stores count alike, so that they give the same pages. A list without words (filters only) is
counted exactly from the documents' indexes.

Each backend gives the matching itself (:meth:`SearchWindow._insert_matches`: FTS5 or
``tsvector``), the hits' titles and snippets (:meth:`SearchWindow._hits_for`) and the facets; the
statements here are written once with ``?`` placeholders (:mod:`.sql`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from wiresift.store.sql import Sql
from wiresift.store.workbench_rows import MarkedHit, SearchFilters, SearchPage, Sort

#: How many values each facet lists: enough to narrow down, few enough to stay fast on 10k docs.
FACET_SIZE = 12
#: The most matches a search ranks, pages, counts facets over and counts exactly: the most recently
#: stored ones. Ranking and facet counts cost time per matching document, so a word in half of
#: 100,000 articles took 300 ms.
SEARCH_WINDOW = 2000


class SearchWindow:
    """A mixin of both stores' workbench search (needs ``sql`` and the backend methods below)."""

    sql: Sql

    # The backend's part ---------------------------------------------------------------------------

    def _has_words(self, query: str) -> bool:
        """Whether ``query`` has a word to match (raises QueryTooCostly for one over the limits)."""
        raise NotImplementedError

    def _insert_matches(
        self, query: str, where: list[str], args: list[object], *, rank: bool, limit: int
    ) -> int:
        """Put the ``limit`` most recently stored documents matching ``query`` and ``where`` in ``_hits``
        (scored with the backend's rank when ``rank``, lower is better); return how many."""
        raise NotImplementedError

    def _matched_hits(self, nums: list[int], query: str) -> dict[int, MarkedHit]:
        """The listed documents (by number) with their snippets of ``query``'s words and scores."""
        raise NotImplementedError

    def _reset_hits(self) -> None:
        """Create the temporary table ``_hits`` if this connection has none, and empty it."""
        raise NotImplementedError

    def search_facets(self) -> dict[str, list[tuple[str, str, int]]]:
        raise NotImplementedError

    @contextmanager
    def _window(self) -> Iterator[None]:
        """``with self._window():`` around a search's window and the reads of ``_hits`` that follow
        (PostgreSQL's ``_hits`` lives until the transaction's commit)."""
        yield

    # Shared ---------------------------------------------------------------------------------------

    def _filter_sql(self, filters: SearchFilters) -> tuple[list[str], list[object]]:
        """``WHERE`` conditions on a document row ``d`` (its ``num``, ``id``, ``site``, ``published``).

        On SQLite the unary ``+`` keeps ``d.id`` out of the index choice: FTS5 ran its whole match
        once per listed id otherwise (25 s for a filtered ``a*`` over 10,000 documents).
        """
        plus = self.sql.dialect.unindexed
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
            where.append(f"{plus}d.id IN (SELECT doc_id FROM entities WHERE canonical_id = ?)")
            args.append(filters.entity)
        if filters.country:
            where.append(f"{plus}d.id IN (SELECT doc_id FROM places WHERE country = ? AND adjectival = 0)")
            args.append(filters.country.upper())
        return where, args

    def _count(self, where: list[str], args: list[object]) -> int:
        """How many documents the filters select (a list without words)."""
        sql = "SELECT count(*) FROM documents d" + (" WHERE " + " AND ".join(where) if where else "")
        return int(self.sql.rows(sql, args)[0][0])

    def _collect(
        self, query: str, filters: SearchFilters, *, rank: bool, size: int | None = None
    ) -> tuple[int, int]:
        """Put the ``size`` (:data:`SEARCH_WINDOW`) most recently stored documents the search selects in
        ``_hits``; returns (rows kept, documents counted). With words the count stops one past the
        window (the matching reads ``size + 1`` rows, the oldest is dropped): more than ``size`` then
        means "more than the window". Without words it is exact."""
        size = SEARCH_WINDOW if size is None else size
        where, args = self._filter_sql(filters)
        self._reset_hits()
        if size == 0:
            return 0, 0
        if self._has_words(query):
            kept = self._insert_matches(query, where, args, rank=rank, limit=size + 1)
            if kept <= size:
                return kept, kept
            self.sql.run("DELETE FROM _hits WHERE num = (SELECT min(num) FROM _hits)")
            return size, kept
        sql = "INSERT INTO _hits SELECT d.num, d.id, 0.0, d.site, d.published FROM documents d"
        sql += (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY d.num DESC LIMIT ?"
        kept = self.sql.execute(sql, [*args, size]).rowcount
        return kept, kept if kept < size else self._count(where, args)

    def _hits_for(self, nums: list[int], query: str) -> list[MarkedHit]:
        """Titles and snippets of the given documents, in the given order."""
        if not nums:
            return []
        if self._has_words(query):
            by_num = self._matched_hits(nums, query)
        else:
            marks = ",".join("?" * len(nums))
            rows = self.sql.rows(
                f"SELECT num, id, title, site, published, substr(text, 1, 220) FROM documents WHERE num IN ({marks})",
                nums,
            )
            by_num = {r[0]: MarkedHit(r[1], r[2], r[3], r[4], r[5] or "", 0.0) for r in rows}
        return [by_num[n] for n in nums if n in by_num]

    def _fill_window(self, query: str, filters: SearchFilters) -> bool:
        """With words or a filter, put the search's window in ``_hits`` and return True; else empty
        ``_hits`` and return False (run it inside :meth:`_window`)."""
        if self._has_words(query) or filters != SearchFilters():
            self._collect(query, filters, rank=False)
            return True
        self._collect("", SearchFilters(), rank=False, size=0)
        return False

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
        """A page of hits, the total, and facet counts over the search's window (:meth:`_collect`).

        Without words the page is read in date order from the whole store (an index walk), so only
        the facets are bounded by the window; with words, ranking, paging and the total are too.
        """
        with self._window():
            return self._search_page(query, filters or SearchFilters(), sort, limit, offset, facets)

    def _search_page(
        self, query: str, filters: SearchFilters, sort: Sort, limit: int, offset: int, facets: bool
    ) -> SearchPage:
        words = self._has_words(query)
        by_rank = sort == "relevance" and words
        where, args = self._filter_sql(filters)
        if words or facets:
            kept, counted = self._collect(query, filters, rank=by_rank)
        else:  # a date-ordered list without facets (/api/documents) needs only the count
            kept = counted = self._count(where, args)
        desc = self.sql.dialect.desc
        params: list[object]
        if words:
            order = "rank, num" if by_rank else f"published {desc}, num DESC"
            sql, params = f"SELECT num FROM _hits ORDER BY {order} LIMIT ? OFFSET ?", [limit, offset]
        else:
            sql = "SELECT num FROM documents d" + (" WHERE " + " AND ".join(where) if where else "")
            sql += f" ORDER BY d.published {desc}, d.num DESC LIMIT ? OFFSET ?"
            params = [*args, limit, offset]
        nums = [r[0] for r in self.sql.rows(sql, params)]
        capped = words and counted > kept
        page = SearchPage(
            self._hits_for(nums, query),
            kept if capped else counted,
            scope=kept,
            ranked_in_scope=capped,
            total_capped=capped,
        )
        if facets:
            page.facets = self.search_facets()
        return page
