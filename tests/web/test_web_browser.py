"""The workbench in a real browser: Playwright driving Debian's headless Chromium.

The server runs in this process on a free loopback port. Every test checks that the page logged no
console error and that no request left 127.0.0.1. Screenshots go to ``artifacts/screenshots/``.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.web.live import chromium

SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(workbench_db: Path) -> Iterator[str]:
    import uvicorn

    from wiresift.web.app import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(workbench_db), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        if time.monotonic() > deadline:
            raise RuntimeError("workbench server did not start within 15 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from chromium()


class Watched:
    """A page with its console errors and every URL it requested."""

    def __init__(self, browser: Any, base: str) -> None:
        self.base = base
        self.context = browser.new_context(viewport={"width": 1360, "height": 900})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))

    def check(self, shot: str) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{shot}.png"), full_page=True)
        assert self.errors == [], f"console errors on {shot}: {self.errors}"
        outside = [u for u in self.requests if not (u.startswith(self.base) or u.startswith("data:"))]
        assert outside == [], f"requests left 127.0.0.1: {outside}"
        assert self.page.evaluate("window.__pwned === undefined")
        self.context.close()


def test_search_finds_article(browser: Any, server: str) -> None:
    w = Watched(browser, server)
    w.page.goto(server + "/")
    w.page.fill("input[name=q]", "militants")
    w.page.press("input[name=q]", "Enter")
    w.page.wait_for_selector("mark")
    titles = w.page.locator(".hit .title").all_inner_texts()
    assert "Militants gather near the Tajik border, alliance says" in titles
    w.check("search")


def test_article_highlights_quote_with_speaker(browser: Any, server: str) -> None:
    w = Watched(browser, server)
    w.page.goto(server + "/?q=threat")
    w.page.click(".hit .title")
    quote = w.page.locator(".body .l-quote").first
    quote.wait_for()
    assert "direct quote by Arman Duisen" in (quote.get_attribute("title") or "")
    assert "Arman Duisen" in w.page.locator(".side .quote .speaker").first.inner_text()
    # toggling the quotes layer removes the highlight class from <body>
    w.page.uncheck("input[data-layer=quote]")
    assert "show-quote" not in (w.page.get_attribute("body", "class") or "")
    w.check("article")


def test_hostile_article_renders_inert(browser: Any, server: str) -> None:
    w = Watched(browser, server)
    w.page.goto(server + "/?q=payload")
    w.page.click(".hit .title")
    w.page.wait_for_selector(".body")
    assert "<script>window.__pwned = 1</script>" in w.page.inner_text(".body")
    w.check("hostile")


def test_map_shows_markers(browser: Any, server: str) -> None:
    w = Watched(browser, server)
    w.page.goto(server + "/map")
    w.page.wait_for_selector("#map[data-markers]")
    assert int(w.page.get_attribute("#map", "data-markers") or 0) >= 2
    w.page.wait_for_selector(".leaflet-marker-icon")  # a cluster of places
    w.page.locator(".leaflet-marker-icon").first.click()
    w.check("map")


def test_timeline_shows_items(browser: Any, server: str) -> None:
    w = Watched(browser, server)
    w.page.goto(server + "/timeline")
    w.page.wait_for_selector(".vis-item")
    assert w.page.locator(".vis-item").count() >= 3
    w.check("timeline")


def test_entity_page_lists_quotes(browser: Any, server: str) -> None:
    w = Watched(browser, server)
    w.page.goto(server + "/entity/Arman Duisen")
    quotes = w.page.locator(".quotes .quote").all_inner_texts()
    assert any("The threat is growing every week" in q for q in quotes)
    w.page.wait_for_selector("#graph canvas")
    w.check("entity")


def test_docs_renders_operations_from_vendored_assets(browser: Any, server: str) -> None:
    w = Watched(browser, server)
    w.page.goto(server + "/docs")
    w.page.wait_for_selector(".opblock-summary-path", timeout=15000)
    paths = w.page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/search" in paths and "/api/export" in paths
    assert all(u.startswith(server) for u in w.requests if not u.startswith("data:"))
    w.check("docs")
