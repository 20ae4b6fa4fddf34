"""Fit the article-similarity model on the SemEval-2022 Task 8 English pairs, dev half.

Usage: ``python training/train_similarity.py`` (``make train-similarity``). Writes
``src/wiresift/stories/similarity_weights.json`` and prints Pearson on the dev half (fitted) and on the
held-out half (never fitted on).

The model is ridge regression of the target ``(4 - Overall) / 3`` (1 = very similar, 0 = very
dissimilar; the gold scale runs the other way) on the features of
:func:`wiresift.stories.similarity.features`, every coefficient bounded at 0 from below, so that more
shared evidence never lowers the score. The idf-weighted features take their document frequencies from
the dev half's texts (a ``Background`` table keyed by hashes, shipped in the weights). The ridge penalty
(on the coefficients, not the intercept) is chosen among ``RIDGES`` by 5-fold cross-validation on the
dev half. The ``same_story`` threshold is the cut with the best worse accuracy of two sets: the dev
half's clear pairs (Overall ≤ 1.5 same, ≥ 3.5 different) and the tune half of the team's real-page
pairs (``eval/gold/stories/extraction_pairs.jsonl``: same story or not, many of them on one topic but
another event, scored with the date window of :func:`~wiresift.stories.similarity.date_factor`); the
centre of the widest stretch of best cuts. The SemEval pairs alone put the cut where two news texts on one
topic already pass it.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path

import numpy as np
from scipy.optimize import lsq_linear

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "eval"))

import score_stories as ss  # noqa: E402
import score_story_pairs as sp  # noqa: E402
from gate import shared_eval  # noqa: E402
from wiresift.stories.similarity import (  # noqa: E402
    WEIGHTS_FILE,
    Background,
    Weights,
    date_factor,
    days_apart,
    features,
)

RIDGES = (0.003, 0.01, 0.03, 0.1, 0.3)
FOLDS = 5
OUT = REPO / "src" / "wiresift" / "stories" / WEIGHTS_FILE


def fit(
    rows: list[dict[str, float]], targets: list[float], names: list[str], ridge: float
) -> tuple[float, dict[str, float]]:
    x = np.array([[row[n] for n in names] for row in rows])
    a = np.r_[np.c_[x, np.ones(len(x))], np.c_[np.sqrt(ridge) * np.eye(len(names)), np.zeros(len(names))]]
    b = np.r_[np.array(targets), np.zeros(len(names))]
    lower = [0.0] * len(names) + [-np.inf]
    w = lsq_linear(a, b, bounds=(lower, np.inf)).x
    return float(w[-1]), {n: round(float(c), 6) for n, c in zip(names, w[:-1], strict=True)}


def choose_ridge(rows: list[dict[str, float]], targets: list[float], names: list[str]) -> float:
    """The penalty with the best mean Pearson over ``FOLDS`` folds (fixed: every FOLDS-th row)."""

    def cv(ridge: float) -> float:
        scores = []
        for k in range(FOLDS):
            train = [i for i in range(len(rows)) if i % FOLDS != k]
            test = [i for i in range(len(rows)) if i % FOLDS == k]
            intercept, coef = fit([rows[i] for i in train], [targets[i] for i in train], names, ridge)
            model = Weights(intercept=intercept, coef=coef, threshold=0.5)
            scores.append(ss.pearson([model.score(rows[i]) for i in test], [targets[i] for i in test]))
        return sum(scores) / FOLDS

    return max(RIDGES, key=cv)


def threshold(scores: list[float], gold: list[float], judged: Sequence[tuple[float, bool]] = ()) -> float:
    """The cut with the best worse accuracy of the two sets: the clear SemEval pairs (``scores``,
    ``gold``) and the ``judged`` real pairs (either alone when the other is empty), ties broken by the
    summed accuracy. Accuracy only changes at a scored pair, so the best cuts form stretches between
    neighbouring scores; the cut is the centre of the widest best stretch (ties: the one nearer 0.5),
    as far as it can be from the pairs on either side: refitting moves it less than picking any
    point of a flat stretch would."""
    clear = [(s, g <= ss.SAME_MAX) for s, g in zip(scores, gold, strict=True)
             if g <= ss.SAME_MAX or g >= ss.DIFFERENT_MIN]  # fmt: skip
    sets = [list(group) for group in (clear, judged) if group]
    values = sorted({s for group in sets for s, _ in group})
    if len(values) < 2:
        return 0.5

    def rank(t: float) -> tuple[float, float]:
        accs = [sum((s >= t) == same for s, same in group) / len(group) for group in sets]
        return (min(accs), sum(accs))

    ranks = [rank((lo + hi) / 2) for lo, hi in pairwise(values)]
    best = max(ranks)
    stretches: list[tuple[float, float]] = []  # (low, high) score bounds of each run of best cuts
    for i, r in enumerate(ranks):
        if r != best:
            continue
        if stretches and ranks[i - 1] == best:
            stretches[-1] = (stretches[-1][0], values[i + 1])
        else:
            stretches.append((values[i], values[i + 1]))
    lo, hi = max(stretches, key=lambda b: (b[1] - b[0], -abs((b[0] + b[1]) / 2 - 0.5)))
    return (lo + hi) / 2


def train(path: Path, log: bool = True) -> dict[str, object]:
    """The weights file's content, fitted on the corpora under ``path`` (``../shared/eval``)."""
    records = ss.load(path)
    pairs = ss.analysed_pairs(records)
    splits = ss.split_of([r["pair_id"] for r in records])
    dev = [i for i, r in enumerate(records) if splits[r["pair_id"]] == "dev"]
    background = Background.from_texts(doc for i in dev for doc in pairs[i])
    rows = [features(a, b, background) for a, b in pairs]
    names = sorted(rows[0])
    gold = [float(r["Overall"]) for r in records]
    targets = [(4 - gold[i]) / 3 for i in dev]
    ridge = choose_ridge([rows[i] for i in dev], targets, names)
    intercept, coef = fit([rows[i] for i in dev], targets, names, ridge)
    model = Weights(intercept=intercept, coef=coef, threshold=0.5)
    scores = [model.score(row) for row in rows]
    real = sp.load_gold()
    tune = [p for p, half in zip(real, sp.split_of(real), strict=True) if half == "tune"]
    docs = sp.read_pages(path, [p[k] for p in tune for k in ("a", "b")])
    judged = []
    for p in tune:
        a, b = docs[p["a"]], docs[p["b"]]
        score = model.score(features(a, b, background)) * date_factor(days_apart(a, b))
        judged.append((score, bool(p["same_story"])))
    cut = round(threshold([scores[i] for i in dev], [gold[i] for i in dev], judged), 4)
    if log:
        for name in ("dev", "heldout"):
            keep = [i for i, r in enumerate(records) if splits[r["pair_id"]] == name]
            r = ss.pearson([scores[i] for i in keep], [-gold[i] for i in keep])
            print(f"{name}: Pearson {r:.4f} over {len(keep)} pairs")
        print(f"ridge {ridge}, threshold {cut}")
    return {
        "about": "wiresift article similarity: ridge regression with coefficients >= 0 fitted by "
        "training/train_similarity.py on the dev half of the SemEval-2022 Task 8 English pairs; score = "
        "(intercept + coef . features) clipped to [0, 1], scaled down for dated articles more than "
        "DATE_WINDOW days apart; same_story when score >= threshold (the best worse accuracy of the dev "
        "half's clear pairs and the tune half of the team's real-page pairs); background: document "
        "frequencies of the dev half's words and names, keyed by CRC-32 (no text)",
        "ridge": ridge,
        "intercept": round(intercept, 6),
        "coef": coef,
        "threshold": cut,
        "background": background.as_dict(),
    }


def main() -> None:
    path = shared_eval()
    if path is None:
        raise SystemExit("../shared/eval is absent: nothing to train on")
    OUT.write_text(json.dumps(train(path), indent=2) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(REPO)}")


if __name__ == "__main__":
    main()
