"""Shared by the events test modules: run a pipeline on one text and return its checked document with
its events by trigger text, or the types of the events a trigger word starts; an event's place name."""

from __future__ import annotations

from wiresift.model import Document, Event
from wiresift.nlp.pipeline import Pipeline


def coded(pipeline: Pipeline, text: str) -> tuple[Document, dict[str, Event]]:
    doc = pipeline(Document(text=text, published="2023-05-02"))
    assert doc.errors == [] and doc.check_spans() == []
    return doc, {e.text: e for e in doc.events}


def place_name(doc: Document, event: Event) -> str | None:
    return next((p.name for p in doc.places if p.id == event.place), None)


def text_of(actor: object) -> str | None:
    """The text of an event's source or target, None when it has none."""
    return getattr(actor, "text", None)


def types(pipeline: Pipeline, text: str, trigger: str) -> list[str | None]:
    """The PLOVER types of the events whose trigger text starts with ``trigger``."""
    doc = pipeline(Document(text=text, published="2023-05-02"))
    assert doc.errors == [], text
    return [e.plover for e in doc.events if e.text.lower().startswith(trigger)]
