"""Corrections in a real browser (Debian's Chromium): from the article page reject a quote and give
another quote to a typed speaker, see both on the /corrections audit page, undo one there, and see
the article change back. Screenshots: ``artifacts/screenshots/corrections-*.png``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.web.corpus import build_store
from tests.web.live import chromium, serve
from tests.web.test_web_browser import SHOTS, Watched

from wiresift import api
from wiresift.web.app import create_app
from wiresift.web.permalink import article_url

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from chromium()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    db = build_store(tmp_path_factory.mktemp("corrections-browser") / "corr.db")
    with serve(create_app(db)) as base:
        yield base, db


def test_reject_reassign_audit_and_undo(browser: Any, served: tuple[str, Path]) -> None:
    base, db = served
    with api.open_store(db) as store:
        doc_id = next(q.doc_id for q in api.quotes(store))
    w = Watched(browser, base)
    page = w.page
    page.goto(base + article_url(doc_id))
    page.fill("#correction-who", "Ana Analyst")
    page.dispatch_event("#correction-who", "change")

    # reject the first quote
    first = page.locator('details.correct-item[data-kind=quote][data-item-id="q0"]')
    first.locator("summary").click()
    first.locator("form:has(input[value=reject_quote]) input[name=why]").fill("a caption, not speech")
    with page.expect_navigation():
        first.locator("button.reject").click()
    assert page.locator('#body [data-anchors~="q0"]').count() == 0
    assert page.locator('details.correct-item[data-item-id="q0"][data-kind=quote]').count() == 0

    # give the second quote to a name typed in (no entity of the article)
    second = page.locator('details.correct-item[data-kind=quote][data-item-id="q1"]')
    second.locator("summary").click()
    second.locator("input[name=speaker_name]").fill("Lena Sorokina")
    second.locator("form:has(input[value=reassign_speaker]) input[name=why]").fill(
        "she spoke at the briefing"
    )
    with page.expect_navigation():
        second.locator("text=Reassign speaker").click()
    speakers = page.locator(".side .quotes .speaker").all_inner_texts()
    assert speakers == ["Lena Sorokina"]
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "corrections-article.png"), full_page=True)

    # the audit page lists both, newest first, with who and why
    page.goto(base + "/corrections")
    rows = page.locator("tr.correction-row")
    assert rows.count() == 2
    texts = rows.all_inner_texts()
    assert "reassign speaker" in texts[0] and "Lena Sorokina" in texts[0] and "Ana Analyst" in texts[0]
    assert "reject quote" in texts[1] and "a caption, not speech" in texts[1]
    page.screenshot(path=str(SHOTS / "corrections-audit.png"), full_page=True)

    # undo the rejection: the quote is back in the article; the row stays, marked undone
    with page.expect_navigation():
        rows.nth(1).locator("button", has_text="Undo").click()
    assert "undone" in page.locator("tr.correction-row").nth(1).inner_text()
    assert "by Ana Analyst" in page.locator("tr.correction-row").nth(1).inner_text()
    page.goto(base + article_url(doc_id) + "#q0")
    page.wait_for_selector('#body [data-anchors~="q0"].marked')
    w.check("corrections-undone")


def test_a_page_of_another_site_cannot_correct(browser: Any, served: tuple[str, Path]) -> None:
    """A form on another origin posting to the workbench (the browser sends that origin) is refused."""
    base, db = served
    with api.open_store(db) as store:
        doc_id = next(q.doc_id for q in api.quotes(store))
        before = len(api.corrections(store))
    context = browser.new_context()
    page = context.new_page()
    evil = "http://localhost:1/"  # another origin; its page is served by the route below
    page.route(evil, lambda route: route.fulfill(content_type="text/html", body=(
        f'<form id="f" method="post" action="{base}/api/corrections">'
        f'<input name="kind" value="reject_quote"><input name="doc_id" value="{doc_id}">'
        '<input name="item_id" value="q1"><input name="csrf_token" value="guess"></form>'
    )))  # fmt: skip
    page.goto(evil)
    with page.expect_navigation():
        page.evaluate("document.getElementById('f').submit()")
    assert "cross-site request refused" in page.content()
    context.close()
    with api.open_store(db) as store:
        assert len(api.corrections(store)) == before


def test_merge_from_the_entity_page_and_undo(browser: Any, served: tuple[str, Path]) -> None:
    base, db = served
    with api.open_store(db) as store:
        duisen = store.entity("Arman Duisen")
        sorokina = store.entity("Lena Sorokina")
    assert duisen is not None and sorokina is not None
    w = Watched(browser, base)
    page = w.page
    page.goto(f"{base}/entity/{duisen.id}")
    page.wait_for_selector("#merge-candidates option", state="attached")  # the suggestions came
    box = page.locator("form.correction:has(input[value=merge_entities])")
    box.locator("input[name=other]").fill(str(sorokina.id))
    box.locator("input[name=why]").fill("one desk, two bylines")
    with page.expect_navigation():
        box.locator("button").click()
    assert page.url.endswith(f"/entity/{duisen.id}")
    assert "Lena Sorokina" in page.locator(".mentions").inner_text()
    page.screenshot(path=str(SHOTS / "corrections-entity.png"), full_page=True)
    page.goto(base + "/corrections")
    row = page.locator("tr.correction-row").first
    assert "merge entities" in row.inner_text() and "one desk, two bylines" in row.inner_text()
    with page.expect_navigation():
        row.locator("button", has_text="Undo").click()
    page.goto(f"{base}/entity/{duisen.id}")
    assert "Lena Sorokina" not in page.locator(".mentions").inner_text()
    w.check("corrections-entity-undone")
