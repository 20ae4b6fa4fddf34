"""Fit the places stage's pin check (:mod:`wiresift.nlp.places.accept`) on GeoWebNews.

Usage: ``python training/train_pin_accept.py [--cache DOCBIN]`` (``make train-pins``). Writes
``src/wiresift/nlp/places/pin_accept.json`` and prints the pin precision and the right pins lost on
both halves.

Data: every pin the stage makes before the check (a mention resolved to coordinates) on the 200
GeoWebNews articles, labelled as ``eval/score_geo.py`` scores pins: right when it lies within 161 km
of the gold toponym it overlaps (one to one, in text order), wrong when the point is farther or the
span is no gold toponym; a pin on a gold toponym without coordinates is left out. The model is
logistic regression (L2, ``C`` among ``CS``) fitted on half a (even article ids). ``C`` and the
threshold are chosen on half b (odd ids): the highest pin precision among cuts that lose at most
``MAX_LOST`` of half b's right pins (a right pin dropped is a place lost from the end-to-end score;
a wrong one dropped costs nothing there). ``--cache`` keeps the parsed articles in a spaCy DocBin.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "eval"))

from gate import shared_eval  # noqa: E402
from score_geo import ACC_KM, Article, half_of, load, match  # noqa: E402
from wiresift.nlp.places.accept import FEATURES, WEIGHTS_PATH  # noqa: E402
from wiresift.nlp.places.resolve import haversine  # noqa: E402
from wiresift.nlp.places.stage import resolve_doc  # noqa: E402

CS = (0.03, 0.1, 0.3, 1.0, 3.0)
#: The share of half b's right pins the chosen cut may drop.
MAX_LOST = 0.003


def parse(arts: Sequence[Article], cache: Path | None) -> list[Any]:
    """spaCy Docs of the articles, from ``cache`` when it holds them."""
    from spacy.tokens import DocBin

    from wiresift.nlp.pipeline import load_model

    nlp = load_model()
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [d.text for d in docs] == [a.text for a in arts]:
            return docs
    docs = list(nlp.pipe((a.text for a in arts), batch_size=16))
    if cache is not None:
        DocBin(docs=docs, store_user_data=True).to_disk(cache)
    return docs


def labelled(art: Article, sdoc: Any) -> tuple[list[list[float]], list[int]]:
    """Feature rows and labels (1 right, 0 wrong) of the article's pins, scored as score_geo does."""
    found = resolve_doc(sdoc)
    rows = found.features(sdoc)
    pins = [(m, p, r) for m, p, r in zip(found.mentions, found.places, rows, strict=True) if r is not None]
    pairs = match([(m.start, m.end) for m, _, _ in pins], [(g.start, g.end) for g in art.gold], lenient=True)
    gold_of = {pi: art.gold[gi] for gi, pi in pairs.items()}
    x, y = [], []
    for pi, (_, place, row) in enumerate(pins):
        g = gold_of.get(pi)
        if g is not None and (g.lat is None or g.lon is None):
            continue
        assert place.lat is not None and place.lon is not None
        right = g is not None and haversine(place.lat, place.lon, g.lat, g.lon) <= ACC_KM  # type: ignore[arg-type]
        x.append(row)
        y.append(int(right))
    return x, y


def dataset(eval_dir: Path, cache: Path | None) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    arts = load(eval_dir)
    docs = parse(arts, cache)
    out: dict[str, tuple[list[list[float]], list[int]]] = {"a": ([], []), "b": ([], [])}
    for art, sdoc in zip(arts, docs, strict=True):
        x, y = labelled(art, sdoc)
        out[half_of(art.id)][0].extend(x)
        out[half_of(art.id)][1].extend(y)
    return {h: (np.array(x, dtype=float), np.array(y, dtype=int)) for h, (x, y) in out.items()}


def cut(prob: np.ndarray, y: np.ndarray) -> tuple[float, float, int]:
    """(threshold, precision, right pins lost) of the best cut on one half (see the module doc)."""
    best = (0.0, float(y.mean()), 0)
    allowed = int(MAX_LOST * y.sum())
    for t in sorted(set(np.round(prob, 4))):
        kept = prob >= t
        lost = int((~kept & (y == 1)).sum())
        if lost > allowed or not kept.any():
            continue
        precision = float(y[kept].mean())
        if precision > best[1] + 1e-9:
            best = (float(t), precision, lost)
    return best


def train(eval_dir: Path, cache: Path | None = None, log: bool = True) -> dict[str, Any]:
    from sklearn.linear_model import LogisticRegression

    data = dataset(eval_dir, cache)
    (xa, ya), (xb, yb) = data["a"], data["b"]
    best: tuple[float, float, Any, tuple[float, float, int]] | None = None
    for c in CS:
        model = LogisticRegression(C=c, max_iter=5000).fit(xa, ya)
        threshold, precision, lost = cut(model.predict_proba(xb)[:, 1], yb)
        if log:
            print(f"C={c}: half b precision {yb.mean():.4f} -> {precision:.4f}, t={threshold}, lost {lost}")
        if best is None or precision > best[1] + 1e-9:
            best = (c, precision, model, (threshold, precision, lost))
    assert best is not None
    c, _, model, (threshold, precision, lost) = best
    weights = [round(float(w), 6) for w in model.coef_[0]]
    bias = round(float(model.intercept_[0]), 6)
    fingerprint = hashlib.sha256(json.dumps([weights, bias, threshold]).encode()).hexdigest()[:16]
    prob_a = model.predict_proba(xa)[:, 1]
    kept_a = prob_a >= threshold
    report = {
        "half_a_precision": [round(float(ya.mean()), 4), round(float(ya[kept_a].mean()), 4)],
        "half_a_right_lost": int((~kept_a & (ya == 1)).sum()),
        "half_b_precision": [round(float(yb.mean()), 4), round(precision, 4)],
        "half_b_right_lost": lost,
        "pins": [len(ya), len(yb)],
    }
    if log:
        print(json.dumps(report))
    return {
        "features": list(FEATURES),
        "weights": weights,
        "bias": bias,
        "threshold": threshold,
        "C": c,
        "fingerprint": fingerprint,
        "report": report,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, help="spaCy DocBin of the parsed articles (made when missing)")
    args = ap.parse_args()
    eval_dir = shared_eval()
    if eval_dir is None:
        raise SystemExit("no eval data: set WIRESIFT_SHARED_EVAL or put ../shared/eval beside the clone")
    data = train(eval_dir, args.cache)
    WEIGHTS_PATH.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {WEIGHTS_PATH}")


if __name__ == "__main__":
    main()
