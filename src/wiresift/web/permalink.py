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
from urllib.parse import quote, urlencode

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
