"""Pages per second of wiresift's ``extract_body`` against trafilatura ``extract()`` (default settings).

Both run on the same decoded pages in the same process, interleaved over several rounds so that load
from other processes hits both alike; the best round of each counts. Uses the extraction dev set
(``../shared/eval/extraction``) when present, else the project's own HTML fixtures.

    python benchmarks/extract_speed.py [--rounds 3] [--limit N]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura

from wiresift.ingest.html import extract_body

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "html"
GOAL = 0.8  # the floor: at least 0.8x trafilatura's default speed


def load_pages(limit: int | None = None) -> tuple[str, list[tuple[str, str | None]]]:
    """(where the pages came from, [(html, url)])."""
    sys.path.insert(0, str(REPO / "eval"))
    from gate import shared_eval
    from score_extraction import load_pages as load_dev

    root = shared_eval()
    if root is not None and (root / "extraction" / "ground-truth.json").is_file():
        pages = list(load_dev(root / "extraction").values())
        source = "dev set"
    else:
        pages = [(p.read_text(encoding="utf-8"), None) for p in sorted(FIXTURES.glob("*.html"))]
        source = "fixtures (no shared eval data)"
    return source, pages[:limit] if limit else pages


def best_rate(fn: Callable[[str, str | None], object], pages: list[tuple[str, str | None]]) -> float:
    start = time.perf_counter()
    for html, url in pages:
        fn(html, url)
    return len(pages) / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    source, pages = load_pages(args.limit)
    if not pages:
        print("no pages to time", file=sys.stderr)
        return 2

    def baseline(html: str, url: str | None) -> object:
        return trafilatura.extract(html, url=url, include_comments=False)

    def ours(html: str, url: str | None) -> object:
        return extract_body(html, url=url)

    ours(*pages[0])  # warm imports and caches outside the timed rounds
    baseline(*pages[0])
    base_rates, our_rates = [], []
    for _ in range(args.rounds):
        base_rates.append(best_rate(baseline, pages))
        our_rates.append(best_rate(ours, pages))
    base, mine = max(base_rates), max(our_rates)
    ratio = mine / base
    print(f"pages: {len(pages)} from {source}, best of {args.rounds} rounds")
    print(f"trafilatura extract() default: {base:7.1f} pages/s")
    print(f"wiresift extract_body:         {mine:7.1f} pages/s")
    print(f"ratio: {ratio:.2f}x (goal >= {GOAL}x) {'ok' if ratio >= GOAL else 'BELOW GOAL'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
