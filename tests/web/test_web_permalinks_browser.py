"""Permalinks in a real browser (Debian's Chromium): a link to a span opens the article scrolled
to it, marked, with its details beside it; changing the fragment moves the mark; a search result
opens its article with the search's words marked. Screenshot: ``artifacts/screenshots/permalink.png``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from tests.web.live import chromium, serve
from tests.web.permalink_corpus import DOC_ID, build_permalink_store
from tests.web.test_web_browser import SHOTS, Watched

from wiresift.web.app import create_app
from wiresift.web.permalink import article_url, span_link

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from chromium()


@pytest.fixture(scope="module")
def long_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = build_permalink_store(tmp_path_factory.mktemp("permalink-browser") / "long.db")
    with serve(create_app(db)) as base:
        yield base


def _in_viewport(page: Any, selector: str) -> bool:
    box = page.locator(selector).first.bounding_box()
    view = page.viewport_size
    return bool(box) and box["y"] >= 0 and box["y"] + box["height"] <= view["height"] and box["x"] >= 0


def test_a_quote_link_scrolls_to_it_marks_it_and_shows_its_details(browser: Any, long_server: str) -> None:
    w = Watched(browser, long_server)
    w.page.set_viewport_size({"width": 1280, "height": 720})
    w.page.goto(long_server + span_link(DOC_ID, "quote", "q1"))
    quote = '#body [data-anchors~="q1"].l-quote'
    w.page.wait_for_selector("#body .marked")
    assert w.page.evaluate("window.scrollY") > 1000  # the quote is far below the first screen
    assert _in_viewport(w.page, quote)
    first = w.page.locator(quote).first
    assert "marked" in (first.get_attribute("class") or "").split()
    details = w.page.locator("#span-details")
    assert details.is_visible()
    text = details.inner_text()
    assert "quote" in text and "Ilse Varga" in text and "confidence 0.91" in text and "test-1" in text
    assert _in_viewport(w.page, "#span-details")
    SHOTS.mkdir(parents=True, exist_ok=True)
    w.page.screenshot(path=str(SHOTS / "permalink.png"))

    # another fragment moves the mark (and the details) to that item: here a place with an encoded id
    w.page.evaluate("window.location.hash = 'p-gn%3A4242001'")
    w.page.wait_for_selector('#body [data-anchors~="p-gn%3A4242001"].marked')
    assert w.page.locator('#body [data-anchors~="q1"].marked').count() == 0
    assert "Port Veyra" in details.inner_text()
    # a layer switched off is switched back on for the item a link points at
    w.page.uncheck("input[data-layer=timex]")
    w.page.evaluate(
        "window.location.hash = 't-' + document.querySelector('[data-layer=timex].anchor').id.slice(2)"
    )
    w.page.wait_for_selector("#body .l-timex.marked")
    assert "show-timex" in (w.page.get_attribute("body", "class") or "")
    w.check("permalink-place")


def test_a_search_result_opens_with_the_words_marked(browser: Any, long_server: str) -> None:
    w = Watched(browser, long_server)
    w.page.goto(long_server + "/?q=dredgers")
    w.page.click(".hit .title")
    w.page.wait_for_selector("#body mark.term")
    assert w.page.url.endswith(article_url(DOC_ID, q="dredgers"))
    assert w.page.locator("#body mark.term").all_inner_texts() == ["Dredgers"]
    w.check("permalink-search")
