"""The ``events`` table (its row fields are declared in :mod:`wiresift.layers`)
and the filtered read behind ``wiresift events`` and ``/api/events``."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from wiresift.store.sql import Dialect, Sql, SQLiteSql


@dataclass(frozen=True)
class EventRow:
    """One event across the store, with its article and the names of its place and actors."""

    doc_id: str
    title: str | None
    published: str | None
    id: str
    text: str
    start: int
    end: int
    plover: str | None
    quad: str | None
    mode: str | None
    cameo: str | None
    acled: str | None
    negated: bool
    hypothetical: str | None
    source_text: str | None
    source_code: str | None
    source_sector: str | None
    target_text: str | None
    target_code: str | None
    target_sector: str | None
    place_name: str | None
    lat: float | None
    lon: float | None
    time: str | None
    dead: int | None
    injured: int | None
    size: int | None
    confidence: float
    reported_by: str | None
    url: str | None
    #: The coordinated actors of each role beyond the first ("Ruritania and Bree struck"): each as
    #: its record (text, start, end, entity, code, sector).
    also_sources: list[dict[str, Any]] = field(default_factory=list)
    also_targets: list[dict[str, Any]] = field(default_factory=list)


def _also_match(d: Dialect, column: str) -> str:
    """An actor of the JSON list in ``column`` has the code (first ``?``) or words (second) asked for."""
    if d.name == "postgres":
        return (
            f"EXISTS (SELECT 1 FROM jsonb_array_elements(v.{column}::jsonb) a "
            f"WHERE a->>'code' = ? OR a->>'text' {d.like} ?)"
        )
    return (
        f"EXISTS (SELECT 1 FROM json_each(v.{column}) a "
        f"WHERE json_extract(a.value, '$.code') = ? OR json_extract(a.value, '$.text') {d.like} ?)"
    )


def _events_where(
    d: Dialect, plover: str | None, acled: str | None, actor: str | None, since: str | None
) -> tuple[str, list[Any]]:
    where: list[str] = [d.true]
    params: list[Any] = []
    if plover:
        where.append("v.plover = ?")
        params.append(plover.upper())
    if acled:
        where.append(f"v.acled {d.like} ?")
        params.append(f"%{acled}%")
    if actor:  # any actor of the event: the first of either role or a coordinated one
        where.append(
            f"(v.source_code = ? OR v.target_code = ? OR v.source_text {d.like} ? OR v.target_text {d.like} ? "
            f"OR {_also_match(d, 'also_sources')} OR {_also_match(d, 'also_targets')})"
        )
        params += [actor.upper(), actor.upper(), f"%{actor}%", f"%{actor}%"]
        params += [actor.upper(), f"%{actor}%"] * 2
    if since:
        where.append("d.published >= ?")
        params.append(since)
    return " AND ".join(where), params


def _sql(conn: sqlite3.Connection | Sql) -> Sql:
    return conn if not isinstance(conn, sqlite3.Connection) else SQLiteSql(conn)


def count_events(
    conn: sqlite3.Connection | Sql,
    plover: str | None = None,
    acled: str | None = None,
    actor: str | None = None,
    since: str | None = None,
) -> int:
    """How many events :func:`query_events` lists with the same filters (all its pages)."""
    sql = _sql(conn)
    where, params = _events_where(sql.dialect, plover, acled, actor, since)
    rows = sql.rows(
        f"SELECT count(*) FROM events v JOIN documents d ON d.id = v.doc_id WHERE {where}", params
    )
    return int(rows[0][0])


def query_events(
    conn: sqlite3.Connection | Sql,
    plover: str | None = None,
    acled: str | None = None,
    actor: str | None = None,
    since: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[EventRow]:
    """Events filtered by PLOVER category, ACLED-style category (a substring), an actor (code or words
    of its text, any actor of either role) and the article's publication date (``since`` YYYY-MM-DD, inclusive)."""
    sql = _sql(conn)
    d = sql.dialect
    where, params = _events_where(d, plover, acled, actor, since)
    rows = sql.rows(
        'SELECT v.doc_id, d.title, d.published, v.id, v.text, v.start, v."end", v.plover, v.quad, v.mode, '
        "v.cameo, v.acled, v.negated, v.hypothetical, v.source_text, v.source_code, v.source_sector, "
        "v.target_text, v.target_code, v.target_sector, p.name, p.lat, p.lon, v.time, v.dead, v.injured, "
        "v.size, v.confidence, v.reported_by, coalesce(d.url, d.source), v.also_sources, v.also_targets "
        "FROM events v JOIN documents d ON d.id = v.doc_id "
        "LEFT JOIN places p ON p.doc_id = v.doc_id AND p.id = v.place "
        f"WHERE {where} ORDER BY d.published {d.desc}, d.num, v.start, v.id LIMIT ? OFFSET ?",
        (*params, limit, offset),
    )
    out = []
    for r in rows:
        values: list[Any] = list(r)
        values[12] = bool(values[12])  # negated is stored as 0/1
        values[-2:] = [json.loads(v or "[]") for v in values[-2:]]  # the JSON lists of actors
        out.append(EventRow(*values))
    return out
