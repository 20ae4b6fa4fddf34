"""Gate: same-story decisions on the team's real-page pairs (``eval/gold/stories/extraction_pairs.jsonl``),
plus the scorer's rules on invented values (``eval/score_story_pairs.py`` documents them)."""

from __future__ import annotations

from pathlib import Path

import pytest

import gate
import score_story_pairs


def test_rates() -> None:
    scores = score_story_pairs.rates([True, True, False, False], [True, False, True, False])
    assert scores == {"pairs": 4, "accuracy": 0.5, "precision": 0.5, "recall": 0.5}
    assert score_story_pairs.rates([False], [False])["precision"] == 0.0  # nothing called the same story


def test_best_threshold_is_the_lowest_of_the_best_cuts() -> None:
    assert score_story_pairs.best_threshold([0.1, 0.4, 0.6, 0.9], [False, False, True, True]) == 0.6
    assert score_story_pairs.best_threshold([0.2, 0.2], [True, True]) == 0.2


def test_split_is_fixed_and_halves() -> None:
    pairs = [{"a": f"page{i}", "b": f"page{i + 1}"} for i in range(10)]
    halves = score_story_pairs.split_of(pairs)
    assert halves == list(reversed(score_story_pairs.split_of(list(reversed(pairs)))))
    assert halves.count("tune") == 5


def test_gold_names_pages_by_id_only() -> None:
    pairs = score_story_pairs.load_gold()
    assert len(pairs) >= 60
    assert {tuple(sorted(p)) for p in pairs} == {("a", "b", "pick", "same_story")}
    assert all(len(p["a"]) == 64 and len(p["b"]) == 64 for p in pairs)
    assert 0.3 < sum(p["same_story"] for p in pairs) / len(pairs) < 0.7


@pytest.mark.eval
def test_story_pairs_gate(eval_dir: Path) -> None:
    scores = score_story_pairs.evaluate(eval_dir, "all")
    flat = {f"{half}.{k}": v for half, values in scores.items() for k, v in values.items()}
    assert gate.check("story_pairs", flat) == [], flat
