"""The layer rows of a document, written from the declared fields (:mod:`wiresift.layers`) through the
``?`` adapter: one statement per table, the same on both stores."""

from __future__ import annotations

from wiresift.layers import ENTITIES, FACTS, MENTIONS, Layer, insert_sql, mentions_of
from wiresift.model import Document
from wiresift.store.sql import Sql


def insert_rows(sql: Sql, layer: Layer, rows: list[tuple[object, ...]]) -> None:
    if rows:
        sql.many(insert_sql(layer), rows)


def insert_entities(sql: Sql, doc: Document) -> None:
    """The document's entities and their mentions."""
    insert_rows(sql, ENTITIES, ENTITIES.rows(doc))
    insert_rows(sql, MENTIONS, list(mentions_of(doc, "entities")))


def insert_facts(sql: Sql, doc: Document) -> None:
    """The layers a correction may change: quotes, claims, timexes, places, events, then the places'
    mentions."""
    for layer in FACTS:
        insert_rows(sql, layer, layer.rows(doc))
    insert_rows(sql, MENTIONS, list(mentions_of(doc, "places")))
