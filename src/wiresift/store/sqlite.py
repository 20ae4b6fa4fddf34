"""SQLite backend: WAL journal, FTS5 search, one transaction per document.

``save`` writes the document, every layer row and its MinHash signature, and resolves its
entities across documents, all in one transaction: a crash leaves either the whole document or
nothing. The JSON record is stored too, so ``load`` returns exactly what was saved.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from wiresift.escape import one_line
from wiresift.identity import Resolver
from wiresift.model import Document
from wiresift.store.base import (
    SearchHit,
    StoreError,
)
from wiresift.store.documents import DocumentRows
from wiresift.store.identity_sql import SqlIdentityRepository
from wiresift.store.layer_reads import LayerLists
from wiresift.store.migrations import SchemaTooNew, current_version, migrate
from wiresift.store.query import fts_query
from wiresift.store.sql import SQLiteSql
from wiresift.store.stats import store_stats
from wiresift.store.stories import StoryQueries
from wiresift.store.workbench import WorkbenchQueries

#: bm25 column weights (title, text): a word in the headline says more about the article.
BM25_WEIGHTS = (5.0, 1.0)
#: Tokens of context around each hit in a snippet: about one line of a terminal.
SNIPPET_TOKENS = 16
#: How long a writer waits for another process's lock before failing (ms).
BUSY_TIMEOUT_MS = 10_000


class SQLiteStore(WorkbenchQueries, LayerLists, DocumentRows, StoryQueries):
    """A wiresift database in one SQLite file (``:memory:`` works for tests)."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open database: {exc}") from exc
        try:
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._use_wal()
            self.conn.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: durable across app crashes
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.version = migrate(self.conn, backup=self._backup)
        except SchemaTooNew as exc:
            self.conn.close()
            raise StoreError(f"{one_line(self.path)}: {exc}") from exc
        except sqlite3.OperationalError as exc:  # locked past the busy timeout, read-only, disk full
            self.conn.close()
            raise StoreError(f"{one_line(self.path)}: cannot open database: {exc}") from exc
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise StoreError(f"{one_line(self.path)}: not a wiresift database ({exc})") from exc
        self.sql = SQLiteSql(self.conn)
        self.resolver = Resolver(SqlIdentityRepository(self.sql))

    def _use_wal(self) -> None:
        """Switch the file to WAL once. The switch needs a lock that SQLite does not wait for (no busy
        handler), so processes opening a new database together retry it until one has made it."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                self.conn.execute("PRAGMA journal_mode = WAL").fetchone()  # ``:memory:`` stays "memory"
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)

    def backup_path(self, version: int) -> Path:
        """Where the copy taken before migrating from schema ``version`` goes: ``DB.bak-vN`` beside it."""
        return Path(f"{self.path}.bak-v{version}")

    def _backup(self, version: int) -> None:
        """Copy the database as it is at ``version`` (called by ``migrate`` under the write lock).

        A second connection reads the last committed state, which the lock keeps from changing;
        SQLite's online backup copies it page by page into ``DB.bak-vN.part``, renamed when whole.
        """
        if self.path == ":memory:" or self.path.startswith("file:"):
            return
        target = self.backup_path(version)
        part = target.with_name(target.name + ".part")
        part.unlink(missing_ok=True)
        with (
            contextlib.closing(sqlite3.connect(self.path)) as source,
            contextlib.closing(sqlite3.connect(part)) as copy,
        ):
            source.backup(copy)
        os.replace(part, target)

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        # SQLite's advice for long-lived files: refresh the planner's statistics where they went stale.
        with contextlib.suppress(sqlite3.Error):
            self.conn.execute("PRAGMA optimize")
        self.conn.close()

    # -- writes -----------------------------------------------------------------------------
    def record_error(self, source: str, cause: str, stage: str, doc_id: str | None = None) -> None:
        """Remember a source that failed (again): one row per (source, cause, stage)."""
        with self._transaction():
            self._error(source, cause, stage, doc_id)

    def _transaction(self) -> _Tx:
        return _Tx(self.conn)

    # -- reads ------------------------------------------------------------------------------
    def documents(self, query: str | None = None) -> Iterator[Document]:
        """Every document in insertion order, or those matching an FTS query, read page by page."""
        if query:
            sql = (
                "SELECT d.num FROM documents_fts JOIN documents d ON d.num = documents_fts.rowid "
                "WHERE documents_fts MATCH ? ORDER BY d.num"
            )
            yield from self._numbered([r[0] for r in self._fts(sql, (fts_query(query),), query)])
            return
        yield from self._records()

    def _fts(self, sql: str, params: tuple[Any, ...], query: str) -> list[Any]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"cannot search for {query!r}: {exc}") from exc

    def search(
        self, query: str, limit: int = 20, offset: int = 0, highlight: tuple[str, str] = ("[", "]")
    ) -> list[SearchHit]:
        """Ranked (bm25) matches of title and text, each with a highlighted snippet."""
        sql = (
            "SELECT d.id, d.title, d.site, d.published, "
            f"snippet(documents_fts, 1, ?, ?, '…', {SNIPPET_TOKENS}), "
            "bm25(documents_fts, ?, ?) AS score "
            "FROM documents_fts JOIN documents d ON d.num = documents_fts.rowid "
            "WHERE documents_fts MATCH ? ORDER BY score, d.num LIMIT ? OFFSET ?"
        )
        rows = self._fts(sql, (*highlight, *BM25_WEIGHTS, fts_query(query), limit, offset), query)
        return [SearchHit(*row) for row in rows]

    def stats(self) -> dict[str, object]:
        return store_stats(self.sql, self.path, current_version(self.conn))


class _Tx:
    """``with store._transaction():`` BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, *rest: object) -> None:
        try:
            if exc_type is None:
                self.conn.execute("COMMIT")
                return
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")
