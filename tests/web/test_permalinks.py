"""Permalinks to spans: the link helper, the anchors the article page renders, the links of every
list and API record, and the words of a search marked in the article (``?q=``)."""

from __future__ import annotations

from html import unescape
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st
from lxml import html as lxml_html
from tests.web.corpus import build_documents
from tests.web.permalink_corpus import DOC_ID, build_permalink_store, long_document

from wiresift.store.base import ClaimRow, QuoteRow
from wiresift.store.workbench import MentionRow, TimelineItem
from wiresift.web.app import create_app
from wiresift.web.highlight import segments
from wiresift.web.permalink import anchor, article_url, link_for, span_link


@pytest.fixture(scope="module")
def client(workbench_db: Path) -> TestClient:
    return TestClient(create_app(workbench_db), base_url="http://127.0.0.1")


@pytest.fixture(scope="module")
def long_client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = build_permalink_store(tmp_path_factory.mktemp("permalink") / "long.db")
    return TestClient(create_app(db), base_url="http://127.0.0.1")


# --- the link helper -------------------------------------------------------------------------


def test_anchors_of_each_layer() -> None:
    assert anchor("quote", "q3") == "q3"
    assert anchor("claim", "c2") == "c2"
    assert anchor("entity", "e4") == "e4"
    assert anchor("place", "p1") == "p1"
    assert anchor("event", "v1") == "v1"
    assert anchor("timex", None, 120, 134) == "t-120-134"
    # an id not of the layer's own form is encoded after the layer's letter and a dash
    assert anchor("place", "gn:1526384") == "p-gn%3A1526384"
    assert anchor("place", "unresolved:Port Veyra") == "p-unresolved%3APort%20Veyra"
    assert anchor("entity", "q3") == "e-q3"  # another layer's form never passes as this one's
    with pytest.raises(ValueError, match="timex anchor needs"):
        anchor("timex")


@given(st.sampled_from(["entity", "quote", "claim", "place", "event"]), st.text(min_size=1, max_size=40))
def test_any_id_gives_a_safe_distinct_anchor(layer: str, item_id: str) -> None:
    a = anchor(layer, item_id)
    assert a and all(ch.isascii() and (ch.isalnum() or ch in "_.~%-") for ch in a)
    assert a != anchor(layer, item_id + "x")
    assert a != anchor("timex", None, 1, 2)


def test_span_link_encodes_the_id_and_carries_the_search() -> None:
    assert span_link("feeds/a b?.html", "quote", "q1") == "/article/feeds%2Fa%20b%3F.html#q1"
    assert article_url("d#1", q="border & talks") == "/article/d%231?q=border+%26+talks"
    assert article_url("d1") == "/article/d1"


def test_link_for_rows_of_the_read_api() -> None:
    q = QuoteRow("doc/1", None, None, "q2", "text", 0, 4, "direct", None, None, None)
    assert link_for(q) == "/article/doc%2F1#q2"
    c = ClaimRow("d", None, None, "c7", "5", 0, 1, 5.0, None, None, None, None, None, None, None, None)
    assert link_for(c) == "/article/d#c7"
    assert link_for(MentionRow("d", None, None, "in Almaty", "gn:1526384")) == "/article/d#p-gn%3A1526384"
    assert link_for(TimelineItem("claim", "2026", "x", "d", "c1")) == "/article/d#c1"
    assert link_for(TimelineItem("article", "2026", "x", "d")) == "/article/d"
    assert link_for({"doc_id": "d", "id": "c3"}) == "/article/d#c3"
    assert link_for(object()) is None


# --- the anchors of the article page ---------------------------------------------------------


def _body(html: str) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(html).get_element_by_id("body")


def _pieces(body: lxml_html.HtmlElement, name: str) -> list[lxml_html.HtmlElement]:
    return [el for el in body.iter("span") if name in (el.get("data-anchors") or "").split()]


def test_every_item_has_one_anchor_before_its_first_piece(long_client: TestClient) -> None:
    doc = long_document()
    body = _body(long_client.get(article_url(doc.id)).text)
    ids = [el.get("id") for el in body.iter() if el.get("id")]
    assert len(ids) == len(set(ids))
    items = [
        ("quote", doc.quotes[0].id, doc.quotes[0].start, doc.quotes[0].end),
        ("claim", doc.claims[0].id, doc.claims[0].start, doc.claims[0].end),
        ("place", doc.places[0].id, *doc.places[0].mentions[0]),
        ("entity", doc.entities[0].id, *doc.entities[0].mentions[0]),
        ("event", doc.events[0].id, doc.events[0].start, doc.events[0].end),
        ("timex", None, doc.timexes[0].start, doc.timexes[0].end),
    ]
    for layer, item_id, start, end in items:
        name = anchor(layer, item_id, start, end)
        (mark,) = [el for el in body.iter("span") if el.get("id") == name]
        assert mark.get("class") == "anchor" and mark.get("data-layer") == layer and mark.get("data-details")
        following = mark.getnext()
        while following is not None and following.get("class") == "anchor":
            following = following.getnext()
        assert following is not None and int(following.get("data-start")) == start
        own = [p for p in _pieces(body, name) if start <= int(p.get("data-start")) < end]
        assert "".join(p.text_content() for p in own) == doc.text[start:end]
    # the quote's speaker mention is marked with the quote; the details say who, how sure, which stage
    quote = doc.quotes[0]
    assert any(int(p.get("data-start")) == quote.speaker_mention.start for p in _pieces(body, "q1"))
    details = body.get_element_by_id("q1").get("data-details")
    assert "Ilse Varga" in details and "confidence 0.91" in details and "test-1" in details
    assert body.get_element_by_id("p-gn%3A4242001") is not None


def test_body_text_is_unchanged_by_anchors_and_terms(long_client: TestClient) -> None:
    doc = long_document()
    body = _body(long_client.get(article_url(doc.id, q="berth")).text)
    assert body.text_content() == doc.text


# --- links on the pages and in the API -------------------------------------------------------


def _hrefs(html: str) -> list[str]:
    return [unescape(h) for h in lxml_html.fromstring(html).xpath("//a/@href")]


def test_list_pages_link_each_item_to_its_span(client: TestClient) -> None:
    doc = build_documents()[0]
    assert f"/article/{doc.id}#q0" in _hrefs(client.get("/quotes").text)
    assert f"/article/{doc.id}#c0" in _hrefs(client.get("/claims").text)
    entity = _hrefs(client.get("/entity/Arman Duisen").text)
    assert f"/article/{doc.id}#q0" in entity and f"/article/{doc.id}#c0" in entity
    assert f"/article/{doc.id}#e0" in entity  # "Mentioned in" lists each article at the mention
    article = _hrefs(client.get(article_url(doc.id)).text)
    assert {"#q0", "#q1", "#c0", "#e0", "/entity/Arman%20Duisen"} <= set(article)


def test_api_records_carry_their_link_and_it_opens_the_span(client: TestClient) -> None:
    doc = build_documents()[0]
    quotes = client.get("/api/quotes").json()["items"]
    assert {q["link"] for q in quotes} >= {f"/article/{doc.id}#q0", f"/article/{doc.id}#q1"}
    claims = client.get("/api/claims").json()["items"]
    assert all(c["link"] == span_link(c["doc_id"], "claim", c["id"]) for c in claims)
    timeline = client.get("/api/timeline").json()["items"]
    assert {t["link"] for t in timeline if t["kind"] == "quote"} >= {f"/article/{doc.id}#q0"}
    mentions = client.get("/api/places/mentions", params={"name": "Khorog"}).json()["items"]
    assert {m["link"] for m in mentions} >= {f"/article/{doc.id}#p0"}
    entity = client.get("/api/entities/Arman Duisen").json()
    assert {q["link"] for q in entity["profile"]["quotes"]} == {
        f"/article/{doc.id}#q0",
        f"/article/{doc.id}#q1",
    }
    assert [c["link"] for c in entity["claims"]] == [f"/article/{doc.id}#c0"]
    hits = client.get("/api/search", params={"q": "militants"}).json()["items"]
    assert hits[0]["link"] == f"/article/{doc.id}?q=militants"
    for record in (*quotes, *claims, *mentions):
        path, _, fragment = record["link"].partition("#")
        page = client.get(path)
        assert page.status_code == 200 and f'id="{fragment}"' in page.text


# --- the words of a search, marked in the article --------------------------------------------


def test_search_links_carry_the_query_and_the_article_marks_its_words(client: TestClient) -> None:
    doc = build_documents()[0]
    results = client.get("/", params={"q": "militant"}).text
    link = next(h for h in _hrefs(results) if h.startswith(f"/article/{doc.id}"))
    assert link == f"/article/{doc.id}?q=militant"
    body = _body(client.get(link).text)
    marks = body.findall(".//mark")
    # FTS5's own matching (porter stems): "militant" finds "militants", inside the claim's piece
    assert [m.text for m in marks] == ["militants"] and marks[0].get("class") == "term"
    assert "l-claim" in marks[0].getparent().get("class")


def test_a_phrase_is_marked_and_markup_in_the_text_stays_text(client: TestClient) -> None:
    doc = build_documents()[0]
    body = _body(client.get(article_url(doc.id, q='"threat is growing"')).text)
    assert "".join(m.text for m in body.iter("mark")) == "threat is growing"
    hostile = build_documents()[2]
    page = client.get(article_url(hostile.id, q="script")).text
    assert "<script>window" not in page and '&lt;<mark class="term">script</mark>&gt;' in page


def test_a_search_over_the_limits_still_opens_the_article(client: TestClient) -> None:
    doc = build_documents()[0]
    page = client.get(article_url(doc.id, q="ab* cd* ef* gh* ij*"))
    assert page.status_code == 200 and "search words not highlighted" in page.text
    assert "<mark" not in page.text
    absent = client.get(article_url(doc.id, q="zeppelin")).text
    assert "is not in the text of this article" in absent


@given(st.lists(st.tuples(st.integers(-5, 260), st.integers(-5, 260)), max_size=8))
def test_terms_cut_segments_without_losing_text(terms: list[tuple[int, int]]) -> None:
    doc = build_documents()[0]
    segs = segments(doc, terms)
    assert "".join(s.text for s in segs) == doc.text
    # spans out of the text are dropped, as annotation spans are
    inside = {i for s, e in terms if 0 <= s < e <= len(doc.text) for i in range(s, e)}
    marked = {s.start + i for s in segs if s.term for i in range(len(s.text))}
    assert marked == inside


def test_long_article_link_opens_with_encoded_id(long_client: TestClient) -> None:
    link = span_link(DOC_ID, "place", "gn:4242001")
    assert link == "/article/" + quote(DOC_ID, safe="") + "#p-gn%3A4242001"
    assert long_client.get(link.partition("#")[0]).status_code == 200
