"""Permalinks to spans: ``/article/{id}#<anchor>`` opens the article scrolled to one item, marked.

One helper computes every link, for the pages and the API alike. An anchor names an item of a
layer: its own id when that id already has the layer's form (``q3``, ``c2``, ``e4``, ``p1``,
``v1`` as the NLP stages number them), else the layer's letter, a dash and the percent-encoded id
(``p-gn%3A1526384`` for the place ``gn:1526384``); dates have no id and are named by their offsets
(``t-120-134``). Anchors hold only ``[A-Za-z0-9_.~%-]``, so one string serves as the element id,
the URL fragment and a ``data-anchors`` token, with nothing to escape and no two items sharing one.
"""

from __future__ import annotations

import re
from dataclasses import asdict, is_dataclass
from typing import Any
from urllib.parse import quote, urlencode

from wiresift.store.base import ClaimRow, EventRow, EvidenceRow, MemberRow, QuoteRow, SearchHit
from wiresift.workbench import EntityView, MentionRow, TimelineItem

#: The letter that starts each layer's anchors (``v`` for events: ``e`` is taken by entities).
LAYER_LETTERS = {"entity": "e", "quote": "q", "claim": "c", "timex": "t", "place": "p", "event": "v"}


def anchor(layer: str, item_id: str | None = None, start: int | None = None, end: int | None = None) -> str:
    """The fragment naming an item (by ``item_id``) or, for dates, a span (by ``start``/``end``)."""
    letter = LAYER_LETTERS[layer]
    if item_id is None:
        if start is None or end is None:
            raise ValueError(f"a {layer} anchor needs an item id or a start and an end")
        return f"{letter}-{int(start)}-{int(end)}"
    if re.fullmatch(re.escape(letter) + r"\d+", item_id):
        return item_id
    return f"{letter}-{quote(item_id, safe='')}"


def article_url(doc_id: str, fragment: str | None = None, q: str | None = None) -> str:
    """``/article/{id}`` (the id one percent-encoded path segment), with ``?q=`` and ``#fragment``."""
    url = "/article/" + quote(doc_id, safe="")
    if q:
        url += "?" + urlencode({"q": q})
    return url + ("#" + fragment if fragment else "")


def span_link(
    doc_id: str,
    layer: str,
    item_id: str | None = None,
    start: int | None = None,
    end: int | None = None,
    q: str | None = None,
) -> str:
    """The permalink of one item of ``layer`` in the article ``doc_id``."""
    return article_url(doc_id, anchor(layer, item_id, start, end), q)


def link_for(row: Any, q: str | None = None) -> str | None:
    """The permalink of a row of the read API (a quote, claim, event, place mention, timeline item,
    entity member or merge record, search hit), or None for a row that names no article.

    The pages and the JSON API both take their links from here; a search hit's link carries the
    search (``q``) so that the article highlights its words.
    """
    if isinstance(row, dict):
        return _dict_link(row)
    if isinstance(row, SearchHit):
        return article_url(row.id, q=q)
    if isinstance(row, QuoteRow):
        return span_link(row.doc_id, "quote", row.id)
    if isinstance(row, ClaimRow):
        return span_link(row.doc_id, "claim", row.id)
    if isinstance(row, EventRow):
        return span_link(row.doc_id, "event", row.id)
    if isinstance(row, MentionRow):
        return span_link(row.doc_id, "place", row.place_id) if row.place_id else article_url(row.doc_id)
    if isinstance(row, TimelineItem):
        if row.item_id and row.kind in LAYER_LETTERS:
            return span_link(row.doc_id, row.kind, row.item_id)
        return article_url(row.doc_id)
    if isinstance(row, MemberRow):
        return span_link(row.doc_id, "entity", row.entity_id)
    if isinstance(row, EvidenceRow):
        if row.doc_id is None:
            return None
        return span_link(row.doc_id, "entity", row.entity_id) if row.entity_id else article_url(row.doc_id)
    return None


def _dict_link(row: dict[str, Any]) -> str | None:
    """A claim as :meth:`claims_by` returns it (a dict with ``doc_id`` and ``id``)."""
    doc_id, item_id = row.get("doc_id"), row.get("id")
    if isinstance(doc_id, str) and isinstance(item_id, str):
        return span_link(doc_id, "claim", item_id)
    return None


def linked(row: Any, q: str | None = None) -> Any:
    """``row`` as a JSON-ready dict with its ``link`` (rows with no article are returned as dicts)."""
    record = asdict(row) if is_dataclass(row) and not isinstance(row, type) else dict(row)
    link = link_for(row, q)
    if link is not None:
        record["link"] = link
    return record


def entity_record(view: EntityView) -> dict[str, Any]:
    """The JSON of an entity page: its quotes, claims, members and merge records each with a ``link``."""
    profile = view.profile
    record = asdict(view)
    record["profile"]["quotes"] = [linked(r) for r in profile.quotes]
    record["profile"]["members"] = [linked(r) for r in profile.members]
    record["profile"]["evidence"] = [linked(r) for r in profile.evidence]
    record["claims"] = [linked(r) for r in view.claims]
    return record
