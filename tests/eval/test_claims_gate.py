"""Gate: the claims layer on the project's claims gold stays above eval/gates/claims.json.

Dev (AQUAINT + PolNeAR, used to write the rules) and held-out (TimeBank, never tuned on) both count.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import gate
import score_claims

#: Issue 4's goals: the floors may never sink below these.
GOALS = {"value_counted_f1": 0.85, "qualifier_accuracy": 0.90, "claimant_accuracy": 0.80}
#: The gold's counted thing follows issue 12's reading (eval/gold/README.md), which asks more of
#: shares and amounts; issue 12's goal for it is 0.80, the held-out floor's lower bound since then.
HELDOUT_GOALS = {**GOALS, "value_counted_f1": 0.80}


def test_floors_respect_goals() -> None:
    floors = gate.load("claims")
    for metric, goal in GOALS.items():
        assert floors[metric] >= goal, metric
        assert floors[f"heldout_{metric}"] >= HELDOUT_GOALS[metric], metric


def test_gold_is_offsets_only() -> None:
    gold = score_claims.load_gold()
    assert len(gold) >= 250
    for g in gold:
        assert g.start < g.end and (g.value is not None or (g.low is not None and g.high is not None))
        assert g.counted is None or len(g.counted.split()) <= 3


@pytest.mark.eval
def test_claims_gate(eval_dir: Path) -> None:
    scores, _ = score_claims.evaluate(eval_dir)
    assert scores["gold"] + scores["heldout_gold"] == len(score_claims.load_gold())
    assert gate.check("claims", scores) == []
