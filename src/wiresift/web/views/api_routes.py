"""The JSON API: the same data as the pages, paginated, described by FastAPI's OpenAPI schema."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response

from wiresift import api, workbench
from wiresift.store.base import StoreError
from wiresift.store.workbench import MARK_CLOSE, MARK_OPEN, SearchFilters
from wiresift.web.views.params import search_filters

router = APIRouter(tags=["api"])
MAX_LIMIT = 500


def _store(request: Request) -> Any:
    return request.app.state.stores.get()


def _plain_snippet(snippet: str) -> tuple[str, list[list[int]]]:
    """A snippet without its highlight markers, and the [start, end) of each highlight in it."""
    out: list[str] = []
    marks: list[list[int]] = []
    size = 0
    for ch in snippet:
        if ch == MARK_OPEN:
            marks.append([size, size])
        elif ch == MARK_CLOSE and marks:
            marks[-1][1] = size
        else:
            out.append(ch)
            size += 1
    return "".join(out), marks


def _modes(value: str | None) -> tuple[str, ...] | None:
    """The ``modes=`` parameter (a 400 answer for an unknown mode)."""
    try:
        return api.parse_modes(value)
    except StoreError as exc:
        raise HTTPException(400, str(exc)) from None


def _page(items: list[Any], limit: int, offset: int, total: int | None = None) -> dict[str, Any]:
    rows = [asdict(i) if hasattr(i, "__dataclass_fields__") else i for i in items]
    return {"items": rows, "limit": limit, "offset": offset, "total": len(rows) if total is None else total}


@router.get("/search")
async def search(
    request: Request,
    filters: Annotated[SearchFilters, Depends(search_filters)],
    q: str = "",
    sort: Literal["relevance", "date"] = "relevance",
    limit: int = Query(20, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0),
) -> dict[str, Any]:
    page = workbench.search(_store(request), q, filters, sort=sort, limit=limit, offset=offset)
    body = _page(page.hits, limit, offset, page.total)
    for hit in body["items"]:
        hit["snippet"], hit["highlights"] = _plain_snippet(hit["snippet"])
    body["facets"] = {
        k: [{"value": v, "label": lbl, "count": n} for v, lbl, n in rows] for k, rows in page.facets.items()
    }
    return body


@router.get("/documents")
async def documents(
    request: Request, limit: int = Query(20, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0)
) -> dict[str, Any]:
    page = workbench.search(_store(request), "", None, sort="date", limit=limit, offset=offset, facets=False)
    return _page(page.hits, limit, offset, page.total)


@router.get("/documents/{doc_id}")
async def document(request: Request, doc_id: str) -> dict[str, Any]:
    view = workbench.article(_store(request), doc_id)
    if view is None:
        raise HTTPException(404, f"no document with id {doc_id!r}")
    record = view.doc.to_record()
    record["near_duplicates"] = [{"id": i, "title": t, "site": s} for i, t, s in view.copies]
    return record


@router.get("/entities")
async def entities(
    request: Request,
    type: str | None = None,
    limit: int = Query(100, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0),
) -> dict[str, Any]:
    rows = _store(request).entities(type=type, limit=limit + offset)
    return _page(rows[offset:], limit, offset)


@router.get("/entities/{key}")
async def entity(request: Request, key: str) -> dict[str, Any]:
    view = workbench.entity(_store(request), key)
    if view is None:
        raise HTTPException(404, f"no entity named or numbered {key!r}")
    return asdict(view)


@router.get("/entities/{key}/graph")
async def entity_graph(request: Request, key: str) -> dict[str, Any]:
    """The entity and its co-occurring entities, as cytoscape-style nodes and edges."""
    graph = workbench.entity_graph(_store(request), key)
    if graph is None:
        raise HTTPException(404, f"no entity named or numbered {key!r}")
    return graph


@router.get("/quotes")
async def quotes(
    request: Request,
    speaker: str | None = None,
    since: str | None = None,
    modes: str | None = Query(None, description="Comma-separated quote modes, or all (default: statement)."),
    limit: int = Query(100, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0),
) -> dict[str, Any]:
    rows = api.quotes(
        _store(request), speaker=speaker, since=since, limit=limit + offset, modes=_modes(modes)
    )
    return _page(rows[offset:], limit, offset)


@router.get("/claims")
async def claims(
    request: Request,
    counted: str | None = None,
    place: str | None = None,
    claimant: str | None = None,
    limit: int = Query(100, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0),
) -> dict[str, Any]:
    rows = _store(request).claims(counted=counted, place=place, claimant=claimant, limit=limit + offset)
    return _page(rows[offset:], limit, offset)


@router.get("/places")
async def places(
    request: Request,
    country: str | None = None,
    limit: int = Query(2000, ge=1, le=5000),
) -> dict[str, Any]:
    rows = workbench.map_places(_store(request), country=country, limit=limit)
    return _page(rows, limit, 0)


@router.get("/places/mentions")
async def place_mentions(request: Request, name: str, country: str | None = None) -> dict[str, Any]:
    rows = workbench.place_mentions(_store(request), name, country)
    return _page(rows, len(rows), 0)


@router.get("/timeline")
async def timeline(request: Request, limit: int = Query(500, ge=1, le=5000)) -> dict[str, Any]:
    return _page(workbench.timeline(_store(request), limit), limit, 0)


@router.get("/export")
async def export(
    request: Request,
    format: str = Query(..., pattern="^(jsonl|geojson|stix|ftm)$"),
    q: str | None = None,
) -> Response:
    from wiresift import api

    media = {"jsonl": "application/x-ndjson", "ftm": "application/x-ndjson"}.get(format, "application/json")
    # Built on the event-loop thread: the app's single connection must not be shared with a worker thread.
    return Response("".join(api.export(_store(request), format, query=q)), media_type=media)
