"""Story pages (``/stories``, ``/story/{id}``) and their JSON (``/api/stories``, ``/api/stories/{id}``).

Thin over :mod:`wiresift.stories.queries`; the story page's layout comes from :func:`board`.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from wiresift import api
from wiresift.store.base import StoreError
from wiresift.store.stories import StoryDetail
from wiresift.stories.board import board
from wiresift.web.db import store_session
from wiresift.web.permalink import article_url, span_link
from wiresift.web.views.params import Offset, PathKey

pages = APIRouter(default_response_class=HTMLResponse)
json_api = APIRouter(tags=["api"])
StoreDep = Annotated[Any, Depends(store_session)]
MAX_LIMIT = 500
PAGE_SIZE = 50


def _detail(store: Any, story_id: str) -> StoryDetail:
    try:
        return api.story(store, story_id)
    except StoreError as exc:
        raise HTTPException(404, str(exc)) from None


@pages.get("/stories")
def stories_page(request: Request, store: StoreDep, page: int = Query(1, ge=1, le=10_000)) -> HTMLResponse:
    rows = api.stories(store, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    response: HTMLResponse = request.app.state.templates.TemplateResponse(
        request, "stories.html", {"rows": rows, "page": page, "more": len(rows) == PAGE_SIZE}
    )
    return response


@pages.get("/story/{story_id:path}")
def story_page(request: Request, store: StoreDep, story_id: PathKey) -> HTMLResponse:
    view = board(_detail(store, story_id))
    response: HTMLResponse = request.app.state.templates.TemplateResponse(request, "story.html", {"b": view})
    return response


@json_api.get("/stories")
def stories(
    store: StoreDep, limit: int = Query(50, ge=1, le=MAX_LIMIT), offset: Offset = 0
) -> dict[str, Any]:
    """Stories, latest news first: id, title, time span, articles and outlets."""
    rows = api.stories(store, limit=limit, offset=offset)
    items = [dict(asdict(r), link="/story/" + quote(r.id, safe="")) for r in rows]
    return {"items": items, "limit": limit, "offset": offset, "total": len(items)}


@json_api.get("/stories/{story_id:path}")
def story(store: StoreDep, story_id: PathKey) -> dict[str, Any]:
    """One story: articles with how each joined (evidence, score), tracked claims and quotes, each
    mention with the permalink of its claim or quote in its article."""
    detail = _detail(store, story_id)
    record = asdict(detail)
    for a in record["articles"]:
        a["link"] = article_url(a["doc_id"])
    for k in record["claims"]:
        for m in k["mentions"]:
            m["link"] = span_link(m["doc_id"], "claim", m["claim_id"])
    for q in record["quotes"]:
        for m in q["mentions"]:
            m["link"] = span_link(m["doc_id"], "quote", m["quote_id"])
    return record
