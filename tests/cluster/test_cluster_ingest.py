"""``ingest`` on a local Dask cluster of 2 workers: the same store as single-process ingest, and no
document lost or stored twice when a worker or the client is killed mid-run."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="the cluster extra (dask, distributed) is not installed")

from distributed import Client
from tests.cluster.articles import write_articles

from wiresift import api, cluster

SRC = Path(__file__).resolve().parents[2] / "src"


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with cluster.connect(workers=2) as c:
        yield c


def records(db: str | Path) -> list[str]:
    store = api.open_store(db)
    try:
        return sorted("".join(api.export(store, "jsonl")).splitlines())
    finally:
        store.close()


def stories(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """The rows of a SQLite store's story tables (memberships with their evidence, tracked claims and
    quotes with their mentions), in a stable order."""
    tables = ["story_articles", "tracked_claims", "tracked_quotes", "tracked_claim_mentions",
              "tracked_quote_mentions"]  # fmt: skip
    with sqlite3.connect(db) as conn:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}


def stored(db: Path) -> tuple[int, int, str]:
    """(documents, distinct content hashes, integrity check) of a SQLite store."""
    with sqlite3.connect(db) as conn:
        count, hashes = conn.execute(
            "SELECT count(*), count(DISTINCT content_hash) FROM documents"
        ).fetchone()
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
    return count, hashes, check


def test_same_documents_and_layers_as_single_process(client: Client, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    paths = write_articles(inputs, 10)
    shutil.copy(paths[3], inputs / "copy-of-3.txt")  # an exact duplicate: skipped by both
    (inputs / "empty.txt").write_bytes(b"")  # a bad input: one error line, the batch goes on
    single = api.ingest([inputs], db=tmp_path / "single.db")
    events: list[str] = []
    spread = cluster.ingest(
        [inputs], client=client, db=tmp_path / "cluster.db", shard_size=3,
        progress=lambda event, message: events.append(event),
    )  # fmt: skip
    assert (spread.ingested, spread.duplicates, spread.failed) == (single.ingested, single.duplicates, 1)
    assert spread.ingested == 10 and spread.errors == single.errors
    assert "empty.txt" in spread.errors[0]
    assert records(tmp_path / "cluster.db") == records(tmp_path / "single.db")
    filed = stories(tmp_path / "single.db")
    assert filed["tracked_claims"] and filed["tracked_quotes"]  # stories of several articles, tracked
    assert stories(tmp_path / "cluster.db") == filed  # on the workers, the same as here
    assert events[0] == "sources" and events.count("read") == 12 and events.count("ingested") == 10


def test_a_worker_killed_mid_run_loses_and_repeats_nothing(client: Client, tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 24)
    pids = client.run(os.getpid)
    victim = sorted(pids.values())[0]
    killed: list[int] = []

    def kill_once(event: str, message: str) -> None:
        if event == "ingested" and not killed:  # the other shards are in flight now
            os.kill(victim, signal.SIGKILL)
            killed.append(victim)

    report = cluster.ingest([tmp_path / "in"], client=client, db=tmp_path / "w.db", shard_size=2,
                            progress=kill_once)  # fmt: skip
    assert killed and (report.ingested, report.duplicates, report.failed) == (24, 0, 0)
    assert stored(tmp_path / "w.db") == (24, 24, "ok")
    client.wait_for_workers(2, timeout=120)  # the nanny started a new worker in its place
    assert victim not in client.run(os.getpid).values()


def test_a_killed_client_restarts_with_what_is_not_stored(client: Client, tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 30)
    db = tmp_path / "k.db"
    command = [sys.executable, "-m", "wiresift", "ingest", str(tmp_path / "in"), "--db", str(db),
               "--workers", "1", "--shard-size", "2"]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    first = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    done = 0
    try:
        deadline = time.monotonic() + 240
        while done < 4 and first.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
            done = _count(db)
    finally:
        children = _children(first.pid)
        first.send_signal(signal.SIGKILL)
        first.wait()
    assert 4 <= done < 30, "the first run should have been killed part-way"
    for pid in children:  # the local cluster's processes go with their client
        assert _gone(pid, timeout=60), f"process {pid} of the killed client is still running"
    before = _count(db)
    report = cluster.ingest([tmp_path / "in"], client=client, db=db, shard_size=2)
    assert (report.ingested, report.duplicates, report.failed) == (30 - before, before, 0)
    assert stored(db) == (30, 30, "ok")


def test_workers_can_write_a_store_that_takes_concurrent_writers(client: Client, tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 8)
    db = tmp_path / "p.db"
    assert cluster.workers_write(api.open_store(db), db, "auto") is None  # SQLite: the client writes
    report = cluster.ingest([tmp_path / "in"], client=client, db=db, shard_size=3, writer="workers")
    assert (report.ingested, report.failed, len(report.ids)) == (8, 0, 8)
    assert stored(db) == (8, 8, "ok")
    api.ingest([tmp_path / "in"], db=tmp_path / "single.db")
    assert records(db) == records(tmp_path / "single.db")


def test_workers_write_a_postgresql_store_by_default(client: Client, tmp_path: Path, pg_url: str) -> None:
    """PostgreSQL takes concurrent writers: with ``writer="auto"`` the workers save, and the store
    holds each document once, with its stories, as a single-process ingest into SQLite does."""
    write_articles(tmp_path / "in", 8)
    store = api.open_store(pg_url)
    try:
        assert cluster.workers_write(store, pg_url, "auto") == pg_url
    finally:
        store.close()
    report = cluster.ingest([tmp_path / "in"], client=client, db=pg_url, shard_size=3)
    assert (report.ingested, report.failed, len(set(report.ids))) == (8, 0, 8)
    again = cluster.ingest([tmp_path / "in"], client=client, db=pg_url, shard_size=3)
    assert (again.ingested, again.duplicates) == (0, 8)
    api.ingest([tmp_path / "in"], db=tmp_path / "single.db")
    assert records(pg_url) == records(tmp_path / "single.db")
    assert len(api.story_assignments(pg_url)) == len(api.story_assignments(tmp_path / "single.db"))


def test_dashboard_line_and_bounded_worker_memory(client: Client) -> None:
    line = cluster.dashboard_line(client)
    assert line.startswith("Dask dashboard: http://127.0.0.1:") or "unavailable" in line, line
    assert cluster.has_dashboard() or "bokeh" in line, line  # without bokeh the line says how to get it
    peaks = cluster.worker_peak_rss(client)
    assert len(peaks) == 2 and all(0 < peak < 1.5 * 2**30 for peak in peaks.values()), peaks


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:  # not created or migrated yet
        return 0


def _children(pid: int) -> list[int]:
    import psutil

    return [child.pid for child in psutil.Process(pid).children(recursive=True)]


def _gone(pid: int, timeout: float) -> bool:
    import psutil

    try:
        psutil.Process(pid).wait(timeout)
    except psutil.NoSuchProcess:
        return True
    except psutil.TimeoutExpired:
        os.kill(pid, signal.SIGKILL)  # the test started it: do not leave it behind
        return False
    return True


def test_a_shard_the_cluster_cannot_analyse_is_one_error_per_document(tmp_path: Path) -> None:
    from wiresift.batch import IngestReport, IngestRun
    from wiresift.cluster.ingest import _take
    from wiresift.model import Document

    store = api.open_store(tmp_path / "e.db")
    try:
        report = IngestReport()
        shard = [
            Document(text=f"Bulletin {n}: the ferry is late.", source=f"b{n}.txt").finalize() for n in (1, 2)
        ]
        _take(IngestRun(store, report, lambda event, message: None), shard, RuntimeError("worker lost"))
        assert report.failed == 2 and report.ingested == 0
        assert report.errors == [
            f"b{n}.txt: analysis failed on the cluster: RuntimeError: worker lost" for n in (1, 2)
        ]
        assert store.find_hash(shard[0].content_hash) is None  # not stored: the next run tries again
    finally:
        store.close()
