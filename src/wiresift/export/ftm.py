"""FollowTheMoney entities of analysed documents (Aleph / OpenSanctions' data model).

An ``Article`` per document, a ``Person`` / ``Organization`` per entity (titles as ``position``,
aliases as ``alias``), a ``Mention`` tying each to the article, and a ``Note`` per quote (the
speaker as ``entity``, the quoted words as ``description``) and per numeric claim, and an ``Event``
per coded event (its category and trigger as ``name``, the coding as ``summary``, the actors'
entities as ``organizer`` and ``involved``, its place as ``location`` and ``country``). Ids are made
from the document and item ids, so the same store exports the same ids.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from followthemoney import model
from followthemoney.proxy import EntityProxy

from wiresift.model import Document

_SCHEMA = {"PERSON": "Person", "ORG": "Organization"}


def _make(schema: str, *key: str) -> EntityProxy:
    """An entity whose id hashes ``key`` (document id, item kind, item id) as a JSON list.

    ``make_id`` alone concatenates its parts, so ("ab", "c") and ("a", "bc") would collide, and an
    empty item id would give the article's own id (FtM refuses an entity that refers to itself).
    """
    proxy = model.make_entity(schema)
    proxy.make_id("wiresift", json.dumps(list(key), ensure_ascii=False))
    return proxy


def document_entities(doc: Document) -> Iterator[EntityProxy]:
    article = _make("Article", doc.id)
    article.add("title", doc.title)
    article.add("bodyText", doc.text)
    article.add("publishedAt", doc.published)
    article.add("publisher", doc.site)
    article.add("sourceUrl", doc.url)
    article.add("author", doc.authors)
    article.add("language", doc.language)
    article.add("keywords", doc.tags)
    article.add("country", sorted({p.country for p in doc.places if p.country}))
    article.add("locationMentioned", sorted({p.name for p in doc.places}))
    yield article
    linked: dict[str, EntityProxy] = {}
    for ent in doc.entities:
        schema = _SCHEMA.get(ent.type)
        if schema is None:
            continue
        proxy = _make(schema, doc.id, "entity", ent.id)
        proxy.add("name", ent.name)
        proxy.add("alias", [a for a in ent.aliases if a != ent.name])
        if schema == "Person":
            proxy.add("position", ent.titles)
        proxy.add("proof", article.id)
        linked[ent.id] = proxy
        yield proxy
        mention = _make("Mention", doc.id, "mention", ent.id)
        mention.add("name", ent.name)
        mention.add("document", article.id)
        mention.add("resolved", proxy.id)
        mention.add("detectedSchema", schema)
        yield mention
    for quote in doc.quotes:
        note = _make("Note", doc.id, "quote", quote.id)
        note.add("name", f"{quote.speaker_name or 'Unknown speaker'}: {quote.kind} quote")
        note.add("description", quote.text)
        note.add("entity", linked[quote.speaker].id if quote.speaker in linked else article.id)
        note.add("publisher", doc.site)
        note.add("sourceUrl", doc.url)
        yield note
    for claim in doc.claims:
        note = _make("Note", doc.id, "claim", claim.id)
        note.add("name", f"Claim: {claim.text}")
        note.add("summary", json.dumps(claim.model_dump(exclude={"stage"}), sort_keys=True))
        note.add("entity", linked[claim.claimant].id if claim.claimant in linked else article.id)
        note.add("publisher", doc.site)
        yield note
    yield from event_entities(doc, article, linked)


def event_entities(
    doc: Document, article: EntityProxy, linked: dict[str, EntityProxy]
) -> Iterator[EntityProxy]:
    places = {p.id: p for p in doc.places}
    for event in doc.events:
        proxy = _make("Event", doc.id, "event", event.id)
        proxy.add("name", f"{event.plover or event.acled or 'Event'}: {event.text}")
        proxy.add("summary", json.dumps(event.model_dump(exclude={"stage"}), sort_keys=True))
        proxy.add("keywords", [k for k in (event.plover, event.acled, event.cameo) if k])
        if event.time and event.time[:4].isdigit():
            proxy.add("date", event.time[:10])
        place = places.get(event.place or "")
        if place is not None:
            proxy.add("location", place.name)
            proxy.add("country", place.country)
        # every actor of each role, the coordinated ones after the first ("Ruritania and Bree struck")
        sources = [event.source, *event.also_sources]
        targets = [event.target, *event.also_targets]
        for prop, actor in [("organizer", a) for a in sources] + [("involved", a) for a in targets]:
            if actor is not None and actor.entity in linked:
                proxy.add(prop, linked[actor.entity].id)
            elif actor is not None:
                proxy.add("namesMentioned", actor.text)
        proxy.add("proof", article.id)
        proxy.add("sourceUrl", doc.url)
        yield proxy


def to_dicts(docs: Iterable[Document]) -> Iterator[dict[str, Any]]:
    for doc in docs:
        for proxy in document_entities(doc):
            yield proxy.to_dict()


def chunks(docs: Iterable[Document]) -> Iterator[str]:
    """Line-delimited FtM JSON, the format ``ftm`` and Aleph import, one entity per line."""
    for row in to_dicts(docs):
        yield json.dumps(row, sort_keys=True) + "\n"


def dumps(docs: Iterable[Document]) -> str:
    return "".join(chunks(docs))
