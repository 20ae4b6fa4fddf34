"""Corrections over HTTP: /api/corrections (list, create, undo), the audit page, the page forms,
and the cross-site guard in front of every write."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from tests.web.corpus import build_store

from wiresift import api
from wiresift.web.app import create_app
from wiresift.web.csrf import CSRF_COOKIE
from wiresift.web.views.corrections import Submitted

LOCAL = "http://127.0.0.1:8765"
HOSTILE_WHY = '<script>alert("why")</script>'


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return build_store(tmp_path / "corr.db")


@pytest.fixture()
def client(db: Path) -> TestClient:
    return TestClient(create_app(db), base_url=LOCAL)


def _token(client: TestClient) -> str:
    client.get("/corrections")
    return str(client.cookies[CSRF_COOKIE])


def _post(client: TestClient, url: str, body: dict[str, object]) -> object:
    headers = {"Origin": LOCAL, "X-CSRF-Token": _token(client)}
    return client.post(url, json=body, headers=headers)


def _quoted_doc(db: Path) -> str:
    with api.open_store(db) as store:
        return next(q.doc_id for q in api.quotes(store))


def test_reject_then_undo_over_json(client: TestClient, db: Path) -> None:
    doc_id = _quoted_doc(db)
    r = _post(client, "/api/corrections", {"kind": "reject_quote", "doc_id": doc_id, "item_id": "q0",
                                           "who": "ana", "why": HOSTILE_WHY})  # fmt: skip
    assert r.status_code == 201, r.text  # type: ignore[attr-defined]
    made = r.json()["correction"]  # type: ignore[attr-defined]
    assert (made["kind"], made["who"], made["why"], made["active"]) == (
        "reject_quote",
        "ana",
        HOSTILE_WHY,
        True,
    )
    assert made["link"] == f"/article/{quote(doc_id, safe='')}#q0"
    record = client.get(f"/api/documents/{quote(doc_id, safe='')}").json()
    assert [q["id"] for q in record["quotes"]] == ["q1"]
    assert all(q["id"] != "q0" or q["doc_id"] != doc_id for q in client.get("/api/quotes").json()["items"])
    page = client.get("/corrections")
    assert "ana" in page.text and HOSTILE_WHY not in page.text and "&lt;script&gt;" in page.text
    assert f'action="/api/corrections/{made["id"]}/undo"' in page.text
    listed = client.get("/api/corrections", params={"doc": doc_id, "active": "true"}).json()
    assert [c["id"] for c in listed["items"]] == [made["id"]]
    undone = _post(client, f"/api/corrections/{made['id']}/undo", {"who": "bo"})
    assert undone.status_code == 200 and undone.json()["correction"]["undone_by"] == "bo"  # type: ignore[attr-defined]
    record = client.get(f"/api/documents/{quote(doc_id, safe='')}").json()
    assert [q["id"] for q in record["quotes"]] == ["q0", "q1"]
    again = _post(client, f"/api/corrections/{made['id']}/undo", {})
    assert again.status_code == 400 and "already undone" in again.json()["error"]  # type: ignore[attr-defined]


def test_reassign_by_name_and_form_posts_redirect(client: TestClient, db: Path) -> None:
    doc_id = _quoted_doc(db)
    token = _token(client)
    r = client.post(
        "/api/corrections",
        data={"csrf_token": token, "kind": "reassign_speaker", "doc_id": doc_id, "item_id": "q1",
              "speaker": "", "speaker_name": "Lena Sorokina", "why": "", "next": "/article/x"},
        headers={"Referer": LOCAL + "/article/x"},
        follow_redirects=False,
    )  # fmt: skip
    assert r.status_code == 303 and r.headers["location"] == "/article/x"
    names = {(q["doc_id"], q["id"]): q["speaker_name"] for q in client.get("/api/quotes").json()["items"]}
    assert names[(doc_id, "q1")] == "Lena Sorokina"
    row = client.get("/api/corrections").json()["items"][0]
    assert row["who"] == "workbench" and row["payload"]["speaker_name"] == "Lena Sorokina"
    assert row["payload"]["was"] == "Arman Duisen" and row["payload"]["speaker"] is None
    assert row["payload"]["type"] == "PERSON"  # the type of the stored entity of that name
    sorokina = client.get("/api/entities/Lena Sorokina").json()["profile"]
    assert [(q["doc_id"], q["id"]) for q in sorokina["quotes"]] == [(doc_id, "q1")]
    # ``next`` never leads to another site
    r = client.post(
        "/api/corrections",
        data={
            "csrf_token": token,
            "kind": "reject_claim",
            "doc_id": doc_id,
            "item_id": "c0",
            "next": "//evil.example/",
        },
        headers={"Referer": LOCAL + "/"},
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == "/corrections"


@pytest.mark.parametrize(
    "headers",
    [{"Origin": "http://evil.example"}, {"Referer": "http://evil.example/page"}, {}],
    ids=["origin", "referer", "none"],
)
def test_cross_site_corrections_are_refused(client: TestClient, db: Path, headers: dict[str, str]) -> None:
    doc_id = _quoted_doc(db)
    token = _token(client)
    body = {"kind": "reject_quote", "doc_id": doc_id, "item_id": "q0"}
    r = client.post("/api/corrections", json=body, headers={**headers, "X-CSRF-Token": token})
    assert r.status_code == 403 and r.json()["error"].startswith("cross-site request refused")
    form = client.post("/api/corrections", data={**body, "csrf_token": token}, headers=headers)
    assert form.status_code == 403
    no_token = client.post("/api/corrections", json=body, headers={"Origin": LOCAL})
    assert no_token.status_code == 403 and "anti-CSRF token" in no_token.json()["error"]
    assert client.get("/api/corrections").json()["items"] == []
    assert client.post("/api/corrections/1/undo", json={}, headers=headers).status_code == 403


def test_bad_corrections_answer_400(client: TestClient, db: Path) -> None:
    doc_id = _quoted_doc(db)
    for body, cause in [
        ({"kind": "drop_table"}, "unknown correction kind"),
        ({"kind": "reject_quote", "doc_id": doc_id, "item_id": "q99"}, "has no quote 'q99'"),
        ({"kind": "reassign_speaker", "doc_id": doc_id, "item_id": "q0"}, "needs a speaker"),
        ({"kind": "merge_entities", "canonical_ids": "1", "other": "Nobody At All"}, "no entity named"),
        ({"kind": "merge_entities", "canonical_ids": "x"}, "whole numbers"),
    ]:
        r = _post(client, "/api/corrections", body)
        assert r.status_code == 400 and cause in r.json()["error"], (body, r.text)  # type: ignore[attr-defined]
    r = client.post(
        "/api/corrections", content=b"[1]", headers={"Origin": LOCAL, "X-CSRF-Token": _token(client),
                                                    "Content-Type": "application/json"},
    )  # fmt: skip
    assert r.status_code == 400 and "JSON object" in r.json()["error"]
    assert _post(client, "/api/corrections/99/undo", {}).status_code == 400  # type: ignore[attr-defined]
    assert _post(client, f"/api/corrections/{2**63}/undo", {}).status_code == 422  # type: ignore[attr-defined]


def test_merge_and_split_from_the_entity_page(client: TestClient) -> None:
    rows = {e["name"]: e["id"] for e in client.get("/api/entities").json()["items"]}
    duisen = rows["Arman Duisen"]
    page = client.get(f"/entity/{duisen}")
    assert 'name="kind" value="merge_entities"' in page.text and "merge-candidates" in page.text
    r = _post(
        client,
        "/api/corrections",
        {"kind": "merge_entities", "canonical_ids": [duisen], "other": "Lena Sorokina"},
    )
    assert r.status_code == 201 and r.json()["next"] == f"/entity/{duisen}"  # type: ignore[attr-defined]
    merged = client.get(f"/api/entities/{duisen}").json()
    assert "Lena Sorokina" in json.dumps(merged)
    split = _post(
        client,
        "/api/corrections",
        {"kind": "split_entity", "canonical_ids": str(duisen), "members": ["Lena Sorokina"]},
    )
    assert split.status_code == 201, split.text  # type: ignore[attr-defined]
    new = split.json()["correction"]["payload"]["new_id"]  # type: ignore[attr-defined]
    assert client.get(f"/api/entities/{new}").json()["profile"]["name"] == "Lena Sorokina"
    assert "Lena Sorokina" not in json.dumps(
        client.get(f"/api/entities/{duisen}").json()["profile"]["members"]
    )


def test_article_page_offers_the_corrections(client: TestClient, db: Path) -> None:
    doc_id = _quoted_doc(db)
    page = client.get(f"/article/{quote(doc_id, safe='')}")
    token = client.cookies[CSRF_COOKIE]
    assert page.text.count('name="kind" value="reject_quote"') == 2
    assert page.text.count('name="kind" value="reassign_speaker"') == 2
    assert 'value="reject_claim"' in page.text and 'value="reject_place"' in page.text
    assert f'name="csrf_token" value="{token}"' in page.text
    assert '<script src="/static/corrections.js" defer></script>' in page.text


def test_bearer_server_takes_corrections_with_the_token(db: Path) -> None:
    token = "a-long-enough-token-1234"
    client = TestClient(create_app(db, token=token), base_url=LOCAL)
    body = {"kind": "reject_quote", "doc_id": _quoted_doc(db), "item_id": "q0"}
    assert client.post("/api/corrections", json=body).status_code == 401
    r = client.post("/api/corrections", json=body, headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 201


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example/",
        "/\t/evil.example/",
        "/\n/evil.example",
        "/\\evil.example",
        "https://evil.example/",
        "",
    ],
)
def test_next_never_leaves_the_server(target: str) -> None:
    assert Submitted({"next": target}, form=True).next_page("/corrections") == "/corrections"
    assert Submitted({"next": "/entity/3?x=1#q2"}, form=True).next_page("/corrections") == "/entity/3?x=1#q2"
