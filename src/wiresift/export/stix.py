"""STIX 2.1 bundle of analysed documents, built and validated with the ``stix2`` package.

Mapping: a ``report`` per article (created by an ``identity`` for the outlet), an ``identity`` per
person or organisation, a ``location`` per resolved place, a ``note`` per quote (its ``authors`` is
the speaker's name and its ``object_refs`` point at the report and the speaker's identity), and a
``note`` per numeric claim carrying the claim fields in a property extension defined by
:data:`CLAIM_EXTENSION_ID`, and an ``observed-data`` per coded event (its coding in ``x_wiresift_event``,
observed at the event's date, else the article's) with ``related-to`` relationships from it to the
report, to its source and target identities (each coordinated actor's too) and to its location; its ``object_refs`` are those
relationships (STIX lets observed-data point at SROs), and a ``report`` per story grouping its
articles' reports. Ids are UUIDv5 of the document and item ids, so re-exporting the same
store gives the same ids.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

import stix2

from wiresift.export.stories import StorySource, stix_objects
from wiresift.model import Claim, Document, Entity, Event, Place, Quote

#: Namespace for deterministic STIX ids (uuid5 of "doc-id/item-id").
NAMESPACE = uuid.UUID("6f0f3b4e-2b53-5c1e-9f0a-77a1e5f1c0de")
CLAIM_EXTENSION_ID = "extension-definition--" + str(uuid.uuid5(NAMESPACE, "wiresift-numeric-claim/1"))
#: Fixed so that the extension definition object is byte-identical across exports.
_EPOCH = datetime(2026, 1, 1, tzinfo=UTC)
_IDENTITY_CLASS = {"PERSON": "individual", "ORG": "organization", "NORP": "group"}


def _sid(kind: str, *parts: str) -> str:
    return f"{kind}--{uuid.uuid5(NAMESPACE, '/'.join(parts))}"


def _outlet_id(doc: Document) -> str:
    return _sid("identity", "outlet", doc.site or "unknown outlet")


def _published(doc: Document) -> tuple[datetime, bool]:
    if doc.published:
        try:
            return datetime.fromisoformat(doc.published[:10]).replace(tzinfo=UTC), True
        except ValueError:
            pass
    return _EPOCH, False


def claim_extension(author_ref: str) -> stix2.ExtensionDefinition:
    return stix2.ExtensionDefinition(
        id=CLAIM_EXTENSION_ID,
        created_by_ref=author_ref,
        created=_EPOCH,
        modified=_EPOCH,
        name="wiresift numeric claim",
        description="A count or amount asserted in an article: value, range, qualifier, unit, "
        "what is counted and who claims it, with the character span it came from.",
        schema="https://wiresift.invalid/schema/numeric-claim-1.json",
        version="1.0.0",
        extension_types=["property-extension"],
    )


def _entity_identity(doc: Document, ent: Entity, author_ref: str) -> stix2.Identity:
    props: dict[str, Any] = {}
    if ent.titles:
        props["roles"] = ent.titles
    if ent.aliases:
        props["x_wiresift_aliases"] = ent.aliases
    return stix2.Identity(
        id=_sid("identity", doc.id, ent.id),
        name=ent.name,
        identity_class=_IDENTITY_CLASS.get(ent.type, "unknown"),
        created_by_ref=author_ref,
        allow_custom=True,
        **props,
    )


def _valid_point(lat: float | None, lon: float | None) -> bool:
    """Coordinates STIX accepts: both given, finite and within the globe's ranges."""
    if lat is None or lon is None:
        return False
    return -90 <= lat <= 90 and -180 <= lon <= 180  # False for NaN too


def _location(doc: Document, place: Place, author_ref: str) -> stix2.Location | None:
    props: dict[str, Any] = {}
    if _valid_point(place.lat, place.lon):
        props.update(latitude=place.lat, longitude=place.lon)
    if place.country:
        props["country"] = place.country
    if not props:
        return None  # STIX needs a country or coordinates; unresolved places are left out
    if place.geonames_id:
        props["external_references"] = [{"source_name": "geonames", "external_id": str(place.geonames_id)}]
    return stix2.Location(
        id=_sid("location", doc.id, place.id), name=place.name, created_by_ref=author_ref, **props
    )


def _quote_note(doc: Document, quote: Quote, report_id: str, author_ref: str) -> stix2.Note:
    refs = [report_id]
    if quote.speaker:
        refs.append(_sid("identity", doc.id, quote.speaker))
    return stix2.Note(
        id=_sid("note", doc.id, quote.id),
        abstract=f"{quote.kind} quote by {quote.speaker_name or 'unknown speaker'}",
        content=quote.text,
        authors=[quote.speaker_name] if quote.speaker_name else None,
        object_refs=refs,
        created_by_ref=author_ref,
        x_wiresift_span=[quote.start, quote.end],
        x_wiresift_cue=quote.cue,
        allow_custom=True,
    )


def _claim_note(doc: Document, claim: Claim, report_id: str, author_ref: str) -> stix2.Note:
    fields = {
        k: v
        for k, v in claim.model_dump().items()
        if k
        in {"value", "low", "high", "qualifier", "unit", "counted", "count_type", "claimant_name", "time"}
        and v is not None
    }
    fields.update(extension_type="property-extension", start=claim.start, end=claim.end)
    refs = [report_id]
    if claim.claimant:
        refs.append(_sid("identity", doc.id, claim.claimant))
    return stix2.Note(
        id=_sid("note", doc.id, claim.id),
        abstract=f"numeric claim: {claim.text}",
        content=claim.text,
        object_refs=refs,
        created_by_ref=author_ref,
        extensions={CLAIM_EXTENSION_ID: fields},
    )


def _observed(doc: Document, event: Event) -> datetime:
    """The event's own date ("2021-08" -> its first day) when it happened, else the article's."""
    if event.time and not event.hypothetical:
        t = event.time
        for day in (t[:10], t[:7] + "-01", t[:4] + "-01-01"):
            try:
                return datetime.fromisoformat(day).replace(tzinfo=UTC)
            except ValueError:
                continue
    return _published(doc)[0]


def _event_objects(
    doc: Document, event: Event, report_id: str, author_ref: str, known: set[str]
) -> list[Any]:
    """The observed-data of one event and its relationships (to the report, actors and place)."""
    observed_id = _sid("observed-data", doc.id, event.id)
    ends = [("article", report_id)]
    actors = [("source", event.source), ("target", event.target)]
    # the coordinated actors ("Ruritania and Bree struck"): a relationship each, named by its position
    actors += [(f"source {i}", a) for i, a in enumerate(event.also_sources, 2)]
    actors += [(f"target {i}", a) for i, a in enumerate(event.also_targets, 2)]
    for role, actor in actors:
        ref = _sid("identity", doc.id, actor.entity) if actor is not None and actor.entity else None
        if ref is not None and ref in known:
            ends.append((role, ref))
    place_ref = _sid("location", doc.id, event.place) if event.place else None
    if place_ref is not None and place_ref in known:
        ends.append(("place", place_ref))
    rels = [
        stix2.Relationship(
            id=_sid("relationship", doc.id, event.id, role),
            source_ref=observed_id,
            target_ref=ref,
            relationship_type="related-to",
            description=f"event {role.split()[0]}",  # "source 2": a coordinated source
            created_by_ref=author_ref,
        )
        for role, ref in ends
    ]
    when = _observed(doc, event)
    coding = event.model_dump(exclude={"stage"}, exclude_none=True)
    observed = stix2.ObservedData(
        id=observed_id,
        first_observed=when,
        last_observed=when,
        number_observed=1,
        object_refs=[r.id for r in rels],
        created_by_ref=author_ref,
        x_wiresift_event=coding,
        allow_custom=True,
    )
    return [observed, *rels]


def document_objects(doc: Document) -> list[Any]:
    """The STIX objects of one document, the report last."""
    outlet = doc.site or "unknown outlet"
    author = stix2.Identity(id=_outlet_id(doc), name=outlet, identity_class="organization")
    report_id = _sid("report", doc.id)
    objects: list[Any] = [author]
    known_entities = {e.id for e in doc.entities}
    for ent in doc.entities:
        if ent.type in _IDENTITY_CLASS:
            objects.append(_entity_identity(doc, ent, author.id))
    for place in doc.places:
        loc = _location(doc, place, author.id)
        if loc is not None:
            objects.append(loc)
    for quote in doc.quotes:
        if quote.speaker not in known_entities:
            quote = quote.model_copy(update={"speaker": None})
        objects.append(_quote_note(doc, quote, report_id, author.id))
    for claim in doc.claims:
        if claim.claimant not in known_entities:
            claim = claim.model_copy(update={"claimant": None})
        objects.append(_claim_note(doc, claim, report_id, author.id))
    present = {o.id for o in objects}
    for event in doc.events:
        objects.extend(_event_objects(doc, event, report_id, author.id, present))
    published, known = _published(doc)
    objects.append(
        stix2.Report(
            id=report_id,
            name=doc.title or doc.source or doc.id,
            published=published,
            report_types=["threat-report"] if doc.quotes or doc.claims or doc.events else ["unspecified"],
            description=doc.text[:500] or None,
            object_refs=[o.id for o in objects] or [author.id],
            created_by_ref=author.id,
            external_references=[{"source_name": outlet, "url": doc.url}] if doc.url else None,
            x_wiresift_document_id=doc.id,
            x_wiresift_published_known=known,
            allow_custom=True,
        )
    )
    return objects


def objects(docs: Iterable[Document], stories: StorySource | None = None) -> Iterator[Any]:
    """Every STIX object of the export, one document at a time: wiresift's identity and the claim
    extension first, then each document's objects (an outlet's identity only the first time), then
    a ``report`` per story grouping its exported articles' reports, with a ``note`` per tracked claim
    and quote (:mod:`wiresift.export.stories`)."""
    tool = stix2.Identity(
        id=_sid("identity", "tool", "wiresift"),
        name="wiresift",
        identity_class="system",
        created=_EPOCH,
        modified=_EPOCH,
    )
    yield tool
    yield claim_extension(tool.id)
    outlets: set[str] = set()  # the only objects shared between documents: few, one per outlet
    exported: set[str] = set()
    for doc in docs:
        exported.add(doc.id)
        seen: set[str] = set()
        for obj in document_objects(doc):
            if obj.id in seen or obj.id in outlets:
                continue
            seen.add(obj.id)
            if obj.id == _outlet_id(doc):
                outlets.add(obj.id)
            yield obj
    for detail in stories(exported) if stories is not None else ():
        yield from stix_objects(detail, exported, _sid, tool.id)


def chunks(docs: Iterable[Document], stories: StorySource | None = None) -> Iterator[str]:
    """The bundle as JSON text, one object per line, built and written one document at a time.

    Each object is built (and validated) by ``stix2`` and serialised on its own: serialising a
    whole ``stix2.Bundle`` with ``pretty=True`` looks up every key's position in the whole bundle,
    which made the export quadratic. The bundle id is a UUIDv5 of the object ids in order, so it
    comes last (JSON objects are unordered; ``stix2.parse`` reads it back).
    """
    ids = hashlib.sha256()
    yield '{\n"type": "bundle",\n"objects": [\n'
    sep = ""
    for obj in objects(docs, stories):
        ids.update(obj.id.encode("ascii") + b"\n")
        yield sep + obj.serialize()
        sep = ",\n"
    bundle_id = f"bundle--{uuid.uuid5(NAMESPACE, ids.hexdigest())}"
    yield f'\n],\n"id": "{bundle_id}"\n}}\n'


def dumps(docs: Iterable[Document]) -> str:
    """The whole bundle as one string (for small exports and tests; :func:`chunks` streams)."""
    return "".join(chunks(docs))
