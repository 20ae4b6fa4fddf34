"""Score article similarity on the SemEval-2022 Task 8 English pairs (``../shared/eval/stories``).

Usage: ``python eval/score_stories.py [dev|heldout|all]``. Prints one JSON object of scores per split.
The protocol is the corpus README's:

- Each text (title and lead, as given) runs through the whole pipeline as one document; each pair
  is scored by :func:`wiresift.similarity`.
- **Pearson** between ``similarity`` (higher = more similar) and ``-Overall`` (the gold scale runs
  1 = very similar to 4 = very dissimilar).
- **Same-story accuracy** on the clear pairs: ``Overall`` ≤ 1.5 is the same story, ``Overall`` ≥ 3.5
  a different one (``accuracy``); ``accuracy_ge3`` uses the README's looser cut (≥ 3 different).
- Baseline in the same run: TF-IDF cosine of the two texts (sublinear tf, smoothed idf from the texts
  of the split, all words), ``tfidf_pearson``.

The fixed split: pairs ranked by sha256 of their ``pair_id``, even ranks ``dev`` (the weights are
fitted there, ``training/train_similarity.py``), odd ranks ``heldout`` (never fitted on).
"""

from __future__ import annotations

import hashlib
import json
import math
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from gate import shared_eval
from wiresift.model import Document
from wiresift.stories.similarity import cosine, similarity, words

SPLITS = ("dev", "heldout")
CORPUS = Path("stories") / "semeval2022-task8-en-dev.jsonl"
SAME_MAX = 1.5
DIFFERENT_MIN = 3.5


def split_of(ids: Sequence[str]) -> dict[str, str]:
    ranked = sorted(ids, key=lambda i: hashlib.sha256(i.encode("utf-8")).hexdigest())
    return {rid: SPLITS[n % 2] for n, rid in enumerate(ranked)}


def load(eval_dir: Path, split: str = "all") -> list[dict[str, Any]]:
    lines = (eval_dir / CORPUS).read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    splits = split_of([r["pair_id"] for r in records])
    return [r for r in records if split == "all" or splits[r["pair_id"]] == split]


#: Analysed pairs by the sha256 of their records: the gate, the similarity fit and the story-link fit
#: of one test session share one pipeline pass (the documents are only read afterwards).
_ANALYSED: dict[str, list[tuple[Document, Document]]] = {}


def analysed_pairs(records: list[dict[str, Any]]) -> list[tuple[Document, Document]]:
    """Both texts of every record through the whole pipeline, in one batch (once per process)."""
    key = hashlib.sha256(json.dumps(records, sort_keys=True).encode("utf-8")).hexdigest()
    if key not in _ANALYSED:
        _ANALYSED[key] = _analyse(records)
    return _ANALYSED[key]


def _analyse(records: list[dict[str, Any]]) -> list[tuple[Document, Document]]:
    from wiresift.api import build_pipeline

    docs = []
    for record in records:
        for key in ("text1", "text2"):
            doc = Document(text=record[key].strip(), source=f"{record['pair_id']}:{key}")
            doc.finalize()
            docs.append(doc)
    list(build_pipeline().run(docs))
    return [(docs[2 * i], docs[2 * i + 1]) for i in range(len(records))]


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float:
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    cov = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sx = math.sqrt(sum((x - mx) ** 2 for x in xs))
    sy = math.sqrt(sum((y - my) ** 2 for y in ys))
    return cov / (sx * sy) if sx and sy else 0.0


def tfidf_cosines(pairs: Sequence[tuple[str, str]]) -> list[float]:
    """The baseline: sublinear-tf, smoothed-idf cosine, idf from all the texts of ``pairs``."""
    texts = [t for pair in pairs for t in pair]
    df = Counter(w for t in texts for w in set(words(t)))
    n = len(texts)

    def vector(text: str) -> dict[str, float]:
        counts = Counter(words(text))
        return {w: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[w])) + 1) for w, c in counts.items()}

    return [cosine(vector(a), vector(b)) for a, b in pairs]


def accuracy(gold: Sequence[float], same: Sequence[bool], different_min: float) -> float:
    clear = [(g, s) for g, s in zip(gold, same, strict=True) if g <= SAME_MAX or g >= different_min]
    return sum((g <= SAME_MAX) == s for g, s in clear) / len(clear) if clear else 0.0


def score(records: list[dict[str, Any]], results: Sequence[tuple[float, bool]]) -> dict[str, float]:
    """Scores of predicted ``(similarity, same_story)`` per record against the gold ``Overall``."""
    gold = [float(r["Overall"]) for r in records]
    sims = [s for s, _ in results]
    same = [b for _, b in results]
    baseline = tfidf_cosines([(r["text1"], r["text2"]) for r in records])
    return {
        "pairs": len(records),
        "pearson": round(pearson(sims, [-g for g in gold]), 4),
        "tfidf_pearson": round(pearson(baseline, [-g for g in gold]), 4),
        "accuracy": round(accuracy(gold, same, DIFFERENT_MIN), 4),
        "accuracy_ge3": round(accuracy(gold, same, 3.0), 4),
        "clear_pairs": sum(1 for g in gold if g <= SAME_MAX or g >= DIFFERENT_MIN),
    }


def evaluate(eval_dir: Path, split: str = "all") -> dict[str, dict[str, float]]:
    """Scores per half (``dev``, ``heldout``) and over ``all`` pairs; one pipeline pass."""
    records = load(eval_dir)
    pairs = analysed_pairs(records)
    results = [(r.similarity, r.same_story) for r in (similarity(a, b) for a, b in pairs)]
    splits = split_of([r["pair_id"] for r in records])
    out = {}
    for name in (*SPLITS, "all"):
        if split not in ("all", name):
            continue
        keep = [i for i, r in enumerate(records) if name == "all" or splits[r["pair_id"]] == name]
        out[name] = score([records[i] for i in keep], [results[i] for i in keep])
    return out


if __name__ == "__main__":
    path = shared_eval()
    if path is None:
        raise SystemExit("../shared/eval is absent")
    chosen = sys.argv[1] if len(sys.argv) > 1 else "all"
    for name, scores in evaluate(path, chosen).items():
        print(json.dumps({"split": name, **scores}))
