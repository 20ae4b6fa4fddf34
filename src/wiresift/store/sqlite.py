"""SQLite backend: WAL journal, FTS5 search, one transaction per document.

``save`` writes the document, every layer row and its MinHash signature, and resolves its
entities across documents, all in one transaction: a crash leaves either the whole document or
nothing. The JSON record is stored too, so ``load`` returns exactly what was saved.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from wiresift.escape import one_line
from wiresift.identity import Resolver
from wiresift.model import Document
from wiresift.store.base import (
    ErrorRow,
    PlaceRow,
    SaveResult,
    SearchHit,
    SignatureRow,
    StoreError,
)
from wiresift.store.corrections import CorrectionsMixin
from wiresift.store.events import insert_events
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
#: Records read per query when streaming documents: bounded memory, few round trips.
PAGE_ROWS = 200
#: How long a writer waits for another process's lock before failing (ms).
BUSY_TIMEOUT_MS = 10_000


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _version(doc: Document, stage: str) -> str | None:
    return doc.stages.get(stage)


class SQLiteStore(WorkbenchQueries, LayerLists, CorrectionsMixin, StoryQueries):
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

    def get_state(self, key: str) -> object | None:
        """A JSON value saved by :meth:`set_state`, or None."""
        row = self.conn.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def set_state(self, key: str, value: object) -> None:
        self.conn.execute(
            "INSERT INTO state(key, value, updated) VALUES (?, ?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated = excluded.updated",
            (key, json.dumps(value, sort_keys=True), datetime.now(UTC).isoformat(timespec="seconds")),
        )

    # -- writes -----------------------------------------------------------------------------
    def find_hash(self, content_hash: str) -> str | None:
        row = self.conn.execute("SELECT id FROM documents WHERE content_hash = ?", (content_hash,)).fetchone()
        return row[0] if row else None

    def free_id(self, doc: Document) -> str:
        """The document's id, or ``id~hash8`` when another text already holds that id."""
        taken = self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc.id,)).fetchone()
        return f"{doc.id}~{doc.content_hash[:8]}" if taken else doc.id

    def save(
        self, doc: Document, *, signature: bytes | None = None, link: Callable[[Document], None] | None = None
    ) -> SaveResult:
        """Store ``doc`` and all its layers atomically; the same text again adds nothing.

        ``link(doc)`` runs inside the write transaction, just before the rows are written: what it
        reads of the store (the near-duplicate index) cannot change until the commit.
        """
        doc.finalize()
        existing = self.find_hash(doc.content_hash)  # fast path, without taking the write lock
        if existing is not None:
            return SaveResult(existing, "exact")
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            existing = self.find_hash(doc.content_hash)  # another writer may have won the race
            if existing is not None:
                self.conn.execute("ROLLBACK")
                return SaveResult(existing, "exact")
            doc.id = self.free_id(doc)
            if link is not None:
                link(doc)
            fixed, analysed = self._corrected(doc)  # a document stored before: its corrections again
            self._insert(fixed, signature)
            if analysed is not None:
                self.conn.execute(
                    "INSERT INTO analysed_records(doc_id, record) VALUES (?, ?)", (doc.id, analysed)
                )
            self.resolver.resolve_document(fixed)
            self._pin_members(doc.id)
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        return SaveResult(doc.id, "new")

    def _insert(self, doc: Document, signature: bytes | None) -> None:
        c = self.conn
        c.execute(
            "INSERT INTO documents(id, content_hash, source, url, site, title, published, language, format, "
            "authors, text, duplicate_of, record, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                doc.id, doc.content_hash, doc.source, doc.url, doc.site, doc.title, doc.published,
                doc.language, doc.format, json.dumps(doc.authors), doc.text, doc.duplicate_of,
                json.dumps(doc.to_record(), ensure_ascii=False), _now(),
            ),
        )  # fmt: skip
        self._insert_entities(doc)
        self._insert_facts(doc)
        for line in doc.errors:
            stage, _, cause = line.partition(": ")
            self._error(doc.source or doc.id, cause or line, stage if cause else "nlp", doc.id)
        if signature is not None:
            c.execute("INSERT INTO signatures(doc_id, signature) VALUES (?, ?)", (doc.id, signature))

    def _insert_entities(self, doc: Document) -> None:
        c = self.conn
        mentions: list[tuple[Any, ...]] = []
        for e in doc.entities:
            stage = e.stage or "entities"
            c.execute(
                "INSERT INTO entities(doc_id, id, name, type, aliases, titles, stage, stage_version) "
                "VALUES (?,?,?,?,?,?,?,?)",
                (doc.id, e.id, e.name, e.type, json.dumps(e.aliases), json.dumps(e.titles), stage,
                 _version(doc, stage)),
            )  # fmt: skip
            mentions += [(doc.id, "entities", e.id, s, t, doc.text[s:t], stage, _version(doc, stage))
                         for s, t in e.mentions]  # fmt: skip
        self._insert_mentions(mentions)

    def _insert_mentions(self, mentions: list[tuple[Any, ...]]) -> None:
        self.conn.executemany(
            'INSERT INTO mentions(doc_id, layer, item_id, start, "end", text, stage, stage_version) '
            "VALUES (?,?,?,?,?,?,?,?)",
            mentions,
        )

    def _insert_facts(self, doc: Document) -> None:
        """The layers a correction may change: quotes, claims, timexes, places (+ mentions), events."""
        c = self.conn
        mentions: list[tuple[Any, ...]] = []
        for q in doc.quotes:
            stage = q.stage or "quotes"
            m, cue = q.speaker_mention, q.cue_span
            c.execute(
                "INSERT INTO quotes(doc_id, id, text, start, \"end\", kind, cue, cue_start, cue_end, speaker_start, "
                "speaker_end, speaker_text, speaker, speaker_name, stage, stage_version, mode, speaker_confidence) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (doc.id, q.id, q.text, q.start, q.end, q.kind, q.cue, cue[0] if cue else None,
                 cue[1] if cue else None, m.start if m else None, m.end if m else None, m.text if m else None,
                 q.speaker, q.speaker_name, stage, _version(doc, stage), q.mode, q.speaker_confidence),
            )  # fmt: skip
        for k in doc.claims:
            stage = k.stage or "claims"
            c.execute(
                "INSERT INTO claims(doc_id, id, text, start, \"end\", value, low, high, qualifier, unit, counted, "
                "count_type, claimant, claimant_name, place, time, stage, stage_version) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (doc.id, k.id, k.text, k.start, k.end, k.value, k.low, k.high, k.qualifier, k.unit, k.counted,
                 k.count_type, k.claimant, k.claimant_name, k.place, k.time, stage, _version(doc, stage)),
            )  # fmt: skip
        for i, t in enumerate(doc.timexes):
            stage = t.stage or "timexes"
            c.execute(
                'INSERT INTO timexes(doc_id, idx, text, start, "end", type, value, mod, stage, stage_version) '
                "VALUES (?,?,?,?,?,?,?,?,?,?)",
                (doc.id, i, t.text, t.start, t.end, t.type, t.value, t.mod, stage, _version(doc, stage)),
            )
        for p in doc.places:
            stage = p.stage or "places"
            c.execute(
                "INSERT INTO places(doc_id, id, name, geonames_id, lat, lon, country, admin1, kind, adjectival, "
                "confidence, stage, stage_version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (doc.id, p.id, p.name, p.geonames_id, p.lat, p.lon, p.country, p.admin1, p.kind, int(p.adjectival),
                 p.confidence, stage, _version(doc, stage)),
            )  # fmt: skip
            mentions += [(doc.id, "places", p.id, s, t, doc.text[s:t], stage, _version(doc, stage))
                         for s, t in p.mentions]  # fmt: skip
        insert_events(c, doc, _version(doc, "events"))
        self._insert_mentions(mentions)

    def _error(self, source: str, cause: str, stage: str, doc_id: str | None) -> None:
        self.conn.execute(
            "INSERT INTO errors(source, cause, stage, doc_id, time) VALUES (?,?,?,?,?) "
            "ON CONFLICT(source, cause, stage) DO UPDATE SET time = excluded.time, count = count + 1, "
            "doc_id = coalesce(excluded.doc_id, doc_id)",
            (source, cause, stage, doc_id, _now()),
        )

    def record_error(self, source: str, cause: str, stage: str, doc_id: str | None = None) -> None:
        """Remember a source that failed (again): one row per (source, cause, stage)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            self._error(source, cause, stage, doc_id)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    def _transaction(self) -> _Tx:
        return _Tx(self.conn)

    # -- reads ------------------------------------------------------------------------------
    def load(self, doc_id: str) -> Document:
        row = self.conn.execute("SELECT record FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise KeyError(doc_id)
        return Document.from_record(json.loads(row[0]))

    def documents(self, query: str | None = None) -> Iterator[Document]:
        """Every document in insertion order, or those matching an FTS query, read page by page."""
        if query:
            sql = (
                "SELECT d.num FROM documents_fts JOIN documents d ON d.num = documents_fts.rowid "
                "WHERE documents_fts MATCH ? ORDER BY d.num"
            )
            nums = [r[0] for r in self._fts(sql, (fts_query(query),), query)]
            for i in range(0, len(nums), PAGE_ROWS):
                page = nums[i : i + PAGE_ROWS]
                marks = ",".join("?" * len(page))
                rows = self.conn.execute(
                    f"SELECT record FROM documents WHERE num IN ({marks}) ORDER BY num", page
                )
                for (record,) in rows.fetchall():
                    yield Document.from_record(json.loads(record))
            return
        last = -1
        while True:
            batch = self.conn.execute(
                "SELECT num, record FROM documents WHERE num > ? ORDER BY num LIMIT ?", (last, PAGE_ROWS)
            ).fetchall()
            if not batch:
                return
            for last, record in batch:  # noqa: B007 - ``last`` is the next page's start
                yield Document.from_record(json.loads(record))

    def signatures(self, after: int = 0) -> Iterator[SignatureRow]:
        """Near-duplicate signatures of the documents stored after position ``after``, oldest first."""
        rows = self.conn.execute(
            "SELECT d.num, s.doc_id, s.signature, d.duplicate_of FROM documents d "
            "JOIN signatures s ON s.doc_id = d.id WHERE d.num > ? ORDER BY d.num",
            (after,),
        )
        for row in rows.fetchall():
            yield SignatureRow(*row)

    def duplicate_roots(self) -> dict[str, str]:
        """Document id -> the id it is a near-duplicate of."""
        rows = self.conn.execute("SELECT id, duplicate_of FROM documents WHERE duplicate_of IS NOT NULL")
        return dict(rows.fetchall())

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

    def errors(self, limit: int = 100) -> list[ErrorRow]:
        rows = self.conn.execute(
            "SELECT source, cause, stage, doc_id, time, count FROM errors ORDER BY time DESC, id DESC LIMIT ?",
            (limit,),
        )
        return [ErrorRow(*r) for r in rows]

    def stats(self) -> dict[str, object]:
        return store_stats(self.sql, self.path, current_version(self.conn))

    def places(self, country: str | None = None, limit: int = 100) -> list[PlaceRow]:
        """Places across articles (grouped by GeoNames id, else by name), most articles first."""
        where, params = "", list[Any]()
        if country:
            where, params = "WHERE p.country = ?", [country.upper()]
        rows = self.conn.execute(
            "SELECT p.name, p.geonames_id, p.lat, p.lon, p.country, p.admin1, p.kind, "
            "count(DISTINCT p.doc_id), group_concat(DISTINCT p.doc_id) "
            "FROM places p "
            f"{where} GROUP BY coalesce(CAST(p.geonames_id AS TEXT), 'name:' || lower(p.name)) "
            "ORDER BY 8 DESC, p.name LIMIT ?",
            (*params, limit),
        ).fetchall()
        return [
            PlaceRow(
                name=r[0], geonames_id=r[1], lat=r[2], lon=r[3], country=r[4], admin1=r[5], kind=r[6],
                articles=r[7], mentions=self._place_mentions(r[1], r[0]),
                doc_ids=sorted(r[8].split(",")) if r[8] else [],
            )
            for r in rows
        ]  # fmt: skip

    def _place_mentions(self, geonames_id: int | None, name: str) -> int:
        arg: int | str
        if geonames_id is not None:
            cond, arg = "p.geonames_id = ?", geonames_id
        else:
            cond, arg = "p.geonames_id IS NULL AND lower(p.name) = lower(?)", name
        row = self.conn.execute(
            "SELECT count(*) FROM mentions m JOIN places p ON m.doc_id = p.doc_id AND m.item_id = p.id "
            f"WHERE m.layer = 'places' AND {cond}",
            (arg,),
        ).fetchone()
        return int(row[0])


class _Tx:
    """``with store._transaction():`` BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.conn.execute("ROLLBACK" if exc_type else "COMMIT")
