"""The learned PERSON check on invented paragraphs: its features, what it drops, whom it never drops."""

from __future__ import annotations

import pytest

from wiresift.model import Document
from wiresift.nlp.entities import person_check
from wiresift.nlp.entities.person_check import FEATURES, features, load_weights, probability
from wiresift.nlp.entities.stage import build

TEXT = (
    "Mayor Ada Quillby said the budget was fair. Jon Parrish told reporters he would vote for it. "
    "Fans of Zorbex filled the hall, and the Zorbex console sold out."
)


@pytest.fixture(scope="module")
def sdoc(nlp):  # type: ignore[no-untyped-def]
    return nlp(TEXT)


def _persons(sdoc, check: bool) -> dict[str, list[float]]:  # type: ignore[no-untyped-def]
    index = build(Document(text=TEXT), sdoc, check=check)
    return {e.name: features(e, sdoc) for e in index.entities.values() if e.type == "PERSON"}


def test_features_describe_shape_and_context(sdoc) -> None:  # type: ignore[no-untyped-def]
    index = build(Document(text=TEXT), sdoc, check=False)
    by_name = {e.name: e for e in index.entities.values() if e.type == "PERSON"}
    parrish = dict(zip(FEATURES, features(by_name["Jon Parrish"], sdoc), strict=True))
    assert (
        parrish["one_word"] == 0.0 and parrish["reporting_subject"] == 1.0 and parrish["known_given"] == 1.0
    )
    assert parrish["log_mentions"] > 0


def test_a_rejecting_model_never_drops_the_titled_or_a_speaker(sdoc, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(person_check, "load_weights", lambda: ([0.0] * len(FEATURES), -10.0, 0.5))
    kept = _persons(sdoc, check=True)
    assert "Jon Parrish" in kept  # subject of "told"
    assert any("Quillby" in name for name in kept)  # titled "Mayor"
    index = build(Document(text=TEXT), sdoc, check=True)
    ids = set(index.entities)
    assert all(eid in ids for _, _, eid in index.mentions)  # no mention left pointing at a dropped entity


def test_shipped_weights_load_and_score() -> None:
    weights = load_weights()
    assert weights is not None, "person_check_weights.json missing or built for other features"
    coef, intercept, threshold = weights
    assert len(coef) == len(FEATURES) and 0 < threshold < 1
    assert 0.0 <= probability([0.0] * len(FEATURES), coef, intercept) <= 1.0
