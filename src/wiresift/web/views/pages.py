"""HTML pages: search, article, map, timeline, entity, entities, quotes, claims."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from wiresift import api, workbench
from wiresift.store.base import StoreError
from wiresift.store.workbench import SearchFilters
from wiresift.web.highlight import LAYER_LABELS, segments
from wiresift.web.views.params import search_filters

router = APIRouter(default_response_class=HTMLResponse)
PAGE_SIZE = 20


def _render(request: Request, name: str, **context: Any) -> HTMLResponse:
    response: HTMLResponse = request.app.state.templates.TemplateResponse(request, name, context)
    return response


def _store(request: Request) -> Any:
    return request.app.state.stores.get()


@router.get("/")
async def search_page(
    request: Request,
    filters: Annotated[SearchFilters, Depends(search_filters)],
    q: str = "",
    sort: Literal["relevance", "date"] = "relevance",
    page: int = Query(1, ge=1, le=10_000),
) -> HTMLResponse:
    result = workbench.search(
        _store(request),
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


@router.get("/article/{doc_id}")
async def article_page(request: Request, doc_id: str) -> HTMLResponse:
    view = workbench.article(_store(request), doc_id)
    if view is None:
        raise HTTPException(404, f"no article with id {doc_id!r}")
    return _render(
        request, "article.html", view=view, doc=view.doc, segments=segments(view.doc), layers=LAYER_LABELS
    )


@router.get("/map")
async def map_page(request: Request) -> HTMLResponse:
    return _render(request, "map.html")


@router.get("/timeline")
async def timeline_page(request: Request) -> HTMLResponse:
    return _render(request, "timeline.html")


@router.get("/entities")
async def entities_page(request: Request, type: str | None = None) -> HTMLResponse:
    rows = _store(request).entities(type=type or None, limit=500)
    return _render(request, "entities.html", rows=rows, type=type)


@router.get("/entity/{key}")
async def entity_page(request: Request, key: str) -> HTMLResponse:
    view = workbench.entity(_store(request), key)
    if view is None:
        raise HTTPException(404, f"no entity named or numbered {key!r}")
    return _render(request, "entity.html", view=view, entity=view.profile)


@router.get("/quotes")
async def quotes_page(
    request: Request, speaker: str | None = None, since: str | None = None, modes: str | None = None
) -> HTMLResponse:
    try:
        chosen = api.parse_modes(modes)
    except StoreError as exc:
        raise HTTPException(400, str(exc)) from None
    rows = api.quotes(_store(request), speaker=speaker or None, since=since or None, limit=500, modes=chosen)
    return _render(request, "quotes.html", rows=rows, speaker=speaker, since=since, modes=modes or "")


@router.get("/claims")
async def claims_page(
    request: Request, counted: str | None = None, place: str | None = None, claimant: str | None = None
) -> HTMLResponse:
    rows = _store(request).claims(
        counted=counted or None, place=place or None, claimant=claimant or None, limit=500
    )
    return _render(request, "claims.html", rows=rows, counted=counted, place=place, claimant=claimant)
