"""Texts longer than one parse: analysed in paragraph-aligned parts joined back into one Doc."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wiresift.model import Document
from wiresift.nlp.pipeline import Pipeline, split_text

PARAGRAPHS = [
    "Mayor Ana Ruiz said on Tuesday that 40 families had left the flooded district of Porto Alegre.",
    "\u201cWe will rebuild every street,\u201d Ruiz told reporters at the town hall.",
    "The regional water authority reported that about 1,200 homes were still without power.",
    "Relief convoys from Lima are expected to arrive next week, according to the Red Cross.",
]


@pytest.fixture(scope="module")
def pipeline(nlp) -> Pipeline:  # type: ignore[no-untyped-def]
    return Pipeline()


@given(st.text(alphabet=st.sampled_from("ab .\n"), max_size=400), st.integers(min_value=4, max_value=60))
def test_parts_join_back_and_stay_small(text: str, size: int) -> None:
    parts = split_text(text, size)
    assert "".join(parts) == text
    assert all(len(p) <= size for p in parts)
    assert all(parts) or parts == [""]  # an empty text is one empty part


def test_parts_end_after_a_paragraph_break() -> None:
    text = "\n\n".join(PARAGRAPHS * 3)
    parts = split_text(text, 300)
    assert len(parts) > 1
    assert all(p.endswith("\n\n") for p in parts[:-1])


def test_a_long_text_is_analysed_whole_with_exact_spans(pipeline: Pipeline) -> None:
    text = "\n\n".join(PARAGRAPHS * 6)
    whole = pipeline(Document(id="w", text=text))
    chunked = Pipeline(chunk_chars=500)(Document(id="c", text=text))
    assert not chunked.errors
    for layer in ("quotes", "claims", "timexes"):
        items = getattr(chunked, layer)
        assert items, layer
        assert all(text[i.start : i.end] == i.text for i in items)
        assert [(i.start, i.end) for i in items] == [(i.start, i.end) for i in getattr(whole, layer)]
    assert {q.speaker_name for q in chunked.quotes if q.kind == "direct"} == {"Ana Ruiz"}
    assert {p.name for p in chunked.places} == {p.name for p in whole.places}
