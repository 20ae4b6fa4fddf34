"""Score same-story decisions on real pages: the team's pairs of ``../shared/eval/extraction`` pages.

Usage: ``python eval/score_story_pairs.py [tune|heldout|all]``. Prints one JSON object per half.

The gold (``eval/gold/stories/extraction_pairs.jsonl``, ids only) holds 84 pairs judged by the team
as the same story or not (#15): the 64 pairs with the highest TF-IDF cosine of the gold bodies, minus
six the team could not call (a daily round-up against one of its items, a launch round-up against
one of its cars), and 20 random pairs. ``pick`` says which. A pair is the same story when both pages
report the same event or its direct follow-ups; the same product, company or topic is not enough.

Each page is read from its HTML by wiresift's own reader (as a user would ingest it), both pages go
through the whole pipeline, and :func:`wiresift.similarity` decides ``same_story``. Reported:
accuracy, precision and recall of "same story", on the fixed halves (pairs ranked by sha256 of
``a + b``; even ranks tune, odd ranks held out) and over all pairs; and the TF-IDF cosine
baseline with the threshold that is best on the tune half.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from gate import shared_eval
from score_stories import tfidf_cosines
from wiresift.model import Document

GOLD = Path(__file__).parent / "gold" / "stories" / "extraction_pairs.jsonl"
SPLITS = ("tune", "heldout")


def load_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def split_of(pairs: Sequence[dict[str, Any]]) -> list[str]:
    keys = [p["a"] + p["b"] for p in pairs]
    ranked = sorted(keys, key=lambda k: hashlib.sha256(k.encode("utf-8")).hexdigest())
    rank = {k: i for i, k in enumerate(ranked)}
    return [SPLITS[rank[k] % 2] for k in keys]


def read_pages(eval_dir: Path, page_ids: Sequence[str]) -> dict[str, Document]:
    """Every page read from its HTML and analysed by the whole pipeline in one batch."""
    from wiresift.api import build_pipeline
    from wiresift.ingest.html import from_html

    truth = json.loads((eval_dir / "extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    docs: dict[str, Document] = {}
    for page in sorted(set(page_ids)):
        html = gzip.decompress((eval_dir / "extraction" / "html" / f"{page}.html.gz").read_bytes())
        doc = from_html(html.decode("utf-8", errors="replace"), source=page, url=truth[page].get("url"))
        doc.finalize()
        docs[page] = doc
    list(build_pipeline().run(list(docs.values())))
    return docs


def rates(gold: Sequence[bool], predicted: Sequence[bool]) -> dict[str, float]:
    tp = sum(g and p for g, p in zip(gold, predicted, strict=True))
    fp = sum(p and not g for g, p in zip(gold, predicted, strict=True))
    fn = sum(g and not p for g, p in zip(gold, predicted, strict=True))
    right = sum(g == p for g, p in zip(gold, predicted, strict=True))
    return {
        "pairs": len(gold),
        "accuracy": round(right / len(gold), 4) if gold else 0.0,
        "precision": round(tp / (tp + fp), 4) if tp + fp else 0.0,
        "recall": round(tp / (tp + fn), 4) if tp + fn else 0.0,
    }


def best_threshold(values: Sequence[float], gold: Sequence[bool]) -> float:
    """The cut on ``values`` with the best accuracy over ``gold`` (the lowest of equals)."""
    candidates = sorted(set(values))
    return max(candidates, key=lambda t: (sum((v >= t) == g for v, g in zip(values, gold, strict=True)), -t))


def evaluate(eval_dir: Path, split: str = "all") -> dict[str, dict[str, float]]:
    from wiresift.stories.similarity import similarity

    pairs = load_gold()
    halves = split_of(pairs)
    docs = read_pages(eval_dir, [p[k] for p in pairs for k in ("a", "b")])
    predicted = [similarity(docs[p["a"]], docs[p["b"]]).same_story for p in pairs]
    baseline = tfidf_cosines([(docs[p["a"]].text, docs[p["b"]].text) for p in pairs])
    gold = [bool(p["same_story"]) for p in pairs]
    tune = [i for i, h in enumerate(halves) if h == "tune"]
    cut = best_threshold([baseline[i] for i in tune], [gold[i] for i in tune])
    out: dict[str, dict[str, float]] = {}
    for name in (*SPLITS, "all"):
        if split not in ("all", name):
            continue
        keep = [i for i, h in enumerate(halves) if name in ("all", h)]
        scores = rates([gold[i] for i in keep], [predicted[i] for i in keep])
        tfidf = rates([gold[i] for i in keep], [baseline[i] >= cut for i in keep])
        out[name] = {**scores, "tfidf_accuracy": tfidf["accuracy"], "tfidf_cut": round(cut, 4)}
    return out


if __name__ == "__main__":
    path = shared_eval()
    if path is None:
        raise SystemExit("../shared/eval is absent")
    chosen = sys.argv[1] if len(sys.argv) > 1 else "all"
    for name, scores in evaluate(path, chosen).items():
        print(json.dumps({"split": name, **scores}))
