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
from wiresift.web.views.params import PathKey, Text, search_filters
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
        pages=max(1, -(-result.total // PAGE_SIZE)),
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


@router.get("/entities")
def entities_page(request: Request, store: StoreDep, type: Text = None) -> HTMLResponse:
    rows = store.entities(type=type or None, limit=500)
    return _render(request, "entities.html", rows=rows, type=type)


@router.get("/entity/{key:path}")
def entity_page(request: Request, store: StoreDep, key: PathKey) -> HTMLResponse:
    view = workbench.entity(store, key)
    if view is None:
        raise HTTPException(404, f"no entity named or numbered {key!r}")
    return _render(request, "entity.html", view=view, entity=view.profile)


@router.get("/quotes")
def quotes_page(
    request: Request, store: StoreDep, speaker: Text = None, since: Text = None, modes: Text = None
) -> HTMLResponse:
    try:
        chosen = api.parse_modes(modes)
    except StoreError as exc:
        raise HTTPException(400, str(exc)) from None
    rows = api.quotes(store, speaker=speaker or None, since=since or None, limit=500, modes=chosen)
    return _render(request, "quotes.html", rows=rows, speaker=speaker, since=since, modes=modes or "")


@router.get("/claims")
def claims_page(
    request: Request, store: StoreDep, counted: Text = None, place: Text = None, claimant: Text = None
) -> HTMLResponse:
    rows = store.claims(counted=counted or None, place=place or None, claimant=claimant or None, limit=500)
    return _render(request, "claims.html", rows=rows, counted=counted, place=place, claimant=claimant)
