"""Shared by the quotes test modules: run a pipeline on one text and return its checked quotes; a
quote's local speaker; the one quote of a cue."""

from __future__ import annotations

from wiresift.model import Document, Quote
from wiresift.nlp.pipeline import Pipeline


def quotes_of(pipeline: Pipeline, text: str) -> list[Quote]:
    doc = pipeline(Document(text=text))
    assert doc.errors == [] and doc.check_spans() == []
    return doc.quotes


def speaker(q: Quote) -> str | None:
    return q.speaker_mention.text if q.speaker_mention is not None else None


def by_cue(quotes: list[Quote], cue: str) -> Quote:
    found = [q for q in quotes if q.cue == cue]
    assert len(found) == 1, [(q.cue, q.text) for q in quotes]
    return found[0]
