"""Fit the places stage's small-town pin check (:mod:`wiresift.nlp.places.accept`) on GeoWebNews.

Usage: ``python training/train_pin_accept.py [--cache DOCBIN]`` (``make train-pins``). Writes
``src/wiresift/nlp/places/pin_accept.json`` and prints the checked pins' precision and the right pins
lost on both halves.

Data: every pin the check looks at (a mention resolved to a town or county under
``SMALL_TOWN_POPULATION``, not adjectival), made by the stage before the check on the 200 GeoWebNews
articles, labelled as ``eval/score_geo.py`` scores pins: right when it lies within 161 km of the gold
toponym it overlaps (one to one, in text order, among all the article's pins), wrong when the point is
farther or the span is no gold toponym; a pin on a gold toponym without coordinates is left out. The
model is logistic regression (L2, ``C`` among ``CS``) fitted on half a (even article ids). ``C`` and
the threshold (on a coarse grid) are chosen on half b (odd ids): the cut that drops most of half b's
wrong pins while dropping no right pin of either half (a right pin dropped is a place lost from the
end-to-end score; a wrong one dropped costs nothing there). ``--cache`` keeps the parsed articles in a spaCy DocBin.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "eval"))

from gate import shared_eval  # noqa: E402
from score_geo import ACC_KM, Article, half_of, load, match, parsed  # noqa: E402
from wiresift.nlp.places.accept import FEATURES, WEIGHTS_PATH  # noqa: E402
from wiresift.nlp.places.resolve import haversine  # noqa: E402
from wiresift.nlp.places.stage import resolve_doc  # noqa: E402

CS = (0.03, 0.1, 0.3, 1.0, 3.0)
#: Right pins (both halves) the chosen cut may drop.
MAX_LOST = 0


def parse(eval_dir: Path, cache: Path | None) -> tuple[list[Article], list[Any]]:
    """The articles and their spaCy Docs, from ``cache`` (a DocBin) when it holds them."""
    if cache is None:
        arts, docs, _ = parsed(eval_dir)
        return arts, docs
    from spacy.tokens import DocBin

    from wiresift.nlp.pipeline import load_model

    arts = load(eval_dir)
    if cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(load_model().vocab))
        if [d.text for d in docs] == [a.text for a in arts]:
            return arts, docs
    arts, docs, _ = parsed(eval_dir)
    DocBin(docs=docs, store_user_data=True).to_disk(cache)
    return arts, docs


def labelled(art: Article, sdoc: Any) -> tuple[list[list[float]], list[int]]:
    """Feature rows and labels (1 right, 0 wrong) of the article's pins, scored as score_geo does."""
    found = resolve_doc(sdoc)
    rows = found.features(sdoc)
    # matched among all the article's pins, as score_geo matches them; only the checked ones are kept
    pins = [
        (m, p, r) for m, p, r in zip(found.mentions, found.places, rows, strict=True) if p.lat is not None
    ]
    pairs = match([(m.start, m.end) for m, _, _ in pins], [(g.start, g.end) for g in art.gold], lenient=True)
    gold_of = {pi: art.gold[gi] for gi, pi in pairs.items()}
    x, y = [], []
    for pi, (_, place, row) in enumerate(pins):
        g = gold_of.get(pi)
        if row is None or (g is not None and (g.lat is None or g.lon is None)):
            continue
        assert place.lat is not None and place.lon is not None
        right = g is not None and haversine(place.lat, place.lon, g.lat, g.lon) <= ACC_KM  # type: ignore[arg-type]
        x.append(row)
        y.append(int(right))
    return x, y


def dataset(eval_dir: Path, cache: Path | None) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    arts, docs = parse(eval_dir, cache)
    out: dict[str, tuple[list[list[float]], list[int]]] = {"a": ([], []), "b": ([], [])}
    for art, sdoc in zip(arts, docs, strict=True):
        x, y = labelled(art, sdoc)
        out[half_of(art.id)][0].extend(x)
        out[half_of(art.id)][1].extend(y)
    return {h: (np.array(x, dtype=float), np.array(y, dtype=int)) for h, (x, y) in out.items()}


#: Thresholds tried (a coarse grid: a cut fitted to the last doubtful pin of one half does not travel).
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(1, 20))


def cut(prob_a: np.ndarray, ya: np.ndarray, prob_b: np.ndarray, yb: np.ndarray) -> tuple[float, int]:
    """(threshold, wrong pins of half b dropped): the cut that drops most of half b's wrong pins while
    dropping none of the right ones on either half (half a is the fitted half: a cut that already
    costs right pins there sits too close to them); 0.0 (keep everything) when none does."""
    best = (0.0, 0)
    for t in THRESHOLDS:
        lost = int(((prob_a < t) & (ya == 1)).sum() + ((prob_b < t) & (yb == 1)).sum())
        dropped = int(((prob_b < t) & (yb == 0)).sum())
        if lost <= MAX_LOST and dropped > best[1]:
            best = (t, dropped)
    return best


def train(eval_dir: Path, cache: Path | None = None, log: bool = True) -> dict[str, Any]:
    from sklearn.linear_model import LogisticRegression

    data = dataset(eval_dir, cache)
    (xa, ya), (xb, yb) = data["a"], data["b"]
    best: tuple[float, Any, float, int] | None = None
    for c in CS:
        model = LogisticRegression(C=c, max_iter=5000).fit(xa, ya)
        threshold, dropped = cut(model.predict_proba(xa)[:, 1], ya, model.predict_proba(xb)[:, 1], yb)
        if log:
            print(
                f"C={c}: threshold {threshold}, half b wrong pins dropped {dropped} of {int((yb == 0).sum())}"
            )
        if best is None or dropped > best[3]:
            best = (c, model, threshold, dropped)
    assert best is not None
    c, model, threshold, _ = best
    weights = [round(float(w), 6) for w in model.coef_[0]]
    bias = round(float(model.intercept_[0]), 6)
    fingerprint = hashlib.sha256(json.dumps([weights, bias, threshold]).encode()).hexdigest()[:16]
    report = {}
    for half, (x, y) in data.items():
        kept = model.predict_proba(x)[:, 1] >= threshold
        report[f"half_{half}"] = {
            "checked_pins": len(y),
            "precision": [round(float(y.mean()), 4), round(float(y[kept].mean()), 4)],
            "wrong_dropped": int((~kept & (y == 0)).sum()),
            "right_dropped": int((~kept & (y == 1)).sum()),
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
