"""The learned attribution check of the quotes stage (``quotes/accept.py``): its features, its cuts, the
extra patterns it admits, and what the stage does with a rejected candidate. Invented sentences only."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from quotes_support import by_cue, quotes_of

from wiresift.model import Document
from wiresift.nlp.pipeline import Context, Pipeline, make_stage
from wiresift.nlp.quotes import accept
from wiresift.nlp.quotes.accept import AcceptModel, features, shipped
from wiresift.nlp.quotes.cues import PATTERNS
from wiresift.nlp.quotes.stage import candidates

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from wiresift.nlp.quotes.common import Found


def proposed(nlp: Language, text: str) -> tuple[Doc, list[Found]]:
    sdoc = nlp(text)
    doc = Document(text=text)
    ctx = Context(parse=nlp)
    make_stage("entities")(doc, sdoc, ctx)
    return sdoc, candidates(doc, sdoc, ctx.data.get("entities"), nlp)


def model(**changes: Any) -> AcceptModel:
    data: dict[str, Any] = {
        "weights": {},
        "length_weight": 0.0,
        "vector_weights": [],
        "bias": 0.0,
        "threshold": 0.4,
        "extra_threshold": 0.6,
    }
    data.update(changes)
    return AcceptModel(data)


def test_shipped_model_is_whole() -> None:
    m = shipped()
    assert m is not None
    assert 0.0 <= m.threshold <= m.extra_threshold <= 1.01
    assert m.weights and len(m.vector) == 300  # en_core_web_md's vectors
    for group, patterns in PATTERNS.items():
        assert patterns <= m.patterns[group]  # the check adds patterns, it never drops the learned ones


def test_features_of_a_clausal_report(nlp: Language) -> None:
    sdoc, found = proposed(nlp, "The regulator cautioned that power prices would rise sharply next winter.")
    (f,) = found
    names = features(f, sdoc)
    for name in ("kind=indirect", "lemma=caution", "comp=ccomp", "that_clause", "speaker=noun", "dep=ROOT"):
        assert name in names, names
    assert "negated" not in names and "cue_after" not in names


def test_a_feature_weight_moves_the_verdict(nlp: Language) -> None:
    text = "The carmaker, which has talked about electric vans since its recall, opened a plant in Ohio."
    sdoc, found = proposed(nlp, text)
    f = next(f for f in found if f.cue_text == "talked")
    assert "speaker=relative" in features(f, sdoc) and "dep=relcl" in features(f, sdoc)
    assert model().probability(f, sdoc, text) == pytest.approx(0.5)
    assert model().accepts(f, sdoc, text)
    assert not model(weights={"dep=relcl": -2.0}).accepts(f, sdoc, text)  # sigmoid(-2) < 0.4


def test_an_extra_pattern_must_clear_its_own_cut(nlp: Language) -> None:
    text = "Councillor Tom Baker toasted the new library at its opening on Saturday."
    sdoc, found = proposed(nlp, text)
    assert not [f for f in found if f.cue_text == "toasted"]  # not a pattern the rules know
    extra = {"pers": ["toast:dobj"]}
    patterns = model(patterns=extra).patterns
    assert "toast:dobj" in patterns["pers"] and PATTERNS["pers"] <= patterns["pers"]
    doc = Document(text=text)
    ctx = Context(parse=nlp)
    make_stage("entities")(doc, sdoc, ctx)
    (f,) = [
        f for f in candidates(doc, sdoc, ctx.data.get("entities"), nlp, patterns) if f.cue_text == "toasted"
    ]
    assert f.learned
    assert not model(patterns=extra).accepts(f, sdoc, text)  # 0.5 < the extra cut 0.6
    assert model(patterns=extra, extra_threshold=0.5).accepts(f, sdoc, text)


def test_stage_drops_what_the_check_rejects(pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Mayor Ana Ruiz said the bridge would reopen in May."
    assert by_cue(quotes_of(pipeline, text), "said").speaker_mention is not None
    monkeypatch.setattr(accept, "shipped", lambda: model(bias=-5.0))
    monkeypatch.setattr("wiresift.nlp.quotes.stage.shipped", lambda: model(bias=-5.0))
    assert quotes_of(pipeline, text) == []


def test_withheld_speech_behind_a_curly_negation(pipeline: Pipeline) -> None:
    # the parse hangs "n’t" on the auxiliary: still a negated verb before an indirect question
    text = "The tram board didn’t estimate how many riders used the new line on its first day."
    assert quotes_of(pipeline, text) == []
    text = "The transit agency estimated that 40,000 riders used the new line on its first day."
    assert by_cue(quotes_of(pipeline, text), "estimated").mode == "statement"
