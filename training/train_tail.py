"""Train the end-of-article chrome model of :mod:`wiresift.ingest.tail`: ``make train-tail``
(``python training/train_tail.py [--check] [EVAL_DIR]``).

Only the **tuned** half of the extraction dev set is read (``score_extraction.half``); the untuned half
stays for measuring. Steps:

1. for every tuned page, three bodies: wiresift's own before trimming, readability's, and trafilatura's
   default ``extract()`` (the last two only add examples of chrome and story endings that our
   pruning already removes on these pages, so the model sees more shapes of both);
2. each of the last ``WINDOW`` paragraphs of each body is one example, chrome when fewer than half of
   its word 4-grams occur in the gold body. Paragraphs mostly in non-Latin scripts are skipped (the
   benchmark's ``\\w+`` tokens make whole CJK clauses one token, so their labels are noise);
3. logistic regression (scikit-learn, fixed seed) for each ``C`` of a grid; with five folds grouped by
   page, each (C, threshold) pair trims the held-out fold's own bodies and the pair with the best
   macro F1 over all tuned pages wins (ties: the higher threshold, which trims less);
4. the refit weights and threshold go to ``src/wiresift/ingest/tail_weights.json`` with the sha256 of
   the gold file and a fingerprint of the rounded numbers.

``--check`` retrains and compares the fingerprint with the shipped file instead of writing it.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "eval"))

import score_extraction as se  # noqa: E402
from gate import shared_eval  # noqa: E402
from wiresift.ingest.html_body import parse, untrimmed_body  # noqa: E402
from wiresift.ingest.html_clean import clean_lines, headlines  # noqa: E402
from wiresift.ingest.tail import FEATURES, WEIGHTS_PATH, WINDOW, features, link_share  # noqa: E402

SEED = 13
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
THRESHOLDS = tuple(round(0.4 + 0.05 * i, 2) for i in range(11))  # 0.40 .. 0.90
FOLDS = 5
CHROME_BELOW = 0.5  # a paragraph with less than this share of its 4-grams in the gold is chrome


def latin(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isascii() or "\u00c0" <= c <= "\u024f" for c in letters) >= 0.5 * len(
        letters
    )


def paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.splitlines() if p.strip()]


def examples(text: str, gold: str, anchors: set[str]) -> list[tuple[list[float], int]]:
    gold_shingles = se.shingles(gold)
    out = []
    paras = paragraphs(text)
    for rank in range(min(WINDOW, len(paras) - 1)):
        line = paras[len(paras) - 1 - rank]
        if not latin(line):
            continue
        own = se.shingles(line)
        share = sum((own & gold_shingles).values()) / max(1, sum(own.values()))
        out.append((features(line, rank, link_share(line, anchors)), int(share < CHROME_BELOW)))
    return out


def load(gold_dir: Path) -> list[dict[str, object]]:
    import trafilatura

    gold = se.load_gold(gold_dir)
    pages = []
    for key, (html, url) in se.load_pages(gold_dir).items():
        if se.half(key) != "tuned":
            continue
        tree = parse(html)
        if tree is None:
            continue
        own, anchors, _, generic = untrimmed_body(tree, url)
        default = trafilatura.extract(html, include_comments=False) or ""
        head = headlines(tree)
        bodies = [own, clean_lines(generic, head), clean_lines(default, head)]
        rows = [row for body in bodies for row in examples(body, gold[key], anchors)]
        pages.append({"key": key, "gold": gold[key], "bodies": bodies, "anchors": anchors, "rows": rows})
    return pages


def trimmed(text: str, anchors: set[str], weights: np.ndarray, threshold: float) -> str:
    paras = [p for p in text.split("\n\n") if p.strip()]
    total = sum(len(p) for p in paras)
    start, dropped = len(paras), 0
    for rank in range(min(WINDOW, len(paras) - 1)):
        i = len(paras) - 1 - rank
        x = np.array(features(paras[i], rank, link_share(paras[i], anchors)))
        if 1 / (1 + np.exp(-float(x @ weights))) < threshold:
            break
        dropped += len(paras[i])
        if dropped > 0.5 * total:
            break
        start = i
    return "\n\n".join(paras[:start])


def macro_f1(pages: list[dict[str, object]], bodies: list[list[str]]) -> float:
    """Mean over the three extractors of the macro F1 of their (trimmed) bodies."""
    scores = []
    for source in range(len(bodies[0])):
        counts = [se.page_counts(str(p["gold"]), b[source]) for p, b in zip(pages, bodies, strict=True)]
        scores.append(se.aggregate(counts)["f1"])
    return sum(scores) / len(scores)


def fit(rows: list[tuple[list[float], int]], c: float) -> np.ndarray:
    from sklearn.linear_model import LogisticRegression

    x = np.array([r[0] for r in rows])
    y = np.array([r[1] for r in rows])
    model = LogisticRegression(C=c, fit_intercept=False, max_iter=2000, random_state=SEED)
    model.fit(x, y)
    weights: np.ndarray = model.coef_[0]
    return weights


def select(pages: list[dict[str, object]]) -> tuple[float, float, float]:
    """(C, threshold, cross-validated F1) with the best grouped-CV F1 over the tuned pages."""
    rng = np.random.default_rng(SEED)
    fold_of = rng.permutation(len(pages)) % FOLDS
    best = (-1.0, 0.0, 0.0)
    for c in C_GRID:
        bodies: dict[float, list[list[str]]] = {t: [[]] * len(pages) for t in THRESHOLDS}
        for fold in range(FOLDS):
            train = [r for i, p in enumerate(pages) if fold_of[i] != fold for r in p["rows"]]  # type: ignore[attr-defined]
            weights = fit(train, c)
            for i, page in enumerate(pages):
                if fold_of[i] == fold:
                    for t in THRESHOLDS:
                        bodies[t][i] = [
                            trimmed(b, page["anchors"], weights, t)  # type: ignore[arg-type]
                            for b in page["bodies"]  # type: ignore[attr-defined]
                        ]
        for t in THRESHOLDS:
            f1 = macro_f1(pages, bodies[t])
            print(f"C={c:<5} threshold={t:.2f} cv F1={f1:.4f}")
            if f1 > best[0] + 1e-9 or (abs(f1 - best[0]) <= 1e-9 and t > best[2]):
                best = (f1, c, t)
    return best[1], best[2], best[0]


def main(argv: list[str]) -> int:
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    root = Path(args[0]) if args else shared_eval()
    gold_dir = root / "extraction" if root else None
    if gold_dir is None or not (gold_dir / "ground-truth.json").is_file():
        print("no extraction dev set: pass EVAL_DIR or set WIRESIFT_SHARED_EVAL", file=sys.stderr)
        return 2
    pages = load(gold_dir)
    rows = [r for p in pages for r in p["rows"]]  # type: ignore[attr-defined]
    print(f"{len(pages)} tuned pages, {len(rows)} examples, {sum(r[1] for r in rows)} chrome")
    untrimmed = macro_f1(pages, [p["bodies"] for p in pages])  # type: ignore[misc]
    c, threshold, cv_f1 = select(pages)
    weights = [round(float(w), 4) for w in fit(rows, c)]
    print(f"untrimmed F1={untrimmed:.4f}; chosen C={c} threshold={threshold} cv F1={cv_f1:.4f}")
    for name, w in sorted(zip(FEATURES, weights, strict=True), key=lambda x: -abs(x[1])):
        print(f"  {name:<15} {w:+.3f}")
    data = {
        "features": list(FEATURES),
        "weights": weights,
        "threshold": threshold,
        "C": c,
        "cv_f1": round(cv_f1, 4),
        "gold_sha256": hashlib.sha256((gold_dir / "ground-truth.json").read_bytes()).hexdigest(),
    }
    data["fingerprint"] = hashlib.sha256(json.dumps([weights, threshold]).encode()).hexdigest()[:16]
    if check:
        shipped = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
        same = shipped.get("fingerprint") == data["fingerprint"]
        print("shipped weights reproduced" if same else "shipped weights differ from a fresh training")
        return 0 if same else 1
    WEIGHTS_PATH.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {WEIGHTS_PATH.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
