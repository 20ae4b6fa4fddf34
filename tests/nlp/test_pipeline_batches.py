"""How the pipeline batches its parses: side texts in the documents' batch, long texts not cutting it,
documents yielded in input order and only once analysed."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc

from wiresift.model import Document
from wiresift.nlp.pipeline import Context, Pipeline
from wiresift.nlp.quotes.headline import headline_side_texts

SHORT = [f"Officials in Town {i} said the bridge would reopen on Monday." for i in range(5)]
LONG = "\n\n".join(["The harbour authority said the ferries would run again after the storm."] * 12)


class Recorder:
    """A stage that parses one side text per document and notes what it saw."""

    name = "recorder"
    version = "1"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.side_docs: list[Doc] = []

    @staticmethod
    def side_text(doc: Document) -> str:
        return f"Side note on: {doc.text[:20]}"

    def side_texts(self, doc: Document) -> list[str]:
        return [self.side_text(doc)]

    def __call__(self, doc: Document, sdoc: Doc, ctx: Context) -> None:
        assert ctx.parse is not None
        self.seen.append(doc.text)
        self.side_docs.append(ctx.parse(self.side_text(doc)))


class CountingModel:
    """The model, counting its one-text calls and its ``pipe`` calls."""

    def __init__(self, nlp: Any) -> None:
        self.real = nlp
        self.calls: list[str] = []
        self.pipes: list[list[str]] = []

    def __call__(self, text: str) -> Doc:
        self.calls.append(text)
        doc: Doc = self.real(text)
        return doc

    def pipe(self, items: Any, **kwargs: Any) -> Any:
        items = list(items)
        self.pipes.append([i[0] if isinstance(i, tuple) else i for i in items])
        return self.real.pipe(items, **kwargs)


@pytest.fixture
def counted(nlp, monkeypatch: pytest.MonkeyPatch) -> tuple[Pipeline, Recorder, CountingModel]:  # type: ignore[no-untyped-def]
    model = CountingModel(nlp)
    monkeypatch.setattr(Pipeline, "nlp", property(lambda self: model))
    pipeline = Pipeline(stages=(), chunk_chars=200)
    recorder = Recorder()
    pipeline.stages.append(recorder)
    return pipeline, recorder, model


def test_side_texts_are_parsed_in_the_documents_batch(counted) -> None:  # type: ignore[no-untyped-def]
    pipeline, recorder, model = counted
    docs = [Document(text=t) for t in SHORT]
    assert [d.text for d in pipeline.run(docs)] == SHORT
    assert model.calls == []  # no text parsed one by one
    assert len(model.pipes) == 1 and len(model.pipes[0]) == 2 * len(SHORT)
    assert [d.text for d in recorder.side_docs] == [Recorder.side_text(d) for d in docs]


def test_a_long_text_neither_cuts_the_batch_nor_changes_the_order(counted) -> None:  # type: ignore[no-untyped-def]
    pipeline, recorder, model = counted
    texts = [*SHORT[:2], LONG, *SHORT[2:]]
    out = list(pipeline.run([Document(text=t) for t in texts]))
    assert [d.text for d in out] == texts == recorder.seen
    assert all(d.stages == {"recorder": "1"} for d in out)
    short_pipes = [p for p in model.pipes if SHORT[0] in p]
    assert len(short_pipes) == 1 and set(SHORT) <= set(short_pipes[0])  # one batch for all short ones
    assert model.calls == [Recorder.side_text(Document(text=LONG))]  # the long one's side text: on demand


def test_a_side_text_parsed_ahead_is_handed_out_once(counted) -> None:  # type: ignore[no-untyped-def]
    pipeline, recorder, model = counted
    doc = Document(text=SHORT[0])
    side = Recorder.side_text(doc)
    ahead = model.real(side)
    pipeline.apply(doc, model.real(doc.text), {side: ahead})
    pipeline.apply(doc, model.real(doc.text), {})
    assert recorder.side_docs[0] is ahead and recorder.side_docs[1] is not ahead
    assert model.calls == [side]


def test_when_parsing_fails_only_analysed_documents_were_yielded(counted) -> None:  # type: ignore[no-untyped-def]
    pipeline, recorder, _model = counted
    texts = [SHORT[0], LONG, SHORT[1]]

    def choke(doc: Document) -> Document:
        raise ValueError("the parser choked")

    pipeline._run_long = choke  # type: ignore[method-assign]
    got: list[Document] = []
    with pytest.raises(ValueError):
        for doc in pipeline.run([Document(text=t) for t in texts]):
            got.append(doc)
    assert [d.text for d in got] == [SHORT[0]] == recorder.seen  # the one after the long text: not yet


def test_headline_side_text_is_the_recased_headline() -> None:
    text = "Mayor Vows To Rebuild Flooded Harbour Town\n\nThe mayor of Harbour Town said on Monday ..."
    [side] = headline_side_texts(text)
    assert side == "Mayor vows to rebuild flooded Harbour Town"  # the body writes the town's name so
    assert len(side) == text.index("\n")
    assert headline_side_texts("a plain lead sentence with no headline line") == []
