"""Concurrency: processes opening a new store at once, parallel ingests on a new store, readers during writes.

Processes are started one by one but begin at the same wall-clock instant (``support.at_once``), so the
races are real: before #17, four ingests started together on a new database failed one time in three
("table canonical_entities already exists"), and parallel ingests missed near-copies stored by the
other process (248 links instead of 259).
"""

from __future__ import annotations

import random
import re
import sqlite3
import subprocess
import sys
import time
from collections import defaultdict
from contextlib import closing
from pathlib import Path

from support import at_once, check_store, clustered_records, env, spawn, write_jsonl

from wiresift import api
from wiresift.store import SQLiteStore
from wiresift.store.migrations import MIGRATIONS

PROCESSES = 4
OPEN_TRIALS = 12
#: New stores ingested into by PROCESSES processes at once.
TRIALS = 2

#: Each child opens its share of the new databases at the same instants as the others.
_OPEN_AT = """
import sys, time
from wiresift.store import SQLiteStore
start, gap, paths = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3:]
for n, path in enumerate(paths):
    while time.time() < start + n * gap:
        time.sleep(0.0005)
    try:
        SQLiteStore(path).close()
        print("ok", flush=True)
    except Exception as exc:
        print("failed", type(exc).__name__, exc, flush=True)
"""


def test_processes_opening_a_new_store_at_once_all_succeed(tmp_path: Path) -> None:
    paths = [str(tmp_path / f"new-{n}.db") for n in range(OPEN_TRIALS)]
    start = time.time() + 3.0  # time for every interpreter to import wiresift before the first instant
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _OPEN_AT, str(start), "0.25", *paths],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env(),
        )
        for _ in range(PROCESSES)
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    lines = [line for out, _ in outputs for line in out.splitlines()]
    assert len(lines) == PROCESSES * OPEN_TRIALS, outputs
    assert all(line == "ok" for line in lines), [line for line in lines if line != "ok"]
    for path in paths:
        with closing(sqlite3.connect(path)) as conn:
            versions = [r[0] for r in conn.execute("SELECT version FROM schema_version ORDER BY version")]
            assert versions == list(range(1, len(MIGRATIONS) + 1))  # each step applied exactly once


def _shares(records: list[dict[str, object]], seed: int) -> list[list[dict[str, object]]]:
    """Split records over the processes: each in one or two shares, the copies of a story spread out."""
    rng = random.Random(seed)
    shares: list[list[dict[str, object]]] = [[] for _ in range(PROCESSES)]
    for record in records:
        for k in rng.sample(range(PROCESSES), rng.choice((1, 1, 2))):
            shares[k].append(record)
    for share in shares:
        rng.shuffle(share)
    return shares


def test_parallel_ingests_on_a_new_store_store_everything_once_and_link_every_copy(tmp_path: Path) -> None:
    clusters, copies, singles = 30, 3, 40
    for trial in range(TRIALS):
        records = clustered_records(trial, clusters, copies, singles)
        files = [
            write_jsonl(tmp_path / f"t{trial}-p{k}.jsonl", share)
            for k, share in enumerate(_shares(records, trial))
        ]
        db = tmp_path / f"parallel-{trial}.db"
        start = time.time() + 2.5
        procs = [spawn(at_once(start, "ingest", f, "--db", db, "--only", "extract")) for f in files]
        outputs = [p.communicate(timeout=180) for p in procs]
        assert [p.returncode for p in procs] == [0] * PROCESSES, outputs
        assert all(b"Traceback" not in err for _, err in outputs)
        counts_of = [list(map(int, re.findall(rb"\d+", out))) for out, _ in outputs]
        totals = [sum(n) for n in zip(*counts_of, strict=True)]
        lines = sum(len(f.read_text().splitlines()) for f in files)
        ingested, duplicates, near, failed = totals
        assert (ingested + near, duplicates, failed) == (len(records), lines - len(records), 0)
        assert near == clusters * (copies - 1), f"trial {trial}: {near} near-copies linked"
        counts = check_store(db)
        assert counts["documents"] == counts["signatures"] == len(records)
        with closing(sqlite3.connect(db)) as conn:
            link = dict(conn.execute("SELECT id, coalesce(duplicate_of, id) FROM documents").fetchall())
        roots: dict[object, set[str]] = defaultdict(set)
        for record in records:
            roots[record["cluster"] if record["cluster"] is not None else record["id"]].add(
                link[str(record["id"])]
            )
        assert all(len(r) == 1 for r in roots.values())  # one root per story, whichever process stored it


def test_readers_see_a_consistent_store_while_ingests_write(tmp_path: Path) -> None:
    records = clustered_records(7, 40, 2, 120)
    files = [write_jsonl(tmp_path / f"w{k}.jsonl", share) for k, share in enumerate(_shares(records, 7)[:2])]
    db = tmp_path / "busy.db"
    api.open_store(db).close()
    procs = [spawn(at_once(time.time() + 1.5, "ingest", f, "--db", db, "--only", "extract")) for f in files]
    reads, seen = 0, 0
    while any(p.poll() is None for p in procs) or reads == 0:
        with SQLiteStore(db) as store:
            stats = store.stats()
            documents = stats["documents"]
            assert isinstance(documents, int) and documents >= seen  # committed documents never vanish
            seen = documents
            hits = api.search(store, "officials OR said", limit=5)
            assert len(hits) <= 5
            if hits:
                doc = api.get_document(store, hits[0].id)
                assert doc.text and doc.content_hash
            assert sum(1 for _ in store.documents()) >= seen
        reads += 1
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    assert reads >= 3
    counts = check_store(db)
    assert counts["documents"] == len({str(r["id"]) for share in _shares(records, 7)[:2] for r in share})
