"""Gate: wiresift's body extraction on the Zyte article-extraction dev set stays above
eval/gates/extraction.json; plus the scorer's metric on hand-made cases."""

from __future__ import annotations

from pathlib import Path

import pytest

import gate
import score_extraction as se


def test_shingle_counts_are_normalised_per_page() -> None:
    gold = "one two three four five"  # shingles: (1,2,3,4), (2,3,4,5)
    assert se.page_counts(gold, gold) == (1.0, 0.0, 0.0)
    tp, fp, fn = se.page_counts(gold, "one two three four six")  # shares (1,2,3,4) only
    assert (tp, fp, fn) == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert se.page_counts(gold, "") == (0.0, 0.0, 1.0)
    assert se.shingles("two words") == {("two", "words"): 1}  # shorter than 4 tokens: one shingle


def test_macro_average_skips_pages_without_prediction_for_precision() -> None:
    scores = se.aggregate([(1.0, 0.0, 0.0), (0.0, 0.0, 1.0)])  # one perfect page, one empty prediction
    assert scores["precision"] == 1.0
    assert scores["recall"] == 0.5
    assert scores["f1"] == pytest.approx(2 / 3)


def test_score_needs_every_id(tmp_path: Path) -> None:
    (tmp_path / "ground-truth.json").write_text(
        '{"a": {"articleBody": "the port was closed on monday"}, "b": {"articleBody": "x y"}}',
        encoding="utf-8",
    )
    result = se.score({"a": "The port was closed on Monday!", "b": "x, y."}, tmp_path)
    assert result["accuracy"] == 0.5  # punctuation is ignored, case is not: "The" != "the"
    with pytest.raises(ValueError, match="no prediction"):
        se.score({"a": ""}, tmp_path)


@pytest.mark.eval
def test_extraction_gate(eval_dir: Path) -> None:
    predictions, _ = se.run_system("wiresift", eval_dir / "extraction")
    assert len(predictions) == 181
    scores = se.half_scores(se.score_halves(predictions, eval_dir / "extraction"))
    assert gate.check("extraction", scores) == []  # floors for all pages and for each half


def test_halves_are_fixed_by_the_page_id() -> None:
    # sha256("a") ends in ...bb (odd), sha256("b") in ...9d (odd), sha256("c") in ...c6 (even)
    assert [se.half(k) for k in ("a", "b", "c")] == ["untuned", "untuned", "tuned"]


@pytest.mark.eval
def test_scorer_reproduces_the_readme_trafilatura_row(eval_dir: Path) -> None:
    # dev README, "measured here": trafilatura 2.3.1 extract() default -> F1 0.960 P 0.942 R 0.978 acc 0.293
    predictions, _ = se.run_system("trafilatura", eval_dir / "extraction")
    scores = se.score(predictions, eval_dir / "extraction")
    rounded = {k: round(scores[k], 3) for k in ("f1", "precision", "recall", "accuracy")}
    assert rounded == {"f1": 0.960, "precision": 0.942, "recall": 0.978, "accuracy": 0.293}
