"""Safe by default: Host allow-list, cross-site write refusal, URL schemes, token length, no-store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from wiresift import api
from wiresift.escape import web_url
from wiresift.model import Document, Related
from wiresift.web.app import create_app
from wiresift.web.csrf import CSRF_COOKIE
from wiresift.web.security import CSP, BindError, allowed_hosts, check_bind

LOCAL = "http://127.0.0.1:8765"


@pytest.fixture(scope="module")
def app(workbench_db: Path) -> FastAPI:
    app = create_app(workbench_db)

    # No write endpoint is served over HTTP yet; this route stands in for the coming ones
    # (corrections, merges) so that the guard every write will pass through is tested now.
    @app.post("/api/test/write")
    def write() -> dict[str, bool]:
        return {"written": True}

    return app


@pytest.fixture()
def client(app: FastAPI) -> TestClient:
    return TestClient(app, base_url=LOCAL)


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "127.0.0.1:8765", "localhost", "LOCALHOST:1234", "[::1]", "[::1]:8765"]
)
def test_loopback_names_are_served(app: FastAPI, host: str) -> None:
    r = TestClient(app, base_url=LOCAL).get("/api/places", headers={"Host": host})
    assert r.status_code == 200


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8765", "127.0.0.1.evil.example", "10.0.0.1"])
def test_other_hosts_are_refused_with_security_headers(app: FastAPI, host: str) -> None:
    for path in ("/api/places", "/", "/static/app.css"):
        r = TestClient(app, base_url=LOCAL).get(path, headers={"Host": host})
        assert r.status_code == 400, (host, path)
        assert "not a name of this server" in r.json()["error"]
        assert r.headers["content-security-policy"] == CSP
        assert r.headers["x-content-type-options"] == "nosniff"


def test_bound_host_and_allowed_names_are_served(workbench_db: Path) -> None:
    hosts = allowed_hosts("192.0.2.7", ["wb.example.org"])
    assert {"192.0.2.7", "wb.example.org", "127.0.0.1", "localhost", "[::1]"} <= hosts
    assert allowed_hosts("0.0.0.0") == allowed_hosts()  # a wildcard bind is no host name
    assert "[fe80::1]" in allowed_hosts("fe80::1")
    client = TestClient(create_app(workbench_db, hosts=hosts), base_url=LOCAL)
    assert client.get("/api/places", headers={"Host": "192.0.2.7:8765"}).status_code == 200
    assert client.get("/api/places", headers={"Host": "wb.example.org"}).status_code == 200
    assert client.get("/api/places", headers={"Host": "evil.example"}).status_code == 400
    anyhost = TestClient(create_app(workbench_db, hosts=allowed_hosts(None, ["*"])), base_url=LOCAL)
    assert anyhost.get("/api/places", headers={"Host": "evil.example"}).status_code == 200


def test_api_and_pages_are_not_cached(client: TestClient) -> None:
    for path in ("/api/places", "/", "/openapi.json", "/api/nothing-here"):
        assert client.get(path).headers["cache-control"] == "no-store", path
    assert client.get("/static/app.css").headers.get("cache-control") != "no-store"


def _session(client: TestClient) -> str:
    """Open a page like a browser does; return the session's anti-CSRF token from the page."""
    page = client.get("/")
    token = client.cookies[CSRF_COOKIE]
    assert f'<meta name="csrf-token" content="{token}">' in page.text
    assert f'"X-CSRF-Token": "{token}"' in page.text  # htmx sends it with every request
    return str(token)


def test_same_origin_write_with_token_passes(client: TestClient) -> None:
    token = _session(client)
    r = client.post("/api/test/write", headers={"Origin": LOCAL, "X-CSRF-Token": token})
    assert r.status_code == 200 and r.json() == {"written": True}
    form = client.post(
        "/api/test/write", data={"csrf_token": token}, headers={"Referer": LOCAL + "/article/x"}
    )
    assert form.status_code == 200
    assert client.get("/").headers.get("set-cookie") is None  # the session keeps its token


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://evil.example"},  # another site, even with the right token
        {"Origin": "http://127.0.0.1:9999"},  # another port is another origin
        {"Referer": "http://evil.example/page"},
        {},  # no Origin, no Referer
    ],
)
def test_cross_site_writes_are_refused(client: TestClient, headers: dict[str, str]) -> None:
    token = _session(client)
    r = client.post("/api/test/write", headers={**headers, "X-CSRF-Token": token})
    assert r.status_code == 403
    assert r.json()["error"].startswith("cross-site request refused")
    assert r.headers["content-security-policy"] == CSP


def test_writes_need_the_session_token(client: TestClient) -> None:
    token = _session(client)
    same = {"Origin": LOCAL}
    assert client.post("/api/test/write", headers=same).status_code == 403  # no token echoed
    wrong = client.post("/api/test/write", headers={**same, "X-CSRF-Token": "x" * 43})
    assert wrong.status_code == 403 and "anti-CSRF token" in wrong.json()["error"]
    assert client.post("/api/test/write", data={"csrf_token": "nope"}, headers=same).status_code == 403
    client.cookies.clear()  # a forged header without the cookie (another browser, another site)
    r = client.post("/api/test/write", headers={**same, "X-CSRF-Token": token})
    assert r.status_code == 403


def test_bearer_requests_skip_the_csrf_check(workbench_db: Path) -> None:
    token = "a-long-enough-token-1234"
    app = create_app(workbench_db, token=token)

    @app.post("/api/test/write")
    def write() -> dict[str, bool]:
        return {"written": True}

    client = TestClient(app, base_url=LOCAL)
    assert client.post("/api/test/write").status_code == 401
    r = client.post("/api/test/write", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200


def test_short_tokens_are_refused(workbench_db: Path) -> None:
    with pytest.raises(BindError, match="at least 16"):
        check_bind("127.0.0.1", "short", False)
    with pytest.raises(BindError, match="at least 16"):
        create_app(workbench_db, token="x" * 15)
    check_bind("127.0.0.1", "x" * 16, False)


HOSTILE_URLS = ["javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "data:text/html,<b>x</b>",
                "vbscript:x", "//evil.example/x", "http://", "file:///etc/passwd"]  # fmt: skip


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_only_http_urls_are_links(url: str) -> None:
    assert web_url(url) is None
    doc = Document(text="A note.", url=url, related=[Related(title="More", url=url)]).finalize()
    kept = url if url in ("//evil.example/x", "http://") else None  # harmless: stored, never a link
    assert doc.url == kept and doc.related[0].url == kept


def test_relative_links_are_stored_but_never_hrefs() -> None:
    doc = Document(text="A note.", related=[Related(title="More", url="/world/2024/more")]).finalize()
    assert doc.related[0].url == "/world/2024/more"
    assert web_url("/world/2024/more") is None


def test_web_urls_are_kept() -> None:
    assert web_url("https://news.example.org/a?b=1#c") == "https://news.example.org/a?b=1#c"
    assert web_url("HTTP://news.example.org/") == "HTTP://news.example.org/"


def test_ingest_stores_no_javascript_url(tmp_path: Path) -> None:
    feed = tmp_path / "in.jsonl"
    rows = [{"id": "a1", "text": "A quiet day in Tallinn.", "url": "javascript:alert(document.cookie)"},
            {"id": "a2", "text": "A busy day in Riga.", "url": "https://news.example.org/riga"}]  # fmt: skip
    feed.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    db = tmp_path / "s.db"
    report = api.ingest([feed], db=db, only="extract")
    assert report.ingested == 2
    with api.open_store(db) as store:
        urls = sorted(str(api.get_document(store, i).url) for i in report.ids)
    assert urls == ["None", "https://news.example.org/riga"]


def test_a_stored_javascript_url_is_never_an_href(tmp_path: Path) -> None:
    """A store written before the ingest check may hold such URLs: the page shows no link."""
    import sqlite3

    db = tmp_path / "old.db"
    with api.open_store(db) as store:
        store.save(Document(id="old1", text="Old text.", related=[Related(title="Also read")]))
    record = {**Document(id="old1", text="Old text.").finalize().to_record(), "url": "javascript:alert(1)",
              "related": [{"title": "Also read", "url": "data:text/html,x"}]}  # fmt: skip
    with sqlite3.connect(db) as conn:  # as an older wiresift stored it
        conn.execute("UPDATE documents SET url = ?, record = ?", (record["url"], json.dumps(record)))
    with api.open_store(db) as store:
        assert api.get_document(store, "old1").url == "javascript:alert(1)"
    page = TestClient(create_app(db), base_url=LOCAL).get("/article/old1")
    assert page.status_code == 200 and "Also read" in page.text
    assert "javascript:" not in page.text and "data:text" not in page.text
