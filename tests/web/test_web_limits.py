"""No request can stall the workbench: search cost limits, the time budget, and concurrency (#17).

The concurrency tests run a real uvicorn server on a free loopback port and send requests from
threads, so a request that blocked the event loop would delay the others and fail them.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import httpx
import pytest
from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient
from tests.web.live import serve

from wiresift.web.app import create_app
from wiresift.web.db import MAX_EXPORTS, store_session
from wiresift.web.security import CSP

#: One request may hold up another by at most this much (the goal of issue 17).
MAX_DELAY_S = 1.0
#: A statement that runs for minutes unless the time budget stops it.
ENDLESS = "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r WHERE x < 4000000000) SELECT count(*) FROM r"

PATHOLOGICAL = [
    " ".join(["a*"] * 200),  # the query of the report: 4.7 s on 22 documents, 60 s on 395
    " ".join(["a*"] * 300),
    " ".join(["b*"] * 5),
    " ".join(["ba*"] * 20),
    " OR ".join(["bab*", "dek*", "fok*", "gul*", "kog*"]),
    "x" * 5000,
    "NEAR(" * 100,
    '"' * 200,
    "(" * 300 + "border" + ")" * 300,
    "-" * 50 + "border",
    "\x00\x01\x02 border \x03",
    " ".join(f"w{i}" for i in range(17)),
]
#: Allowed by the limits, and as costly as they allow on the bulk store: the widest three-letter
#: prefixes and the commonest words.
HEAVY_ALLOWED = [
    "dib* gug* geg* fug* border talks patrol ministry agency said the near camps levy",
    "dib* OR gug* OR geg* OR fug* OR border OR talks OR patrol OR ministry OR agency OR said OR the OR near",
    '"border talks" OR "the near" OR levy OR camps',
]


@pytest.fixture(scope="module")
def bulk(bulk_db: Path) -> TestClient:
    return TestClient(create_app(bulk_db), base_url="http://127.0.0.1")


@pytest.mark.parametrize("query", PATHOLOGICAL + HEAVY_ALLOWED)
@pytest.mark.parametrize("path", ["/api/search", "/"])
def test_any_search_answers_fast(bulk: TestClient, path: str, query: str) -> None:
    for params in ({"q": query}, {"q": query, "site": "Harbour Ledger", "sort": "date"}):
        t0 = time.perf_counter()
        r = bulk.get(path, params=params)
        elapsed = time.perf_counter() - t0
        assert r.status_code in (200, 400), r.text[:300]
        assert elapsed < MAX_DELAY_S, f"{path} {query[:40]!r} took {elapsed:.2f} s"
        assert r.headers["content-security-policy"] == CSP
        if r.status_code == 400:
            message = r.json()["error"] if path.startswith("/api/") else r.text
            assert "search query" in message and "Traceback" not in message
    if query in HEAVY_ALLOWED:
        assert r.status_code == 200


def test_the_reported_query_is_refused_with_the_limit(bulk: TestClient) -> None:
    r = bulk.get("/api/search", params={"q": " ".join(["a*"] * 200)})
    assert r.status_code == 400
    assert r.json()["error"].startswith("search query too long: 599 characters (at most 500)")
    r = bulk.get("/api/search", params={"q": "a* border"})
    assert r.status_code == 400 and "'a*' is too short" in r.json()["error"]
    page = bulk.get("/", params={"q": "a* border"})
    assert page.status_code == 400 and "is too short" in page.text and 'value="a* border"' in page.text
    export = bulk.get("/api/export", params={"format": "jsonl", "q": "a* border"})
    assert export.status_code == 400 and "is too short" in export.json()["error"]


def _slow_app(db: Path, budget: float, started: threading.Event) -> FastAPI:
    """The workbench with one extra route whose query runs until the time budget stops it."""
    app = create_app(db, time_budget=budget)

    @app.get("/api/test/slow")
    def slow(store: Annotated[Any, Depends(store_session)]) -> dict[str, str]:
        started.set()
        store.conn.execute(ENDLESS).fetchall()
        return {}

    return app


def test_time_budget_answers_503_and_the_connection_recovers(workbench_db: Path) -> None:
    client = TestClient(_slow_app(workbench_db, 0.3, threading.Event()), base_url="http://127.0.0.1")
    t0 = time.perf_counter()
    r = client.get("/api/test/slow")
    assert r.status_code == 503 and time.perf_counter() - t0 < 2.0
    assert "time budget" in r.json()["error"] and r.headers["retry-after"] == "1"
    assert r.headers["content-security-policy"] == CSP
    for _ in range(3):  # the pool hands out healthy connections afterwards
        assert client.get("/api/search", params={"q": "Khorog"}).json()["total"] == 2


@pytest.fixture
def slow_server(workbench_db: Path) -> Iterator[tuple[str, threading.Event]]:
    started = threading.Event()
    with serve(_slow_app(workbench_db, 3.0, started)) as base:
        yield base, started


def _timed_get(base: str, path: str) -> float:
    t0 = time.perf_counter()
    r = httpx.get(base + path, timeout=10)
    assert r.status_code == 200, (path, r.status_code)
    return time.perf_counter() - t0


PAGES = ["/api/places", "/", "/api/search?q=Khorog", "/entity/Arman%20Duisen", "/api/timeline"]


def test_a_slow_request_does_not_delay_the_others(slow_server: tuple[str, threading.Event]) -> None:
    base, started = slow_server
    answer: dict[str, httpx.Response] = {}
    slow = threading.Thread(target=lambda: answer.update(r=httpx.get(base + "/api/test/slow", timeout=30)))
    t0 = time.perf_counter()
    slow.start()
    assert started.wait(10), "the slow request never started"
    delays = {path: _timed_get(base, path) for path in PAGES}
    assert slow.is_alive(), "the slow request ended early: the timings above prove nothing"
    assert all(d < MAX_DELAY_S for d in delays.values()), delays
    slow.join(30)
    assert answer["r"].status_code == 503 and "time budget" in answer["r"].json()["error"]
    assert time.perf_counter() - t0 < 3.0 + 2.0  # stopped at its 3 s budget


def _slow_exporter(chunks: int) -> Any:
    """An ``api.export`` stand-in that sleeps 0.1 s per line, like an exporter busy serialising."""

    def export(store: Any, format: str, query: str | None = None) -> Iterator[str]:
        for i in range(chunks):
            time.sleep(0.1)
            yield f'{{"n": {i}}}\n'

    return export


def _stream(base: str, first: threading.Event, out: dict[str, Any], key: str) -> None:
    with httpx.stream("GET", base + "/api/export", params={"format": "jsonl"}, timeout=30) as r:
        out[key + ".status"] = r.status_code
        chunks = []
        for chunk in r.iter_text():
            chunks.append(chunk)
            first.set()
        out[key] = "".join(chunks)


def test_an_export_streams_without_delaying_pages(
    workbench_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wiresift import api

    monkeypatch.setattr(api, "export", _slow_exporter(30))
    with serve(create_app(workbench_db)) as base:
        out: dict[str, Any] = {}
        first = threading.Event()
        export = threading.Thread(target=_stream, args=(base, first, out, "export"))
        export.start()
        assert first.wait(10), "the export sent nothing"
        delays = {path: _timed_get(base, path) for path in PAGES}
        assert export.is_alive(), "the export ended early: the timings above prove nothing"
        assert all(d < MAX_DELAY_S for d in delays.values()), delays
        export.join(30)
    assert out["export.status"] == 200 and out["export"].count("\n") == 30


def test_exports_beyond_the_limit_are_refused(workbench_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from wiresift import api

    monkeypatch.setattr(api, "export", _slow_exporter(10))
    with serve(create_app(workbench_db)) as base:
        out: dict[str, Any] = {}
        running = []
        for i in range(MAX_EXPORTS):
            first = threading.Event()
            thread = threading.Thread(target=_stream, args=(base, first, out, f"e{i}"))
            thread.start()
            assert first.wait(10)
            running.append(thread)
        refused = httpx.get(base + "/api/export", params={"format": "jsonl"}, timeout=10)
        assert refused.status_code == 503 and "exports are already running" in refused.json()["error"]
        assert refused.headers["content-security-policy"] == CSP
        for thread in running:
            thread.join(30)
        again = httpx.get(base + "/api/export", params={"format": "jsonl"}, timeout=30)
        assert again.status_code == 200 and again.text.count("\n") == 10


def test_a_request_waits_for_a_connection_at_most_one_budget(workbench_db: Path) -> None:
    from wiresift import api
    from wiresift.web.db import ServerBusy, StorePool

    pool = StorePool(lambda: api.open_store(workbench_db), size=1, budget=0.3)
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with pool.session():
            held.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    assert held.wait(10)
    t0 = time.perf_counter()
    with pytest.raises(ServerBusy, match="busy"), pool.session():
        pass
    assert 0.25 < time.perf_counter() - t0 < 2.0
    release.set()
    holder.join(10)
    with pool.session() as store:  # the connection went back to the pool
        assert store.search_page("Khorog").total == 2
    pool.close()
