"""Analysts' corrections: reject a quote, claim or place, give a quote to another speaker, merge and
split entities — each recorded with who, when and why, applied over every later analysis and
export, and undoable (docs/corrections.md).

:mod:`wiresift.api` re-exports these functions; the CLI (``wiresift correct``, ``wiresift
corrections``) and the workbench (``/corrections``, ``/api/corrections``) are thin over them.
"""

from __future__ import annotations

import getpass
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from wiresift.model import Document
from wiresift.store.base import CORRECTION_KINDS, CorrectionRow, Store, StoreError

if TYPE_CHECKING:
    from wiresift.nlp.pipeline import Pipeline

__all__ = [
    "CORRECTION_KINDS",
    "CorrectionRow",
    "correct",
    "corrections",
    "default_who",
    "merge_entities",
    "reanalyze",
    "reassign_speaker",
    "reject_claim",
    "reject_place",
    "reject_quote",
    "split_entity",
    "undo_correction",
]

#: Layers whose items a document keeps after a re-analysis is cleared for the pipeline to refill.
_LAYERS = ("entities", "quotes", "claims", "timexes", "places", "events", "stages", "errors")


def default_who() -> str:
    """Who a correction made from this process is by when nobody says: the login name."""
    try:
        return getpass.getuser() or "unknown"
    except Exception:  # no login name (a container without passwd entry)
        return "unknown"


def correct(
    store: Store,
    kind: str,
    *,
    who: str | None = None,
    why: str = "",
    doc_id: str | None = None,
    item_id: str | None = None,
    canonical_ids: Sequence[int] = (),
    payload: dict[str, Any] | None = None,
) -> CorrectionRow:
    """Record and apply one correction of any kind (:data:`CORRECTION_KINDS`)."""
    return store.add_correction(
        kind, who=who or default_who(), why=why, doc_id=doc_id, item_id=item_id,
        canonical_ids=canonical_ids, payload=payload,
    )  # fmt: skip


def reject_quote(
    store: Store, doc_id: str, quote_id: str, *, who: str | None = None, why: str = ""
) -> CorrectionRow:
    """The quote is no quote (or not one worth keeping): it disappears from every view and export."""
    return correct(store, "reject_quote", who=who, why=why, doc_id=doc_id, item_id=quote_id)


def reassign_speaker(
    store: Store,
    doc_id: str,
    quote_id: str,
    *,
    speaker: str | None = None,
    speaker_name: str | None = None,
    who: str | None = None,
    why: str = "",
) -> CorrectionRow:
    """Give the quote to ``speaker`` (an entity id of the document) or to a person named ``speaker_name``."""
    payload = {"speaker": speaker, "speaker_name": speaker_name}
    return correct(
        store, "reassign_speaker", who=who, why=why, doc_id=doc_id, item_id=quote_id, payload=payload
    )


def reject_claim(
    store: Store, doc_id: str, claim_id: str, *, who: str | None = None, why: str = ""
) -> CorrectionRow:
    return correct(store, "reject_claim", who=who, why=why, doc_id=doc_id, item_id=claim_id)


def reject_place(
    store: Store, doc_id: str, place_id: str, *, who: str | None = None, why: str = ""
) -> CorrectionRow:
    """The place is wrong (a misread name, a wrong gazetteer match): claims and events lose it too."""
    return correct(store, "reject_place", who=who, why=why, doc_id=doc_id, item_id=place_id)


def merge_entities(store: Store, ids: Sequence[int], *, who: str | None = None, why: str = "") -> int:
    """Fold the canonical entities ``ids`` into the first, as a recorded correction; returns its id."""
    row = correct(store, "merge_entities", who=who, why=why, canonical_ids=list(ids))
    return int(row.payload["into"])


def split_entity(
    store: Store, canonical_id: int, members: Iterable[str], *, who: str | None = None, why: str = ""
) -> int:
    """Move members (``DOC_ID:ENTITY_ID``, or a name or alias: every member so named) to a new entity,
    as a recorded correction; returns the new entity's id."""
    profile = store.entity(str(canonical_id))
    if profile is None or profile.id != canonical_id:
        raise StoreError(f"no entity with id {canonical_id}")
    chosen: list[list[str]] = []
    for ref in members:
        doc_id, sep, ent_id = ref.rpartition(":")
        if sep and any(m.doc_id == doc_id and m.entity_id == ent_id for m in profile.members):
            chosen.append([doc_id, ent_id])
            continue
        wanted = ref.casefold()
        named = [
            [m.doc_id, m.entity_id]
            for m in profile.members
            if m.name.casefold() == wanted or any(a.casefold() == wanted for a in m.aliases)
        ]
        if not named:
            raise StoreError(f"entity {canonical_id} has no member {ref!r} (use DOC_ID:ENTITY_ID or a name)")
        chosen += named
    row = correct(
        store, "split_entity", who=who, why=why, canonical_ids=[canonical_id], payload={"members": chosen}
    )
    return int(row.payload["new_id"])


def corrections(
    store: Store, doc_id: str | None = None, active: bool | None = None, limit: int = 500
) -> list[CorrectionRow]:
    """Recorded corrections, newest first (of one document; only active or only undone ones)."""
    return store.corrections(doc_id=doc_id, active=active, limit=limit)


def undo_correction(store: Store, correction_id: int, *, who: str | None = None) -> CorrectionRow:
    """Undo one correction: what it removed comes back, what it moved goes back."""
    return store.undo_correction(correction_id, who or default_who())


def reanalyze(
    store: Store,
    doc_ids: Iterable[str] | None = None,
    *,
    pipeline: Pipeline | None = None,
    model: str | None = None,
) -> int:
    """Analyse stored documents again (all, or ``doc_ids``) and store the new layers, with every
    correction applied again and entities resolved again; returns how many were re-analysed."""
    from wiresift.batch import BATCH_SIZE, analyse, build_pipeline

    ids = list(doc_ids) if doc_ids is not None else [doc.id for doc in store.documents()]
    for doc_id in ids if doc_ids is not None else ():
        _stored(store, doc_id)  # a wrong id is an error before the model loads
    pipeline = pipeline or build_pipeline(model)
    cleared = {name: _empty(name) for name in _LAYERS}
    done = 0
    for at in range(0, len(ids), BATCH_SIZE):
        docs = [
            _stored(store, doc_id).model_copy(update=cleared, deep=True)
            for doc_id in ids[at : at + BATCH_SIZE]
        ]
        analyse(pipeline, docs)
        for doc in docs:
            store.replace_analysis(doc)
            done += 1
    return done


def _stored(store: Store, doc_id: str) -> Document:
    try:
        return store.load(doc_id)
    except KeyError:
        raise StoreError(
            f"no document with id {doc_id!r} to re-analyse: `wiresift search` lists ids"
        ) from None


def _empty(layer: str) -> Any:
    return {} if layer == "stages" else []
