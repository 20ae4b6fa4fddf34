"""Score the events stage's ACLED-style categories on wiresift's own invented snippets
(``eval/acled/dev.tsv``: category TAB snippet, eight per category, written for measuring only).

Usage: ``python eval/score_acled.py [FILE]``. Each snippet runs through the pipeline as a one-sentence
document; the prediction is the ``acled`` of its first event that has one (None when none has). Prints
accuracy, weighted F1 (per-category F1 weighted by the gold count, as the shared task reports) and
macro F1, and the confusions.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from wiresift.model import Document

DEV = Path(__file__).parent / "acled" / "dev.tsv"


def load(path: Path) -> list[tuple[str | None, str]]:
    """(category, snippet) rows; the category "None" (``eval/acled/dev_negative.tsv``) is no type."""
    rows: list[tuple[str | None, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, text = line.split("\t", 1)
            rows.append((None if label.strip() == "None" else label.strip(), text.strip()))
    return rows


def predict(texts: list[str]) -> list[str | None]:
    from wiresift.nlp.pipeline import Pipeline

    docs = [Document(id=f"s{i}", text=t, published="2024-01-01") for i, t in enumerate(texts)]
    return [next((e.acled for e in d.events if e.acled), None) for d in Pipeline().run(docs)]


def f1_scores(pairs: list[tuple[str | None, str | None]]) -> dict[str | None, float]:
    gold = Counter(g for g, _ in pairs)
    out = {}
    for label in gold:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = gold[label] - tp
        out[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return out


def score(pairs: list[tuple[str | None, str | None]]) -> dict[str, object]:
    gold = Counter(g for g, _ in pairs)
    per = f1_scores(pairs)
    n = len(pairs)
    return {
        "n": n,
        "accuracy": round(sum(g == p for g, p in pairs) / n, 4),
        "weighted_f1": round(sum(per[k] * gold[k] for k in gold) / n, 4),
        "macro_f1": round(sum(per.values()) / len(per), 4),
        "per_category_f1": {str(k): round(v, 3) for k, v in sorted(per.items(), key=lambda kv: str(kv[0]))},
        "confusion": dict(Counter(f"{g}->{p}" for g, p in pairs if g != p).most_common()),
    }


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEV
    rows = load(path)
    predicted = predict([t for _, t in rows])
    print(json.dumps(score([(g, p) for (g, _), p in zip(rows, predicted, strict=True)]), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
