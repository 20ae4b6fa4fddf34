"""Score the scraped-plain-text cleaner (``wiresift.ingest.text.from_text``) on the extraction dev set.

Input per page: all visible page text with line breaks, as a scraper would have saved it
(``html_text.extract_text(html, guess_layout=True)``). Target: the gold ``articleBody``. Metric: the
article-extraction-benchmark's word 4-gram shingle precision / recall / F1, macro-averaged over pages
(see ``../shared/eval/extraction/README.md``). The floor, all page text, scores F1 0.665.

Usage: ``python eval/score_scraped.py [--baseline] [--show N]``.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import statistics
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import urlparse

import html_text

from gate import shared_eval

_TOKEN = re.compile(r"\w+")
SHINGLE = 4  # the benchmark's shingle width


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """Multiset of word 4-grams; a text with fewer than 4 tokens is one shorter shingle."""
    toks = _TOKEN.findall(text)
    if len(toks) < SHINGLE:
        return Counter([tuple(toks)]) if toks else Counter()
    return Counter(tuple(toks[i : i + SHINGLE]) for i in range(len(toks) - SHINGLE + 1))


def page_counts(pred: str, gold: str) -> tuple[float, float, float]:
    """(tp, fp, fn) for one page, each divided by tp+fp+fn so long pages do not dominate."""
    p, g = shingles(pred), shingles(gold)
    tp = sum((p & g).values())
    fp = sum(p.values()) - tp
    fn = sum(g.values()) - tp
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def _page_rows(pred: dict[str, str], gold: dict[str, str]) -> list[tuple[float | None, float | None, bool]]:
    """Per page: precision (None without a prediction), recall (None without gold), exact match."""
    rows: list[tuple[float | None, float | None, bool]] = []
    for key, gold_text in gold.items():
        pred_text = pred.get(key, "")
        tp, fp, fn = page_counts(pred_text, gold_text)
        if fp == 0 and fn == 0:
            prec = rec = 1.0
        else:
            prec = tp / (tp + fp) if tp + fp > 0 else 0.0
            rec = tp / (tp + fn) if tp + fn > 0 else 0.0
        exact = _TOKEN.findall(pred_text) == _TOKEN.findall(gold_text)
        rows.append((prec if tp + fp > 0 else None, rec if tp + fn > 0 else None, exact))
    return rows


def _aggregate(rows: list[tuple[float | None, float | None, bool]]) -> dict[str, float]:
    precisions = [p for p, _r, _e in rows if p is not None]
    recalls = [r for _p, r, _e in rows if r is not None]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    exact = sum(e for _p, _r, e in rows)
    return {"f1": f1, "precision": p, "recall": r, "accuracy": exact / len(rows) if rows else 0.0}


def score(pred: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    """Macro precision / recall / F1 and exact-token accuracy over the gold page ids."""
    return _aggregate(_page_rows(pred, gold))


def bootstrap_std(pred: dict[str, str], gold: dict[str, str], *, rounds: int = 1000, seed: int = 0) -> float:
    """Standard deviation of F1 over pages resampled with replacement (the benchmark's ± values)."""
    rows = _page_rows(pred, gold)
    rng = random.Random(seed)
    f1s = [_aggregate(rng.choices(rows, k=len(rows)))["f1"] for _ in range(rounds)]
    return statistics.pstdev(f1s)


def load_pages(eval_dir: Path) -> dict[str, tuple[str, str, str]]:
    """id -> (scraped page text, gold body, url) for every page of the extraction dev set."""
    root = eval_dir / "extraction"
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages: dict[str, tuple[str, str, str]] = {}
    for key in sorted(truth):
        with gzip.open(root / "html" / f"{key}.html.gz", "rt", encoding="utf-8") as fh:
            html = fh.read()
        scraped = html_text.extract_text(html, guess_layout=True)
        pages[key] = (scraped, truth[key]["articleBody"], truth[key].get("url", ""))
    return pages


def clean_with_from_text(scraped: str, url: str) -> str:
    """The body ``from_text`` keeps, or "" when it refuses the page."""
    from wiresift.ingest import IngestFailure
    from wiresift.ingest.text import from_text

    try:
        return from_text(scraped, source=url, site=urlparse(url).netloc or None).text
    except IngestFailure:
        return ""


def evaluate(
    eval_dir: Path, cleaner: Callable[[str, str], str] = clean_with_from_text
) -> tuple[dict[str, float], dict[str, str], dict[str, tuple[str, str, str]]]:
    """Scores, predictions and pages for one cleaner over the dev set."""
    pages = load_pages(eval_dir)
    preds = {key: cleaner(scraped, url) for key, (scraped, _gold, url) in pages.items()}
    gold = {key: page[1] for key, page in pages.items()}
    return score(preds, gold), preds, pages


def _worst(preds: dict[str, str], pages: dict[str, tuple[str, str, str]], n: int) -> Iterable[str]:
    rows = []
    for key, (_scraped, gold, url) in pages.items():
        tp, fp, fn = page_counts(preds[key], gold)
        rows.append((tp, fp, fn, key, url))
    rows.sort()
    for tp, fp, fn, key, url in rows[:n]:
        yield f"{tp:.3f} fp={fp:.3f} fn={fn:.3f} {key[:12]} {url}"


def main(argv: list[str]) -> int:
    eval_dir = shared_eval()
    if eval_dir is None:
        print("../shared/eval is absent", file=sys.stderr)
        return 2
    if "--baseline" in argv:
        base, _, _ = evaluate(eval_dir, lambda scraped, url: scraped)
        print("all page text:", json.dumps({k: round(v, 4) for k, v in base.items()}))
    scores, preds, pages = evaluate(eval_dir)
    print("from_text:", json.dumps({k: round(v, 4) for k, v in scores.items()}))
    gold = {key: page[1] for key, page in pages.items()}
    print(f"bootstrap std of F1: {bootstrap_std(preds, gold):.4f}")
    if "--show" in argv:
        n = int(argv[argv.index("--show") + 1])
        for line in _worst(preds, pages, n):
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
