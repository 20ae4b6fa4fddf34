"""Analysts' corrections in either store (SQL through :mod:`.sql`): recorded, applied to the stored rows, undoable.

A correction is written in the same transaction as its effect: the document's layer rows and JSON
record are rebuilt from the analysis the pipeline made (``analysed_records``) with every active
correction of the document applied (:func:`~wiresift.store.correcting.apply_to_document`). Readers
never look at corrections: what is stored *is* the corrected view. An undo stamps ``undone_at`` and
rebuilds the same way, so the item comes back exactly as the pipeline made it.

Entity corrections (merge, split) move members between canonical records with the resolver, and
record which ``(doc_id, entity_id)`` members went where: when a document's entities are resolved
again (:meth:`replace_analysis`), those members are pinned back to the record the analyst chose.

All SQL here is plain and runs through the shared ``?`` adapter, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from wiresift.identity import Resolver
from wiresift.layers import FACTS
from wiresift.model import Document
from wiresift.store.base import CORRECTION_KINDS, ITEM_KINDS, CorrectionRow, StoreError
from wiresift.store.correcting import apply_to_document, item_span
from wiresift.store.rows import insert_entities, insert_facts
from wiresift.store.sql import Sql

#: Longest ``who`` and ``why`` kept: a name and a sentence or two, not a document.
MAX_WHO, MAX_WHY = 200, 2000
_COLUMNS = (
    "id, kind, doc_id, item_id, item_start, item_end, canonical_ids, payload, who, made_at, why, "
    "undone_at, undone_by"
)
_LAYER_NAMES = {"quotes": "quote", "claims": "claim", "places": "place"}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _row(r: Sequence[Any]) -> CorrectionRow:
    return CorrectionRow(
        id=r[0], kind=r[1], doc_id=r[2], item_id=r[3], start=r[4], end=r[5],
        canonical_ids=json.loads(r[6]), payload=json.loads(r[7]), who=r[8], made_at=r[9], why=r[10],
        undone_at=r[11], undone_by=r[12],
    )  # fmt: skip


def _text(value: str, limit: int, what: str) -> str:
    value = " ".join(value.split())
    if len(value) > limit:
        raise StoreError(f"{what} is {len(value)} characters long: at most {limit}")
    return value


class CorrectionsMixin:
    """The correction methods of :class:`~wiresift.store.sqlite.SQLiteStore` (needs its writers)."""

    sql: Sql
    resolver: Resolver

    def _transaction(self) -> Any:
        raise NotImplementedError

    # -- reads ------------------------------------------------------------------------------
    def corrections(
        self, doc_id: str | None = None, active: bool | None = None, limit: int = 500
    ) -> list[CorrectionRow]:
        """Corrections, newest first; of one document, and only active (or only undone) ones if asked."""
        where, params = ["1 = 1"], list[Any]()
        if doc_id is not None:
            where.append("doc_id = ?")
            params.append(doc_id)
        if active is not None:
            where.append("undone_at IS NULL" if active else "undone_at IS NOT NULL")
        rows = self.sql.execute(
            f"SELECT {_COLUMNS} FROM corrections WHERE {' AND '.join(where)} ORDER BY id DESC LIMIT ?",
            (*params, limit),
        )
        return [_row(r) for r in rows.fetchall()]

    def _correction(self, correction_id: int) -> CorrectionRow:
        r = self.sql.execute(f"SELECT {_COLUMNS} FROM corrections WHERE id = ?", (correction_id,)).fetchone()
        if r is None:
            raise StoreError(f"no correction with id {correction_id}: `wiresift corrections` lists them")
        return _row(r)

    def _active_for(self, doc_id: str) -> list[CorrectionRow]:
        rows = self.sql.execute(
            f"SELECT {_COLUMNS} FROM corrections WHERE doc_id = ? AND undone_at IS NULL ORDER BY id",
            (doc_id,),
        )
        return [_row(r) for r in rows.fetchall()]

    # -- writes -----------------------------------------------------------------------------
    def add_correction(
        self,
        kind: str,
        *,
        who: str,
        why: str = "",
        doc_id: str | None = None,
        item_id: str | None = None,
        canonical_ids: Sequence[int] = (),
        payload: dict[str, Any] | None = None,
    ) -> CorrectionRow:
        """Record one correction and apply it, in one transaction; returns the stored row."""
        if kind not in CORRECTION_KINDS:
            raise StoreError(f"unknown correction kind {kind!r}: one of {', '.join(CORRECTION_KINDS)}")
        who, why = _text(who, MAX_WHO, "who"), _text(why, MAX_WHY, "why")
        if not who:
            raise StoreError("a correction needs who makes it")
        payload = dict(payload or {})
        with self._transaction():
            try:
                if kind in ITEM_KINDS:
                    span, payload = self._check_item(kind, doc_id, item_id, payload)
                    new_id = self._record(kind, who, why, doc_id, item_id, span, [], payload)
                    assert doc_id is not None
                    self._materialise(doc_id)
                elif kind == "merge_entities":
                    ids, payload = self._merge(list(canonical_ids))
                    new_id = self._record(kind, who, why, None, None, None, ids, payload)
                else:
                    ids, payload = self._split(list(canonical_ids), payload)
                    new_id = self._record(kind, who, why, None, None, None, ids, payload)
            except ValueError as exc:
                raise StoreError(str(exc)) from exc
            return self._correction(new_id)

    def _record(
        self,
        kind: str,
        who: str,
        why: str,
        doc_id: str | None,
        item_id: str | None,
        span: tuple[int, int] | None,
        ids: list[int],
        payload: dict[str, Any],
    ) -> int:
        cur = self.sql.execute(
            "INSERT INTO corrections(kind, doc_id, item_id, item_start, item_end, canonical_ids, payload, "
            "who, made_at, why) VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING id",
            (kind, doc_id, item_id, span[0] if span else None, span[1] if span else None, json.dumps(ids),
             json.dumps(payload, ensure_ascii=False, sort_keys=True), who, _now(), why),
        )  # fmt: skip
        row = cur.fetchone()
        assert row is not None
        return int(row[0])

    def _check_item(
        self, kind: str, doc_id: str | None, item_id: str | None, payload: dict[str, Any]
    ) -> tuple[tuple[int, int] | None, dict[str, Any]]:
        """The span of the item a layer correction targets, and its checked payload."""
        layer = ITEM_KINDS[kind]
        if not doc_id or not item_id:
            raise StoreError(f"{kind} needs the document id and the {_LAYER_NAMES[layer]} id")
        row = self.sql.execute("SELECT record FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise StoreError(f"no document with id {doc_id!r}")
        doc = Document.from_record(json.loads(row[0]))
        items: list[Any] = getattr(doc, layer)
        item = next((i for i in items if i.id == item_id), None)
        if item is None:
            raise StoreError(
                f"document {doc_id!r} has no {_LAYER_NAMES[layer]} {item_id!r} (or it is rejected)"
            )
        # What the item said when it was corrected, for the audit list (the text itself never changes).
        shown = {"text": item.name if layer == "places" else item.text}
        if kind != "reassign_speaker":
            return item_span(item), shown
        speaker = payload.get("speaker") or None
        name = str(payload.get("speaker_name") or "").strip()
        if speaker is not None:
            entity = next((e for e in doc.entities if e.id == speaker), None)
            if entity is None:
                raise StoreError(f"document {doc_id!r} has no entity {speaker!r} to give the quote to")
            name = entity.name
        name = _text(name, MAX_WHO, "speaker_name")
        if not name:
            raise StoreError("reassign_speaker needs a speaker (an entity id of the document) or a name")
        extra = {"type": self._type_named(name)} if speaker is None else {}
        return item_span(item), {
            **shown, **extra, "speaker": speaker, "speaker_name": name, "was": item.speaker_name,
        }  # fmt: skip

    def _type_named(self, name: str) -> str:
        """The type of the canonical entity called exactly ``name`` (a typed speaker), else PERSON."""
        for cid in self.resolver.lookup(name)[:5]:
            found, type_ = self.resolver._require(cid)
            if found.casefold() == name.casefold():
                return type_
        return "PERSON"

    def _materialise(self, doc_id: str) -> None:
        """Rebuild the document's corrigible rows and record from its analysis plus its corrections."""
        raw = self.sql.execute("SELECT record FROM analysed_records WHERE doc_id = ?", (doc_id,)).fetchone()
        if raw is None:
            raw = self.sql.execute("SELECT record FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if raw is None:
                return  # corrections of a document not (or no longer) stored wait for it
            self.sql.execute("INSERT INTO analysed_records(doc_id, record) VALUES (?, ?)", (doc_id, raw[0]))
        active = self._active_for(doc_id)
        fixed = apply_to_document(Document.from_record(json.loads(raw[0])), active)
        self._delete_facts(doc_id)
        self._sync_entities(fixed)
        insert_facts(self.sql, fixed)
        record = json.dumps(fixed.to_record(), ensure_ascii=False)
        self.sql.execute("UPDATE documents SET record = ? WHERE id = ?", (record, doc_id))
        if not active:  # back to what the pipeline made: nothing to keep apart
            self.sql.execute("DELETE FROM analysed_records WHERE doc_id = ?", (doc_id,))

    def _sync_entities(self, fixed: Document) -> None:
        """Store and resolve the speakers corrections added to the document; drop those no longer named."""
        stored = {
            r[0] for r in self.sql.execute("SELECT id FROM entities WHERE doc_id = ?", (fixed.id,)).fetchall()
        }
        wanted = {e.id for e in fixed.entities}
        gone = sorted(stored - wanted)
        if gone:
            marks = ",".join("?" * len(gone))
            where = f"doc_id = ? AND id IN ({marks})"
            owners = self.sql.execute(f"SELECT canonical_id FROM entities WHERE {where}", (fixed.id, *gone))
            touched = {r[0] for r in owners.fetchall() if r[0] is not None}
            self.sql.execute(f"DELETE FROM entities WHERE {where}", (fixed.id, *gone))
            self._tidy(touched)
        added = [e for e in fixed.entities if e.id not in stored]
        if added:
            new = fixed.model_copy(update={"entities": added})
            insert_entities(self.sql, new)
            self.resolver.resolve_document(new)

    def _delete_facts(self, doc_id: str) -> None:
        for layer in FACTS:
            self.sql.execute(f"DELETE FROM {layer.table} WHERE doc_id = ?", (doc_id,))
        self.sql.execute("DELETE FROM mentions WHERE doc_id = ? AND layer = 'places'", (doc_id,))

    def _members(self, canonical_id: int) -> list[list[str]]:
        rows = self.sql.execute(
            "SELECT doc_id, id FROM entities WHERE canonical_id = ? ORDER BY doc_id, id", (canonical_id,)
        )
        return [[d, e] for d, e in rows.fetchall()]

    def _merge(self, ids: list[int]) -> tuple[list[int], dict[str, Any]]:
        ids = list(dict.fromkeys(ids))
        if len(ids) < 2:
            raise StoreError("merge_entities needs at least two different entity ids")
        for cid in ids:
            self.resolver._require(cid)
        moved = {str(cid): self._members(cid) for cid in ids[1:]}
        into = self.resolver.merge(ids)
        return ids, {"into": into, "members": moved}

    def _split(self, ids: list[int], payload: dict[str, Any]) -> tuple[list[int], dict[str, Any]]:
        if len(ids) != 1:
            raise StoreError("split_entity needs exactly one entity id")
        members = [(str(m[0]), str(m[1])) for m in payload.get("members") or []]
        new = self.resolver.split(ids[0], members)
        return [ids[0], new], {"members": self._members(new), "new_id": new}

    def undo_correction(self, correction_id: int, who: str) -> CorrectionRow:
        """Undo one correction (its row stays, stamped ``undone_at``/``undone_by``)."""
        who = _text(who, MAX_WHO, "who")
        if not who:
            raise StoreError("an undo needs who makes it")
        with self._transaction():
            c = self._correction(correction_id)
            if not c.active:
                raise StoreError(f"correction {c.id} was already undone at {c.undone_at} by {c.undone_by}")
            self.sql.execute(
                "UPDATE corrections SET undone_at = ?, undone_by = ? WHERE id = ?", (_now(), who, c.id)
            )
            try:
                if c.doc_id is not None:
                    self._materialise(c.doc_id)
                elif c.kind == "merge_entities":
                    self._unmerge(c)
                elif c.kind == "split_entity":
                    self._unsplit(c)
            except ValueError as exc:
                raise StoreError(f"cannot undo correction {c.id}: {exc}") from exc
            return self._correction(c.id)

    def _unmerge(self, c: CorrectionRow) -> None:
        """Move each merged-away record's members that are still in the merged record to a new record."""
        into = int(c.payload["into"])
        for members in c.payload["members"].values():
            here = {tuple(m) for m in self._members(into)}
            back = [(str(d), str(e)) for d, e in members if (d, e) in here]
            if back:
                self.resolver.split(into, back)

    def _unsplit(self, c: CorrectionRow) -> None:
        original, new = c.canonical_ids
        if self._exists(new):
            self.resolver.merge([original, new] if self._exists(original) else [new])

    def _exists(self, canonical_id: int) -> bool:
        row = self.sql.execute("SELECT 1 FROM canonical_entities WHERE id = ?", (canonical_id,)).fetchone()
        return row is not None

    def merge_entities(self, ids: Sequence[int]) -> int:
        """Fold the records ``ids`` into the first, unrecorded (``wiresift.corrections`` records it)."""
        if len(ids) < 2:
            raise StoreError("merge needs at least two entity ids")
        with self._transaction():
            try:
                return self.resolver.merge(ids)
            except ValueError as exc:
                raise StoreError(str(exc)) from exc

    def split_entity(self, canonical_id: int, members: Iterable[tuple[str, str]]) -> int:
        """Move members to a new record, unrecorded (``wiresift.corrections`` records it)."""
        with self._transaction():
            try:
                return self.resolver.split(canonical_id, list(members))
            except ValueError as exc:
                raise StoreError(str(exc)) from exc

    # -- new analyses -----------------------------------------------------------------------
    def _corrected(self, doc: Document) -> tuple[Document, str | None]:
        """``doc`` with its stored corrections applied, and its uncorrected record when any applies."""
        active = self._active_for(doc.id)
        if not active:
            return doc, None
        return apply_to_document(doc, active), json.dumps(doc.to_record(), ensure_ascii=False)

    def _pin_members(self, doc_id: str) -> None:
        """Put the document's entities back where active merges and splits put them, newest last."""
        # The payload LIKE only narrows the scan to merges and splits naming the document's id.
        rows = self.sql.execute(
            f"SELECT {_COLUMNS} FROM corrections WHERE doc_id IS NULL AND undone_at IS NULL "
            "AND payload LIKE ? ORDER BY id",
            (f"%{json.dumps(doc_id, ensure_ascii=False)}%",),
        )
        pins: dict[tuple[str, str], int] = {}
        for c in map(_row, rows.fetchall()):
            if c.kind == "merge_entities":
                for members in c.payload["members"].values():
                    pins.update({(d, e): int(c.payload["into"]) for d, e in members if d == doc_id})
            elif c.kind == "split_entity":
                pins.update(
                    {(d, e): int(c.payload["new_id"]) for d, e in c.payload["members"] if d == doc_id}
                )
        touched: set[int] = set()
        for (d, e), target in pins.items():
            now = self.sql.execute(
                "SELECT canonical_id FROM entities WHERE doc_id = ? AND id = ?", (d, e)
            ).fetchone()
            if now is None or now[0] == target or not self._exists(target):
                continue
            self.sql.execute(
                "UPDATE entities SET canonical_id = ? WHERE doc_id = ? AND id = ?", (target, d, e)
            )
            touched |= {target} | ({now[0]} if now[0] is not None else set())
        self._tidy(touched)

    def _tidy(self, canonical_ids: set[int]) -> None:
        """Rebuild records whose members changed; drop those left without any."""
        for cid in sorted(canonical_ids):
            if not self._exists(cid):
                continue
            if self.sql.execute("SELECT 1 FROM entities WHERE canonical_id = ?", (cid,)).fetchone():
                self.resolver.rebuild(cid)
            else:
                self.sql.execute("DELETE FROM canonical_entities WHERE id = ?", (cid,))

    def replace_analysis(self, doc: Document) -> None:
        """Store a new analysis of a stored document (same text): its corrections applied again.

        Every layer row of the document is replaced, its entities are resolved again (merged and
        split members pinned back), and canonical records that lost their last member are dropped.
        """
        doc.finalize()
        row = self.sql.execute("SELECT content_hash FROM documents WHERE id = ?", (doc.id,)).fetchone()
        if row is None:
            raise StoreError(f"no document with id {doc.id!r} to re-analyse")
        if row[0] != doc.content_hash:
            raise StoreError(
                f"document {doc.id!r}: the new analysis is of another text (the text never changes)"
            )
        with self._transaction():
            old = {
                r[0]
                for r in self.sql.execute(
                    "SELECT DISTINCT canonical_id FROM entities WHERE doc_id = ? AND canonical_id IS NOT NULL",
                    (doc.id,),
                ).fetchall()
            }
            self._delete_facts(doc.id)
            for table in ("mentions", "entities", "analysed_records"):
                self.sql.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc.id,))
            fixed, raw = self._corrected(doc)
            if raw is not None:
                self.sql.execute("INSERT INTO analysed_records(doc_id, record) VALUES (?, ?)", (doc.id, raw))
            record = json.dumps(fixed.to_record(), ensure_ascii=False)
            self.sql.execute("UPDATE documents SET record = ? WHERE id = ?", (record, doc.id))
            insert_entities(self.sql, fixed)
            insert_facts(self.sql, fixed)
            self.resolver.resolve_document(fixed)
            self._pin_members(doc.id)
            self._tidy(old)
