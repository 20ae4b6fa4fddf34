"""Score article-body extraction on ``../shared/eval/extraction`` (Zyte article-extraction-benchmark).

The metric is the benchmark's own, re-implemented from its README: ``\\w+`` tokens, multisets of word
4-gram shingles, per-page TP/FP/FN normalised by TP+FP+FN, macro precision over pages with a
prediction, macro recall over pages with gold text, F1 from the two means, exact-token accuracy.

    python eval/score_extraction.py --system wiresift
    python eval/score_extraction.py --system trafilatura-precision --bootstrap 1000
    python eval/score_extraction.py --predictions out.json     # upstream-style {"id": {"articleBody"}}

The pages are split into two fixed halves by ``half``: a page is "tuned" when the sha256 of its id
(the gold key) is even, "untuned" when it is odd. Rules may be chosen by looking at tuned pages
only; the untuned half measures how well they carry over. Every run reports both halves, the whole
set, and (``--reference``, on by default) trafilatura's default ``extract()`` on the same halves.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from gate import shared_eval

SHINGLE = 4  # the benchmark's n-gram size; changing it changes every published number
TOKEN_RE = re.compile(r"\w+", re.UNICODE)

Counts = tuple[float, float, float]
HALVES = ("tuned", "untuned")


def half(key: str) -> str:
    """The fixed half of a page: "tuned" when sha256(id) is even, else "untuned" (never re-drawn)."""
    return HALVES[int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16) % 2]


def tokenize(text: str | None) -> list[str]:
    return TOKEN_RE.findall(text or "")


def shingles(text: str | None, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """Multiset of overlapping n-token windows; a text shorter than n gives one shorter shingle."""
    tokens = tokenize(text)
    grams = (tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))
    return Counter(g for g in grams if g)


def page_counts(gold: str | None, pred: str | None) -> Counts:
    """TP, FP, FN over shingles for one page, divided by their sum so long pages do not dominate."""
    g, p = shingles(gold), shingles(pred)
    tp = float(sum((g & p).values()))
    fp = float(sum((p - g).values()))
    fn = float(sum((g - p).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (tp, fp, fn)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def aggregate(counts: list[Counts]) -> dict[str, float]:
    """Macro P over pages with a prediction, macro R over pages with gold, F1 from the means."""
    ps = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    rs = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    precision = statistics.fmean(ps) if ps else 0.0
    recall = statistics.fmean(rs) if rs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": f1, "precision": precision, "recall": recall}


def load_gold(gold_dir: Path) -> dict[str, str]:
    data = json.loads((Path(gold_dir) / "ground-truth.json").read_text(encoding="utf-8"))
    return {key: value.get("articleBody") or "" for key, value in data.items()}


def load_pages(gold_dir: Path) -> dict[str, tuple[str, str | None]]:
    """``{id: (html, url)}`` for every page of the dev set, HTML decoded as UTF-8."""
    data = json.loads((Path(gold_dir) / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {}
    for key in sorted(data):
        with gzip.open(
            Path(gold_dir) / "html" / f"{key}.html.gz", "rt", encoding="utf-8", errors="replace"
        ) as f:
            pages[key] = (f.read(), data[key].get("url"))
    return pages


def score(
    predictions: dict[str, str],
    gold_dir: Path | str,
    *,
    bootstrap: int = 0,
    seed: int = 0,
    subset: str | None = None,
) -> dict[str, float]:
    """Scores of ``{id: body}`` against the gold; every gold id must be present (use "" for none).

    ``subset`` ("tuned" or "untuned") scores one half of the pages only (see ``half``).
    """
    gold = load_gold(Path(gold_dir))
    missing = sorted(set(gold) - set(predictions))
    if missing:
        raise ValueError(f"{len(missing)} gold ids have no prediction (first: {missing[0]}); use '' for none")
    if subset is not None and subset not in HALVES:
        raise ValueError(f"unknown half {subset!r}: use one of {', '.join(HALVES)}")
    keys = sorted(k for k in gold if subset is None or half(k) == subset)
    counts = [page_counts(gold[k], predictions[k]) for k in keys]
    result = aggregate(counts)
    result["accuracy"] = statistics.fmean(float(tokenize(gold[k]) == tokenize(predictions[k])) for k in keys)
    if bootstrap:
        rng = random.Random(seed)
        samples: dict[str, list[float]] = {"f1": [], "precision": [], "recall": []}
        for _ in range(bootstrap):
            picked = [counts[rng.randrange(len(counts))] for _ in counts]
            for metric, value in aggregate(picked).items():
                samples[metric].append(value)
        for metric, values in samples.items():
            result[f"{metric}_std"] = statistics.stdev(values)
    return result


def _systems() -> dict[str, Callable[[str, str | None], str]]:
    import trafilatura

    from wiresift.ingest.html import extract_body

    def traf(
        fast: bool = False, precision: bool = False, recall: bool = False
    ) -> Callable[[str, str | None], str]:
        # include_comments=False as upstream's run_trafilatura.py; the dev README's "default" row
        return lambda html, url: (
            trafilatura.extract(
                html, include_comments=False, fast=fast, favor_precision=precision, favor_recall=recall
            )
            or ""
        )

    return {
        "wiresift": lambda html, url: extract_body(html, url=url),
        "trafilatura": traf(),
        "trafilatura-fast": traf(fast=True),
        "trafilatura-precision": traf(precision=True),
        "trafilatura-recall": traf(recall=True),
    }


def score_halves(
    predictions: dict[str, str], gold_dir: Path | str, *, bootstrap: int = 0
) -> dict[str, dict[str, float]]:
    """Scores per half and for all pages: ``{"tuned": ..., "untuned": ..., "all": ...}``."""
    result = {name: score(predictions, gold_dir, bootstrap=bootstrap, subset=name) for name in HALVES}
    result["all"] = score(predictions, gold_dir, bootstrap=bootstrap)
    return result


def half_scores(scores: dict[str, dict[str, float]]) -> dict[str, float]:
    """Flat ``{"tuned_f1": ..., "untuned_precision": ..., "f1": ...}`` for the gate file."""
    flat = {k: v for k, v in scores["all"].items() if not k.endswith("_std")}
    for name in HALVES:
        flat.update({f"{name}_{k}": v for k, v in scores[name].items() if not k.endswith("_std")})
    return flat


def run_system(name: str, gold_dir: Path) -> tuple[dict[str, str], float]:
    """Predictions of one named system on every page, and the pages per second it managed."""
    extract = _systems()[name]
    pages = load_pages(gold_dir)
    start = time.perf_counter()
    predictions = {key: extract(html, url) for key, (html, url) in pages.items()}
    return predictions, len(pages) / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--system", default="wiresift", help="wiresift, trafilatura[-fast|-precision|-recall]"
    )
    parser.add_argument("--predictions", type=Path, help="score an upstream-style JSON file instead")
    parser.add_argument("--gold", type=Path, help="dev set directory (default ../shared/eval/extraction)")
    parser.add_argument("--bootstrap", type=int, default=0, help="bootstrap resamples for the ± values")
    parser.add_argument("--dump", type=Path, help="write the predictions as upstream-style JSON")
    parser.add_argument(
        "--no-reference", action="store_true", help="skip trafilatura's default run as the per-half reference"
    )
    args = parser.parse_args(argv)
    root = shared_eval()
    gold_dir = args.gold or (root / "extraction" if root else None)
    if gold_dir is None or not gold_dir.is_dir():
        print("no dev set: pass --gold DIR or set WIRESIFT_SHARED_EVAL", file=sys.stderr)
        return 2
    speed = None
    if args.predictions:
        raw = json.loads(args.predictions.read_text(encoding="utf-8"))
        predictions = {k: (v.get("articleBody") or "") for k, v in raw.items()}
        name = args.predictions.stem
    else:
        predictions, speed = run_system(args.system, gold_dir)
        name = args.system
    if args.dump:
        dump = {k: {"articleBody": v} for k, v in predictions.items()}
        args.dump.write_text(json.dumps(dump, ensure_ascii=False), encoding="utf-8")
    runs = [(name, predictions, speed)]
    if not args.no_reference and name != "trafilatura":
        reference, ref_speed = run_system("trafilatura", gold_dir)
        runs.append(("trafilatura", reference, ref_speed))
    for run_name, preds, pages_s in runs:
        for part, result in score_halves(preds, gold_dir, bootstrap=args.bootstrap).items():
            line = " ".join(f"{k}={v:.3f}" for k, v in result.items())
            print(
                f"{run_name:<22} {part:<8} {line}"
                + (f" pages/s={pages_s:.1f}" if pages_s and part == "all" else "")
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
