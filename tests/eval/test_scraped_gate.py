"""Gate: the scraped-text cleaner on the extraction dev set (all page text -> article body)."""

from __future__ import annotations

from pathlib import Path

import pytest

import gate
import score_scraped


def test_shingle_metric_basics() -> None:
    gold = {"a": "one two three four five", "b": "alpha beta gamma delta"}
    assert score_scraped.score(gold, gold)["f1"] == 1.0
    half = score_scraped.score({"a": "one two three four", "b": ""}, gold)
    assert half["recall"] == pytest.approx((1 / 2 + 0) / 2)
    assert half["precision"] == 1.0  # precision is averaged over pages with a prediction only
    assert score_scraped.shingles("a b") == {("a", "b"): 1}


@pytest.mark.eval
def test_scraped_gate(eval_dir: Path) -> None:
    scores, _preds, pages = score_scraped.evaluate(eval_dir)
    assert len(pages) > 100
    assert gate.check("scraped", scores) == [], scores
