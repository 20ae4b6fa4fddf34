"""Analysts' corrections applied to one document: the pure part, no SQL.

The store applies the active corrections of a document to the analysis the pipeline made (kept
in ``analysed_records``) and stores the result as *the* document: its layer rows and its JSON
record. Every reader — lists, pages, the map and timeline, every export — therefore sees the
corrected view without knowing about corrections, and a new analysis of the document gets the
same corrections applied before it is stored (docs/corrections.md).

A correction finds its item by span first (``[start, end)`` of the quote, claim or place mention
it was made on): a re-analysis may number the items differently, but the text never changes, so
the same span is the same item. Without a span match it falls back to the item id.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeVar

from wiresift.model import Claim, Document, Entity, Place, Quote
from wiresift.store.base import CorrectionRow

_Item = TypeVar("_Item", Quote, Claim, Place)


def item_span(item: Quote | Claim | Place) -> tuple[int, int] | None:
    """The span a correction remembers: a quote's or claim's own, a place's first mention."""
    if isinstance(item, Place):
        return (item.mentions[0][0], item.mentions[0][1]) if item.mentions else None
    return item.start, item.end


def find_item(items: Sequence[_Item], correction: CorrectionRow) -> _Item | None:
    """The item ``correction`` was made on: same span (any mention of a place), else same id."""
    if correction.start is not None and correction.end is not None:
        span = (correction.start, correction.end)
        for item in items:
            spans = [tuple(m) for m in item.mentions] if isinstance(item, Place) else [item_span(item)]
            if span in spans:
                return item
    return next((item for item in items if item.id == correction.item_id), None)


#: Entity ids of speakers named by an analyst (``x`` and the correction id): the pipeline numbers
#: its entities ``e1``, ``e2``..., so the two never collide.
ANALYST_ENTITY = "x{}"


def _speaker(doc: Document, correction: CorrectionRow) -> tuple[str | None, str]:
    """The document entity id and the name a reassignment names (id kept only if it still names it).

    A typed name that no entity of the document has becomes an entity of the document without
    mentions (id ``x<correction id>``): the store resolves it like any other, so the quote joins
    the canonical entity of that name (or starts one) and shows on its page.
    """
    payload = correction.payload
    name = str(payload.get("speaker_name") or "").strip()
    wanted = payload.get("speaker")
    by_id = next((e for e in doc.entities if e.id == wanted), None)
    if by_id is not None and (not name or by_id.name == name):
        return by_id.id, by_id.name
    by_name = next((e for e in doc.entities if e.name.casefold() == name.casefold()), None)
    if by_name is not None:
        return by_name.id, by_name.name
    if not name:
        return None, name
    typed = Entity(
        id=ANALYST_ENTITY.format(correction.id), name=name, type=str(payload.get("type") or "PERSON")
    )
    doc.entities.append(typed)
    return typed.id, name


def apply_to_document(doc: Document, corrections: Iterable[CorrectionRow]) -> Document:
    """A copy of ``doc`` with the active layer corrections applied, oldest first.

    Rejected quotes, claims and places are removed (claims and events lose a rejected place); a
    reassigned quote gets the new speaker (an entity of the document, added for a typed name), its
    ``speaker_mention`` cleared (the analyst named the speaker, not a span) and
    ``speaker_confidence`` 1.0. A correction whose item is gone is skipped.
    """
    fixed = doc.model_copy(deep=True)
    for c in sorted(corrections, key=lambda c: c.id):
        if not c.active:
            continue
        if c.kind == "reject_quote" and (quote := find_item(fixed.quotes, c)) is not None:
            fixed.quotes = [q for q in fixed.quotes if q is not quote]
        elif c.kind == "reassign_speaker" and (quote := find_item(fixed.quotes, c)) is not None:
            speaker, name = _speaker(fixed, c)
            quote.speaker, quote.speaker_name = speaker, name or None
            quote.speaker_mention, quote.speaker_confidence = None, 1.0
        elif c.kind == "reject_claim" and (claim := find_item(fixed.claims, c)) is not None:
            fixed.claims = [k for k in fixed.claims if k is not claim]
        elif c.kind == "reject_place" and (place := find_item(fixed.places, c)) is not None:
            fixed.places = [p for p in fixed.places if p is not place]
            for claim in fixed.claims:
                claim.place = None if claim.place == place.id else claim.place
            for event in fixed.events:
                event.place = None if event.place == place.id else event.place
    return fixed
