"""Gate: the ACLED-style types on wiresift's own invented dev snippets (``eval/acled/dev.tsv``), the
scorer's arithmetic, and the shipped typer weights are what ``training/train_acled.py`` makes."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import gate
import score_acled

REPO = Path(__file__).resolve().parents[2]
NEGATIVE = REPO / "eval" / "acled" / "dev_negative.tsv"
#: Share of the negative dev snippets left without an ACLED-style type (measured 0.85).
NEGATIVE_FLOOR = 0.8


def test_weighted_f1_weighs_categories_by_gold_count() -> None:
    pairs = [("A", "A"), ("A", "A"), ("A", "B"), ("B", "B")]
    scores = score_acled.score(pairs)
    # F1(A) = 2*2/(2*2+0+1) = 0.8, F1(B) = 2*1/(2*1+1+0) = 2/3; weights 3/4 and 1/4.
    assert scores["weighted_f1"] == pytest.approx(round(0.75 * 0.8 + 0.25 * 2 / 3, 4))
    assert scores["accuracy"] == 0.75


def test_dev_and_train_snippets_are_apart() -> None:
    dev = {t for _, t in score_acled.load(score_acled.DEV)}
    sys.path.insert(0, str(REPO / "training"))
    import train_acled

    train = train_acled.load()
    negative = {t for _, t in score_acled.load(NEGATIVE)}
    assert not (dev | negative) & {t for _, t in train}
    for rows in (list(dev), train):
        assert len(rows) >= 240
    # the typer's "not a conflict event" class is learned from negative snippets of both files
    assert {c for c, _ in train} == {c for c, _ in score_acled.load(score_acled.DEV)} | {"None"}
    assert {c for c, _ in score_acled.load(NEGATIVE)} == {None}


def test_negative_snippets_stay_untyped(nlp: object) -> None:
    """Sentences with conflict words but no conflict event ("striker", "price war") get no type."""
    rows = score_acled.load(NEGATIVE)
    predicted = score_acled.predict([t for _, t in rows])
    assert sum(p is None for p in predicted) / len(rows) >= NEGATIVE_FLOOR, predicted


def test_acled_gate(nlp: object) -> None:
    rows = score_acled.load(score_acled.DEV)
    predicted = score_acled.predict([t for _, t in rows])
    scores = score_acled.score([(g, p) for (g, _), p in zip(rows, predicted, strict=True)])
    assert gate.check("acled", scores) == [], scores


def test_shipped_acled_weights_are_reproducible(nlp: object) -> None:
    pytest.importorskip("sklearn", reason="scikit-learn (dev extra) retrains the model")
    sys.path.insert(0, str(REPO / "training"))
    import train_acled
    from wiresift.nlp.events.acled_model import WEIGHTS_PATH

    shipped = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    data = train_acled.train((shipped["c"], shipped["threshold"]))
    assert data["train_sha256"] == shipped["train_sha256"], "snippets changed: run `make train-acled`"
    assert data["fingerprint"] == shipped["fingerprint"]
