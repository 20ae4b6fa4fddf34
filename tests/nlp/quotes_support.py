"""Shared by the quotes test modules: run a pipeline on one text and return its checked quotes."""

from __future__ import annotations

from wiresift.model import Document, Quote
from wiresift.nlp.pipeline import Pipeline


def quotes_of(pipeline: Pipeline, text: str) -> list[Quote]:
    doc = pipeline(Document(text=text))
    assert doc.errors == [] and doc.check_spans() == []
    return doc.quotes
