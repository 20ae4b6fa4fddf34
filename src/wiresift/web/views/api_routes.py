"""The JSON API: the same data as the pages, paginated, described by FastAPI's OpenAPI schema.

Every view is a plain ``def``: FastAPI runs it in a worker thread with a pooled, time-boxed store
(:mod:`wiresift.web.db`), so no database work happens on the event loop.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from threading import Semaphore
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import StreamingResponse

from wiresift import api, workbench
from wiresift.store.base import StoreError
from wiresift.web.db import MAX_EXPORTS, store_session
from wiresift.web.permalink import entity_record, linked
from wiresift.web.views.exports import disposition, filename
from wiresift.web.views.params import (
    Offset,
    PathKey,
    Text,
    ViewFilters,
    checked_date,
    search_filters,
    view_filters,
)
from wiresift.workbench import SearchFilters, WorkbenchStore

router = APIRouter(tags=["api"])
MAX_LIMIT = 500

StoreDep = Annotated[WorkbenchStore, Depends(store_session)]


def _modes(value: str | None) -> tuple[str, ...] | None:
    """The ``modes=`` parameter (a 400 answer for an unknown mode)."""
    try:
        return api.parse_modes(value)
    except StoreError as exc:
        raise HTTPException(400, str(exc)) from None


def _page(
    items: list[Any], limit: int, offset: int, total: int | None = None, q: str | None = None
) -> dict[str, Any]:
    """A page of rows, each with its permalink (``link``) when it names an article.

    ``total`` counts every row the filters select (all pages); ``truncated`` says whether rows
    exist past this page. Lists without a count (``total`` None: the map's places, the timeline)
    say ``truncated`` when they filled their ``limit``.
    """
    rows = [linked(i, q) for i in items]
    more = len(rows) >= limit if total is None else offset + len(rows) < total
    return {"items": rows, "limit": limit, "offset": offset, "total": total, "truncated": more}


@router.get("/search")
def search(
    store: StoreDep,
    filters: Annotated[SearchFilters, Depends(search_filters)],
    q: str = "",
    sort: Literal["relevance", "date"] = "relevance",
    limit: int = Query(20, ge=1, le=MAX_LIMIT),
    offset: Offset = 0,
) -> dict[str, Any]:
    """Ranked search; each hit's ``highlights`` are ``[start, end)`` offsets into its ``snippet``."""
    page = workbench.search(store, q, filters, sort=sort, limit=limit, offset=offset)
    body = _page(page.hits, limit, offset, page.total, q=q)
    # facets count the ``scope`` most recently stored matches; with words, ranking and paging too,
    # and the total counts up to them: ``total_capped`` says that more than ``total`` articles match
    body["scope"] = page.scope
    body["ranked_in_scope"] = page.ranked_in_scope
    body["total_capped"] = page.total_capped
    body["facets"] = {
        k: [{"value": v, "label": lbl, "count": n} for v, lbl, n in rows] for k, rows in page.facets.items()
    }
    return body


@router.get("/documents")
def documents(
    store: StoreDep, limit: int = Query(20, ge=1, le=MAX_LIMIT), offset: Offset = 0
) -> dict[str, Any]:
    page = workbench.search(store, "", None, sort="date", limit=limit, offset=offset, facets=False)
    return _page(page.hits, limit, offset, page.total)


@router.get("/documents/{doc_id:path}")
def document(store: StoreDep, doc_id: PathKey) -> dict[str, Any]:
    view = workbench.article(store, doc_id)
    if view is None:
        raise HTTPException(404, f"no document with id {doc_id!r}")
    record = view.doc.to_record()
    record["near_duplicates"] = [{"id": i, "title": t, "site": s} for i, t, s in view.copies]
    return record


@router.get("/entities")
def entities(
    store: StoreDep,
    type: Text = None,
    limit: int = Query(100, ge=1, le=MAX_LIMIT),
    offset: Offset = 0,
) -> dict[str, Any]:
    rows = api.entities(store, type=type, limit=limit, offset=offset)
    return _page(rows, limit, offset, store.count_entities(type=type))


# Declared before /entities/{key:path}, which would otherwise take "NAME/graph" as a name.
@router.get("/entities/{key:path}/graph")
def entity_graph(store: StoreDep, key: PathKey) -> dict[str, Any]:
    """The entity and its co-occurring entities, as cytoscape-style nodes and edges."""
    graph = workbench.entity_graph(store, key)
    if graph is None:
        raise HTTPException(404, f"no entity named or numbered {key!r}")
    return graph


@router.get("/entities/{key:path}")
def entity(store: StoreDep, key: PathKey) -> dict[str, Any]:
    view = workbench.entity(store, key)
    if view is None:
        raise HTTPException(404, f"no entity named or numbered {key!r}")
    return entity_record(view)


@router.get("/quotes")
def quotes(
    store: StoreDep,
    speaker: Text = None,
    since: Text = None,
    modes: Text = None,  # comma-separated quote modes, or "all" (default: statements only)
    limit: int = Query(100, ge=1, le=MAX_LIMIT),
    offset: Offset = 0,
) -> dict[str, Any]:
    chosen, since = _modes(modes), checked_date("since", since)
    rows = api.quotes(store, speaker=speaker, since=since, limit=limit, modes=chosen, offset=offset)
    return _page(rows, limit, offset, store.count_quotes(speaker=speaker, since=since, modes=chosen))


@router.get("/claims")
def claims(
    store: StoreDep,
    counted: Text = None,
    place: Text = None,
    claimant: Text = None,
    limit: int = Query(100, ge=1, le=MAX_LIMIT),
    offset: Offset = 0,
) -> dict[str, Any]:
    rows = api.claims(store, counted=counted, place=place, claimant=claimant, limit=limit, offset=offset)
    return _page(rows, limit, offset, store.count_claims(counted=counted, place=place, claimant=claimant))


@router.get("/events")
def events(
    store: StoreDep,
    plover: Text = None,
    acled: Text = None,
    actor: Text = None,
    since: Text = None,
    limit: int = Query(100, ge=1, le=MAX_LIMIT),
    offset: Offset = 0,
) -> dict[str, Any]:
    since = checked_date("since", since)
    try:
        rows = api.events(
            store, plover=plover, acled=acled, actor=actor, since=since, limit=limit, offset=offset
        )
    except StoreError as exc:
        raise HTTPException(400, str(exc)) from None
    return _page(
        rows, limit, offset, store.count_events(plover=plover, acled=acled, actor=actor, since=since)
    )


def _shared(store: Any, view: ViewFilters) -> SearchFilters:
    """The map's and timeline's filters as search filters (a 400 for an unknown entity)."""
    try:
        return view.search(workbench.entity_filter(store, view.entity))
    except StoreError as exc:
        raise HTTPException(400, str(exc)) from None


@router.get("/places")
def places(
    store: StoreDep,
    view: Annotated[ViewFilters, Depends(view_filters)],
    limit: int = Query(2000, ge=1, le=5000),
) -> dict[str, Any]:
    """Places with article counts; with ``q``/``entity``/``since``/``until``/``country``, the places of
    the matching articles (the timeline's filters)."""
    filters = _shared(store, view)
    rows = workbench.map_places(store, country=view.country, limit=limit, query=view.q, filters=filters)
    body = _page(rows, limit, 0)
    body["countries"] = workbench.country_totals(rows)  # the shading: mentions of each country's places
    body["provinces"] = workbench.province_totals(rows)  # the same by province, when zoomed in
    return body


@router.get("/places/mentions")
def place_mentions(
    store: StoreDep,
    name: Annotated[str | None, Query(max_length=500)] = None,
    country: Text = None,
    admin1: Text = None,
) -> dict[str, Any]:
    """The sentences naming a place (``name``, optionally in ``country``), or any place of a country
    (``country``) or of a province (``country`` and ``admin1``, the province's name)."""
    try:
        rows = workbench.place_mentions(store, name, country, admin1)
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from None
    return _page(rows, workbench.PLACE_MENTIONS, 0)


@router.get("/timeline")
def timeline(
    store: StoreDep,
    view: Annotated[ViewFilters, Depends(view_filters)],
    limit: int = Query(500, ge=1, le=5000),
) -> dict[str, Any]:
    """Articles, events, quotes and claims by date (at most ``limit`` per lane), and the ``span`` the
    timeline opens on (most of the items' dates); the same filters as ``/api/places``."""
    filters = _shared(store, view)
    result = workbench.timeline(store, limit, query=view.q, filters=filters)
    body = _page(result.items, limit, 0)
    body["truncated"] = any(
        sum(1 for i in result.items if i.kind == kind) >= limit
        for kind in ("article", "quote", "claim", "event")
    )
    body["span"] = {"start": result.span[0], "end": result.span[1]} if result.span else None
    return body


def _export_chunks(db: Path, format: str, query: str | None, slots: Semaphore) -> Iterator[str]:
    """The export's text from a connection of its own (no time budget: an export takes its time).

    Starts with an empty chunk so that the caller can start it at once: from then on closing the
    generator (end of stream, client gone, garbage collection) runs its ``finally``.
    """
    from wiresift import api

    try:
        yield ""
        store = api.open_store(db)
        try:
            yield from api.export(store, format, query=query)
        finally:
            store.close()
    finally:
        slots.release()


@router.get("/export")
def export(
    request: Request,
    format: str = Query(..., pattern="^(jsonl|geojson|stix|ftm)$"),
    q: str | None = None,
) -> StreamingResponse:
    """The whole store (or the documents matching ``q``), streamed from a worker thread."""
    if q:
        api.check_query(q)  # a query over the cost limits is a 400 before anything streams
    slots = request.app.state.export_slots
    if not slots.acquire(blocking=False):
        raise HTTPException(503, f"{MAX_EXPORTS} exports are already running: try again when one ends")
    chunks = _export_chunks(request.app.state.db, format, q, slots)
    next(chunks)
    media = {"jsonl": "application/x-ndjson", "ftm": "application/x-ndjson"}.get(format, "application/json")
    ext = {"stix": "stix.json", "ftm": "ftm.jsonl"}.get(format, format)
    return StreamingResponse(chunks, media_type=media, headers=disposition(filename("store", ext)))
