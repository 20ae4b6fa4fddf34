"""Gate: the places layer on GeoWebNews stays above the floors in eval/gates/geo.json."""

from __future__ import annotations

from pathlib import Path

import pytest

import gate
import score_geo


@pytest.mark.eval
def test_geo_gate(eval_dir: Path) -> None:
    scores = score_geo.run(eval_dir)
    assert scores["articles"] == 200 and scores["oracle_n"] == 2401
    assert gate.check("geo", scores) == []
