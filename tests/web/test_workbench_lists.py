"""Lists with real totals and SQL paging, clear 400s for bad filters and query syntax, exports of
every list as a named download, the map's and timeline's shared filters, and claim wording (#13)."""

from __future__ import annotations

import csv
import io
import threading
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from tests.web.live import serve

from wiresift import api
from wiresift.model import Claim, Document, Place, Timex
from wiresift.web.app import create_app


@pytest.fixture(scope="module")
def client(workbench_db: Path) -> TestClient:
    return TestClient(create_app(workbench_db), base_url="http://127.0.0.1")


def test_list_totals_count_every_page_and_say_truncated(client: TestClient) -> None:
    first = client.get("/api/quotes", params={"limit": 1}).json()
    assert first["total"] == 2 and len(first["items"]) == 1 and first["truncated"] is True
    second = client.get("/api/quotes", params={"limit": 1, "offset": 1}).json()
    assert second["total"] == 2 and second["truncated"] is False
    assert (
        second["items"][0]["id"] != first["items"][0]["id"]
        or second["items"][0]["doc_id"] != first["items"][0]["doc_id"]
    )
    claims = client.get("/api/claims", params={"counted": "fighters"}).json()
    assert claims["total"] == 1 and claims["items"][0]["counted"] == "fighters"
    people = client.get("/api/entities", params={"type": "PERSON", "limit": 1}).json()
    assert people["total"] == 2 and people["truncated"] is True


def test_list_pages_show_range_total_and_next_page(client: TestClient) -> None:
    page = client.get("/quotes").text
    assert "1–2 of 2" in page and "/api/export/quotes?" in page
    assert 'data-total="2"' in page


def test_bad_filters_are_400_with_the_cause(client: TestClient) -> None:
    for path in ("/api/search", "/api/quotes", "/api/timeline", "/api/places"):
        r = client.get(path, params={"since": "2026-13"})
        assert r.status_code == 400 and "since='2026-13' is not a date" in r.json()["error"], path
    page = client.get("/", params={"q": "militants", "since": "last week"})
    assert page.status_code == 400 and "is not a date" in page.text and "Search syntax" in page.text
    near = client.get("/", params={"q": "NEAR(troops border"})
    assert near.status_code == 400 and "unbalanced NEAR(" in near.text
    only_out = client.get("/api/search", params={"q": "-border"})
    assert only_out.status_code == 400 and "only leaves words out" in only_out.json()["error"]
    unknown = client.get("/api/timeline", params={"entity": "Nobody Atall"})
    assert unknown.status_code == 400 and "no entity named" in unknown.json()["error"]


def test_minus_excludes_a_word_and_near_finds_close_words(client: TestClient) -> None:
    both = client.get("/api/search", params={"q": "Khorog"}).json()["total"]
    assert both == 2
    without = client.get("/api/search", params={"q": "Khorog -militants"}).json()
    assert without["total"] == 1 and "militants" not in without["items"][0]["title"].lower()
    near = client.get("/api/search", params={"q": "NEAR(threat week, 5)"}).json()
    far = client.get("/api/search", params={"q": "NEAR(threat Dushanbe, 2)"}).json()
    assert near["total"] == 1 and far["total"] == 0


def test_search_page_has_syntax_help_and_export_links(client: TestClient) -> None:
    page = client.get("/", params={"q": "Khorog"}).text
    assert "Search syntax" in page and "NEAR(troops border, 5)" in page
    assert "/api/export/search?q=Khorog&amp;" in page and "format=csv" in page


def test_export_of_a_list_is_a_named_csv_of_every_row(client: TestClient) -> None:
    r = client.get("/api/export/claims", params={"format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    disposition = r.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="wiresift-claims-') and disposition.endswith('.csv"')
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 2 and {"text", "counted", "link"} <= set(rows[0])
    assert all(row["link"].startswith("/article/") and "#c" in row["link"] for row in rows)
    hits = client.get("/api/export/search", params={"q": "Khorog", "format": "jsonl"})
    assert len(hits.text.splitlines()) == 2 and "filename=" in hits.headers["content-disposition"]
    full = client.get("/api/export", params={"format": "stix"})
    assert 'filename="wiresift-store-' in full.headers["content-disposition"]


def test_claim_values_read_as_words(client: TestClient) -> None:
    page = client.get("/claims").text
    assert "more than 5,000" in page and "nearly 6,000" in page
    assert "more_than" not in page and "5000.0" not in page
    labels = [i["label"] for i in client.get("/api/timeline").json()["items"] if i["kind"] == "claim"]
    assert "more than 5,000 militants, says Arman Duisen" in labels


def test_map_and_timeline_share_filters(client: TestClient) -> None:
    everything = client.get("/api/places").json()
    assert {p["name"] for p in everything["items"]} == {"Khorog", "Dushanbe", "Almaty"}
    assert {c["code"]: c["shape"] for c in everything["countries"]} == {"TJ": "762", "KZ": "398"}
    only = client.get("/api/places", params={"q": "payload"}).json()
    assert [p["name"] for p in only["items"]] == ["Almaty"]
    timeline = client.get("/api/timeline", params={"entity": "Lena Sorokina"}).json()
    assert {i["doc_id"] for i in timeline["items"]} == {timeline["items"][0]["doc_id"]}
    assert timeline["span"]["start"] <= "2026-02-13" <= timeline["span"]["end"]


def test_timeline_opens_on_asserted_dates_not_fiction(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    store = api.open_store(db)
    for month in range(1, 13):
        text = f"Officials counted more than {month}00 drones over the port in 2077, the novel says."
        claim = f"more than {month}00 drones"
        cs = text.index(claim)
        ts = text.index("2077")
        store.save(
            Document(
                text=text,
                title=f"Report {month}",
                published=f"2025-{month:02d}-10",
                claims=[
                    Claim(id="c1", text=claim, start=cs, end=cs + len(claim), value=month * 100.0,
                          qualifier="more_than", counted="drones", time="2077")
                ],
                timexes=[Timex(text="2077", start=ts, end=ts + 4, type="DATE", value="2077")],
                places=[Place(id="p1", name="Aden", lat=12.78, lon=45.04, country="YE", mentions=[(text.index("port"), text.index("port") + 4)])],
            ).finalize()
        )  # fmt: skip
    store.close()
    body = TestClient(create_app(db), base_url="http://127.0.0.1").get("/api/timeline").json()
    claims = [i for i in body["items"] if i["kind"] == "claim"]
    assert len(claims) == 12 and all(i["date"].startswith("2025") and i["unplaced"] == "2077" for i in claims)
    assert "2024-11" < body["span"]["start"] < "2025-02" and "2025-11" < body["span"]["end"] < "2026-02"


def test_pages_answer_while_a_full_export_streams(bulk_db: Path) -> None:
    """A whole-store export runs in the thread pool: a page answers in under a second meanwhile."""
    with serve(create_app(bulk_db)) as base:
        started, done, stop = threading.Event(), threading.Event(), threading.Event()
        received = [0]

        def export() -> None:
            with httpx.stream("GET", base + "/api/export/search", params={"format": "csv"}, timeout=120) as r:
                assert r.headers["content-disposition"].endswith('.csv"')
                for chunk in r.iter_bytes(chunk_size=2048):
                    received[0] += len(chunk)
                    started.set()
                    if stop.is_set():
                        return  # the client goes away: the server closes the export
                    time.sleep(0.05)  # a slow reader keeps the export running
            done.set()

        thread = threading.Thread(target=export)
        thread.start()
        assert started.wait(30)
        worst = 0.0
        with httpx.Client(base_url=base, timeout=10) as c:
            for path in ("/", "/quotes", "/api/places", "/entities"):
                t0 = time.perf_counter()
                assert c.get(path).status_code == 200
                worst = max(worst, time.perf_counter() - t0)
        overlapped = not done.is_set()
        stop.set()
        thread.join(30)
        assert overlapped, "the export ended before the pages were timed"
        assert worst < 1.0, f"a page took {worst:.2f} s during an export"
        assert received[0] > 2_000
