"""Gate: article similarity on the SemEval-2022 Task 8 English pairs (both halves and all), plus the
scorer's rules on invented records (``eval/score_stories.py`` documents them)."""

from __future__ import annotations

from pathlib import Path

import pytest

import gate
import score_stories


def record(pair: str, overall: float, text1: str, text2: str) -> dict[str, object]:
    return {"pair_id": pair, "Overall": str(overall), "text1": text1, "text2": text2}


def test_scale_direction_and_clear_pairs() -> None:
    records = [
        record("1_2", 1.0, "rain floods the valley", "the valley floods after rain"),
        record("3_4", 4.0, "rovers win the cup", "parliament passes the budget"),
        record("5_6", 2.5, "a b", "c d"),
    ]
    scores = score_stories.score(records, [(0.9, True), (0.1, False), (0.5, True)])
    assert scores["pearson"] > 0.9  # high similarity goes with a low Overall
    assert scores["clear_pairs"] == 2 and scores["accuracy"] == 1.0  # the ambiguous pair is left out
    assert score_stories.score(records, [(0.1, False), (0.9, True), (0.5, True)])["accuracy"] == 0.0


def test_tfidf_baseline() -> None:
    same, other = score_stories.tfidf_cosines([("rain floods valley", "rain floods valley"), ("a b", "c d")])
    assert same == pytest.approx(1.0) and other == 0.0


def test_split_is_fixed_and_halves() -> None:
    ids = [f"{i}_{i + 1}" for i in range(10)]
    split = score_stories.split_of(ids)
    assert split == score_stories.split_of(list(reversed(ids)))
    assert sorted(split.values()).count("dev") == 5


def test_threshold_keeps_both_sets_right() -> None:
    """The cut maximises the worse accuracy of the clear SemEval pairs and the judged real pairs."""
    import train_similarity

    scores, gold = [0.2, 0.5, 0.9], [4.0, 1.0, 1.0]  # Overall: 4 different, 1 same
    judged = [(0.6, False), (0.95, True)]
    alone = train_similarity.threshold(scores, gold)
    assert 0.2 < alone < 0.5
    both = train_similarity.threshold(scores, gold, judged)
    assert 0.6 < both < 0.9  # one SemEval pair lost, every real pair right: 2/3 beats 1/2


def test_threshold_is_the_centre_of_the_widest_best_stretch() -> None:
    """Every cut between two scored pairs is as good as its neighbours there: the cut sits midway."""
    import train_similarity

    # different pairs at 0.1 and 0.2, same pairs at 0.6 and 0.7: every cut in (0.2, 0.6) is perfect
    assert train_similarity.threshold([0.1, 0.2, 0.6, 0.7], [4.0, 4.0, 1.0, 1.0]) == pytest.approx(0.4)
    # one pair wrong either way: cuts in (0.1, 0.3) and in (0.35, 0.9); the wider stretch wins
    assert train_similarity.threshold([0.1, 0.3, 0.35, 0.9], [4.0, 1.0, 4.0, 1.0]) == pytest.approx(0.625)
    assert train_similarity.threshold([0.5], [1.0]) == 0.5


@pytest.mark.eval
def test_stories_gate(eval_dir: Path) -> None:
    scores = score_stories.evaluate(eval_dir, "all")
    flat = {f"{half}.{k}": v for half, values in scores.items() for k, v in values.items()}
    assert gate.check("stories", flat) == [], flat


@pytest.mark.eval
def test_shipped_weights_are_reproducible(eval_dir: Path) -> None:
    """``make train-similarity`` on the same data writes the weights that ship."""
    import json

    import train_similarity
    from wiresift.stories.similarity import WEIGHTS_FILE

    shipped = json.loads((train_similarity.OUT.parent / WEIGHTS_FILE).read_text(encoding="utf-8"))
    assert train_similarity.train(eval_dir, log=False) == shipped


@pytest.mark.eval
def test_shipped_story_links_are_reproducible(eval_dir: Path) -> None:
    """``make tune-story-links`` on the same data writes the link model that ships."""
    import json

    import tune_story_links

    shipped = json.loads(tune_story_links.OUT.read_text(encoding="utf-8"))
    assert tune_story_links.train(eval_dir, log=False) == shipped
