"""The events stage's per-document memo (:mod:`wiresift.nlp.events.memo`) and the document cache's
look-up: kept answers are the answers, and a record handed out is the caller's own."""

from __future__ import annotations

import contextlib

import pytest

from wiresift.model import Document
from wiresift.nlp import doccache
from wiresift.nlp.events import memo, stage
from wiresift.nlp.events.actors import resolve
from wiresift.nlp.events.roles import verb_roles
from wiresift.nlp.pipeline import Pipeline

TEXT = (
    "Marines from Vostrana shelled the port of Kelmar on Tuesday, the defence ministry said.\n\n"
    "The governor of the province condemned the attack and said her officials would meet the envoy."
)


def test_per_document_computes_once_while_a_document_is_coded(nlp) -> None:  # type: ignore[no-untyped-def]
    calls: list[int] = []

    @memo.per_document
    def index_of(tok):  # type: ignore[no-untyped-def]
        calls.append(tok.i)
        return [tok.i]

    sdoc = nlp(TEXT)
    assert index_of(sdoc[2]) == index_of(sdoc[2]) and len(calls) == 2  # no memo open: computed each time
    with memo.document():
        first = index_of(sdoc[2])
        assert index_of(sdoc[2]) is first and index_of(sdoc[3]) == [3]
        assert calls == [2, 2, 2, 3]
    index_of(sdoc[2])
    assert calls == [2, 2, 2, 3, 2]  # the memo ended with its document


def test_resolve_hands_out_a_copy_the_caller_may_change(nlp) -> None:  # type: ignore[no-untyped-def]
    sdoc = nlp(TEXT)
    source, _ = verb_roles(next(t for t in sdoc if t.lemma_ == "shell"))
    assert source is not None and source.text == "Marines"
    plain = resolve(source, None, "2023-05-02")
    with memo.document():
        kept = resolve(source, None, "2023-05-02")
        assert kept == plain
        kept.code = "XYZ"  # the stage lends a possessor's code to an actor record it was given
        again = resolve(source, None, "2023-05-02")
        assert again == plain and again is not kept


def test_events_are_the_same_with_and_without_the_memo(monkeypatch: pytest.MonkeyPatch) -> None:
    pipeline = Pipeline()
    with_memo = pipeline(Document(text=TEXT, published="2023-05-02"))
    monkeypatch.setattr(stage.memo, "document", contextlib.nullcontext)
    without = pipeline(Document(text=TEXT, published="2023-05-02"))
    assert with_memo.events and [e.model_dump() for e in with_memo.events] == [
        e.model_dump() for e in without.events
    ]


def test_doccache_of_tells_documents_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    a, b = nlp("Rebels seized the bridge."), nlp("Police arrested two smugglers.")
    cache_a = doccache.of(a)
    assert doccache.of(b) is not cache_a and doccache.of(b).doc is b
    assert doccache.of(a) is cache_a and doccache.of(a).lemmas[1] == "seize"
