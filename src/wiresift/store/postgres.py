"""PostgreSQL backend: a team store that several analysts and ingest processes use at once.

Same :class:`~wiresift.store.base.Store` protocol, same schema version numbers
(:mod:`.pg_migrations`), same entity resolution (:mod:`wiresift.identity`) and search syntax
(:mod:`.pg_search`) as the SQLite store. Every write of a document and its layers is one
transaction. Writers take a transaction-level advisory lock, so concurrent ingest processes queue
for each other instead of failing, documents get their positions in commit order (the
near-duplicate index reads them incrementally), and the unique keys with ``ON CONFLICT`` make the
same text stored twice at once a no-op for the second writer.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wiresift.escape import one_line
from wiresift.identity import Resolver
from wiresift.model import Document
from wiresift.store.base import StoreError
from wiresift.store.documents import DocumentRows
from wiresift.store.identity_sql import SqlIdentityRepository
from wiresift.store.layer_reads import LayerLists
from wiresift.store.migrations import SchemaTooNew
from wiresift.store.pg_migrations import WRITE_LOCK, migrate
from wiresift.store.pg_reads import PostgresReads
from wiresift.store.pg_workbench import PostgresWorkbench
from wiresift.store.sql import PostgresSql
from wiresift.store.stories import StoryQueries
from wiresift.store.url import shown_url


class PostgresStore(PostgresReads, PostgresWorkbench, LayerLists, DocumentRows, StoryQueries):
    """A wiresift store in a PostgreSQL database, opened from a ``postgresql://`` URL."""

    #: Several processes may write at once (row locks, unique keys): the Dask ingest lets workers write.
    concurrent_writers = True

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError as exc:
            raise StoreError(
                f"{shown_url(url)}: the PostgreSQL store needs psycopg: pip install 'wiresift[postgres]'"
            ) from exc
        self.url = url
        self.path = shown_url(url)
        try:
            self.conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"{self.path}: cannot connect: {one_line(str(exc))}") from exc
        try:
            self.version = migrate(self.conn)
        except SchemaTooNew as exc:
            self.conn.close()
            raise StoreError(f"{self.path}: {exc}") from exc
        except psycopg.Error as exc:
            self.conn.close()
            raise StoreError(f"{self.path}: cannot open the store: {one_line(str(exc))}") from exc
        self.sql = PostgresSql(self.conn)
        self.resolver = Resolver(SqlIdentityRepository(self.sql))

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def _write(self) -> Any:
        """A write transaction holding the store's writer lock until it commits or rolls back."""
        tx = self.conn.transaction()
        return _Locked(self.conn, tx)

    def _transaction(self) -> Any:  # the name the shared correction and story writers use
        return self._write()

    # -- writes -------------------------------------------------------------------------------
    def record_error(self, source: str, cause: str, stage: str, doc_id: str | None = None) -> None:
        with self.conn.transaction():
            self._error(source, cause, stage, doc_id)

    # -- documents ----------------------------------------------------------------------------
    def documents(self, query: str | None = None) -> Iterator[Document]:
        """Every document in storage order, or those matching a search query, read page by page."""
        if not query:
            yield from self._records()
            return
        match = self._tsquery(query)
        if match is not None:
            sql = f"SELECT num FROM documents WHERE fts @@ ({match.match}) ORDER BY num"
            yield from self._numbered([r[0] for r in self.conn.execute(sql, match.match_params)])


class _Locked:
    """``with store._write():`` a transaction that first takes the store's writer lock."""

    def __init__(self, conn: Any, tx: Any) -> None:
        self.conn = conn
        self.tx = tx

    def __enter__(self) -> None:
        self.tx.__enter__()
        self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))

    def __exit__(self, *exc: Any) -> bool | None:
        result: bool | None = self.tx.__exit__(*exc)
        return result


__all__ = ["PostgresStore"]
