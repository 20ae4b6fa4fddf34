"""The documents, their layer rows, signatures, errors and state: written and read the same way by
both stores, through the ``?`` adapter (:mod:`.sql`).

The columns and values of every layer row come from the declared fields (:mod:`wiresift.layers`).
``save`` writes the document, every layer row and its MinHash signature, and resolves its entities
across documents, in one write transaction (the backend's ``_transaction``): a crash leaves either
the whole document or nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

from wiresift.identity import Resolver
from wiresift.layers import DOCUMENTS, insert_sql
from wiresift.model import Document
from wiresift.store.base import ErrorRow, PlaceRow, SaveResult, SignatureRow, StoreError
from wiresift.store.corrections import CorrectionsMixin
from wiresift.store.rows import insert_entities, insert_facts
from wiresift.store.sql import Sql

#: Records read per query when streaming documents: bounded memory, few round trips.
PAGE_ROWS = 200


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class DocumentRows(CorrectionsMixin):
    """Documents in and out, shared by both stores (a mixin: it needs ``sql`` and ``_transaction``).

    A document stored again after its corrections were recorded gets them back (``_corrected``).
    """

    sql: Sql
    resolver: Resolver

    # -- state --------------------------------------------------------------------------------
    def get_state(self, key: str) -> object | None:
        """A JSON value saved by :meth:`set_state`, or None."""
        row = self.sql.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def set_state(self, key: str, value: object) -> None:
        self.sql.run(
            "INSERT INTO state(key, value, updated) VALUES (?, ?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated = excluded.updated",
            (key, json.dumps(value, sort_keys=True), _now()),
        )

    # -- writes -------------------------------------------------------------------------------
    def find_hash(self, content_hash: str) -> str | None:
        row = self.sql.execute("SELECT id FROM documents WHERE content_hash = ?", (content_hash,)).fetchone()
        return row[0] if row else None

    def free_id(self, doc: Document) -> str:
        """The document's id, or ``id~hash8`` when another text already holds that id."""
        taken = self.sql.execute("SELECT 1 FROM documents WHERE id = ?", (doc.id,)).fetchone()
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
        with self._transaction():
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
        row = self.sql.execute(
            f"{insert_sql(DOCUMENTS)} ON CONFLICT DO NOTHING RETURNING num", DOCUMENTS.row(doc, doc, 0)
        ).fetchone()
        if row is None:  # cannot happen under the writer lock; refuse rather than store a half
            raise StoreError(f"{doc.source or doc.id}: document {doc.id!r} was stored by another writer")
        insert_entities(self.sql, doc)
        insert_facts(self.sql, doc)
        for line in doc.errors:
            stage, _, cause = line.partition(": ")
            self._error(doc.source or doc.id, cause or line, stage if cause else "nlp", doc.id)
        if signature is not None:
            self.sql.run("INSERT INTO signatures(doc_id, signature) VALUES (?, ?)", (doc.id, signature))

    def _error(self, source: str, cause: str, stage: str, doc_id: str | None) -> None:
        self.sql.run(
            "INSERT INTO errors AS e (source, cause, stage, doc_id, time) VALUES (?,?,?,?,?) "
            "ON CONFLICT(source, cause, stage) DO UPDATE SET time = excluded.time, count = e.count + 1, "
            "doc_id = coalesce(excluded.doc_id, e.doc_id)",
            (source, cause, stage, doc_id, _now()),
        )

    # -- reads --------------------------------------------------------------------------------
    def load(self, doc_id: str) -> Document:
        row = self.sql.execute("SELECT record FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise KeyError(doc_id)
        return Document.from_record(json.loads(row[0]))

    def _records(self, where: str = "", params: tuple[object, ...] = ()) -> Iterator[Document]:
        """Every document (``AND``-ed with ``where``) in storage order, read page by page."""
        last = -1
        while True:
            batch = self.sql.rows(
                f"SELECT num, record FROM documents WHERE num > ? {where} ORDER BY num LIMIT ?",
                (last, *params, PAGE_ROWS),
            )
            if not batch:
                return
            for last, record in batch:  # noqa: B007 - ``last`` is the next page's start
                yield Document.from_record(json.loads(record))

    def _numbered(self, nums: list[int]) -> Iterator[Document]:
        """The documents at the given storage positions (ascending), read page by page."""
        for i in range(0, len(nums), PAGE_ROWS):
            page = nums[i : i + PAGE_ROWS]
            marks = ",".join("?" * len(page))
            for (record,) in self.sql.rows(
                f"SELECT record FROM documents WHERE num IN ({marks}) ORDER BY num", page
            ):
                yield Document.from_record(json.loads(record))

    def signatures(self, after: int = 0) -> Iterator[SignatureRow]:
        """Near-duplicate signatures of the documents stored after position ``after``, oldest first."""
        rows = self.sql.rows(
            "SELECT d.num, s.doc_id, s.signature, d.duplicate_of FROM documents d "
            "JOIN signatures s ON s.doc_id = d.id WHERE d.num > ? ORDER BY d.num",
            (after,),
        )
        for num, doc_id, signature, duplicate_of in rows:
            yield SignatureRow(num, doc_id, bytes(signature), duplicate_of)

    def duplicate_roots(self) -> dict[str, str]:
        """Document id -> the id it is a near-duplicate of."""
        rows = self.sql.rows("SELECT id, duplicate_of FROM documents WHERE duplicate_of IS NOT NULL")
        return {r[0]: r[1] for r in rows}

    def errors(self, limit: int = 100) -> list[ErrorRow]:
        rows = self.sql.rows(
            "SELECT source, cause, stage, doc_id, time, count FROM errors ORDER BY time DESC, id DESC LIMIT ?",
            (limit,),
        )
        return [ErrorRow(*r) for r in rows]

    def places(self, country: str | None = None, limit: int = 100) -> list[PlaceRow]:
        """Places across articles (grouped by GeoNames id, else by name), most articles first; a group's
        name, coordinates and codes are its smallest (the same on both backends)."""
        where, params = "", list[Any]()
        if country:
            where, params = "WHERE p.country = ?", [country.upper()]
        rows = self.sql.rows(
            "SELECT min(p.name) AS name, p.geonames_id, min(p.lat), min(p.lon), min(p.country), "
            "min(p.admin1), min(p.kind), count(DISTINCT p.doc_id), "
            f"{self.sql.dialect.id_list.format('p.doc_id')}, "
            "(SELECT count(*) FROM mentions m JOIN places o ON m.doc_id = o.doc_id AND m.item_id = o.id "
            " WHERE m.layer = 'places' AND (CASE WHEN p.geonames_id IS NOT NULL THEN o.geonames_id = p.geonames_id "
            " ELSE o.geonames_id IS NULL AND lower(o.name) = min(lower(p.name)) END)) "
            f"FROM places p {where} "
            "GROUP BY coalesce(CAST(p.geonames_id AS TEXT), 'name:' || lower(p.name)), p.geonames_id "
            "ORDER BY 8 DESC, 1 LIMIT ?",
            (*params, limit),
        )
        return [
            PlaceRow(
                name=r[0], geonames_id=r[1], lat=r[2], lon=r[3], country=r[4], admin1=r[5], kind=r[6],
                articles=int(r[7]), mentions=int(r[9]), doc_ids=sorted(r[8].split(",")) if r[8] else [],
            )
            for r in rows
        ]  # fmt: skip
