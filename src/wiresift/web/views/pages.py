"""HTML pages: search, article, map, timeline, entity, entities, quotes, claims.

Plain ``def`` views: FastAPI runs them in worker threads with a pooled, time-boxed store.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from wiresift import api, workbench
from wiresift.store.base import StoreError
from wiresift.web.db import store_session
from wiresift.web.highlight import LAYER_LABELS, segments
from wiresift.web.views.params import MAX_OFFSET, PathKey, Text, checked_date, search_filters
from wiresift.workbench import SearchFilters, WorkbenchStore

router = APIRouter(default_response_class=HTMLResponse)
PAGE_SIZE = 20
StoreDep = Annotated[WorkbenchStore, Depends(store_session)]


def _render(request: Request, name: str, **context: Any) -> HTMLResponse:
    response: HTMLResponse = request.app.state.templates.TemplateResponse(request, name, context)
    return response


@router.get("/")
def search_page(
    request: Request,
    store: StoreDep,
    filters: Annotated[SearchFilters, Depends(search_filters)],
    q: str = "",
    sort: Literal["relevance", "date"] = "relevance",
    page: int = Query(1, ge=1, le=10_000),
) -> HTMLResponse:
    result = workbench.search(
        store,
        q,
        filters,
        sort=sort,
        limit=PAGE_SIZE,
        offset=(page - 1) * PAGE_SIZE,
    )
    template = "_results.html" if request.headers.get("HX-Request") else "search.html"
    params = {"q": q, **asdict(filters), "sort": sort}
    return _render(
        request,
        template,
        result=result,
        params=params,
        page=page,
        pages=max(1, -(-(result.scope if result.ranked_in_scope else result.total) // PAGE_SIZE)),
    )


@router.get("/article/{doc_id:path}")
def article_page(request: Request, store: StoreDep, doc_id: PathKey, q: Text = None) -> HTMLResponse:
    """The article with every layer highlighted; ``q`` marks the words of the search it came from."""
    view = workbench.article(store, doc_id, q or "")
    if view is None:
        raise HTTPException(404, f"no article with id {doc_id!r}")
    return _render(
        request,
        "article.html",
        view=view,
        doc=view.doc,
        segments=segments(view.doc, view.terms),
        layers=LAYER_LABELS,
        q=q or "",
    )


@router.get("/docs")
def docs_page(request: Request) -> HTMLResponse:
    """Swagger UI over ``/openapi.json``, from the vendored assets (the CSP allows nothing else)."""
    return _render(request, "docs.html", spec_url=request.app.openapi_url)


@router.get("/map")
def map_page(request: Request) -> HTMLResponse:
    return _render(request, "map.html")


@router.get("/timeline")
def timeline_page(request: Request) -> HTMLResponse:
    return _render(request, "timeline.html")


#: Rows per page of the entity, quote and claim lists (the API pages with ``limit``/``offset``).
PAGE_ROWS = 100
Page = Annotated[int, Query(ge=1, le=MAX_OFFSET // PAGE_ROWS)]


def _list(
    request: Request, name: str, view: str, rows: list[Any], total: int, page: int, params: dict[str, Any]
) -> HTMLResponse:
    nav = {"total": total, "page": page, "page_rows": PAGE_ROWS, "shown": len(rows), "view": view}
    path = request.url.path
    return _render(request, name, rows=rows, params=params, path=path, **nav, **params)


@router.get("/entities")
def entities_page(request: Request, store: StoreDep, type: Text = None, page: Page = 1) -> HTMLResponse:
    rows = api.entities(store, type=type or None, limit=PAGE_ROWS, offset=(page - 1) * PAGE_ROWS)
    total = store.count_entities(type=type or None)
    return _list(request, "entities.html", "entities", rows, total, page, {"type": type})


@router.get("/entity/{key:path}")
def entity_page(request: Request, store: StoreDep, key: PathKey) -> HTMLResponse:
    view = workbench.entity(store, key)
    if view is None:
        raise HTTPException(404, f"no entity named or numbered {key!r}")
    return _render(request, "entity.html", view=view, entity=view.profile)


@router.get("/quotes")
def quotes_page(
    request: Request,
    store: StoreDep,
    speaker: Text = None,
    since: Text = None,
    modes: Text = None,
    page: Page = 1,
) -> HTMLResponse:
    try:
        chosen = api.parse_modes(modes)
    except StoreError as exc:
        raise HTTPException(400, str(exc)) from None
    since = checked_date("since", since)
    offset = (page - 1) * PAGE_ROWS
    rows = api.quotes(
        store, speaker=speaker or None, since=since, limit=PAGE_ROWS, modes=chosen, offset=offset
    )
    total = store.count_quotes(speaker=speaker or None, since=since, modes=chosen)
    params = {"speaker": speaker, "since": since, "modes": modes or ""}
    return _list(request, "quotes.html", "quotes", rows, total, page, params)


@router.get("/claims")
def claims_page(
    request: Request,
    store: StoreDep,
    counted: Text = None,
    place: Text = None,
    claimant: Text = None,
    page: Page = 1,
) -> HTMLResponse:
    filters = {"counted": counted or None, "place": place or None, "claimant": claimant or None}
    rows = api.claims(store, **filters, limit=PAGE_ROWS, offset=(page - 1) * PAGE_ROWS)
    total = store.count_claims(**filters)
    return _list(request, "claims.html", "claims", rows, total, page, filters)
