"""Gate: the places layer on GeoWebNews stays above the floors in eval/gates/geo.json; the shipped
small-town pin check is what ``training/train_pin_accept.py`` makes from GeoWebNews."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import gate
import score_geo


@pytest.mark.eval
def test_geo_gate(eval_dir: Path) -> None:
    scores = score_geo.run(eval_dir)
    assert scores["articles"] == 200 and scores["oracle_n"] == 2401
    assert gate.check("geo", scores) == []


@pytest.mark.eval
def test_shipped_pin_check_is_reproducible(eval_dir: Path) -> None:
    pytest.importorskip("sklearn", reason="scikit-learn (dev extra) retrains the pin check")
    import train_pin_accept
    from wiresift.nlp.places.accept import WEIGHTS_PATH

    shipped = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    # the articles are parsed once per session (score_geo.parsed), shared with the gate above
    data = train_pin_accept.train(eval_dir, log=False)
    assert data["features"] == shipped["features"], "features changed: run `make train-pins`"
    assert data["fingerprint"] == shipped["fingerprint"], (
        "the pin check no longer reproduces: `make train-pins`"
    )
