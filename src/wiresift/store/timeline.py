"""The timeline's items: articles, events, quotes and claims of the documents in a search's window.

Each item is placed at a date the text asserts about the real world: an article at its publication
date, a quote at its article's, a claim or an event at its own normalised time when that time is a
calendar date no later than :data:`FUTURE_DAYS` after the article (a "2077" in a story, or a plan
for next decade, is not an event of the record) and otherwise at its article's date.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from wiresift.store.sql import Sql, SQLiteSql
from wiresift.wording import claim_label, event_label

#: How far after its article a claim's or event's own date may lie and still be placed there.
FUTURE_DAYS = 366
_DAY = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?$")

Kind = Literal["article", "event", "quote", "claim"]


@dataclass(frozen=True)
class TimelineItem:
    kind: Kind
    date: str  # a TIMEX3-style date with its own precision (YYYY, YYYY-MM or YYYY-MM-DD)
    label: str
    doc_id: str
    item_id: str | None = None
    #: the item's own date when it was not placed there (past its article: fiction, far plans)
    unplaced: str | None = None


def day(value: str | None) -> date | None:
    """The first day of a ``YYYY[-MM[-DD]]`` value, or None for anything else (weeks, seasons, ranges)."""
    m = _DAY.match(value or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def asserted(own: str | None, published: str | None) -> tuple[str | None, str | None]:
    """(date to place the item at, its own date left unplaced or None)."""
    when, article = day(own), day(published)
    if when is None or own is None:
        return published, None
    if article is not None and when > article + timedelta(days=FUTURE_DAYS):
        return published, own
    if when.year < 1800:
        return published, own
    return own, None


def timeline_items(conn: sqlite3.Connection | Sql, limit: int) -> list[TimelineItem]:
    """Items of the documents in the temp table ``_hits``, at most ``limit`` per lane, newest first."""
    if isinstance(conn, sqlite3.Connection):
        conn = SQLiteSql(conn)
    join = conn.dialect.cross_join
    items: list[TimelineItem] = []
    for doc_id, title, published in conn.execute(
        "SELECT h.id, d.title, h.published FROM _hits h JOIN documents d ON d.id = h.id "
        "WHERE h.published IS NOT NULL ORDER BY h.published DESC, h.num DESC LIMIT ?",
        (limit,),
    ):
        items.append(TimelineItem("article", published, title or doc_id, doc_id))
    for doc_id, qid, text, speaker, published in conn.execute(
        "SELECT q.doc_id, q.id, q.text, q.speaker_name, h.published FROM _hits h "
        f"{join} quotes q ON q.doc_id = h.id WHERE h.published IS NOT NULL AND q.mode = 'statement' "
        "ORDER BY h.published DESC, h.num DESC, q.start, q.id LIMIT ?",
        (limit,),
    ):
        label = f"{speaker or 'unknown speaker'}: {text[:90]}"
        items.append(TimelineItem("quote", published, label, doc_id, qid))
    for row in conn.execute(
        "SELECT c.doc_id, c.id, c.value, c.low, c.high, c.qualifier, c.unit, c.counted, "
        "coalesce(c.claimant_name, e.name), c.time, h.published FROM _hits h "
        f"{join} claims c ON c.doc_id = h.id "
        "LEFT JOIN entities e ON e.doc_id = c.doc_id AND e.id = c.claimant "
        "WHERE coalesce(c.time, h.published) IS NOT NULL "
        "ORDER BY h.published DESC, h.num DESC, c.start, c.id LIMIT ?",
        (limit,),
    ):
        doc_id, cid, value, low, high, qualifier, unit, counted, claimant, time, published = row
        placed, unplaced = asserted(time, published)
        if placed:
            claim = _Claim(value, low, high, qualifier, unit, counted, claimant)
            items.append(TimelineItem("claim", placed, claim_label(claim), doc_id, cid, unplaced))
    for doc_id, vid, plover, acled, source, target, time, published in conn.execute(
        "SELECT v.doc_id, v.id, v.plover, v.acled, v.source_text, v.target_text, v.time, "
        f"h.published FROM _hits h {join} events v ON v.doc_id = h.id "
        "WHERE coalesce(v.time, h.published) IS NOT NULL AND v.negated = 0 "
        "ORDER BY h.published DESC, h.num DESC, v.start, v.id LIMIT ?",
        (limit,),
    ):
        placed, unplaced = asserted(time, published)
        if placed:
            label = event_label(plover, acled, source, target)
            items.append(TimelineItem("event", placed, label, doc_id, vid, unplaced))
    return items


@dataclass(frozen=True)
class _Claim:
    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None
    unit: str | None
    counted: str | None
    claimant_name: str | None
