"""PostgreSQL team store against SQLite: search p95 and article page p95 over N synthetic documents.

Fills a SQLite file and a PostgreSQL database with the same synthetic articles (those of
``web_speed.py``, every layer filled), serves each with ``wiresift serve`` in its own process, and
times real HTTP requests to the search API and the article page. PostgreSQL is a throwaway cluster
(``initdb`` + ``pg_ctl`` in a temporary folder, see ``tests/pgcluster.py``) unless ``--pg URL`` names
an existing database, and the SQLite file is a new temporary one unless ``--sqlite PATH`` names one:
a named store that is empty is filled, one that already holds ``--docs`` documents (an earlier fill of
the same size, perhaps by an older wiresift: opening it applies the newer schema steps) is measured
as it is, and any other count is refused. The time a fill took is printed only for fills of this run.
``--keep DIR`` keeps both stores in ``DIR`` (a PostgreSQL cluster in ``DIR/pg`` with one database
per size, and ``DIR/bench-N.db``), so that the next run with the same ``--keep`` and ``--docs``
measures them again without the fill (470 s for PostgreSQL at 100,000 documents).
The PostgreSQL store is vacuumed and analysed after the fill, as autovacuum does on a live server
(without it a freshly filled table has no planner statistics or visibility map).
Goals (issue 16): PostgreSQL search p95 ≤ 50 ms and article page p95 ≤ 150 ms at 100,000 documents.

    python benchmarks/store_speed.py [--docs 100000] [--requests 200] [--pg postgresql://...] [--sqlite PATH]
                                   [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from web_speed import fill, p95

REPO = Path(__file__).resolve().parents[1]
WORDS = [
    "militants",
    "Khorog",
    "troops near",
    "situation control",
    "Sorokina",
    "refugees Odesa",
    "drones",
    "border",
]


def serve(db: str) -> tuple[subprocess.Popen[bytes], str]:
    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "wiresift", "serve", "--db", db, "--port", str(port)],
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(base + "/static/app.css", timeout=1)
            return server, base
        except httpx.TransportError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise SystemExit(f"the workbench server over {db} did not start") from None
            time.sleep(0.1)


def fill_or_reuse(db: str, count: int) -> float | None:
    """Fill an empty store with ``count`` synthetic documents (the seconds it took), or keep one that
    holds exactly ``count`` already (None); refuse a store holding any other number."""
    from wiresift import api

    store = api.open_store(db)  # applies any newer schema step before the clock starts
    try:
        held = int(str(store.stats()["documents"]))
    finally:
        store.close()
    if held == count:
        return None
    if held:
        raise SystemExit(f"{db}: holds {held:,} documents, not 0 or {count:,}: use an empty store")
    return fill(db, count)  # type: ignore[arg-type]


def measure(db: str, requests: int) -> dict[str, float]:
    import httpx

    server, base = serve(db)
    try:
        rng = random.Random(11)
        client = httpx.Client(base_url=base, timeout=30)
        doc_ids = [h["id"] for h in client.get("/api/documents", params={"limit": 500}).json()["items"]]
        routes = {
            "search API": lambda: f"/api/search?q={rng.choice(WORDS)}",
            "search page": lambda: f"/?q={rng.choice(WORDS)}",
            "article page": lambda: f"/article/{rng.choice(doc_ids)}",
        }
        results: dict[str, float] = {}
        for name, make in routes.items():
            for _ in range(5):
                client.get(make())  # warm caches and connections
            samples = []
            for _ in range(requests):
                path = make()
                t0 = time.perf_counter()
                r = client.get(path)
                samples.append(time.perf_counter() - t0)
                assert r.status_code == 200, (path, r.status_code)
            results[name] = p95(samples)
        return results
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--pg", help="an existing PostgreSQL database URL (default: a throwaway cluster)")
    parser.add_argument("--sqlite", help="an existing SQLite store (default: a new temporary file)")
    parser.add_argument(
        "--keep", type=Path, help="keep (or reuse) both filled stores in this folder for the next run"
    )
    args = parser.parse_args()

    with ExitStack() as stack:
        pg = args.pg
        if pg is None:
            sys.path.insert(0, str(REPO / "tests"))
            from pgcluster import Cluster

            cluster = stack.enter_context(Cluster(keep=args.keep / "pg" if args.keep else None))
            pg = cluster.createdb(f"bench_{args.docs}", exist_ok=True)
        folder = args.keep or Path(tempfile.mkdtemp(prefix="wiresift-store-bench-"))
        folder.mkdir(parents=True, exist_ok=True)
        sqlite = args.sqlite or str(folder / f"bench-{args.docs}.db")
        stores = {"SQLite": sqlite, "PostgreSQL": pg}
        fills: dict[str, float | None] = {}
        for name, db in stores.items():
            fills[name] = fill_or_reuse(db, args.docs)
            done = f"filled in {fills[name]:.1f}s" if fills[name] is not None else "reused (filled earlier)"
            print(f"{name:<10} {args.docs:,} documents {done}", flush=True)
        import psycopg

        with psycopg.connect(pg, autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE")
        results = {name: measure(db, args.requests) for name, db in stores.items()}
    print(f"\n{args.docs:,} documents, {args.requests} requests per route, p95 in ms")
    print(f"load average (1, 5, 15 min) at the end: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'route':<14}{'SQLite':>10}{'PostgreSQL':>12}")
    for route in results["SQLite"]:
        print(f"{route:<14}{results['SQLite'][route]:>10.1f}{results['PostgreSQL'][route]:>12.1f}")
    if all(seconds is not None for seconds in fills.values()):
        print(f"{'fill (s)':<14}{fills['SQLite']:>10.1f}{fills['PostgreSQL']:>12.1f}")
    pg_search = max(results["PostgreSQL"]["search API"], results["PostgreSQL"]["search page"])
    pg_article = results["PostgreSQL"]["article page"]
    print(
        f"goal PostgreSQL search p95 ≤ 50 ms: {'met' if pg_search <= 50 else 'NOT met'} ({pg_search:.1f}); "
        f"article page p95 ≤ 150 ms: {'met' if pg_article <= 150 else 'NOT met'} ({pg_article:.1f})"
    )


if __name__ == "__main__":
    main()
