"""Cost of learning boilerplate while reading scraped text, against a single-pass baseline in-process.

    .venv/bin/python benchmarks/text_batch_speed.py [--docs 400] [--sites 4]

Synthetic scraped pages (masthead, menu, byline, ~450 words of prose with a newsletter plug and a
"Follow us" line inside the body, footer) in one directory per site. Prints the ratio of
``read_sources`` (two passes: clean, observe, clean again with the learned model) to the baseline of
reading each file and running ``from_text`` once (lower is better; about 2 is expected, since every page
is cleaned twice), and how many pages still carry the repeated lines either way.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from wiresift.ingest.sources import read_sources
from wiresift.ingest.text import from_text
from wiresift.model import Document

_PHRASE = (
    "officials said on thursday that the border troops had detained several people near the river "
    "while the ministry promised more drones and the analysts warned that numbers were uncertain"
)
WORDS = _PHRASE.split(" ")
PLUG = "Follow us on Telegram for live updates from the region."


def _page(rng: random.Random, site: int) -> str:
    paras = []
    for _ in range(6):
        sentences = [" ".join(rng.choice(WORDS) for _ in range(15)).capitalize() + "." for _ in range(5)]
        paras.append(" ".join(sentences))
    paras.insert(3, f"Sign up for the Site {site} Briefing, our daily newsletter, delivered at seven.")
    paras.append(PLUG)
    head = [f"Site {site} News", f"site{site}news.com", "Home | World | Security | Energy", ""]
    head += [
        " ".join(rng.choice(WORDS) for _ in range(8)).capitalize(),
        "",
        "By Dana Reyes",
        "",
        "May 4, 2026",
    ]
    return "\n".join(head) + "\n\n" + "\n\n".join(paras) + f"\n\n© 2026 Site {site} News.\n"


def _write(root: Path, docs: int, sites: int) -> list[Path]:
    rng = random.Random(7)
    paths = []
    for i in range(docs):
        folder = root / f"site{i % sites}"
        folder.mkdir(exist_ok=True)
        path = folder / f"{i:05d}.txt"
        path.write_text(_page(rng, i % sites), encoding="utf-8")
        paths.append(path)
    return paths


def _best(fn: Callable[[], list[Document]], repeat: int = 2) -> tuple[float, list[Document]]:
    best, out = float("inf"), []
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--sites", type=int, default=4)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        paths = _write(root, args.docs, args.sites)
        base, plain = _best(lambda: [from_text(p.read_text(encoding="utf-8"), source=str(p)) for p in paths])
        new, learned = _best(lambda: [x for x in read_sources([root]) if isinstance(x, Document)])
    left_plain = sum(PLUG in d.text for d in plain)
    left_learned = sum(PLUG in d.text for d in learned)
    print(f"{args.docs} pages, {args.sites} sites")
    print(f"baseline read + from_text once: {base:.2f} s ({base / args.docs * 1000:.1f} ms/page)")
    print(f"read_sources with learning:     {new:.2f} s ({new / args.docs * 1000:.1f} ms/page)")
    print(f"ratio {new / base:.2f}; pages still carrying the plug: {left_plain} -> {left_learned}")


if __name__ == "__main__":
    main()
