"""Train the PERSON check of :mod:`wiresift.nlp.entities.person_check` on GUM: ``make train-person-check``
(``python training/train_person_check.py [--check] [EVAL_DIR]``).

Training code: it lives outside the runtime package; only learned numbers and the data's hash leave
it, into ``src/wiresift/nlp/entities/person_check_weights.json``. Steps:

1. parse GUM train and dev (``../shared/eval/coref``) with the project's spaCy model and build each
   document's entities with the check off;
2. one example per PERSON entity: positive when one of its mentions overlaps a gold person mention
   (named, nominal or pronoun), as ``eval/score_persons.py`` counts precision;
3. for each ``C`` of a small grid, fit a logistic regression (scikit-learn, fixed seed) on train and
   score it on dev and on 5-fold out-of-fold train predictions; keep the ``C`` and threshold with the
   most junk entities dropped minus ``PERSON_COST`` times the persons dropped (a lost person costs
   more than a junk one kept), protected entities (titled, reporting-verb subjects) never dropped;
   on a tie the lower threshold (fewer drops);
4. write the weights with the sha256 of the input files and a fingerprint of the rounded numbers.

``--check`` retrains and compares the fingerprint with the shipped file instead of writing it.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "eval"))

import score_persons  # noqa: E402
from coref_data import split_hash  # noqa: E402
from gate import shared_eval  # noqa: E402
from wiresift.nlp.entities.person_check import FEATURES, WEIGHTS_PATH, features, protected  # noqa: E402

SEED = 13
C_GRID = (0.1, 0.3, 1.0, 3.0)
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(1, 15))
PERSON_COST = 3
DECIMALS = 6
FINGERPRINT_DECIMALS = 3


def examples(eval_dir: Path, split: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels (1: a person) and protection flags of the PERSON entities of ``split``."""
    from wiresift.model import Document
    from wiresift.nlp.entities.stage import build
    from wiresift.nlp.pipeline import load_model

    articles = score_persons.load(eval_dir, split)
    nlp = load_model()
    xs: list[list[float]] = []
    ys: list[int] = []
    keep: list[bool] = []
    for art, sdoc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        gold = [(m.start, m.end) for m in art.mentions if m.type == "person"]
        index = build(Document(text=art.text, source=art.id), sdoc, check=False)
        for entity in index.entities.values():
            if entity.type != "PERSON":
                continue
            feats = features(entity, sdoc)
            xs.append(feats)
            ys.append(int(any(min(e, b) > max(s, a) for s, e in entity.mentions for a, b in gold)))
            keep.append(protected(entity, feats))
    return np.array(xs), np.array(ys), np.array(keep)


def net(prob: np.ndarray, y: np.ndarray, keep: np.ndarray, threshold: float) -> int:
    """Junk entities dropped minus ``PERSON_COST`` times persons dropped at ``threshold``."""
    drop = (prob < threshold) & ~keep
    return int((drop & (y == 0)).sum()) - PERSON_COST * int((drop & (y == 1)).sum())


def _model(c: float):  # type: ignore[no-untyped-def]
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=2000, random_state=SEED))


def _oof(x: np.ndarray, y: np.ndarray, c: float) -> np.ndarray:
    from sklearn.model_selection import StratifiedKFold

    out = np.zeros(len(y))
    for tr, te in StratifiedKFold(5, shuffle=True, random_state=SEED).split(x, y):
        out[te] = _model(c).fit(x[tr], y[tr]).predict_proba(x[te])[:, 1]
    return out


def fingerprint(data: dict[str, object]) -> str:
    coarse = {
        "features": data["features"],
        "coef": [round(float(c), FINGERPRINT_DECIMALS) for c in data["coef"]],  # type: ignore[attr-defined]
        "intercept": round(float(data["intercept"]), FINGERPRINT_DECIMALS),  # type: ignore[arg-type]
        "threshold": data["threshold"],
    }
    return hashlib.sha256(json.dumps(coarse, sort_keys=True).encode()).hexdigest()[:16]


def train(coref_dir: Path, log: bool = True) -> dict[str, object]:
    t0 = time.perf_counter()
    eval_dir = coref_dir.parent
    x, y, keep = examples(eval_dir, "train")
    xd, yd, keepd = examples(eval_dir, "dev")
    best: tuple[int, float, float] | None = None  # (net, -threshold, -C): most net, then fewest drops
    chosen = (C_GRID[0], THRESHOLDS[0])
    for c in C_GRID:
        oof = _oof(x, y, c)
        dev = _model(c).fit(x, y).predict_proba(xd)[:, 1]
        for t in THRESHOLDS:
            score = net(oof, y, keep, t) + net(dev, yd, keepd, t)
            if log:
                print(f"C={c} t={t}: net {score}")
            key = (score, -t, -c)
            if best is None or key > best:
                best, chosen = key, (c, t)
    assert best is not None
    c, threshold = chosen
    model = _model(c).fit(x, y)
    scaler, logit = model[0], model[1]
    # Fold the scaler into the coefficients, so that the runtime needs no scikit-learn.
    coef = logit.coef_[0] / scaler.scale_
    intercept = float(logit.intercept_[0] - (logit.coef_[0] * scaler.mean_ / scaler.scale_).sum())
    data: dict[str, object] = {
        "features": list(FEATURES),
        "coef": [round(float(v), DECIMALS) for v in coef],
        "intercept": round(intercept, DECIMALS),
        "threshold": threshold,
        "C": c,
        "net_dev_and_oof": best[0],
        "train_examples": len(y),
        "train_persons": int(y.sum()),
        "train_sha256": split_hash(coref_dir, "train"),
        "dev_sha256": split_hash(coref_dir, "dev"),
        "train_seconds": round(time.perf_counter() - t0, 1),
    }
    data["fingerprint"] = fingerprint(data)
    return data


def main(argv: list[str]) -> None:
    args = [a for a in argv if not a.startswith("--")]
    shared = Path(args[0]) if args else shared_eval()
    if shared is None:
        raise SystemExit("train_person_check: ../shared/eval is absent; pass the eval directory")
    data = train(shared / "coref", log="--check" not in argv)
    if "--check" in argv:
        shipped = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
        same = shipped["fingerprint"] == data["fingerprint"]
        print(f"fingerprint {'matches' if same else 'DIFFERS'}: {data['fingerprint']}")
        raise SystemExit(0 if same else 1)
    WEIGHTS_PATH.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {WEIGHTS_PATH} (C={data['C']}, threshold {data['threshold']}, {data['train_seconds']}s)")


if __name__ == "__main__":
    main(sys.argv[1:])
