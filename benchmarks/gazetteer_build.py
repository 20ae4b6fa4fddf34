"""Gazetteer build time and loaded memory, and the places stage's cost next to bare spaCy.

Run: ``python benchmarks/gazetteer_build.py``. Prints:
- build seconds (fresh index in a temporary cache dir) against the baseline of only reading the
  source package files (json/tsv parsing) in the same process;
- resident memory added by loading the index and running 20,000 lookups (limit: 300 MB);
- the places stage time as a ratio of ``nlp.pipe`` time on the same texts (goal: <= 1.15 in total,
  i.e. the stage adds at most 15 %).
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TEXTS = [
    REPO / "tests" / "fixtures" / "places" / "sahel_convoy.txt",
    REPO.parent / "shared" / "samples" / "000_59a197cb52f7444e.txt",
]
#: Names looked up in the memory probe: common, ambiguous and unknown names alike.
PROBE = ["Moscow", "Paris", "Springfield", "Kabul", "Central Asia", "Donbas", "Georgia", "Zzyzx", "Afghan"]


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def bench_build() -> None:
    from wiresift.gazetteer import build, sources

    t0 = time.perf_counter()
    sources.read_sources()
    read_s = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        build_s = build.build(Path(tmp) / "gazetteer.sqlite")
        size_mb = (Path(tmp) / "gazetteer.sqlite").stat().st_size / 2**20
    print(f"read sources (baseline): {read_s:.2f} s")
    print(
        f"full build: {build_s:.2f} s  (ratio to reading: {build_s / read_s:.2f}); index {size_mb:.0f} MB on disk"
    )


def bench_memory() -> None:
    """In a fresh interpreter, so the build's own allocations do not hide the loaded size."""
    import subprocess

    out = subprocess.run(
        [sys.executable, __file__, "--memory-probe"], capture_output=True, text=True, check=True
    )
    print(out.stdout.strip())


def _memory_probe() -> None:
    import wiresift.gazetteer.query  # noqa: F401  (imports are not the gazetteer's memory)

    before = _rss_mb()
    from wiresift import gazetteer

    t0 = time.perf_counter()
    gaz = gazetteer.load()
    load_s = time.perf_counter() - t0
    for i in range(20_000):
        gaz.candidates(PROBE[i % len(PROBE)] + ("" if i % 3 else f" {i}"))
        gaz.demonym(PROBE[i % len(PROBE)])
    print(
        f"load {1000 * load_s:.0f} ms; loaded + 20k lookups: +{_rss_mb() - before:.1f} MB resident "
        f"(limit 300 MB); {gaz.count()} places"
    )


def bench_stage(rounds: int = 5) -> None:
    from wiresift.nlp.pipeline import load_model
    from wiresift.nlp.places.stage import geoparse_doc

    texts = [p.read_text(encoding="utf-8") for p in TEXTS if p.is_file()] * 8
    nlp = load_model()
    list(nlp.pipe(texts[:2]))
    t0 = time.perf_counter()
    for _ in range(rounds):
        sdocs = list(nlp.pipe(texts))
    spacy_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in range(rounds):
        for sdoc in sdocs:
            geoparse_doc(sdoc)
    stage_s = time.perf_counter() - t0
    print(
        f"spaCy {spacy_s:.2f} s, places {stage_s:.3f} s: stage adds {100 * stage_s / spacy_s:.1f} % (goal <= 15 %)"
    )


if __name__ == "__main__":
    if "--memory-probe" in sys.argv:
        _memory_probe()
        raise SystemExit(0)
    bench_build()
    bench_memory()
    if "--no-stage" not in sys.argv:
        bench_stage()
    print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
