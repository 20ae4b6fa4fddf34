"""Scores of story clustering against gold: B³ precision, recall and F1 (Bagga & Baldwin 1998).

For the demo stories' gold (document id -> gold story) against ``wiresift.api.story_assignments``:

    from score_story_clusters import b_cubed
    b_cubed(api.story_assignments(db), gold)  # {"precision", "recall", "f1"}

Documents only in the prediction are ignored; a gold document the prediction lacks counts as a story
of its own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping


def b_cubed(predicted: Mapping[str, str], gold: Mapping[str, str]) -> dict[str, float]:
    """B³ over the gold documents: per document, the share of its predicted story that is in its gold
    story (precision) and of its gold story that is in its predicted story (recall), averaged."""
    if not gold:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    pred = {d: predicted.get(d, f"\0alone:{d}") for d in gold}
    by_pred: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for d, s in pred.items():
        by_pred[s].add(d)
    for d, s in gold.items():
        by_gold[s].add(d)
    p = r = 0.0
    for d in gold:
        shared = len(by_pred[pred[d]] & by_gold[gold[d]])
        p += shared / len(by_pred[pred[d]])
        r += shared / len(by_gold[gold[d]])
    p, r = p / len(gold), r / len(gold)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)}
