"""Words/s of the wiresift NLP stages against bare ``nlp.pipe`` of the same model, same texts, same run.

Prints the end-to-end ratio (full pipeline time / bare spaCy time), each stage's added share timed on
its own, and the best full run's own breakdown: its parse (documents with their side texts, long texts
in parts), each stage as it ran inside the run, the joining of long texts' parts, the rest, and the
share outside the stages (full - bare - stages in the run).
Goals: the whole pipeline ≤ 1.3x bare spaCy (issue 11); events add ≤ 10% (issue 14).

    python benchmarks/nlp_speed.py [--limit N] [--repeat R] [--short-warm-up]

Before any timed run, one bare and one full run over all the texts go untimed (``--short-warm-up``:
five texts of each instead), so that no pair pays what only a first run pays (the vocabulary's new
words, lazy model parts, the stages' lexicons). Bare and full runs alternate (bare, full, bare, full, ...), so that a slow spell of a shared machine
hits both sides of a pair alike. The headline is the **median ratio of the paired runs**, in wall time
and in process CPU time (``time.process_time``: the parse runs in this one process, one thread, so its
CPU seconds barely move when other processes share the cores, where wall seconds swing by a third);
best-of-each is printed beside them. With ``--n-process`` above 1 the parse runs in child processes and
only the wall ratios mean anything.

Texts: PolNeAR dev articles from ../shared/eval when present (read, never copied), else the demo corpus.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path
from statistics import median

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "eval"))

from gate import shared_eval  # noqa: E402
from wiresift.model import Document  # noqa: E402
from wiresift.nlp.pipeline import DEFAULT_STAGES, Context, Pipeline, load_model  # noqa: E402


def load_texts(limit: int) -> tuple[list[str], str]:
    shared = shared_eval()
    if shared is not None:
        files = sorted((shared / "quotes" / "polnear" / "dev" / "text").glob("*.txt"))[:limit]
        if files:
            return [f.read_text(encoding="utf-8") for f in files], f"PolNeAR dev ({len(files)} articles)"
    from wiresift.ingest.sources import read_sources

    docs = [d for d in read_sources([REPO / "examples"]) if isinstance(d, Document)][:limit]
    return [d.text for d in docs], f"examples/ ({len(docs)} articles)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=60)
    parser.add_argument(
        "--repeat", type=int, default=3, help="R pairs of a bare and a full run (median and best of R)"
    )
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument(
        "--short-warm-up",
        action="store_true",
        help="warm up on five texts instead of one untimed bare and full run over all of them",
    )
    args = parser.parse_args()

    texts, label = load_texts(args.limit)
    words = sum(len(re.findall(r"\w+", t)) for t in texts)
    nlp = load_model()
    pipeline = Pipeline(DEFAULT_STAGES, n_process=args.n_process)

    def bare() -> tuple[float, float]:
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in nlp.pipe(texts, batch_size=pipeline.batch_size, n_process=args.n_process):
            pass
        return time.perf_counter() - t0, time.process_time() - c0

    runs: list[dict[str, float]] = []  # each full run's own breakdown (parse, join, stages)

    def full() -> tuple[float, float]:
        docs = [Document(text=t, published="2016-11-01", site="bench") for t in texts]
        pipeline.timings = {}
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in pipeline.run(docs):
            pass
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
        runs.append(pipeline.timings)
        pipeline.timings = None
        return elapsed, cpu

    # Warm-up, untimed: lazy model parts, caches, the gazetteer build, and the vocabulary's first
    # sight of every word of the texts, which only the first run over them pays (the first pair's bare
    # run read slower than the next ones', its ratio under 1)
    if args.short_warm_up:
        list(nlp.pipe(texts[:5]))
        list(pipeline.run([Document(text=t, published="2016-11-01") for t in texts[:5]]))
    else:
        bare()
        full()
    runs.clear()  # the warm-up run is not measured
    # Interleaved, so that a slow spell of a shared machine hits both sides alike.
    bares: list[float] = []
    fulls: list[float] = []
    bare_cpu: list[float] = []
    full_cpu: list[float] = []
    for _ in range(args.repeat):
        for timer, walls, cpus in ((bare, bares, bare_cpu), (full, fulls, full_cpu)):
            wall, cpu = timer()
            walls.append(wall)
            cpus.append(cpu)
    t_bare, t_full = min(bares), min(fulls)
    best = runs[fulls.index(t_full)]
    paired = median([f / b for f, b in zip(fulls, bares, strict=True)])
    paired_cpu = median([f / b for f, b in zip(full_cpu, bare_cpu, strict=True)])

    # Each stage's own time, on the same parsed docs, in pipeline order.
    sdocs = list(nlp.pipe(texts, batch_size=pipeline.batch_size))
    docs = [Document(text=t, published="2016-11-01", site="bench") for t in texts]
    ctxs = [Context(parse=nlp) for _ in docs]  # as the pipeline: side texts (captions, headlines) parsed
    per_stage: dict[str, float] = {}
    stage_cpu: dict[str, float] = {}
    for stage in pipeline.stages:
        t0, c0 = time.perf_counter(), time.process_time()
        for doc, sdoc, ctx in zip(docs, sdocs, ctxs, strict=True):
            stage(doc, sdoc, ctx)
        per_stage[stage.name] = time.perf_counter() - t0
        stage_cpu[stage.name] = time.process_time() - c0

    warm = "five texts" if args.short_warm_up else "one untimed bare and full run"
    print(
        f"texts: {label}, {words:,} words; warm-up: {warm}; {args.repeat} pairs of runs, bare and full alternating"
    )
    print(
        f"bare nlp.pipe      {t_bare:7.2f}s  {words / t_bare:9,.0f} words/s  (best; CPU {min(bare_cpu):.2f}s)"
    )
    print(
        f"wiresift pipeline  {t_full:7.2f}s  {words / t_full:9,.0f} words/s  (best; CPU {min(full_cpu):.2f}s)"
    )
    print(f"ratio full/bare    {paired:.3f}x  median of paired runs, wall time (headline)")
    print(f"ratio full/bare    {paired_cpu:.3f}x  median of paired runs, process CPU time")
    print(f"ratio full/bare    {t_full / t_bare:.3f}x  best of each, wall time")
    print(f"  paired wall: {' '.join(f'{f / b:.3f}' for f, b in zip(fulls, bares, strict=True))}")
    print(f"  paired CPU:  {' '.join(f'{f / b:.3f}' for f, b in zip(full_cpu, bare_cpu, strict=True))}")
    print(
        f"  CPU/wall of the runs: {sum(bare_cpu + full_cpu) / sum(bares + fulls):.2f} (under 1: the cores were shared)"
    )
    for name, secs in per_stage.items():
        print(
            f"  + {name:<10} {secs:6.2f}s  adds {100 * secs / t_bare:5.1f}% of bare spaCy time"
            f"  (CPU {stage_cpu[name]:5.2f}s, {100 * stage_cpu[name] / min(bare_cpu):5.1f}% of bare CPU)"
        )
    # Inside the best full run: the pipeline's own parse (whole short texts in batches, long texts in
    # parts), the joining of parts, each stage, and the rest (loop, contexts, generator hand-offs).
    stages_in_run = sum(best.get(s.name, 0.0) for s in pipeline.stages)
    parse, join = best.get("parse", 0.0), best.get("join", 0.0)
    rest = t_full - parse - join - stages_in_run
    print(f"inside the best full run ({t_full:.2f}s), in % of bare spaCy time:")
    print(f"  parse      {parse:6.2f}s  {100 * parse / t_bare:5.1f}%  (bare nlp.pipe: 100%)")
    for stage in pipeline.stages:
        print(
            f"  {stage.name:<10} {best.get(stage.name, 0.0):6.2f}s  {100 * best.get(stage.name, 0.0) / t_bare:5.1f}%"
        )
    print(f"  join parts {join:6.2f}s  {100 * join / t_bare:5.1f}%")
    print(f"  rest       {rest:6.2f}s  {100 * rest / t_bare:5.1f}%")
    outside = t_full - t_bare - stages_in_run
    print(
        f"outside the stages {outside:6.2f}s  {100 * outside / t_bare:5.1f}%  "
        f"(= parse - bare {100 * (parse - t_bare) / t_bare:+.1f}% + join + rest)"
    )
    groups = {
        "entities+quotes": ("entities", "quotes"),
        "timexes+claims": ("timexes", "claims"),
        "places": ("places",),
    }
    for group, names in groups.items():
        share = sum(per_stage.get(n, 0.0) for n in names) / t_bare
        print(f"group {group:<16} adds {100 * share:5.1f}%")


if __name__ == "__main__":
    main()
