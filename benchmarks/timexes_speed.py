"""Time the ``timexes`` stage against bare ``nlp.pipe`` on the same texts, in the same process.

    python benchmarks/timexes_speed.py [--limit N] [--repeat R]

Texts: the TimeBank + AQUAINT dev files from ../shared/eval/time when present (read, never
copied), else the sample article repeated. Budget (issue 4): timexes adds at most 7% of the bare
spaCy time (timexes + claims together at most 15%).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "eval"))

from gate import shared_eval  # noqa: E402
from wiresift.model import Document  # noqa: E402
from wiresift.nlp.pipeline import Context, load_model  # noqa: E402
from wiresift.nlp.time.stage import make_stage  # noqa: E402

SAMPLE = REPO.parent / "shared" / "samples" / "000_59a197cb52f7444e.txt"


def load_texts(limit: int) -> tuple[list[tuple[str, str | None]], str]:
    shared = shared_eval()
    if shared is not None and (shared / "time").is_dir():
        import score_time

        docs = [d for corpus in score_time.CORPORA for d in score_time.iter_docs(shared / "time", corpus)]
        docs = docs[:limit]
        return [(d.text, d.dct) for d in docs], f"TimeBank+AQUAINT dev ({len(docs)} docs)"
    text = SAMPLE.read_text(encoding="utf-8")
    return [(text, "2022-02-10")] * min(limit, 50), "sample article x50"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=256)
    parser.add_argument("--repeat", type=int, default=3, help="best of R timings for each measurement")
    args = parser.parse_args()

    items, label = load_texts(args.limit)
    texts = [t for t, _ in items]
    nlp = load_model()
    list(nlp.pipe(texts[:5]))  # warm-up

    def bare() -> tuple[float, float]:
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in nlp.pipe(texts, batch_size=32):
            pass
        return time.perf_counter() - t0, time.process_time() - c0

    sdocs = list(nlp.pipe(texts, batch_size=32))
    stage = make_stage()

    def timexes() -> tuple[float, float]:
        docs = [Document(text=t, published=p) for t, p in items]
        t0, c0 = time.perf_counter(), time.process_time()
        for doc, sdoc in zip(docs, sdocs, strict=True):
            stage(doc, sdoc, Context())
        return time.perf_counter() - t0, time.process_time() - c0

    # Best of R for each clock; CPU time is the steadier one on a shared machine.
    bare_runs = [bare() for _ in range(args.repeat)]
    tx_runs = [timexes() for _ in range(args.repeat)]
    wall_bare, cpu_bare = min(r[0] for r in bare_runs), min(r[1] for r in bare_runs)
    wall_tx, cpu_tx = min(r[0] for r in tx_runs), min(r[1] for r in tx_runs)
    words = sum(len(t.split()) for t in texts)
    print(f"texts: {label}, {words:,} words")
    print(f"bare nlp.pipe   wall {wall_bare:7.3f}s  cpu {cpu_bare:7.3f}s")
    print(f"timexes stage   wall {wall_tx:7.3f}s  cpu {cpu_tx:7.3f}s")
    print(
        f"timexes adds {100 * wall_tx / wall_bare:5.2f}% (wall) / {100 * cpu_tx / cpu_bare:5.2f}% (cpu) "
        "of bare spaCy time (budget 7%)"
    )


if __name__ == "__main__":
    main()
