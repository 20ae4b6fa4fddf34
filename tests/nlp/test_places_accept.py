"""The small-town pin check (issue 12): which pins it looks at, its model, and what the stage does with a
doubtful pin. Invented examples."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from spacy.language import Language

from wiresift.nlp.places import accept, stage
from wiresift.nlp.places.accept import FEATURES, PinModel, load_model
from wiresift.nlp.places.stage import geoparse_doc, resolve_doc


def test_shipped_model_matches_the_features() -> None:
    model = load_model()
    assert model is not None
    assert len(model.weights) == len(FEATURES)
    assert 0.0 < model.threshold < 1.0


def test_only_small_towns_are_checked(nlp: Language) -> None:
    sdoc = nlp("Germans voted in Berlin while officials in Alliance, Ohio, counted ballots for Mexico.")
    found = resolve_doc(sdoc)
    rows = {m.text: r for m, r in zip(found.mentions, found.features(sdoc), strict=True)}
    # a country, a province, a big city and a demonym are never checked
    assert rows["Berlin"] is None and rows["Ohio"] is None and rows["Mexico"] is None
    assert rows["Germans"] is None
    row = rows["Alliance"]
    assert row is not None and len(row) == len(FEATURES)
    assert row[FEATURES.index("log_population")] < 1.0  # log10(people) / 5: a town under 100,000


def test_keep_follows_the_threshold() -> None:
    model = PinModel(weights=(1.0, -1.0), bias=0.0, threshold=0.5)
    assert model.keep([None, [2.0, 0.0], [0.0, 2.0]]) == [True, True, False]
    assert model.probability([0.0, 0.0]) == pytest.approx(0.5)


@pytest.fixture
def doubting_model(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A model that doubts every pin it checks."""
    monkeypatch.setattr(stage, "load_pin_model", lambda: PinModel((0.0,) * len(FEATURES), -50.0, 0.5))
    yield


@pytest.mark.usefixtures("doubting_model")
def test_a_doubted_pin_stays_a_place_name_without_coordinates(nlp: Language) -> None:
    text = "Officials in Alliance, Ohio, reopened the water plant."
    places = {text[s:e]: p for p in geoparse_doc(nlp(text)) for s, e in p.mentions}
    assert places["Alliance"].lat is None and places["Alliance"].id == "unresolved:Alliance"
    assert places["Ohio"].lat is not None  # a province is not checked


def test_the_shipped_check_drops_a_common_word_read_as_a_faraway_village(nlp: Language) -> None:
    text = "Rents are rising in the Valley, and small shops in the Valley say Denver buyers drive them."
    pins = {text[s:e]: p.country for p in geoparse_doc(nlp(text)) if p.lat is not None for s, e in p.mentions}
    assert "Valley" not in pins, pins  # not The Valley, Anguilla
    assert pins.get("Denver") == "US"


def test_model_with_other_features_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "w.json"
    path.write_text('{"features": ["x"], "weights": [1.0], "bias": 0.0, "threshold": 0.5}', encoding="utf-8")
    with pytest.raises(ValueError, match="features differ"):
        accept.load_model.__wrapped__(path)
