"""Awkward ids open and every link is encoded; control characters in text never become highlights (#17)."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from tests.web.corpus import CONTROL_TEXT, ODD_IDS

from wiresift.web.app import create_app


@pytest.fixture(scope="module")
def client(odd_db: Path) -> TestClient:
    return TestClient(create_app(odd_db), base_url="http://127.0.0.1")


def _links(html: str, prefix: str) -> list[str]:
    return [unescape(h) for h in re.findall(rf'href="({prefix}[^"]*)"', html)]


@pytest.mark.parametrize("doc_id", ODD_IDS)
def test_a_document_with_any_id_opens(client: TestClient, doc_id: str) -> None:
    page = client.get("/article/" + quote(doc_id, safe=""))
    assert page.status_code == 200, page.text[:200]
    assert "Levy round" in page.text
    record = client.get("/api/documents/" + quote(doc_id, safe=""))
    assert record.status_code == 200 and record.json()["id"] == doc_id


def test_result_links_are_encoded_and_open(client: TestClient) -> None:
    html = client.get("/", params={"q": "levy"}).text
    links = _links(html, "/article/")
    assert len(links) == len(ODD_IDS)
    for link in links:
        path, _, query = link.partition("?")
        assert not set(path[len("/article/") :]) & set("/?# "), link  # each id is one encoded segment
        assert query == "q=levy", link  # the search goes along, so the article marks its words
        page = client.get(link)
        assert page.status_code == 200 and "Levy round" in page.text


def test_an_entity_named_with_a_slash_opens_from_its_link(client: TestClient) -> None:
    article = client.get("/article/" + quote(ODD_IDS[0], safe="")).text
    (link,) = _links(article, "/entity/")
    assert link == "/entity/Northgate%2FSouthgate%20Transit%20Board"
    page = client.get(link)
    assert page.status_code == 200 and "Northgate/Southgate Transit Board" in page.text
    for other in _links(page.text, "/article/"):
        assert client.get(other).status_code == 200
    profile = client.get("/api/entities/" + quote("Northgate/Southgate Transit Board", safe=""))
    assert profile.status_code == 200
    graph = client.get(f"/api/entities/{profile.json()['profile']['id']}/graph")
    assert graph.status_code == 200 and graph.json()["nodes"]


def test_control_characters_in_text_are_not_highlights(client: TestClient) -> None:
    (hit,) = client.get("/api/search", params={"q": "ferry"}).json()["items"]
    assert "\x02Kerch\x03" in hit["snippet"] and "\x02port\x03" in hit["snippet"]
    assert [hit["snippet"][s:e].lower() for s, e in hit["highlights"]] == ["ferry", "ferry"]
    html = client.get("/", params={"q": "ferry"}).text
    marked = re.findall(r"<mark>(.*?)</mark>", html)
    assert [m.lower() for m in marked] == ["ferry", "ferry"]
    article = client.get("/article/ctrl")
    assert article.status_code == 200 and "Kerch" in article.text
    assert CONTROL_TEXT.count("\x02") == 2  # guards the fixture
