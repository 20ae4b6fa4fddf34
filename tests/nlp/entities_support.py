"""Shared by the entities test modules: run a pipeline on one text and return its checked document's
persons by name."""

from __future__ import annotations

from wiresift.model import Document, Entity
from wiresift.nlp.pipeline import Pipeline


def people(pipeline: Pipeline, text: str) -> dict[str, Entity]:
    doc = pipeline(Document(text=text))
    assert doc.errors == [] and doc.check_spans() == []
    return {e.name: e for e in doc.entities if e.type == "PERSON"}
