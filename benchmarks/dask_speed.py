"""Documents/s of ``ingest`` on a local Dask cluster with 1 worker, then 2 workers, same articles, same run.

Prints, for each phase, the docs/s, the CPU time per document of the client process (its main
thread reads, saves and files stories; its Dask threads run the scheduler, the nannies and the
transfers) and of the workers, and the peak resident memory of each worker process; then the ratio of the two rates (goal on a 2-core machine:
2 workers >= 1.6x one worker), the ratio the CPU per document allows on two idle cores, the peak
memory per worker (goal <= 1.5 GB) and the load average, which says whether the wall-clock figures
mean anything (CPU times do even on a busy machine). The client's Dask threads spend most of their
CPU on a clock (heartbeats, memory monitors), so their share per document grows when a busy machine
slows the run: they are also shown per second.

    python benchmarks/dask_speed.py [--n 2000] [--warm-up 64] [--shard-size 32] [--single] [--writer workers]

Articles: the demo corpus in examples/, repeated with a varied opening paragraph so that every copy is
a document of its own (not an exact duplicate), written as one JSONL file. Both phases ingest the same
file into an empty store. Before the clock, each phase starts its cluster (the model loads in every
worker) and ingests ``--warm-up`` other articles into a throwaway store, so that the client's and the
workers' first-use costs (imports, lazily loaded tables) fall outside the timed run in both phases
alike. ``--single`` also times single-process ``wiresift.api.ingest`` on the same file.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]

from wiresift import api, cluster  # noqa: E402
from wiresift.ingest.sources import read_sources  # noqa: E402
from wiresift.model import Document  # noqa: E402

CITIES = ["Varnik", "Solbridge", "Kessa Bay", "Orlov Point", "Tamsin", "Redwater", "Halvik", "Marrow Sound"]


def write_corpus(path: Path, n: int, lead: str = "Update") -> None:
    """``n`` JSONL records: the demo articles in turn, each copy opened by a paragraph of its own."""
    docs = [d for d in read_sources([REPO / "examples" / "corpus"]) if isinstance(d, Document)]
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            doc = docs[i % len(docs)]
            city = CITIES[i % len(CITIES)]
            opening = (
                f"{lead} {i}: officials in {city} said on Monday that {3 + i % 17} ships were waiting "
                f"outside the port and that {100 + i} people had been moved to shelters.\n\n"
            )
            record = {"id": f"{lead.lower()}-{i}", "title": doc.title, "published": doc.published,
                      "text": opening + doc.text}  # fmt: skip
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def cpu(process: psutil.Process) -> float:
    """CPU seconds (user + system) of one process and its threads so far."""
    times = process.cpu_times()
    return times.user + times.system


def main_thread_cpu() -> float:
    """CPU seconds of this process's main thread (where the client reads, saves and files stories)."""
    return time.thread_time()


@dataclass
class Run:
    rate: float  # documents/s
    done: int
    seconds: float  # wall-clock time of the timed run
    peaks: dict[str, int]  # peak RSS of each worker, bytes
    client: float  # CPU s per document of the client process, all threads (its Dask scheduler and
    #  nannies run in it), and of its other helper processes (multiprocessing's resource tracker)
    main: float  # ... of its main thread only: reading, saving, stories
    workers: float  # CPU s per document of the worker processes, all together (the analysis)

    @property
    def clock(self) -> float:
        """CPU s per second of the client's Dask threads (most of it on a clock: heartbeats, monitors)."""
        return (self.client - self.main) * self.done / self.seconds


def on_cluster(
    corpus: Path, warm: Path, tmp: Path, workers: int, shard_size: int, writer: cluster.Writer
) -> Run:
    this = psutil.Process()
    with cluster.connect(workers=workers) as client:
        if warm.stat().st_size:
            cluster.ingest([warm], client=client, db=tmp / f"warm-{workers}.db", shard_size=shard_size,
                           writer=writer)  # fmt: skip
        pids = set(client.run(os.getpid).values())
        worker_procs = [psutil.Process(pid) for pid in pids]
        others = [this, *(p for p in this.children(recursive=True) if p.pid not in pids)]
        before = [sum(map(cpu, others)), main_thread_cpu(), sum(map(cpu, worker_procs))]
        t0 = time.perf_counter()
        report = cluster.ingest([corpus], client=client, db=tmp / f"w{workers}.db", shard_size=shard_size,
                                writer=writer)  # fmt: skip
        seconds = time.perf_counter() - t0
        after = [sum(map(cpu, others)), main_thread_cpu(), sum(map(cpu, worker_procs))]
        if set(client.run(os.getpid).values()) != pids:
            print("  a worker was replaced during the run: its CPU time is missing", file=sys.stderr)
        peaks = cluster.worker_peak_rss(client)
    done = report.ingested + report.near_duplicates
    if report.failed:
        print(f"  {report.failed} failed: {report.errors[:3]}", file=sys.stderr)
    per_doc = [(b - a) / max(done, 1) for a, b in zip(before, after, strict=True)]
    return Run(done / seconds, done, seconds, peaks, *per_doc)


def bound(one: Run, two: Run) -> float:
    """The ratio two idle cores allow, from the CPU each phase spent.

    The workers and the client's main thread cost CPU per document; the client's Dask threads cost
    CPU per second (heartbeats, monitors: ``clock``). One worker: the worker has a core, and the
    client's threads share the other, so the slower side sets the rate. Two workers: everything
    shares the two cores, and the client's main thread alone cannot go faster than one core.
    """
    rate_one = min(1 / one.workers, (1 - one.clock) / one.main)
    rate_two = min((2 - two.clock) / (two.workers + two.main), 1 / two.main)
    return rate_two / rate_one


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="articles timed (default 2000)")
    parser.add_argument(
        "--warm-up", type=int, default=64, help="articles ingested before the clock (default 64)"
    )
    parser.add_argument("--shard-size", type=int, default=cluster.SHARD_SIZE)
    parser.add_argument("--single", action="store_true", help="also time single-process ingest")
    parser.add_argument(
        "--writer", choices=["auto", "client", "workers"], default="auto",
        help="who saves: auto (SQLite: the client, the shipped default) or workers (SQLite's lock orders them)",
    )  # fmt: skip
    args = parser.parse_args()

    load = os.getloadavg()
    print(f"load average at start: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")
    assert threading.current_thread() is threading.main_thread()
    with tempfile.TemporaryDirectory(prefix="wiresift-dask-") as tmpdir:
        tmp = Path(tmpdir)
        corpus, warm = tmp / "articles.jsonl", tmp / "warm-up.jsonl"
        write_corpus(corpus, args.n)
        write_corpus(warm, args.warm_up, lead="Warm-up")
        runs: dict[int, Run] = {}
        for workers in (1, 2):
            run = runs[workers] = on_cluster(corpus, warm, tmp, workers, args.shard_size, args.writer)
            mib = ", ".join(f"{peak / 2**20:.0f}" for peak in sorted(run.peaks.values()))
            print(f"{workers} worker{'s' if workers > 1 else ''}: {run.done} documents in {run.seconds:.0f} s, "
                  f"{run.rate:.2f} docs/s; CPU ms per document: workers {run.workers * 1000:.1f}, client "
                  f"{run.client * 1000:.1f} (main thread {run.main * 1000:.1f}, Dask threads "
                  f"{(run.client - run.main) * 1000:.1f} = {run.clock * 1000:.0f} ms per second); "
                  f"peak RSS per worker {mib} MiB")  # fmt: skip
        if args.single:
            api.build_pipeline().nlp  # noqa: B018  (load the model before the clock, as the workers do)
            api.ingest([warm], db=tmp / "single-warm.db")
            t0 = time.perf_counter()
            report = api.ingest([corpus], db=tmp / "single.db")
            rate = (report.ingested + report.near_duplicates) / (time.perf_counter() - t0)
            print(f"single process: {rate:.2f} docs/s ({rate / runs[1].rate:.2f}x one worker)")
    ratio = runs[2].rate / runs[1].rate
    worst = max(peak for run in runs.values() for peak in run.peaks.values())
    load = os.getloadavg()
    same = bound(runs[1], replace(runs[2], workers=runs[1].workers))
    print(f"ratio 2 workers / 1 worker: {ratio:.2f}x (goal >= 1.6x); at most {bound(runs[1], runs[2]):.2f}x "
          f"on 2 idle cores from the CPU per document ({same:.2f}x had the analysis cost each worker as much "
          f"CPU per document as alone); peak RSS per worker {worst / 2**30:.2f} GB "
          f"(goal <= 1.5 GB); load average at end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
