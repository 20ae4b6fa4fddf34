"""The story pages and JSON over HTTP, and the story page in a real browser (Debian's Chromium).

Screenshot: ``artifacts/screenshots/story.png``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.stories.story_corpus import SPECS, build, documents
from tests.web.live import chromium, serve
from tests.web.test_web_browser import Watched

from wiresift.store.sqlite import SQLiteStore
from wiresift.stories.service import StoryBuilder
from wiresift.web.app import create_app

HOSTILE = "<script>window.__pwned = 1</script>"


def build_story_store(path: Path) -> Path:
    docs = documents()
    # An outlet whose name and headline carry markup: the page must show them as text.
    odd = next(s for s in SPECS if s.id == "ledger-cup")
    docs.append(build(odd.__class__(**{**odd.__dict__, "id": "odd-cup", "site": f"odd{HOSTILE}.example",
                                       "title": f"Rovers {HOSTILE} cup", "published": "2026-03-08"})))  # fmt: skip
    with SQLiteStore(path) as store:
        builder = StoryBuilder(store)
        for d in docs:
            store.save(d)
            builder.add(d)
        builder.finish()
    return path


@pytest.fixture(scope="module")
def story_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_story_store(tmp_path_factory.mktemp("stories") / "stories.db")


@pytest.fixture(scope="module")
def client(story_db: Path) -> TestClient:
    return TestClient(create_app(story_db), base_url="http://127.0.0.1")


def _flood(client: TestClient) -> str:
    items = client.get("/api/stories").json()["items"]
    return str(next(i["id"] for i in items if i["articles"] == 4))


def test_api_lists_stories_and_one_story(client: TestClient) -> None:
    body = client.get("/api/stories", params={"limit": 10}).json()
    assert sorted(i["articles"] for i in body["items"]) == [3, 3, 4]
    assert all(i["link"].startswith("/story/st-") for i in body["items"])
    story = client.get(f"/api/stories/{_flood(client)}").json()
    assert story["story"]["outlets"] == 4
    people = next(k for k in story["claims"] if k["counted"] == "people")
    assert [m["label"] for m in people["mentions"]] == ["independent", "copied", "independent"]
    assert people["mentions"][0]["link"] == "/article/herald-flood#c-k0"
    assert story["quotes"][0]["mentions"][0]["link"] == "/article/herald-flood#q0"
    assert client.get("/api/stories/st-none").status_code == 404
    assert client.get("/api/stories", params={"limit": 0}).status_code == 422


def test_story_page_board_and_escaping(client: TestClient) -> None:
    assert "Marrow River floods" in client.get("/stories").text or "Kessington" in client.get("/stories").text
    page = client.get(f"/story/{_flood(client)}").text
    assert 'class="value lbl-independent first"' in page and 'class="value lbl-copied"' in page
    assert "1,200 → 1,200 → 1,300" in page and "<meter" in page
    cup = next(i["id"] for i in client.get("/api/stories").json()["items"] if "Rovers" in (i["title"] or ""))
    odd = client.get(f"/story/{cup}").text
    assert HOSTILE not in odd and "&lt;script&gt;" in odd
    assert client.get("/story/st-none").status_code == 404


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from chromium()


@pytest.mark.browser
def test_story_page_in_a_browser(browser: Any, story_db: Path, client: TestClient) -> None:
    flood = _flood(client)
    with serve(create_app(story_db)) as base:
        w = Watched(browser, base)
        w.page.goto(f"{base}/story/{flood}")
        w.page.wait_for_selector("body[data-story-ready]")
        assert w.page.locator(".story-axis .lane").count() == 4
        assert w.page.locator(".claim-board .value.first").count() >= 1
        w.page.hover(".claim-board .value.lbl-copied")
        assert w.page.locator("[data-doc='coastline-flood'].linked").count() >= 2  # axis, board and quotes
        w.check("story")
