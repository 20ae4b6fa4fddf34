"""The analyst's views in Debian's Chromium (#13): the timeline's lanes and opening span, the map's
shaded countries and place popups, the shared filters, export downloads, errors shown in the page,
the layer colours and the one-column layout at 420 px. Screenshots: ``artifacts/screenshots/``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.web.live import chromium, serve
from tests.web.test_web_browser import Watched

from wiresift.web.app import create_app

pytestmark = pytest.mark.browser

#: The longest horizontal step between two consecutive points of any drawn outline (px).
LONGEST_EDGE = """
Math.max(...[...document.querySelectorAll('path.leaflet-interactive')].map(p => {
  let widest = 0;
  for (const ring of (p.getAttribute('d') || '').split('M').filter(Boolean)) {
    const xs = [...ring.matchAll(/(-?[\\d.]+) (-?[\\d.]+)/g)].map(m => parseFloat(m[1]));
    for (let i = 1; i < xs.length; i++) widest = Math.max(widest, Math.abs(xs[i] - xs[i - 1]));
  }
  return widest;
}))
"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from chromium()


@pytest.fixture(scope="module")
def server(workbench_db: Path) -> Iterator[str]:
    with serve(create_app(workbench_db)) as base:
        yield base


def test_timeline_has_four_lanes_and_opens_on_the_data(browser: Any, server: str) -> None:
    w = Watched(browser, server)
    w.page.goto(server + "/timeline")
    w.page.wait_for_selector("#timeline[data-start]")
    lanes = w.page.locator(".vis-label").all_text_contents()
    assert [lane.strip() for lane in lanes] == ["Articles", "Events", "Quotes", "Claims"]
    start, end = (
        w.page.get_attribute("#timeline", "data-start"),
        w.page.get_attribute("#timeline", "data-end"),
    )
    assert start and end and "2026-01" <= start <= "2026-02-12" and "2026-02-13" <= end <= "2026-04"
    claims = " ".join(w.page.locator(".vis-item.tl-claim").all_text_contents())
    assert "more than 5,000 militants, says Arman Duisen" in claims
    w.page.click("#zoom-out")
    w.page.locator(".vis-item.tl-claim .vis-item-content").first.wait_for(state="visible")
    w.page.wait_for_timeout(300)  # the zoom animation
    w.check("timeline-lanes")


def test_timeline_filters_are_the_maps(browser: Any, server: str) -> None:
    w = Watched(browser, server)
    w.page.goto(server + "/timeline")
    w.page.fill(".viewfilters input[name=entity]", "Lena Sorokina")
    w.page.press(".viewfilters input[name=entity]", "Enter")
    w.page.wait_for_selector("#timeline[data-items]")
    assert "entity=Lena+Sorokina" in w.page.url
    assert int(w.page.get_attribute("#timeline", "data-items") or 0) == 2  # her article and her claim
    w.page.click("text=the map with these filters")
    w.page.wait_for_selector("#map[data-markers]")
    assert "entity=Lena+Sorokina" in w.page.url and w.page.get_attribute("#map", "data-markers") == "1"
    w.check("map-filtered")


def test_map_shades_countries_and_lists_sentences(browser: Any, server: str) -> None:
    w = Watched(browser, server)
    w.page.goto(server + "/map")
    w.page.wait_for_selector("#map[data-countries]")
    assert w.page.get_attribute("#map", "data-countries") == "2"
    shaded = w.page.evaluate(
        "[...document.querySelectorAll('path.leaflet-interactive')].filter(p => "
        "['#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'].includes(p.getAttribute('fill'))).length"
    )
    assert shaded == 2  # Tajikistan and Kazakhstan
    # no edge of a country's outline jumps across the map (a ring crossing 180 degrees drawn as a
    # stripe: 945 px before the rings were unwrapped; the world is 1024 px wide at zoom 2)
    assert w.page.evaluate(LONGEST_EDGE) < 512
    w.page.locator(".leaflet-marker-icon").first.click()  # a cluster or a place
    point = w.page.locator('path.leaflet-interactive[fill="#e69f00"]').first
    point.wait_for()
    point.click(force=True)
    popup = w.page.locator(".place-popup")
    popup.wait_for()
    link = popup.locator("a").first.get_attribute("href") or ""
    assert link.startswith("/article/") and "#p" in link
    assert popup.locator("p").first.inner_text().strip()
    w.check("map-shaded")


def test_map_shades_provinces_when_zoomed_in(browser: Any, server: str) -> None:
    w = Watched(browser, server)
    w.page.set_viewport_size({"width": 1280, "height": 800})
    w.page.goto(server + "/map")
    w.page.wait_for_selector("#map[data-ready]")
    assert w.page.locator("path.province").count() == 0  # countries only at world zoom
    for _ in range(2):  # zoom 2 -> 4: the provinces replace the countries
        w.page.click(".leaflet-control-zoom-in")
        w.page.wait_for_timeout(400)
    w.page.wait_for_selector("#map[data-provinces]")
    # one province is named (Khorog's, Gorno-Badakhshan), among the shapes of Tajikistan and Kazakhstan
    assert w.page.get_attribute("#map", "data-provinces") == "1"
    named = w.page.locator("path.province.named")
    assert named.count() == 1 and w.page.locator("path.province").count() > 10
    assert named.get_attribute("fill") in {"#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"}
    assert w.page.evaluate(LONGEST_EDGE) < 2048  # no stripe across the 4096 px world at zoom 4
    box = named.bounding_box()
    assert box is not None
    named.dispatch_event(
        "click", {"clientX": box["x"] + box["width"] / 2, "clientY": box["y"] + box["height"] / 2}
    )
    popup = w.page.locator(".place-popup")
    popup.wait_for()
    assert "Kŭhistoni Badakhshon" in popup.locator("b").inner_text()
    links = popup.locator("a")
    assert links.count() >= 1 and (links.first.get_attribute("href") or "").startswith("/article/")
    assert popup.locator("p").first.inner_text().strip()
    w.page.wait_for_timeout(300)
    w.check("map-provinces")


def test_export_button_downloads_the_filtered_list(browser: Any, server: str) -> None:
    w = Watched(browser, server)
    w.page.goto(server + "/claims?counted=fighters")
    assert "1–1 of 1" in w.page.inner_text(".listnav")
    with w.page.expect_download() as info:
        w.page.click(".export a:has-text('CSV')")
    download = info.value
    assert download.suggested_filename.startswith(
        "wiresift-claims-"
    ) and download.suggested_filename.endswith(".csv")
    text = Path(download.path()).read_text(encoding="utf-8")
    assert len(text.strip().splitlines()) == 2 and "fighters" in text and "militants" not in text
    w.check("claims-export")


def test_bad_query_is_explained_in_the_page(browser: Any, server: str) -> None:
    w = Watched(browser, server)
    w.page.on("console", lambda m: None)
    w.page.goto(server + "/?q=" + "NEAR(threat%20growing")
    assert "unbalanced NEAR(" in w.page.inner_text(".error")
    w.page.click("details.syntax summary")
    assert w.page.locator("details.syntax dl").is_visible()
    w.errors = [e for e in w.errors if "400" not in e]  # the page itself answers 400, on purpose
    w.check("search-syntax-error")


def test_layer_colours_keep_speaker_places_and_dates_distinct(browser: Any, server: str) -> None:
    w = Watched(browser, server)
    w.page.goto(server + "/?q=threat")
    w.page.click(".hit .title")
    w.page.wait_for_selector(".body .l-speaker")
    style = "([sel, prop]) => getComputedStyle(document.querySelector(sel))[prop]"
    quote_bg = w.page.evaluate(style, [".body .l-quote:not(.l-speaker)", "backgroundColor"])
    speaker_bg = w.page.evaluate(style, [".body .l-speaker", "backgroundColor"])
    assert quote_bg != speaker_bg
    place = w.page.evaluate(style, [".body .l-place", "borderBottomColor"])
    date = w.page.evaluate(style, [".body .l-timex", "borderBottomColor"])
    assert place != date and "0, 0, 0" not in place
    hover = w.page.locator(".body .l-claim").first.get_attribute("title") or ""
    assert hover.startswith("claim: more than 5,000 militants, says Arman Duisen") and "_" not in hover
    assert w.page.locator(".legend .key.l-speaker").is_visible()
    w.check("article-colours")


def test_article_text_is_readable_at_420_px(browser: Any, server: str) -> None:
    w = Watched(browser, server)
    w.page.set_viewport_size({"width": 420, "height": 860})
    w.page.goto(server + "/?q=threat")
    w.page.click(".hit .title")
    body = w.page.locator("#body")
    body.wait_for()
    box = body.bounding_box()
    assert box and box["width"] > 300 and box["x"] >= 0 and box["x"] + box["width"] <= 420
    assert "threat is growing" in body.inner_text()
    assert w.page.evaluate("document.documentElement.scrollWidth") <= 420
    w.check("article-420px")
