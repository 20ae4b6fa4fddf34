"""Train the events stage's ACLED-style typer (:mod:`wiresift.nlp.events.acled_model`):
``make train-acled`` (``python training/train_acled.py [--check]``).

Data: wiresift's own invented snippets, ``training/data/acled_train.tsv`` (category TAB snippet, ten
per category, and forty labelled ``None``: sentences with conflict words that are no conflict event,
"the striker scored twice", the typer's "not a conflict event" class; in a voice unlike the dev files
``eval/acled/dev.tsv`` and ``dev_negative.tsv``, which are never read here). Each
snippet runs through the pipeline with the typer off; its example is the first event the rules gave
an ACLED-style category (else its first conflict event, else the sentence without a trigger), with
the snippet's category as label. Features with fewer than ``MIN_COUNT`` occurrences are dropped. A
multinomial logistic regression (scikit-learn, fixed seed) whose ``C`` and override threshold
(:func:`choose`) come from five-fold cross-validation over the snippets; the refit weights go to
``src/wiresift/nlp/events/data/acled_weights.json`` with the sha256 of the training file and a
fingerprint of the rounded numbers; ``--check`` retrains and compares the fingerprint instead.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
TRAIN = REPO / "training" / "data" / "acled_train.tsv"

from wiresift.model import Document  # noqa: E402
from wiresift.nlp.events.acled_model import CONFLICT, DIMS, WEIGHTS_PATH, features, vectors  # noqa: E402
from wiresift.nlp.events.stage import code_sentence  # noqa: E402

SEED = 11
C_GRID = (0.3, 1.0, 3.0, 10.0)
THRESHOLDS = (0.4, 0.5, 0.6, 0.8, 1.01)  # 1.01: never override the rules; below 0.4 a model of ten
# snippets a category overrides the rules on plain sentences ("attacked a convoy" -> Chemical weapon)
FOLDS = 5
MIN_COUNT = 2
DIGITS = 4

Example = tuple[list[str], np.ndarray, str]


def load(path: Path = TRAIN) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, text = line.split("\t", 1)
            rows.append((label.strip(), text.strip()))
    return rows


def examples(rows: list[tuple[str, str]]) -> list[Example]:
    from wiresift.nlp.pipeline import Pipeline

    pipeline = Pipeline()
    out: list[Example] = []
    for label, text in rows:
        doc = Document(id="x", text=text, published="2024-01-01")
        sdoc = pipeline.nlp(text)
        pipeline.apply(doc, sdoc)
        found = []
        for sent in sdoc.sents:
            for _, event in code_sentence(doc, sent, None, learned=False):
                tok = next(t for t in sent if t.idx == event.start)
                found.append((sent, tok, event))
        pick = next((f for f in found if f[2].acled), None) or next(
            (f for f in found if f[2].plover in CONFLICT), None
        )
        if pick is None:
            sent = next(iter(sdoc.sents))
            out.append((features(sent, None, None, None), vectors(sent, None), label))
        else:
            sent, tok, event = pick
            out.append((features(sent, tok, event.acled, event.plover), vectors(sent, tok), label))
    return out


def matrix(rows: list[Example], vocab: dict[str, int]) -> np.ndarray:
    x = np.zeros((len(rows), len(vocab) + 2 * DIMS))
    for i, (feats, dense, _) in enumerate(rows):
        for f in feats:
            if f in vocab:
                x[i, vocab[f]] = 1.0
        x[i, len(vocab) :] = dense
    return x


def fit(rows: list[Example], c: float) -> dict[str, Any]:
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for feats, _, _ in rows for f in set(feats))
    names = sorted(f for f, k in counts.items() if k >= MIN_COUNT)
    vocab = {f: i for i, f in enumerate(names)}
    clf = LogisticRegression(C=c, max_iter=3000, random_state=SEED)
    clf.fit(matrix(rows, vocab), [r[2] for r in rows])
    return {
        "classes": [str(k) for k in clf.classes_],
        "vocab": names,
        "coef": np.round(clf.coef_, DIGITS).tolist(),
        "intercept": np.round(clf.intercept_, DIGITS).tolist(),
    }


def predict(weights: dict[str, Any], rows: list[Example]) -> list[tuple[str, float]]:
    vocab = {f: i for i, f in enumerate(weights["vocab"])}
    logits = matrix(rows, vocab) @ np.array(weights["coef"]).T + np.array(weights["intercept"])
    probs = np.exp(logits - logits.max(axis=1, keepdims=True))
    probs /= probs.sum(axis=1, keepdims=True)
    return [
        (weights["classes"][int(i)], float(p[i])) for i, p in zip(probs.argmax(axis=1), probs, strict=True)
    ]


def _rule(row: Example) -> str | None:
    rule = next(f[5:] for f in row[0] if f.startswith("rule="))
    return None if rule == "None" else rule


def choose(rows: list[Example]) -> tuple[float, float]:
    """(C, override threshold) with the best five-fold accuracy (ties: the higher threshold, which
    leaves more of the rules' decisions alone). The model's category replaces the rules' when they
    gave none or when its probability reaches the threshold."""
    best: tuple[float, float, float] | None = None
    for c in C_GRID:
        right = dict.fromkeys(THRESHOLDS, 0)
        for fold in range(FOLDS):
            train = [r for i, r in enumerate(rows) if i % FOLDS != fold]
            test = [r for i, r in enumerate(rows) if i % FOLDS == fold]
            weights = fit(train, c)
            for row, (label, prob) in zip(test, predict(weights, test), strict=True):
                for t in THRESHOLDS:
                    rule = _rule(row)
                    right[t] += int((label if rule is None or prob >= t else rule) == row[2])
        for t in THRESHOLDS:
            acc = right[t] / len(rows)
            print(f"C={c} threshold={t}: cv accuracy {acc:.4f}", file=sys.stderr)
            if best is None or acc > best[0] + 1e-9 or (abs(acc - best[0]) < 1e-9 and t > best[2]):
                best = (acc, c, t)
    assert best is not None
    return best[1], best[2]


def fingerprint(weights: dict[str, Any]) -> str:
    blob = json.dumps([weights["classes"], weights["vocab"], weights["coef"], weights["intercept"]])
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def train(chosen: tuple[float, float] | None = None) -> dict[str, Any]:
    """Train on the snippets; ``chosen`` (C, threshold) skips the cross-validation (the check)."""
    rows = examples(load())
    c, threshold = choose(rows) if chosen is None else chosen
    weights = fit(rows, c)
    return {
        "train_sha256": hashlib.sha256(TRAIN.read_bytes()).hexdigest(),
        "c": c,
        "threshold": threshold,
        "n": len(rows),
        "fingerprint": fingerprint(weights),
        **weights,
    }


def main(argv: list[str]) -> int:
    if "--check" in argv:
        shipped = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
        same = train((shipped["c"], shipped["threshold"]))["fingerprint"] == shipped["fingerprint"]
        print("ACLED weights reproduce" if same else "ACLED weights differ: run `make train-acled`")
        return 0 if same else 1
    data = train()
    WEIGHTS_PATH.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(
        f"wrote {WEIGHTS_PATH} (C={data['c']}, threshold={data['threshold']}, {data['n']} snippets, {len(data['vocab'])} features)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
