"""The workbench over HTTP (no browser): pages, JSON API, errors, escaping, token and bind rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.web.corpus import XSS

from wiresift.web.app import create_app
from wiresift.web.security import CSP, BindError, check_bind


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def client(request: pytest.FixtureRequest) -> TestClient:
    """The workbench over the SQLite store, then over the same corpus in PostgreSQL."""
    db = request.getfixturevalue("workbench_db" if request.param == "sqlite" else "workbench_pg")
    return TestClient(create_app(db), base_url="http://127.0.0.1")


def test_search_page_ranks_and_highlights(client: TestClient) -> None:
    r = client.get("/", params={"q": "militants"})
    assert r.status_code == 200
    assert "Militants gather near the Tajik border" in r.text
    assert "<mark>militants</mark>" in r.text
    assert "1 article " in r.text or "1 article<" in r.text


def test_a_search_past_its_window_says_more_than(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the window of newest matches the total stops counting: the API says ``total_capped`` and
    the page "more than", on both stores."""
    from wiresift.store import search_window

    monkeypatch.setattr(search_window, "SEARCH_WINDOW", 1)
    body = client.get("/api/search", params={"q": "Khorog"}).json()
    assert (body["total"], body["total_capped"], body["scope"], len(body["items"])) == (1, True, 1, 1)
    page = client.get("/", params={"q": "Khorog"}).text
    assert 'data-more="true"' in page and "more than 1 articles" in page
    assert "The count stops at the 1 most recently added" in page
    assert client.get("/api/search", params={"q": "militants"}).json()["total_capped"] is False


def test_search_api_facets_and_filters(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "Khorog"}).json()
    assert body["total"] == 2
    sites = {f["value"] for f in body["facets"]["site"]}
    assert sites == {"Steppe Courier", "Harbour Ledger"}
    assert [(f["value"], f["label"]) for f in body["facets"]["country"]] == [("TJ", "Tajikistan")]
    hit = body["items"][0]
    start, end = hit["highlights"][0]
    assert hit["snippet"][start:end] == "Khorog"
    only = client.get("/api/search", params={"q": "Khorog", "site": "Harbour Ledger"}).json()
    assert [h["site"] for h in only["items"]] == ["Harbour Ledger"]
    by_date = client.get("/api/search", params={"sort": "date"}).json()
    dates = [h["published"] for h in by_date["items"]]
    assert dates == sorted(dates, reverse=True)
    kz = client.get("/api/search", params={"country": "KZ"}).json()
    assert kz["total"] == 1
    feb = client.get("/api/search", params={"since": "2026-02", "until": "2026-02"}).json()
    assert feb["total"] == 2


def test_article_page_highlights_layers(client: TestClient) -> None:
    hit = client.get("/api/search", params={"q": "threat growing"}).json()["items"][0]
    r = client.get(f"/article/{hit['id']}")
    assert r.status_code == 200
    assert 'class="l-quote"' in r.text
    assert "direct quote by Arman Duisen" in r.text  # hover label of the quote
    assert "date: 12 February 2026" in r.text  # normalised value of "Thursday"
    # hover text in words: no vocabulary keys, floats or stage versions
    assert "claim: more than 5,000 militants, says Arman Duisen" in r.text
    assert "more_than" not in r.text and "5000.0" not in r.text
    assert "l-claim" in r.text and "l-place" in r.text and "l-entity" in r.text


def test_hostile_text_is_escaped(client: TestClient) -> None:
    hit = client.get("/api/search", params={"q": "payload"}).json()["items"][0]
    r = client.get(f"/article/{hit['id']}")
    assert "<script>window.__pwned" not in r.text
    assert 'onerror="window' not in r.text
    assert "&lt;script&gt;" in r.text
    search = client.get("/", params={"q": "payload"})
    assert "<script>window.__pwned" not in search.text


def test_every_response_has_the_csp(client: TestClient) -> None:
    for url in ("/", "/map", "/api/places", "/static/app.css", "/nope"):
        assert client.get(url).headers["content-security-policy"] == CSP


def test_json_errors(client: TestClient) -> None:
    r = client.get("/api/documents/nope")
    assert r.status_code == 404 and "nope" in r.json()["error"]
    r = client.get("/api/search", params={"limit": 0})
    assert r.status_code == 422 and r.json()["error"].startswith("invalid request")
    assert client.get("/api/entities/Nobody").status_code == 404


def test_api_lists_and_pagination(client: TestClient) -> None:
    docs = client.get("/api/documents", params={"limit": 2}).json()
    assert docs["total"] == 3 and len(docs["items"]) == 2
    page2 = client.get("/api/documents", params={"limit": 2, "offset": 2}).json()
    assert len(page2["items"]) == 1
    quotes = client.get("/api/quotes", params={"speaker": "Duisen"}).json()["items"]
    assert len(quotes) == 2 and all(q["speaker_name"] == "Arman Duisen" for q in quotes)
    claims = client.get("/api/claims", params={"counted": "fighters"}).json()["items"]
    assert [c["value"] for c in claims] == [6000.0]
    places = client.get("/api/places").json()["items"]
    khorog = next(p for p in places if p["name"] == "Khorog")
    assert khorog["articles"] == 2
    sentences = client.get("/api/places/mentions", params={"name": "Khorog"}).json()["items"]
    assert any("massing south of Khorog" in s["sentence"] for s in sentences)


def test_entity_page_says_where_its_neighbours_are_counted(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wiresift import workbench

    assert "articles shared in its newest" not in client.get("/entity/Arman Duisen").text  # all 2 counted
    monkeypatch.setattr(workbench, "ENTITY_PAGE_ROWS", 1)
    page = client.get("/entity/Arman Duisen").text
    assert "articles shared in its newest 1 of 2" in page


def test_map_shades_provinces_and_lists_their_sentences(client: TestClient) -> None:
    body = client.get("/api/places").json()
    # Khorog's province, by the gazetteer's name that the province shapes carry (training/build_provinces.py)
    assert body["provinces"] == [{"country": "TJ", "admin1": "Kŭhistoni Badakhshon", "mentions": 2}]
    shapes = client.get("/static/vendor/provinces/admin1.json").json()  # served from the package
    named = {
        (g["properties"]["cc"], g["properties"]["a1"]) for g in shapes["objects"]["provinces"]["geometries"]
    }
    assert ("TJ", "Kŭhistoni Badakhshon") in named
    province = {"country": "TJ", "admin1": "Kŭhistoni Badakhshon"}
    sentences = client.get("/api/places/mentions", params=province).json()["items"]
    assert len(sentences) == 2 and all("Khorog" in s["sentence"] for s in sentences)
    assert all(s["link"].startswith("/article/") for s in sentences)
    country = client.get("/api/places/mentions", params={"country": "KZ"}).json()["items"]
    assert [s["sentence"] for s in country] and all("Almaty" in s["sentence"] for s in country)
    other = client.get("/api/places/mentions", params={"country": "TJ", "admin1": "Khatlon"}).json()
    assert other["items"] == []
    bad = client.get("/api/places/mentions", params={"admin1": "Khatlon"})
    assert bad.status_code == 400 and "place name or a country" in bad.json()["error"]
    timeline = client.get("/api/timeline").json()["items"]
    assert {i["kind"] for i in timeline} == {"article", "quote", "claim"}
    assert any(i["kind"] == "claim" and i["date"] == "2026-02-12" for i in timeline)


def test_entity_page_and_graph(client: TestClient) -> None:
    r = client.get("/entity/Arman Duisen")
    assert r.status_code == 200
    assert "The threat is growing every week" in r.text
    assert "first seen 2026-02-12" in r.text and "last seen 2026-02-13" in r.text
    ent = client.get("/api/entities/Arman Duisen").json()
    graph = client.get(f"/api/entities/{ent['profile']['id']}/graph").json()
    labels = {n["data"]["label"] for n in graph["nodes"]}
    assert "Lena Sorokina" in labels


def test_openapi_lists_the_endpoints(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/search",
        "/api/documents/{doc_id}",
        "/api/entities",
        "/api/quotes",
        "/api/claims",
        "/api/places",
    ):
        assert path in paths


def test_export_endpoint_streams_jsonl(client: TestClient) -> None:
    r = client.get("/api/export", params={"format": "jsonl"})
    assert r.status_code == 200
    rows = [json.loads(line) for line in r.text.splitlines() if line]
    assert len(rows) == 3 and all(row["schema"] == "wiresift/1" for row in rows)


TOKEN = "s3cret-token-0123456789"


def test_token_required_when_set(workbench_db: Path) -> None:
    guarded = TestClient(create_app(workbench_db, token=TOKEN), base_url="http://127.0.0.1")
    assert guarded.get("/api/places").status_code == 401
    assert guarded.get("/api/places", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    r = guarded.get("/map", params={"token": TOKEN}, follow_redirects=False)
    assert r.status_code == 303 and "wiresift_token" in r.headers["set-cookie"]


def test_bind_rules() -> None:
    check_bind("127.0.0.1", None, False)
    check_bind("localhost", None, False)
    with pytest.raises(BindError):
        check_bind("0.0.0.0", None, False)
    check_bind("0.0.0.0", TOKEN, False)
    check_bind("0.0.0.0", None, True)


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no such database"):
        create_app(tmp_path / "none.db")


def test_xss_constant_is_in_corpus() -> None:
    assert "<script>" in XSS  # guards the escaping tests above against a defanged fixture


def test_docs_page_loads_only_vendored_assets(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in page.text
    assert "cdn" not in page.text.lower() and "<script>" not in page.text  # no inline script (CSP)
    assert client.get("/static/vendor/swagger-ui/swagger-ui.css").status_code == 200
    assert client.get("/redoc").status_code == 404  # ReDoc would need a CDN: not offered
