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

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

from wiresift.escape import one_line
from wiresift.identity import Resolver
from wiresift.model import Document
from wiresift.store.base import SaveResult, SignatureRow, StoreError
from wiresift.store.corrections import CorrectionsMixin
from wiresift.store.events import EVENT_INSERT, event_rows
from wiresift.store.identity_sql import SqlIdentityRepository
from wiresift.store.layer_reads import LayerLists
from wiresift.store.migrations import SchemaTooNew
from wiresift.store.pg_migrations import WRITE_LOCK, migrate
from wiresift.store.pg_reads import PostgresReads
from wiresift.store.pg_workbench import PostgresWorkbench
from wiresift.store.sql import PostgresSql, pg_params
from wiresift.store.stories import StoryQueries
from wiresift.store.url import shown_url

#: Records read per query when streaming documents.
PAGE_ROWS = 200


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _version(doc: Document, stage: str) -> str | None:
    return doc.stages.get(stage)


class PostgresStore(PostgresReads, PostgresWorkbench, LayerLists, CorrectionsMixin, StoryQueries):
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

    # -- state --------------------------------------------------------------------------------
    def get_state(self, key: str) -> object | None:
        row = self.conn.execute("SELECT value FROM state WHERE key = %s", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def set_state(self, key: str, value: object) -> None:
        self.conn.execute(
            "INSERT INTO state(key, value, updated) VALUES (%s, %s, %s) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated = excluded.updated",
            (key, json.dumps(value, sort_keys=True), _now()),
        )

    # -- writes -------------------------------------------------------------------------------
    def find_hash(self, content_hash: str) -> str | None:
        row = self.conn.execute(
            "SELECT id FROM documents WHERE content_hash = %s", (content_hash,)
        ).fetchone()
        return row[0] if row else None

    def free_id(self, doc: Document) -> str:
        taken = self.conn.execute("SELECT 1 FROM documents WHERE id = %s", (doc.id,)).fetchone()
        return f"{doc.id}~{doc.content_hash[:8]}" if taken else doc.id

    def save(
        self, doc: Document, *, signature: bytes | None = None, link: Callable[[Document], None] | None = None
    ) -> SaveResult:
        """Store ``doc`` and all its layers in one transaction; the same text again adds nothing."""
        doc.finalize()
        existing = self.find_hash(doc.content_hash)
        if existing is not None:
            return SaveResult(existing, "exact")
        with self._write():
            existing = self.find_hash(doc.content_hash)  # another writer may have won the race
            if existing is not None:
                return SaveResult(existing, "exact")
            doc.id = self.free_id(doc)
            if link is not None:
                link(doc)
            fixed, analysed = self._corrected(doc)  # a document stored before: its corrections again
            self._insert(fixed, signature)
            if analysed is not None:
                self.sql.run("INSERT INTO analysed_records(doc_id, record) VALUES (?, ?)", (doc.id, analysed))
            self.resolver.resolve_document(fixed)
            self._pin_members(doc.id)
        return SaveResult(doc.id, "new")

    def _insert(self, doc: Document, signature: bytes | None) -> None:
        row = self.conn.execute(
            "INSERT INTO documents(id, content_hash, source, url, site, title, published, language, format, "
            "authors, text, duplicate_of, record, ingested_at) "
            "VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s) ON CONFLICT DO NOTHING RETURNING num",
            pg_params((
                doc.id, doc.content_hash, doc.source, doc.url, doc.site, doc.title, doc.published,
                doc.language, doc.format, json.dumps(doc.authors), doc.text, doc.duplicate_of,
                json.dumps(doc.to_record(), ensure_ascii=False), _now(),
            )),
        ).fetchone()  # fmt: skip
        if row is None:  # cannot happen under the writer lock; refuse rather than store a half
            raise StoreError(f"{doc.source or doc.id}: document {doc.id!r} was stored by another writer")
        self._insert_entities(doc)
        self._insert_facts(doc)
        for line in doc.errors:
            stage, _, cause = line.partition(": ")
            self._error(doc.source or doc.id, cause or line, stage if cause else "nlp", doc.id)
        if signature is not None:
            self.sql.run("INSERT INTO signatures(doc_id, signature) VALUES (?, ?)", (doc.id, signature))

    def _insert_mentions(self, mentions: list[tuple[Any, ...]]) -> None:
        self.sql.many(
            'INSERT INTO mentions(doc_id, layer, item_id, start, "end", text, stage, stage_version) '
            "VALUES (?,?,?,?,?,?,?,?)",
            mentions,
        )

    def _insert_entities(self, doc: Document) -> None:
        sql = self.sql
        mentions: list[tuple[Any, ...]] = []
        entity_rows = []
        for e in doc.entities:
            stage = e.stage or "entities"
            entity_rows.append((doc.id, e.id, e.name, e.type, json.dumps(e.aliases), json.dumps(e.titles),
                                stage, _version(doc, stage)))  # fmt: skip
            mentions += [(doc.id, "entities", e.id, s, t, doc.text[s:t], stage, _version(doc, stage))
                         for s, t in e.mentions]  # fmt: skip
        sql.many(
            "INSERT INTO entities(doc_id, id, name, type, aliases, titles, stage, stage_version) "
            "VALUES (?,?,?,?,?,?,?,?)",
            entity_rows,
        )
        self._insert_mentions(mentions)

    def _insert_facts(self, doc: Document) -> None:
        """The layers a correction may change: quotes, claims, timexes, places (+ mentions), events."""
        sql = self.sql
        mentions: list[tuple[Any, ...]] = []
        quotes = []
        for q in doc.quotes:
            stage = q.stage or "quotes"
            m, cue = q.speaker_mention, q.cue_span
            quotes.append(
                (doc.id, q.id, q.text, q.start, q.end, q.kind, q.cue, cue[0] if cue else None,
                 cue[1] if cue else None, m.start if m else None, m.end if m else None, m.text if m else None,
                 q.speaker, q.speaker_name, stage, _version(doc, stage), q.mode, q.speaker_confidence)
            )  # fmt: skip
        sql.many(
            'INSERT INTO quotes(doc_id, id, text, start, "end", kind, cue, cue_start, cue_end, speaker_start, '
            "speaker_end, speaker_text, speaker, speaker_name, stage, stage_version, mode, speaker_confidence) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            quotes,
        )
        sql.many(
            'INSERT INTO claims(doc_id, id, text, start, "end", value, low, high, qualifier, unit, counted, '
            "count_type, claimant, claimant_name, place, time, stage, stage_version) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (doc.id, k.id, k.text, k.start, k.end, k.value, k.low, k.high, k.qualifier, k.unit, k.counted,
                 k.count_type, k.claimant, k.claimant_name, k.place, k.time, k.stage or "claims",
                 _version(doc, k.stage or "claims"))
                for k in doc.claims
            ],
        )  # fmt: skip
        sql.many(
            'INSERT INTO timexes(doc_id, idx, text, start, "end", type, value, mod, stage, stage_version) '
            "VALUES (?,?,?,?,?,?,?,?,?,?)",
            [
                (doc.id, i, t.text, t.start, t.end, t.type, t.value, t.mod, t.stage or "timexes",
                 _version(doc, t.stage or "timexes"))
                for i, t in enumerate(doc.timexes)
            ],
        )  # fmt: skip
        places = []
        for p in doc.places:
            stage = p.stage or "places"
            places.append(
                (doc.id, p.id, p.name, p.geonames_id, p.lat, p.lon, p.country, p.admin1, p.kind,
                 int(p.adjectival), p.confidence, stage, _version(doc, stage))
            )  # fmt: skip
            mentions += [(doc.id, "places", p.id, s, t, doc.text[s:t], stage, _version(doc, stage))
                         for s, t in p.mentions]  # fmt: skip
        sql.many(
            "INSERT INTO places(doc_id, id, name, geonames_id, lat, lon, country, admin1, kind, adjectival, "
            "confidence, stage, stage_version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            places,
        )
        sql.many(EVENT_INSERT, event_rows(doc, _version(doc, "events")))
        self._insert_mentions(mentions)

    def _error(self, source: str, cause: str, stage: str, doc_id: str | None) -> None:
        self.conn.execute(
            "INSERT INTO errors AS e (source, cause, stage, doc_id, time) VALUES (%s,%s,%s,%s,%s) "
            "ON CONFLICT(source, cause, stage) DO UPDATE SET time = excluded.time, count = e.count + 1, "
            "doc_id = coalesce(excluded.doc_id, e.doc_id)",
            pg_params((source, cause, stage, doc_id, _now())),
        )

    def record_error(self, source: str, cause: str, stage: str, doc_id: str | None = None) -> None:
        with self.conn.transaction():
            self._error(source, cause, stage, doc_id)

    # -- documents ----------------------------------------------------------------------------
    def load(self, doc_id: str) -> Document:
        row = self.conn.execute("SELECT record FROM documents WHERE id = %s", (doc_id,)).fetchone()
        if row is None:
            raise KeyError(doc_id)
        return Document.from_record(json.loads(row[0]))

    def documents(self, query: str | None = None) -> Iterator[Document]:
        """Every document in storage order, or those matching a search query, read page by page."""
        where, params = "", list[Any]()
        if query:
            match = self._tsquery(query)
            if match is None:
                return
            where, params = f"AND fts @@ ({match.match})", list(match.match_params)
        last = -1
        while True:
            batch = self.conn.execute(
                f"SELECT num, record FROM documents WHERE num > %s {where} ORDER BY num LIMIT %s",
                (last, *params, PAGE_ROWS),
            ).fetchall()
            if not batch:
                return
            for last, record in batch:  # noqa: B007 - ``last`` is the next page's start
                yield Document.from_record(json.loads(record))

    def signatures(self, after: int = 0) -> Iterator[SignatureRow]:
        rows = self.conn.execute(
            "SELECT d.num, s.doc_id, s.signature, d.duplicate_of FROM documents d "
            "JOIN signatures s ON s.doc_id = d.id WHERE d.num > %s ORDER BY d.num",
            (after,),
        ).fetchall()
        for num, doc_id, signature, duplicate_of in rows:
            yield SignatureRow(num, doc_id, bytes(signature), duplicate_of)

    def duplicate_roots(self) -> dict[str, str]:
        rows = self.conn.execute("SELECT id, duplicate_of FROM documents WHERE duplicate_of IS NOT NULL")
        return {r[0]: r[1] for r in rows.fetchall()}


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
