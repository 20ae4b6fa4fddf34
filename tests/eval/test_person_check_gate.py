"""Gate: the shipped PERSON-check weights are what ``training/train_person_check.py`` makes from GUM."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest


@pytest.mark.eval
def test_shipped_person_check_reproducible(eval_dir: Path) -> None:
    pytest.importorskip("sklearn", reason="scikit-learn (dev extra) retrains the model")
    import train_person_check
    from wiresift.nlp.entities.person_check import WEIGHTS_PATH

    shipped = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    started = time.perf_counter()
    data = train_person_check.train(eval_dir / "coref", log=False)
    assert time.perf_counter() - started < 90
    assert data["train_sha256"] == shipped["train_sha256"], "GUM train changed: run `make train-person-check`"
    assert data["fingerprint"] == shipped["fingerprint"], "features changed: run `make train-person-check`"
