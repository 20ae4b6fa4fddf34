"""Gate: coreference of persons and organisations on GUM test; the metrics on hand-made clusters; the
shipped weights are what ``training/train_coref.py`` makes from the data."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

import gate
import score_coref
from score_coref import b_cubed, ceaf_e, muc

KEY = [frozenset("abc"), frozenset("de")]


def test_perfect_response_scores_one() -> None:
    for metric in (muc, b_cubed, ceaf_e):
        assert metric(KEY, KEY) == pytest.approx((1.0, 1.0, 1.0))


def test_metrics_on_a_worked_example() -> None:
    response = [frozenset("ab"), frozenset("cde")]
    # MUC: key links 2 + 1, response splits {a,b,c} once -> recall 2/3; response links 1 + 2, key
    # splits {c,d,e} once -> precision 2/3.
    assert muc(KEY, response)[:2] == pytest.approx((2 / 3, 2 / 3))
    # B³ recall: a,b 2/3 each, c 1/3, d,e 2/2 each -> (2/3+2/3+1/3+1+1)/5; precision a,b 1, c 1/3, d,e 2/3.
    assert b_cubed(KEY, response)[:2] == pytest.approx(((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5, (11 / 3) / 5))
    # CEAF-e: {a,b,c}~{a,b} 4/5, {d,e}~{c,d,e} 4/5 -> 1.6 over 2 on both sides.
    assert ceaf_e(KEY, response) == pytest.approx((0.8, 0.8, 0.8))


def test_missing_mentions_count_against_recall_only() -> None:
    response = [frozenset("ab")]
    p, r, _ = muc(KEY, response)
    assert p == 1.0 and r == pytest.approx(1 / 3)
    p, r, _ = b_cubed(KEY, response)
    assert p == 1.0 and r == pytest.approx((2 / 3 + 2 / 3) / 5)


@pytest.mark.eval
def test_coref_gate(eval_dir: Path) -> None:
    scores = score_coref.evaluate(eval_dir, "test")
    assert scores["n_docs"] == 4
    assert gate.check("coref", scores) == [], scores


@pytest.mark.eval
def test_shipped_weights_are_reproducible(eval_dir: Path) -> None:
    pytest.importorskip("sklearn", reason="scikit-learn (dev extra) retrains the model")
    import train_coref
    from wiresift.nlp.entities.coref_model import WEIGHTS_PATH

    shipped = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    started = time.perf_counter()
    data = train_coref.train(eval_dir / "coref", log=False)
    # about 25 s on an idle machine (parse, leave-one-document-out over 39 documents); room for a busy one
    assert time.perf_counter() - started < 150
    assert data["train_sha256"] == shipped["train_sha256"], "GUM train changed: run `make train-coref`"
    assert data["dev_sha256"] == shipped["dev_sha256"], "GUM dev changed: run `make train-coref`"
    assert data["fingerprint"] == shipped["fingerprint"]
