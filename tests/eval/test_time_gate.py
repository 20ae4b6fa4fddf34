"""Gate: the timexes layer on TimeBank + AQUAINT (TempEval-3) stays above eval/gates/time.json."""

from __future__ import annotations

from pathlib import Path

import pytest

import gate
import score_time


@pytest.mark.eval
def test_time_gate(eval_dir: Path) -> None:
    scores, _ = score_time.evaluate(eval_dir / "time")
    assert scores["gold"] == 1822
    assert gate.check("time", scores) == []
